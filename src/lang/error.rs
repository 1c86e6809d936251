//! Compile-time errors and how they are shown.
//!
//! A [`CompileError`] is what `compile` returns instead of a code object:
//! a `SyntaxError` or `IndentationError` located the way CPython 3.11
//! locates it (line, 1-based character column, optional end column on the
//! same line, the source line), or a `NotImplementedError` for a construct
//! we parse but do not simulate. [`CompileError::render`] writes exactly
//! what CPython 3.11 writes to stderr for a syntax error in `main.py`
//! (its `print_error_text` caret rules). This module never inspects the
//! AST; the mapping from parser messages to CPython's wording lives in
//! `syntax_error`.

use super::source::LineIndex;

/// Which Python exception a compile error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    /// Inconsistent tabs and spaces (an `IndentationError` subclass).
    TabError,
    /// A construct that parses but that the simulator does not run
    /// (`match`, `type` aliases, type parameters, `except*`, t-strings).
    NotImplemented,
    /// Statements or expressions nested too deeply to compile (CPython:
    /// `RecursionError: maximum recursion depth exceeded during
    /// compilation`, printed without location).
    RecursionError,
}

impl CompileErrorKind {
    /// The exception class name as Python prints it.
    pub fn class_name(self) -> &'static str {
        match self {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
            CompileErrorKind::NotImplemented => "NotImplementedError",
            CompileErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// An error found while parsing or compiling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    /// The message, in CPython's words (`'(' was never closed`).
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters; 0 when CPython shows no caret.
    pub col: u32,
    /// 1-based column (in characters) just past the offending range, when
    /// CPython shows more than one caret.
    pub end_col: Option<u32>,
    /// The text of `line`, without its line ending.
    pub source_line: String,
    pub filename: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.class_name(),
            self.message,
            self.filename,
            self.line
        )
    }
}

impl std::error::Error for CompileError {}

impl CompileError {
    /// What goes to stderr, each line ending with `\n`.
    ///
    /// ```text
    ///   File "main.py", line 3
    ///     x = (1,
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    ///
    /// and for constructs we do not simulate, one line:
    /// `NotImplementedError: match statements are not simulated (line 12)`;
    /// for too deep nesting, CPython's one line
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    pub fn render(&self) -> String {
        match self.kind {
            CompileErrorKind::NotImplemented => {
                return format!(
                    "NotImplementedError: {} (line {})\n",
                    self.message, self.line
                );
            }
            CompileErrorKind::RecursionError => {
                return format!("RecursionError: {}\n", self.message);
            }
            _ => {}
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        out.push_str(&error_text(
            &self.source_line,
            i64::from(self.col),
            self.end_col.map_or(-1, i64::from),
        ));
        out.push_str(self.kind.class_name());
        out.push_str(": ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }
}

/// The source line and caret line, following CPython 3.11's
/// `print_error_text`: leading whitespace is stripped (moving the caret
/// with it), a caret left of the text is not shown, the caret is clipped to
/// the end of the text, and `end_offset - offset` carets are drawn when the
/// range is known (else one).
fn error_text(line: &str, offset: i64, end_offset: i64) -> String {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    offset -= (line.chars().count() - stripped.chars().count()) as i64;
    let len = stripped.chars().count() as i64;
    offset = offset.min(len);
    let mut out = format!("    {stripped}\n");
    if offset >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(carets as usize));
        out.push('\n');
    }
    out
}

/// Builds located errors for one source text.
#[derive(Debug)]
pub struct ErrorLocator<'s> {
    pub source: &'s str,
    pub filename: &'s str,
    pub lines: LineIndex,
}

impl<'s> ErrorLocator<'s> {
    pub fn new(source: &'s str, filename: &'s str) -> Self {
        ErrorLocator {
            source,
            filename,
            lines: LineIndex::new(source),
        }
    }

    /// The source text of bytes `start..end` ("" if that is not a valid
    /// range of the text).
    pub fn text(&self, start: usize, end: usize) -> &'s str {
        self.source.get(start..end).unwrap_or("")
    }

    /// An error covering bytes `start..end`: carets under the range on its
    /// first line (to the end of that line if the range goes on). With
    /// `start == end` a single caret.
    pub fn at_range(
        &self,
        kind: CompileErrorKind,
        message: impl Into<String>,
        start: u32,
        end: u32,
    ) -> CompileError {
        let line = self.lines.line(start);
        let col = self.lines.column(self.source, start);
        let text = self.lines.line_text(self.source, line);
        let end_col = if end <= start || kind == CompileErrorKind::IndentationError {
            None
        } else if self.lines.line(end) == line {
            Some(self.lines.column(self.source, end))
        } else {
            // CPython highlights to the end of the first line (its length
            // counting the newline).
            Some(text.chars().count() as u32 + 1)
        };
        let end_col = end_col.map(|e| e.min(text.chars().count() as u32 + 2));
        CompileError {
            kind,
            message: message.into(),
            line,
            col,
            end_col,
            source_line: text.to_string(),
            filename: self.filename.to_string(),
        }
    }

    /// An error on `line` with an explicit column (0: no caret).
    pub fn at_line(
        &self,
        kind: CompileErrorKind,
        message: impl Into<String>,
        line: u32,
        col: u32,
    ) -> CompileError {
        CompileError {
            kind,
            message: message.into(),
            line,
            col,
            end_col: None,
            source_line: self.lines.line_text(self.source, line).to_string(),
            filename: self.filename.to_string(),
        }
    }

    /// A `SyntaxError` over `start..end`.
    pub fn syntax(&self, message: impl Into<String>, start: u32, end: u32) -> CompileError {
        self.at_range(CompileErrorKind::SyntaxError, message, start, end)
    }

    /// A `NotImplementedError` naming a construct at byte `start`.
    pub fn not_implemented(&self, what: &str, start: u32) -> CompileError {
        let line = self.lines.line(start);
        CompileError {
            kind: CompileErrorKind::NotImplemented,
            message: format!("{what} are not simulated"),
            line,
            col: self.lines.column(self.source, start),
            end_col: None,
            source_line: self.lines.line_text(self.source, line).to_string(),
            filename: self.filename.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_rules() {
        // One caret at the column.
        assert_eq!(error_text("x = (1,", 5, -1), "    x = (1,\n        ^\n");
        // A range.
        assert_eq!(error_text("return 5", 1, 9), "    return 5\n    ^^^^^^^^\n");
        // Leading whitespace is stripped and the caret moves with it.
        assert_eq!(error_text("    y = 2", 10, -1), "    y = 2\n         ^\n");
        // A caret left of the text is not drawn.
        assert_eq!(error_text("  y = 2", 2, -1), "    y = 2\n");
        assert_eq!(error_text("pass", 0, -1), "    pass\n");
    }

    #[test]
    fn render_syntax_and_not_implemented() {
        let loc = ErrorLocator::new("a = 1\nx = (1,\n", "main.py");
        let e = loc.at_range(
            CompileErrorKind::SyntaxError,
            "'(' was never closed",
            10,
            10,
        );
        assert_eq!(
            e.render(),
            "  File \"main.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        );
        let n = loc.not_implemented("match statements", 6);
        assert_eq!(
            n.render(),
            "NotImplementedError: match statements are not simulated (line 2)\n"
        );
    }
}
