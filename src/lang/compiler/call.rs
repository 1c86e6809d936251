//! Calls and displays with unpacking (CPython 3.10's `compiler_call`,
//! `compiler_call_helper`, `starunpack_helper`, `compiler_dict`).
//!
//! - `f(a, b)` → `PushNull <f> <a> <b> Call(2)`;
//! - `o.m(a)` → `<o> LoadMethod(m) <a> Call(1)` (also with keywords);
//! - keywords → `CallKw(n)` with a constant tuple of names on top;
//! - any `*x` / `**y` → a tuple of positional arguments (`BuildList` +
//!   `ListAppend`/`ListExtend` + `ListToTuple`) and a dict of keywords
//!   (`BuildMap` + `DictMerge`), then `CallEx`.
//!
//! Evaluation order is Python's: the callable, positional arguments left to
//! right, then keyword arguments left to right.

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Keyword};
use ruff_text_size::{Ranged, TextRange};

use super::expr::SeqKind;
use super::{CResult, Compiler};
use crate::vm::code::{Const, Instr};

impl<'a> Compiler<'a> {
    pub(crate) fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        self.validate_keywords(&c.arguments.keywords)?;
        let args = &c.arguments.args;
        let keywords = &c.arguments.keywords;
        let unpacking =
            args.iter().any(Expr::is_starred_expr) || keywords.iter().any(|k| k.arg.is_none());
        if let (Expr::Attribute(attr), false) = (&*c.func, unpacking) {
            self.expr(&attr.value)?;
            // 3.11 reports a method call that starts on another line than
            // its receiver at the method name.
            let call_range = c.range();
            let range = if self.line_of(attr.attr.range) != self.line_of(call_range) {
                TextRange::new(attr.attr.range.start(), call_range.end())
            } else {
                call_range
            };
            let old = self.set_loc(range);
            let i = self.mangled_name(attr.attr.as_str());
            self.emit(Instr::LoadMethod(i));
            self.restore_loc(old);
            self.note_sole_genexpr(c);
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            let old = self.set_loc(range);
            self.emit_call(args.len() as u32, keywords);
            self.restore_loc(old);
            return Ok(());
        }
        self.emit(Instr::PushNull);
        self.expr(&c.func)?;
        self.note_sole_genexpr(c);
        self.call_helper(0, args, keywords)
    }

    /// Remembers where the parentheses of `f(x for x in y)` open.
    fn note_sole_genexpr(&mut self, c: &ast::ExprCall) {
        if let ([Expr::Generator(g)], []) = (&c.arguments.args[..], &c.arguments.keywords[..]) {
            if !g.parenthesized {
                self.sole_genexpr =
                    Some((g.range.start().to_u32(), c.arguments.range.start().to_u32()));
            }
        }
    }

    /// `Call(n)` or, with keywords, the names tuple and `CallKw(n)`; `n`
    /// counts every argument slot after the callable and self slots.
    fn emit_call(&mut self, positional: u32, keywords: &[Keyword]) {
        if keywords.is_empty() {
            self.emit(Instr::Call(positional));
        } else {
            let names: Vec<Const> = keywords
                .iter()
                .map(|k| Const::Str(Rc::from(k.arg.as_ref().map_or("", |a| a.as_str()))))
                .collect();
            self.load_const(Const::Tuple(names.into()));
            self.emit(Instr::CallKw(positional + keywords.len() as u32));
        }
    }

    /// "keyword argument repeated: x".
    pub(crate) fn validate_keywords(&self, keywords: &[Keyword]) -> CResult {
        let mut seen = HashSet::new();
        for k in keywords {
            if let Some(arg) = &k.arg {
                if !seen.insert(arg.as_str()) {
                    return Err(self.error(format!("keyword argument repeated: {arg}"), k.range));
                }
            }
        }
        Ok(())
    }

    /// The arguments of a call whose callable (and `pushed` more values:
    /// the class body function and name for `__build_class__`) are on the
    /// stack.
    pub(crate) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let unpacking =
            args.iter().any(Expr::is_starred_expr) || keywords.iter().any(|k| k.arg.is_none());
        if !unpacking {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.emit_call(pushed + args.len() as u32, keywords);
            return Ok(());
        }
        self.starunpack(args, pushed, SeqKind::Tuple)?;
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_some() {
                    nseen += 1;
                    continue;
                }
                if nseen > 0 {
                    self.subkwargs(&keywords[i - nseen..i])?;
                    if have_dict {
                        self.emit(Instr::DictMerge(1));
                    }
                    have_dict = true;
                    nseen = 0;
                }
                if !have_dict {
                    self.emit(Instr::BuildMap(0));
                    have_dict = true;
                }
                self.expr(&k.value)?;
                self.emit(Instr::DictMerge(1));
            }
            if nseen > 0 {
                self.subkwargs(&keywords[keywords.len() - nseen..])?;
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.emit(Instr::CallEx(u32::from(!keywords.is_empty())));
        Ok(())
    }

    /// A dict of named keyword arguments.
    fn subkwargs(&mut self, keywords: &'a [Keyword]) -> CResult {
        for k in keywords {
            let name = k.arg.as_ref().map_or("", |a| a.as_str());
            self.load_const(Const::Str(Rc::from(name)));
            self.expr(&k.value)?;
        }
        self.emit(Instr::BuildMap(keywords.len() as u32));
        Ok(())
    }

    /// A list, tuple or set display.
    pub(crate) fn sequence_display(&mut self, elts: &'a [Expr], kind: SeqKind) -> CResult {
        // CPython folds a set display of 3+ constants into a frozenset.
        if kind == SeqKind::Set && elts.len() > 2 {
            if let Some(items) = elts
                .iter()
                .map(|e| self.constant_of(e))
                .collect::<Option<Vec<_>>>()
            {
                self.emit(Instr::BuildSet(0));
                self.load_const(Const::FrozenSet(items.into()));
                self.emit(Instr::SetUpdate(1));
                return Ok(());
            }
        }
        self.starunpack(elts, 0, kind)
    }

    /// Builds a list/tuple/set from `elts` (some maybe starred), counting
    /// `pushed` values already on the stack as its first items.
    fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, kind: SeqKind) -> CResult {
        let n = elts.len() as u32;
        if !elts.iter().any(Expr::is_starred_expr) {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n + pushed),
                SeqKind::Tuple => Instr::BuildTuple(n + pushed),
                SeqKind::Set => Instr::BuildSet(n + pushed),
            });
            return Ok(());
        }
        let mut built = false;
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(match kind {
                        SeqKind::Set => Instr::BuildSet(i as u32 + pushed),
                        _ => Instr::BuildList(i as u32 + pushed),
                    });
                    built = true;
                }
                self.expr(&s.value)?;
                let old = self.set_loc(s.range);
                self.emit(match kind {
                    SeqKind::Set => Instr::SetUpdate(1),
                    _ => Instr::ListExtend(1),
                });
                self.restore_loc(old);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(match kind {
                        SeqKind::Set => Instr::SetAdd(1),
                        _ => Instr::ListAppend(1),
                    });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// `{k: v, **m}`: runs of `k: v` become `BuildMap(n)`, merged with
    /// `DictUpdate(1)` around each `**m`.
    pub(crate) fn dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let mut have_dict = false;
        let mut run: Vec<&'a ast::DictItem> = Vec::new();
        for item in &d.items {
            if item.key.is_some() {
                run.push(item);
                continue;
            }
            if !run.is_empty() {
                self.subdict(&run)?;
                run.clear();
                if have_dict {
                    self.emit(Instr::DictUpdate(1));
                }
                have_dict = true;
            }
            if !have_dict {
                self.emit(Instr::BuildMap(0));
                have_dict = true;
            }
            self.expr(&item.value)?;
            let old = self.set_loc(item.value.range());
            self.emit(Instr::DictUpdate(1));
            self.restore_loc(old);
        }
        if !run.is_empty() || !have_dict {
            self.subdict(&run)?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
        }
        Ok(())
    }

    fn subdict(&mut self, items: &[&'a ast::DictItem]) -> CResult {
        for item in items {
            if let Some(k) = &item.key {
                self.expr(k)?;
            }
            self.expr(&item.value)?;
        }
        self.emit(Instr::BuildMap(items.len() as u32));
        Ok(())
    }
}
