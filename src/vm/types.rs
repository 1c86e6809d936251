//! The builtin type objects (`object`, `int`, `list`, …, the exception
//! hierarchy) and class machinery shared by builtin and user classes: the
//! C3 method resolution order, lookups along the MRO, subclass tests.
//!
//! Builtin types are created once per interpreter; their methods are
//! installed by `vm::builtins` into their dicts ([`init_type_dicts`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::dict::{Dict, DictStr};
use super::value::{Obj, ObjRef, TypeData, TypeKind, Value};
use super::Vm;

/// The exception hierarchy of CPython 3.11: (name, base).
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

macro_rules! builtin_types {
    ($($field:ident : $name:literal => $kind:ident),* $(,)?) => {
        /// Every builtin type object of one interpreter.
        pub struct Types {
            $(pub $field: ObjRef,)*
            /// Exception classes by name.
            pub exceptions: HashMap<&'static str, ObjRef>,
            pub not_implemented: ObjRef,
            pub ellipsis: ObjRef,
        }

        impl Types {
            pub fn new() -> Types {
                let object = new_type("object", TypeKind::Object, TypeKind::Object, vec![]);
                $(let $field = if $name == "object" {
                    object.clone()
                } else {
                    new_type($name, TypeKind::$kind, TypeKind::$kind, vec![object.clone()])
                };)*
                let mut exceptions: HashMap<&'static str, ObjRef> = HashMap::new();
                for &(name, base) in EXCEPTIONS {
                    let base = if base.is_empty() { object.clone() } else { exceptions[base].clone() };
                    let t = new_type(name, TypeKind::Exception, TypeKind::Exception, vec![base]);
                    exceptions.insert(name, t);
                }
                add_exception_groups(&mut exceptions);
                with_bool_from_int(Types {
                    $($field,)*
                    exceptions,
                    not_implemented: Rc::new(Obj::NotImplemented),
                    ellipsis: Rc::new(Obj::Ellipsis),
                })
            }

            /// The builtin types that are exposed in `builtins` under their
            /// name, with that name.
            pub fn named(&self) -> Vec<(&'static str, ObjRef)> {
                vec![$(($name, self.$field.clone()),)*]
            }
        }
    };
}

builtin_types! {
    object: "object" => Object,
    type_: "type" => Type,
    none_type: "NoneType" => NoneType,
    bool_: "bool" => Bool,
    int: "int" => Int,
    float: "float" => Float,
    complex: "complex" => Complex,
    str: "str" => Str,
    bytes: "bytes" => Bytes,
    bytearray: "bytearray" => ByteArray,
    tuple: "tuple" => Tuple,
    list: "list" => List,
    dict: "dict" => Dict,
    set: "set" => Set,
    frozenset: "frozenset" => FrozenSet,
    range: "range" => Range,
    slice: "slice" => Slice,
    function: "function" => Function,
    builtin_function: "builtin_function_or_method" => BuiltinFunction,
    method: "method" => Method,
    module: "module" => Module,
    cell: "cell" => Cell,
    generator: "generator" => Generator,
    coroutine: "coroutine" => Coroutine,
    async_generator: "async_generator" => AsyncGenerator,
    iterator: "iterator" => Iterator,
    property: "property" => Property,
    staticmethod: "staticmethod" => StaticMethod,
    classmethod: "classmethod" => ClassMethod,
    super_: "super" => Super,
    code: "code" => Code,
    not_implemented_type: "NotImplementedType" => NotImplementedType,
    ellipsis_type: "ellipsis" => Ellipsis,
    dict_keys: "dict_keys" => DictView,
    dict_values: "dict_values" => DictView,
    dict_items: "dict_items" => DictView,
    method_descriptor: "method_descriptor" => BuiltinFunction,
    list_iterator: "list_iterator" => Iterator,
    tuple_iterator: "tuple_iterator" => Iterator,
    range_iterator: "range_iterator" => Iterator,
    longrange_iterator: "longrange_iterator" => Iterator,
    str_iterator: "str_iterator" => Iterator,
    str_ascii_iterator: "str_ascii_iterator" => Iterator,
    bytes_iterator: "bytes_iterator" => Iterator,
    bytearray_iterator: "bytearray_iterator" => Iterator,
    dict_keyiterator: "dict_keyiterator" => Iterator,
    dict_valueiterator: "dict_valueiterator" => Iterator,
    dict_itemiterator: "dict_itemiterator" => Iterator,
    set_iterator: "set_iterator" => Iterator,
    callable_iterator: "callable_iterator" => Iterator,
    enumerate: "enumerate" => Iterator,
    zip: "zip" => Iterator,
    map: "map" => Iterator,
    filter: "filter" => Iterator,
    reversed: "reversed" => Iterator,
    list_reverseiterator: "list_reverseiterator" => Iterator,
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

impl Types {
    /// The exception class `name` (a builtin one; panics never: unknown
    /// names fall back to `Exception`).
    pub fn exc(&self, name: &str) -> ObjRef {
        self.exceptions
            .get(name)
            .or_else(|| self.exceptions.get("Exception"))
            .cloned()
            .unwrap_or_else(|| self.object.clone())
    }
}

/// `bool` derives from `int`, not directly from `object`.
fn with_bool_from_int(mut t: Types) -> Types {
    t.bool_ = new_type("bool", TypeKind::Bool, TypeKind::Bool, vec![t.int.clone()]);
    t
}

/// `BaseExceptionGroup(BaseException)` and
/// `ExceptionGroup(BaseExceptionGroup, Exception)`, CPython 3.11's two
/// exception classes with more than one base.
fn add_exception_groups(exceptions: &mut HashMap<&'static str, ObjRef>) {
    let base = exceptions["BaseException"].clone();
    let beg = new_type(
        "BaseExceptionGroup",
        TypeKind::Exception,
        TypeKind::Exception,
        vec![base],
    );
    let exception = exceptions["Exception"].clone();
    let bases = vec![beg.clone(), exception];
    let mro = c3_mro(&bases).expect("a consistent MRO");
    let eg = type_with_mro(
        "ExceptionGroup",
        TypeKind::Exception,
        TypeKind::Exception,
        bases,
        mro,
    );
    exceptions.insert("BaseExceptionGroup", beg);
    exceptions.insert("ExceptionGroup", eg);
}

fn new_type(name: &'static str, kind: TypeKind, base_kind: TypeKind, bases: Vec<ObjRef>) -> ObjRef {
    let mro = match bases.first() {
        Some(b) => {
            let mut m = vec![b.clone()];
            if let Obj::Type(t) = &**b {
                m.extend(t.mro.iter().cloned());
            }
            m
        }
        None => vec![],
    };
    type_with_mro(name, kind, base_kind, bases, mro)
}

fn type_with_mro(
    name: &'static str,
    kind: TypeKind,
    base_kind: TypeKind,
    bases: Vec<ObjRef>,
    mro: Vec<ObjRef>,
) -> ObjRef {
    Rc::new(Obj::Type(Box::new(TypeData {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        kind,
        base_kind,
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        doc: None,
        metaclass: None,
        subclasses: RefCell::new(Vec::new()),
        slots: None,
    })))
}

/// Installs the methods of every builtin type into its dict.
pub fn init_type_dicts(vm: &mut Vm) {
    super::builtins::install_methods(vm);
}

/// The type data of a type object (callers know it is one).
pub fn type_data(t: &ObjRef) -> Option<&TypeData> {
    match &**t {
        Obj::Type(td) => Some(td),
        _ => None,
    }
}

/// The type, then its MRO, as an iterator.
pub fn mro_of(t: &ObjRef) -> impl Iterator<Item = &ObjRef> {
    std::iter::once(t).chain(type_data(t).map(|td| td.mro.iter()).into_iter().flatten())
}

/// Looks `name` up along the MRO of type `t` (`_PyType_Lookup`).
pub fn lookup(t: &ObjRef, hash: i64, name: &str) -> Option<Value> {
    for c in mro_of(t) {
        if let Some(td) = type_data(c) {
            if let Some(v) = td.dict.borrow().get_str(hash, name) {
                return Some(v.clone());
            }
        }
    }
    None
}

/// Whether `sub` is `sup` or derives from it.
pub fn is_subtype(sub: &ObjRef, sup: &ObjRef) -> bool {
    mro_of(sub).any(|c| Rc::ptr_eq(c, sup))
}

/// The C3 linearization of a new class with these bases (its MRO without
/// itself), or CPython's error message.
pub fn c3_mro(bases: &[ObjRef]) -> Result<Vec<ObjRef>, String> {
    let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(|b| mro_of(b).cloned().collect()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<ObjRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)));
            (!in_tail).then(|| head.clone())
        });
        let Some(c) = candidate else {
            // CPython names the heads of the sequences left to merge.
            let mut heads: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| Rc::ptr_eq(h, &s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads
                .iter()
                .filter_map(|b| type_data(b).map(|t| t.name.to_string()))
                .collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
