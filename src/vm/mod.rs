//! The virtual machine: values and objects, frames, and the interpreter
//! loop that executes a budget of bytecode ops and stops at blocking and
//! preemption points.
//!
//! `code` is the contract with the compiler (`lang`). The VM never parses
//! source and never decides scheduling: it reports, at each op, whether it
//! is a preemption point under the active model, and the runtime decides.
//!
//! Layout: [`value`] (what a Python value is), [`frame`] and [`interp`]
//! (executing code), [`call`] (argument binding and calling anything),
//! [`attr`] (attribute lookup), [`ops`] (operators and protocols),
//! [`exc`] (raising and tracebacks), [`types`] (the builtin type objects),
//! `builtins/` (one file per builtin type, plus the builtin functions),
//! [`module`] (imports).

mod abandoned;
pub mod attr;
pub mod builtins;
pub mod call;
pub mod code;
pub mod cost;
pub mod dict;
pub mod dis;
pub mod exc;
mod except_star;
pub mod filesystem;
pub mod frame;
pub mod identity;
pub mod interp;
pub mod module;
pub mod num;
pub mod ops;
pub mod random;
pub mod sched;
pub mod set;
pub mod table;
pub mod types;
pub mod value;

use std::collections::HashMap;
use std::rc::Rc;

use code::{CodeObject, Const};
use value::{Obj, ObjRef, Value};

/// Why a call did not produce a value.
#[derive(Clone)]
pub enum PyErr {
    /// A Python exception (an `Obj::Exception`), catchable by `except`.
    Exc(ObjRef),
    /// The run must stop now; not catchable by Python code.
    Halt(Halt),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Halt {
    /// The op budget given to the run is spent.
    Budget,
    /// The scheduler's deadline ([`SchedPort::deadline_ns`] or
    /// [`SchedPort::stop_ops`]) was reached at an instruction boundary.
    Deadline,
    /// The eval breaker was seen at a preemption point of the 3.10+ models
    /// (function entry, after a call, backward jump).
    Breaker,
    /// A builtin asked the runtime to do something for the thread (block
    /// on a lock, sleep …): see [`SchedPort::syscall`]. The call's result
    /// is pushed when the thread resumes ([`Vm::deliver_syscall_result`]).
    Syscall,
}

pub use sched::{Note, SchedPort, Syscall};

pub type PyResult<T> = Result<T, PyErr>;

/// A code object with its constants and names turned into values once.
pub struct Code {
    pub obj: Rc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `names` as interned str values (attribute and global lookups).
    pub names: Box<[Value]>,
    /// Hashes of `names`, precomputed.
    pub name_hashes: Box<[i64]>,
    /// Each instruction with what one execution adds to the interpreter
    /// loop's meter: one op ([`interp::METER_OP`]) plus its virtual-time
    /// cost (ns, from the cost table), side by side so that the loop
    /// reads both with one bounds check.
    pub ops: Box<[(code::Instr, u64)]>,
    /// `LoadGlobal`/`StoreGlobal` caches by name index: where the name was
    /// found, valid while the globals and builtins dicts keep the key
    /// versions recorded with it (values may change meanwhile: the cache
    /// reads the current one, as CPython 3.11's LOAD_GLOBAL_MODULE does).
    pub global_cache: std::cell::RefCell<Box<[Option<GlobalCacheEntry>]>>,
    /// `Some(argcount)` when a call's frame is made by moving exactly
    /// `argcount` positional arguments into the first local slots: no
    /// `*args`/`**kwargs`, keyword-only parameters, cells or free
    /// variables, and not a generator or coroutine (the interpreter loop's
    /// fast call path; anything else goes through `Vm::bind_args`).
    pub simple_args: Option<u32>,
}

/// A cached global lookup (see [`Code::global_cache`]).
#[derive(Clone)]
pub struct GlobalCacheEntry {
    /// Identity of the globals dict the entry is for.
    pub globals: usize,
    /// `keys_version()` of the globals and of the builtins dict.
    pub globals_keys: u64,
    pub builtins_keys: u64,
    /// True when the name lives in the globals (else in the builtins).
    pub in_globals: bool,
    /// Its entry's position in that dict.
    pub pos: usize,
}

/// Compiles `(source, filename, eval_mode)` to a code object.
/// `Err` is (message, line, column, source line) of the SyntaxError.
pub type CompileHook = fn(&str, &str, bool) -> Result<Rc<CodeObject>, (String, u32, u32, String)>;

/// Where program output goes.
#[derive(Default)]
pub struct Io {
    pub stdout: String,
    pub stderr: String,
    /// What `input()` and `sys.stdin` read.
    pub stdin: String,
    pub stdin_pos: usize,
}

/// Settings of a run.
#[derive(Clone, Debug)]
pub struct Config {
    pub filename: Rc<str>,
    pub argv: Vec<String>,
    pub seed: u64,
    /// Stop with [`Halt::Budget`] after this many ops.
    pub max_ops: u64,
    pub recursion_limit: usize,
    /// `sys.version_info` of the simulated CPython.
    pub version: (u32, u32, u32),
    /// The simulated network's base latency by host, in ms (`*` for every
    /// host): read by the `_net` module (see `runtime::net`).
    pub net_latency_ms: Vec<(String, f64)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            filename: "main.py".into(),
            argv: vec!["main.py".into()],
            seed: 0,
            max_ops: u64::MAX,
            recursion_limit: 1000,
            version: (3, 11, 7),
            net_latency_ms: Vec::new(),
        }
    }
}

/// One interpreter: its builtins, modules and heap. (A simulated process
/// has one; threads share it.)
pub struct Vm {
    pub types: types::Types,
    pub builtins: ObjRef,
    pub builtins_module: Value,
    pub modules: HashMap<Rc<str>, Value>,
    pub io: Io,
    pub config: Config,
    /// Ops executed so far.
    pub ops: u64,
    /// The scheduler's handle on the running thread.
    pub sched: SchedPort,
    /// Virtual time spent, in nanoseconds.
    pub clock_ns: u64,
    pub cost: cost::CostTable,
    /// Depth of Python frames on the running thread (recursion limit).
    pub depth: usize,
    /// Rust-level nesting of runs (builtins calling back into Python).
    pub nested_runs: usize,
    /// Finished frames kept for reuse (their vectors keep capacity).
    #[allow(clippy::vec_box)] // boxes are handed out as they are
    pub(crate) frame_pool: Vec<Box<frame::Frame>>,
    /// The largest cost of an op in any code loaded so far (at least 1):
    /// the interpreter loop turns the scheduler's deadline into a number
    /// of ops that surely run before it (see `Vm::limits`).
    pub(crate) max_op_cost: u64,
    /// Payloads of NaNs made by `float()` (see `fresh_nan`).
    pub nan_counter: u64,
    /// `id()` of heap objects: serials in program order (see `identity`).
    pub(crate) identities: std::cell::RefCell<identity::Identities>,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    /// Interned strings for names.
    interned: HashMap<Rc<str>, Value>,
    /// Source text of each file, for tracebacks.
    pub sources: HashMap<Rc<str>, Rc<str>>,
    /// Warnings already shown, by (text, file, line): the `default` action
    /// of `warnings` shows each once per location.
    pub warned: std::collections::HashSet<(String, Rc<str>, u32)>,
    /// Coroutines dropped unawaited with an exception (see `abandoned`).
    abandoned: Vec<abandoned::Abandoned>,
    /// Factories of importable modules by name.
    pub module_factories: module::Registry,
    /// Compiles source for `eval()`/`exec()` (set by the layer that owns the
    /// compiler; the VM never depends on it). `Err` is the SyntaxError text.
    pub compile_hook: Option<CompileHook>,
    /// The simulated OS entropy source (what `os.urandom` would read, and
    /// what seeds an unseeded `random`): a SplitMix64 stream started from
    /// `config.seed`, so the same program and seed draw the same words.
    entropy: u64,
    /// Addresses of the user classes that define `__getattribute__` in
    /// their own namespace: attribute loads on instances of their
    /// subclasses call it. (An address may outlive its class; a match is
    /// confirmed by a lookup.)
    pub getattribute_classes: Vec<usize>,
    /// A Python function (and its arguments) that an attribute load or
    /// store of `LoadAttr`/`StoreAttr` must call — a property's getter or
    /// setter, `__getattr__`, `__setattr__` — left here by
    /// `get_attr_deferring`/`set_attr_deferring` for the interpreter to
    /// run as a frame of the thread (so that it may block).
    pub(crate) deferred_call: Option<(Value, Vec<Value>)>,
    /// The simulated disk and its open files, shared by every process of
    /// the run (see `filesystem`).
    pub fs: filesystem::FileSystem,
}

/// Reference cycles (a module's functions point at the module's globals,
/// classes at their methods, types at each other) are never collected by
/// counting alone; a finished run breaks the ones it knows about, so that
/// a page running program after program does not grow without bound.
impl Drop for Vm {
    fn drop(&mut self) {
        let mut dicts: Vec<ObjRef> = Vec::new();
        for m in self.modules.values() {
            if let Value::Obj(o) = m {
                if let Obj::Module(md) = &**o {
                    dicts.push(md.dict.clone());
                }
            }
        }
        dicts.push(self.builtins.clone());
        for d in dicts {
            if let Obj::Dict(cell) = &*d {
                // Take the entries out first: dropping them may run code
                // that looks at the dict.
                let entries = std::mem::take(&mut *cell.borrow_mut());
                drop(entries);
            }
        }
        for (_, t) in self.types.named() {
            if let Obj::Type(td) = &*t {
                let entries = std::mem::take(&mut *td.dict.borrow_mut());
                drop(entries);
            }
        }
        let excs: Vec<ObjRef> = self.types.exceptions.values().cloned().collect();
        for t in excs {
            if let Obj::Type(td) = &*t {
                let entries = std::mem::take(&mut *td.dict.borrow_mut());
                drop(entries);
            }
        }
        self.modules.clear();
        self.interned.clear();
    }
}

impl Vm {
    pub fn new(config: Config) -> Vm {
        let types = types::Types::new();
        let builtins = Rc::new(Obj::Dict(std::cell::RefCell::new(dict::Dict::new())));
        let mut vm = Vm {
            types,
            builtins: builtins.clone(),
            builtins_module: Value::None,
            modules: HashMap::new(),
            io: Io::default(),
            config,
            ops: 0,
            sched: SchedPort::default(),
            clock_ns: 0,
            cost: cost::CostTable::default(),
            depth: 0,
            nested_runs: 0,
            nan_counter: 0,
            identities: Default::default(),
            frame_pool: Vec::new(),
            max_op_cost: 1,
            handled: Value::None,
            interned: HashMap::new(),
            sources: HashMap::new(),
            warned: std::collections::HashSet::new(),
            abandoned: Vec::new(),
            module_factories: HashMap::new(),
            compile_hook: None,
            entropy: 0,
            getattribute_classes: Vec::new(),
            deferred_call: None,
            fs: filesystem::FileSystem::default(),
        };
        vm.entropy = vm.config.seed;
        types::init_type_dicts(&mut vm);
        builtins::functions::install(&mut vm);
        module::install_builtin_modules(&mut vm);
        vm
    }

    /// The interned str value for `s` (same object for the same text).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return v.clone();
        }
        let v = Value::str(s);
        self.interned.insert(s.into(), v.clone());
        v
    }

    /// Turns a code object's constants and names into values.
    pub fn load_code(&mut self, code: &Rc<CodeObject>) -> Rc<Code> {
        let consts = code.consts.iter().map(|c| self.const_value(c)).collect();
        let names: Box<[Value]> = code.names.iter().map(|n| self.intern(n)).collect();
        let name_hashes = names
            .iter()
            .map(|n| ops::str_hash(n.as_str().unwrap_or("")))
            .collect();
        // Costs are capped at 2^16 ns (the tables' are tens of ns), so that
        // one op's cost never spills into the meter's ops field, whatever
        // window `Vm::meter_limit` allows (see `interp::METER_OP`).
        let costs: Vec<u64> = code
            .instrs
            .iter()
            .map(|i| self.cost.of(i).min(interp::METER_OP >> 24))
            .collect();
        for &c in &costs {
            self.max_op_cost = self.max_op_cost.max(c);
        }
        let ops: Box<[(code::Instr, u64)]> = code
            .instrs
            .iter()
            .zip(costs)
            .map(|(i, c)| (*i, interp::METER_OP + c))
            .collect();
        let global_cache = std::cell::RefCell::new(vec![None; code.names.len()].into_boxed_slice());
        use code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
        let not_simple =
            CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
        let simple_args = (code.flags & not_simple == 0
            && code.kwonlyargcount == 0
            && code.cellvars.is_empty()
            && code.freevars.is_empty()
            && code.varnames.len() >= code.argcount as usize)
            .then_some(code.argcount);
        Rc::new(Code {
            simple_args,
            obj: code.clone(),
            consts,
            names,
            name_hashes,
            ops,
            global_cache,
        })
    }

    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(digits) => digits
                .parse::<num_bigint::BigInt>()
                .map(Value::from_bigint)
                .unwrap_or(Value::None),
            Const::Float(f) => Value::Float(*f),
            Const::Imag(im) => builtins::complex::value(num::Complex::new(0.0, *im)),
            Const::Str(s) => self.intern(s),
            Const::Bytes(b) => Value::obj(Obj::Bytes(b.to_vec().into_boxed_slice())),
            Const::Tuple(items) => {
                Value::tuple(items.iter().map(|c| self.const_value(c)).collect())
            }
            Const::FrozenSet(items) => {
                // As CPython's compiler: a set built by adds, then rebuilt
                // from its own iteration order (constant merging).
                let values: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                let folded = self.new_set(values).unwrap_or(Value::None);
                let order = self.collect(&folded).unwrap_or_default();
                match self.new_set(order) {
                    Ok(Value::Obj(o)) => match &*o {
                        Obj::Set(t) => Value::obj(Obj::FrozenSet(t.borrow().copy())),
                        _ => Value::None,
                    },
                    _ => Value::None,
                }
            }
            Const::Ellipsis => Value::Obj(self.types.ellipsis.clone()),
            Const::Code(code) => Value::obj(Obj::Code(self.load_code(code))),
        }
    }

    /// The next 64 bits of the simulated entropy source (SplitMix64).
    pub fn entropy_u64(&mut self) -> u64 {
        self.entropy = self.entropy.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.entropy;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Writes to the program's stdout.
    pub fn write_stdout(&mut self, s: &str) {
        self.io.stdout.push_str(s);
    }

    pub fn write_stderr(&mut self, s: &str) {
        self.io.stderr.push_str(s);
    }
}
