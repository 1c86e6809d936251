//! How numbers and durations are written for people, the same in the page
//! and on the command line: thousands grouped, milliseconds with one decimal.

/// 20000000 → "20,000,000".
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 12.345 → "12.3 ms".
pub fn millis(ms: f64) -> String {
    format!("{ms:.1} ms")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(123_456), "123,456");
        assert_eq!(group_digits(20_000_000), "20,000,000");
    }

    #[test]
    fn millis_have_one_decimal() {
        assert_eq!(millis(12.345), "12.3 ms");
        assert_eq!(millis(0.0), "0.0 ms");
    }
}
