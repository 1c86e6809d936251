//! One code unit being compiled (CPython's `compiler_unit`): the growing
//! instruction list with its spans and lines, the constant and name
//! tables, labels for jumps, and the frame-block stack used to unwind
//! `return` / `break` / `continue`. [`Unit::finish`] resolves labels to
//! absolute instruction indices and produces the [`CodeObject`].
//!
//! Jumps are emitted with a label id as argument; every jump-carrying
//! instruction is created through [`Unit::emit_jump`], so `finish` can
//! rewrite all of them. A jump to an already placed label is a
//! [`Instr::JumpBackward`] (a loop back edge). This module knows nothing of
//! the AST beyond what a frame block must remember.

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::{Identifier, Stmt};

use crate::lang::symtable::ScopeId;
use crate::vm::code::{CodeKind, CodeObject, Const, Instr, Span};

/// A jump target, placed with [`Unit::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// Which jump to emit for a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpOp {
    /// `Jump` forward, `JumpBackward` if the label is already placed.
    Always,
    PopIfFalse,
    PopIfTrue,
    IfFalseOrPop,
    IfTrueOrPop,
    ForIter,
    SetupFinally,
    SetupWith,
    SetupAsyncWith,
}

/// What kind of scope a unit compiles (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A frame block: a statement whose exit code must run when `return`,
/// `break` or `continue` leaves it (CPython 3.10's `fblockinfo`).
#[derive(Clone, Copy, Debug)]
pub enum FBlock<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// Inside `try:` with except clauses: a `SetupFinally` block is active.
    TryExcept,
    /// Inside `try:` with `finally:`: leaving runs the finally body.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// Inside the exceptional copy of a finally body: `[.., prev, exc]`.
    FinallyEnd,
    /// Inside `with`: `__exit__` is on the stack under a `SetupWith` block.
    With {
        span: Span,
    },
    AsyncWith {
        span: Span,
    },
    /// Inside an except clause body: `prev` is on the stack; with a name,
    /// a cleanup `SetupFinally` block is active.
    HandlerCleanup {
        name: Option<&'a Identifier>,
    },
    /// A value to pop (a return value kept while a finally body runs).
    PopValue,
    /// While matching except clauses: `[.., prev, exc]`.
    ExceptionHandler,
    /// Inside an `async for` of an async comprehension.
    AsyncComprehensionGenerator,
    /// While matching and running `except*` clauses: `break`, `continue`
    /// and `return` cannot leave it (a compile-time error).
    ExceptionGroupHandler,
}

/// Hashable identity of a constant, for de-duplication (floats by bits, so
/// `0.0` and `-0.0` stay distinct; code objects are never shared).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<str>),
    Float(u64),
    Imag(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Ellipsis,
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(s) => ConstKey::BigInt(s.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Imag(f) => ConstKey::Imag(f.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Const::FrozenSet(items) => {
            ConstKey::FrozenSet(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Code(_) => return None,
    })
}

/// The unit being compiled.
pub struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: CodeKind,
    pub scope_type: ScopeType,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// Class name for private-name mangling (inherited by nested units).
    pub private: Option<Rc<str>>,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    lines: Vec<u32>,
    consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    varname_index: HashMap<Rc<str>, u32>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    labels: Vec<Option<u32>>,
    pub fblocks: Vec<FBlock<'a>>,
    /// Location given to emitted instructions.
    pub span: Span,
    pub line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub first_line: u32,
    pub docstring: Option<Rc<str>>,
}

/// Everything needed to start a unit.
pub struct UnitSpec {
    pub scope: ScopeId,
    pub kind: CodeKind,
    pub scope_type: ScopeType,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub private: Option<Rc<str>>,
    pub params: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub first_line: u32,
    pub span: Span,
}

impl<'a> Unit<'a> {
    pub fn new(spec: UnitSpec) -> Self {
        let mut u = Unit {
            scope: spec.scope,
            kind: spec.kind,
            scope_type: spec.scope_type,
            name: spec.name,
            qualname: spec.qualname,
            private: spec.private,
            instrs: Vec::new(),
            spans: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars: spec.cellvars,
            freevars: spec.freevars,
            labels: Vec::new(),
            fblocks: Vec::new(),
            span: spec.span,
            line: spec.first_line,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            first_line: spec.first_line,
            docstring: None,
        };
        for p in spec.params {
            u.varname(&p);
        }
        u
    }

    // ---- emission ---------------------------------------------------------

    /// Appends an instruction at the current location; returns its index.
    pub fn emit(&mut self, instr: Instr) -> usize {
        self.instrs.push(instr);
        self.spans.push(self.span);
        self.lines.push(self.line);
        self.instrs.len() - 1
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` at the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len() as u32);
    }

    pub fn is_bound(&self, label: Label) -> bool {
        self.labels[label.0 as usize].is_some()
    }

    pub fn emit_jump(&mut self, op: JumpOp, label: Label) {
        let l = label.0;
        let instr = match op {
            JumpOp::Always if self.is_bound(label) => Instr::JumpBackward(l),
            JumpOp::Always => Instr::Jump(l),
            JumpOp::PopIfFalse => Instr::PopJumpIfFalse(l),
            JumpOp::PopIfTrue => Instr::PopJumpIfTrue(l),
            JumpOp::IfFalseOrPop => Instr::JumpIfFalseOrPop(l),
            JumpOp::IfTrueOrPop => Instr::JumpIfTrueOrPop(l),
            JumpOp::ForIter => Instr::ForIter(l),
            JumpOp::SetupFinally => Instr::SetupFinally(l),
            JumpOp::SetupWith => Instr::SetupWith(l),
            JumpOp::SetupAsyncWith => Instr::SetupAsyncWith(l),
        };
        self.emit(instr);
    }

    /// The last emitted instruction.
    pub fn last(&self) -> Option<Instr> {
        self.instrs.last().copied()
    }

    // ---- tables -------------------------------------------------------------

    /// Index of a constant, adding it if new. Code objects are shared when
    /// equal (a `finally` body compiled twice defines the same functions).
    pub fn konst(&mut self, c: Const) -> u32 {
        if let Const::Code(code) = &c {
            if let Some(i) = self
                .consts
                .iter()
                .position(|k| matches!(k, Const::Code(other) if other == code))
            {
                return i as u32;
            }
        }
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    /// Index of a name in `names`, adding it if new.
    pub fn name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.names.len() as u32;
        self.names.push(rc.clone());
        self.name_index.insert(rc, i);
        i
    }

    /// Index of a fast local, adding it if new.
    pub fn varname(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.varname_index.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.varnames.len() as u32;
        self.varnames.push(rc.clone());
        self.varname_index.insert(rc, i);
        i
    }

    /// Cell index of a cellvar, then of a freevar (cells are `cellvars`
    /// then `freevars`).
    pub fn cell_index(&self, name: &str, prefer_free: bool) -> Option<u32> {
        let cell = self.cellvars.iter().position(|c| &**c == name);
        let free = self
            .freevars
            .iter()
            .position(|c| &**c == name)
            .map(|i| i + self.cellvars.len());
        let found = if prefer_free {
            free.or(cell)
        } else {
            cell.or(free)
        };
        found.map(|i| i as u32)
    }

    // ---- finishing ------------------------------------------------------------

    /// Resolves labels and builds the code object. Fails only on an
    /// internal inconsistency (a jump to a label never placed).
    pub fn finish(mut self, filename: &Rc<str>) -> Result<CodeObject, String> {
        let ends_with_return = matches!(self.last(), Some(Instr::ReturnValue));
        let end = self.instrs.len() as u32;
        let label_at_end = self.labels.contains(&Some(end));
        if !ends_with_return || label_at_end {
            let none = self.konst(Const::None);
            self.emit(Instr::LoadConst(none));
            self.emit(Instr::ReturnValue);
        }
        let labels = &self.labels;
        let resolve = |l: u32| -> Result<u32, String> {
            labels
                .get(l as usize)
                .copied()
                .flatten()
                .ok_or_else(|| format!("jump to an unplaced label {l}"))
        };
        for instr in self.instrs.iter_mut() {
            *instr = match *instr {
                Instr::Jump(l) => Instr::Jump(resolve(l)?),
                Instr::JumpBackward(l) => Instr::JumpBackward(resolve(l)?),
                Instr::PopJumpIfFalse(l) => Instr::PopJumpIfFalse(resolve(l)?),
                Instr::PopJumpIfTrue(l) => Instr::PopJumpIfTrue(resolve(l)?),
                Instr::JumpIfFalseOrPop(l) => Instr::JumpIfFalseOrPop(resolve(l)?),
                Instr::JumpIfTrueOrPop(l) => Instr::JumpIfTrueOrPop(resolve(l)?),
                Instr::ForIter(l) => Instr::ForIter(resolve(l)?),
                Instr::SetupFinally(l) => Instr::SetupFinally(resolve(l)?),
                Instr::SetupWith(l) => Instr::SetupWith(resolve(l)?),
                Instr::SetupAsyncWith(l) => Instr::SetupAsyncWith(resolve(l)?),
                other => other,
            };
        }
        Ok(CodeObject {
            kind: self.kind,
            name: self.name,
            qualname: self.qualname,
            filename: filename.clone(),
            flags: self.flags,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            names: self.names,
            consts: self.consts,
            instrs: self.instrs,
            spans: self.spans,
            lines: self.lines,
            first_line: self.first_line,
            docstring: self.docstring,
        })
    }
}
