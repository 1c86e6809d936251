//! Test support: reads the Python literals (`repr` of ints, floats,
//! strings, bytes, tuples, lists, None, booleans) that the conformance
//! generators print, and runs a generator to check its committed output.
//! Test-only; never used by the engine.

use num_bigint::BigInt;
use std::path::Path;
use std::process::Command;

#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Lit>),
    List(Vec<Lit>),
}

impl Lit {
    pub fn as_i64(&self) -> i64 {
        match self {
            Lit::Int(n) => i64::try_from(n).expect("int fits in i64"),
            Lit::Bool(b) => *b as i64,
            other => panic!("not an int: {other:?}"),
        }
    }

    pub fn as_int(&self) -> &BigInt {
        match self {
            Lit::Int(n) => n,
            other => panic!("not an int: {other:?}"),
        }
    }

    pub fn as_f64(&self) -> f64 {
        match self {
            Lit::Float(x) => *x,
            Lit::Int(n) => i64::try_from(n).expect("small int") as f64,
            other => panic!("not a float: {other:?}"),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lit::Str(s) => s,
            other => panic!("not a str: {other:?}"),
        }
    }

    pub fn items(&self) -> &[Lit] {
        match self {
            Lit::Tuple(v) | Lit::List(v) => v,
            other => panic!("not a sequence: {other:?}"),
        }
    }
}

/// Parses one literal (the whole of `text`, surrounding spaces allowed).
pub fn parse(text: &str) -> Lit {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value();
    p.space();
    assert_eq!(p.i, p.s.len(), "trailing text in {text:?}");
    v
}

/// The lines of a generator's output that are cases (not `#` comments).
pub fn cases(data: &str) -> impl Iterator<Item = Lit> + '_ {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(parse)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }

    fn peek(&self) -> u8 {
        self.s.get(self.i).copied().unwrap_or(0)
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Lit {
        self.space();
        match self.peek() {
            b'(' => {
                self.i += 1;
                Lit::Tuple(self.seq(b')'))
            }
            b'[' => {
                self.i += 1;
                Lit::List(self.seq(b']'))
            }
            b'\'' | b'"' => Lit::Str(String::from_utf8(self.quoted()).expect("utf-8")),
            b'b' if matches!(self.s.get(self.i + 1), Some(b'\'' | b'"')) => {
                self.i += 1;
                Lit::Bytes(self.quoted())
            }
            _ if self.eat("None") => Lit::None,
            _ if self.eat("True") => Lit::Bool(true),
            _ if self.eat("False") => Lit::Bool(false),
            _ => self.number(),
        }
    }

    fn seq(&mut self, close: u8) -> Vec<Lit> {
        let mut items = Vec::new();
        loop {
            self.space();
            if self.peek() == close {
                self.i += 1;
                return items;
            }
            items.push(self.value());
            self.space();
            if self.peek() == b',' {
                self.i += 1;
            }
        }
    }

    fn quoted(&mut self) -> Vec<u8> {
        let quote = self.peek();
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek();
            self.i += 1;
            match c {
                0 => panic!("unterminated string"),
                _ if c == quote => return out,
                b'\\' => {
                    let e = self.peek();
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'x' => {
                            let hex = std::str::from_utf8(&self.s[self.i..self.i + 2]).unwrap();
                            out.push(u8::from_str_radix(hex, 16).unwrap());
                            self.i += 2;
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
    }

    fn number(&mut self) -> Lit {
        let start = self.i;
        while self.i < self.s.len() && !b",)] ".contains(&self.s[self.i]) {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap();
        if let Ok(n) = text.parse::<BigInt>() {
            return Lit::Int(n);
        }
        let x = match text {
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            "nan" => f64::NAN,
            _ => text
                .parse::<f64>()
                .unwrap_or_else(|_| panic!("bad literal {text:?}")),
        };
        Lit::Float(x)
    }
}

/// Re-runs `python3 <dir>/gen.py` and checks that it prints exactly
/// `committed`. Skipped (with a note) without a python3 3.11 on PATH, the
/// version the data describes.
pub fn check_generator_output(dir: &str, committed: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let version = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output();
    match version {
        Ok(out) if String::from_utf8_lossy(&out.stdout).trim() == "True" => {}
        _ => {
            eprintln!("skipped: no python3 3.11 on PATH to re-run {dir:?}/gen.py");
            return;
        }
    }
    let out = Command::new("python3")
        .arg(dir.join("gen.py"))
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        fresh == committed,
        "{dir:?}/cases.txt is stale: run `python3 gen.py > cases.txt` there"
    );
}
