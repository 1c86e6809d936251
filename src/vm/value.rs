//! Python values as the interpreter holds them.
//!
//! [`Value`] is 16 bytes: `None`, bools, small ints (`i64`) and floats are
//! stored inline, so the hottest arithmetic never allocates; everything else
//! is a reference-counted heap object ([`Obj`]). Reference cycles are not
//! collected (a simulation is short-lived); nothing here may rely on
//! destructors running.
//!
//! The object kinds mirror CPython's builtin types, one variant per type;
//! the behaviour of each lives in `vm::builtins::<type>`. Interior
//! mutability (`RefCell`) is used only by mutable kinds; a borrow is never
//! held across a call back into Python code.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use super::code::CodeObject;
use super::dict::Dict;
use super::num::{Complex, Int};
use super::set::SetData;

/// A Python value.
///
/// `repr(u64)`: a word of tag, then every payload at offset 8, so that a
/// value moves as two aligned words. With the default layout a `bool`
/// payload sat at byte 1, and moving a value copied bytes 1..16 as two
/// overlapping unaligned words; reading those back with aligned loads
/// stalled store-to-load forwarding on the hottest paths of the
/// interpreter loop (pushes, pops, stores to locals).
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    /// Internal marker, never visible to Python code: an unbound local
    /// slot, or the absent `self` of a call (see `Instr::Call`).
    #[default]
    Null,
    None,
    Bool(bool),
    /// An int that fits in 64 bits; larger ones are [`Obj::BigInt`].
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

pub type ObjRef = Rc<Obj>;

impl Clone for Value {
    /// Two cases, not six: only an object reference needs a count.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(o) => Value::Obj(Rc::clone(o)),
            // SAFETY: every other variant holds only plain `Copy` data
            // (a bool, an i64, an f64, or nothing), so a bitwise copy is a
            // complete, independent value that owns nothing.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

/// A heap object: one variant per builtin type.
pub enum Obj {
    Str(PyStr),
    /// Only ints outside the `i64` range (always normalized).
    BigInt(BigInt),
    Bytes(Box<[u8]>),
    /// A `bytearray`: mutable bytes.
    ByteArray(RefCell<Vec<u8>>),
    /// A `complex`. Boxed behind the object pointer rather than inline in
    /// [`Value`]: two `f64`s would make every value 24 bytes, and complex
    /// numbers are rare in the programs we run.
    Complex(Complex),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<Dict>),
    Set(RefCell<SetData>),
    FrozenSet(SetData),
    Range(Range),
    Slice(Box<[Value; 3]>),
    Type(Box<TypeData>),
    Instance(Instance),
    Exception(Box<ExcData>),
    Function(Box<Function>),
    Builtin(Builtin),
    BoundMethod(Box<BoundMethod>),
    Module(Module),
    /// A closure cell (`Null` when empty).
    Cell(RefCell<Value>),
    Generator(Box<Generator>),
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
    DictView(ObjRef, DictIterKind),
    /// Builtin iterators (list/tuple/str/range/dict iterators, map, zip,
    /// enumerate, ...).
    Iter(RefCell<IterState>),
    Property(Box<Property>),
    StaticMethod(Value),
    ClassMethod(Value),
    Super(Box<(ObjRef, Value)>),
    Code(Rc<super::Code>),
    NotImplemented,
    Ellipsis,
    /// An object of a type implemented in Rust by a simulated module
    /// (a deque, a lock, a queue …): its class, a dict, and Rust state.
    Native(Box<NativeObj>),
}

pub struct NativeObj {
    pub class: ObjRef,
    pub dict: RefCell<Dict>,
    pub data: RefCell<Box<dyn std::any::Any>>,
}

/// A str: UTF-8 text, with its hash and length in characters cached.
pub struct PyStr {
    pub s: Box<str>,
    /// -1 until computed.
    pub hash: Cell<i64>,
    /// Length in code points (`len()`); equals `s.len()` when ASCII.
    pub chars: usize,
}

impl PyStr {
    pub fn new(s: Box<str>) -> PyStr {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            hash: Cell::new(-1),
            chars,
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
}

/// `range(start, stop, step)`; step is never 0. The bounds are Python
/// ints of any size; the arithmetic on them lives in
/// `vm::builtins::range`, which keeps an `i64` fast path.
pub struct Range {
    pub start: Int,
    pub stop: Int,
    pub step: Int,
}

/// Which builtin type a type object is, or that it is a user class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Cell,
    Generator,
    Coroutine,
    AsyncGenerator,
    Iterator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Code,
    NotImplementedType,
    Ellipsis,
    DictView,
    /// BaseException and every builtin exception class.
    Exception,
    /// A class made by a `class` statement or `type(name, bases, ns)`.
    User,
}

/// A type object (a class).
pub struct TypeData {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub kind: TypeKind,
    /// The nearest builtin type this class derives from (its own kind for a
    /// builtin type): decides the layout of its instances.
    pub base_kind: TypeKind,
    pub bases: Vec<ObjRef>,
    /// The method resolution order *without* the type itself (C3).
    pub mro: Vec<ObjRef>,
    pub dict: RefCell<Dict>,
    pub doc: Option<Rc<str>>,
    /// The metaclass when not `type`.
    pub metaclass: Option<ObjRef>,
    /// Direct subclasses (for `__subclasses__()`), weakly held.
    pub subclasses: RefCell<Vec<std::rc::Weak<Obj>>>,
    /// `__slots__` of this class, when it declares them.
    pub slots: Option<Vec<Rc<str>>>,
}

/// An instance of a user class (not deriving from a builtin other than
/// `object` and exceptions).
pub struct Instance {
    pub class: ObjRef,
    /// The instance's `__dict__`: a dict object (shared, so that
    /// `obj.__dict__` is live).
    pub dict: ObjRef,
    /// For a class deriving from a builtin type (`class Stack(list)`): the
    /// builtin value the instance wraps, which the builtin's methods and
    /// protocols operate on.
    pub payload: Option<Value>,
    /// Values of `__slots__` attributes, by slot index (`Null` = unset).
    pub slot_values: RefCell<Vec<Value>>,
}

/// A `__slots__` attribute's descriptor (CPython's `member_descriptor`):
/// the index of the value in the instance's `slot_values`.
pub struct MemberDescr {
    pub name: Rc<str>,
    pub index: usize,
}

/// An exception instance: of a builtin exception class or of a user class
/// deriving from one.
pub struct ExcData {
    pub class: ObjRef,
    pub args: RefCell<Value>,
    pub dict: RefCell<Dict>,
    /// Innermost last: where the exception passed, as (code, line).
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
}

#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<CodeObject>,
    pub pc: usize,
}

/// A Python function (`def` or `lambda`).
pub struct Function {
    pub code: Rc<super::Code>,
    pub globals: ObjRef,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<ObjRef>,
    pub closure: Vec<ObjRef>,
    pub dict: RefCell<Dict>,
    pub annotations: Option<ObjRef>,
    pub module: Value,
    pub doc: Value,
}

/// The signature of every builtin: `args` holds `self` first for methods.
pub type BuiltinFnPtr = fn(&mut super::Vm, &mut super::call::Args) -> super::PyResult<Value>;

/// A builtin function or method descriptor.
pub struct Builtin {
    pub name: &'static str,
    /// The owning type's name for method descriptors (`list.append`).
    pub owner: Option<&'static str>,
    pub func: BuiltinFnPtr,
    /// Bound `self` (for `print.__self__`-style bound builtins, or a
    /// builtin method taken from an instance).
    pub bound: Option<Value>,
}

pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

pub struct Module {
    pub name: Rc<str>,
    /// The module's globals: a dict object.
    pub dict: ObjRef,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

/// A generator, coroutine or async generator: a suspended frame.
pub struct Generator {
    pub kind: GenKind,
    pub frame: RefCell<Option<Box<super::frame::Frame>>>,
    pub state: Cell<GenState>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// The function's code (`gi_code`/`cr_code`; where it was defined).
    pub code: Rc<super::Code>,
    /// The exception being handled inside the generator when it yielded.
    pub exc_state: RefCell<Value>,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// The state of a builtin iterator.
#[derive(Clone)]
pub enum IterState {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    /// A range whose items or length do not fit `i64`
    /// (`longrange_iterator`).
    BigRange {
        next: BigInt,
        step: BigInt,
        remaining: BigInt,
    },
    Str {
        s: ObjRef,
        byte: usize,
    },
    DictKeys {
        dict: ObjRef,
        pos: usize,
        version: u64,
        len: usize,
        what: DictIterKind,
    },
    SetItems {
        set: ObjRef,
        pos: usize,
        len: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Reversed {
        seq: Value,
        index: i64,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A Rust-side list of values (results of builtins that return iterators).
    Values {
        items: Vec<Value>,
        index: usize,
    },
    Exhausted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

impl Value {
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The str's text if this is a str.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => match &**o {
                Obj::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self {
            Value::Obj(o) => match &**o {
                Obj::Tuple(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// The type data if this is a type object.
    pub fn as_type(&self) -> Option<&TypeData> {
        match self {
            Value::Obj(o) => match &**o {
                Obj::Type(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// Identity (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython for -5..=256; equal inline
            // ints are treated as the same object, like an interned value.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    pub fn str(s: &str) -> Value {
        Value::Obj(Rc::new(Obj::Str(PyStr::new(s.into()))))
    }

    pub fn string(s: String) -> Value {
        Value::Obj(Rc::new(Obj::Str(PyStr::new(s.into_boxed_str()))))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Obj(Rc::new(Obj::Tuple(items.into_boxed_slice())))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::Obj(Rc::new(Obj::List(RefCell::new(items))))
    }

    pub fn obj(o: Obj) -> Value {
        Value::Obj(Rc::new(o))
    }

    /// An int from a BigInt, normalized to the inline form when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        match i64::try_from(&b) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::obj(Obj::BigInt(b)),
        }
    }

    /// A stable identity for `id()` and `is`-based hashing.
    pub fn identity(&self) -> usize {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::None => 0x1000,
            Value::Bool(false) => 0x1010,
            Value::Bool(true) => 0x1020,
            Value::Null => 0,
            Value::Int(i) => 0x10_0000 ^ (*i as usize),
            Value::Float(f) => f.to_bits() as usize,
        }
    }
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);
