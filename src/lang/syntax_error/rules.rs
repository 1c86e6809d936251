//! Recognizers for CPython 3.11's specific syntax-error rules (its
//! grammar's `invalid_*` alternatives) on ruff's tokens and recovered AST:
//! a missing comma between two expressions in brackets, `=` where a
//! condition was expected, `=` after an expression in an argument list,
//! a parameter's missing default, `':' expected after dictionary key`,
//! where a block header insists on its `:`. Each returns `None` when the
//! pattern does not apply. Read-only.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::{Expr, ModModule};
use ruff_text_size::{Ranged, TextSize};

use super::{describe_expr, find_expr};
use crate::lang::error::{CompileError, ErrorLocator};

/// Whether a token can end an operand.
pub(super) fn ends_operand(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Identifier
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
    )
}

/// Whether a token can start an expression.
pub(super) fn starts_operand(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Identifier
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
            | TokenKind::Lambda
            | TokenKind::Not
            | TokenKind::Await
            | TokenKind::Tilde
            | TokenKind::Minus
            | TokenKind::Plus
    )
}

/// Index of the token starting at `offset` and of the significant token
/// before it, with the bracket depth at `offset`.
pub(super) fn around(tokens: &[Token], offset: TextSize) -> Option<(usize, usize, i32)> {
    let at = tokens.iter().position(|t| t.start() >= offset)?;
    let prev = tokens[..at].iter().rposition(|t| {
        !matches!(
            t.kind(),
            TokenKind::NonLogicalNewline
                | TokenKind::Comment
                | TokenKind::Indent
                | TokenKind::Dedent
        )
    })?;
    let mut depth = 0;
    for t in &tokens[..at] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            _ => {}
        }
    }
    Some((at, prev, depth))
}

/// `if x = 1:` — CPython's "invalid syntax. Maybe you meant '==' or ':='
/// instead of '='?" (a name) or "cannot assign to X here. Maybe you meant
/// '==' instead of '='?" (anything else), where an expression was expected.
pub(super) fn misplaced_equal(
    offset: TextSize,
    module: &ModModule,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> Option<CompileError> {
    let (at, prev, depth) = around(tokens, offset)?;
    if tokens[at].kind() != TokenKind::Equal
        || depth != 0
        || !ends_operand(tokens[prev].kind())
        || !tokens.get(at + 1).is_some_and(|t| starts_operand(t.kind()))
    {
        return None;
    }
    let target = find_expr(module, |x| x.range().end() == tokens[prev].end())?;
    // CPython's rule wants a plain operand (`bitwise_or`) before the `=`.
    if matches!(
        target,
        Expr::BoolOp(_) | Expr::Compare(_) | Expr::Lambda(_) | Expr::If(_) | Expr::Named(_)
    ) || matches!(target, Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not)
    {
        return None;
    }
    // The target must be the whole condition (`if not a.b = c` is a plain
    // syntax error): right after the header keyword.
    let header = tokens[..at]
        .iter()
        .rev()
        .find(|t| t.start() < target.range().start() && t.kind() != TokenKind::Lpar)?;
    if !matches!(
        header.kind(),
        TokenKind::If | TokenKind::Elif | TokenKind::While
    ) {
        return None;
    }
    // The value: up to the `:` / newline ending the header.
    let mut level = 0;
    let mut value_end = None;
    let mut value_tokens = 0;
    let value_first = tokens.get(at + 1).map(Token::kind);
    let mut last_kind = None;
    let mut before_last_end = None;
    for t in &tokens[at + 1..] {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level -= 1,
            TokenKind::Colon | TokenKind::Newline | TokenKind::Comma | TokenKind::Equal
                if level == 0 =>
            {
                break
            }
            _ => {}
        }
        if level < 0 {
            break;
        }
        if !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment) {
            before_last_end = value_end;
            value_end = Some(t.end().to_u32());
            last_kind = Some(t.kind());
            value_tokens += 1;
        }
    }
    // A parenthesized value's node ends inside its parentheses.
    let parenthesized = value_first == Some(TokenKind::Lpar)
        && last_kind == Some(TokenKind::Rpar)
        && value_tokens > 2;
    let value_end = if parenthesized {
        before_last_end?
    } else {
        value_end?
    };
    let start = target.range().start().to_u32();
    let what = describe_expr(target);
    if matches!(target, Expr::Name(_)) {
        return Some(loc.syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            start,
            value_end,
        ));
    }
    if matches!(
        what,
        "list" | "tuple" | "True" | "False" | "None" | "generator expression"
    ) {
        return None;
    }
    Some(loc.syntax(
        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
        start,
        target.range().end().to_u32(),
    ))
}

/// `f(a b)` inside brackets: "invalid syntax. Perhaps you forgot a comma?"
/// over both expressions.
pub(super) fn missing_comma(
    offset: TextSize,
    module: &ModModule,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> Option<CompileError> {
    let (at, prev, depth) = around(tokens, offset)?;
    if depth <= 0 || !ends_operand(tokens[prev].kind()) || !starts_operand(tokens[at].kind()) {
        return None;
    }
    // The bracket the two expressions are in.
    let mut level = 0;
    let mut open_end = TextSize::new(0);
    for t in tokens[..=prev].iter().rev() {
        match t.kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if level == 0 => {
                open_end = t.end();
                break;
            }
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level -= 1,
            _ => {}
        }
    }
    let first = find_expr(module, |x| {
        x.range().end() == tokens[prev].end() && x.range().start() >= open_end
    })?;
    // The second is an expression, or a keyword argument's (parameter's)
    // name, which is not an expression node.
    let second_range = match find_expr(module, |x| x.range().start() == tokens[at].start()) {
        Some(e) => e.range(),
        None if tokens[at].kind() == TokenKind::Identifier => tokens[at].range(),
        None => return None,
    };
    let second_is_string = find_expr(module, |x| x.range().start() == tokens[at].start())
        .is_some_and(|e| {
            matches!(
                e,
                Expr::StringLiteral(_) | Expr::FString(_) | Expr::BytesLiteral(_)
            )
        });
    // `print "x"` and soft keywords are CPython's exceptions.
    if let Expr::Name(n) = first {
        if second_is_string
            || matches!(
                n.id.as_str(),
                "print" | "exec" | "match" | "case" | "type" | "_"
            )
        {
            return None;
        }
    }
    Some(loc.syntax(
        "invalid syntax. Perhaps you forgot a comma?",
        first.range().start().to_u32(),
        second_range.end().to_u32(),
    ))
}

/// `f(a.b=1)`: in an argument list, `=` after something that is not a
/// name — "expression cannot contain assignment, perhaps you meant \"==\"?"
/// over the expression and the `=`.
pub(super) fn assignment_in_arguments(
    offset: TextSize,
    module: &ModModule,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> Option<CompileError> {
    let idx = tokens.partition_point(|t| t.start() < offset);
    // The argument around `offset`: back to the `(` or `,` that starts it.
    let mut level = 0;
    let mut arg_start = None;
    for (i, t) in tokens[..idx].iter().enumerate().rev() {
        match t.kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level += 1,
            TokenKind::Lpar if level == 0 => {
                // A call or class bases: the `(` follows a name or bracket
                // (but not a `def` name: parameters are not arguments).
                if i == 0
                    || !ends_operand(tokens[i - 1].kind())
                    || (i >= 2 && tokens[i - 2].kind() == TokenKind::Def)
                {
                    return None;
                }
                arg_start = Some(i + 1);
                break;
            }
            TokenKind::Lsqb | TokenKind::Lbrace if level == 0 => return None,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level -= 1,
            TokenKind::Comma if level == 0 => {
                arg_start = Some(i + 1);
                break;
            }
            TokenKind::Newline => return None,
            _ => {}
        }
    }
    let mut arg_start = arg_start?;
    while tokens
        .get(arg_start)
        .is_some_and(|t| matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
    {
        arg_start += 1;
    }
    // Its `=` at depth 0, before any `,` `:` or closing bracket.
    let mut level = 0;
    let mut equal = None;
    for (i, t) in tokens.iter().enumerate().skip(arg_start) {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if level == 0 => break,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level -= 1,
            TokenKind::Comma | TokenKind::Newline | TokenKind::Colon if level == 0 => break,
            TokenKind::Equal if level == 0 => {
                equal = Some(i);
                break;
            }
            _ => {}
        }
    }
    let equal = equal?;
    // The error must be this argument's.
    if tokens[equal].end() < offset {
        return None;
    }
    if equal == arg_start || !ends_operand(tokens[equal - 1].kind()) {
        return None;
    }
    let first = &tokens[arg_start];
    if equal == arg_start + 1 && first.kind() == TokenKind::Identifier {
        return None;
    }
    let target = find_expr(module, |x| {
        x.range().start() == first.start() && x.range().end() == tokens[equal - 1].end()
    });
    let start = target.map_or(first.start(), |t| t.range().start()).to_u32();
    if let Some(t @ (Expr::BooleanLiteral(_) | Expr::NoneLiteral(_))) = target {
        return Some(loc.syntax(
            format!("cannot assign to {}", describe_expr(t)),
            start,
            tokens[equal - 1].end().to_u32(),
        ));
    }
    Some(loc.syntax(
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        start,
        tokens[equal].end().to_u32(),
    ))
}

/// When `offset` is inside a `{…}` display, the start of the entry being
/// parsed there (after the last comma at that level).
pub(super) fn dict_key_start(tokens: &[Token], offset: TextSize) -> Option<u32> {
    let idx = tokens.partition_point(|t| t.start() < offset);
    let mut depth = 0i32;
    let mut entry: Option<u32> = None;
    for (i, t) in tokens[..idx].iter().enumerate().rev() {
        match t.kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb if depth == 0 => return None,
            TokenKind::Lpar | TokenKind::Lsqb => depth -= 1,
            TokenKind::Lbrace if depth == 0 => {
                return entry.or_else(|| tokens.get(i + 1).map(|n| n.start().to_u32()));
            }
            TokenKind::Lbrace => depth -= 1,
            TokenKind::Comma if depth == 0 && entry.is_none() => {
                entry = tokens[i + 1..]
                    .iter()
                    .find(|n| n.kind() != TokenKind::NonLogicalNewline)
                    .map(|n| n.start().to_u32());
            }
            TokenKind::Newline => return None,
            _ => {}
        }
    }
    None
}

/// The start of the bracket closing the one open at `offset` (where
/// CPython reports argument-order errors: the last token it read).
pub(super) fn closing_bracket(tokens: &[Token], offset: TextSize) -> Option<u32> {
    let mut level = 0;
    for t in tokens.iter().filter(|t| t.start() >= offset) {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if level == 0 => {
                return Some(t.start().to_u32());
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level -= 1,
            _ => {}
        }
    }
    None
}

/// Whether the statement containing `offset` is a header whose `:` the
/// 3.11 grammar requires as soon as the header is complete.
pub(super) fn colon_forced(tokens: &[Token], offset: TextSize) -> bool {
    let idx = tokens.partition_point(|t| t.start() < offset);
    let line_start = tokens[..idx]
        .iter()
        .rposition(|t| {
            matches!(
                t.kind(),
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            )
        })
        .map_or(0, |p| p + 1);
    let first = tokens[line_start..idx].iter().find(|t| {
        !matches!(
            t.kind(),
            TokenKind::Async | TokenKind::NonLogicalNewline | TokenKind::Comment
        )
    });
    first.is_some_and(|t| {
        matches!(
            t.kind(),
            TokenKind::For | TokenKind::Def | TokenKind::Try | TokenKind::Else | TokenKind::Finally
        )
    })
}

/// `def f(a=, b)`: the `=` of a parameter with no default value.
pub(super) fn default_missing(tokens: &[Token], offset: TextSize) -> Option<u32> {
    let idx = tokens.partition_point(|t| t.start() < offset);
    let at = tokens.get(idx)?;
    let eq = tokens[..idx].last()?;
    if eq.kind() != TokenKind::Equal || !matches!(at.kind(), TokenKind::Comma | TokenKind::Rpar) {
        return None;
    }
    // Inside a `def`'s parentheses.
    let mut level = 0;
    for (i, t) in tokens[..idx].iter().enumerate().rev() {
        match t.kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level += 1,
            TokenKind::Lpar if level == 0 => {
                return (i >= 2 && tokens[i - 2].kind() == TokenKind::Def)
                    .then(|| eq.start().to_u32());
            }
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level -= 1,
            TokenKind::Newline => return None,
            _ => {}
        }
    }
    None
}

/// How many brackets are open at `offset`.
pub(super) fn bracket_depth(tokens: &[Token], offset: TextSize) -> i32 {
    tokens
        .iter()
        .take_while(|t| t.start() < offset)
        .map(|t| match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => -1,
            _ => 0,
        })
        .sum()
}
