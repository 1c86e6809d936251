//! Compound statements with blocks and the unwinding of frame blocks
//! (CPython 3.10's `compiler_if`, `compiler_while`, `compiler_for`,
//! `compiler_async_for`, `compiler_try_except`, `compiler_try_finally`,
//! `compiler_with`, `compiler_async_with`, `compiler_return`,
//! `compiler_break`, `compiler_continue`, `compiler_unwind_fblock`).
//!
//! Exceptions are one stack value: a handler starts with `[.., prev, exc]`
//! (see `vm::code`), `PopExcept` pops `prev`. `return`, `break` and
//! `continue` leave every enclosing block on the way: loops pop their
//! iterator, `try` blocks pop their `SetupFinally`, `finally` bodies are
//! emitted inline, `with` calls `__exit__(None, None, None)`, except
//! clauses restore the handled exception. A return value stays on top
//! (`Swap(2)` brings each block's own value up to remove it).

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use super::unit::{FBlock, JumpOp, Label, ScopeType};
use super::{span_of, CResult, Compiler, NameCtx};
use crate::lang::symtable::BlockType;
use crate::vm::code::{Const, Instr};

impl<'a> Compiler<'a> {
    pub(crate) fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.u().new_label();
        let mut next = self.u().new_label();
        self.jump_if(&i.test, next, false)?;
        self.stmts(&i.body)?;
        let n = i.elif_else_clauses.len();
        if n > 0 {
            self.jump(end);
        }
        self.u().bind(next);
        for (k, clause) in i.elif_else_clauses.iter().enumerate() {
            self.set_loc(clause.range);
            match &clause.test {
                Some(test) => {
                    next = self.u().new_label();
                    self.jump_if(test, next, false)?;
                    self.stmts(&clause.body)?;
                    if k + 1 < n {
                        self.jump(end);
                    }
                    self.u().bind(next);
                }
                None => self.stmts(&clause.body)?,
            }
        }
        self.u().bind(end);
        Ok(())
    }

    /// `start: <test> PopJumpIfFalse(anchor) <body> JumpBackward(start)
    /// anchor: <else> exit:` — the back edge is always a `JumpBackward`.
    pub(crate) fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let start = self.u().new_label();
        let anchor = self.u().new_label();
        let exit = self.u().new_label();
        self.u().bind(start);
        self.u().fblocks.push(FBlock::WhileLoop { start, exit });
        self.jump_if(&w.test, anchor, false)?;
        self.stmts(&w.body)?;
        self.set_loc(w.test.range());
        self.jump(start);
        self.u().fblocks.pop();
        self.u().bind(anchor);
        self.stmts(&w.orelse)?;
        self.u().bind(exit);
        Ok(())
    }

    pub(crate) fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.u().new_label();
        let cleanup = self.u().new_label();
        let end = self.u().new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Instr::GetIter);
        self.u().bind(start);
        self.u().fblocks.push(FBlock::ForLoop { start, exit: end });
        self.u().emit_jump(JumpOp::ForIter, cleanup);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_loc(f.iter.range());
        self.jump(start);
        self.u().fblocks.pop();
        self.u().bind(cleanup);
        self.stmts(&f.orelse)?;
        self.u().bind(end);
        Ok(())
    }

    /// `async for`: `__anext__()` is awaited under a `SetupFinally` whose
    /// handler, `EndAsyncFor`, ends the loop on `StopAsyncIteration`.
    pub(crate) fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        if self.scope_type() != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.u().new_label();
        let except = self.u().new_label();
        let end = self.u().new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Instr::GetAIter);
        self.u().bind(start);
        self.u().fblocks.push(FBlock::ForLoop { start, exit: end });
        self.u().emit_jump(JumpOp::SetupFinally, except);
        self.emit(Instr::GetANext);
        self.emit_await_from_tos();
        self.emit(Instr::PopBlock);
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.set_loc(f.iter.range());
        self.jump(start);
        self.u().fblocks.pop();
        self.u().bind(except);
        self.emit(Instr::EndAsyncFor);
        self.stmts(&f.orelse)?;
        self.u().bind(end);
        Ok(())
    }

    /// `LoadConst None; YieldFrom` after an awaitable iterator is on TOS.
    pub(crate) fn emit_await_from_tos(&mut self) {
        self.load_none();
        self.emit(Instr::YieldFrom);
    }

    pub(crate) fn break_stmt(&mut self, range: TextRange) -> CResult {
        self.check_except_star_exit(true, range)?;
        self.emit(Instr::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop", range));
        };
        self.unwind_fblock(lp, false)?;
        match lp {
            FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } => self.jump(exit),
            _ => {}
        }
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, range: TextRange) -> CResult {
        self.check_except_star_exit(true, range)?;
        self.emit(Instr::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop", range));
        };
        match lp {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => self.jump(start),
            _ => {}
        }
        Ok(())
    }

    pub(crate) fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if self.block() != BlockType::Function {
            return Err(self.error("'return' outside function", r.range));
        }
        let scope = self.table.scope(self.unit().scope);
        if r.value.is_some() && scope.is_coroutine && scope.is_generator {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        // A constant value is where CPython's compiler stands when it
        // finds the except* block (it emits a NOP there, not the value).
        let at = match r.value.as_deref() {
            Some(v) if is_literal(v) => v.range(),
            _ => r.range,
        };
        self.check_except_star_exit(false, at)?;
        let preserve = r.value.is_some();
        if let Some(v) = &r.value {
            self.expr(v)?;
        }
        self.set_loc(r.range);
        self.unwind_fblock_stack(preserve, false)?;
        if !preserve {
            self.load_none();
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// `break`, `continue` (up to their loop) and `return` cannot leave an
    /// `except*` clause (CPython's `compiler_unwind_fblock_stack`).
    fn check_except_star_exit(&mut self, stop_at_loop: bool, range: TextRange) -> CResult {
        let inside = self
            .unit()
            .fblocks
            .iter()
            .rev()
            .take_while(|b| {
                !(stop_at_loop && matches!(b, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }))
            })
            .any(|b| matches!(b, FBlock::ExceptionGroupHandler));
        if inside {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        Ok(())
    }

    /// Emits the exit code of every frame block, innermost first, up to
    /// the innermost loop if `stop_at_loop` (which is returned).
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u().fblocks.last().copied() else {
            return Ok(None);
        };
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = self
            .unwind_fblock(top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(preserve_tos, stop_at_loop));
        self.u().fblocks.push(top);
        r
    }

    fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> CResult {
        match info {
            FBlock::WhileLoop { .. }
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler
            | FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::FinallyTry { body } => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                let old = (self.unit().span, self.unit().line);
                self.stmts(body)?;
                self.restore_loc(old);
                if preserve_tos {
                    self.u().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                // [.., prev, exc (, value)]
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            FBlock::With { span } | FBlock::AsyncWith { span } => {
                let old = (self.unit().span, self.unit().line);
                let line = self.loc.lines.line(span.start);
                self.u().span = span;
                self.u().line = line;
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
                if matches!(info, FBlock::AsyncWith { .. }) {
                    self.emit(Instr::GetAwaitable);
                    self.emit_await_from_tos();
                }
                self.emit(Instr::Pop);
                self.restore_loc(old);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.load_none();
                    self.name_op(name.as_str(), NameCtx::Store);
                    self.name_op(name.as_str(), NameCtx::Del);
                }
            }
        }
        Ok(())
    }

    // ---- try ----------------------------------------------------------------

    pub(crate) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.finalbody.is_empty() {
            self.try_except(t)
        } else {
            self.try_finally(t)
        }
    }

    /// `SetupFinally(F) <body> PopBlock <finally> Jump(exit)
    /// F: <finally> Reraise exit:`
    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.u().new_label();
        let exit = self.u().new_label();
        self.u().emit_jump(JumpOp::SetupFinally, handler);
        self.u()
            .fblocks
            .push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.emit(Instr::PopBlock);
        self.u().fblocks.pop();
        self.stmts(&t.finalbody)?;
        self.jump(exit);
        self.u().bind(handler);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.u().fblocks.pop();
        self.emit(Instr::Reraise);
        self.u().bind(exit);
        Ok(())
    }

    /// What `try_except` and `try_star_except` share: `SetupFinally(except)
    /// body PopBlock orelse Jump(end)`, then `except` bound for the
    /// handlers that follow. Returns `end`.
    fn try_body(&mut self, t: &'a ast::StmtTry) -> CResult<Label> {
        let except = self.u().new_label();
        let end = self.u().new_label();
        self.u().emit_jump(JumpOp::SetupFinally, except);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.orelse)?;
        self.jump(end);
        self.u().bind(except);
        Ok(end)
    }

    /// See the module docs of `vm::code` and CPython 3.10's
    /// `compiler_try_except`; each clause tests `[.., prev, exc]` with
    /// `<type> CheckExcMatch PopJumpIfFalse(next)`.
    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.is_star {
            return self.try_star_except(t);
        }
        let end = self.try_body(t)?;
        self.u().fblocks.push(FBlock::ExceptionHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.u().new_label();
            if let Some(ty) = &h.type_ {
                // [.., prev, exc] -> [.., prev, exc, matched]: CheckExcMatch
                // keeps exc (vm::code).
                self.expr(ty)?;
                self.emit(Instr::CheckExcMatch);
                self.u().emit_jump(JumpOp::PopIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    self.name_op(name.as_str(), NameCtx::Store);
                    let cleanup_end = self.u().new_label();
                    self.u().emit_jump(JumpOp::SetupFinally, cleanup_end);
                    self.u()
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: Some(name) });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    self.set_loc(h.range);
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.clear_name(name);
                    self.jump(end);
                    self.u().bind(cleanup_end);
                    self.clear_name(name);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::Pop);
                    self.u().fblocks.push(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    self.set_loc(h.range);
                    self.emit(Instr::PopExcept);
                    self.jump(end);
                }
            }
            self.u().bind(next);
        }
        self.u().fblocks.pop();
        self.set_loc(t.range);
        self.emit(Instr::Reraise);
        self.u().bind(end);
        Ok(())
    }

    /// CPython 3.11's `compiler_try_star_except`. The handler starts with
    /// `[.., prev, exc]`; `orig` is exc as caught, `res` the list of what
    /// clauses raised, `rest` what no clause has matched yet:
    ///
    /// ```text
    /// except: BuildList(0) Copy(2)            [.., prev, orig, res, rest]
    /// each:   <type> CheckEgMatch             [.., prev, orig, res, rest, match]
    ///         Copy(1) None IsOp PopJumpIfTrue(no_match)
    ///         <store name | Pop> SetupFinally(raised) <body> PopBlock
    ///         <clear name> Jump(next)
    /// raised: <clear name> ListAppend(3) PopExcept Jump(next)
    /// no_match: Pop
    /// next:   ...
    /// last:   ListAppend(1) PrepReraiseStar   [.., prev, exc or None]
    ///         Copy(1) None IsOp PopJumpIfFalse(reraise) Pop PopExcept Jump(end)
    /// reraise: Swap(2) PopExcept Reraise
    /// ```
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let end = self.try_body(t)?;
        self.u().fblocks.push(FBlock::ExceptionGroupHandler);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if i == 0 {
                self.emit(Instr::BuildList(0));
                self.emit(Instr::Copy(2));
            }
            let Some(ty) = &h.type_ else {
                return Err(self.error("expected one or more exception types", h.range));
            };
            let next = self.u().new_label();
            let no_match = self.u().new_label();
            let raised = self.u().new_label();
            self.expr(ty)?;
            self.set_loc(h.range);
            self.emit(Instr::CheckEgMatch);
            self.emit(Instr::Copy(1));
            self.load_none();
            self.emit(Instr::IsOp(0));
            self.u().emit_jump(JumpOp::PopIfTrue, no_match);
            match &h.name {
                Some(name) => self.name_op(name.as_str(), NameCtx::Store),
                None => self.emit(Instr::Pop),
            }
            self.u().emit_jump(JumpOp::SetupFinally, raised);
            self.stmts(&h.body)?;
            self.set_loc(h.range);
            self.emit(Instr::PopBlock);
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.jump(next);
            self.u().bind(raised);
            if let Some(name) = &h.name {
                self.clear_name(name);
            }
            self.emit(Instr::ListAppend(3));
            self.emit(Instr::PopExcept);
            self.jump(next);
            self.u().bind(no_match);
            self.emit(Instr::Pop);
            self.u().bind(next);
        }
        self.u().fblocks.pop();
        let reraise = self.u().new_label();
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.load_none();
        self.emit(Instr::IsOp(0));
        self.u().emit_jump(JumpOp::PopIfFalse, reraise);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.jump(end);
        self.u().bind(reraise);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.u().bind(end);
        Ok(())
    }

    /// `name = None; del name` (the `as` target does not outlive its
    /// clause).
    fn clear_name(&mut self, name: &ast::Identifier) {
        self.load_none();
        self.name_op(name.as_str(), NameCtx::Store);
        self.name_op(name.as_str(), NameCtx::Del);
    }

    // ---- with ------------------------------------------------------------------

    /// Several items nest: `with a, b:` is `with a: with b:`.
    pub(crate) fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        if w.is_async {
            return self.async_with(w, pos);
        }
        let Some(item) = w.items.get(pos) else {
            return self.stmts(&w.body);
        };
        let final_ = self.u().new_label();
        let exit = self.u().new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(item.range);
        self.u().emit_jump(JumpOp::SetupWith, final_);
        self.u().fblocks.push(FBlock::With {
            span: span_of(w.range),
        });
        self.with_target_and_body(w, pos)?;
        self.set_loc(w.range);
        self.emit(Instr::PopBlock);
        self.u().fblocks.pop();
        self.call_exit_with_nones();
        self.emit(Instr::Pop);
        self.jump(exit);
        self.u().bind(final_);
        self.emit(Instr::WithExceptStart);
        self.with_except_finish();
        self.u().bind(exit);
        Ok(())
    }

    fn with_target_and_body(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        match &w.items[pos].optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(Instr::Pop),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)
        } else {
            self.set_loc(w.range);
            self.with_stmt(w, pos + 1)
        }
    }

    pub(crate) fn async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        if self.scope_type() != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function", w.range));
        }
        let Some(item) = w.items.get(pos) else {
            return self.stmts(&w.body);
        };
        let final_ = self.u().new_label();
        let exit = self.u().new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(item.range);
        self.emit(Instr::BeforeAsyncWith);
        self.emit(Instr::GetAwaitable);
        self.emit_await_from_tos();
        self.u().emit_jump(JumpOp::SetupAsyncWith, final_);
        self.u().fblocks.push(FBlock::AsyncWith {
            span: span_of(w.range),
        });
        self.with_target_and_body(w, pos)?;
        self.set_loc(w.range);
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.call_exit_with_nones();
        self.emit(Instr::GetAwaitable);
        self.emit_await_from_tos();
        self.emit(Instr::Pop);
        self.jump(exit);
        self.u().bind(final_);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::GetAwaitable);
        self.emit_await_from_tos();
        self.with_except_finish();
        self.u().bind(exit);
        Ok(())
    }

    /// `[.., exit]` → `[.., exit(None, None, None)]`.
    fn call_exit_with_nones(&mut self) {
        self.emit(Instr::PushNull);
        self.emit(Instr::Swap(2));
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(Instr::Call(3));
    }

    /// `[.., exit, prev, exc, result]`: re-raises unless the result is
    /// true; then drops exc, prev (leaving the handler) and exit.
    fn with_except_finish(&mut self) {
        let suppress = self.u().new_label();
        self.u().emit_jump(JumpOp::PopIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.u().bind(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
    }
}

/// A literal constant (CPython's `Constant` node).
fn is_literal(e: &ast::Expr) -> bool {
    matches!(
        e,
        ast::Expr::NumberLiteral(_)
            | ast::Expr::StringLiteral(_)
            | ast::Expr::BytesLiteral(_)
            | ast::Expr::BooleanLiteral(_)
            | ast::Expr::NoneLiteral(_)
            | ast::Expr::EllipsisLiteral(_)
    )
}
