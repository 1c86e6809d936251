//! `dataclasses`: the module is Python (`py/dataclasses.py`); this file
//! runs it, after giving it `_exec_definitions`, which compiles generated
//! method source (CPython's dataclasses uses `exec` for the same) in the
//! namespace of the decorated class's module.
//!
//! `_exec_definitions` is private to the module; it must never become a
//! general `exec` for user programs (those are not simulated).

use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::frame::Frame;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `_exec_definitions(source, module_name, namespace)`: runs `source`
/// (compiled as the file `<string>`) with the globals of the module named
/// `module_name` (a fresh namespace if it is not loaded) and `namespace`
/// (a dict) as its locals, where the definitions land.
fn exec_definitions(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_exec_definitions", args, 3, 3)?;
    let Some(source) = args.pos[0].as_str().map(str::to_string) else {
        return vm.type_error("_exec_definitions() source must be str");
    };
    let module_name = args.pos[1].as_str().unwrap_or("__main__").to_string();
    let Some(locals) = Vm::as_dict_obj(&args.pos[2]).cloned() else {
        return vm.type_error("_exec_definitions() namespace must be a dict");
    };
    let code = match crate::lang::compile(&source, "<string>") {
        Ok(c) => c,
        Err(e) => return Err(vm.error("SyntaxError", e.render())),
    };
    let globals = match vm.modules.get(module_name.as_str()) {
        Some(Value::Obj(m)) => match &**m {
            Obj::Module(md) => md.dict.clone(),
            _ => fresh_globals(vm, &module_name),
        },
        _ => fresh_globals(vm, &module_name),
    };
    let code = vm.load_code(&code);
    vm.run_frame_nested(Frame::new(code, globals, Some(locals)))?;
    Ok(Value::None)
}

fn fresh_globals(vm: &mut Vm, module_name: &str) -> ObjRef {
    let module = vm.new_module(module_name);
    match &*module {
        Obj::Module(md) => md.dict.clone(),
        _ => module,
    }
}

const FUNCTIONS: Methods = &[("_exec_definitions", exec_definitions)];

pub fn make(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    vm.module_functions(m, FUNCTIONS);
    super::frozen_module(vm, m, "dataclasses", "dataclasses.py")
}
