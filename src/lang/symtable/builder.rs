//! The first symbol-table pass: walks the AST in CPython's order
//! (`symtable_visit_stmt` / `symtable_visit_expr`) and records, per scope,
//! the flags of every name. It also rejects, as `NotImplementedError`, the
//! constructs we parse but do not simulate, so that the compiler never sees
//! them. It never resolves scopes (that is `analyze`).

use std::rc::Rc;

use ruff_python_ast::{
    self as ast, Comprehension, Expr, ExprContext, InterpolatedStringElement, ModModule,
    Parameters, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use super::flags::*;
use super::{mangle, BlockType, ComprehensionKind, Scope, ScopeId, SymbolTable};
use crate::lang::error::{CompileError, ErrorLocator};
use crate::lang::limits::{recursion_error, MAX_NESTING};

/// Identifies the AST node that opens a scope: its byte range.
pub type NodeKey = (u32, u32);

/// The key of a node's range.
pub fn node_key(range: TextRange) -> NodeKey {
    (range.start().to_u32(), range.end().to_u32())
}

const NAMED_EXPR_COMP_IN_CLASS: &str =
    "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_ITER_EXPR: &str =
    "assignment expression cannot be used in a comprehension iterable expression";

struct Builder<'l, 's> {
    table: SymbolTable,
    /// The scopes being walked, innermost last.
    stack: Vec<ScopeId>,
    /// Per scope: walking a comprehension target (`ste_comp_iter_target`).
    comp_iter_target: Vec<bool>,
    /// Per scope: depth inside comprehension iterables (`ste_comp_iter_expr`).
    comp_iter_expr: Vec<u32>,
    /// Current nesting of statements and expressions (see `limits`).
    depth: u32,
    loc: &'l ErrorLocator<'s>,
}

/// Boxed errors keep every `Result` of the recursive walk one word.
type Res = Result<(), Box<CompileError>>;

pub(super) fn build(
    module: &ModModule,
    loc: &ErrorLocator<'_>,
) -> Result<SymbolTable, Box<CompileError>> {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(BlockType::Module, Rc::from("top"), None)],
            by_node: Default::default(),
            future_annotations: has_future_annotations(&module.body),
        },
        stack: vec![0],
        comp_iter_target: vec![false],
        comp_iter_expr: vec![0],
        depth: 0,
        loc,
    };
    for stmt in &module.body {
        b.stmt(stmt)?;
    }
    Ok(b.table)
}

/// Whether the module starts (after its docstring) with
/// `from __future__ import annotations`.
fn has_future_annotations(body: &[Stmt]) -> bool {
    let mut stmts = body.iter().peekable();
    if let Some(Stmt::Expr(e)) = stmts.peek() {
        if e.value.is_string_literal_expr() {
            stmts.next();
        }
    }
    for s in stmts {
        match s {
            Stmt::ImportFrom(f)
                if f.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
            {
                if f.names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

impl Builder<'_, '_> {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn private(&self) -> Option<Rc<str>> {
        self.table.scopes[self.cur()].private.clone()
    }

    fn error(&self, msg: impl Into<String>, range: TextRange) -> Box<CompileError> {
        Box::new(
            self.loc
                .syntax(msg, range.start().to_u32(), range.end().to_u32()),
        )
    }

    fn not_implemented(&self, what: &str, range: TextRange) -> Box<CompileError> {
        Box::new(self.loc.not_implemented(what, range.start().to_u32()))
    }

    /// CPython's `symtable_add_def`: mangles, checks duplicate parameters
    /// and comprehension-target conflicts, records parameters and globals.
    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Res {
        let mangled = mangle(self.private().as_deref(), name);
        let id = self.cur();
        self.add_def_in(id, &mangled, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, mangled: &Rc<str>, flag: u32, range: TextRange) -> Res {
        let old = self.table.scopes[id].flags_of(mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(self.error(
                format!("duplicate argument '{mangled}' in function definition"),
                range,
            ));
        }
        let mut new = flag;
        if self.comp_iter_target[id] {
            if (old | flag) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.error(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{mangled}'"
                    ),
                    range,
                ));
            }
            new |= DEF_COMP_ITER;
        }
        self.table.scopes[id].add_flags(mangled, new);
        if flag & DEF_PARAM != 0 {
            self.table.scopes[id].varnames.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 {
            // A `global x` anywhere marks `x` global in the module too.
            self.table.scopes[0].add_flags(mangled, flag);
        }
        Ok(())
    }

    /// Opens a scope; a scope counts as one more level of nesting (the
    /// compiler's units are large).
    fn enter(
        &mut self,
        block: BlockType,
        name: &str,
        key: TextRange,
    ) -> Result<ScopeId, Box<CompileError>> {
        self.enter_node(key)?;
        let parent = self.cur();
        let private = self.table.scopes[parent].private.clone();
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(block, Rc::from(name), private));
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(node_key(key), id);
        self.stack.push(id);
        self.comp_iter_target.push(false);
        self.comp_iter_expr.push(0);
        Ok(id)
    }

    fn exit(&mut self) {
        self.stack.pop();
        self.depth -= 1;
    }

    // ---- statements ------------------------------------------------------

    fn stmts(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Res {
        self.enter_node(stmt.range())?;
        let r = self.stmt_inner(stmt);
        self.depth -= 1;
        r
    }

    /// Counts one level of nesting; too deep is CPython's RecursionError.
    fn enter_node(&mut self, range: TextRange) -> Res {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth -= 1;
            return Err(Box::new(recursion_error(self.loc, range.start().to_u32())));
        }
        Ok(())
    }

    fn stmt_inner(&mut self, stmt: &Stmt) -> Res {
        match stmt {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.opt_expr(r.value.as_deref()),
            Stmt::Delete(d) => self.exprs(&d.targets),
            Stmt::Assign(a) => {
                self.exprs(&a.targets)?;
                self.expr(&a.value)
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.opt_expr(clause.test.as_ref())?;
                    self.stmts(&clause.body)?;
                }
                Ok(())
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    self.opt_expr(item.optional_vars.as_deref())?;
                }
                self.stmts(&w.body)
            }
            Stmt::Match(m) => Err(self.not_implemented("match statements", m.range)),
            Stmt::TypeAlias(t) => Err(self.not_implemented("type alias statements", t.range)),
            Stmt::Raise(r) => {
                self.opt_expr(r.exc.as_deref())?;
                self.opt_expr(r.cause.as_deref())
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt_expr(h.type_.as_deref())?;
                    if let Some(name) = &h.name {
                        self.add_def(name.as_str(), DEF_LOCAL, h.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                self.opt_expr(a.msg.as_deref())
            }
            Stmt::Import(i) => i.names.iter().try_for_each(|a| self.alias(a)),
            Stmt::ImportFrom(i) => i.names.iter().try_for_each(|a| self.alias(a)),
            Stmt::Global(g) => self.global(g),
            Stmt::Nonlocal(n) => self.nonlocal(n),
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::IpyEscapeCommand(e) => {
                Err(self.not_implemented("IPython escape commands", e.range))
            }
        }
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> Res {
        if let Some(tp) = &f.type_params {
            return Err(self.not_implemented("type parameter lists", tp.range));
        }
        self.add_def(f.name.as_str(), DEF_LOCAL, f.range)?;
        self.param_defaults(&f.parameters)?;
        self.annotations(&f.parameters, f.returns.as_deref())?;
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let id = self.enter(BlockType::Function, f.name.as_str(), f.range)?;
        self.table.scopes[id].is_async_def = f.is_async;
        self.table.scopes[id].is_coroutine = f.is_async;
        self.params(&f.parameters)?;
        self.stmts(&f.body)?;
        self.exit();
        Ok(())
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> Res {
        if let Some(tp) = &c.type_params {
            return Err(self.not_implemented("type parameter lists", tp.range));
        }
        self.add_def(c.name.as_str(), DEF_LOCAL, c.range)?;
        if let Some(args) = &c.arguments {
            self.exprs(&args.args)?;
            for k in &args.keywords {
                self.expr(&k.value)?;
            }
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let id = self.enter(BlockType::Class, c.name.as_str(), c.range)?;
        self.table.scopes[id].private = Some(Rc::from(c.name.as_str()));
        self.stmts(&c.body)?;
        self.exit();
        Ok(())
    }

    fn ann_assign(&mut self, a: &ast::StmtAnnAssign) -> Res {
        if let Expr::Name(name) = &*a.target {
            let mangled = mangle(self.private().as_deref(), name.id.as_str());
            let cur = self.table.scopes[self.cur()].flags_of(&mangled);
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                let which = if cur & DEF_GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(self.error(
                    format!("annotated name '{}' can't be {which}", name.id),
                    name.range,
                ));
            }
            if a.simple {
                self.add_def(name.id.as_str(), DEF_ANNOT | DEF_LOCAL, name.range)?;
            } else if a.value.is_some() {
                self.add_def(name.id.as_str(), DEF_LOCAL, name.range)?;
            }
        } else {
            self.expr(&a.target)?;
        }
        self.annotation(&a.annotation)?;
        self.opt_expr(a.value.as_deref())
    }

    fn alias(&mut self, a: &ast::Alias) -> Res {
        let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
        if name == "*" {
            if self.table.scopes[self.cur()].block != BlockType::Module {
                return Err(self.error("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, DEF_IMPORT, a.range)
    }

    fn global(&mut self, g: &ast::StmtGlobal) -> Res {
        for name in &g.names {
            let mangled = mangle(self.private().as_deref(), name.as_str());
            let cur = self.table.scopes[self.cur()].flags_of(&mangled);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and global")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to global declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be global")
                } else {
                    format!("name '{name}' is assigned to before global declaration")
                };
                return Err(self.error(msg, g.range));
            }
            self.add_def(name.as_str(), DEF_GLOBAL, g.range)?;
            self.record_directive(&mangled, g.range);
        }
        Ok(())
    }

    fn nonlocal(&mut self, n: &ast::StmtNonlocal) -> Res {
        for name in &n.names {
            let mangled = mangle(self.private().as_deref(), name.as_str());
            let cur = self.table.scopes[self.cur()].flags_of(&mangled);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and nonlocal")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to nonlocal declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be nonlocal")
                } else {
                    format!("name '{name}' is assigned to before nonlocal declaration")
                };
                return Err(self.error(msg, n.range));
            }
            self.add_def(name.as_str(), DEF_NONLOCAL, n.range)?;
            self.record_directive(&mangled, n.range);
        }
        Ok(())
    }

    fn record_directive(&mut self, mangled: &Rc<str>, range: TextRange) {
        let key = (range.start().to_u32(), range.end().to_u32());
        self.scope()
            .directives
            .entry(mangled.clone())
            .or_insert(key);
    }

    // ---- parameters and annotations --------------------------------------

    fn param_defaults(&mut self, p: &Parameters) -> Res {
        for arg in p.posonlyargs.iter().chain(&p.args) {
            self.opt_expr(arg.default.as_deref())?;
        }
        for arg in &p.kwonlyargs {
            self.opt_expr(arg.default.as_deref())?;
        }
        Ok(())
    }

    fn annotations(&mut self, p: &Parameters, returns: Option<&Expr>) -> Res {
        for arg in p.posonlyargs.iter().chain(&p.args) {
            self.opt_annotation(arg.parameter.annotation.as_deref())?;
        }
        if let Some(v) = &p.vararg {
            self.opt_annotation(v.annotation.as_deref())?;
        }
        for arg in &p.kwonlyargs {
            self.opt_annotation(arg.parameter.annotation.as_deref())?;
        }
        if let Some(k) = &p.kwarg {
            self.opt_annotation(k.annotation.as_deref())?;
        }
        self.opt_annotation(returns)
    }

    fn opt_annotation(&mut self, a: Option<&Expr>) -> Res {
        a.map_or(Ok(()), |a| self.annotation(a))
    }

    /// Annotations are evaluated in the enclosing scope, unless
    /// `from __future__ import annotations` turns them into strings.
    fn annotation(&mut self, a: &Expr) -> Res {
        if self.table.future_annotations {
            return Ok(());
        }
        self.expr(a)
    }

    fn params(&mut self, p: &Parameters) -> Res {
        // A duplicate is reported from the name to the end of the
        // annotation (not counting `*` / `**`).
        let span =
            |param: &ast::Parameter| TextRange::new(param.name.range.start(), param.range.end());
        for arg in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(arg.parameter.name.as_str(), DEF_PARAM, span(&arg.parameter))?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(v.name.as_str(), DEF_PARAM, span(v))?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(k.name.as_str(), DEF_PARAM, span(k))?;
        }
        Ok(())
    }

    // ---- expressions -----------------------------------------------------

    fn exprs(&mut self, es: &[Expr]) -> Res {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> Res {
        e.map_or(Ok(()), |e| self.expr(e))
    }

    fn expr(&mut self, e: &Expr) -> Res {
        self.enter_node(e.range())?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Res {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values),
            Expr::Named(n) => self.named_expr(n),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                let id = self.enter(BlockType::Function, "<lambda>", l.range)?;
                self.table.scopes[id].is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.exit();
                Ok(())
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    self.opt_expr(item.key.as_ref())?;
                    self.expr(&item.value)?;
                }
                Ok(())
            }
            Expr::Set(s) => self.exprs(&s.elts),
            Expr::ListComp(c) => {
                self.comprehension(e, ComprehensionKind::List, &c.generators, &c.elt, None)
            }
            Expr::SetComp(c) => {
                self.comprehension(e, ComprehensionKind::Set, &c.generators, &c.elt, None)
            }
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.comprehension(
                    e,
                    ComprehensionKind::Dict,
                    &c.generators,
                    key,
                    Some(&c.value),
                ),
                None => Err(self.error(
                    "dict unpacking cannot be used in dict comprehension",
                    c.range,
                )),
            },
            Expr::Generator(g) => {
                self.comprehension(e, ComprehensionKind::Generator, &g.generators, &g.elt, None)
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.scope().is_coroutine = true;
                Ok(())
            }
            Expr::Yield(y) => {
                self.opt_expr(y.value.as_deref())?;
                self.yield_seen(y.range)
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.yield_seen(y.range)
            }
            Expr::Compare(c) => self.exprs(&c.operands),
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.arguments.args)?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.expr(&k.value))
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPartRef::FString(fs) = part {
                        self.fstring_elements(&fs.elements, 0, fs.range.end().to_u32())?;
                    }
                }
                Ok(())
            }
            Expr::TString(t) => Err(self.not_implemented("template strings (t-strings)", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => Ok(()),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => self.name(n),
            Expr::List(l) => self.exprs(&l.elts),
            Expr::Tuple(t) => self.exprs(&t.elts),
            Expr::Slice(s) => {
                self.opt_expr(s.lower.as_deref())?;
                self.opt_expr(s.upper.as_deref())?;
                self.opt_expr(s.step.as_deref())
            }
            Expr::IpyEscapeCommand(e) => {
                Err(self.not_implemented("IPython escape commands", e.range))
            }
        }
    }

    /// `spec_depth` counts the format specs we are inside: 3.11 allows a
    /// replacement field in a spec (`{x:{w}}`) but not deeper.
    fn fstring_elements(
        &mut self,
        elements: &[InterpolatedStringElement],
        spec_depth: u32,
        fstring_end: u32,
    ) -> Res {
        for el in elements {
            if let InterpolatedStringElement::Interpolation(i) = el {
                if spec_depth >= 2 {
                    // 3.11 points at the end of the f-string.
                    return Err(Box::new(self.loc.syntax(
                        "f-string: expressions nested too deeply",
                        fstring_end,
                        fstring_end,
                    )));
                }
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements, spec_depth + 1, fstring_end)?;
                }
            }
        }
        Ok(())
    }

    fn name(&mut self, n: &ast::ExprName) -> Res {
        let load = matches!(n.ctx, ExprContext::Load | ExprContext::Invalid);
        if !load && n.id.as_str() == "__debug__" {
            let verb = if n.ctx == ExprContext::Del {
                "delete"
            } else {
                "assign to"
            };
            return Err(self.error(format!("cannot {verb} __debug__"), n.range));
        }
        self.add_def(n.id.as_str(), if load { USE } else { DEF_LOCAL }, n.range)?;
        if load
            && n.id.as_str() == "super"
            && self.table.scopes[self.cur()].block == BlockType::Function
        {
            self.add_def("__class__", USE, n.range)?;
        }
        Ok(())
    }

    fn yield_seen(&mut self, range: TextRange) -> Res {
        let scope = self.scope();
        scope.is_generator = true;
        if let Some(kind) = scope.comprehension {
            return Err(self.error(format!("'yield' inside {}", kind.description()), range));
        }
        Ok(())
    }

    fn named_expr(&mut self, n: &ast::ExprNamed) -> Res {
        if self.comp_iter_expr[self.cur()] > 0 {
            return Err(self.error(NAMED_EXPR_COMP_ITER_EXPR, n.range));
        }
        if self.table.scopes[self.cur()].comprehension.is_some() {
            if let Expr::Name(target) = &*n.target {
                self.extend_named_expr_scope(target)?;
            }
        }
        self.expr(&n.value)?;
        self.expr(&n.target)
    }

    /// PEP 572: a walrus in a comprehension binds in the nearest enclosing
    /// function (nonlocal there) or module (global).
    fn extend_named_expr_scope(&mut self, target: &ast::ExprName) -> Res {
        let name = mangle(self.private().as_deref(), target.id.as_str());
        for &id in self.stack.clone().iter().rev() {
            let scope = &self.table.scopes[id];
            if scope.comprehension.is_some() {
                if scope.flags_of(&name) & DEF_COMP_ITER != 0 {
                    return Err(self.error(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{}'",
                            target.id
                        ),
                        target.range,
                    ));
                }
                continue;
            }
            let cur = self.cur();
            match scope.block {
                BlockType::Function => {
                    let flag = if scope.flags_of(&name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def_in(cur, &name, flag, target.range)?;
                    self.record_directive(&name, target.range);
                    return self.add_def_in(id, &name, DEF_LOCAL, target.range);
                }
                BlockType::Module => {
                    self.add_def_in(cur, &name, DEF_GLOBAL, target.range)?;
                    self.record_directive(&name, target.range);
                    return self.add_def_in(id, &name, DEF_GLOBAL, target.range);
                }
                BlockType::Class => {
                    return Err(self.error(NAMED_EXPR_COMP_IN_CLASS, target.range));
                }
            }
        }
        Ok(())
    }

    /// CPython's `symtable_handle_comprehension`: the first iterable is
    /// evaluated in the current scope, the rest in a new function scope
    /// whose parameter `.0` is the first iterator.
    fn comprehension(
        &mut self,
        node: &Expr,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Res {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let cur = self.cur();
        self.comp_iter_expr[cur] += 1;
        let r = self.expr(&outermost.iter);
        self.comp_iter_expr[cur] -= 1;
        r?;
        let id = self.enter(BlockType::Function, kind.code_name(), node.range())?;
        self.table.scopes[id].comprehension = Some(kind);
        if outermost.is_async {
            self.table.scopes[id].is_coroutine = true;
        }
        self.add_def_in(id, &Rc::from(".0"), DEF_PARAM, outermost.range)?;
        self.comp_target(id, &outermost.target)?;
        self.exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.comp_target(id, &g.target)?;
            self.comp_iter_expr[id] += 1;
            let r = self.expr(&g.iter);
            self.comp_iter_expr[id] -= 1;
            r?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.table.scopes[id].is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_generator = kind == ComprehensionKind::Generator;
        if is_generator {
            self.table.scopes[id].is_generator = true;
        }
        let is_async = self.table.scopes[id].is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.scope().is_coroutine = true;
        }
        Ok(())
    }

    fn comp_target(&mut self, id: ScopeId, target: &Expr) -> Res {
        self.comp_iter_target[id] = true;
        let r = self.expr(target);
        self.comp_iter_target[id] = false;
        r
    }
}
