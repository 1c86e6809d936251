//! `collections` and its native half `_collections`, as in CPython: the
//! Python source (`py/collections.py`: `defaultdict`, `Counter`,
//! `OrderedDict`, `namedtuple`, `ChainMap`) imports from `_collections`,
//! which holds what is native here — [`deque`] (whose single operations are
//! atomic, as CPython's C deque is) and `_exec`, with which `namedtuple`
//! builds its `__new__` from source as CPython's does with `exec`.
//!
//! Nothing here schedules or blocks; `_exec` runs only the source
//! `collections.py` hands it, in the namespace it is given.

pub mod deque;

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::frame::Frame;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// Factory of `collections` (Python source).
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    super::frozen_module(vm, module, "collections", "collections.py")
}

/// Factory of `_collections`.
pub fn make_native(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    deque::install(vm, module);
    Ok(())
}

const FUNCTIONS: Methods = &[("_exec", exec_in)];

/// `_exec(source, namespace)`: compiles `source` and runs it with the dict
/// `namespace` as its globals (`namedtuple`'s use of `exec`).
fn exec_in(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_exec", args, 2, 2)?;
    let Some(source) = args.pos[0].as_str().map(str::to_string) else {
        return vm.type_error("_exec() argument 1 must be str");
    };
    let Value::Obj(globals) = args.pos[1].clone() else {
        return vm.type_error("_exec() argument 2 must be dict");
    };
    if !matches!(&*globals, Obj::Dict(_)) {
        return vm.type_error("_exec() argument 2 must be dict");
    }
    let code = match crate::lang::compile(&source, "<string>") {
        Ok(c) => c,
        Err(e) => return Err(vm.error("SyntaxError", e.render())),
    };
    if vm.dict_get_str(&globals, "__builtins__")?.is_none() {
        let k = vm.intern("__builtins__");
        let b = vm.builtins_module.clone();
        vm.dict_set(&globals, k, b)?;
    }
    let code = vm.load_code(&code);
    let frame = Frame::new(code, globals.clone(), Some(globals));
    vm.run_frame_nested(frame)?;
    Ok(Value::None)
}
