//! The code generator: AST + symbol table → [`CodeObject`]s.
//!
//! The design is CPython 3.10's `Python/compile.c` (a runtime block stack,
//! frame blocks unwound by `return`/`break`/`continue`) with the
//! differences our instruction set makes (see `vm::code`): an exception is
//! one stack value, calls push `NULL` or a `self` slot first, keyword names
//! travel as a constant tuple. Every instruction carries the span and line
//! of the AST node being compiled (a call: the call expression; a method
//! call spanning lines: from the attribute name, as 3.11 reports it).
//!
//! Submodules split the work: [`stmt`] (simple statements and
//! assignments), [`control`] (loops, `try`, `with`, unwinding), [`expr`]
//! (expressions and conditional jumps), [`call`] (calls and starred
//! unpacking), [`function`] (functions, lambdas, classes, closures),
//! [`comprehension`], [`literal`] (constants and f-strings), [`unit`] (the
//! code unit being built).
//!
//! This module never parses and never executes. It raises the errors
//! CPython's compiler raises (`'return' outside function`, `'break' outside
//! loop`, …); anything the VM should see goes into the code object.

mod call;
mod comprehension;
mod control;
mod expr;
mod function;
mod literal;
mod stmt;
pub mod unit;

pub(crate) use stmt::expr_description as describe_expr;

use std::rc::Rc;

use ruff_python_ast::{ModModule, Stmt};
use ruff_text_size::TextRange;

use self::unit::{ScopeType, Unit, UnitSpec};
use super::error::{CompileError, ErrorLocator};
use super::symtable::{mangle, BlockType, NodeKey, ScopeId, SymbolScope, SymbolTable};
use crate::vm::code::{CodeKind, CodeObject, Const, Instr, Span, MAKE_FUNCTION_CLOSURE};

/// Errors are boxed so that every `Result` on the (deeply recursive)
/// compilation path stays one word.
pub(crate) type CResult<T = ()> = Result<T, Box<CompileError>>;

/// How a name is used by [`Compiler::name_op`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

/// The compiler of one module.
pub(crate) struct Compiler<'a> {
    pub(crate) loc: &'a ErrorLocator<'a>,
    pub(crate) table: &'a SymbolTable,
    filename: Rc<str>,
    /// Units being compiled, innermost last (never empty while compiling).
    units: Vec<Unit<'a>>,
    /// The module's statements (to check where `from __future__` is).
    pub(crate) module_body: &'a [Stmt],
    /// For `f(x for x in y)`: (start of the generator expression, offset
    /// of the call's `(`), where CPython says the generator starts.
    pub(crate) sole_genexpr: Option<(u32, u32)>,
}

/// Compiles a parsed module whose symbol table is built.
pub(crate) fn compile_module<'a>(
    module: &'a ModModule,
    table: &'a SymbolTable,
    loc: &'a ErrorLocator<'a>,
) -> CResult<Rc<CodeObject>> {
    let mut c = Compiler {
        loc,
        table,
        filename: Rc::from(loc.filename),
        units: Vec::new(),
        module_body: &module.body,
        sole_genexpr: None,
    };
    let first = module
        .body
        .first()
        .map_or(TextRange::default(), ruff_text_size::Ranged::range);
    c.units.push(Unit::new(UnitSpec {
        scope: 0,
        kind: CodeKind::Module,
        scope_type: ScopeType::Module,
        name: Rc::from("<module>"),
        qualname: Rc::from("<module>"),
        private: None,
        params: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        first_line: 1,
        span: span_of(first),
    }));
    c.set_loc(first);
    c.body(&module.body)?;
    c.exit_scope()
}

/// Compiles a parsed module of one expression statement (`eval()`): the
/// code returns the expression's value.
pub(crate) fn compile_eval<'a>(
    module: &'a ModModule,
    table: &'a SymbolTable,
    loc: &'a ErrorLocator<'a>,
) -> CResult<Rc<CodeObject>> {
    let mut c = Compiler {
        loc,
        table,
        filename: Rc::from(loc.filename),
        units: Vec::new(),
        module_body: &module.body,
        sole_genexpr: None,
    };
    let first = module
        .body
        .first()
        .map_or(TextRange::default(), ruff_text_size::Ranged::range);
    c.units.push(Unit::new(UnitSpec {
        scope: 0,
        kind: CodeKind::Module,
        scope_type: ScopeType::Module,
        name: Rc::from("<module>"),
        qualname: Rc::from("<module>"),
        private: None,
        params: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        first_line: 1,
        span: span_of(first),
    }));
    c.set_loc(first);
    if let Some(ruff_python_ast::Stmt::Expr(e)) = module.body.first() {
        c.expr(&e.value)?;
        c.emit(Instr::ReturnValue);
    }
    c.exit_scope()
}

pub(crate) fn span_of(r: TextRange) -> Span {
    Span {
        start: r.start().to_u32(),
        end: r.end().to_u32(),
    }
}

impl<'a> Compiler<'a> {
    // ---- the current unit ---------------------------------------------------

    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        // `units` is never empty between compile_module's push and the
        // final exit_scope.
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    pub(crate) fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn emit(&mut self, instr: Instr) {
        self.u().emit(instr);
    }

    /// `Jump` to a label (`JumpBackward` if it is already placed).
    pub(crate) fn jump(&mut self, label: unit::Label) {
        self.u().emit_jump(unit::JumpOp::Always, label);
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.u().konst(c);
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn load_none(&mut self) {
        self.load_const(Const::None);
    }

    pub(crate) fn block(&self) -> BlockType {
        self.table.scope(self.unit().scope).block
    }

    pub(crate) fn scope_type(&self) -> ScopeType {
        self.unit().scope_type
    }

    // ---- locations ------------------------------------------------------------

    /// Sets the location of the next instructions; returns the old one.
    pub(crate) fn set_loc(&mut self, range: TextRange) -> (Span, u32) {
        let line = self.loc.lines.line(range.start().to_u32());
        let u = self.u();
        let old = (u.span, u.line);
        u.span = span_of(range);
        u.line = line;
        old
    }

    pub(crate) fn restore_loc(&mut self, old: (Span, u32)) {
        let u = self.u();
        u.span = old.0;
        u.line = old.1;
    }

    pub(crate) fn line_of(&self, range: TextRange) -> u32 {
        self.loc.lines.line(range.start().to_u32())
    }

    /// A `SyntaxError` over a node's range.
    pub(crate) fn error(&self, msg: impl Into<String>, range: TextRange) -> Box<CompileError> {
        Box::new(
            self.loc
                .syntax(msg, range.start().to_u32(), range.end().to_u32()),
        )
    }

    // ---- scopes -----------------------------------------------------------------

    /// Starts compiling the scope opened by the node `key`.
    pub(crate) fn enter_scope(
        &mut self,
        key: NodeKey,
        kind: CodeKind,
        scope_type: ScopeType,
        name: &str,
        first_line: u32,
        range: TextRange,
    ) -> CResult<ScopeId> {
        let scope = match self.table.scope_for(key) {
            Some(s) if &*self.table.scope(s).name == name => s,
            _ => return Err(self.error("internal compiler error: scope not found", range)),
        };
        let qualname = self.qualname_for(name, scope_type);
        let s = self.table.scope(scope);
        let private = if scope_type == ScopeType::Class {
            Some(Rc::from(name))
        } else {
            self.unit().private.clone()
        };
        self.units.push(Unit::new(UnitSpec {
            scope,
            kind,
            scope_type,
            name: Rc::from(name),
            qualname,
            private,
            params: s.varnames.clone(),
            cellvars: s.cellvars(),
            freevars: s.freevars(),
            first_line,
            span: span_of(range),
        }));
        self.set_loc(range);
        Ok(scope)
    }

    /// Finishes the innermost unit.
    pub(crate) fn exit_scope(&mut self) -> CResult<Rc<CodeObject>> {
        let Some(unit) = self.units.pop() else {
            return Err(Box::new(self.loc.syntax(
                "internal compiler error: no unit",
                0,
                0,
            )));
        };
        let span = unit.span;
        unit.finish(&self.filename).map(Rc::new).map_err(|m| {
            Box::new(self.loc.syntax(
                format!("internal compiler error: {m}"),
                span.start,
                span.end,
            ))
        })
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, scope_type: ScopeType) -> Rc<str> {
        let parent = self.unit();
        if parent.scope_type == ScopeType::Module {
            return Rc::from(name);
        }
        if matches!(
            scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), name);
            let scope = self.table.scope(parent.scope).scope_of(&mangled);
            if scope == Some(SymbolScope::GlobalExplicit) {
                return Rc::from(name);
            }
        }
        let base = if matches!(
            parent.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.to_string()
        };
        Rc::from(format!("{base}.{name}"))
    }

    /// Pushes a function made from `code`, with its closure tuple if it has
    /// free variables (CPython's `compiler_make_closure`). `flags` announce
    /// the defaults/annotations already on the stack.
    pub(crate) fn make_closure(&mut self, code: Rc<CodeObject>, mut flags: u32) -> CResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                // In a class body, `__class__` is the class's own cell; a
                // name both local to the class and free in a method is the
                // class's free variable.
                let in_class = self.scope_type() == ScopeType::Class;
                let idx = if in_class && &**name == "__class__" {
                    self.unit().cell_index(name, false)
                } else {
                    let scope = self.table.scope(self.unit().scope).scope_of(name);
                    self.unit()
                        .cell_index(name, scope != Some(SymbolScope::Cell))
                };
                let Some(idx) = idx else {
                    let span = self.unit().span;
                    return Err(Box::new(self.loc.syntax(
                        format!("internal compiler error: no cell for free variable '{name}'"),
                        span.start,
                        span.end,
                    )));
                };
                self.emit(Instr::LoadClosure(idx));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= MAKE_FUNCTION_CLOSURE;
        }
        self.load_const(Const::Code(code));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    // ---- names --------------------------------------------------------------------

    /// Loads, stores or deletes a variable (CPython's `compiler_nameop`).
    pub(crate) fn name_op(&mut self, name: &str, ctx: NameCtx) {
        if ctx == NameCtx::Load && name == "__debug__" {
            self.load_const(Const::Bool(true));
            return;
        }
        let mangled = mangle(self.unit().private.as_deref(), name);
        let scope = self.table.scope(self.unit().scope).scope_of(&mangled);
        let block = self.block();
        enum Op {
            Fast,
            Deref(u32),
            Global,
            Name,
        }
        let op = match scope {
            Some(SymbolScope::Free) => match self.unit().cell_index(&mangled, true) {
                Some(i) => Op::Deref(i),
                None => Op::Name,
            },
            Some(SymbolScope::Cell) => match self.unit().cell_index(&mangled, false) {
                Some(i) => Op::Deref(i),
                None => Op::Name,
            },
            Some(SymbolScope::Local) if block == BlockType::Function => Op::Fast,
            Some(SymbolScope::GlobalImplicit) if block == BlockType::Function => Op::Global,
            Some(SymbolScope::GlobalExplicit) => Op::Global,
            _ => Op::Name,
        };
        let instr = match op {
            Op::Fast => {
                let i = self.u().varname(&mangled);
                match ctx {
                    NameCtx::Load => Instr::LoadFast(i),
                    NameCtx::Store => Instr::StoreFast(i),
                    NameCtx::Del => Instr::DeleteFast(i),
                }
            }
            Op::Deref(i) => match ctx {
                NameCtx::Load if block == BlockType::Class => Instr::LoadClassDeref(i),
                NameCtx::Load => Instr::LoadDeref(i),
                NameCtx::Store => Instr::StoreDeref(i),
                NameCtx::Del => Instr::DeleteDeref(i),
            },
            Op::Global => {
                let i = self.u().name(&mangled);
                match ctx {
                    NameCtx::Load => Instr::LoadGlobal(i),
                    NameCtx::Store => Instr::StoreGlobal(i),
                    NameCtx::Del => Instr::DeleteGlobal(i),
                }
            }
            Op::Name => {
                let i = self.u().name(&mangled);
                match ctx {
                    NameCtx::Load => Instr::LoadName(i),
                    NameCtx::Store => Instr::StoreName(i),
                    NameCtx::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
    }

    /// Index in `names` of an attribute, method or import name (mangled,
    /// as CPython's `ADDOP_NAME`).
    pub(crate) fn mangled_name(&mut self, name: &str) -> u32 {
        let mangled = mangle(self.unit().private.as_deref(), name);
        self.u().name(&mangled)
    }

    // ---- bodies ---------------------------------------------------------------

    /// A module or class body: `__annotations__` set up if annotated, the
    /// docstring stored as `__doc__`, then the statements (CPython's
    /// `compiler_body`).
    pub(crate) fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if stmts.iter().any(stmt::contains_annotation) {
            self.emit(Instr::SetupAnnotations);
        }
        let mut rest = stmts;
        if let Some(doc) = literal::docstring(stmts) {
            self.u().docstring = Some(doc.clone());
            let first = &stmts[0];
            let old = self.set_loc(ruff_text_size::Ranged::range(first));
            self.load_const(Const::Str(doc));
            self.name_op("__doc__", NameCtx::Store);
            self.restore_loc(old);
            rest = &stmts[1..];
        }
        self.stmts(rest)
    }
}
