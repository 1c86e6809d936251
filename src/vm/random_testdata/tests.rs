//! Conformance of `vm::random` with CPython 3.11's `random` module, on the
//! calls `gen.py` printed (`cases.txt`), plus state round trips.

use super::{Random, RandomError, Weights, N};
use crate::vm::table::hash::hash_f64;
use crate::vm::table::pylit::{cases, check_generator_output, Lit};
use num_bigint::BigInt;

const CASES: &str = include_str!("cases.txt");

#[test]
fn cases_are_fresh() {
    check_generator_output("src/vm/random_testdata", CASES);
}

fn seed(r: &mut Random, kind: &str, value: &Lit) {
    match (kind, value) {
        ("int", Lit::Int(n)) => {
            r.seed_int(n);
            if let Ok(small) = i64::try_from(n) {
                let mut again = Random::from_i64(small);
                assert_eq!(again.genrand_u32(), r.clone().genrand_u32(), "seed_i64");
            }
        }
        ("int", Lit::Bool(b)) => r.seed_i64(*b as i64),
        ("str", Lit::Str(s)) => r.seed_str(s),
        ("bytes", Lit::Bytes(b)) => r.seed_bytes(b),
        ("float", Lit::Float(x)) => r.seed_hash(hash_f64(*x, 0)),
        ("v1str", Lit::Str(s)) => {
            let cps: Vec<u32> = s.chars().map(u32::from).collect();
            r.seed_version1(&cps)
        }
        ("v1bytes", Lit::Bytes(b)) => {
            let cps: Vec<u32> = b.iter().map(|&c| c as u32).collect();
            r.seed_version1(&cps)
        }
        other => panic!("unknown seed {other:?}"),
    }
}

fn int(n: impl Into<BigInt>) -> Lit {
    Lit::Int(n.into())
}

fn indices<T: Copy + Into<BigInt>>(v: Vec<T>) -> Lit {
    Lit::List(v.into_iter().map(int).collect())
}

fn error(e: RandomError) -> Lit {
    Lit::Tuple(vec![
        Lit::Str("!".into()),
        Lit::Str(e.python_type().into()),
        Lit::Str(e.message().into()),
    ])
}

fn from<T>(result: Result<T, RandomError>, ok: impl FnOnce(T) -> Lit) -> Lit {
    match result {
        Ok(v) => ok(v),
        Err(e) => error(e),
    }
}

fn floats(a: &[Lit]) -> Vec<f64> {
    a.iter().map(Lit::as_f64).collect()
}

/// Runs one printed call on `r` and returns its result as a literal.
fn run(r: &mut Random, name: &str, a: &[Lit]) -> Lit {
    let f = |i: usize| a[i].as_f64();
    match name {
        "random" => Lit::Float(r.random()),
        "getrandbits" => from(r.getrandbits(a[0].as_i64()), int),
        "randbytes" => {
            let bytes = r.randbytes(a[0].as_i64() as usize);
            Lit::Str(bytes.iter().map(|b| format!("{b:02x}")).collect())
        }
        "randrange_start" => {
            let start = a[0].as_int();
            if let Ok(small) = i64::try_from(start) {
                let mut twin = r.clone();
                let got = from(twin.randrange(small, None, 1), int);
                let big = from(r.randrange_big(start, None, &1.into()), Lit::Int);
                assert_eq!(got, big, "randrange vs randrange_big");
                return big;
            }
            from(r.randrange_big(start, None, &1.into()), Lit::Int)
        }
        "randrange_step_no_stop" => {
            let step = a[1].as_int();
            from(r.randrange_big(a[0].as_int(), None, step), Lit::Int)
        }
        "randrange" | "randint" => {
            let start = a[0].as_int();
            let stop = a[1].as_int();
            let step = a.get(2).map_or(BigInt::from(1), |s| s.as_int().clone());
            let small = (
                i64::try_from(start),
                i64::try_from(stop),
                i64::try_from(&step),
            );
            let big = if name == "randint" {
                let mut twin = r.clone();
                let got = from(twin.randint_big(start, stop), Lit::Int);
                if let (Ok(x), Ok(y), _) = small {
                    let mut twin = r.clone();
                    assert_eq!(from(twin.randint(x, y), int), got, "randint({x}, {y})");
                }
                got
            } else {
                let mut twin = r.clone();
                let got = from(twin.randrange_big(start, Some(stop), &step), Lit::Int);
                if let (Ok(x), Ok(y), Ok(z)) = small {
                    let mut twin = r.clone();
                    let small_got = from(twin.randrange(x, Some(y), z), int);
                    assert_eq!(small_got, got, "randrange({x}, {y}, {z})");
                }
                got
            };
            // Advance `r` itself the same way.
            if name == "randint" {
                let _ = r.randint_big(start, stop);
            } else {
                let _ = r.randrange_big(start, Some(stop), &step);
            }
            big
        }
        "choice" => from(r.choice(a[0].as_i64() as usize), int),
        "shuffle" => {
            let mut v: Vec<i64> = (0..a[0].as_i64()).collect();
            r.shuffle_slice(&mut v);
            indices(v)
        }
        "sample" => from(r.sample(a[0].as_i64() as u64, a[1].as_i64()), indices),
        "sample_counts" => {
            let counts: Vec<i64> = a[1].items().iter().map(Lit::as_i64).collect();
            let got = r.sample_counts(a[0].as_i64() as usize, &counts, a[2].as_i64());
            from(got, |v| indices(v.into_iter().map(|i| i as u64).collect()))
        }
        "choices" => {
            let n = a[0].as_i64() as usize;
            let k = a[3].as_i64();
            let w = match &a[2] {
                Lit::None => Vec::new(),
                list => floats(list.items()),
            };
            let weights = match a[1].as_str() {
                "none" => Weights::None,
                "relative" => Weights::Relative(&w),
                _ => Weights::Cumulative(&w),
            };
            match r.choices(n, weights, k) {
                // The VM's indexing of an empty range raises.
                Ok(v) if n == 0 && !v.is_empty() => error(RandomError::Index(
                    "range object index out of range".to_string(),
                )),
                other => from(other, |v| {
                    indices(v.into_iter().map(|i| i as u64).collect())
                }),
            }
        }
        "uniform" => Lit::Float(r.uniform(f(0), f(1))),
        "triangular_nomode" => {
            let (low, high) = if a.is_empty() {
                (0.0, 1.0)
            } else {
                (f(0), f(1))
            };
            Lit::Float(r.triangular(low, high, None))
        }
        "triangular" => Lit::Float(r.triangular(f(0), f(1), Some(f(2)))),
        "gauss" => {
            let (mu, sigma) = if a.is_empty() {
                (0.0, 1.0)
            } else {
                (f(0), f(1))
            };
            Lit::Float(r.gauss(mu, sigma))
        }
        "normalvariate" => Lit::Float(r.normalvariate(f(0), f(1))),
        "lognormvariate" => from(r.lognormvariate(f(0), f(1)), Lit::Float),
        "expovariate" => from(r.expovariate(f(0)), Lit::Float),
        "vonmisesvariate" => from(r.vonmisesvariate(f(0), f(1)), Lit::Float),
        "gammavariate" => from(r.gammavariate(f(0), f(1)), Lit::Float),
        "betavariate" => from(r.betavariate(f(0), f(1)), Lit::Float),
        "paretovariate" => from(r.paretovariate(f(0)), Lit::Float),
        "weibullvariate" => from(r.weibullvariate(f(0), f(1)), Lit::Float),
        other => panic!("unknown call {other}"),
    }
}

#[test]
fn every_function_matches_cpython() {
    let mut r = Random::from_key(&[0]);
    let mut calls = 0;
    let mut seeds = 0;
    for case in cases(CASES) {
        let c = case.items();
        match c[0].as_str() {
            "seed" => {
                seed(&mut r, c[1].as_str(), &c[2]);
                seeds += 1;
            }
            "state" => {
                let s = r.state();
                let head: Vec<Lit> = s.mt[..4].iter().map(|&w| int(w)).collect();
                assert_eq!(Lit::Tuple(head), c[1], "state head");
                assert_eq!(int(s.mt[N - 1]), c[2], "state tail");
                assert_eq!(int(s.index as u64), c[3], "state index");
            }
            name => {
                let got = run(&mut r, name, c[1].items());
                assert_eq!(got, c[2], "{name}{:?} after {calls} calls", c[1]);
                calls += 1;
            }
        }
    }
    assert!(seeds >= 20 && calls > 2000, "{seeds} seeds, {calls} calls");
}

#[test]
fn state_round_trips_and_is_validated() {
    let mut r = Random::from_i64(99);
    r.gauss(0.0, 1.0);
    let saved = r.state();
    let first: Vec<f64> = (0..700).map(|_| r.random()).collect();
    let g = r.gauss(0.0, 1.0);
    r.set_state(&saved.mt, saved.index as i64, saved.gauss_next)
        .unwrap();
    let again: Vec<f64> = (0..700).map(|_| r.random()).collect();
    assert_eq!(first, again);
    assert_eq!(g, r.gauss(0.0, 1.0));
    assert_eq!(
        r.set_state(&saved.mt, 625, None).unwrap_err().message(),
        "invalid state"
    );
    assert_eq!(
        r.set_state(&saved.mt[1..], 0, None).unwrap_err().message(),
        "state vector is the wrong size"
    );
}

#[test]
fn constants_are_cpythons_expressions() {
    assert_eq!(super::NV_MAGICCONST, 4.0 * (-0.5f64).exp() / 2.0f64.sqrt());
    assert_eq!(super::LOG4, 4.0f64.ln());
    assert_eq!(super::SG_MAGICCONST, 1.0 + 4.5f64.ln());
}

#[test]
fn randbelow_of_zero_returns_zero_instead_of_looping() {
    let mut r = Random::from_i64(1);
    assert_eq!(r.randbelow_u64(0), 0);
    assert_eq!(r.randbelow(&0u32.into()), 0u32.into());
}
