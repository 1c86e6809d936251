//! Errors CPython's tokenizer finds: unmatched and mismatched brackets,
//! numbers running into names, comments and backslashes inside f-string
//! replacement fields, unterminated strings, invalid characters, and the
//! lexical errors ruff reports; plus the generic "invalid syntax" under a
//! token, and f-string errors placed where 3.11 places them. Only reads
//! tokens and source text.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::lang::error::{CompileError, CompileErrorKind, ErrorLocator};

pub(super) struct Brackets {
    /// An unmatched or mismatched closing bracket: (offset, error).
    pub hard: Option<(u32, CompileError)>,
    /// The innermost bracket still open at the end: (its offset, its
    /// line, error).
    pub unclosed: Option<(u32, u32, CompileError)>,
}

pub(super) fn scan_brackets(tokens: &[Token], loc: &ErrorLocator<'_>) -> Brackets {
    let mut stack: Vec<(char, TextRange)> = Vec::new();
    for t in tokens {
        let (open, close) = match t.kind() {
            TokenKind::Lpar => (Some('('), None),
            TokenKind::Lsqb => (Some('['), None),
            TokenKind::Lbrace => (Some('{'), None),
            TokenKind::Rpar => (None, Some(')')),
            TokenKind::Rsqb => (None, Some(']')),
            TokenKind::Rbrace => (None, Some('}')),
            _ => (None, None),
        };
        if let Some(o) = open {
            stack.push((o, t.range()));
        }
        let Some(c) = close else { continue };
        let start = t.start().to_u32();
        match stack.pop() {
            None => {
                return Brackets {
                    hard: Some((start, loc.syntax(format!("unmatched '{c}'"), start, start))),
                    unclosed: None,
                }
            }
            Some((o, orange)) if matching(o) != c => {
                let open_line = loc.lines.line(orange.start().to_u32());
                let mut msg =
                    format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'");
                if open_line != loc.lines.line(start) {
                    msg.push_str(&format!(" on line {open_line}"));
                }
                return Brackets {
                    hard: Some((start, loc.syntax(msg, start, start))),
                    unclosed: None,
                };
            }
            Some(_) => {}
        }
    }
    let unclosed = stack.last().map(|(o, r)| {
        let s = r.start().to_u32();
        (
            s,
            loc.lines.line(s),
            loc.syntax(format!("'{o}' was never closed"), s, s),
        )
    });
    Brackets {
        hard: None,
        unclosed,
    }
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// `1_`, `1e`, `12abc`, `0b12`: CPython's tokenizer rejects a number running
/// into a name or another number ("invalid decimal literal", "invalid digit
/// '2' in binary literal"), placed where CPython places it.
pub(super) fn number_followed_by_name(
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> Option<(u32, CompileError)> {
    for pair in tokens.windows(2) {
        let (num, next) = (&pair[0], &pair[1]);
        let is_number = |k| matches!(k, TokenKind::Int | TokenKind::Float | TokenKind::Complex);
        if !is_number(num.kind())
            || next.start() != num.end()
            || !(next.kind() == TokenKind::Identifier || is_number(next.kind()))
        {
            continue;
        }
        let text = loc.text(num.start().to_usize(), num.end().to_usize());
        let next_text = loc.text(next.start().to_usize(), next.end().to_usize());
        let kind = match text.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("0x") => "hexadecimal",
            Some("0o") => "octal",
            Some("0b") => "binary",
            _ if num.kind() == TokenKind::Complex => "imaginary",
            _ => "decimal",
        };
        let start = next.start().to_u32();
        if matches!(kind, "binary" | "octal") && is_number(next.kind()) {
            let digit = next_text.chars().next().unwrap_or('?');
            let msg = format!("invalid digit '{digit}' in {kind} literal");
            return Some((start, loc.syntax(msg, start, start)));
        }
        // CPython's column is the offending character's index: the caret
        // lands one to the left (on `_` itself for `1_`).
        let at = if next_text.starts_with('_') {
            start
        } else {
            start.saturating_sub(1)
        };
        return Some((start, loc.syntax(format!("invalid {kind} literal"), at, at)));
    }
    None
}

/// A comment or a backslash inside an f-string replacement field: 3.11
/// rejects both ("f-string expression part cannot include '#'").
pub(super) fn fstring_expression_chars(
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> Option<(u32, CompileError)> {
    let mut depth = 0;
    for t in tokens {
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd => depth -= 1,
            TokenKind::Newline if depth > 0 => depth = 0,
            TokenKind::Comment if depth > 0 => {
                let at = t.start().to_u32();
                let e = after_line_end(
                    loc,
                    CompileErrorKind::SyntaxError,
                    "f-string expression part cannot include '#'",
                    at,
                );
                return Some((at, e));
            }
            TokenKind::Unknown
                if depth > 0
                    && loc
                        .text(t.start().to_usize(), t.end().to_usize())
                        .starts_with('\\') =>
            {
                let at = t.start().to_u32();
                let e = after_line_end(
                    loc,
                    CompileErrorKind::SyntaxError,
                    "f-string expression part cannot include a backslash",
                    at,
                );
                return Some((at, e));
            }
            _ => {}
        }
    }
    None
}

/// Lexical errors CPython's tokenizer raises immediately; `None` for those
/// that only matter where the parser meets them (indentation, EOF).
pub(super) fn lexical_error(
    lex: &LexicalErrorType,
    range: TextRange,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> Option<CompileError> {
    let start = range.start().to_u32();
    let end = range.end().to_u32();
    let msg = match lex {
        LexicalErrorType::UnclosedStringError => {
            let text = loc.text(range.start().to_usize(), range.end().to_usize());
            let triple = text
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .starts_with("\"\"\"")
                || text
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .starts_with("'''");
            let detected = if triple {
                loc.lines.line_count().max(1) - u32::from(loc.source.ends_with('\n'))
            } else {
                loc.lines.line(start)
            };
            let what = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            format!("{what} (detected at line {detected})")
        }
        LexicalErrorType::UnrecognizedToken { tok } => {
            // `$`, `?`, backquote: CPython's parser, not its tokenizer,
            // rejects these ("invalid syntax" where it meets them).
            if tok.is_ascii() {
                return None;
            }
            format!("invalid character '{tok}' (U+{:04X})", u32::from(*tok))
        }
        LexicalErrorType::OtherError(m) if m.contains("Invalid decimal integer literal") => {
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                .to_string()
        }
        LexicalErrorType::OtherError(m) if m.contains("ParseIntError") => {
            let text = loc.text(range.start().to_usize(), range.end().to_usize());
            let kind = match text.get(..2).map(str::to_ascii_lowercase).as_deref() {
                Some("0x") => "hexadecimal",
                Some("0o") => "octal",
                Some("0b") => "binary",
                _ => "decimal",
            };
            let at = (start + 1).min(end);
            return Some(loc.syntax(format!("invalid {kind} literal"), at, at));
        }
        LexicalErrorType::FStringError(
            InterpolatedStringErrorType::UnterminatedString
            | InterpolatedStringErrorType::UnterminatedTripleQuotedString,
        ) => {
            // Reported at the start of the f-string.
            let at = tokens
                .iter()
                .rfind(|t| t.kind() == TokenKind::FStringStart && t.start() <= range.start())
                .map_or(start, |t| t.start().to_u32());
            let what = if matches!(
                lex,
                LexicalErrorType::FStringError(
                    InterpolatedStringErrorType::UnterminatedTripleQuotedString
                )
            ) {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            let detected = loc.lines.line(start);
            return Some(loc.syntax(format!("{what} (detected at line {detected})"), at, at));
        }
        LexicalErrorType::FStringError(e) => return Some(fstring_error(e, start, loc)),
        LexicalErrorType::LineContinuationError => {
            let at = start + 1;
            return Some(loc.syntax(
                "unexpected character after line continuation character",
                at,
                at,
            ));
        }
        LexicalErrorType::UnicodeError | LexicalErrorType::StringError => {
            "(unicode error) 'unicodeescape' codec can't decode bytes".to_string()
        }
        LexicalErrorType::MissingUnicodeLbrace | LexicalErrorType::MissingUnicodeRbrace => {
            "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape"
                .to_string()
        }
        LexicalErrorType::InvalidByteLiteral => "bytes can only contain ASCII literal characters".to_string(),
        LexicalErrorType::IndentationError
        | LexicalErrorType::Eof
        | LexicalErrorType::TStringError(_)
        | LexicalErrorType::OtherError(_) => return None,
    };
    Some(loc.syntax(msg, start, start))
}

/// An f-string error, placed (as 3.11 does for most of them) after the end
/// of the line.
pub(super) fn fstring_error(
    e: &InterpolatedStringErrorType,
    at: u32,
    loc: &ErrorLocator<'_>,
) -> CompileError {
    let msg = match e {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
        InterpolatedStringErrorType::InvalidConversionFlag
        | InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
        InterpolatedStringErrorType::UnterminatedString
        | InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            let line = loc.lines.line(at);
            return loc.syntax(
                format!("unterminated string literal (detected at line {line})"),
                at,
                at,
            );
        }
        _ => "f-string: invalid syntax",
    };
    after_line_end(loc, CompileErrorKind::SyntaxError, msg, at)
}

pub(super) fn after_line_end(
    loc: &ErrorLocator<'_>,
    kind: CompileErrorKind,
    msg: &str,
    at: u32,
) -> CompileError {
    let line = loc.lines.line(at);
    let len = loc.lines.line_text(loc.source, line).chars().count() as u32;
    loc.at_line(kind, msg, line, len + 1)
}

/// "invalid syntax" under the token starting at (or containing) `offset`.
pub(super) fn generic(offset: u32, tokens: &[Token], loc: &ErrorLocator<'_>) -> CompileError {
    let off = TextSize::new(offset);
    let token = tokens
        .iter()
        .filter(|t| {
            !t.range().is_empty()
                && !matches!(
                    t.kind(),
                    TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent
                )
        })
        .find(|t| t.range().contains(off) || t.start() >= off)
        .filter(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile));
    match token {
        Some(t) if !t.range().is_empty() => {
            loc.syntax("invalid syntax", t.start().to_u32(), t.end().to_u32())
        }
        _ => loc.syntax("invalid syntax", offset, offset),
    }
}
