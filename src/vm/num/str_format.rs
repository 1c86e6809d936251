//! The template language of `str.format` and `str.format_map`, as
//! CPython 3.11's `Objects/stringlib/unicode_format.h`: literal text with
//! `{{`/`}}` escapes, replacement fields `{name!conv:spec}` whose spec may
//! hold nested fields, field names (`0`, `key`, empty for automatic
//! numbering) followed by `.attr` and `[key]` accessors.
//!
//! Owns: splitting a template lazily (so errors surface in CPython's
//! order), field-name parsing, automatic numbering and their messages.
//! Never: looks anything up, converts or formats values — the VM resolves
//! each field, applies `!r`/`!s`/`!a`, expands a nested spec with
//! [`MarkupIter`] again (depth [`MAX_FORMAT_RECURSION`]) and calls
//! `format`.

use super::unicode::decimal_value;
use super::NumError;

/// How deep specs may nest: `"{0:{1}}"` works, `"{0:{1:{2}}}"` raises
/// "Max string recursion exceeded".
pub const MAX_FORMAT_RECURSION: u32 = 2;

/// One step of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkupItem<'a> {
    /// Text copied as it is.
    Literal(&'a str),
    /// A replacement field.
    Field {
        /// The field name, parsed by [`parse_field_name`] when the field
        /// is evaluated.
        name: &'a str,
        /// The character after `!`, if any; only `r`, `s` and `a` are
        /// valid (see [`conversion_error`]).
        conversion: Option<char>,
        /// The format spec after `:` (empty when none).
        spec: &'a str,
        /// The spec contains `{`: expand it as a template first.
        spec_needs_expanding: bool,
    },
}

/// The items of a template, parsed lazily.
pub struct MarkupIter<'a> {
    s: &'a str,
    pos: usize,
    failed: bool,
    /// A field found right after the literal just returned.
    pending: Option<Result<MarkupItem<'a>, NumError>>,
}

impl<'a> MarkupIter<'a> {
    /// Iterates over `template`.
    pub fn new(template: &'a str) -> Self {
        MarkupIter {
            s: template,
            pos: 0,
            failed: false,
            pending: None,
        }
    }

    /// Parses the field starting at `self.pos` (just after its `{`).
    fn field(&mut self) -> Result<MarkupItem<'a>, NumError> {
        let s = self.s;
        let b = s.as_bytes();
        let start = self.pos;
        let mut i = self.pos;
        let mut end_char = None;
        while i < b.len() {
            let c = b[i];
            i += 1;
            match c {
                b'{' => return Err(NumError::value("unexpected '{' in field name")),
                b'[' => {
                    while i < b.len() && b[i] != b']' {
                        i += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    end_char = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let name_end = if end_char.is_some() { i - 1 } else { i };
        let name = &s[start..name_end];
        let mut conversion = None;
        match end_char {
            Some(b'}') => {
                self.pos = i;
                Ok(MarkupItem::Field {
                    name,
                    conversion,
                    spec: "",
                    spec_needs_expanding: false,
                })
            }
            Some(c) => {
                if c == b'!' {
                    let Some(conv) = s[i..].chars().next() else {
                        return Err(NumError::value(
                            "end of string while looking for conversion specifier",
                        ));
                    };
                    conversion = Some(conv);
                    i += conv.len_utf8();
                    if i < b.len() {
                        let c = b[i];
                        i += 1;
                        if c == b'}' {
                            self.pos = i;
                            return Ok(MarkupItem::Field {
                                name,
                                conversion,
                                spec: "",
                                spec_needs_expanding: false,
                            });
                        }
                        if c != b':' {
                            return Err(NumError::value("expected ':' after conversion specifier"));
                        }
                    }
                }
                let spec_start = i;
                let mut depth = 1;
                let mut expand = false;
                while i < b.len() {
                    let c = b[i];
                    i += 1;
                    match c {
                        b'{' => {
                            expand = true;
                            depth += 1;
                        }
                        b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos = i;
                                return Ok(MarkupItem::Field {
                                    name,
                                    conversion,
                                    spec: &s[spec_start..i - 1],
                                    spec_needs_expanding: expand,
                                });
                            }
                        }
                        _ => {}
                    }
                }
                Err(NumError::value("unmatched '{' in format spec"))
            }
            None => Err(NumError::value("expected '}' before end of string")),
        }
    }
}

impl<'a> Iterator for MarkupIter<'a> {
    type Item = Result<MarkupItem<'a>, NumError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(p) = self.pending.take() {
            self.failed = p.is_err();
            return Some(p);
        }
        if self.failed || self.pos >= self.s.len() {
            return None;
        }
        let s = self.s;
        let b = s.as_bytes();
        let start = self.pos;
        let mut i = start;
        let mut brace = None;
        while i < b.len() {
            let c = b[i];
            i += 1;
            if c == b'{' || c == b'}' {
                brace = Some(c);
                break;
            }
        }
        let at_end = i >= b.len();
        let error = match brace {
            Some(b'}') if at_end || b[i] != b'}' => Some("Single '}' encountered in format string"),
            Some(b'{') if at_end => Some("Single '{' encountered in format string"),
            _ => None,
        };
        if let Some(msg) = error {
            self.failed = true;
            return Some(Err(NumError::value(msg)));
        }
        let Some(c) = brace else {
            self.pos = i;
            return Some(Ok(MarkupItem::Literal(&s[start..i])));
        };
        if b[i] == c {
            // An escaped brace: the literal keeps one of the two.
            self.pos = i + 1;
            return Some(Ok(MarkupItem::Literal(&s[start..i])));
        }
        // A field follows the literal text before its `{`.
        self.pos = i;
        let field = self.field();
        if i - 1 > start {
            self.pending = Some(field);
            return Some(Ok(MarkupItem::Literal(&s[start..i - 1])));
        }
        self.failed = field.is_err();
        Some(field)
    }
}

/// The error for a conversion other than `r`, `s` or `a`.
pub fn conversion_error(conversion: char) -> NumError {
    if conversion > ' ' && conversion < '\x7f' {
        NumError::value(format!("Unknown conversion specifier {conversion}"))
    } else {
        NumError::value(format!(
            "Unknown conversion specifier \\x{:x}",
            conversion as u32
        ))
    }
}

/// Checks the nesting depth before expanding a template: the top-level
/// template is at depth [`MAX_FORMAT_RECURSION`], each nested spec one
/// less.
pub fn check_recursion(depth: u32) -> Result<(), NumError> {
    if depth == 0 {
        Err(NumError::value("Max string recursion exceeded"))
    } else {
        Ok(())
    }
}

/// The first part of a field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey<'a> {
    /// A positional argument (given, or from automatic numbering).
    Index(usize),
    /// A keyword argument.
    Name(&'a str),
}

/// One accessor after the first part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldAccessor<'a> {
    /// `.name`
    Attr(&'a str),
    /// `[digits]`: an int index.
    Index(usize),
    /// `[text]`: a str key.
    Key(&'a str),
}

/// A parsed field name.
#[derive(Clone, Debug)]
pub struct FieldName<'a> {
    pub first: FieldKey<'a>,
    pub rest: FieldAccessors<'a>,
}

/// The accessors of a field name, parsed lazily (an error surfaces after
/// the lookups before it, as in CPython).
#[derive(Clone, Debug)]
pub struct FieldAccessors<'a> {
    s: &'a str,
    pos: usize,
    failed: bool,
}

/// `str.format`'s automatic field numbering state, one per call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AutoNumber {
    state: AutoState,
    next: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum AutoState {
    #[default]
    Init,
    Auto,
    Manual,
}

impl AutoNumber {
    pub fn new() -> Self {
        Self::default()
    }
}

/// CPython's `get_integer`: all decimal digits (any script), else `None`.
fn get_integer(s: &str) -> Result<Option<usize>, NumError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: u64 = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(u64::from(d)))
            .filter(|&a| a <= i64::MAX as u64)
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
    }
    // On 32-bit targets an index beyond usize saturates (and is out of
    // range of any argument list).
    Ok(Some(usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// Splits a field name into its first part and accessors, numbering an
/// empty first part from `auto`.
pub fn parse_field_name<'a>(
    name: &'a str,
    auto: &mut AutoNumber,
) -> Result<FieldName<'a>, NumError> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..split];
    let index = get_integer(first)?;
    let empty = first.is_empty();
    let numeric = empty || index.is_some();
    if auto.state == AutoState::Init && numeric {
        auto.state = if empty {
            AutoState::Auto
        } else {
            AutoState::Manual
        };
    }
    if numeric {
        if auto.state == AutoState::Manual && empty {
            return Err(NumError::value(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state != AutoState::Manual && !empty {
            return Err(NumError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
    }
    let first = if empty {
        let i = auto.next;
        auto.next += 1;
        FieldKey::Index(i)
    } else {
        match index {
            Some(i) => FieldKey::Index(i),
            None => FieldKey::Name(first),
        }
    };
    Ok(FieldName {
        first,
        rest: FieldAccessors {
            s: name,
            pos: split,
            failed: false,
        },
    })
}

impl<'a> Iterator for FieldAccessors<'a> {
    type Item = Result<FieldAccessor<'a>, NumError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.s.len() {
            return None;
        }
        let s = self.s;
        let rest = &s[self.pos..];
        let result = if let Some(after) = rest.strip_prefix('.') {
            let len = after.find(['.', '[']).unwrap_or(after.len());
            self.pos += 1 + len;
            let name = &after[..len];
            if name.is_empty() {
                Err(NumError::value("Empty attribute in format string"))
            } else {
                Ok(FieldAccessor::Attr(name))
            }
        } else if let Some(after) = rest.strip_prefix('[') {
            match after.find(']') {
                None => Err(NumError::value("Missing ']' in format string")),
                Some(len) => {
                    self.pos += 2 + len;
                    let key = &after[..len];
                    if key.is_empty() {
                        Err(NumError::value("Empty attribute in format string"))
                    } else {
                        match get_integer(key) {
                            Ok(Some(i)) => Ok(FieldAccessor::Index(i)),
                            Ok(None) => Ok(FieldAccessor::Key(key)),
                            Err(e) => Err(e),
                        }
                    }
                }
            }
        } else {
            Err(NumError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ))
        };
        self.failed = result.is_err();
        Some(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(t: &str) -> Vec<Result<MarkupItem<'_>, NumError>> {
        MarkupIter::new(t).collect()
    }

    #[test]
    fn splits_templates() {
        let got = items("a{{b}}{0.x[k]!r:>{w}}c");
        assert_eq!(
            got,
            vec![
                Ok(MarkupItem::Literal("a{")),
                Ok(MarkupItem::Literal("b}")),
                Ok(MarkupItem::Field {
                    name: "0.x[k]",
                    conversion: Some('r'),
                    spec: ">{w}",
                    spec_needs_expanding: true
                }),
                Ok(MarkupItem::Literal("c")),
            ]
        );
        assert_eq!(
            items("x}"),
            vec![Err(NumError::value(
                "Single '}' encountered in format string"
            ))]
        );
        assert_eq!(
            items("{0!r"),
            vec![Err(NumError::value("unmatched '{' in format spec"))]
        );
    }

    #[test]
    fn field_names() {
        let mut auto = AutoNumber::new();
        let f = parse_field_name("", &mut auto).unwrap();
        assert_eq!(f.first, FieldKey::Index(0));
        let f = parse_field_name("[0].a[b]", &mut auto).unwrap();
        assert_eq!(f.first, FieldKey::Index(1));
        let rest: Vec<_> = f.rest.collect();
        assert_eq!(
            rest,
            vec![
                Ok(FieldAccessor::Index(0)),
                Ok(FieldAccessor::Attr("a")),
                Ok(FieldAccessor::Key("b"))
            ]
        );
        assert!(parse_field_name("0", &mut auto).is_err());
        let mut auto = AutoNumber::new();
        assert!(parse_field_name("name", &mut auto).is_ok());
        assert!(parse_field_name("1", &mut auto).is_ok());
        assert!(parse_field_name("", &mut auto).is_err());
    }
}
