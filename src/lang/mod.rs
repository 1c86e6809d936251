//! The language front end: Python source → [`crate::vm::code::CodeObject`].
//!
//! Parsing is done by a real Python parser (`ruff_python_parser`); this
//! module owns the symbol tables (which name is local, global, free or a
//! cell), the compilation of the AST to our bytecode, and compile-time
//! errors: `SyntaxError` rendered as CPython renders it, and
//! `NotImplementedError` for constructs we parse but do not simulate,
//! naming the construct and its line. It must not depend on the
//! interpreter.
