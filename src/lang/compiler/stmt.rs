//! Statements: the dispatcher, and the simple statements — assignments
//! (plain, augmented, annotated, with unpacking targets), `del`, `raise`,
//! `assert`, imports, expression statements. Compound statements with
//! blocks are in `control`, definitions in `function`.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::expr::binop;
use super::literal::is_constant_expr;
use super::unit::ScopeType;
use super::{CResult, Compiler, NameCtx};
use crate::vm::code::{Const, Instr};

/// Features `from __future__ import` accepts (all mandatory in 3.11 but
/// `annotations`).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Whether a statement (not looking into nested definitions) contains an
/// annotated assignment: module and class bodies then get
/// `__annotations__` (CPython's `find_ann`).
pub(crate) fn contains_annotation(s: &Stmt) -> bool {
    let any = |body: &[Stmt]| body.iter().any(contains_annotation);
    match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => any(&f.body) || any(&f.orelse),
        Stmt::While(w) => any(&w.body) || any(&w.orelse),
        Stmt::If(i) => any(&i.body) || i.elif_else_clauses.iter().any(|c| any(&c.body)),
        Stmt::With(w) => any(&w.body),
        Stmt::Try(t) => {
            any(&t.body)
                || any(&t.orelse)
                || any(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    any(&h.body)
                })
        }
        _ => false,
    }
}

/// How CPython names an expression in "cannot assign to …" messages.
pub(crate) fn expr_description(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::EllipsisLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) if f.is_async => self.async_for(f),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.expr(exc)?;
                    n = 1;
                    if let Some(cause) = &r.cause {
                        self.expr(cause)?;
                        n = 2;
                    }
                }
                self.emit(Instr::RaiseVarargs(n));
                Ok(())
            }
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => {
                if is_constant_expr(&e.value) {
                    self.emit(Instr::Nop);
                } else {
                    self.expr(&e.value)?;
                    self.emit(Instr::Pop);
                }
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Instr::Nop);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::Match(m) => Err(Box::new(
                self.loc
                    .not_implemented("match statements", m.range.start().to_u32()),
            )),
            Stmt::TypeAlias(t) => Err(Box::new(
                self.loc
                    .not_implemented("type alias statements", t.range.start().to_u32()),
            )),
            Stmt::IpyEscapeCommand(e) => Err(Box::new(
                self.loc
                    .not_implemented("IPython escape commands", e.range.start().to_u32()),
            )),
        }
    }

    // ---- targets ------------------------------------------------------------

    /// Stores TOS into an assignment target.
    pub(crate) fn store_target(&mut self, t: &'a Expr) -> CResult {
        let old = self.set_loc(t.range());
        let r = self.store_target_inner(t);
        self.restore_loc(old);
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameCtx::Store);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.mangled_name(a.attr.as_str());
                self.emit(Instr::StoreAttr(i));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, t.range())?;
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => Err(self.error(
                "starred assignment target must be in a list or tuple",
                s.range,
            )),
            other => Err(self.error(
                format!("cannot assign to {}", expr_description(other)),
                other.range(),
            )),
        }
    }

    /// `UnpackSequence(n)`, or `UnpackEx` with one starred target.
    fn unpack(&mut self, elts: &[Expr], range: TextRange) -> CResult {
        let n = elts.len();
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if e.is_starred_expr() {
                if star.is_some() {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = n - i - 1;
                if i >= 1 << 8 || after >= 1 << 24 {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", range)
                    );
                }
                self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
            }
            None => self.emit(Instr::UnpackSequence(n as u32)),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        let old = self.set_loc(t.range());
        let r = match t {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameCtx::Del);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.mangled_name(a.attr.as_str());
                self.emit(Instr::DeleteAttr(i));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            other => Err(self.error(
                format!("cannot delete {}", expr_description(other)),
                other.range(),
            )),
        };
        self.restore_loc(old);
        r
    }

    /// `x op= v`: the target's container and key are evaluated once.
    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = Instr::InplaceOp(binop(a.op));
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameCtx::Load);
                self.expr(&a.value)?;
                self.emit(op);
                self.name_op(n.id.as_str(), NameCtx::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let i = self.mangled_name(at.attr.as_str());
                self.emit(Instr::LoadAttr(i));
                self.expr(&a.value)?;
                self.emit(op);
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.emit(op);
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => {
                return Err(self.error(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_description(other)
                    ),
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    /// `target: annotation [= value]` (CPython 3.10's
    /// `compiler_visit_annassign`): simple names in modules and classes
    /// record the annotation in `__annotations__`; other annotations in
    /// modules and classes are evaluated and dropped; in functions they
    /// are not evaluated.
    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let module_or_class = matches!(self.scope_type(), ScopeType::Module | ScopeType::Class);
        let future = self.table.future_annotations;
        match &*a.target {
            Expr::Name(n) if a.simple && module_or_class => {
                self.annotation_value(&a.annotation)?;
                let i = self.u().name("__annotations__");
                self.emit(Instr::LoadName(i));
                let mangled =
                    crate::lang::symtable::mangle(self.unit().private.as_deref(), n.id.as_str());
                self.load_const(Const::Str(mangled));
                self.emit(Instr::StoreSubscr);
                return Ok(());
            }
            Expr::Attribute(at) if a.value.is_none() => {
                self.expr(&at.value)?;
                self.emit(Instr::Pop);
            }
            Expr::Subscript(s) if a.value.is_none() => {
                self.expr(&s.value)?;
                self.emit(Instr::Pop);
                self.check_ann_subscript(&s.slice)?;
            }
            _ => {}
        }
        if !a.simple && module_or_class && !future {
            self.expr(&a.annotation)?;
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    /// Evaluates (and drops) the parts of an annotated subscript target.
    fn check_ann_subscript(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(Instr::Pop);
                }
            }
            Expr::Tuple(t) => {
                for el in &t.elts {
                    self.check_ann_subscript(el)?;
                }
            }
            other => {
                self.expr(other)?;
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    /// The value stored for an annotation: the evaluated expression, or its
    /// source text under `from __future__ import annotations`.
    pub(crate) fn annotation_value(&mut self, e: &'a Expr) -> CResult {
        if self.table.future_annotations {
            let r = e.range();
            let text = self
                .loc
                .source
                .get(r.start().to_usize()..r.end().to_usize())
                .unwrap_or("");
            self.load_const(Const::Str(Rc::from(text)));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> CResult {
        let end = self.u().new_label();
        self.jump_if(&a.test, end, true)?;
        self.set_loc(a.range);
        if let Some(msg) = &a.msg {
            self.emit(Instr::PushNull);
            self.emit(Instr::LoadAssertionError);
            self.expr(msg)?;
            self.emit(Instr::Call(1));
        } else {
            self.emit(Instr::LoadAssertionError);
        }
        self.emit(Instr::RaiseVarargs(1));
        self.u().bind(end);
        Ok(())
    }

    // ---- imports --------------------------------------------------------------

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            let old = self.set_loc(alias.range);
            self.load_const(Const::Int(0));
            self.load_none();
            let name = alias.name.as_str();
            let idx = self.mangled_name(name);
            self.emit(Instr::ImportName(idx));
            match &alias.asname {
                Some(asname) => {
                    // `import a.b.c as d`: the top package, then attributes.
                    for part in name.split('.').skip(1) {
                        let p = self.u().name(part);
                        self.emit(Instr::LoadAttr(p));
                    }
                    self.name_op(asname.as_str(), NameCtx::Store);
                }
                None => {
                    let top = name.split('.').next().unwrap_or(name);
                    self.name_op(top, NameCtx::Store);
                }
            }
            self.restore_loc(old);
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && i.level == 0 {
            self.check_future(i)?;
        }
        self.load_const(Const::Int(i64::from(i.level)));
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(Rc::from(a.name.as_str())))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        let m = self.mangled_name(module);
        self.emit(Instr::ImportName(m));
        for alias in &i.names {
            let old = self.set_loc(alias.range);
            if alias.name.as_str() == "*" {
                self.emit(Instr::ImportStar);
                self.restore_loc(old);
                return Ok(());
            }
            let n = self.mangled_name(alias.name.as_str());
            self.emit(Instr::ImportFrom(n));
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store.as_str(), NameCtx::Store);
            self.restore_loc(old);
        }
        self.emit(Instr::Pop);
        Ok(())
    }

    /// `from __future__ import …` must open the module (after its
    /// docstring) and name known features.
    fn check_future(&self, i: &'a ast::StmtImportFrom) -> CResult {
        if self.scope_type() != ScopeType::Module || !self.future_position_ok(i.range) {
            // CPython's future.c catches a late future import on the line
            // of the previous statement first, and points one column left.
            let msg = "from __future__ imports must occur at the beginning of the file";
            if let Some(prev) = self.statement_before(i.range) {
                if self.line_of(prev) == self.line_of(i.range) {
                    let at = i.range.start().to_u32().saturating_sub(1);
                    return Err(Box::new(self.loc.syntax(msg, at, at)));
                }
            }
            return Err(self.error(msg, i.range));
        }
        for alias in &i.names {
            let name = alias.name.as_str();
            if name == "braces" {
                return Err(self.error("not a chance", TextRange::empty(i.range.start())));
            }
            if !FUTURE_FEATURES.contains(&name) {
                return Err(self.error(
                    format!("future feature {name} is not defined"),
                    TextRange::empty(i.range.start()),
                ));
            }
        }
        Ok(())
    }

    /// The module-level statement just before the one at `range`.
    fn statement_before(&self, range: TextRange) -> Option<TextRange> {
        let i = self.module_body.iter().position(|s| s.range() == range)?;
        i.checked_sub(1).map(|p| self.module_body[p].range())
    }

    fn future_position_ok(&self, range: TextRange) -> bool {
        let body = self.module_body;
        let mut stmts = body.iter().peekable();
        if let Some(Stmt::Expr(e)) = stmts.peek() {
            if e.value.is_string_literal_expr() {
                stmts.next();
            }
        }
        for s in stmts {
            match s {
                Stmt::ImportFrom(f)
                    if f.level == 0
                        && f.module
                            .as_ref()
                            .is_some_and(|m| m.as_str() == "__future__") =>
                {
                    if f.range == range {
                        return true;
                    }
                }
                _ => return false,
            }
        }
        false
    }
}
