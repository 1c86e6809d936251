//! Code objects and the bytecode instruction set: the contract between the
//! compiler (`lang`) and the interpreter loop (`vm::interp`).
//!
//! The instruction set is a stack machine close to CPython 3.10/3.11's, so a
//! reader can map every op to `Python/ceval.c` (names are CPython's, in
//! CamelCase). What differs: a runtime *block stack* per frame
//! ([`Instr::SetupFinally`] / [`Instr::PopBlock`]) instead of exception
//! tables; an exception on the stack is one value (not three); keyword
//! names for calls travel as a constant tuple ([`Instr::CallKw`]).
//!
//! Conventions used in the op docs below: the stack grows to the right,
//! `[.., a, b]` means `b` is TOS (top of stack) and `a` is TOS1. "pops a,b;
//! pushes r" describes the effect. Jump targets are absolute instruction
//! indices into [`CodeObject::instrs`]. `NULL` is [`crate::vm::value::Value::Null`],
//! an internal marker never visible to Python code.
//!
//! This file must not depend on the parser or on the interpreter's object
//! model beyond the constants it describes.

use std::rc::Rc;

/// One instruction: an op with its argument inline; 8 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    // ---- no-ops and stack shuffling -------------------------------------
    /// Does nothing (a jump target, or where a statement left no code).
    Nop,
    /// Pops TOS.
    Pop,
    /// Pushes a copy of the value `n` deep: `Copy(1)` duplicates TOS.
    Copy(u32),
    /// Swaps TOS with the value `n` deep: `Swap(2)` swaps TOS and TOS1.
    Swap(u32),
    /// Pushes `NULL` (before a callable that is not a method, see [`Instr::Call`]).
    PushNull,

    // ---- constants and names ----------------------------------------------
    /// Pushes `consts[i]`.
    LoadConst(u32),
    /// Pushes fast local `varnames[i]`; `UnboundLocalError` ("cannot access
    /// local variable 'x' where it is not associated with a value") if unset.
    LoadFast(u32),
    /// Pops into fast local `i`.
    StoreFast(u32),
    /// Unsets fast local `i`; `UnboundLocalError` if already unset.
    DeleteFast(u32),
    /// Pushes the contents of cell `i`, where cells are `cellvars` then
    /// `freevars`. Empty cell: `UnboundLocalError` for a cellvar,
    /// `NameError` ("cannot access free variable 'x' where it is not
    /// associated with a value in enclosing scope") for a freevar.
    LoadDeref(u32),
    /// Pops into cell `i`.
    StoreDeref(u32),
    /// Empties cell `i`.
    DeleteDeref(u32),
    /// Pushes the cell object `i` itself (to build a closure tuple).
    LoadClosure(u32),
    /// Class bodies only: looks the name of cell `i` (cells are `cellvars`
    /// then `freevars`) up in the locals dict first, then in the cell
    /// (CPython's `LOAD_CLASSDEREF`).
    LoadClassDeref(u32),
    /// Module and class bodies: pushes `names[i]` from the frame's locals
    /// dict, else globals, else builtins; `NameError` ("name 'x' is not
    /// defined").
    LoadName(u32),
    /// Pops into the locals dict under `names[i]`.
    StoreName(u32),
    /// Deletes `names[i]` from the locals dict; `NameError` if absent.
    DeleteName(u32),
    /// Pushes `names[i]` from globals, else builtins; `NameError`.
    LoadGlobal(u32),
    /// Pops into globals under `names[i]`.
    StoreGlobal(u32),
    /// Deletes `names[i]` from globals; `NameError` if absent.
    DeleteGlobal(u32),
    /// Pops obj; pushes `obj.names[i]`.
    LoadAttr(u32),
    /// Pops obj then value (`[.., value, obj]`); does `obj.names[i] = value`.
    StoreAttr(u32),
    /// Pops obj; `del obj.names[i]`.
    DeleteAttr(u32),
    /// Pops obj; looks up attribute `names[i]` for a call. If it is a
    /// plain function found on the type (and not shadowed by the instance
    /// dict), pushes `[.., function, obj]` (no bound method is created);
    /// else pushes `[.., NULL, attr]`. [`Instr::Call`] consumes both forms.
    LoadMethod(u32),

    // ---- operators ---------------------------------------------------------
    /// Pops b, a; pushes `a <op> b` (`__add__`/`__radd__` protocol).
    BinaryOp(BinOp),
    /// Pops b, a; pushes `a <op>= b` (tries `__iadd__` first, then as BinaryOp).
    InplaceOp(BinOp),
    /// Pops a; pushes `<op> a`.
    UnaryOp(UnaryOp),
    /// Pops b, a; pushes `a <cmp> b` (rich comparison protocol).
    CompareOp(CmpOp),
    /// Pops b, a; pushes `a is b` (`IsOp(1)`: `is not`).
    IsOp(u32),
    /// Pops b, a; pushes `a in b` (`ContainsOp(1)`: `not in`).
    ContainsOp(u32),
    /// Pops key, container; pushes `container[key]`.
    BinarySubscr,
    /// `[.., value, container, key]`: pops three; `container[key] = value`.
    StoreSubscr,
    /// Pops key, container; `del container[key]`.
    DeleteSubscr,
    /// `BuildSlice(2)`: pops stop, start; `BuildSlice(3)`: pops step, stop,
    /// start; pushes `slice(start, stop[, step])`.
    BuildSlice(u32),

    // ---- building containers ----------------------------------------------
    /// Pops n values (first pushed is first item); pushes a tuple.
    BuildTuple(u32),
    /// Pops n values; pushes a list.
    BuildList(u32),
    /// Pops n values; pushes a set (inserted in push order).
    BuildSet(u32),
    /// Pops 2n values `k1, v1, k2, v2, ..`; pushes a dict (later keys win).
    BuildMap(u32),
    /// Pops n strings; pushes their concatenation (f-strings).
    BuildString(u32),
    /// Pops a value, and the spec first if `FORMAT_HAS_SPEC` is set:
    /// `[.., value, spec]`. Applies the conversion (`FORMAT_CONV_*`: none,
    /// `!s`, `!r`, `!a`) then `format(value, spec)`; pushes the str.
    FormatValue(u32),
    /// Pops v; appends it to the list `n` deep *after* the pop (comprehensions:
    /// `ListAppend(2)` with `[.., list, iter, v]`).
    ListAppend(u32),
    /// Pops v; adds it to the set `n` deep after the pop.
    SetAdd(u32),
    /// Pops value, then key (`[.., key, value]`); sets it in the dict `n`
    /// deep after the pops.
    MapAdd(u32),
    /// Pops an iterable; extends the list `n` deep after the pop (`[*a, *b]`).
    ListExtend(u32),
    /// Pops an iterable; updates the set `n` deep after the pop.
    SetUpdate(u32),
    /// Pops a mapping; updates the dict `n` deep after the pop (`{**a}`).
    DictUpdate(u32),
    /// Like [`Instr::DictUpdate`] for `f(**a, **b)`: a repeated key is a
    /// `TypeError` ("f() got multiple values for keyword argument 'k'").
    DictMerge(u32),
    /// Pops a list; pushes a tuple with its items.
    ListToTuple,
    /// Pops a sequence; pushes its n items so that the first is TOS
    /// (`a, b = x`). Wrong length: `ValueError` ("too many values to unpack
    /// (expected 2)" / "not enough values to unpack (expected 3, got 1)").
    UnpackSequence(u32),
    /// `a, *b, c = x`: arg = `before | (after << 8)`. Pushes `after` items,
    /// the list of the middle, then `before` items, so that the first is TOS.
    UnpackEx(u32),

    // ---- control flow -------------------------------------------------------
    /// Jumps forward to `target`.
    Jump(u32),
    /// Jumps backward to `target`: a loop's back edge, and a preemption
    /// point for the eval-breaker models.
    JumpBackward(u32),
    /// Pops v; jumps if not truthy.
    PopJumpIfFalse(u32),
    /// Pops v; jumps if truthy.
    PopJumpIfTrue(u32),
    /// `and`: if TOS is falsy, jumps keeping it; else pops it.
    JumpIfFalseOrPop(u32),
    /// `or`: if TOS is truthy, jumps keeping it; else pops it.
    JumpIfTrueOrPop(u32),
    /// Pops v; pushes `iter(v)`.
    GetIter,
    /// TOS is an iterator: pushes `next(it)`; when exhausted, pops the
    /// iterator and jumps to `target`.
    ForIter(u32),
    /// Pops v; returns it from the frame.
    ReturnValue,

    // ---- calls and functions ------------------------------------------------
    /// `[.., callable_or_NULL, self_or_callable, arg1, .., argN]`: calls with
    /// N positional args. If the first slot is `NULL`, the second is the
    /// callable; else the first is the callable and the second is the first
    /// argument (`self`). Pops all; pushes the result. A preemption point
    /// ("after a call") for the eval-breaker models.
    Call(u32),
    /// Like [`Instr::Call`] with the last `k` of the N args passed by
    /// keyword: TOS is a constant tuple of the `k` names, popped first:
    /// `[.., callable_or_NULL, self_or_callable, args.., kwnames]`.
    CallKw(u32),
    /// `f(*args, **kwargs)`: `[.., callable_or_NULL, self_or_callable,
    /// args_tuple]` and, if arg & 1, a kwargs dict on top. Pops all; pushes
    /// the result.
    CallEx(u32),
    /// Pops the code object (a constant), then, in this order below it, the
    /// values its flag bits announce: `MAKE_FUNCTION_CLOSURE` (a tuple of
    /// cells, TOS after the code), `MAKE_FUNCTION_ANNOTATIONS` (a dict),
    /// `MAKE_FUNCTION_KWDEFAULTS` (a dict), `MAKE_FUNCTION_DEFAULTS` (a
    /// tuple, deepest). Pushes the function; its `__name__`/`__qualname__`
    /// come from the code object.
    MakeFunction(u32),
    /// Pushes `builtins.__build_class__`; then `Call` with
    /// `(body_function, name, *bases, **keywords)` builds the class.
    LoadBuildClass,

    // ---- exceptions ---------------------------------------------------------
    //
    // The model is CPython 3.10's block stack, with one value per exception.
    // When an exception is raised and the innermost block is a `SetupFinally`
    // block with height h: the block is popped, the stack is cut to h, an
    // *except-handler* block with height h is pushed, then the exception
    // that was being handled before (or None) is pushed — `prev` — and then
    // the new exception — `exc` — which becomes the handled one
    // (`sys.exc_info()`, implicit `__context__`); execution goes to the
    // target: the handler starts with `[.., prev, exc]`. When an exception
    // unwinds through an except-handler block, the stack is cut to h + 1, the
    // value there (`prev`) is popped and restored as the handled exception,
    // and unwinding goes on with the next block. With no block left, the
    // frame is left and the exception goes to the caller.
    /// Pushes a `SetupFinally` block with the current stack height and
    /// handler `target`.
    SetupFinally(u32),
    /// Pops the innermost block (normal exit from a protected region).
    PopBlock,
    /// Leaves an except handler normally: pops the except-handler block,
    /// pops TOS (`prev`, which the handler code has brought to the top) and
    /// restores it as the handled exception.
    PopExcept,
    /// `[.., exc, type]`: pops type; pushes whether exc matches it (a class
    /// or a tuple of classes; anything else is a `TypeError`: "catching
    /// classes that do not inherit from BaseException is not allowed").
    /// exc stays: `[.., exc, type]` → `[.., exc, bool]` (CPython 3.11's
    /// `CHECK_EXC_MATCH`), so an except clause is `<type> CheckExcMatch
    /// PopJumpIfFalse(next)` on `[.., prev, exc]`.
    CheckExcMatch,
    /// Pops exc and raises it again, keeping its traceback (no new entry).
    Reraise,
    /// `except*` (CPython 3.11's `CHECK_EG_MATCH`): `[.., exc, type]`: pops
    /// type (a class or tuple of classes, none of them an exception group:
    /// `TypeError` "catching ExceptionGroup with except* is not allowed. Use
    /// except instead."). No match: `[.., exc, None]`. A match: `[.., rest,
    /// match]`, where a group is split by type (rest None if nothing is
    /// left) and a matching naked exception is wrapped as
    /// `ExceptionGroup('', [exc])`; match becomes the handled exception.
    /// exc may be None (an earlier clause took everything): no match.
    CheckEgMatch,
    /// End of `except*` clauses (CPython's `_PyExc_PrepReraiseStar`):
    /// `[.., orig, results]` → `[.., exc or None]`, where results lists what
    /// each clause raised (the matched part re-raised, or a new error) and,
    /// last, the unhandled rest (or None). Re-raised parts keep their place
    /// in `orig`'s tree; new errors come first in a new `ExceptionGroup('',
    /// ..)`.
    PrepReraiseStar,
    /// `RaiseVarargs(0)`: re-raise the exception being handled, keeping its
    /// traceback (`RuntimeError: No active exception to reraise` if none);
    /// `(1)`: pops exc (class or instance) and raises it; `(2)`: pops cause,
    /// then exc: `raise exc from cause`. (1) and (2) add this frame's line to
    /// the traceback, as any newly raised error does.
    RaiseVarargs(u32),
    /// `with`: pops the context manager; pushes its bound `__exit__`; pushes
    /// a `SetupFinally(target)` block (its height counts `__exit__`); then
    /// pushes the result of `__enter__()`.
    SetupWith(u32),
    /// `async with`, after the `__aenter__` awaitable was awaited:
    /// `[.., aexit, result]` → pushes a `SetupFinally(target)` block with the
    /// height of `[.., aexit]`, keeping `result` on top.
    SetupAsyncWith(u32),
    /// At a `with` handler: `[.., exit, prev, exc]`: calls
    /// `exit(type(exc), exc, exc.__traceback__)` and pushes its result
    /// (truthy = suppress). For `async with` the compiler awaits that
    /// result itself (`GetAwaitable; LoadConst None; YieldFrom` right
    /// after), so this op never suspends.
    WithExceptStart,
    /// `async with`: pops the manager; pushes bound `__aexit__`, then the
    /// awaitable `__aenter__()`.
    BeforeAsyncWith,
    /// Pushes `AssertionError` (the class), for `assert`.
    LoadAssertionError,

    // ---- generators and coroutines -----------------------------------------
    /// Pops v; suspends the frame yielding v. When resumed, the value sent
    /// in (None for `next()`) is pushed.
    YieldValue,
    /// `[.., subiter, v]`: sends v into subiter (`next` if v is None and
    /// subiter is not a generator/coroutine). If it yields w, this frame
    /// yields w too and, when resumed with value s, runs this instruction
    /// again with s in place of v. When subiter returns r (StopIteration),
    /// pops both and pushes r.
    YieldFrom,
    /// Pops v; pushes `iter(v)`, unless v is a generator or coroutine, which
    /// is pushed as is (`yield from`).
    GetYieldFromIter,
    /// Pops v; pushes its awaitable iterator (`v.__await__()`, or v itself
    /// for a coroutine); `TypeError` ("object int can't be used in 'await'
    /// expression") otherwise.
    GetAwaitable,
    /// Pops v; pushes `v.__aiter__()`.
    GetAIter,
    /// TOS is an async iterator: pushes the awaitable `TOS.__anext__()`,
    /// already converted as [`Instr::GetAwaitable`] would (CPython's
    /// `GET_ANEXT`): the compiler follows it directly with `LoadConst None;
    /// YieldFrom`.
    GetANext,
    /// At the handler of `async for`'s loop, `[.., aiter, prev, exc]`: if exc
    /// is a StopAsyncIteration, pops exc, leaves the except handler (as
    /// [`Instr::PopExcept`]) and pops aiter; else re-raises exc.
    EndAsyncFor,

    // ---- imports, classes, annotations --------------------------------------
    /// Pops fromlist, then level (`[.., level, fromlist]`); imports module
    /// `names[i]` and pushes it (the top package for a dotted name without
    /// fromlist, as `import a.b` binds `a`).
    ImportName(u32),
    /// TOS is a module: pushes its attribute `names[i]` (`ImportError`:
    /// "cannot import name 'x' from 'm'"), keeping the module.
    ImportFrom(u32),
    /// Pops a module; binds all its public names into the locals dict.
    ImportStar,
    /// Creates `__annotations__ = {}` in the locals dict if absent.
    SetupAnnotations,
}

/// Binary operators, for [`Instr::BinaryOp`] and [`Instr::InplaceOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// The operator as Python writes it, for error messages
    /// ("unsupported operand type(s) for +: 'int' and 'str'").
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// The special method names: (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Unary operators, for [`Instr::UnaryOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-a` (`__neg__`)
    Neg,
    /// `+a` (`__pos__`)
    Pos,
    /// `~a` (`__invert__`)
    Invert,
    /// `not a` (truthiness; always a bool)
    Not,
}

/// Rich comparisons, for [`Instr::CompareOp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// (`__lt__`, reflected `__gt__`).
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// [`Instr::MakeFunction`] flag bits.
pub const MAKE_FUNCTION_DEFAULTS: u32 = 0x01;
pub const MAKE_FUNCTION_KWDEFAULTS: u32 = 0x02;
pub const MAKE_FUNCTION_ANNOTATIONS: u32 = 0x04;
pub const MAKE_FUNCTION_CLOSURE: u32 = 0x08;

/// [`Instr::FormatValue`] argument: conversion in the low 2 bits, spec flag.
pub const FORMAT_CONV_NONE: u32 = 0;
pub const FORMAT_CONV_STR: u32 = 1;
pub const FORMAT_CONV_REPR: u32 = 2;
pub const FORMAT_CONV_ASCII: u32 = 3;
pub const FORMAT_HAS_SPEC: u32 = 0x04;

/// A compile-time constant. The interpreter turns these into values once
/// per code object.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int literal beyond i64, in decimal digits (with a leading `-`
    /// only if the compiler folded a negation).
    BigInt(Rc<str>),
    Float(f64),
    /// The imaginary part of a complex literal (`2j`).
    Imag(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// A tuple of constants (keyword-name tuples, folded literals).
    Tuple(Rc<[Const]>),
    /// A frozenset of constants: a set display of three or more constants
    /// is `BuildSet(0) LoadConst(frozenset) SetUpdate(1)`, as in CPython
    /// 3.11, which decides the set's iteration order.
    FrozenSet(Rc<[Const]>),
    Ellipsis,
    Code(Rc<CodeObject>),
}

/// What kind of block of code this is; decides how it is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    /// A class body: names go to a locals dict. It starts by storing
    /// `__module__` (from `LoadName __name__`) and `__qualname__` (a
    /// constant). When a method uses `super()` or `__class__`, the body
    /// owns a `__class__` cellvar (the methods receive it in their
    /// closures) and, before returning None, stores that cell itself
    /// (`LoadClosure`) in the namespace as `__classcell__`:
    /// `__build_class__` fills the cell with the new class.
    Class,
    Function,
    Lambda,
    /// A list/set/dict comprehension or generator expression body. Its one
    /// positional parameter, `varnames[0] == ".0"`, is the iterator of the
    /// first `for` (evaluated by the caller: `PushNull <function>
    /// <iterable> GetIter Call(1)`, `GetAIter` for `async for`).
    Comprehension,
}

/// [`CodeObject::flags`] bits (CPython's `CO_*` values where they exist).
pub const CO_VARARGS: u32 = 0x0004;
pub const CO_VARKEYWORDS: u32 = 0x0008;
pub const CO_GENERATOR: u32 = 0x0020;
pub const CO_COROUTINE: u32 = 0x0080;
pub const CO_ASYNC_GENERATOR: u32 = 0x0200;

/// A source span: byte offsets into the module's source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A compiled block of code: a module, a class body, a function, a lambda or
/// a comprehension.
#[derive(Debug, PartialEq)]
pub struct CodeObject {
    pub kind: CodeKind,
    /// `co_name`: the function's name, `<module>`, `<lambda>`, `<listcomp>`,
    /// `<genexpr>`, …
    pub name: Rc<str>,
    /// `__qualname__`: `Outer.method.<locals>.inner`.
    pub qualname: Rc<str>,
    /// The file name shown in tracebacks (`main.py`).
    pub filename: Rc<str>,
    /// `CO_*` flags.
    pub flags: u32,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Local variable names; parameters first, in order: positional,
    /// keyword-only, then `*args`, then `**kwargs`.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions (cells owned by this frame). A
    /// parameter that is also a cellvar is copied into its cell at entry.
    pub cellvars: Vec<Rc<str>>,
    /// Variables of enclosing functions this code uses (cells passed in via
    /// the closure tuple, in this order).
    pub freevars: Vec<Rc<str>>,
    /// Names for global, attribute, import and dict-scope operations.
    pub names: Vec<Rc<str>>,
    pub consts: Vec<Const>,
    pub instrs: Vec<Instr>,
    /// Source span of each instruction (same length as `instrs`).
    pub spans: Vec<Span>,
    /// 1-based line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    /// The line of the `def`/`class` (of its first decorator, if any) or
    /// 1 for a module (`co_firstlineno`).
    pub first_line: u32,
    /// The docstring, if the body starts with one. Module and class bodies
    /// also store it as `__doc__` themselves; a function's `__doc__` comes
    /// from here (the body does not evaluate it).
    pub docstring: Option<Rc<str>>,
}

impl CodeObject {
    pub fn is_generator(&self) -> bool {
        self.flags & CO_GENERATOR != 0
    }

    pub fn is_coroutine(&self) -> bool {
        self.flags & CO_COROUTINE != 0
    }

    pub fn is_async_generator(&self) -> bool {
        self.flags & CO_ASYNC_GENERATOR != 0
    }

    /// Total parameters, counting `*args` and `**kwargs`.
    pub fn total_params(&self) -> usize {
        (self.argcount
            + self.kwonlyargcount
            + u32::from(self.flags & CO_VARARGS != 0)
            + u32::from(self.flags & CO_VARKEYWORDS != 0)) as usize
    }

    /// The cell index of parameter `varnames[i]` if it is also a cellvar.
    pub fn cell_for_param(&self, i: usize) -> Option<usize> {
        let name = self.varnames.get(i)?;
        self.cellvars.iter().position(|c| c == name)
    }
}
