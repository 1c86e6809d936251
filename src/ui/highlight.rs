//! Python syntax highlighting for the editor, from ruff's lexer (the tokens
//! of the parser the engine already uses, so the colours agree with what
//! the compiler sees). Output is a list of classified byte ranges covering
//! the whole source; the editor renders them as `<span>`s in a `<pre>`
//! under a transparent `<textarea>`.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::PySourceType;
use ruff_text_size::Ranged;

/// The colour class of a piece of source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Plain,
    Keyword,
    /// A builtin function or type, or `self`/`cls`.
    Builtin,
    String,
    Number,
    Comment,
    /// The name after `def` or `class`.
    Definition,
    /// `@name` (and its dotted parts).
    Decorator,
    Operator,
}

impl Class {
    /// The CSS class (`tok-…`).
    pub fn css(self) -> &'static str {
        match self {
            Class::Plain => "",
            Class::Keyword => "tok-kw",
            Class::Builtin => "tok-bi",
            Class::String => "tok-str",
            Class::Number => "tok-num",
            Class::Comment => "tok-com",
            Class::Definition => "tok-def",
            Class::Decorator => "tok-dec",
            Class::Operator => "tok-op",
        }
    }
}

const BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "zip",
    "self",
    "cls",
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "StopIteration",
    "KeyboardInterrupt",
    "NotImplementedError",
    "AttributeError",
    "ZeroDivisionError",
];

/// Classified byte ranges `(start, end, class)`, in order, covering all of
/// `source` (the text between tokens is [`Class::Plain`]).
pub fn spans(source: &str) -> Vec<(usize, usize, Class)> {
    let parsed = ruff_python_parser::parse_unchecked_source(source, PySourceType::Python);
    let mut out: Vec<(usize, usize, Class)> = Vec::new();
    let mut at = 0;
    let mut after_def = false;
    let mut after_at = false;
    for token in parsed.tokens().iter() {
        let kind = token.kind();
        let (start, end) = (token.start().to_usize(), token.end().to_usize());
        if start < at || end > source.len() {
            continue;
        }
        let class = match kind {
            TokenKind::Comment => Class::Comment,
            TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::FStringMiddle
            | TokenKind::FStringEnd
            | TokenKind::TStringStart
            | TokenKind::TStringMiddle
            | TokenKind::TStringEnd => Class::String,
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => Class::Number,
            TokenKind::Identifier if after_def => Class::Definition,
            TokenKind::Identifier if after_at => Class::Decorator,
            TokenKind::Identifier if BUILTINS.contains(&&source[start..end]) => Class::Builtin,
            TokenKind::At if after_at || is_line_start(source, start) => Class::Decorator,
            TokenKind::Dot if after_at => Class::Decorator,
            k if k.is_keyword() => Class::Keyword,
            k if k.is_operator() => Class::Operator,
            _ => Class::Plain,
        };
        after_def = matches!(kind, TokenKind::Def | TokenKind::Class);
        after_at = class == Class::Decorator;
        if start > at {
            out.push((at, start, Class::Plain));
        }
        if end > start {
            out.push((start, end, class));
        }
        at = end.max(at);
    }
    if at < source.len() {
        out.push((at, source.len(), Class::Plain));
    }
    out
}

fn is_line_start(source: &str, at: usize) -> bool {
    source[..at]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(src: &str) -> Vec<(&str, Class)> {
        spans(src)
            .into_iter()
            .filter(|s| s.2 != Class::Plain)
            .map(|(a, b, c)| (&src[a..b], c))
            .collect()
    }

    #[test]
    fn covers_the_source_in_order() {
        for p in crate::ui::presets::PRESETS {
            let s = spans(p.source());
            let mut at = 0;
            for (a, b, _) in &s {
                assert_eq!(*a, at, "{}", p.id);
                at = *b;
            }
            assert_eq!(at, p.source().len(), "{}", p.id);
        }
        // Unfinished code still highlights, to its end.
        let src = "def f(:\n    x = 'abc";
        assert_eq!(spans(src).last().unwrap().1, src.len());
    }

    #[test]
    fn classifies_python() {
        let src = "@dataclass\nclass Box:\n    def get(self, n=1):  # one\n        return f\"{n}\" + 'x' if n else print(2.5)\n";
        let got = classes(src);
        for want in [
            ("@", Class::Decorator),
            ("dataclass", Class::Decorator),
            ("class", Class::Keyword),
            ("Box", Class::Definition),
            ("get", Class::Definition),
            ("self", Class::Builtin),
            ("# one", Class::Comment),
            ("return", Class::Keyword),
            ("'x'", Class::String),
            ("print", Class::Builtin),
            ("2.5", Class::Number),
            ("1", Class::Number),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }
}
