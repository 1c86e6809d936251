//! The second symbol-table pass: resolves every name of every scope to a
//! [`SymbolScope`], following CPython 3.11's `analyze_block` /
//! `analyze_name` / `update_symbols` (see the parent module for the rules).
//! It only reads and updates flags and scopes; the only errors it raises
//! are about `nonlocal` (and `nonlocal` + `global` on one name).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::flags::*;
use super::{BlockType, ScopeId, SymbolScope, SymbolTable};
use crate::lang::error::{CompileError, ErrorLocator};

type NameSet = HashSet<Rc<str>>;

pub(super) fn analyze(table: &mut SymbolTable, loc: &ErrorLocator<'_>) -> Result<(), CompileError> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    analyze_block(table, 0, None, &mut free, &mut global, loc)
}

/// Resolves scope `id`. `bound` is the set of names bound by enclosing
/// function scopes (`None` for the module), `free` collects the free names
/// of this block for the caller, `global` the names known global.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
    loc: &ErrorLocator<'_>,
) -> Result<(), CompileError> {
    let block = table.scopes[id].block;
    let mut local = NameSet::new();
    let mut scopes: HashMap<Rc<str>, SymbolScope> = HashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();

    if block == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(Rc<str>, u32)> = table.scopes[id]
        .symbols
        .iter()
        .map(|s| (s.name.clone(), s.flags))
        .collect();
    for (name, fl) in &symbols {
        let scope = analyze_name(table, id, name, *fl, bound, &mut local, free, global, loc)?;
        scopes.insert(name.clone(), scope);
    }

    if block != BlockType::Class {
        if block == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert(Rc::from("__class__"));
    }

    let children = table.scopes[id].children.clone();
    let mut allfree = NameSet::new();
    for child in children {
        // Each child works on copies, as in CPython's analyze_child_block.
        let child_bound = newbound.clone();
        let mut child_free = newfree.clone();
        let mut child_global = newglobal.clone();
        analyze_block(
            table,
            child,
            Some(&child_bound),
            &mut child_free,
            &mut child_global,
            loc,
        )?;
        allfree.extend(child_free);
    }
    newfree.extend(allfree);

    match block {
        BlockType::Function => {
            // Locals captured by children become cells.
            for (name, scope) in scopes.iter_mut() {
                if *scope == SymbolScope::Local && newfree.remove(name) {
                    *scope = SymbolScope::Cell;
                }
            }
        }
        BlockType::Class => {
            if newfree.remove("__class__") {
                table.scopes[id].needs_class_closure = true;
            }
        }
        BlockType::Module => {}
    }

    update_symbols(
        table,
        id,
        &scopes,
        bound,
        &newfree,
        block == BlockType::Class,
    );
    free.extend(newfree);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    table: &SymbolTable,
    id: ScopeId,
    name: &Rc<str>,
    fl: u32,
    bound: Option<&NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
    loc: &ErrorLocator<'_>,
) -> Result<SymbolScope, CompileError> {
    let error = |msg: String| {
        let (start, end) = table.scopes[id]
            .directives
            .get(name)
            .copied()
            .unwrap_or((0, 0));
        loc.syntax(msg, start, end)
    };
    if fl & DEF_GLOBAL != 0 {
        if fl & DEF_NONLOCAL != 0 {
            return Err(error(format!("name '{name}' is nonlocal and global")));
        }
        global.insert(name.clone());
        return Ok(SymbolScope::GlobalExplicit);
    }
    if fl & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(error(
                "nonlocal declaration not allowed at module level".to_string(),
            ));
        };
        if !bound.contains(name) {
            return Err(error(format!("no binding for nonlocal '{name}' found")));
        }
        free.insert(name.clone());
        return Ok(SymbolScope::Free);
    }
    if fl & DEF_BOUND != 0 {
        local.insert(name.clone());
        global.remove(name);
        return Ok(SymbolScope::Local);
    }
    if bound.is_some_and(|b| b.contains(name)) {
        free.insert(name.clone());
        return Ok(SymbolScope::Free);
    }
    Ok(SymbolScope::GlobalImplicit)
}

/// Records the resolved scopes, and adds the free names of children that
/// pass through this scope (CPython's `update_symbols`).
fn update_symbols(
    table: &mut SymbolTable,
    id: ScopeId,
    scopes: &HashMap<Rc<str>, SymbolScope>,
    bound: Option<&NameSet>,
    free: &NameSet,
    is_class: bool,
) {
    let scope = &mut table.scopes[id];
    for sym in scope.symbols.iter_mut() {
        if let Some(s) = scopes.get(&sym.name) {
            sym.scope = *s;
        }
    }
    let mut pass_through: Vec<&Rc<str>> = free.iter().collect();
    pass_through.sort();
    for name in pass_through {
        if let Some(sym) = scope.symbol_mut(name) {
            if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        scope.add_flags(name, 0);
        if let Some(sym) = scope.symbol_mut(name) {
            sym.scope = SymbolScope::Free;
        }
    }
}
