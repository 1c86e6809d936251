//! Conformance tests: every case in `testdata/*.txt` was run on CPython
//! 3.11 by `testdata/gen.py`; here the same operation runs on this module
//! and the results must be identical, errors and messages included. For
//! `%` and `str.format` a small stand-in for the VM walks the pieces the
//! way the interpreter will.
//!
//! Owns: the test harness only. Never: decides an expected value — those
//! come from python3 alone; `generated_data_is_fresh` reruns the
//! generator when python3 3.11 is on PATH.

use std::fmt::Write as _;

use num_bigint::BigInt;
use num_traits::Num;

use super::float_text::float_repr;
use super::format::format_int_typed;
use super::percent::{star_precision, star_width, PercentArg, PercentArgs};
use super::str_format::{check_recursion, conversion_error};
use super::unicode::{is_printable, py_str_repr};
use super::*;

/// A test value.
#[derive(Clone, Debug)]
enum V {
    I(Int),
    F(f64),
    S(String),
    B(bool),
    N,
}

type Outcome = Result<Vec<V>, (String, String)>;

fn unesc(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                it.next();
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(cp).expect("code point"));
            }
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    out
}

fn dec(s: &str) -> V {
    let (tag, body) = s.split_once(':').expect("tagged value");
    match tag {
        "i" => {
            let (neg, hex) = match body.strip_prefix('-') {
                Some(h) => (true, h),
                None => (false, body),
            };
            let hex = hex.trim_start_matches("0x");
            let v = BigInt::from_str_radix(hex, 16).expect("hex int");
            V::I(Int::from(if neg { -v } else { v }))
        }
        "f" => V::F(f64::from_bits(
            u64::from_str_radix(body, 16).expect("float bits"),
        )),
        "s" => V::S(unesc(body)),
        "b" => V::B(body == "True"),
        "n" => V::N,
        _ => panic!("bad value {s}"),
    }
}

fn enc(v: &V) -> String {
    match v {
        V::I(i) => {
            let b = i.to_bigint();
            if b.sign() == num_bigint::Sign::Minus {
                format!("i:-0x{:x}", -b)
            } else {
                format!("i:0x{b:x}")
            }
        }
        V::F(x) if x.is_nan() => "f:nan".into(),
        V::F(x) => format!("f:{:016x}", x.to_bits()),
        V::S(s) => format!("s:{}", esc(s)),
        V::B(b) => format!("b:{}", if *b { "True" } else { "False" }),
        V::N => "n:".into(),
    }
}

fn normalize_expected(field: &str) -> String {
    // NaN payloads and signs differ between libms; compare NaN as NaN.
    if let Some(bits) = field.strip_prefix("f:") {
        if let Ok(b) = u64::from_str_radix(bits, 16) {
            if f64::from_bits(b).is_nan() {
                return "f:nan".into();
            }
        }
    }
    field.to_string()
}

fn err(e: NumError) -> (String, String) {
    (e.class_name().to_string(), e.message().to_string())
}

fn int(v: &V) -> &Int {
    match v {
        V::I(i) => i,
        _ => panic!("expected an int, got {v:?}"),
    }
}

fn float(v: &V) -> f64 {
    match v {
        V::F(x) => *x,
        _ => panic!("expected a float, got {v:?}"),
    }
}

fn text(v: &V) -> &str {
    match v {
        V::S(s) => s,
        _ => panic!("expected a str, got {v:?}"),
    }
}

fn ok1(v: V) -> Outcome {
    Ok(vec![v])
}

/// Runs every case of a data file through `run`, reporting mismatches.
fn check_file(data: &str, run: impl Fn(&str, &[&str]) -> Option<Outcome>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let arrow = fields.iter().position(|f| *f == "=>").expect("=>");
        let (op, args) = (fields[0], &fields[1..arrow]);
        let expected = &fields[arrow + 1..];
        let Some(got) = run(op, args) else {
            panic!("unknown op {op}");
        };
        count += 1;
        let got_fields: Vec<String> = match &got {
            Ok(vs) => std::iter::once("ok".to_string())
                .chain(vs.iter().map(enc))
                .collect(),
            Err((class, msg)) => vec!["err".into(), class.clone(), esc(msg)],
        };
        let want: Vec<String> = expected.iter().map(|f| normalize_expected(f)).collect();
        if got_fields != want {
            failures.push(format!(
                "{op} {}\n   want {}\n    got {}",
                args.join(" "),
                want.join(" "),
                got_fields.join(" ")
            ));
        }
    }
    assert!(count > 0);
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(40).cloned().collect();
        panic!(
            "{} of {count} cases differ from CPython:\n{}",
            failures.len(),
            shown.join("\n")
        );
    }
    eprintln!("{count} cases match CPython");
}

#[test]
fn ints_match_cpython() {
    check_file(include_str!("testdata/int.txt"), |op, args| {
        let a: Vec<V> = args.iter().map(|s| dec(s)).collect();
        let i = |k: usize| int(&a[k]);
        let r: Outcome = match op {
            "add" => ok1(V::I(i(0) + i(1))),
            "sub" => ok1(V::I(i(0) - i(1))),
            "mul" => {
                let product = i(0) * i(1);
                assert_eq!(i(0).mul_checked(i(1)).as_ref(), Ok(&product));
                ok1(V::I(product))
            }
            "floordiv" => i(0).floordiv(i(1)).map(|v| vec![V::I(v)]).map_err(err),
            "mod" => i(0).modulo(i(1)).map(|v| vec![V::I(v)]).map_err(err),
            "divmod" => i(0)
                .divmod(i(1))
                .map(|(q, r)| vec![V::I(q), V::I(r)])
                .map_err(err),
            "truediv" => i(0).truediv(i(1)).map(|v| vec![V::F(v)]).map_err(err),
            "and" => ok1(V::I(i(0) & i(1))),
            "or" => ok1(V::I(i(0) | i(1))),
            "xor" => ok1(V::I(i(0) ^ i(1))),
            "cmp" => ok1(V::I(Int::from(i(0).cmp(i(1)) as i64))),
            "pow" => match i(0).pow(i(1)) {
                Ok(PowResult::Int(v)) => ok1(V::I(v)),
                Ok(PowResult::Float(x)) => ok1(V::F(x)),
                Err(e) => Err(err(e)),
            },
            "powmod" => i(0).pow_mod(i(1), i(2)).map(|v| vec![V::I(v)]).map_err(err),
            "lshift" => i(0).lshift(i(1)).map(|v| vec![V::I(v)]).map_err(err),
            "rshift" => i(0).rshift(i(1)).map(|v| vec![V::I(v)]).map_err(err),
            "neg" => ok1(V::I(-i(0))),
            "abs" => ok1(V::I(i(0).abs())),
            "invert" => ok1(V::I(i(0).invert())),
            "bit_length" => ok1(V::I(Int::from(i(0).bit_length()))),
            "hash" => ok1(V::I(Int::from(i(0).hash()))),
            "str" => i(0).to_str().map(|s| vec![V::S(s)]).map_err(err),
            "hex" => ok1(V::S(i(0).to_hex())),
            "oct" => ok1(V::S(i(0).to_oct())),
            "bin" => ok1(V::S(i(0).to_bin())),
            "float" => i(0).to_f64().map(|v| vec![V::F(v)]).map_err(err),
            "index" => i(0)
                .to_index()
                .map(|v| vec![V::I(Int::from(v))])
                .map_err(err),
            "round" => i(0).round(i(1)).map(|v| vec![V::I(v)]).map_err(err),
            "cmp_float" => ok1(match i(0).cmp_f64(float(&a[1])) {
                None => V::N,
                Some(o) => V::I(Int::from(o as i64)),
            }),
            _ => return None,
        };
        Some(r)
    });
}

#[test]
fn floats_match_cpython() {
    check_file(include_str!("testdata/float.txt"), |op, args| {
        let a: Vec<V> = args.iter().map(|s| dec(s)).collect();
        let x = float(&a[0]);
        let y = || float(&a[1]);
        let f = |r: Result<f64, NumError>| r.map(|v| vec![V::F(v)]).map_err(err);
        let r: Outcome = match op {
            "ffloordiv" => f(float_floordiv(x, y())),
            "fmod" => f(float_mod(x, y())),
            "ftruediv" => f(float_truediv(x, y())),
            "fpow" => f(float_pow(x, y())),
            "fdivmod" => float_divmod(x, y())
                .map(|(q, r)| vec![V::F(q), V::F(r)])
                .map_err(err),
            "repr" => ok1(V::S(float_repr(x))),
            "hash" => ok1(float_hash(x).map_or(V::N, |h| V::I(Int::from(h)))),
            "round" => float_round(x).map(|v| vec![V::I(v)]).map_err(err),
            "int" => Int::from_f64(x).map(|v| vec![V::I(v)]).map_err(err),
            "ratio" => float_as_integer_ratio(x)
                .map(|(n, d)| vec![V::I(n), V::I(d)])
                .map_err(err),
            "is_integer" => ok1(V::B(float_is_integer(x))),
            "hex" => ok1(V::S(float_hex(x))),
            "round_n" => f(float_round_ndigits(x, int(&a[1]).as_ref())),
            _ => return None,
        };
        Some(r)
    });
}

#[test]
fn text_matches_cpython() {
    check_file(include_str!("testdata/text.txt"), |op, args| {
        let a: Vec<V> = args.iter().map(|s| dec(s)).collect();
        let r: Outcome = match op {
            "parse_int" => {
                let base = int(&a[1]).to_i64().unwrap_or(i64::MAX);
                parse_int(text(&a[0]), base)
                    .map(|v| vec![V::I(v)])
                    .map_err(err)
            }
            "parse_float" => parse_float(text(&a[0])).map(|v| vec![V::F(v)]).map_err(err),
            _ => return None,
        };
        Some(r)
    });
}

#[test]
fn format_specs_match_cpython() {
    check_file(include_str!("testdata/format.txt"), |op, args| {
        let a: Vec<V> = args.iter().map(|s| dec(s)).collect();
        let spec = text(&a[1]);
        let s = |r: Result<String, NumError>| r.map(|v| vec![V::S(v)]).map_err(err);
        let r: Outcome = match op {
            "fmt_int" => s(format_int(int(&a[0]).as_ref(), spec)),
            "fmt_bool" => {
                let V::B(b) = a[0] else { panic!() };
                if spec.is_empty() {
                    ok1(V::S(if b { "True" } else { "False" }.into()))
                } else {
                    s(format_int_typed(Int::from(b).as_ref(), spec, "bool"))
                }
            }
            "fmt_float" => s(format_float(float(&a[0]), spec)),
            "fmt_str" => s(format_str(text(&a[0]), spec)),
            _ => return None,
        };
        Some(r)
    });
}

/// `str(v)`, `repr(v)` and `ascii(v)` of a test value, and its type name.
fn py_str(v: &V) -> String {
    match v {
        V::I(i) => i.to_string(),
        V::F(x) => float_repr(*x),
        V::S(s) => s.clone(),
        V::B(b) => if *b { "True" } else { "False" }.into(),
        V::N => "None".into(),
    }
}

fn py_repr(v: &V) -> String {
    match v {
        V::S(s) => py_str_repr(s),
        other => py_str(other),
    }
}

fn py_ascii(v: &V) -> String {
    let r = py_repr(v);
    let mut out = String::new();
    for c in r.chars() {
        let cp = c as u32;
        if c.is_ascii() {
            out.push(c);
        } else if cp <= 0xff {
            let _ = write!(out, "\\x{cp:02x}");
        } else if cp <= 0xffff {
            let _ = write!(out, "\\u{cp:04x}");
        } else {
            let _ = write!(out, "\\U{cp:08x}");
        }
    }
    out
}

fn type_name(v: &V) -> &'static str {
    match v {
        V::I(_) => "int",
        V::F(_) => "float",
        V::S(_) => "str",
        V::B(_) => "bool",
        V::N => "NoneType",
    }
}

/// The arguments of a `%` case.
enum Args {
    Tuple(Vec<V>),
    Single(V),
    Map(Vec<(String, V)>),
}

fn map_repr(m: &[(String, V)]) -> String {
    let items: Vec<String> = m
        .iter()
        .map(|(k, v)| format!("{}: {}", py_str_repr(k), py_repr(v)))
        .collect();
    format!("{{{}}}", items.join(", "))
}

/// What the VM does for `fmt % args`.
fn percent_format(fmt: &str, args: &Args) -> Result<String, (String, String)> {
    let (tuple_len, is_map) = match args {
        Args::Tuple(t) => (Some(t.len()), false),
        Args::Single(_) => (None, false),
        Args::Map(_) => (None, true),
    };
    let mut cursor = PercentArgs::new(tuple_len, is_map);
    // The current non-tuple argument: the single value, the mapping, or the
    // value of the last key.
    #[derive(Clone)]
    enum Cur {
        Value(V),
        Map,
    }
    let mut current = match args {
        Args::Single(v) => Cur::Value(v.clone()),
        _ => Cur::Map,
    };
    let mut out = String::new();
    for piece in parse_percent(fmt) {
        let spec = match piece.map_err(err)? {
            PercentPiece::Literal(t) => {
                out.push_str(t);
                continue;
            }
            PercentPiece::Spec(spec) => spec,
        };
        if let Some(key) = spec.key {
            cursor.check_mapping().map_err(err)?;
            let Args::Map(m) = args else { unreachable!() };
            let v = m
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| ("KeyError".to_string(), py_str_repr(key)))?;
            current = Cur::Value(v);
            cursor.looked_up();
        }
        let fetch = |cursor: &mut PercentArgs| -> Result<V, (String, String)> {
            Ok(match cursor.next_arg().map_err(err)? {
                PercentArg::Item(i) => match args {
                    Args::Tuple(t) => t[i].clone(),
                    _ => unreachable!(),
                },
                PercentArg::Whole => match &current {
                    Cur::Value(v) => v.clone(),
                    Cur::Map => V::S(match args {
                        Args::Map(m) => map_repr(m),
                        _ => unreachable!(),
                    }),
                },
            })
        };
        let as_int = |v: &V| match v {
            V::I(i) => Some(i.clone()),
            V::B(b) => Some(Int::from(*b)),
            _ => None,
        };
        let wants_int = || ("TypeError".to_string(), "* wants int".to_string());
        let mut star_w = None;
        let mut star_p = None;
        if spec.width == PercentCount::Star {
            let v = fetch(&mut cursor)?;
            let n = as_int(&v).ok_or_else(wants_int)?;
            star_w = Some(star_width(n.as_ref()).map_err(err)?);
        }
        if spec.precision == PercentCount::Star {
            let v = fetch(&mut cursor)?;
            let n = as_int(&v).ok_or_else(wants_int)?;
            star_p = Some(star_precision(n.as_ref()).map_err(err)?);
        }
        if let Some(e) = spec.deferred_error.clone() {
            return Err(err(e));
        }
        let v = fetch(&mut cursor)?;
        let rendered = match spec.conversion {
            's' | 'r' | 'a' => {
                let t = match spec.conversion {
                    's' => py_str(&v),
                    'r' => py_repr(&v),
                    _ => py_ascii(&v),
                };
                spec.render_str(&t, star_w, star_p)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = match (&v, as_int(&v)) {
                    (_, Some(n)) => n,
                    (V::F(x), None) if !matches!(spec.conversion, 'o' | 'x' | 'X') => {
                        Int::from_f64(*x).map_err(err)?
                    }
                    _ => return Err(err(spec.int_type_error(type_name(&v)))),
                };
                spec.render_int(n.as_ref(), star_w, star_p)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match (&v, as_int(&v)) {
                    (V::F(x), _) => *x,
                    (_, Some(n)) => n.to_f64().map_err(err)?,
                    _ => return Err(err(PercentSpec::float_type_error(type_name(&v)))),
                };
                spec.render_float(x, star_w, star_p)
            }
            'c' => match (&v, as_int(&v)) {
                (_, Some(n)) => spec.render_char_code(n.as_ref(), star_w, star_p),
                (V::S(s), _) if s.chars().count() == 1 => spec.render_str(s, star_w, star_p),
                _ => Err(PercentSpec::char_type_error()),
            },
            _ => Err(spec.unsupported()),
        };
        out.push_str(&rendered.map_err(err)?);
        cursor.check_all_used(false).map_err(err)?;
    }
    cursor.check_all_used(true).map_err(err)?;
    Ok(out)
}

#[test]
fn percent_matches_cpython() {
    check_file(include_str!("testdata/percent.txt"), |op, args| {
        if op != "pct" {
            return None;
        }
        let fmt_value = dec(args[0]);
        let fmt = text(&fmt_value);
        let (tag, n) = args[1].split_once(':').expect("args tag");
        let rest = &args[2..];
        let a = match tag {
            "t" => Args::Tuple(rest.iter().map(|s| dec(s)).collect()),
            "v" => Args::Single(dec(rest[0])),
            "m" => {
                let n: usize = n.parse().expect("len");
                Args::Map(
                    (0..n)
                        .map(|i| (text(&dec(rest[2 * i])).to_string(), dec(rest[2 * i + 1])))
                        .collect(),
                )
            }
            _ => panic!("bad args {tag}"),
        };
        Some(percent_format(fmt, &a).map(|s| vec![V::S(s)]))
    });
}

/// What the VM does for `template.format(*args, **kwargs)` with the
/// values `gen.py` uses.
fn str_format(
    template: &str,
    args: &[V],
    kwargs: &[(&str, V)],
    depth: u32,
    auto: &mut AutoNumber,
) -> Result<String, (String, String)> {
    check_recursion(depth).map_err(err)?;
    let mut out = String::new();
    for item in MarkupIter::new(template) {
        let (name, conversion, spec, expand) = match item.map_err(err)? {
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
        let field = parse_field_name(name, auto).map_err(err)?;
        let mut v = match field.first {
            FieldKey::Index(i) => args.get(i).cloned().ok_or_else(|| {
                (
                    "IndexError".to_string(),
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            })?,
            FieldKey::Name(k) => kwargs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| ("KeyError".to_string(), py_str_repr(k)))?,
        };
        for acc in field.rest {
            v = match (acc.map_err(err)?, &v) {
                (FieldAccessor::Attr("real"), V::I(_) | V::F(_)) => v.clone(),
                (FieldAccessor::Attr("imag"), V::I(_)) => V::I(Int::from(0)),
                (FieldAccessor::Attr("imag"), V::F(_)) => V::F(0.0),
                (FieldAccessor::Attr(a), _) => {
                    return Err((
                        "AttributeError".into(),
                        format!("'{}' object has no attribute '{a}'", type_name(&v)),
                    ))
                }
                (FieldAccessor::Index(i), V::S(s)) => match s.chars().nth(i) {
                    Some(c) => V::S(c.to_string()),
                    None => return Err(("IndexError".into(), "string index out of range".into())),
                },
                (FieldAccessor::Key(_), V::S(_)) => {
                    return Err((
                        "TypeError".into(),
                        "string indices must be integers, not 'str'".into(),
                    ))
                }
                (_, other) => {
                    return Err((
                        "TypeError".into(),
                        format!("'{}' object is not subscriptable", type_name(other)),
                    ))
                }
            };
        }
        if let Some(c) = conversion {
            v = V::S(match c {
                'r' => py_repr(&v),
                's' => py_str(&v),
                'a' => py_ascii(&v),
                c => return Err(err(conversion_error(c))),
            });
        }
        let spec = if expand {
            str_format(spec, args, kwargs, depth - 1, auto)?
        } else {
            spec.to_string()
        };
        let s = match &v {
            V::I(i) => format_int(i.as_ref(), &spec),
            V::F(x) => format_float(*x, &spec),
            V::S(s) => format_str(s, &spec),
            _ => unreachable!(),
        };
        out.push_str(&s.map_err(err)?);
    }
    Ok(out)
}

#[test]
fn str_format_matches_cpython() {
    check_file(include_str!("testdata/str_format.txt"), |op, args| {
        let a: Vec<V> = args.iter().map(|s| dec(s)).collect();
        let r: Outcome = match op {
            "sfmt" => {
                let pos = [V::S("ab".into()), V::I(Int::from(7)), V::F(2.5)];
                let kw = [
                    ("a", V::S("xyz".into())),
                    ("b", V::I(Int::from(6))),
                    ("c", V::F(-1.5)),
                ];
                let mut auto = AutoNumber::new();
                str_format(text(&a[0]), &pos, &kw, MAX_FORMAT_RECURSION, &mut auto)
                    .map(|s| vec![V::S(s)])
            }
            "fieldname" => {
                let name = text(&a[0]);
                let mut auto = AutoNumber::new();
                match parse_field_name(name, &mut auto) {
                    Err(e) => Err(err(e)),
                    Ok(f) => {
                        let first_empty = name.find(['.', '[']).unwrap_or(name.len()) == 0;
                        let mut out = vec![match f.first {
                            _ if first_empty => V::S(String::new()),
                            FieldKey::Index(i) => V::I(Int::from(i)),
                            FieldKey::Name(n) => V::S(n.to_string()),
                        }];
                        let mut failed = None;
                        for acc in f.rest {
                            match acc {
                                Ok(FieldAccessor::Attr(n)) => {
                                    out.push(V::S(format!(".{n}")));
                                    out.push(V::B(false));
                                }
                                Ok(FieldAccessor::Key(k)) => {
                                    out.push(V::S(format!("[{k}")));
                                    out.push(V::B(false));
                                }
                                Ok(FieldAccessor::Index(i)) => {
                                    out.push(V::S(format!("[{i}")));
                                    out.push(V::B(true));
                                }
                                Err(e) => {
                                    failed = Some(err(e));
                                    break;
                                }
                            }
                        }
                        match failed {
                            Some(e) => Err(e),
                            None => Ok(out),
                        }
                    }
                }
            }
            _ => return None,
        };
        Some(r)
    });
}

#[test]
fn unicode_tables_agree_with_predicates() {
    for &cp in super::unicode_tables::NON_ASCII_SPACES {
        let c = char::from_u32(cp).expect("code point");
        assert!(super::unicode::is_py_space(c), "{cp:#x}");
    }
    let spaces = (0x80..0x11_0000u32)
        .filter_map(char::from_u32)
        .filter(|&c| super::unicode::is_py_space(c))
        .count();
    assert_eq!(spaces, super::unicode_tables::NON_ASCII_SPACES.len());
    assert!(!is_printable('\u{a0}'));
    assert!(is_printable('é'));
}

/// Reruns `gen.py` into a scratch directory and compares: the committed
/// data must be what CPython says today.
#[test]
fn generated_data_is_fresh() {
    let version = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output();
    match version {
        Ok(o) if String::from_utf8_lossy(&o.stdout).trim() == "True" => {}
        _ => {
            eprintln!("python3 3.11 is not on PATH: the freshness check is skipped");
            return;
        }
    }
    let dir = std::env::temp_dir().join(format!("interleave-num-gen-{}", std::process::id()));
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/vm/num");
    let status = std::process::Command::new("python3")
        .arg(here.join("testdata/gen.py"))
        .arg(&dir)
        .status()
        .expect("run gen.py");
    assert!(status.success(), "gen.py failed");
    let files = [
        "testdata/int.txt",
        "testdata/float.txt",
        "testdata/text.txt",
        "testdata/format.txt",
        "testdata/percent.txt",
        "testdata/str_format.txt",
        "unicode_tables.rs",
    ];
    let mut stale = Vec::new();
    for f in files {
        let fresh = std::fs::read(dir.join(f)).expect("generated file");
        let committed = std::fs::read(here.join(f)).unwrap_or_default();
        if fresh != committed {
            stale.push(f);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        stale.is_empty(),
        "stale generated files (rerun python3 src/vm/num/testdata/gen.py): {stale:?}"
    );
}
