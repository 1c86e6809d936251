//! Comprehensions and generator expressions (CPython 3.11's
//! `compiler_comprehension`): each is a nested code object of kind
//! [`CodeKind::Comprehension`] taking the first iterator as its only
//! argument `.0`; the first iterable is evaluated in the enclosing scope,
//! then `PushNull <function> <iterable> GetIter Call(1)`. Inside, each
//! `for` is a `ForIter` loop (an `async for` awaits `__anext__` under a
//! `SetupFinally` ended by `EndAsyncFor`), each `if` a conditional jump
//! back to the loop head; the element is appended with `ListAppend` /
//! `SetAdd` / `MapAdd` to the container under the iterators, or yielded.
//! An async list/set/dict comprehension returns a coroutine that the
//! enclosing code awaits.

use ruff_python_ast::{Comprehension, Expr};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::function::code_flags;
use super::unit::{FBlock, JumpOp, ScopeType};
use super::{CResult, Compiler};
use crate::lang::symtable::ComprehensionKind;
use crate::vm::code::{CodeKind, Instr};

/// What a comprehension produces, borrowed from its AST node.
struct Shape<'a> {
    kind: ComprehensionKind,
    generators: &'a [Comprehension],
    elt: &'a Expr,
    value: Option<&'a Expr>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let shape = match e {
            Expr::ListComp(c) => Shape {
                kind: ComprehensionKind::List,
                generators: &c.generators,
                elt: &c.elt,
                value: None,
            },
            Expr::SetComp(c) => Shape {
                kind: ComprehensionKind::Set,
                generators: &c.generators,
                elt: &c.elt,
                value: None,
            },
            Expr::DictComp(c) => match &c.key {
                Some(k) => Shape {
                    kind: ComprehensionKind::Dict,
                    generators: &c.generators,
                    elt: k,
                    value: Some(&c.value),
                },
                None => {
                    return Err(self.error(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    ))
                }
            },
            Expr::Generator(g) => Shape {
                kind: ComprehensionKind::Generator,
                generators: &g.generators,
                elt: &g.elt,
                value: None,
            },
            _ => return Ok(()),
        };
        let Some(outermost) = shape.generators.first() else {
            return Ok(());
        };
        let range = e.range();
        let outer_type = self.scope_type();
        let start = self.comprehension_start(e);
        let line = self.line_of(start);
        let scope = self.enter_scope(
            (range.start().to_u32(), range.end().to_u32()),
            CodeKind::Comprehension,
            ScopeType::Comprehension,
            shape.kind.code_name(),
            line,
            range,
        )?;
        let is_async = self.table.scope(scope).is_coroutine;
        let is_generator = shape.kind == ComprehensionKind::Generator;
        if is_async
            && !is_generator
            && !matches!(
                outer_type,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
        {
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            ));
        }
        let flags = code_flags(self.table.scope(scope));
        self.u().flags |= flags;
        self.u().argcount = 1;
        match shape.kind {
            ComprehensionKind::List => self.emit(Instr::BuildList(0)),
            ComprehensionKind::Set => self.emit(Instr::BuildSet(0)),
            ComprehensionKind::Dict => self.emit(Instr::BuildMap(0)),
            ComprehensionKind::Generator => {}
        }
        self.comprehension_generator(&shape, 0, 0)?;
        if !is_generator {
            self.emit(Instr::ReturnValue);
        }
        let code = self.exit_scope()?;
        self.set_loc(range);
        self.emit(Instr::PushNull);
        self.make_closure(code, 0)?;
        self.expr(&outermost.iter)?;
        self.set_loc(range);
        self.emit(if outermost.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && !is_generator {
            self.emit_await();
        }
        Ok(())
    }

    /// Where CPython considers a comprehension to start: a generator
    /// expression that is a call's only argument (`f(x for x in y)`)
    /// starts at the call's `(`.
    fn comprehension_start(&mut self, e: &Expr) -> TextRange {
        let range = e.range();
        let is_genexpr = matches!(e, Expr::Generator(g) if !g.parenthesized);
        match self.sole_genexpr.take() {
            Some((start, paren)) if is_genexpr && start == range.start().to_u32() => {
                TextRange::new(TextSize::new(paren), range.end())
            }
            _ => range,
        }
    }

    fn comprehension_generator(&mut self, shape: &Shape<'a>, index: usize, depth: u32) -> CResult {
        let gen = &shape.generators[index];
        if gen.is_async {
            self.async_comprehension_generator(shape, index, depth)
        } else {
            self.sync_comprehension_generator(shape, index, depth)
        }
    }

    fn sync_comprehension_generator(
        &mut self,
        shape: &Shape<'a>,
        index: usize,
        depth: u32,
    ) -> CResult {
        let gen = &shape.generators[index];
        let start = self.u().new_label();
        let if_cleanup = self.u().new_label();
        let anchor = self.u().new_label();
        self.iterator(gen, index, Instr::GetIter)?;
        let depth = depth + 1;
        self.u().bind(start);
        self.u().emit_jump(JumpOp::ForIter, anchor);
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.comprehension_body(shape, index, depth)?;
        self.u().bind(if_cleanup);
        self.set_loc(gen.range);
        self.jump(start);
        self.u().bind(anchor);
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        shape: &Shape<'a>,
        index: usize,
        depth: u32,
    ) -> CResult {
        let gen = &shape.generators[index];
        let start = self.u().new_label();
        let except = self.u().new_label();
        let if_cleanup = self.u().new_label();
        self.iterator(gen, index, Instr::GetAIter)?;
        self.u().bind(start);
        self.u().fblocks.push(FBlock::AsyncComprehensionGenerator);
        self.u().emit_jump(JumpOp::SetupFinally, except);
        self.emit(Instr::GetANext);
        self.emit_await_from_tos();
        self.emit(Instr::PopBlock);
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.comprehension_body(shape, index, depth + 1)?;
        self.u().bind(if_cleanup);
        self.set_loc(gen.range);
        self.jump(start);
        self.u().fblocks.pop();
        self.u().bind(except);
        self.emit(Instr::EndAsyncFor);
        Ok(())
    }

    /// Pushes the iterator of generator `index`: the `.0` argument for the
    /// first, else the iterable evaluated here.
    fn iterator(&mut self, gen: &'a Comprehension, index: usize, get_iter: Instr) -> CResult {
        self.set_loc(gen.range);
        if index == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&gen.iter)?;
            self.set_loc(gen.iter.range());
            self.emit(get_iter);
        }
        Ok(())
    }

    /// The next `for`, or the element code after the last one; `depth`
    /// counts the iterators on the stack above the container.
    fn comprehension_body(&mut self, shape: &Shape<'a>, index: usize, depth: u32) -> CResult {
        if index + 1 < shape.generators.len() {
            return self.comprehension_generator(shape, index + 1, depth);
        }
        self.expr(shape.elt)?;
        match shape.kind {
            ComprehensionKind::Generator => {
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
            }
            ComprehensionKind::List => self.emit(Instr::ListAppend(depth + 1)),
            ComprehensionKind::Set => self.emit(Instr::SetAdd(depth + 1)),
            ComprehensionKind::Dict => {
                if let Some(v) = shape.value {
                    self.expr(v)?;
                }
                self.emit(Instr::MapAdd(depth + 1));
            }
        }
        Ok(())
    }
}
