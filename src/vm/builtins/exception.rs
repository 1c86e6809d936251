//! `BaseException` and its family: `args`, `str()`/`repr()` as CPython
//! (KeyError's str is the key's repr), `__cause__`/`__context__`, and the
//! attributes some classes add (`StopIteration.value`, `SystemExit.code`).

use super::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

fn args_of(o: &ObjRef) -> Vec<Value> {
    match &**o {
        Obj::Exception(d) => d
            .args
            .borrow()
            .as_tuple()
            .map(|t| t.to_vec())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

pub fn str(vm: &mut Vm, o: &ObjRef) -> PyResult<String> {
    let args = args_of(o);
    if let Some(s) = unicode_error_str(vm, o, &args) {
        return Ok(s);
    }
    if let Some(s) = os_error_str(vm, o)? {
        return Ok(s);
    }
    if let Some(s) = super::exception_group::str(vm, o)? {
        return Ok(s);
    }
    let is_key_error = vm.exc_is(o, "KeyError");
    // SyntaxError(msg, (filename, lineno, offset, text)): "msg (filename, line N)".
    if vm.exc_is(o, "SyntaxError") && args.len() == 2 {
        if let Some(d) = args[1].as_tuple() {
            if let (Some(f), Some(Value::Int(line))) =
                (d.first().and_then(|f| f.as_str()), d.get(1))
            {
                let msg = vm.str_of(&args[0])?;
                return Ok(format!("{msg} ({f}, line {line})"));
            }
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 if is_key_error => vm.repr_of(&args[0]),
        1 => vm.str_of(&args[0]),
        _ => vm.repr_of(&Value::tuple(args)),
    }
}

/// The five `args` of a UnicodeDecodeError/UnicodeEncodeError:
/// `(encoding, object, start, end, reason)`, when they have that shape.
fn unicode_error_args(vm: &Vm, o: &ObjRef, args: &[Value]) -> Option<(bool, [Value; 5])> {
    let decode = vm.exc_is(o, "UnicodeDecodeError");
    if !decode && !vm.exc_is(o, "UnicodeEncodeError") {
        return None;
    }
    let [enc, obj, start, end, reason] = args else {
        return None;
    };
    (enc.as_str().is_some()
        && reason.as_str().is_some()
        && matches!(start, Value::Int(_))
        && matches!(end, Value::Int(_)))
    .then(|| {
        (
            decode,
            [
                enc.clone(),
                obj.clone(),
                start.clone(),
                end.clone(),
                reason.clone(),
            ],
        )
    })
}

/// `str(e)` of a UnicodeDecodeError/UnicodeEncodeError, as CPython builds
/// it from the attributes.
fn unicode_error_str(vm: &Vm, o: &ObjRef, args: &[Value]) -> Option<String> {
    let (decode, [enc, obj, start, end, reason]) = unicode_error_args(vm, o, args)?;
    let (enc, reason) = (enc.as_str()?, reason.as_str()?);
    let (Value::Int(start), Value::Int(end)) = (start, end) else {
        return None;
    };
    let single = end == start + 1 && start >= 0;
    let range = format!("in position {start}-{}: {reason}", end - 1);
    if decode {
        let byte = match obj.as_obj().map(|x| &**x) {
            Some(Obj::Bytes(b)) => b.get(start as usize).copied(),
            _ => None,
        };
        return Some(match byte {
            Some(b) if single => {
                format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!("'{enc}' codec can't decode bytes {range}"),
        });
    }
    let ch = obj.as_str().and_then(|s| s.chars().nth(start as usize));
    Some(match ch {
        Some(c) if single => {
            let n = u32::from(c);
            let shown = if n <= 0xff {
                format!("\\x{n:02x}")
            } else if n <= 0xffff {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            };
            format!("'{enc}' codec can't encode character '{shown}' in position {start}: {reason}")
        }
        _ => format!("'{enc}' codec can't encode characters {range}"),
    })
}

pub fn repr(vm: &mut Vm, o: &ObjRef) -> PyResult<String> {
    let Obj::Exception(d) = &**o else {
        return Ok(String::new());
    };
    let name = crate::vm::types::type_data(&d.class)
        .map(|t| t.name.to_string())
        .unwrap_or_default();
    let args = args_of(o);
    let inner = match args.len() {
        1 => vm.repr_of(&args[0])?,
        _ => {
            let r = vm.repr_of(&Value::tuple(args.clone()))?;
            if args.is_empty() {
                String::new()
            } else {
                r[1..r.len() - 1].to_string()
            }
        }
    };
    Ok(format!("{name}({inner})"))
}

pub fn attr(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Obj::Exception(d) = &**o else {
        return Ok(None);
    };
    Ok(match name {
        "args" => Some(d.args.borrow().clone()),
        "__cause__" => Some(d.cause.borrow().clone()),
        "__context__" => Some(d.context.borrow().clone()),
        "__suppress_context__" => Some(Value::Bool(d.suppress_context.get())),
        "__traceback__" => Some(traceback_object(vm, o)),
        "__dict__" => Some(super::object::dict_snapshot_live(&d.dict, vm)),
        "message" | "exceptions" => super::exception_group::attr(vm, o, name),
        "value" if vm.exc_is(o, "StopIteration") => {
            Some(args_of(o).first().cloned().unwrap_or(Value::None))
        }
        "code" if vm.exc_is(o, "SystemExit") => Some(match args_of(o).as_slice() {
            [] => Value::None,
            [x] => x.clone(),
            many => Value::tuple(many.to_vec()),
        }),
        "name" | "obj" if vm.exc_is(o, "NameError") || vm.exc_is(o, "AttributeError") => {
            Some(Value::None)
        }
        "errno" | "strerror" | "filename" | "filename2" if vm.exc_is(o, "OSError") => {
            Some(Value::None)
        }
        "encoding" | "object" | "start" | "end" | "reason" => {
            let (_, parts) = match unicode_error_args(vm, o, &args_of(o)) {
                Some(p) => p,
                None => return Ok(None),
            };
            let i = ["encoding", "object", "start", "end", "reason"]
                .iter()
                .position(|n| *n == name)
                .unwrap_or(0);
            Some(parts[i].clone())
        }
        _ => None,
    })
}

/// Assignment to special exception attributes; `None` if not special.
pub fn set_special(vm: &mut Vm, o: &ObjRef, name: &str, value: &Value) -> Option<PyResult<()>> {
    let Obj::Exception(d) = &**o else { return None };
    match name {
        "args" => {
            let t = match vm.collect(value) {
                Ok(items) => Value::tuple(items),
                Err(e) => return Some(Err(e)),
            };
            *d.args.borrow_mut() = t;
            Some(Ok(()))
        }
        "__cause__" => {
            *d.cause.borrow_mut() = value.clone();
            d.suppress_context.set(true);
            Some(Ok(()))
        }
        "__context__" => {
            *d.context.borrow_mut() = value.clone();
            Some(Ok(()))
        }
        "__suppress_context__" => {
            d.suppress_context.set(matches!(value, Value::Bool(true)));
            Some(Ok(()))
        }
        "__traceback__" => Some(Ok(())),
        _ => None,
    }
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Exception(_)) => Ok(o),
        _ => vm.type_error("descriptor requires a 'BaseException' object"),
    }
}

fn init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?.clone();
    if let Obj::Exception(d) = &*o {
        *d.args.borrow_mut() = Value::tuple(args.pos[1..].to_vec());
    }
    os_error_init(vm, &o);
    Ok(Value::None)
}

/// The OSError subclass CPython's `OSError(errno, ...)` gives for an
/// errno (Linux numbering), when it has one.
pub fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    })
}

fn set_dict(d: &crate::vm::value::ExcData, name: &'static str, v: Value) {
    let hash = crate::vm::ops::str_hash(name);
    let mut dict = d.dict.borrow_mut();
    dict.remove_by(hash, |k| k.as_str() == Some(name));
    dict.insert_absent(Value::str(name), hash, v);
}

/// What `OSError.__init__` makes of its arguments: with 2 to 5 of them,
/// `errno`, `strerror`, `filename` (the third) and `filename2` (the
/// fifth); a filename that is not None leaves `args` as `(errno,
/// strerror)`. With another count the four are None.
pub fn os_error_init(vm: &Vm, o: &ObjRef) {
    let Obj::Exception(d) = &**o else { return };
    if !vm.exc_is(o, "OSError") {
        return;
    }
    let args = args_of(o);
    let get = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&args.len()) {
        (get(0), get(1), get(2), get(4))
    } else {
        (Value::None, Value::None, Value::None, Value::None)
    };
    if (2..=5).contains(&args.len()) && !filename.is_none() {
        *d.args.borrow_mut() = Value::tuple(args[..2].to_vec());
    }
    set_dict(d, "errno", errno);
    set_dict(d, "strerror", strerror);
    set_dict(d, "filename", filename);
    set_dict(d, "filename2", filename2);
}

/// `str()` of an OSError whose errno and strerror are set:
/// `[Errno 2] No such file or directory: 'x.txt'` (`-> 'y'` with a
/// second filename).
fn os_error_str(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    if !vm.exc_is(o, "OSError") {
        return Ok(None);
    }
    let v = Value::Obj(o.clone());
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        Ok(vm.get_attr_str(&v, n).unwrap_or(Value::None))
    };
    let (errno, strerror) = (get(vm, "errno")?, get(vm, "strerror")?);
    let (filename, filename2) = (get(vm, "filename")?, get(vm, "filename2")?);
    if errno.is_none() && strerror.is_none() {
        return Ok(None);
    }
    let (e, s) = (vm.str_of(&errno)?, vm.str_of(&strerror)?);
    let mut out = format!("[Errno {e}] {s}");
    if !filename.is_none() {
        let f = vm.repr_of(&filename)?;
        out.push_str(&format!(": {f}"));
        if !filename2.is_none() {
            let f2 = vm.repr_of(&filename2)?;
            out.push_str(&format!(" -> {f2}"));
        }
    }
    Ok(Some(out))
}

fn exc_str(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?.clone();
    str(vm, &o).map(Value::string)
}

fn exc_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?.clone();
    repr(vm, &o).map(Value::string)
}

fn with_traceback(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?.clone();
    Ok(Value::Obj(o))
}

fn add_note(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?.clone();
    let note = args.pos.get(1).cloned().unwrap_or(Value::None);
    if note.as_str().is_none() {
        let t = vm.type_name(&note);
        return vm.type_error(format!("note must be a str, not '{t}'"));
    }
    let notes = match vm.get_attr_str(&Value::Obj(o.clone()), "__notes__") {
        Ok(n) => n,
        Err(_) => {
            let l = Value::list(vec![]);
            let key = vm.intern("__notes__");
            vm.set_attr(&Value::Obj(o.clone()), &key, l.clone())?;
            l
        }
    };
    if let Some(Obj::List(l)) = notes.as_obj().map(|x| &**x) {
        l.borrow_mut().push(note);
    }
    Ok(Value::None)
}

pub const EXCEPTION_METHODS: Methods = &[
    ("__init__", init),
    ("__str__", exc_str),
    ("__repr__", exc_repr),
    ("with_traceback", with_traceback),
    ("add_note", add_note),
];

/// A minimal traceback object chain (`tb_lineno`, `tb_next`, `tb_frame`
/// is None) for `exc.__traceback__`; None when the exception was never
/// raised.
fn traceback_object(vm: &mut Vm, o: &ObjRef) -> Value {
    let Obj::Exception(d) = &**o else {
        return Value::None;
    };
    let entries = d.traceback.borrow().clone();
    let class = vm.traceback_class();
    let mut next = Value::None;
    for e in entries.iter().rev() {
        let line = e.code.lines.get(e.pc).copied().unwrap_or(e.code.first_line);
        let tb = vm.new_native(&class, ());
        if let Obj::Native(n) = tb.as_obj().map(|x| &**x).expect("native") {
            let mut dict = n.dict.borrow_mut();
            for (k, v) in [
                ("tb_lineno", Value::Int(i64::from(line))),
                ("tb_next", next.clone()),
                ("tb_frame", Value::None),
                ("tb_lasti", Value::Int(e.pc as i64 * 2)),
            ] {
                dict.insert_absent(Value::str(k), crate::vm::ops::str_hash(k), v);
            }
        }
        next = tb;
    }
    next
}
