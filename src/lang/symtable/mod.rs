//! Symbol tables: which name is local, global, free or a cell in each scope.
//!
//! This is CPython 3.11's `Python/symtable.c` in our own code. A first pass
//! (`builder`) walks the AST and records, per scope (module, class,
//! function, lambda, comprehension), how each name is used: bound
//! (assigned, imported, a parameter), used, declared `global` or
//! `nonlocal`, annotated. A second pass (`analyze`) resolves every name to
//! a [`SymbolScope`] the way CPython does:
//!
//! - a name bound in a function is local, unless declared `global` /
//!   `nonlocal`;
//! - a name used but not bound is free if an enclosing *function* binds it
//!   (class scopes are skipped: their names are not visible to methods),
//!   else global;
//! - a local that an inner scope uses as free becomes a cell;
//! - a free name that passes through a scope without being used there is
//!   added to it as free (so closures can be built level by level);
//! - methods that use `super` or `__class__` make the class body own an
//!   implicit `__class__` cell.
//!
//! Comprehensions are function scopes (as in 3.11) whose first parameter is
//! the implicit `.0` iterator; a walrus target inside one binds in the
//! nearest enclosing function (or module) scope (PEP 572). Private names
//! (`__x` in a class) are mangled here and in the compiler with [`mangle`].
//!
//! Errors the symbol table raises (duplicate arguments, bad `global` /
//! `nonlocal`, walrus conflicts, `import *` in a function, `yield` in a
//! comprehension) are returned in CPython's words. This module never emits
//! code.

mod analyze;
mod builder;

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::ModModule;

use super::error::{CompileError, ErrorLocator};

pub use builder::NodeKey;

/// Symbol flags recorded while walking the AST (CPython's `DEF_*`).
pub mod flags {
    /// `global x` in this scope.
    pub const DEF_GLOBAL: u32 = 1;
    /// Assigned in this scope.
    pub const DEF_LOCAL: u32 = 2;
    /// A parameter.
    pub const DEF_PARAM: u32 = 4;
    /// `nonlocal x` in this scope.
    pub const DEF_NONLOCAL: u32 = 8;
    /// Read in this scope.
    pub const USE: u32 = 16;
    /// Bound in a class body and free in a method (needs both lookups).
    pub const DEF_FREE_CLASS: u32 = 64;
    /// Bound by an import.
    pub const DEF_IMPORT: u32 = 128;
    /// Annotated (`x: int`).
    pub const DEF_ANNOT: u32 = 256;
    /// A comprehension iteration variable.
    pub const DEF_COMP_ITER: u32 = 512;
    /// Any binding.
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

/// Where a name lives, once analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolScope {
    /// A local of this scope (fast local in a function, dict entry in a
    /// module or class body).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: a global or a builtin.
    GlobalImplicit,
    /// Bound in an enclosing function: reached through a cell.
    Free,
    /// A local that inner scopes capture: lives in a cell owned here.
    Cell,
}

/// What kind of block a scope is (CPython's `_Py_block_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
}

/// Which comprehension a comprehension scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

impl ComprehensionKind {
    /// The code name: `<listcomp>`, …
    pub fn code_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        }
    }

    /// How CPython names it in "'yield' inside list comprehension".
    pub fn description(self) -> &'static str {
        match self {
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
            ComprehensionKind::Generator => "generator expression",
        }
    }
}

/// One name in one scope.
#[derive(Clone, Debug)]
pub struct Symbol {
    /// The (mangled) name.
    pub name: Rc<str>,
    /// `flags::*` bits.
    pub flags: u32,
    /// Set by the analysis; `GlobalImplicit` until then.
    pub scope: SymbolScope,
}

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// One scope: module, class body, function, lambda or comprehension.
#[derive(Clone, Debug)]
pub struct Scope {
    pub block: BlockType,
    /// The name: the function or class name, `<lambda>`, `<listcomp>`, …
    /// (`top` for the module). The compiler checks it against the node it
    /// compiles.
    pub name: Rc<str>,
    /// Symbols in order of first mention.
    pub symbols: Vec<Symbol>,
    index: HashMap<Rc<str>, usize>,
    pub children: Vec<ScopeId>,
    /// Parameters in order: positional, keyword-only, `*args`, `**kwargs`.
    pub varnames: Vec<Rc<str>>,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// `async def`, or a comprehension containing `await` / `async for`.
    pub is_coroutine: bool,
    pub is_lambda: bool,
    pub is_async_def: bool,
    pub comprehension: Option<ComprehensionKind>,
    /// A class body whose methods use `super` / `__class__`.
    pub needs_class_closure: bool,
    /// Byte offset where `nonlocal`/`global` declared each name (for the
    /// location of errors found during analysis).
    directives: HashMap<Rc<str>, (u32, u32)>,
    /// The class name used to mangle private names in this scope.
    pub private: Option<Rc<str>>,
}

impl Scope {
    fn new(block: BlockType, name: Rc<str>, private: Option<Rc<str>>) -> Self {
        Scope {
            block,
            name,
            symbols: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
            varnames: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_lambda: false,
            is_async_def: false,
            comprehension: None,
            needs_class_closure: false,
            directives: HashMap::new(),
            private,
        }
    }

    /// The symbol for an already mangled name.
    pub fn get(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The flags of an already mangled name (0 if absent).
    pub fn flags_of(&self, name: &str) -> u32 {
        self.get(name).map_or(0, |s| s.flags)
    }

    /// The resolved scope of an already mangled name, if it is known here.
    pub fn scope_of(&self, name: &str) -> Option<SymbolScope> {
        self.get(name).map(|s| s.scope)
    }

    fn symbol_mut(&mut self, name: &str) -> Option<&mut Symbol> {
        let i = *self.index.get(name)?;
        Some(&mut self.symbols[i])
    }

    /// Adds `flag` to `name`, creating the symbol if needed.
    fn add_flags(&mut self, name: &Rc<str>, flag: u32) -> u32 {
        if let Some(s) = self.symbol_mut(name) {
            s.flags |= flag;
            return s.flags;
        }
        self.index.insert(name.clone(), self.symbols.len());
        self.symbols.push(Symbol {
            name: name.clone(),
            flags: flag,
            scope: SymbolScope::GlobalImplicit,
        });
        flag
    }

    /// Names with a given resolved scope (or flag), sorted as CPython
    /// orders `co_cellvars` / `co_freevars`.
    pub fn sorted_names(&self, pred: impl Fn(&Symbol) -> bool) -> Vec<Rc<str>> {
        let mut v: Vec<Rc<str>> = self
            .symbols
            .iter()
            .filter(|s| pred(s))
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }

    /// `co_cellvars`: the cells this scope owns.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        let mut cells = self.sorted_names(|s| s.scope == SymbolScope::Cell);
        if self.needs_class_closure {
            cells.push(Rc::from("__class__"));
            cells.sort();
        }
        cells
    }

    /// `co_freevars`: cells received from the enclosing function(s).
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.sorted_names(|s| s.scope == SymbolScope::Free || s.flags & flags::DEF_FREE_CLASS != 0)
    }
}

/// All scopes of one module, the module being scope 0.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<NodeKey, ScopeId>,
    /// `from __future__ import annotations` is in effect.
    pub future_annotations: bool,
}

impl SymbolTable {
    /// Builds and analyses the symbol table of a module.
    pub fn build(module: &ModModule, loc: &ErrorLocator<'_>) -> Result<SymbolTable, CompileError> {
        let mut table = builder::build(module, loc).map_err(|e| *e)?;
        analyze::analyze(&mut table, loc)?;
        Ok(table)
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }

    /// The scope created by the AST node with this key.
    pub fn scope_for(&self, key: NodeKey) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }
}

/// CPython's `_Py_Mangle`: inside class `C`, `__x` becomes `_C__x`
/// (not `__x__`, not dotted names, not when the class name is only
/// underscores).
pub fn mangle(private: Option<&str>, name: &str) -> Rc<str> {
    if let Some(class) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = class.trim_start_matches('_');
            if !stripped.is_empty() {
                return Rc::from(format!("_{stripped}{name}"));
            }
        }
    }
    Rc::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> SymbolTable {
        let loc = ErrorLocator::new(src, "main.py");
        let parsed = ruff_python_parser::parse_module(src).expect("parses");
        SymbolTable::build(parsed.syntax(), &loc).expect("builds")
    }

    fn scope_named<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
        t.scopes
            .iter()
            .find(|s| &*s.name == name)
            .unwrap_or_else(|| panic!("no scope {name}"))
    }

    #[test]
    fn resolution_of_each_kind() {
        let t = table(
            "g = 1\ndef f(p):\n    global h\n    l = p\n    def inner():\n        nonlocal l\n        return l, g, len\n    class K:\n        def m(self):\n            return super()\n",
        );
        assert_eq!(t.scopes[0].block, BlockType::Module);
        let f = scope_named(&t, "f");
        assert_eq!(f.scope_of("p"), Some(SymbolScope::Local));
        assert_eq!(f.scope_of("l"), Some(SymbolScope::Cell));
        assert_eq!(f.scope_of("h"), Some(SymbolScope::GlobalExplicit));
        assert_eq!(f.varnames, vec![Rc::from("p")]);
        let inner = scope_named(&t, "inner");
        assert_eq!(inner.scope_of("l"), Some(SymbolScope::Free));
        assert_eq!(inner.scope_of("g"), Some(SymbolScope::GlobalImplicit));
        assert_eq!(inner.scope_of("len"), Some(SymbolScope::GlobalImplicit));
        let k = scope_named(&t, "K");
        assert!(k.needs_class_closure);
        assert_eq!(k.cellvars(), vec![Rc::from("__class__")]);
        let m = scope_named(&t, "m");
        assert_eq!(m.scope_of("__class__"), Some(SymbolScope::Free));
        // `global h` in f marks h global in the module too.
        assert_eq!(t.scopes[0].scope_of("h"), Some(SymbolScope::GlobalExplicit));
    }

    #[test]
    fn comprehension_scopes_and_walrus() {
        let t = table("def f(xs):\n    return [y := x for x in xs]\n");
        let lc = scope_named(&t, "<listcomp>");
        assert_eq!(lc.comprehension, Some(ComprehensionKind::List));
        assert_eq!(lc.varnames, vec![Rc::from(".0")]);
        assert_eq!(lc.scope_of("x"), Some(SymbolScope::Local));
        assert_eq!(lc.scope_of("y"), Some(SymbolScope::Free));
        assert_eq!(scope_named(&t, "f").scope_of("y"), Some(SymbolScope::Cell));
        // The first iterable is evaluated in f.
        assert_eq!(
            scope_named(&t, "f").scope_of("xs"),
            Some(SymbolScope::Local)
        );
        assert_eq!(lc.scope_of("xs"), None);
    }

    #[test]
    fn mangling() {
        assert_eq!(&*mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(&*mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(&*mangle(Some("__"), "__x"), "__x");
        assert_eq!(&*mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(&*mangle(Some("C"), "_x"), "_x");
        assert_eq!(&*mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(&*mangle(None, "__x"), "__x");
    }
}
