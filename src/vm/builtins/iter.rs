//! The iteration protocol (`iter()`, `next()`), the builtin iterators
//! (over sequences, ranges, strs, dicts and sets; `enumerate`, `zip`,
//! `map`, `filter`, `reversed`, `iter(f, sentinel)`), and the methods of
//! generators and coroutines (`send`, `throw`, `close`).
//!
//! An iterator's state is borrowed only while no Python code runs: states
//! that call back into Python are copied out, advanced, and written back.

use std::cell::RefCell;

use super::Methods;
use crate::vm::call::Args;
use crate::vm::code::Instr;
use crate::vm::value::{DictIterKind, GenState, IterState, Obj, ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

pub fn new_iter(state: IterState) -> Value {
    Value::obj(Obj::Iter(RefCell::new(state)))
}

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            match &**o {
                Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_) => {
                    return Ok(new_iter(IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    }));
                }
                Obj::Str(_) => {
                    return Ok(new_iter(IterState::Str {
                        s: o.clone(),
                        byte: 0,
                    }))
                }
                Obj::Range(r) => return Ok(new_iter(super::range::iter_state(r, false))),
                Obj::Dict(_) => return Ok(super::dict::iter(o, DictIterKind::Keys)),
                Obj::DictView(d, what) => return Ok(super::dict::iter(d, *what)),
                Obj::Set(_) | Obj::FrozenSet(_) => return Ok(super::set::iter(o)),
                Obj::Iter(_) | Obj::Generator(_) => return Ok(v.clone()),
                _ => {}
            }
        }
        if let Some(f) = self.special(v, "__iter__") {
            let it = self.call(&f, Args::new(vec![]))?;
            let ok = matches!(&it, Value::Obj(o) if matches!(&**o, Obj::Iter(_) | Obj::Generator(_)))
                || self.special(&it, "__next__").is_some();
            if !ok {
                let t = self.type_name(&it);
                return self.type_error(format!("iter() returned non-iterator of type '{t}'"));
            }
            return Ok(it);
        }
        if let Some(p) = super::payload(v) {
            return self.get_iter(&p);
        }
        if self.special(v, "__getitem__").is_some() {
            return Ok(new_iter(IterState::Seq {
                seq: v.clone(),
                index: 0,
            }));
        }
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not iterable"))
    }

    /// `next(it)`; `None` when exhausted.
    pub fn next_of(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = it else {
            let t = self.type_name(it);
            return self.type_error(format!("'{t}' object is not an iterator"));
        };
        match &**o {
            Obj::Iter(cell) => self.builtin_next(cell),
            Obj::Generator(_) => match self.gen_send(o, Value::None, None)? {
                Ok(v) => Ok(Some(v)),
                Err(_) => Ok(None),
            },
            _ => match self.special(it, "__next__") {
                Some(f) => match self.call(&f, Args::new(vec![])) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => {
                    let t = self.type_name(it);
                    self.type_error(format!("'{t}' object is not an iterator"))
                }
            },
        }
    }

    fn builtin_next(&mut self, cell: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // States that never run Python code advance under the borrow.
        {
            let mut st = cell.borrow_mut();
            match &mut *st {
                IterState::Exhausted => return Ok(None),
                IterState::Range {
                    next,
                    step,
                    remaining,
                } => {
                    if *remaining <= 0 {
                        return Ok(None);
                    }
                    let v = *next;
                    *next = next.wrapping_add(*step);
                    *remaining -= 1;
                    return Ok(Some(Value::Int(v)));
                }
                IterState::BigRange {
                    next,
                    step,
                    remaining,
                } => {
                    if !num_traits::Signed::is_positive(remaining) {
                        return Ok(None);
                    }
                    let v = Value::from_bigint(next.clone());
                    *next += &*step;
                    *remaining -= 1;
                    return Ok(Some(v));
                }
                IterState::Str { s, byte } => {
                    let Obj::Str(ps) = &**s else { return Ok(None) };
                    let Some(c) = ps.s[*byte..].chars().next() else {
                        *st = IterState::Exhausted;
                        return Ok(None);
                    };
                    *byte += c.len_utf8();
                    let mut buf = [0u8; 4];
                    return Ok(Some(Value::str(c.encode_utf8(&mut buf))));
                }
                IterState::Values { items, index } => {
                    let v = items.get(*index).cloned();
                    *index += 1;
                    return Ok(v);
                }
                IterState::Seq {
                    seq: Value::Obj(o),
                    index,
                } => {
                    let item = match &**o {
                        Obj::List(l) => Some(l.borrow().get(*index).cloned()),
                        Obj::Tuple(t) => Some(t.get(*index).cloned()),
                        Obj::Bytes(b) => Some(b.get(*index).map(|x| Value::Int(i64::from(*x)))),
                        Obj::ByteArray(b) => {
                            Some(b.borrow().get(*index).map(|x| Value::Int(i64::from(*x))))
                        }
                        _ => None,
                    };
                    if let Some(item) = item {
                        *index += 1;
                        if item.is_none() {
                            *st = IterState::Exhausted;
                        }
                        return Ok(item);
                    }
                }
                _ => {}
            }
        }
        let snapshot = cell.borrow().clone();
        let (result, next_state) = self.advance(snapshot)?;
        *cell.borrow_mut() = next_state;
        Ok(result)
    }

    /// One step of an iterator whose state may run Python code.
    fn advance(&mut self, st: IterState) -> PyResult<(Option<Value>, IterState)> {
        Ok(match st {
            IterState::Seq { seq, index } => match self.getitem(&seq, &Value::Int(index as i64)) {
                Ok(v) => (
                    Some(v),
                    IterState::Seq {
                        seq,
                        index: index + 1,
                    },
                ),
                Err(e) if self.err_is(&e, "IndexError") || self.err_is(&e, "StopIteration") => {
                    (None, IterState::Exhausted)
                }
                Err(e) => return Err(e),
            },
            IterState::DictKeys {
                dict,
                mut pos,
                version,
                len,
                what,
            } => {
                let r = super::dict::next(self, &dict, &mut pos, version, len, what)?;
                (
                    r,
                    IterState::DictKeys {
                        dict,
                        pos,
                        version,
                        len,
                        what,
                    },
                )
            }
            IterState::SetItems { set, mut pos, len } => {
                let r = super::set::next(self, &set, &mut pos, len)?;
                (r, IterState::SetItems { set, pos, len })
            }
            IterState::Enumerate { it, count } => match self.next_of(&it)? {
                Some(v) => {
                    let next =
                        self.binary_op(&count, &Value::Int(1), crate::vm::code::BinOp::Add)?;
                    (
                        Some(Value::tuple(vec![count, v])),
                        IterState::Enumerate { it, count: next },
                    )
                }
                None => (None, IterState::Exhausted),
            },
            IterState::Zip { its, strict } => {
                let mut items = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.next_of(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    let plural = if i == 1 { " " } else { "s 1-" };
                                    return self.value_error(format!(
                                        "zip() argument {} is shorter than argument{plural}{i}",
                                        i + 1
                                    ));
                                }
                                for (j, other) in its.iter().enumerate().skip(1) {
                                    if self.next_of(other)?.is_some() {
                                        let plural = if j == 1 { " " } else { "s 1-" };
                                        return self.value_error(format!(
                                            "zip() argument {} is longer than argument{plural}{j}",
                                            j + 1
                                        ));
                                    }
                                }
                            }
                            return Ok((None, IterState::Exhausted));
                        }
                    }
                }
                if its.is_empty() {
                    return Ok((None, IterState::Exhausted));
                }
                (Some(Value::tuple(items)), IterState::Zip { its, strict })
            }
            IterState::Map { func, its } => {
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next_of(it)? {
                        Some(v) => args.push(v),
                        None => return Ok((None, IterState::Exhausted)),
                    }
                }
                let v = self.call(&func, Args::new(args))?;
                (Some(v), IterState::Map { func, its })
            }
            IterState::Filter { func, it } => loop {
                match self.next_of(&it)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call(&func, Args::new(vec![v.clone()]))?;
                            self.truthy(&r)?
                        };
                        if keep {
                            break (Some(v), IterState::Filter { func, it });
                        }
                    }
                    None => break (None, IterState::Exhausted),
                }
            },
            IterState::Reversed { seq, index } => {
                if index < 0 {
                    return Ok((None, IterState::Exhausted));
                }
                match self.getitem(&seq, &Value::Int(index)) {
                    Ok(v) => (
                        Some(v),
                        IterState::Reversed {
                            seq,
                            index: index - 1,
                        },
                    ),
                    Err(e) if self.err_is(&e, "IndexError") => (None, IterState::Exhausted),
                    Err(e) => return Err(e),
                }
            }
            IterState::Callable { func, sentinel } => {
                let v = self.call(&func, Args::new(vec![]))?;
                if self.eq(&v, &sentinel)? {
                    (None, IterState::Exhausted)
                } else {
                    (Some(v), IterState::Callable { func, sentinel })
                }
            }
            other => (None, other),
        })
    }
}

fn iter_self(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) => Ok(v.clone()),
        None => vm.type_error("descriptor '__iter__' needs an argument"),
    }
}

fn iter_next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    match vm.next_of(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn length_hint(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(Obj::Iter(c)) = it.as_obj().map(|o| &**o) else {
        return Ok(Value::Int(0));
    };
    let n = match &*c.borrow() {
        IterState::Range { remaining, .. } => *remaining,
        IterState::Seq { seq, index } => {
            super::len_builtin(seq).map_or(0, |n| n.saturating_sub(*index) as i64)
        }
        IterState::Values { items, index } => items.len().saturating_sub(*index) as i64,
        _ => 0,
    };
    let _ = vm;
    Ok(Value::Int(n))
}

pub const ITERATOR_METHODS: Methods = &[
    ("__iter__", iter_self),
    ("__next__", iter_next),
    ("__length_hint__", length_hint),
];

fn gen_of<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Generator(_)) => Ok(o),
        _ => vm.type_error("descriptor requires a 'generator' object"),
    }
}

fn gen_next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = gen_of(vm, args)?.clone();
    match vm.gen_send(&g, Value::None, None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_send(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = gen_of(vm, args)?.clone();
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    match vm.gen_send(&g, v, None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}

/// The sub-generator a suspended generator is delegating to (`yield from`).
fn delegate_of(g: &ObjRef) -> Option<ObjRef> {
    let Obj::Generator(gen) = &**g else {
        return None;
    };
    let frame = gen.frame.borrow();
    let f = frame.as_ref()?;
    if !matches!(f.code.obj.instrs.get(f.pc), Some(Instr::YieldFrom))
        || gen.state.get() != GenState::Suspended
    {
        return None;
    }
    match f.stack.last() {
        Some(Value::Obj(s)) if matches!(&**s, Obj::Generator(_)) => Some(s.clone()),
        _ => None,
    }
}

/// `gen.throw(exc)`: raises exc at the generator's yield (forwarding it to
/// a sub-generator it delegates to).
pub fn throw_into(vm: &mut Vm, g: &ObjRef, exc: PyErr) -> PyResult<Result<Value, Value>> {
    if let Some(sub) = delegate_of(g) {
        let r = throw_into(vm, &sub, exc);
        let Obj::Generator(gen) = &**g else {
            return vm.type_error("not a generator");
        };
        match r {
            Ok(Ok(v)) => return Ok(Ok(v)),
            Ok(Err(ret)) => {
                // The sub-generator finished: continue after the yield from.
                if let Some(f) = gen.frame.borrow_mut().as_mut() {
                    f.stack.pop();
                    f.stack.push(ret);
                    f.pc += 1;
                }
                return vm.gen_send(g, Value::Null, None);
            }
            Err(e) => {
                if let Some(f) = gen.frame.borrow_mut().as_mut() {
                    f.pc += 1;
                }
                return vm.gen_send(g, Value::Null, Some(e));
            }
        }
    }
    vm.gen_send(g, Value::Null, Some(exc))
}

fn gen_throw(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = gen_of(vm, args)?.clone();
    let Some(typ) = args.pos.get(1).cloned() else {
        return vm.type_error("throw expected at least 1 argument, got 0");
    };
    let exc = match args.pos.get(2) {
        Some(val) if !val.is_none() && typ.as_type().is_some() => {
            let is_inst = matches!(val.as_obj().map(|o| &**o), Some(Obj::Exception(_)));
            if is_inst {
                vm.exception_instance(
                    val.clone(),
                    "exceptions must be classes or instances deriving from BaseException, not ",
                )?
            } else {
                let v = vm.call(&typ, Args::new(vec![val.clone()]))?;
                vm.exception_instance(v, "exceptions must derive from BaseException")?
            }
        }
        _ => {
            let t = vm.type_name(&typ);
            vm.exception_instance(
                typ,
                &format!(
                    "exceptions must be classes or instances deriving from BaseException, not {t}"
                ),
            )?
        }
    };
    match throw_into(vm, &g, PyErr::Exc(exc))? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_close(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let g = gen_of(vm, args)?.clone();
    close(vm, &g)?;
    Ok(Value::None)
}

/// `gen.close()`.
pub fn close(vm: &mut Vm, g: &ObjRef) -> PyResult<()> {
    let Obj::Generator(gen) = &**g else {
        return Ok(());
    };
    match gen.state.get() {
        GenState::Created | GenState::Closed => {
            gen.state.set(GenState::Closed);
            *gen.frame.borrow_mut() = None;
            return Ok(());
        }
        _ => {}
    }
    let exit = vm.new_exception(vm.types.exc("GeneratorExit"), vec![]);
    match throw_into(vm, g, PyErr::Exc(exit)) {
        Ok(Ok(_)) => vm.error_val("RuntimeError", "generator ignored GeneratorExit"),
        Ok(Err(_)) => Ok(()),
        Err(e) if vm.err_is(&e, "GeneratorExit") || vm.err_is(&e, "StopIteration") => Ok(()),
        Err(e) => Err(e),
    }
}

pub const GENERATOR_METHODS: Methods = &[
    ("__iter__", iter_self),
    ("__next__", gen_next),
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
];
