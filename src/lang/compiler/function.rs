//! Definitions: `def` / `async def`, `lambda`, `class` (CPython 3.10's
//! `compiler_function`, `compiler_lambda`, `compiler_class`).
//!
//! Order of evaluation, as in CPython: decorators (each with a `NULL` slot
//! under it), positional defaults (a tuple), keyword-only defaults (a dict),
//! annotations (a dict: parameters, then `return`), the closure tuple, the
//! code; `MakeFunction`; then one `Call(1)` per decorator, innermost first;
//! then the name is bound. A class body is a function of kind
//! [`CodeKind::Class`] called by `__build_class__(body, name, *bases,
//! **keywords)`; it stores `__module__` and `__qualname__` first and, when a
//! method uses `super()` / `__class__`, stores its `__class__` cell as
//! `__classcell__` before returning None.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Parameters};
use ruff_text_size::{Ranged, TextRange};

use super::unit::ScopeType;
use super::{literal, CResult, Compiler, NameCtx};
use crate::lang::symtable::{mangle, NodeKey, Scope};
use crate::vm::code::{
    CodeKind, Const, Instr, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS,
    CO_VARKEYWORDS, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS,
};

fn key(range: TextRange) -> NodeKey {
    (range.start().to_u32(), range.end().to_u32())
}

/// Generator / coroutine flags of a scope (CPython's `compute_code_flags`).
pub(crate) fn code_flags(scope: &Scope) -> u32 {
    match (scope.is_coroutine, scope.is_generator) {
        (true, false) => CO_COROUTINE,
        (true, true) => CO_ASYNC_GENERATOR,
        (false, true) => CO_GENERATOR,
        (false, false) => 0,
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        let first_line = self.decorators(&f.decorator_list, f.name.range)?;
        self.set_loc(f.range);
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.function_annotations(&f.parameters, f.returns.as_deref())?;
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(
            key(f.range),
            CodeKind::Function,
            scope_type,
            f.name.as_str(),
            first_line,
            f.range,
        )?;
        self.set_signature(Some(&f.parameters));
        let mut body = &f.body[..];
        if let Some(doc) = literal::docstring(body) {
            self.u().docstring = Some(doc);
            body = &body[1..];
        }
        self.stmts(body)?;
        let code = self.exit_scope()?;
        self.set_loc(f.range);
        self.make_closure(code, flags)?;
        for d in f.decorator_list.iter().rev() {
            let old = self.set_loc(d.range);
            self.emit(Instr::Call(1));
            self.restore_loc(old);
        }
        self.name_op(f.name.as_str(), NameCtx::Store);
        Ok(())
    }

    /// Pushes `NULL, decorator` for each decorator; returns the
    /// `co_firstlineno` of the definition (the first decorator's line).
    fn decorators(&mut self, decorators: &'a [ast::Decorator], name: TextRange) -> CResult<u32> {
        for d in decorators {
            let old = self.set_loc(d.range);
            self.emit(Instr::PushNull);
            self.expr(&d.expression)?;
            self.restore_loc(old);
        }
        Ok(decorators
            .first()
            .map_or(self.line_of(name), |d| self.line_of(d.expression.range())))
    }

    /// Sets argument counts and flags of the current unit.
    fn set_signature(&mut self, params: Option<&Parameters>) {
        let scope_flags = code_flags(self.table.scope(self.unit().scope));
        let u = self.u();
        u.flags |= scope_flags;
        if let Some(p) = params {
            u.posonlyargcount = p.posonlyargs.len() as u32;
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                u.flags |= CO_VARARGS;
            }
            if p.kwarg.is_some() {
                u.flags |= CO_VARKEYWORDS;
            }
        }
    }

    /// Positional defaults (a tuple) and keyword-only defaults (a dict);
    /// returns the `MakeFunction` flags for what was pushed.
    fn defaults(&mut self, p: &'a Parameters) -> CResult<u32> {
        let mut flags = 0;
        let mut n = 0;
        for arg in p.posonlyargs.iter().chain(&p.args) {
            if let Some(d) = &arg.default {
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildTuple(n));
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut k = 0;
        for arg in &p.kwonlyargs {
            if let Some(d) = &arg.default {
                let name = mangle(self.unit().private.as_deref(), arg.parameter.name.as_str());
                self.load_const(Const::Str(name));
                self.expr(d)?;
                k += 1;
            }
        }
        if k > 0 {
            self.emit(Instr::BuildMap(k));
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// The annotations dict, in CPython 3.11's order (regular parameters,
    /// positional-only ones, `*args`, keyword-only, `**kwargs`, `return`).
    fn function_annotations(
        &mut self,
        p: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> CResult<u32> {
        let mut n = 0;
        let params = p
            .args
            .iter()
            .chain(&p.posonlyargs)
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.as_deref());
        for param in params {
            if let Some(ann) = &param.annotation {
                let name = mangle(self.unit().private.as_deref(), param.name.as_str());
                self.load_const(Const::Str(name));
                match &**ann {
                    // `*args: *Ts` (PEP 646): the value is `[*Ts]`'s item.
                    Expr::Starred(st) if !self.table.future_annotations => {
                        self.expr(&st.value)?;
                        self.emit(Instr::UnpackSequence(1));
                    }
                    _ => self.annotation_value(ann)?,
                }
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str(Rc::from("return")));
            self.annotation_value(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildMap(n));
        Ok(MAKE_FUNCTION_ANNOTATIONS)
    }

    pub(crate) fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let flags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let line = self.line_of(l.range);
        self.enter_scope(
            key(l.range),
            CodeKind::Lambda,
            ScopeType::Lambda,
            "<lambda>",
            line,
            l.range,
        )?;
        self.set_signature(l.parameters.as_deref());
        self.expr(&l.body)?;
        self.emit(Instr::ReturnValue);
        let code = self.exit_scope()?;
        self.make_closure(code, flags)
    }

    pub(crate) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        let first_line = self.decorators(&c.decorator_list, c.name.range)?;
        self.set_loc(c.range);
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        let scope = self.enter_scope(
            key(c.range),
            CodeKind::Class,
            ScopeType::Class,
            c.name.as_str(),
            first_line,
            c.range,
        )?;
        self.set_loc(c.name.range);
        self.name_op("__name__", NameCtx::Load);
        self.name_op("__module__", NameCtx::Store);
        let qualname = self.unit().qualname.clone();
        self.load_const(Const::Str(qualname));
        self.name_op("__qualname__", NameCtx::Store);
        self.body(&c.body)?;
        self.set_loc(c.range);
        if self.table.scope(scope).needs_class_closure {
            if let Some(i) = self.unit().cell_index("__class__", false) {
                self.emit(Instr::LoadClosure(i));
                self.name_op("__classcell__", NameCtx::Store);
            }
        }
        self.load_none();
        self.emit(Instr::ReturnValue);
        let code = self.exit_scope()?;
        self.set_loc(c.range);
        self.make_closure(code, 0)?;
        self.load_const(Const::Str(Rc::from(c.name.as_str())));
        match &c.arguments {
            Some(args) => {
                self.validate_keywords(&args.keywords)?;
                self.call_helper(2, &args.args, &args.keywords)?
            }
            None => self.emit(Instr::Call(2)),
        }
        for d in c.decorator_list.iter().rev() {
            let old = self.set_loc(d.range);
            self.emit(Instr::Call(1));
            self.restore_loc(old);
        }
        self.name_op(c.name.as_str(), NameCtx::Store);
        Ok(())
    }
}
