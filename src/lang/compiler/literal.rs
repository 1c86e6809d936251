//! Constants: number, string and bytes literals, docstrings, the small
//! constant folding we do (tuples of constants, negated numbers — what
//! CPython's AST optimizer does for them), and f-strings
//! (`FormatValue` + `BuildString`, nested format specs, `=` debugging).
//! Int literals beyond i64 become decimal [`Const::BigInt`] text: the
//! conversion from hex/octal/binary is done here on the literal's source.

use std::rc::Rc;

use ruff_python_ast::{
    self as ast, ConversionFlag, Expr, InterpolatedStringElement, Number, Stmt, UnaryOp,
};

use super::{CResult, Compiler};
use crate::vm::code::{
    Const, Instr, FORMAT_CONV_ASCII, FORMAT_CONV_NONE, FORMAT_CONV_REPR, FORMAT_CONV_STR,
    FORMAT_HAS_SPEC,
};

/// The docstring of a body: its first statement if it is a plain string
/// literal expression.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(Rc::from(s.value.to_str())),
            _ => None,
        },
        _ => None,
    }
}

/// The constant an int literal's source text denotes (`0x_ff`, `1_000`,
/// `123456789012345678901234567890`).
pub(crate) fn int_const(source: &str) -> Const {
    let text: String = source.chars().filter(|c| *c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Const::Int(v);
    }
    Const::BigInt(Rc::from(radix_to_decimal(digits, radix)))
}

/// Converts digits in `radix` to decimal text (schoolbook, base 10^9 limbs).
fn radix_to_decimal(digits: &str, radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    // Little-endian limbs in base 10^9.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let d = u64::from(c.to_digit(radix).unwrap_or(0));
        let mut carry = d;
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    out
}

impl<'a> Compiler<'a> {
    /// The constant value of a literal expression, folding tuples of
    /// constants and `-<number>`; `None` if it is not constant.
    pub(crate) fn constant_of(&self, e: &Expr) -> Option<Const> {
        Some(match e {
            Expr::NoneLiteral(_) => Const::None,
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::StringLiteral(s) => Const::Str(Rc::from(s.value.to_str())),
            Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => match i.as_i64() {
                    Some(v) => Const::Int(v),
                    None => {
                        let r = n.range;
                        let text = self
                            .loc
                            .source
                            .get(r.start().to_usize()..r.end().to_usize())
                            .unwrap_or("0");
                        int_const(text)
                    }
                },
                Number::Float(f) => Const::Float(*f),
                Number::Complex { imag, .. } => Const::Imag(*imag),
            },
            Expr::UnaryOp(u) if u.op == UnaryOp::USub => match self.constant_of(&u.operand)? {
                Const::Int(0) => Const::Int(0),
                Const::Int(v) => match v.checked_neg() {
                    Some(n) => Const::Int(n),
                    None => Const::BigInt(Rc::from(format!("{}", -i128::from(v)))),
                },
                Const::BigInt(s) if !s.starts_with('-') => {
                    if &*s == "9223372036854775808" {
                        Const::Int(i64::MIN)
                    } else {
                        Const::BigInt(Rc::from(format!("-{s}")))
                    }
                }
                Const::Float(f) => Const::Float(-f),
                // Not `Imag`: `-2j` is `complex(-0.0, -2.0)`, which no
                // constant spells.
                _ => return None,
            },
            Expr::Tuple(t) => {
                let items = t
                    .elts
                    .iter()
                    .map(|e| self.constant_of(e))
                    .collect::<Option<Vec<_>>>()?;
                Const::Tuple(items.into())
            }
            _ => return None,
        })
    }

    /// An f-string, possibly concatenated with plain strings.
    pub(crate) fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut parts: Vec<Part<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPartRef::Literal(s) => push_literal(&mut parts, &s.value),
                ast::FStringPartRef::FString(fs) => collect_elements(&mut parts, &fs.elements),
            }
        }
        self.emit_parts(&parts)
    }

    fn emit_parts(&mut self, parts: &[Part<'a>]) -> CResult {
        for part in parts {
            match part {
                Part::Literal(s) => self.load_const(Const::Str(Rc::from(s.as_str()))),
                Part::Value(el) => self.formatted_value(el)?,
            }
        }
        match parts.len() {
            0 => self.load_const(Const::Str(Rc::from(""))),
            1 => {}
            n => self.emit(Instr::BuildString(n as u32)),
        }
        Ok(())
    }

    /// One `{expr!conv:spec}`: value, then spec, then `FormatValue`.
    fn formatted_value(&mut self, el: &'a ast::InterpolatedElement) -> CResult {
        self.expr(&el.expression)?;
        let mut conv = match el.conversion {
            ConversionFlag::None => FORMAT_CONV_NONE,
            ConversionFlag::Str => FORMAT_CONV_STR,
            ConversionFlag::Repr => FORMAT_CONV_REPR,
            ConversionFlag::Ascii => FORMAT_CONV_ASCII,
        };
        // `f"{x=}"` shows the repr unless a conversion or a spec is given.
        if el.debug_text.is_some() && conv == FORMAT_CONV_NONE && el.format_spec.is_none() {
            conv = FORMAT_CONV_REPR;
        }
        if let Some(spec) = &el.format_spec {
            let mut parts = Vec::new();
            collect_elements(&mut parts, &spec.elements);
            let old = self.set_loc(spec.range);
            self.emit_parts(&parts)?;
            self.restore_loc(old);
            conv |= FORMAT_HAS_SPEC;
        }
        let old = self.set_loc(el.range);
        self.emit(Instr::FormatValue(conv));
        self.restore_loc(old);
        Ok(())
    }
}

/// A piece of an f-string: literal text (adjacent pieces merged) or a
/// replacement field.
enum Part<'a> {
    Literal(String),
    Value(&'a ast::InterpolatedElement),
}

fn push_literal(parts: &mut Vec<Part<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Part::Literal(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else {
        parts.push(Part::Literal(s.to_string()));
    }
}

fn collect_elements<'a>(parts: &mut Vec<Part<'a>>, elements: &'a [InterpolatedStringElement]) {
    for el in elements {
        match el {
            InterpolatedStringElement::Literal(l) => push_literal(parts, &l.value),
            InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    push_literal(parts, debug.as_str());
                }
                parts.push(Part::Value(i));
            }
        }
    }
}

/// Whether an expression is a constant for the purpose of "a constant
/// expression statement does nothing".
pub(crate) fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_literals() {
        assert_eq!(int_const("1_000"), Const::Int(1000));
        assert_eq!(int_const("0xff"), Const::Int(255));
        assert_eq!(int_const("0o17"), Const::Int(15));
        assert_eq!(int_const("0B101"), Const::Int(5));
        assert_eq!(
            int_const("18446744073709551615"),
            Const::BigInt(Rc::from("18446744073709551615"))
        );
        // python3 -c 'print(0xFFFF_FFFF_FFFF_FFFF_FFFF)'
        assert_eq!(
            int_const("0xFFFF_FFFF_FFFF_FFFF_FFFF"),
            Const::BigInt(Rc::from("1208925819614629174706175"))
        );
        // python3 -c 'print(0b1 << 70)' -> 1180591620717411303424
        let bin = format!("0b1{}", "0".repeat(70));
        assert_eq!(
            int_const(&bin),
            Const::BigInt(Rc::from("1180591620717411303424"))
        );
    }
}
