//! From the parser's errors to the `SyntaxError` CPython 3.11 reports.
//!
//! ruff's parser recovers from errors and reports them in its own words;
//! CPython stops at the first and words it differently. We pick the error
//! CPython would report and translate it:
//!
//! 1. An indentation error (`unexpected indent`, `unindent does not
//!    match`, a `TabError`) stops CPython where it occurs: it wins if
//!    nothing went wrong before it.
//! 2. *Tokenizer errors* CPython raises as soon as its tokenizer sees them
//!    (unterminated strings, unmatched or mismatched brackets, invalid
//!    characters, bad number literals, `#` or `\` in an f-string
//!    expression — [`tokens`]) win over any parser error, even one earlier
//!    in the file (CPython re-tokenizes the rest of the file after a parser
//!    error to look for them).
//! 3. Otherwise the parser error earliest in the file, translated
//!    ("expected ':'", "expected an indented block after 'if' statement on
//!    line N", "cannot assign to literal here. Maybe you meant '==' instead
//!    of '='?", "invalid syntax. Perhaps you forgot a comma?" — the
//!    grammar's specific rules are recognized in [`rules`]; anything else
//!    is "invalid syntax" under the failing token) — unless a bracket
//!    opened before it was never closed and CPython would have read past
//!    the line: then "'(' was never closed".
//! 4. Version-related errors (PEP 701 f-strings, 3.12+ syntax) as 3.11
//!    words them; type parameters, `type` aliases and t-strings are
//!    `NotImplementedError`s.
//!
//! Checked against python3 on ~150 hand-written programs (the test table)
//! and on ~870 mutated stdlib snippets (about 97% identical output, the
//! rest differing in location). This module only reads the parse result;
//! it never compiles.

mod rules;
mod tokens;

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{walk_expr, Visitor};
use ruff_python_ast::{Expr, ModModule, Stmt};
use ruff_python_parser::{
    LexicalErrorType, ParseError, ParseErrorType, Parsed, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use self::rules::{
    assignment_in_arguments, bracket_depth, closing_bracket, colon_forced, default_missing,
    dict_key_start, ends_operand, misplaced_equal, missing_comma,
};
use self::tokens::{
    after_line_end, fstring_error, fstring_expression_chars, generic, lexical_error,
    number_followed_by_name, scan_brackets,
};
use super::compiler::describe_expr;
use super::error::{CompileError, CompileErrorKind, ErrorLocator};

/// The error CPython would report for this parse, if any.
pub(crate) fn first_error(
    parsed: &Parsed<ModModule>,
    loc: &ErrorLocator<'_>,
) -> Option<CompileError> {
    let tokens: &[Token] = parsed.tokens();
    let brackets = scan_brackets(tokens, loc);
    let mut hard: Vec<(u32, CompileError)> = Vec::new();
    if let Some(h) = brackets.hard {
        hard.push(h);
    }
    if let Some(h) = number_followed_by_name(tokens, loc) {
        hard.push(h);
    }
    if let Some(h) = fstring_expression_chars(tokens, loc) {
        hard.push(h);
    }
    for e in parsed.unsupported_syntax_errors() {
        if matches!(e.kind, UnsupportedSyntaxErrorKind::Pep701FString(_)) {
            hard.push((e.range.start().to_u32(), unsupported(e, tokens, loc)));
        }
    }
    let mut soft: Vec<&ParseError> = Vec::new();
    for e in parsed.errors() {
        match &e.error {
            ParseErrorType::Lexical(lex) => match lexical_error(lex, e.location, tokens, loc) {
                Some(err) => hard.push((e.location.start().to_u32(), err)),
                None => soft.push(e),
            },
            _ => soft.push(e),
        }
    }
    let first = soft.into_iter().min_by_key(|e| e.location.start());
    // A TabError stops CPython's parser where it occurs: it wins over
    // anything found later, and loses to anything found before.
    if let Some((t, err)) = super::limits::tab_error(loc.source, loc) {
        let before_hard = hard.iter().all(|(h, _)| t < *h);
        let before_soft =
            first.is_none_or(|p| loc.lines.line(t) <= loc.lines.line(p.location.start().to_u32()));
        if before_hard && before_soft {
            return Some(err);
        }
    }
    let first_hard = hard.iter().map(|(o, _)| *o).min();
    // Indentation errors stop CPython before its tokenizer looks further.
    if let Some(p) = first {
        let indentation = matches!(
            p.error,
            ParseErrorType::UnexpectedIndentation
                | ParseErrorType::Lexical(LexicalErrorType::IndentationError)
        );
        if indentation && first_hard.is_none_or(|h| p.location.start().to_u32() < h) {
            return Some(parse_error(p, parsed.syntax(), tokens, loc));
        }
    }
    if let Some((_, err)) = hard.into_iter().min_by_key(|(o, _)| *o) {
        return Some(err);
    }
    let mapped = first.map(|e| parse_error(e, parsed.syntax(), tokens, loc));
    if let Some((open_at, open_line, err)) = brackets.unclosed {
        // CPython's parser fails on the token after the error point (it
        // skips newlines inside brackets); after a stray `=` its error
        // rules read on past the value, into the lines below.
        let unclosed_wins = match (first, &mapped) {
            (Some(e), Some(m)) => {
                let at = next_significant(tokens, e.location.start());
                let i = tokens.iter().position(|t| t.start().to_u32() == at);
                let on_equal = i.is_some_and(|i| {
                    tokens[i].kind() == TokenKind::Equal
                        && i > 0
                        && ends_operand(tokens[i - 1].kind())
                });
                loc.lines.line(at) > open_line
                    || (m.message == "invalid syntax" && on_equal && at > open_at)
            }
            _ => true,
        };
        if unclosed_wins {
            return Some(err);
        }
    }
    if mapped.is_some() {
        return mapped;
    }
    parsed
        .unsupported_syntax_errors()
        .first()
        .map(|e| unsupported(e, tokens, loc))
}

/// The start of the first token at or after `offset` that is not a
/// newline, comment or indentation token.
fn next_significant(tokens: &[Token], offset: TextSize) -> u32 {
    tokens
        .iter()
        .filter(|t| t.end() > offset || t.start() >= offset)
        .find(|t| {
            !matches!(
                t.kind(),
                TokenKind::Newline
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
                    | TokenKind::Indent
                    | TokenKind::Dedent
            )
        })
        .map_or(offset.to_u32(), |t| t.start().to_u32())
}

fn parse_error(
    e: &ParseError,
    module: &ModModule,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> CompileError {
    let start = e.location.start().to_u32();
    let end = e.location.end().to_u32();
    let header_colon = matches!(
        e.error,
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            found: TokenKind::Equal
        }
    );
    if header_colon {
        if let Some(err) = misplaced_equal(e.location.start(), module, tokens, loc) {
            return err;
        }
    }
    if let Some(err) = missing_comma(e.location.start(), module, tokens, loc) {
        return err;
    }
    if let Some(err) = assignment_in_arguments(e.location.start(), module, tokens, loc) {
        return err;
    }
    if in_fstring(tokens, e.location.start()) {
        let msg = match &e.error {
            ParseErrorType::ExpectedExpression => "f-string: empty expression not allowed",
            ParseErrorType::FStringError(f) => return fstring_error(f, start, loc),
            _ => "f-string: expecting '}'",
        };
        return after_line_end(loc, CompileErrorKind::SyntaxError, msg, start);
    }
    match &e.error {
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let line = loc.lines.line(start);
            let len = loc.lines.line_text(loc.source, line).chars().count() as u32;
            loc.at_line(
                CompileErrorKind::IndentationError,
                "unindent does not match any outer indentation level",
                line,
                len + 1,
            )
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {
            loc.syntax("unexpected EOF while parsing", start, start)
        }
        ParseErrorType::UnexpectedIndentation => loc.at_line(
            CompileErrorKind::IndentationError,
            "unexpected indent",
            loc.lines.line(end),
            0,
        ),
        ParseErrorType::ExpectedToken { expected, .. } => match expected {
            TokenKind::Colon => match dict_key_start(tokens, e.location.start()) {
                Some(key) => loc.syntax("':' expected after dictionary key", key, key),
                // A block header's colon (inside brackets it is a slice's).
                // 3.11 insists on it after `for`/`def`/`try`/`else`/
                // `finally` headers; after the others only at a newline.
                None if bracket_depth(tokens, e.location.start()) == 0
                    && (colon_forced(tokens, e.location.start())
                        || matches!(
                            e.error,
                            ParseErrorType::ExpectedToken {
                                found: TokenKind::Newline,
                                ..
                            }
                        )) =>
                {
                    loc.syntax("expected ':'", start, start)
                }
                None => generic(start, tokens, loc),
            },
            TokenKind::Else => {
                // CPython underlines the whole `a if b`.
                let ternary = find_expr(module, |x| {
                    matches!(x, Expr::If(i) if i.orelse.range().is_empty() || i.orelse.range().start() >= e.location.start())
                        && x.range().start() < e.location.start()
                });
                let (s0, e0) = ternary.map_or((start, start), |t| {
                    let Expr::If(i) = t else {
                        return (start, start);
                    };
                    (
                        i.body.range().start().to_u32(),
                        i.test.range().end().to_u32(),
                    )
                });
                loc.syntax("expected 'else' after 'if' expression", s0, e0)
            }
            TokenKind::Lpar => loc.syntax("expected '('", start, start),
            _ => generic(start, tokens, loc),
        },
        ParseErrorType::OtherError(msg) => other_error(msg, e.location, tokens, loc),
        ParseErrorType::InvalidAssignmentTarget => assign_target_error(e.location, module, loc),
        ParseErrorType::ExpectedExpression
            if default_missing(tokens, e.location.start()).is_some() =>
        {
            let at = default_missing(tokens, e.location.start()).unwrap_or(start);
            loc.syntax("expected default value expression", at, at)
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            let what = describe_at(e.location, module);
            let msg = if matches!(what, "tuple" | "list") {
                format!("only single target (not {what}) can be annotated")
            } else {
                "illegal target for annotation".to_string()
            };
            loc.syntax(msg, start, end)
        }
        ParseErrorType::InvalidDeleteTarget => loc.syntax(
            format!("cannot delete {}", describe_at(e.location, module)),
            start,
            end,
        ),
        ParseErrorType::InvalidNamedAssignmentTarget => loc.syntax(
            format!(
                "cannot use assignment expressions with {}",
                describe_at(e.location, module)
            ),
            start,
            end,
        ),
        ParseErrorType::InvalidAugmentedAssignmentTarget => loc.syntax(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                describe_at(e.location, module)
            ),
            start,
            end,
        ),
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            loc.syntax("Generator expression must be parenthesized", start, end)
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            let at = closing_bracket(tokens, e.location.start()).unwrap_or(end);
            loc.syntax("positional argument follows keyword argument", at, at)
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            let at = closing_bracket(tokens, e.location.start()).unwrap_or(end);
            loc.syntax(
                "positional argument follows keyword argument unpacking",
                at,
                at,
            )
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => loc.syntax(
            "iterable argument unpacking follows keyword argument unpacking",
            start,
            start,
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => loc.syntax(
            "non-default argument follows default argument",
            start,
            start,
        ),
        ParseErrorType::ParamAfterVarKeywordParam => {
            loc.syntax("arguments cannot follow var-keyword argument", start, start)
        }
        ParseErrorType::ExpectedKeywordParam => {
            let star = loc
                .text(0, start as usize)
                .rfind('*')
                .unwrap_or(start as usize) as u32;
            loc.syntax("named arguments must follow bare *", star, star)
        }
        ParseErrorType::VarParameterWithDefault => {
            let before = loc.text(0, start as usize);
            let star = before.rfind('*').unwrap_or(0);
            let msg = if before[..star].ends_with('*') {
                "var-keyword argument cannot have default value"
            } else {
                "var-positional argument cannot have default value"
            };
            loc.syntax(msg, start, start)
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            print_statement(start, tokens, loc).unwrap_or_else(|| generic(start, tokens, loc))
        }
        ParseErrorType::FStringError(f) => fstring_error(f, start, loc),
        ParseErrorType::UnexpectedIpythonEscapeCommand => {
            loc.not_implemented("IPython escape commands", start)
        }
        _ => generic(start, tokens, loc),
    }
}

/// Whether `offset` lies inside an f-string (between its start and end
/// tokens).
fn in_fstring(tokens: &[Token], offset: TextSize) -> bool {
    let mut depth = 0i32;
    for t in tokens {
        if t.start() > offset {
            break;
        }
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd if t.end() <= offset => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

fn other_error(
    msg: &str,
    range: TextRange,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> CompileError {
    let start = range.start().to_u32();
    if let Some(rest) = msg.strip_prefix("Only single target") {
        return loc.syntax(
            format!("only single target{rest}"),
            start,
            range.end().to_u32(),
        );
    }
    if let Some(rest) = msg.strip_prefix("Expected an indented block after ") {
        return indented_block_error(rest, start, tokens, loc);
    }
    // `except*:` (CPython words `except as e:` and `except* as e:` as
    // "invalid syntax").
    let at_colon = tokens
        .iter()
        .find(|t| t.start() >= range.start())
        .is_some_and(|t| matches!(t.kind(), TokenKind::Colon | TokenKind::Newline));
    if msg == "Expected one or more exception types" && at_colon {
        return loc.syntax(
            "expected one or more exception types",
            start,
            range.end().to_u32(),
        );
    }
    if msg == "Cannot have both 'except' and 'except*' on the same 'try'" {
        // Under the clause's `except` (and its `*`).
        let from = tokens.partition_point(|t| t.start() < range.start());
        let mut end = start;
        let mut rest = tokens[from..]
            .iter()
            .skip_while(|t| t.kind() != TokenKind::Except);
        if let Some(t) = rest.next() {
            end = t.end().to_u32();
            if let Some(star) = rest.next().filter(|t| t.kind() == TokenKind::Star) {
                end = star.end().to_u32();
            }
        }
        return loc.syntax(
            "cannot have both 'except' and 'except*' on the same 'try'",
            start,
            end.max(start + 1),
        );
    }
    if msg.starts_with("Expected `except` or `finally`") {
        let line = last_code_line_before(start, loc);
        return loc.at_line(
            CompileErrorKind::SyntaxError,
            "expected 'except' or 'finally' block",
            line,
            0,
        );
    }
    generic(start, tokens, loc)
}

/// "expected an indented block after 'if' statement on line N": placed at
/// the first token after the header, without a caret if the code
/// dedents there or the file ends.
fn indented_block_error(
    clause: &str,
    start: u32,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> CompileError {
    let what = match clause {
        "`if` statement" => "'if' statement",
        "`else` clause" => "'else' statement",
        "`elif` clause" => "'elif' statement",
        "`for` statement" => "'for' statement",
        "`with` statement" => "'with' statement",
        "`while` statement" => "'while' statement",
        "`try` statement" => "'try' statement",
        "`except` clause" => "'except' statement",
        "`finally` clause" => "'finally' statement",
        "`class` definition" => "class definition",
        "`match` statement" => "'match' statement",
        "`case` block" => "'case' statement",
        other => other,
    };
    let off = TextSize::new(start);
    // The header ends with the last logical newline before the error.
    let idx = tokens.partition_point(|t| t.start() <= off);
    let newline = tokens[..idx]
        .iter()
        .rposition(|t| t.kind() == TokenKind::Newline);
    let header_start = newline.map_or(0, |n| {
        tokens[..n]
            .iter()
            .rposition(|t| {
                matches!(
                    t.kind(),
                    TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
                )
            })
            .map_or(0, |p| p + 1)
    });
    let header_line = tokens
        .get(header_start)
        .map_or(1, |t| loc.lines.line(t.start().to_u32()));
    let msg = format!("expected an indented block after {what} on line {header_line}");
    let next = newline.and_then(|n| {
        tokens[n + 1..]
            .iter()
            .find(|t| !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
    });
    match next {
        None => loc.at_line(CompileErrorKind::IndentationError, msg, header_line, 0),
        Some(t) if t.kind() == TokenKind::EndOfFile => {
            let line = newline.map_or(header_line, |n| loc.lines.line(tokens[n].start().to_u32()));
            loc.at_line(CompileErrorKind::IndentationError, msg, line, 0)
        }
        Some(t) if t.kind() == TokenKind::Dedent => {
            let line = loc.lines.line(t.end().to_u32());
            loc.at_line(CompileErrorKind::IndentationError, msg, line, 0)
        }
        Some(t) => {
            let s = t.start().to_u32();
            let line = loc.lines.line(s);
            loc.at_line(
                CompileErrorKind::IndentationError,
                msg,
                line,
                loc.lines.column(loc.source, s),
            )
        }
    }
}

/// The last line before `offset` that has code on it.
fn last_code_line_before(offset: u32, loc: &ErrorLocator<'_>) -> u32 {
    let mut line = loc.lines.line(offset);
    while line > 1 && loc.lines.line_text(loc.source, line).trim().is_empty() {
        line -= 1;
    }
    line
}

/// How CPython names the expression at `range` ("literal", "function call").
fn describe_at(range: TextRange, module: &ModModule) -> &'static str {
    find_expr(module, |e| e.range() == range).map_or("expression", describe_expr)
}

/// The first expression (in source order, outermost first) matching `pred`.
pub(super) fn find_expr(module: &ModModule, pred: impl Fn(&Expr) -> bool) -> Option<&Expr> {
    struct Finder<'m, P> {
        pred: P,
        found: Option<&'m Expr>,
    }
    impl<'m, P: Fn(&Expr) -> bool> Visitor<'m> for Finder<'m, P> {
        fn visit_expr(&mut self, e: &'m Expr) {
            if self.found.is_some() {
                return;
            }
            if (self.pred)(e) {
                self.found = Some(e);
                return;
            }
            walk_expr(self, e);
        }
    }
    let mut f = Finder { pred, found: None };
    f.visit_body(&module.body);
    f.found
}

/// "cannot assign to X", with CPython's hint when the statement is a
/// single `target = value` that looks like a mistyped comparison.
fn assign_target_error(
    range: TextRange,
    module: &ModModule,
    loc: &ErrorLocator<'_>,
) -> CompileError {
    let start = range.start().to_u32();
    let end = range.end().to_u32();
    let what = describe_at(range, module);
    if what == "yield expression" {
        return loc.syntax("assignment to yield expression not possible", start, end);
    }
    let single_target = find_stmt(&module.body, range.start()).is_some_and(|s| match s {
        Stmt::Assign(a) => a.targets.len() == 1 && a.targets[0].range() == range,
        _ => false,
    });
    let hint = single_target
        && !matches!(
            what,
            "list" | "tuple" | "True" | "False" | "None" | "generator expression"
        );
    // `(x := 1) = 2`: CPython points inside the parentheses.
    let (start, end) = if loc
        .text(range.start().to_usize(), range.end().to_usize())
        .starts_with('(')
        && what == "named expression"
    {
        (start + 1, end - 1)
    } else {
        (start, end)
    };
    if hint {
        loc.syntax(
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            start,
            end,
        )
    } else {
        loc.syntax(format!("cannot assign to {what}"), start, end)
    }
}

/// The innermost simple statement containing `offset`.
fn find_stmt(body: &[Stmt], offset: TextSize) -> Option<&Stmt> {
    let s = body.iter().find(|s| s.range().contains_inclusive(offset))?;
    let inner = match s {
        Stmt::FunctionDef(f) => find_stmt(&f.body, offset),
        Stmt::ClassDef(c) => find_stmt(&c.body, offset),
        Stmt::For(f) => find_stmt(&f.body, offset).or_else(|| find_stmt(&f.orelse, offset)),
        Stmt::While(w) => find_stmt(&w.body, offset).or_else(|| find_stmt(&w.orelse, offset)),
        Stmt::If(i) => find_stmt(&i.body, offset).or_else(|| {
            i.elif_else_clauses
                .iter()
                .find_map(|c| find_stmt(&c.body, offset))
        }),
        Stmt::With(w) => find_stmt(&w.body, offset),
        Stmt::Try(t) => find_stmt(&t.body, offset)
            .or_else(|| find_stmt(&t.orelse, offset))
            .or_else(|| find_stmt(&t.finalbody, offset))
            .or_else(|| {
                t.handlers.iter().find_map(|h| {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    find_stmt(&h.body, offset)
                })
            }),
        _ => None,
    };
    inner.or(Some(s))
}

/// `print "x"` / `exec "x"`: CPython's Python 2 hint, when the failing
/// token follows a `print`/`exec` name that starts a logical line.
fn print_statement(offset: u32, tokens: &[Token], loc: &ErrorLocator<'_>) -> Option<CompileError> {
    let idx = tokens.partition_point(|t| t.start().to_u32() < offset);
    let name_tok = tokens[..idx]
        .iter()
        .rev()
        .find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))?;
    let name = loc.text(name_tok.start().to_usize(), name_tok.end().to_usize());
    if name_tok.kind() != TokenKind::Identifier || (name != "print" && name != "exec") {
        return None;
    }
    let before = tokens[..idx]
        .iter()
        .rev()
        .skip_while(|t| t.start() >= name_tok.start())
        .find(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline));
    if before.is_some_and(|t| {
        !matches!(
            t.kind(),
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi
        )
    }) {
        return None;
    }
    let end = tokens[idx..]
        .iter()
        .take_while(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile))
        .last()
        .map_or(offset, |t| t.end().to_u32());
    Some(loc.syntax(
        format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        name_tok.start().to_u32(),
        end,
    ))
}

fn unsupported(
    e: &UnsupportedSyntaxError,
    tokens: &[Token],
    loc: &ErrorLocator<'_>,
) -> CompileError {
    let start = e.range.start().to_u32();
    match e.kind {
        UnsupportedSyntaxErrorKind::TypeParameterList
        | UnsupportedSyntaxErrorKind::TypeParamDefault => {
            loc.not_implemented("type parameter lists", start)
        }
        UnsupportedSyntaxErrorKind::TypeAliasStatement => {
            loc.not_implemented("type alias statements", start)
        }
        UnsupportedSyntaxErrorKind::TemplateStrings => {
            loc.not_implemented("template strings (t-strings)", start)
        }
        UnsupportedSyntaxErrorKind::Pep701FString(kind) => {
            // The parser does not export the kind's type; its name is enough.
            let msg = match format!("{kind:?}").as_str() {
                "Backslash" => "f-string expression part cannot include a backslash",
                "Comment" => "f-string expression part cannot include '#'",
                _ => "f-string: expecting '}'",
            };
            after_line_end(loc, CompileErrorKind::SyntaxError, msg, start)
        }
        UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => loc.syntax(
            "multiple exception types must be parenthesized",
            start,
            e.range.end().to_u32(),
        ),
        UnsupportedSyntaxErrorKind::UnpackingInComprehension(_) => loc.syntax(
            "iterable unpacking cannot be used in comprehension",
            start,
            e.range.end().to_u32(),
        ),
        _ => generic(start, tokens, loc),
    }
}
