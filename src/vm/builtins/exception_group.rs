//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): the constructor's
//! checks as CPython's `BaseExceptionGroup.__new__` makes them (a str
//! message, a non-empty sequence of exception instances; an
//! `ExceptionGroup` nests no bare `BaseException`; a `BaseExceptionGroup`
//! of only `Exception`s is an `ExceptionGroup`), `message`, `exceptions`,
//! `str()` (`msg (2 sub-exceptions)`), and `derive`, `subgroup`, `split`
//! by a class, a tuple of classes or a predicate.

use super::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub fn new_group(vm: &mut Vm, cls: &ObjRef, args: &Args) -> PyResult<Value> {
    let name = crate::vm::types::type_data(cls)
        .map(|t| t.name.to_string())
        .unwrap_or_default();
    if !args.kw.is_empty() {
        return vm.type_error(format!("{name}() takes no keyword arguments"));
    }
    let [message, excs] = args.pos.as_slice() else {
        let n = args.pos.len();
        return vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
        ));
    };
    if message.as_str().is_none() {
        let t = vm.type_name(message);
        return vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {t}"
        ));
    }
    let is_seq = matches!(
        excs.as_obj().map(|o| &**o),
        Some(Obj::List(_)) | Some(Obj::Tuple(_))
    );
    if !is_seq {
        return vm.type_error("second argument (exceptions) must be a sequence");
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.error(
            "ValueError",
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, item) in items.iter().enumerate() {
        match item.as_obj() {
            Some(o) if matches!(&**o, Obj::Exception(_)) => {
                all_exceptions &= vm.exc_is(o, "Exception");
            }
            _ => {
                return Err(vm.error(
                    "ValueError",
                    format!("Item {i} of second argument (exceptions) is not an exception"),
                ))
            }
        }
    }
    let base_group = vm.types.exc("BaseExceptionGroup");
    let group = vm.types.exc("ExceptionGroup");
    let mut class = cls.clone();
    if std::rc::Rc::ptr_eq(cls, &base_group) {
        if all_exceptions {
            class = group;
        }
    } else if !all_exceptions {
        if std::rc::Rc::ptr_eq(cls, &group) {
            return vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup");
        }
        let exception = vm.types.exc("Exception");
        if crate::vm::types::is_subtype(cls, &exception) {
            return vm.type_error(format!("Cannot nest BaseExceptions in '{name}'"));
        }
    }
    let o = vm.new_exception(class, args.pos.clone());
    Ok(Value::Obj(o))
}

fn parts(o: &ObjRef) -> (Value, Vec<Value>) {
    let Obj::Exception(d) = &**o else {
        return (Value::None, Vec::new());
    };
    let args = d.args.borrow();
    let a = args.as_tuple().unwrap_or(&[]);
    let excs = match a.get(1).and_then(|v| v.as_obj()).map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    (a.first().cloned().unwrap_or(Value::None), excs)
}

/// `message` and `exceptions` of a group.
pub fn attr(vm: &Vm, o: &ObjRef, name: &str) -> Option<Value> {
    if !vm.exc_is(o, "BaseExceptionGroup") {
        return None;
    }
    let (message, excs) = parts(o);
    match name {
        "message" => Some(message),
        "exceptions" => Some(Value::tuple(excs)),
        _ => None,
    }
}

/// `str()` of a group: `msg (1 sub-exception)`.
pub fn str(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    if !vm.exc_is(o, "BaseExceptionGroup") {
        return Ok(None);
    }
    let (message, excs) = parts(o);
    let m = vm.str_of(&message)?;
    let n = excs.len();
    let s = if n == 1 { "" } else { "s" };
    Ok(Some(format!("{m} ({n} sub-exception{s})")))
}

fn this(vm: &Vm, args: &Args) -> PyResult<ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if vm.exc_is(o, "BaseExceptionGroup") => Ok(o.clone()),
        _ => vm.type_error("descriptor requires a 'BaseExceptionGroup' object"),
    }
}

fn derive(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?;
    let excs = args.pos.get(1).cloned().unwrap_or(Value::None);
    let (message, _) = parts(&o);
    let cls = vm.types.exc("BaseExceptionGroup");
    new_group(vm, &cls, &Args::new(vec![message, excs]))
}

/// A group like `o` (by its `derive`) of `excs`, with its notes and
/// causes, as CPython's `exceptiongroup_subset` makes it.
fn subset(vm: &mut Vm, o: &ObjRef, excs: Vec<Value>) -> PyResult<Value> {
    let orig = Value::Obj(o.clone());
    let derive = vm.get_attr_str(&orig, "derive")?;
    let eg = vm.call(&derive, Args::new(vec![Value::list(excs)]))?;
    if let (Some(Obj::Exception(from)), Some(Obj::Exception(to))) =
        (Some(&**o), eg.as_obj().map(|x| &**x))
    {
        *to.cause.borrow_mut() = from.cause.borrow().clone();
        *to.context.borrow_mut() = from.context.borrow().clone();
        // CPython sets the cause with `PyException_SetCause`, which also
        // sets `__suppress_context__`.
        to.suppress_context.set(true);
        *to.traceback.borrow_mut() = from.traceback.borrow().clone();
    }
    if let Ok(notes) = vm.get_attr_str(&orig, "__notes__") {
        let key = vm.intern("__notes__");
        vm.set_attr(&eg, &key, notes)?;
    }
    Ok(eg)
}

/// Whether `e` matches `cond`: a class, a tuple of classes, or a
/// predicate.
fn matches(vm: &mut Vm, cond: &Value, e: &Value) -> PyResult<bool> {
    let is_class = |v: &Value| matches!(v.as_obj().map(|o| &**o), Some(Obj::Type(_)));
    let classes: Option<Vec<Value>> = if is_class(cond) {
        Some(vec![cond.clone()])
    } else {
        cond.as_tuple()
            .filter(|t| t.iter().all(is_class))
            .map(<[Value]>::to_vec)
    };
    match classes {
        Some(cs) => {
            let class = match e.as_obj().map(|o| &**o) {
                Some(Obj::Exception(d)) => d.class.clone(),
                _ => return Ok(false),
            };
            Ok(cs.iter().any(|c| {
                c.as_obj()
                    .is_some_and(|c| crate::vm::types::is_subtype(&class, c))
            }))
        }
        None if is_callable(vm, cond) => {
            let r = vm.call(cond, Args::new(vec![e.clone()]))?;
            vm.truthy(&r)
        }
        None => vm.type_error(
            "expected an exception type, a tuple of exception types, or a callable (other than a class)",
        ),
    }
}

fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    match v.as_obj().map(|o| &**o) {
        Some(Obj::Function(_) | Obj::Builtin(_) | Obj::BoundMethod(_)) => true,
        Some(_) => vm.special(v, "__call__").is_some(),
        None => false,
    }
}

/// The (matching, rest) split of `o` by `cond`; `None` for an empty part.
pub(crate) fn split_of(
    vm: &mut Vm,
    o: &ObjRef,
    cond: &Value,
) -> PyResult<(Option<Value>, Option<Value>)> {
    split_by(vm, o, true, &mut |vm, e| matches(vm, cond, e))
}

/// A predicate on an exception (a group or a leaf) for [`split_by`].
pub(crate) type Matcher<'a> = dyn FnMut(&mut Vm, &Value) -> PyResult<bool> + 'a;

/// The (matching, rest) split of `o` by `pred`, as CPython's
/// `exceptiongroup_split_recursive`: a group that matches as a whole is
/// kept whole; else its leaves are sorted and each part rebuilt with
/// [`subset`]; `None` for an empty part, and for the rest unless
/// `construct_rest` (each part costs a `derive` call, which a subclass
/// may override).
pub(crate) fn split_by(
    vm: &mut Vm,
    o: &ObjRef,
    construct_rest: bool,
    pred: &mut Matcher<'_>,
) -> PyResult<(Option<Value>, Option<Value>)> {
    let whole = Value::Obj(o.clone());
    if pred(vm, &whole)? {
        return Ok((Some(whole), None));
    }
    let (_, excs) = parts(o);
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in excs {
        let inner = e
            .as_obj()
            .filter(|x| vm.exc_is(x, "BaseExceptionGroup"))
            .cloned();
        match inner {
            Some(g) => {
                let (m, r) = split_by(vm, &g, construct_rest, pred)?;
                yes.extend(m);
                no.extend(r);
            }
            None if pred(vm, &e)? => yes.push(e),
            None => no.push(e),
        }
    }
    let yes = if yes.is_empty() {
        None
    } else {
        Some(subset(vm, o, yes)?)
    };
    let no = if no.is_empty() || !construct_rest {
        None
    } else {
        Some(subset(vm, o, no)?)
    };
    Ok((yes, no))
}

fn split(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?;
    let cond = args.pos.get(1).cloned().unwrap_or(Value::None);
    let (m, r) = split_of(vm, &o, &cond)?;
    Ok(Value::tuple(vec![
        m.unwrap_or(Value::None),
        r.unwrap_or(Value::None),
    ]))
}

fn subgroup(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let o = this(vm, args)?;
    let cond = args.pos.get(1).cloned().unwrap_or(Value::None);
    let (m, _) = split_of(vm, &o, &cond)?;
    Ok(m.unwrap_or(Value::None))
}

pub const GROUP_METHODS: Methods = &[("derive", derive), ("split", split), ("subgroup", subgroup)];
