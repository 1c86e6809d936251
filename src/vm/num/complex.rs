//! Python's `complex` with CPython 3.11's exact semantics: the arithmetic
//! of `complexobject.c` (Smith's division, `**` by repeated squaring for
//! small integral exponents and by polar form otherwise), `abs`, `repr`,
//! `format()` and the `complex(str)` grammar.
//!
//! Owns: the results and the error messages of these operations ("complex
//! division by zero", "0.0 to a negative or complex power", "complex
//! exponentiation", "absolute value too large", "complex() arg is a
//! malformed string"). Never: knows about the interpreter's values (the VM
//! converts its ints and floats to `f64` first) and never panics.

use super::float_text::{double_to_string, remove_underscores, DtoaFlags};
use super::format::{layout_number, Align, FormatSpec, Number, SignMode};
use super::{parse_float, NumError};

/// A complex number: `re + im * 1j`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub const ONE: Complex = Complex { re: 1.0, im: 0.0 };

    pub fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// A real number as a complex (`TO_COMPLEX`: imaginary part `+0.0`).
    pub fn real(re: f64) -> Complex {
        Complex { re, im: 0.0 }
    }

    /// `_Py_c_quot` (Smith's algorithm); `None` when dividing by zero.
    fn quot(self, b: Complex) -> Option<Complex> {
        let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return None;
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Some(Complex::new(
                (self.re + self.im * ratio) / denom,
                (self.im - self.re * ratio) / denom,
            ))
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Some(Complex::new(
                (self.re * ratio + self.im) / denom,
                (self.im * ratio - self.re) / denom,
            ))
        } else {
            // A NaN in the divisor.
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `a / b`.
    pub fn true_div(self, b: Complex) -> Result<Complex, NumError> {
        self.quot(b)
            .ok_or_else(|| NumError::zero_division("complex division by zero"))
    }

    /// `abs(z)` (`_Py_c_abs`): infinite if a part is, even beside a NaN.
    pub fn abs(self) -> Result<f64, NumError> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() {
                return Ok(self.re.abs());
            }
            if self.im.is_infinite() {
                return Ok(self.im.abs());
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_finite() {
            Ok(r)
        } else {
            Err(NumError::overflow("absolute value too large"))
        }
    }

    pub fn conjugate(self) -> Complex {
        Complex::new(self.re, -self.im)
    }

    /// `a ** b` (`complex_pow` without a modulus).
    pub fn pow(self, b: Complex) -> Result<Complex, NumError> {
        let domain = || NumError::zero_division("0.0 to a negative or complex power");
        // C's `(long)b.real`, saturating where C would be undefined.
        let n = b.re as i64;
        let p = if b.im == 0.0 && b.re == n as f64 {
            self.powi(n).ok_or_else(domain)?
        } else {
            self.pow_polar(b).ok_or_else(domain)?
        };
        if p.re.is_infinite() || p.im.is_infinite() {
            return Err(NumError::overflow("complex exponentiation"));
        }
        Ok(p)
    }

    /// `_Py_c_pow`; `None` for zero to a negative or complex power.
    fn pow_polar(self, b: Complex) -> Option<Complex> {
        if b.re == 0.0 && b.im == 0.0 {
            return Some(Complex::ONE);
        }
        if self.re == 0.0 && self.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return None;
            }
            return Some(Complex::new(0.0, 0.0));
        }
        let vabs = self.re.hypot(self.im);
        let mut len = vabs.powf(b.re);
        let at = self.im.atan2(self.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        Some(Complex::new(len * phase.cos(), len * phase.sin()))
    }

    /// `c_powu`: binary exponentiation for `n >= 0`.
    fn powu(self, n: i64) -> Complex {
        let mut r = Complex::ONE;
        let mut p = self;
        let mut mask: i64 = 1;
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = r * p;
            }
            mask = mask.wrapping_shl(1);
            p = p * p;
        }
        r
    }

    /// `c_powi`; `None` when a negative power divides by zero.
    fn powi(self, n: i64) -> Option<Complex> {
        if !(-100..=100).contains(&n) {
            self.pow_polar(Complex::real(n as f64))
        } else if n > 0 {
            Some(self.powu(n))
        } else {
            Complex::ONE.quot(self.powu(-n))
        }
    }
}

impl std::ops::Add for Complex {
    type Output = Complex;

    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;

    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
}

impl std::ops::Mul for Complex {
    type Output = Complex;

    /// `_Py_c_prod`: the schoolbook product, with IEEE infinities and
    /// NaNs as they fall.
    fn mul(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
}

impl std::ops::Neg for Complex {
    type Output = Complex;

    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}

/// One part as `PyOS_double_to_string(x, 'r', 0, flags)` writes it
/// (no `.0` added).
fn part(x: f64, sign: bool) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            sign,
            ..DtoaFlags::default()
        },
    )
}

/// `repr(z)` and `str(z)`: `1j`, `(1+2j)`, `(-0-0j)`, `(inf+nanj)`. The
/// real part is left out (with the parentheses) only when it is `+0.0`.
pub fn complex_repr(z: Complex) -> String {
    if z.re == 0.0 && z.re.is_sign_positive() {
        format!("{}j", part(z.im, false))
    } else {
        format!("({}{}j)", part(z.re, false), part(z.im, true))
    }
}

/// The length of the longest prefix of `s` that `PyOS_string_to_double`
/// would read as a float: `[sign] (digits [. digits] | . digits) [exp]`,
/// or `[sign] inf | infinity | nan`.
fn float_prefix_len(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"infinity") {
        return i + 8;
    }
    if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        return i + 3;
    }
    let digits =
        |s: &[u8], from: usize| s[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_digits = digits(s, i);
    i += int_digits;
    let mut frac_digits = 0;
    if s.get(i) == Some(&b'.') {
        frac_digits = digits(s, i + 1);
        if int_digits > 0 || frac_digits > 0 {
            i += 1 + frac_digits;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return 0;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_digits = digits(s, j);
        if exp_digits > 0 {
            i = j + exp_digits;
        }
    }
    i
}

/// Reads a float at the start of `s`: its value and length (0 if none).
fn read_float(s: &[u8]) -> (f64, usize) {
    let n = float_prefix_len(s);
    if n == 0 {
        return (0.0, 0);
    }
    let text = std::str::from_utf8(&s[..n]).unwrap_or("");
    match parse_float(text) {
        Ok(x) => (x, n),
        Err(_) => (0.0, 0),
    }
}

/// `complex(s)`: `<float>`, `<float>j`, `<float><signed-float>j`, and the
/// old forms `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses,
/// with surrounding whitespace and `_` between digits.
pub fn parse_complex(text: &str) -> Result<Complex, NumError> {
    let malformed = || NumError::value("complex() arg is a malformed string");
    let cleaned = if text.contains('_') {
        remove_underscores(text).ok_or_else(malformed)?
    } else {
        text.to_string()
    };
    let s = cleaned.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let skip_space = |i: &mut usize| {
        while s.get(*i).is_some_and(|&c| is_space(c)) {
            *i += 1;
        }
    };
    let mut i = 0;
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    let (z, n) = read_float(&s[i..]);
    if n > 0 {
        i += n;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            re = z;
            let (y, m) = read_float(&s[i..]);
            if m > 0 {
                im = y;
                i += m;
            } else {
                im = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !is_j(s.get(i)) {
                return Err(malformed());
            }
            i += 1;
        } else if is_j(s.get(i)) {
            im = z;
            i += 1;
        } else {
            re = z;
        }
    } else {
        match s.get(i) {
            Some(b'+') => {
                im = 1.0;
                i += 1;
            }
            Some(b'-') => {
                im = -1.0;
                i += 1;
            }
            _ => im = 1.0,
        }
        if !is_j(s.get(i)) {
            return Err(malformed());
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != s.len() {
        return Err(malformed());
    }
    Ok(Complex::new(re, im))
}

/// `format(z, spec)` (CPython's `format_complex_internal`).
pub fn format_complex(z: Complex, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(complex_repr(z));
    }
    let spec = FormatSpec::parse(spec, None, Align::Right, "complex")?;
    if spec.fill == '0' {
        return Err(NumError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(NumError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut ty = match spec.ty {
        None => 'r',
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G') => spec.ty.unwrap_or('r'),
        Some('n') => 'g',
        Some(c) => {
            return Err(NumError::value(format!(
                "Unknown format code '{c}' for object of type 'complex'"
            )))
        }
    };
    spec.check_width()?;
    let (mut skip_re, mut parens) = (false, false);
    let mut precision = spec.precision;
    if spec.ty.is_none() {
        if z.re == 0.0 && z.re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if precision.is_none() {
        precision = Some(if spec.ty.is_none() { 0 } else { 6 });
    } else if ty == 'r' {
        ty = 'g';
    }
    let flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut inner = spec.clone();
    inner.width = None;
    inner.fill = ' ';
    inner.align = Align::Left;
    if spec.ty == Some('n') {
        inner.grouping = None;
    }
    let render = |x: f64, sign: SignMode| -> String {
        let s = double_to_string(x, ty, precision.unwrap_or(0), flags);
        let (negative, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, s.as_str()),
        };
        let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, rest) = body.split_at(n_digits);
        let (has_decimal, remainder) = match rest.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let mut part_spec = inner.clone();
        part_spec.sign = sign;
        layout_number(
            &part_spec,
            &Number {
                negative,
                prefix: "",
                digits,
                has_decimal,
                remainder,
            },
        )
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&render(z.re, spec.sign));
    }
    let im_sign = if skip_re { spec.sign } else { SignMode::Plus };
    body.push_str(&render(z.im, im_sign));
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(super::format::pad_str(
        &body, spec.width, None, spec.align, spec.fill,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Complex {
        Complex::new(re, im)
    }

    #[test]
    fn reprs_match_cpython() {
        // python3 -c 'print([complex(0,0), complex(-0.0,0), complex(0,-0.0),
        //   complex(-0.0,-0.0), 2j, complex(1.5,-0.0), complex(1e16,1),
        //   complex(float("inf"), float("nan")), complex(1e-5, 2.5e-7)])'
        let cases = [
            (c(0.0, 0.0), "0j"),
            (c(-0.0, 0.0), "(-0+0j)"),
            (c(0.0, -0.0), "-0j"),
            (c(-0.0, -0.0), "(-0-0j)"),
            (c(0.0, 2.0), "2j"),
            (c(1.5, -0.0), "(1.5-0j)"),
            (c(1e16, 1.0), "(1e+16+1j)"),
            (c(f64::INFINITY, f64::NAN), "(inf+nanj)"),
            (c(1e-5, 2.5e-7), "(1e-05+2.5e-07j)"),
            (c(3.0, 4.0), "(3+4j)"),
        ];
        for (z, want) in cases {
            assert_eq!(complex_repr(z), want);
        }
    }

    #[test]
    fn arithmetic_matches_cpython() {
        // python3: (3+4j)*(1-2j), (3+4j)/(1-2j), (1+2j)/(3+4j), (1+1j)/(1e-320+1e-320j)
        assert_eq!(c(3.0, 4.0) * c(1.0, -2.0), c(11.0, -2.0));
        assert_eq!(c(3.0, 4.0).true_div(c(1.0, -2.0)).unwrap(), c(-1.0, 2.0));
        assert_eq!(c(1.0, 2.0).true_div(c(3.0, 4.0)).unwrap(), c(0.44, 0.08));
        assert_eq!(
            c(1.0, 1.0).true_div(c(1e-320, 1e-320)).unwrap(),
            c(f64::INFINITY, 0.0)
        );
        assert_eq!(
            c(1.0, 0.0).true_div(c(0.0, 0.0)).unwrap_err().message(),
            "complex division by zero"
        );
        // (1+2j)**3, (1+2j)**-3, (1j)**2, 1j**-2, (3+4j)**100, (1+2j)**0.5
        assert_eq!(c(1.0, 2.0).pow(c(3.0, 0.0)).unwrap(), c(-11.0, -2.0));
        assert_eq!(
            c(1.0, 2.0).pow(c(-3.0, 0.0)).unwrap(),
            c(-0.08800000000000001, 0.016)
        );
        assert_eq!(c(0.0, 1.0).pow(c(2.0, 0.0)).unwrap(), c(-1.0, 0.0));
        assert_eq!(c(0.0, 1.0).pow(c(-2.0, 0.0)).unwrap(), c(-1.0, -0.0));
        assert_eq!(
            c(3.0, 4.0).pow(c(100.0, 0.0)).unwrap(),
            c(4.142651948233477e+68, -7.87772410833036e+69)
        );
        assert_eq!(
            c(1.0, 2.0).pow(c(0.5, 0.0)).unwrap(),
            c(1.272019649514069, 0.7861513777574233)
        );
        assert_eq!(
            c(3.0, 4.0).pow(c(1000.0, 0.0)).unwrap_err().message(),
            "complex exponentiation"
        );
        assert_eq!(
            c(0.0, 0.0).pow(c(-1.0, 0.0)).unwrap_err().message(),
            "0.0 to a negative or complex power"
        );
        assert_eq!(c(0.0, 0.0).pow(c(0.0, 0.0)).unwrap(), c(1.0, 0.0));
        // (-8.0)**(1/3) goes through complex_pow
        assert_eq!(
            c(-8.0, 0.0).pow(c(1.0 / 3.0, 0.0)).unwrap(),
            c(1.0000000000000002, 1.7320508075688772)
        );
        assert_eq!(c(3.0, 4.0).abs().unwrap(), 5.0);
        assert_eq!(c(1e308, 1e308).abs().unwrap(), 1.4142135623730951e+308);
        assert_eq!(c(f64::NAN, f64::INFINITY).abs().unwrap(), f64::INFINITY);
    }

    #[test]
    fn parsing_matches_cpython() {
        let ok = |s: &str| parse_complex(s).unwrap();
        assert_eq!(ok("1+2j"), c(1.0, 2.0));
        assert_eq!(ok(" (1+2j) "), c(1.0, 2.0));
        assert_eq!(ok("j"), c(0.0, 1.0));
        assert_eq!(ok("-j"), c(0.0, -1.0));
        assert_eq!(ok("1e3j"), c(0.0, 1000.0));
        assert_eq!(ok("2-J"), c(2.0, -1.0));
        assert_eq!(ok("1_0+2_0j"), c(10.0, 20.0));
        assert_eq!(ok(".5"), c(0.5, 0.0));
        let z = ok("inf-nanj");
        assert!(z.re.is_infinite() && z.im.is_nan());
        for bad in [
            "1 + 2j", "abc", "", "()", "1+2", "1j+2", "(1+2j", "1__0", "1e",
        ] {
            assert_eq!(
                parse_complex(bad).unwrap_err().message(),
                "complex() arg is a malformed string",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn formatting_matches_cpython() {
        // python3 -c 'print(format(1+2j, ".2f"), format(1+2j, ">12"), ...)'
        let f = |z: Complex, s: &str| format_complex(z, s).unwrap();
        assert_eq!(f(c(1.0, 2.0), ".2f"), "1.00+2.00j");
        assert_eq!(f(c(1.0, 2.0), ">12"), "      (1+2j)");
        assert_eq!(f(c(0.0, 2.5), ""), "2.5j");
        assert_eq!(f(c(0.0, 2.5), "<8"), "2.5j    ");
        assert_eq!(f(c(1.0, -2.0), "+.1e"), "+1.0e+00-2.0e+00j");
        assert_eq!(f(c(1234.5, 0.0), ",.1f"), "1,234.5+0.0j");
        assert_eq!(f(c(1.0, 2.0), ".3"), "(1+2j)");
        assert_eq!(f(c(1.5, 2.25), "^14g"), "  1.5+2.25j   ");
        assert_eq!(
            format_complex(c(1.0, 2.0), "d").unwrap_err().message(),
            "Unknown format code 'd' for object of type 'complex'"
        );
        assert_eq!(
            format_complex(c(1.0, 2.0), "010").unwrap_err().message(),
            "Zero padding is not allowed in complex format specifier"
        );
    }
}
