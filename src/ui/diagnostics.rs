//! What the editor marks on a line: a SyntaxError, a construct the
//! simulator does not run (NotImplementedError), or the line of the
//! innermost traceback frame of an uncaught exception, with its message.

use crate::lang::{compile, CompileErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Syntax,
    NotSimulated,
    Exception,
}

/// One mark in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: Kind,
    /// 1-based line.
    pub line: u32,
    /// 1-based character columns of the range to underline; `None`
    /// underlines the line's text.
    pub cols: Option<(u32, u32)>,
    /// As Python prints it (`SyntaxError: '(' was never closed`).
    pub message: String,
}

/// The compile error of `source`, if it has one.
pub fn of_source(source: &str, filename: &str) -> Option<Diagnostic> {
    let e = compile(source, filename).err()?;
    let kind = match e.kind {
        CompileErrorKind::NotImplemented => Kind::NotSimulated,
        _ => Kind::Syntax,
    };
    let cols = (e.col > 0).then(|| (e.col, e.end_col.filter(|&c| c > e.col).unwrap_or(e.col + 1)));
    Some(Diagnostic {
        kind,
        line: e.line.max(1),
        cols,
        message: format!("{}: {}", e.kind.class_name(), e.message),
    })
}

/// The innermost frame in `filename` of the last traceback in `stderr`,
/// with the exception line that ends it.
pub fn of_traceback(stderr: &str, filename: &str) -> Option<Diagnostic> {
    let start = stderr.rfind("Traceback (most recent call last):")?;
    let tail = &stderr[start..];
    let prefix = format!("  File \"{filename}\", line ");
    let line = tail
        .lines()
        .rev()
        .filter_map(|l| l.strip_prefix(&prefix))
        .find_map(|rest| rest.split(',').next()?.trim().parse::<u32>().ok())?;
    let message = tail
        .lines()
        .rev()
        .find(|l| !l.starts_with(' ') && !l.trim().is_empty())?
        .to_owned();
    Some(Diagnostic {
        kind: Kind::Exception,
        line,
        cols: None,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{run_program, SimOptions};

    #[test]
    fn syntax_error_at_its_line() {
        let d = of_source("x = 1\ny = (2,\n", "main.py").unwrap();
        assert_eq!(d.kind, Kind::Syntax);
        assert_eq!(d.line, 2);
        assert_eq!(d.message, "SyntaxError: '(' was never closed");
        assert!(of_source("print(1)\n", "main.py").is_none());
    }

    #[test]
    fn not_simulated_at_its_line() {
        let d = of_source("x = 1\ntype Point = tuple[int, int]\n", "main.py").unwrap();
        assert_eq!(d.kind, Kind::NotSimulated, "{d:?}");
        assert_eq!(d.line, 2);
        assert!(d.message.starts_with("NotImplementedError: "), "{d:?}");
    }

    #[test]
    fn uncaught_exception_at_the_innermost_frame() {
        let src = "import threading\ndef f(d):\n    return d['k']\n\ndef g():\n    f({})\n\ng()\n";
        let (out, _) = run_program(src, &SimOptions::default());
        let d = of_traceback(&out.stderr, "main.py").unwrap();
        assert_eq!(d.line, 3, "{}", out.stderr);
        assert_eq!(d.message, "KeyError: 'k'");
        assert!(of_traceback("", "main.py").is_none());
    }
}
