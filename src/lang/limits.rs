//! Nesting limits, checked before and during the recursive passes so that
//! a pathological program gets Python's error instead of overflowing the
//! native stack (which would abort the whole page).
//!
//! Before parsing, a token scan enforces CPython's tokenizer limits: 200
//! nested brackets ("too many nested parentheses") and 100 indentation
//! levels ("too many levels of indentation"). The symbol-table walk, the
//! first recursive pass over the AST, stops at [`MAX_NESTING`] nested
//! statements and expressions with CPython's `RecursionError: maximum
//! recursion depth exceeded during compilation` (CPython allows about 3000;
//! 1000 keeps the compiler within a 2 MB stack even in debug builds). The
//! compiler recurses no deeper than the symbol-table walk did.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{lexer, Mode};

use super::error::{CompileError, CompileErrorKind, ErrorLocator};

/// CPython's tokenizer `MAXLEVEL`.
const MAX_PARENS: u32 = 200;
/// CPython's tokenizer `MAXINDENT`.
const MAX_INDENT: u32 = 100;
/// Deepest nesting of statements and expressions we compile.
pub(crate) const MAX_NESTING: u32 = 1000;

/// Checks bracket and indentation depth on the raw tokens, and bounds the
/// chains of operators the parser handles by recursion (`not`, unary
/// signs, `**`, `lambda`, conditional expressions, `await`): a chain is
/// broken by any operator parsed by iteration (`*`, binary `+`, `and`,
/// `.`, comparisons, …) or a comma, so long flat expressions are fine.
pub(crate) fn check_tokens(source: &str, loc: &ErrorLocator<'_>) -> Option<CompileError> {
    let mut lx = lexer::lex(source, Mode::Module);
    let (mut parens, mut indent, mut chain) = (0u32, 0u32, 0u32);
    let mut after_operand = false;
    loop {
        let kind = lx.next_token();
        let range = lx.current_range();
        let recursive = match kind {
            TokenKind::Minus | TokenKind::Plus | TokenKind::Tilde => !after_operand,
            TokenKind::Not
            | TokenKind::DoubleStar
            | TokenKind::Lambda
            | TokenKind::If
            | TokenKind::Else
            | TokenKind::Await => true,
            _ => false,
        };
        if recursive {
            chain += 1;
            if chain > MAX_NESTING {
                return Some(recursion_error(loc, range.start().to_u32()));
            }
        } else if breaks_chain(kind) {
            chain = 0;
        }
        after_operand = matches!(
            kind,
            TokenKind::Identifier
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringEnd
                | TokenKind::TStringEnd
                | TokenKind::Rpar
                | TokenKind::Rsqb
                | TokenKind::Rbrace
                | TokenKind::None
                | TokenKind::True
                | TokenKind::False
                | TokenKind::Ellipsis
        );
        match kind {
            TokenKind::EndOfFile => return None,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                parens += 1;
                if parens > MAX_PARENS {
                    let at = range.start().to_u32();
                    return Some(loc.syntax("too many nested parentheses", at, at));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                parens = parens.saturating_sub(1);
            }
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    let line = loc.lines.line(range.end().to_u32());
                    return Some(loc.at_line(
                        CompileErrorKind::IndentationError,
                        "too many levels of indentation",
                        line,
                        0,
                    ));
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
}

/// Operators the parser handles in a loop, and separators.
fn breaks_chain(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Plus
            | TokenKind::Minus
            | TokenKind::Star
            | TokenKind::Slash
            | TokenKind::DoubleSlash
            | TokenKind::Percent
            | TokenKind::At
            | TokenKind::Vbar
            | TokenKind::Amper
            | TokenKind::CircumFlex
            | TokenKind::LeftShift
            | TokenKind::RightShift
            | TokenKind::Less
            | TokenKind::Greater
            | TokenKind::EqEqual
            | TokenKind::NotEqual
            | TokenKind::LessEqual
            | TokenKind::GreaterEqual
            | TokenKind::And
            | TokenKind::Or
            | TokenKind::In
            | TokenKind::Is
            | TokenKind::Dot
            | TokenKind::Comma
            | TokenKind::Semi
            | TokenKind::Newline
            | TokenKind::Equal
            | TokenKind::ColonEqual
    )
}

/// CPython's tokenizer check that indentation compares the same with tabs
/// counted as 8 columns and as 1: the first logical line where it does
/// not is a `TabError` (returned with its byte offset).
pub(crate) fn tab_error(source: &str, loc: &ErrorLocator<'_>) -> Option<(u32, CompileError)> {
    if !source.contains('\t') {
        return None;
    }
    let mut lx = lexer::lex(source, Mode::Module);
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut line_start = true;
    loop {
        let kind = lx.next_token();
        let range = lx.current_range();
        match kind {
            TokenKind::EndOfFile => return None,
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline
            | TokenKind::Comment
            | TokenKind::Indent
            | TokenKind::Dedent => continue,
            _ => {}
        }
        if !line_start {
            continue;
        }
        line_start = false;
        let at = range.start().to_u32();
        let line = loc.lines.line(at);
        let text_start = loc.lines.line_start(line) as usize;
        let (mut col, mut alt) = (0u32, 0u32);
        for ch in loc.text(text_start, at as usize).chars() {
            match ch {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let &(top, top_alt) = stack.last().unwrap_or(&(0, 0));
        let bad = if col == top {
            alt != top_alt
        } else if col > top {
            stack.push((col, alt));
            alt <= top_alt
        } else {
            while stack.len() > 1 && stack.last().is_some_and(|&(c, _)| col < c) {
                stack.pop();
            }
            stack.last().is_some_and(|&(c, a)| c == col && a != alt)
        };
        if bad {
            let e = loc.at_line(
                CompileErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                line,
                0,
            );
            return Some((at, e));
        }
    }
}

/// The error for nesting deeper than [`MAX_NESTING`].
pub(crate) fn recursion_error(loc: &ErrorLocator<'_>, at: u32) -> CompileError {
    let mut e = loc.at_line(
        CompileErrorKind::RecursionError,
        "maximum recursion depth exceeded during compilation",
        loc.lines.line(at),
        0,
    );
    e.source_line.clear();
    e
}
