//! The language front end: Python source → [`crate::vm::code::CodeObject`].
//!
//! Parsing is done by a real Python parser (`ruff_python_parser`, targeting
//! Python 3.11); this module owns the symbol tables (which name is local,
//! global, free or a cell: [`symtable`]), the compilation of the AST to our
//! bytecode (`compiler`), and compile-time errors: `SyntaxError` rendered
//! as CPython renders it ([`error`], `syntax_error`), and
//! `NotImplementedError` for constructs we parse but do not simulate
//! (`match`, `type` aliases and type parameters, `except*`, t-strings),
//! naming the construct and its line. It must not depend on the
//! interpreter.
//!
//! The pipeline: parse (all errors collected, the one CPython would report
//! is chosen) → symbol table (CPython's symtable errors) → code generation
//! (CPython's compiler errors) → one [`CodeObject`] for the module, nested
//! code objects in its constants.

mod compiler;
mod error;
mod limits;
mod source;
mod symtable;
mod syntax_error;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode, ParseOptions};

pub use error::{CompileError, CompileErrorKind};

use crate::vm::code::CodeObject;
use error::ErrorLocator;
use symtable::SymbolTable;

/// Compiles the source of `eval()`: one expression, whose value the code
/// returns.
pub fn compile_eval(source: &str, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    let loc = ErrorLocator::new(source, filename);
    if let Some(err) = limits::check_tokens(source, &loc) {
        return Err(err);
    }
    crate::sources::share_unicode_names();
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source.trim_start(), options)
        .try_into_module()
        .ok_or_else(|| loc.syntax("invalid syntax", 0, 0))?;
    if let Some(err) = syntax_error::first_error(&parsed, &loc) {
        return Err(err);
    }
    let module = parsed.syntax();
    if module.body.len() != 1 || !matches!(module.body[0], ruff_python_ast::Stmt::Expr(_)) {
        return Err(loc.syntax("invalid syntax", 1, 1));
    }
    let table = SymbolTable::build(module, &loc)?;
    compiler::compile_eval(module, &table, &loc).map_err(|e| *e)
}

/// Compiles a module's source to its code object. `filename` is what
/// tracebacks and syntax errors show (`main.py`).
pub fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    let loc = ErrorLocator::new(source, filename);
    if let Some(err) = limits::check_tokens(source, &loc) {
        return Err(err);
    }
    crate::sources::share_unicode_names();
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options)
        .try_into_module()
        .ok_or_else(|| loc.syntax("invalid syntax", 0, 0))?;
    if let Some(err) = syntax_error::first_error(&parsed, &loc) {
        return Err(err);
    }
    let module = parsed.syntax();
    let table = SymbolTable::build(module, &loc)?;
    compiler::compile_module(module, &table, &loc).map_err(|e| *e)
}
