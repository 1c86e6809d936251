//! Sweep, the plain part (compiled natively too): a program's top-level
//! constants, the program with one of them set to another value, the
//! values to try, and the figures of each run — what the Sweep panel
//! (`sweep_panel`, wasm only) plots.
//!
//! A constant is a module-level `NAME = <int literal>` (or `NAME: int =
//! <int literal>`) whose name is in capitals, the convention the notes
//! follow for settings (`WORKERS = 4`, `CONCURRENT_REQUESTS = 16`): a
//! lower-case name assigned once at the top is more often data than a
//! knob. They are found with the real parser, and a value is put in by
//! replacing exactly the literal's text, so the rest of the program is
//! the same byte for byte (and its line numbers with it).

use ruff_python_ast::{Expr, Number, Stmt};
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::Ranged;

use crate::runtime::{Progress, SimOptions, Simulation};

/// At most this many values in one sweep.
pub const MAX_POINTS: usize = 32;
/// The largest value a sweep tries (a pool of 10^4 threads is already
/// slow to simulate and says nothing more).
pub const MAX_VALUE: i64 = 4096;

/// A top-level constant of the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constant {
    pub name: String,
    pub value: i64,
    /// 1-based.
    pub line: u32,
    /// Byte range of the literal in the source.
    start: usize,
    end: usize,
}

/// The program's top-level `NAME = <int>` constants, in source order (a
/// name assigned twice, rebound by a `for` loop or an unpacking, is left
/// out: which value would the sweep set?).
pub fn constants(source: &str) -> Vec<Constant> {
    let options = ParseOptions::from(Mode::Module);
    let Some(parsed) = ruff_python_parser::parse_unchecked(source, options).try_into_module()
    else {
        return Vec::new();
    };
    if !parsed.errors().is_empty() {
        return Vec::new();
    }
    let mut found: Vec<Constant> = Vec::new();
    let mut assigned: Vec<String> = Vec::new();
    rebound(&parsed.syntax().body, &mut assigned);
    for stmt in &parsed.syntax().body {
        let (targets, value): (Vec<&Expr>, Option<&Expr>) = match stmt {
            Stmt::Assign(a) => (a.targets.iter().collect(), Some(&a.value)),
            Stmt::AnnAssign(a) => (vec![&*a.target], a.value.as_deref()),
            Stmt::AugAssign(a) => (vec![&*a.target], None),
            _ => continue,
        };
        let ([Expr::Name(name)], Some(Expr::NumberLiteral(lit))) = (targets.as_slice(), value)
        else {
            continue;
        };
        let Number::Int(int) = &lit.value else {
            continue;
        };
        let Some(v) = int.as_i64() else { continue };
        let id = name.id.as_str();
        if !is_setting_name(id) {
            continue;
        }
        let range = lit.range();
        found.push(Constant {
            name: id.to_string(),
            value: v,
            line: line_of(source, range.start().to_usize()),
            start: range.start().to_usize(),
            end: range.end().to_usize(),
        });
    }
    found.retain(|c| assigned.iter().filter(|n| **n == c.name).count() == 1);
    found
}

/// Every name the module's own code binds (assignments, augmented ones,
/// tuple unpacking, `for` targets), also inside its top-level `if`,
/// `for`, `while`, `with` and `try` blocks, once per binding: a
/// constant a loop or an unpacking rebinds is no knob.
fn rebound(body: &[Stmt], names: &mut Vec<String>) {
    fn target(e: &Expr, names: &mut Vec<String>) {
        match e {
            Expr::Name(n) => names.push(n.id.to_string()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| target(e, names)),
            Expr::List(l) => l.elts.iter().for_each(|e| target(e, names)),
            Expr::Starred(s) => target(&s.value, names),
            _ => {}
        }
    }
    for stmt in body {
        match stmt {
            Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, names)),
            Stmt::AnnAssign(a) => target(&a.target, names),
            Stmt::AugAssign(a) => target(&a.target, names),
            Stmt::For(f) => {
                target(&f.target, names);
                rebound(&f.body, names);
                rebound(&f.orelse, names);
            }
            Stmt::While(w) => {
                rebound(&w.body, names);
                rebound(&w.orelse, names);
            }
            Stmt::If(i) => {
                rebound(&i.body, names);
                for c in &i.elif_else_clauses {
                    rebound(&c.body, names);
                }
            }
            Stmt::With(w) => rebound(&w.body, names),
            Stmt::Try(t) => {
                rebound(&t.body, names);
                rebound(&t.orelse, names);
                rebound(&t.finalbody, names);
            }
            _ => {}
        }
    }
}

/// `WORKERS`, `CONCURRENT_REQUESTS`, `N2`: capitals, digits and `_`,
/// with at least one letter.
fn is_setting_name(id: &str) -> bool {
    id.chars().any(|c| c.is_ascii_uppercase())
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn line_of(source: &str, byte: usize) -> u32 {
    source[..byte.min(source.len())].matches('\n').count() as u32 + 1
}

/// The program with `c` set to `value` (the literal's text replaced).
pub fn with_value(source: &str, c: &Constant, value: i64) -> String {
    format!("{}{value}{}", &source[..c.start], &source[c.end..])
}

/// The values tried when the user gives none: 1 up to twice the current
/// value (at least 8), every one while there are few, else spread.
pub fn default_values(current: i64) -> Vec<i64> {
    let top = (current.max(1) * 2).clamp(8, MAX_VALUE);
    if top as usize <= 16 {
        return (1..=top).collect();
    }
    let mut v: Vec<i64> = (0..16)
        .map(|k| 1 + (k as f64 * (top - 1) as f64 / 15.0).round() as i64)
        .collect();
    v.dedup();
    v
}

/// The values of a range as the user writes it: `1-16`, `1-32:4` (a
/// step), `1,2,4,8`, or a mix (`1,2,4-8`); positive, at most
/// [`MAX_VALUE`], at most [`MAX_POINTS`] of them, sorted, each once.
pub fn parse_values(text: &str) -> Result<Vec<i64>, String> {
    let mut out: Vec<i64> = Vec::new();
    let number = |s: &str| -> Result<i64, String> {
        let n: i64 = s
            .trim()
            .parse()
            .map_err(|_| format!("'{}' is not a whole number", s.trim()))?;
        if !(1..=MAX_VALUE).contains(&n) {
            return Err(format!("{n} is not between 1 and {MAX_VALUE}"));
        }
        Ok(n)
    };
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (span, step) = match part.split_once(':') {
            Some((span, step)) => (span, number(step)?),
            None => (part, 1),
        };
        match span.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (number(a)?, number(b)?);
                if a > b {
                    return Err(format!("{a}-{b} goes down"));
                }
                let mut v = a;
                while v <= b {
                    out.push(v);
                    if out.len() > MAX_POINTS * 4 {
                        break;
                    }
                    v += step;
                }
            }
            None => out.push(number(span)?),
        }
    }
    out.sort_unstable();
    out.dedup();
    if out.is_empty() {
        return Err("no values".to_string());
    }
    if out.len() > MAX_POINTS {
        return Err(format!(
            "{} values: at most {MAX_POINTS} (use a step, 1-64:4)",
            out.len()
        ));
    }
    Ok(out)
}

/// One run of the sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub value: i64,
    /// Virtual run time.
    pub ns: u64,
    pub exit: i32,
}

impl Point {
    /// How many times faster than `first` (its time over this one's).
    pub fn speedup(&self, first: &Point) -> f64 {
        if self.ns == 0 {
            return 0.0;
        }
        first.ns as f64 / self.ns as f64
    }
}

/// One run being made, in slices of ops (the page runs one per frame).
pub struct PointRun {
    value: i64,
    sim: Option<Simulation>,
}

impl PointRun {
    /// The program with the constant at `value`, under `options`.
    pub fn new(source: &str, c: &Constant, value: i64, options: &SimOptions) -> PointRun {
        let sim = Simulation::new(&with_value(source, c, value), options).ok();
        PointRun { value, sim }
    }

    /// Runs up to `ops` ops; the point once the run has ended (exit status
    /// 1 with no time when the program did not compile).
    pub fn step(&mut self, ops: u64) -> Option<Point> {
        let Some(sim) = self.sim.as_mut() else {
            return Some(Point {
                value: self.value,
                ns: 0,
                exit: 1,
            });
        };
        match sim.run(ops) {
            Progress::Finished(exit) => Some(Point {
                value: self.value,
                ns: sim.now(),
                exit,
            }),
            _ => None,
        }
    }

    /// Runs to the end, looking at `stop` every `ops` ops; `None` if it
    /// said stop first.
    pub fn finish(mut self, ops: u64, stop: impl Fn() -> bool) -> Option<Point> {
        loop {
            if stop() {
                return None;
            }
            if let Some(p) = self.step(ops) {
                return Some(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_top_level_capitals_assigned_an_int_once() {
        let src = "import os\nWORKERS = 4\nN: int = 1_000\nrate = 3\nTWICE = 1\nTWICE = 2\nNAME = 'x'\nSCALE = 2.5\n\ndef f():\n    INNER = 5\nif True:\n    NESTED = 6\nLIMIT = -1\nBIG = 0x10\n";
        let found: Vec<(String, i64, u32)> = constants(src)
            .into_iter()
            .map(|c| (c.name, c.value, c.line))
            .collect();
        assert_eq!(
            found,
            [
                ("WORKERS".to_string(), 4, 2),
                ("N".to_string(), 1000, 3),
                ("BIG".to_string(), 16, 15)
            ]
        );
        assert!(constants("WORKERS = (").is_empty(), "a syntax error: none");
        // Rebound by a loop or an unpacking, even inside a block: left out.
        let src = "WORKERS = 4\nSIZE = 2\nROUNDS = 3\nKEPT = 5\nfor WORKERS in (1, 2):\n    pass\nSIZE, other = 7, 8\nif True:\n    [x, *ROUNDS] = [1, 2]\n";
        let names: Vec<String> = constants(src).into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["KEPT"]);
    }

    #[test]
    fn a_value_replaces_exactly_the_literal() {
        let src = "# pool sizing\nWORKERS = 4  # try 1..8\nprint(WORKERS)\n";
        let c = &constants(src)[0];
        assert_eq!(
            with_value(src, c, 12),
            "# pool sizing\nWORKERS = 12  # try 1..8\nprint(WORKERS)\n"
        );
        let src = "N: int = 1_000\n";
        assert_eq!(with_value(src, &constants(src)[0], 7), "N: int = 7\n");
    }

    /// The sweep preset's curve bends where the rule of thumb says:
    /// threads ≈ cores × (1 + I/O / CPU) = 1 × (1 + 20/4) under one GIL,
    /// twice that on two free-threaded cores.
    #[test]
    fn the_pool_sizing_curve_flattens_where_the_cpu_is_the_limit() {
        let src = include_str!("presets/sweep_workers.py");
        let c = constants(src)
            .into_iter()
            .find(|c| c.name == "WORKERS")
            .expect("WORKERS");
        let sweep = |runtime: &str| -> Vec<u64> {
            let options = SimOptions {
                runtime: runtime.into(),
                cores: 2,
                ..SimOptions::default()
            };
            [1, 2, 6, 8, 12]
                .iter()
                .map(|&v| {
                    let p = PointRun::new(src, &c, v, &options)
                        .finish(1 << 20, || false)
                        .unwrap();
                    assert_eq!(p.exit, 0);
                    p.ns
                })
                .collect()
        };
        let gil = sweep("cpython-3.12");
        let r = |a: u64, b: u64| a as f64 / b as f64;
        assert!(
            (1.8..2.2).contains(&r(gil[0], gil[1])),
            "{gil:?}: 1 → 2 halves"
        );
        assert!(
            (0.95..1.05).contains(&r(gil[3], gil[2])),
            "{gil:?}: flat after 6"
        );
        assert!((0.95..1.05).contains(&r(gil[4], gil[2])), "{gil:?}");
        let free = sweep("cpython-3.13t");
        assert!(r(free[4], free[2]) < 0.9, "{free:?}: still falling after 6");
        assert!(
            r(free[4], gil[4]) < 0.9,
            "{free:?} / {gil:?}: two cores beat one GIL"
        );
        let first = Point {
            value: 1,
            ns: gil[0],
            exit: 0,
        };
        let six = Point {
            value: 6,
            ns: gil[2],
            exit: 0,
        };
        assert!(six.speedup(&first) > 3.5);
    }

    #[test]
    fn ranges_parse_as_people_write_them() {
        assert_eq!(parse_values("1-4"), Ok(vec![1, 2, 3, 4]));
        assert_eq!(parse_values("1-16:4"), Ok(vec![1, 5, 9, 13]));
        assert_eq!(parse_values(" 8, 1,2 ,4-5,4"), Ok(vec![1, 2, 4, 5, 8]));
        assert!(parse_values("").is_err());
        assert!(parse_values("0-3").unwrap_err().contains("between 1"));
        assert!(parse_values("5-2").unwrap_err().contains("goes down"));
        assert!(parse_values("two")
            .unwrap_err()
            .contains("not a whole number"));
        assert!(parse_values("1-100").unwrap_err().contains("at most 32"));
        assert_eq!(default_values(4), (1..=8).collect::<Vec<_>>());
        let spread = default_values(16);
        assert_eq!(
            (spread[0], *spread.last().unwrap(), spread.len()),
            (1, 32, 16)
        );
        let big = default_values(64);
        assert_eq!((big[0], *big.last().unwrap(), big.len()), (1, 128, 16));
    }
}
