//! Formatting entry points of the VM: `format(v, spec)` and f-string
//! fields (`FormatValue`), `str.format`/`format_map`, and `%`-formatting.
//! The mini-language itself lives in `vm::num`; this file resolves
//! arguments (positions, keys, attributes, `*` widths) and dispatches by
//! type.

use super::int::{int_ref, num_err};
use crate::vm::call::Args;
use crate::vm::code::{FORMAT_CONV_ASCII, FORMAT_CONV_REPR, FORMAT_CONV_STR};
use crate::vm::num::{
    self, check_recursion, conversion_error, parse_field_name, parse_percent, star_precision,
    star_width, AutoNumber, FieldAccessor, FieldKey, Int, MarkupItem, MarkupIter, PercentArg,
    PercentArgs, PercentCount, PercentPiece, PercentSpec, MAX_FORMAT_RECURSION,
};
use crate::vm::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `FormatValue`: conversion (`!s`, `!r`, `!a`) then `format(v, spec)`.
    pub fn format_value(&mut self, v: Value, conv: u32, spec: Value) -> PyResult<Value> {
        let v = match conv {
            FORMAT_CONV_STR => Value::string(self.str_of(&v)?),
            FORMAT_CONV_REPR => Value::string(self.repr_of(&v)?),
            FORMAT_CONV_ASCII => Value::string(super::functions::ascii_escape(&self.repr_of(&v)?)),
            _ => v,
        };
        let spec = match &spec {
            Value::Null => String::new(),
            s => match s.as_str() {
                Some(s) => s.to_string(),
                None => {
                    let t = self.type_name(s);
                    return self.type_error(format!("format() argument 2 must be str, not {t}"));
                }
            },
        };
        self.format(&v, &spec).map(Value::string)
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if self.has_user_special(v, "__format__") {
            if let Some(f) = self.special(v, "__format__") {
                let r = self.call(&f, Args::new(vec![Value::str(spec)]))?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let t = self.type_name(&r);
                        self.type_error(format!("__format__ must return a str, not {t}"))
                    }
                };
            }
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        if let Some(p) = super::payload(v) {
            return self.format(&p, spec);
        }
        let r = match v {
            Value::Bool(b) => {
                num::format_int_typed(num::IntRef::Small(i64::from(*b)), spec, "bool")
            }
            Value::Float(f) => num::format_float(*f, spec),
            _ => match (int_ref(v), v.as_str(), super::complex::as_complex(v)) {
                (_, _, Some(z)) => num::format_complex(z, spec),
                (Some(i), _, _) => num::format_int(i, spec),
                (None, Some(s), _) => num::format_str(s, spec),
                _ => {
                    let t = self.type_name(v);
                    return self.type_error(format!(
                        "unsupported format string passed to {t}.__format__"
                    ));
                }
            },
        };
        r.map_err(|e| num_err(self, e))
    }
}

/// `fmt.format(*pos, **kw)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<String> {
    let mut auto = AutoNumber::new();
    render_template(
        vm,
        fmt,
        &|vm, key| lookup_field(vm, key, pos, kw),
        MAX_FORMAT_RECURSION,
        &mut auto,
    )
}

/// `fmt.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, fmt: &str, m: &Value) -> PyResult<String> {
    let mut auto = AutoNumber::new();
    let m = m.clone();
    render_template(
        vm,
        fmt,
        &|vm, key| match key {
            FieldKey::Name(k) => vm.getitem(&m, &Value::str(k)),
            FieldKey::Index(_) => vm.value_error("Format string contains positional fields"),
        },
        MAX_FORMAT_RECURSION,
        &mut auto,
    )
}

fn lookup_field(
    vm: &mut Vm,
    key: FieldKey<'_>,
    pos: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    match key {
        FieldKey::Index(i) => match pos.get(i) {
            Some(v) => Ok(v.clone()),
            None => vm.error_val(
                "IndexError",
                &format!("Replacement index {i} out of range for positional args tuple"),
            ),
        },
        FieldKey::Name(k) => match kw.iter().find(|(n, _)| n.as_str() == Some(k)) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(vm.key_error(Value::str(k))),
        },
    }
}

type FieldLookup<'a> = dyn Fn(&mut Vm, FieldKey<'_>) -> PyResult<Value> + 'a;

fn render_template(
    vm: &mut Vm,
    template: &str,
    lookup: &FieldLookup<'_>,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<String> {
    check_recursion(depth).map_err(|e| num_err(vm, e))?;
    let mut out = String::new();
    for item in MarkupIter::new(template) {
        let (name, conversion, spec, expand) = match item.map_err(|e| num_err(vm, e))? {
            MarkupItem::Literal(t) => {
                out.push_str(t);
                continue;
            }
            MarkupItem::Field {
                name,
                conversion,
                spec,
                spec_needs_expanding,
            } => (name, conversion, spec, spec_needs_expanding),
        };
        let field = parse_field_name(name, auto).map_err(|e| num_err(vm, e))?;
        let mut v = lookup(vm, field.first)?;
        for acc in field.rest {
            v = match acc.map_err(|e| num_err(vm, e))? {
                FieldAccessor::Attr(a) => vm.get_attr_str(&v, a)?,
                FieldAccessor::Index(i) => vm.getitem(&v, &Value::Int(i as i64))?,
                FieldAccessor::Key(k) => vm.getitem(&v, &Value::str(k))?,
            };
        }
        if let Some(c) = conversion {
            v = Value::string(match c {
                'r' => vm.repr_of(&v)?,
                's' => vm.str_of(&v)?,
                'a' => super::functions::ascii_escape(&vm.repr_of(&v)?),
                c => return Err(num_err(vm, conversion_error(c))),
            });
        }
        let spec = if expand {
            render_template(vm, spec, lookup, depth - 1, auto)?
        } else {
            spec.to_string()
        };
        out.push_str(&vm.format(&v, &spec)?);
    }
    Ok(out)
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_impl(vm, fmt, args, false)
}

/// `fmt % args` for a bytes template: the same machinery on the template
/// read as Latin-1 (one char per byte), with bytes' own `%s`/`%b`, `%r`
/// and `%c`, mapping keys as bytes, and the result written back byte per
/// char.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| char::from(b)).collect();
    let out = percent_format_impl(vm, &text, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn percent_format_impl(vm: &mut Vm, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
    // A tuple subclass (a namedtuple) supplies its items, as in CPython.
    let tuple: Option<Vec<Value>> = match args.as_tuple() {
        Some(t) => Some(t.to_vec()),
        None => super::payload(args).and_then(|p| p.as_tuple().map(|t| t.to_vec())),
    };
    let is_map = tuple.is_none()
        && args.as_str().is_none()
        && (matches!(args.as_obj().map(|o| &**o), Some(Obj::Dict(_)))
            || (!super::is_builtin_value(args) && vm.special(args, "__getitem__").is_some()));
    let mut cursor = PercentArgs::new(tuple.as_ref().map(Vec::len), is_map);
    let mut current = args.clone();
    let mut out = String::new();
    for piece in parse_percent(fmt) {
        let spec = match piece.map_err(|e| num_err(vm, e))? {
            PercentPiece::Literal(t) => {
                out.push_str(t);
                continue;
            }
            PercentPiece::Spec(spec) => spec,
        };
        if let Some(key) = spec.key {
            cursor.check_mapping().map_err(|e| num_err(vm, e))?;
            let key = if bytes {
                super::bytes::latin1_value(key)
            } else {
                Value::str(key)
            };
            current = vm.getitem(args, &key)?;
            cursor.looked_up();
        }
        let fetch = |vm: &mut Vm, cursor: &mut PercentArgs, current: &Value| -> PyResult<Value> {
            Ok(match cursor.next_arg().map_err(|e| num_err(vm, e))? {
                PercentArg::Item(i) => tuple
                    .as_ref()
                    .and_then(|t| t.get(i).cloned())
                    .unwrap_or(Value::None),
                PercentArg::Whole => current.clone(),
            })
        };
        let mut star_w = None;
        let mut star_p = None;
        if spec.width == PercentCount::Star {
            let v = fetch(vm, &mut cursor, &current)?;
            let Some(n) = int_ref(&v) else {
                return vm.type_error("* wants int");
            };
            star_w = Some(star_width(n).map_err(|e| num_err(vm, e))?);
        }
        if spec.precision == PercentCount::Star {
            let v = fetch(vm, &mut cursor, &current)?;
            let Some(n) = int_ref(&v) else {
                return vm.type_error("* wants int");
            };
            star_p = Some(star_precision(n).map_err(|e| num_err(vm, e))?);
        }
        if let Some(e) = spec.deferred_error.clone() {
            return Err(num_err(vm, e));
        }
        let v = fetch(vm, &mut cursor, &current)?;
        let rendered = if bytes {
            render_bytes_spec(vm, &spec, &v, star_w, star_p)?
        } else {
            render_spec(vm, &spec, &v, star_w, star_p)?
        };
        out.push_str(&rendered);
        cursor
            .check_all_used(false)
            .map_err(|e| percent_err(vm, e, bytes))?;
    }
    cursor
        .check_all_used(true)
        .map_err(|e| percent_err(vm, e, bytes))?;
    Ok(out)
}

/// A `%`-formatting error, worded for bytes when formatting bytes.
fn percent_err(vm: &Vm, e: num::NumError, bytes: bool) -> crate::vm::PyErr {
    match e {
        num::NumError::Type(m) if bytes => vm.error(
            "TypeError",
            m.replace("string formatting", "bytes formatting"),
        ),
        e => num_err(vm, e),
    }
}

/// One conversion of a bytes template: `%s`/`%b` take bytes-like values
/// (or `__bytes__`), `%r`/`%a` give `ascii(repr(v))`, `%c` an int below
/// 256 or one byte; the numeric conversions are str's.
fn render_bytes_spec(
    vm: &mut Vm,
    spec: &PercentSpec<'_>,
    v: &Value,
    star_w: Option<(usize, bool)>,
    star_p: Option<usize>,
) -> PyResult<String> {
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&c| char::from(c)).collect() };
    let r = match spec.conversion {
        's' | 'b' => {
            let data = match super::bytes::as_bytes(v) {
                Some(b) => b,
                None => match vm.special(v, "__bytes__") {
                    Some(f) => {
                        let r = vm.call(&f, Args::new(vec![]))?;
                        match super::bytes::as_bytes(&r) {
                            Some(b) => b,
                            None => {
                                let t = vm.type_name(&r);
                                return vm.type_error(format!(
                                    "__bytes__ returned non-bytes (type {t})"
                                ));
                            }
                        }
                    }
                    None => {
                        let t = vm.type_name(v);
                        return vm.type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                        ));
                    }
                },
            };
            spec.render_str(&latin1(&data), star_w, star_p)
        }
        'r' | 'a' => {
            let t = super::functions::ascii_escape(&vm.repr_of(v)?);
            spec.render_str(&t, star_w, star_p)
        }
        'c' => {
            if let Some(n) = int_ref(v) {
                match n.to_i64().filter(|n| (0..256).contains(n)) {
                    Some(n) => spec.render_str(&latin1(&[n as u8]), star_w, star_p),
                    None => return Err(vm.error("OverflowError", "%c arg not in range(256)")),
                }
            } else {
                match super::bytes::as_bytes(v) {
                    Some(b) if b.len() == 1 => spec.render_str(&latin1(&b), star_w, star_p),
                    _ => {
                        return vm
                            .type_error("%c requires an integer in range(256) or a single byte")
                    }
                }
            }
        }
        _ => return render_spec(vm, spec, v, star_w, star_p),
    };
    r.map_err(|e| num_err(vm, e))
}

fn render_spec(
    vm: &mut Vm,
    spec: &PercentSpec<'_>,
    v: &Value,
    star_w: Option<(usize, bool)>,
    star_p: Option<usize>,
) -> PyResult<String> {
    let r = match spec.conversion {
        's' | 'r' | 'a' => {
            let t = match spec.conversion {
                's' => vm.str_of(v)?,
                'r' => vm.repr_of(v)?,
                _ => super::functions::ascii_escape(&vm.repr_of(v)?),
            };
            spec.render_str(&t, star_w, star_p)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n: Int = match (v, int_ref(v)) {
                (_, Some(n)) => n.to_int(),
                (Value::Float(x), None) if !matches!(spec.conversion, 'o' | 'x' | 'X') => {
                    Int::from_f64(*x).map_err(|e| num_err(vm, e))?
                }
                _ => {
                    if let Some(f) = vm
                        .special(v, "__index__")
                        .or_else(|| vm.special(v, "__int__"))
                    {
                        let r = vm.call(&f, Args::new(vec![]))?;
                        if let Some(n) = int_ref(&r) {
                            return spec
                                .render_int(n, star_w, star_p)
                                .map_err(|e| num_err(vm, e));
                        }
                    }
                    let t = vm.type_name(v);
                    return Err(num_err(vm, spec.int_type_error(&t)));
                }
            };
            spec.render_int(n.as_ref(), star_w, star_p)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match (v, int_ref(v)) {
                (Value::Float(x), _) => *x,
                (_, Some(n)) => n.to_f64().map_err(|e| num_err(vm, e))?,
                _ => {
                    if let Some(f) = vm.special(v, "__float__") {
                        if let Value::Float(x) = vm.call(&f, Args::new(vec![]))? {
                            return spec
                                .render_float(x, star_w, star_p)
                                .map_err(|e| num_err(vm, e));
                        }
                    }
                    let t = vm.type_name(v);
                    return Err(num_err(vm, PercentSpec::float_type_error(&t)));
                }
            };
            spec.render_float(x, star_w, star_p)
        }
        'c' => match (v, int_ref(v)) {
            (_, Some(n)) => spec.render_char_code(n, star_w, star_p),
            (v, None) if v.as_str().is_some_and(|s| s.chars().count() == 1) => {
                spec.render_str(v.as_str().unwrap_or(""), star_w, star_p)
            }
            _ => Err(PercentSpec::char_type_error()),
        },
        _ => Err(spec.unsupported()),
    };
    r.map_err(|e| num_err(vm, e))
}

#[cfg(test)]
mod tests {
    use crate::run::{run, RunOptions};

    #[test]
    fn percent_takes_the_items_of_a_tuple_subclass() {
        // python3: "1-2 (1, 2)" (a namedtuple's __repr__ relies on this).
        let program =
            "class P(tuple):\n    pass\nprint('%s-%s' % P((1, 2)), '%r' % (P((1, 2)),))\n";
        let out = run(program, &RunOptions::default());
        assert_eq!(out.stdout, "1-2 (1, 2)\n", "{}", out.stderr);
    }
}
