//! Conformance of `hash`, `set` and `dict` with CPython 3.11, on the cases
//! `testdata/gen.py` printed (`testdata/cases.txt`), plus the behaviours
//! CPython output cannot show (failing comparisons, versions, compaction).

use super::dict::Dict;
use super::hash::{
    hash_bigint, hash_bytes, hash_complex, hash_f64, hash_i64, hash_str, hash_tuple,
};
use super::pylit::{cases, check_generator_output, Lit};
use super::set::SetTable;
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::convert::Infallible;

const CASES: &str = include_str!("testdata/cases.txt");

/// A miniature Python value: enough to key sets and dicts like CPython.
#[derive(Clone, Debug)]
enum Key {
    Int(BigInt),
    Float(f64),
    Tuple(Vec<Key>),
}

impl Key {
    fn from_lit(lit: &Lit) -> Key {
        match lit {
            Lit::Int(n) => Key::Int(n.clone()),
            Lit::Float(x) => Key::Float(*x),
            Lit::Tuple(items) => Key::Tuple(items.iter().map(Key::from_lit).collect()),
            other => panic!("not a key: {other:?}"),
        }
    }

    fn to_lit(&self) -> Lit {
        match self {
            Key::Int(n) => Lit::Int(n.clone()),
            Key::Float(x) => Lit::Float(*x),
            Key::Tuple(items) => Lit::Tuple(items.iter().map(Key::to_lit).collect()),
        }
    }

    fn hash(&self) -> i64 {
        match self {
            Key::Int(n) => hash_bigint(n),
            Key::Float(x) => hash_f64(*x, 0),
            Key::Tuple(items) => hash_tuple(items.iter().map(Key::hash)),
        }
    }

    fn py_eq(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Int(a), Key::Int(b)) => a == b,
            (Key::Float(a), Key::Float(b)) => a == b,
            (Key::Int(n), Key::Float(x)) | (Key::Float(x), Key::Int(n)) => {
                x.fract() == 0.0 && BigInt::from_f64(*x).as_ref() == Some(n)
            }
            (Key::Tuple(a), Key::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y))
            }
            _ => false,
        }
    }
}

fn eq(a: &Key, b: &Key) -> Result<bool, Infallible> {
    Ok(a.py_eq(b))
}

fn set_list(s: &SetTable<Key>) -> Lit {
    Lit::List(s.iter().map(Key::to_lit).collect())
}

fn set_add(s: &mut SetTable<Key>, lit: &Lit) -> bool {
    let k = Key::from_lit(lit);
    let h = k.hash();
    s.add(k, h, eq).unwrap()
}

fn set_discard(s: &mut SetTable<Key>, lit: &Lit) -> bool {
    let k = Key::from_lit(lit);
    s.discard(&k, k.hash(), eq).unwrap().is_some()
}

fn set_from_script(script: &Lit) -> SetTable<Key> {
    let mut s = SetTable::new();
    for step in script.items() {
        let step = step.items();
        match step[0].as_str() {
            "add" => set_add(&mut s, &step[1]),
            "discard" => set_discard(&mut s, &step[1]),
            op => panic!("unknown script op {op}"),
        };
    }
    s
}

fn keyed(items: &Lit) -> Vec<(Key, i64)> {
    items
        .items()
        .iter()
        .map(|l| {
            let k = Key::from_lit(l);
            let h = k.hash();
            (k, h)
        })
        .collect()
}

fn section(name: &str) -> impl Iterator<Item = Lit> + '_ {
    let start = CASES
        .find(&format!("# {name}\n"))
        .unwrap_or_else(|| panic!("no section {name}"));
    let body = &CASES[start..];
    let body = &body[body.find('\n').map_or(0, |i| i + 1)..];
    let end = body.find("\n# ").map_or(body.len(), |i| i + 1);
    cases(&body[..end])
}

#[test]
fn cases_are_fresh() {
    check_generator_output("src/vm/table/testdata", CASES);
}

#[test]
fn hashes_match_cpython() {
    let mut n = 0;
    for case in section("hashes") {
        let c = case.items();
        let expected = c.last().unwrap().as_i64();
        let got = match c[0].as_str() {
            "hash_int" => {
                let v = c[1].as_int();
                if let Ok(small) = i64::try_from(v) {
                    assert_eq!(hash_i64(small), expected, "hash_i64({small})");
                }
                hash_bigint(v)
            }
            "hash_float" => hash_f64(c[1].as_f64(), 0),
            "hash_complex" => hash_complex(c[1].as_f64(), c[2].as_f64(), 0),
            "hash_tuple" => Key::from_lit(&c[1]).hash(),
            "hash_str" => {
                let bytes = hex(c[1].as_str());
                hash_str(std::str::from_utf8(&bytes).unwrap())
            }
            "hash_bytes" => hash_bytes(&hex(c[1].as_str())),
            "hash_frozenset" => {
                let mut s = SetTable::new();
                for item in c[1].items() {
                    set_add(&mut s, item);
                }
                s.frozenset_hash()
            }
            other => panic!("unknown case {other}"),
        };
        assert_eq!(got, expected, "{case:?}");
        n += 1;
    }
    assert!(n > 100, "only {n} hash cases");
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn replay_set_sequences(name: &str) -> usize {
    let mut s = SetTable::new();
    let mut steps = 0;
    for case in section(name) {
        let c = case.items();
        let expected_list = c.last().unwrap();
        match c[0].as_str() {
            "set_new" => {
                s = SetTable::new();
                continue;
            }
            "add" => {
                let added = set_add(&mut s, &c[1]);
                if let Lit::Bool(b) = c[2] {
                    assert_eq!(added, b, "{case:?}");
                }
            }
            "discard" => {
                let had = set_discard(&mut s, &c[1]);
                if let Lit::Bool(b) = c[2] {
                    assert_eq!(had, b, "{case:?}");
                }
            }
            "pop" => {
                let popped = s.pop().expect("non-empty");
                assert_eq!(popped.to_lit(), c[1], "pop");
            }
            "clear" => s.clear(),
            other => panic!("unknown op {other}"),
        }
        if expected_list != &Lit::None {
            assert_eq!(
                &set_list(&s),
                expected_list,
                "after {:?}",
                &c[..c.len() - 1]
            );
            assert_eq!(s.len(), expected_list.items().len());
        }
        steps += 1;
    }
    steps
}

#[test]
fn set_add_discard_pop_orders_match_cpython() {
    assert!(replay_set_sequences("set sequences") > 1000);
}

#[test]
fn set_growth_and_shrink_orders_match_cpython() {
    assert!(replay_set_sequences("set growth") > 100);
}

#[test]
fn set_operations_match_cpython() {
    let mut blocks = 0;
    let (mut a, mut b, mut items) = (SetTable::new(), SetTable::new(), Vec::new());
    for case in section("set operations") {
        let c = case.items();
        let name = c[0].as_str();
        let check = |got: &SetTable<Key>| assert_eq!(&set_list(got), &c[1], "{name}");
        match name {
            "ops" => {
                a = set_from_script(&c[1]);
                b = set_from_script(&c[2]);
                items = keyed(&c[3]);
                blocks += 1;
            }
            "list_a" => check(&a),
            "copy" => check(&a.copy()),
            "or" => check(&a.union(&b, eq).unwrap()),
            "and" => check(&a.intersection(&b, eq).unwrap()),
            "rand" => check(&b.intersection(&a, eq).unwrap()),
            "sub" => check(&a.difference(&b, eq).unwrap()),
            "rsub" => check(&b.difference(&a, eq).unwrap()),
            "xor" => check(&a.symmetric_difference(&b, eq).unwrap()),
            "le" => {
                let subset = a.is_subset(&b, eq).unwrap();
                assert_eq!(Lit::Bool(subset), c[1], "<=");
                assert_eq!(
                    Lit::Bool(a.is_disjoint(&b, eq).unwrap()),
                    c[2],
                    "isdisjoint"
                );
                assert_eq!(Lit::Bool(a.len() == b.len() && subset), c[3], "==");
            }
            "ior" => {
                let mut t = a.copy();
                t.merge(&b, eq).unwrap();
                check(&t);
            }
            "iand" => check(&a.copy().intersection(&b, eq).unwrap()),
            "isub" => {
                let mut t = a.copy();
                t.difference_update(&b, eq).unwrap();
                check(&t);
            }
            "ixor" => {
                let mut t = a.copy();
                t.symmetric_difference_update(&b, eq).unwrap();
                check(&t);
            }
            "update_list" => {
                let mut t = a.copy();
                for (k, h) in items.iter().cloned() {
                    t.add(k, h, eq).unwrap();
                }
                check(&t);
            }
            "intersection_list" => {
                let got = a.intersection_iter(items.iter().cloned().map(Ok), eq);
                check(&got.unwrap());
            }
            "difference_update_list" => {
                let mut t = a.copy();
                t.difference_update_iter(items.iter().cloned().map(Ok), eq)
                    .unwrap();
                check(&t);
            }
            "sdu_list" => {
                let mut other = SetTable::new();
                for (k, h) in items.iter().cloned() {
                    other.add(k, h, eq).unwrap();
                }
                let mut t = a.copy();
                t.symmetric_difference_update(&other, eq).unwrap();
                check(&t);
            }
            "frozenset_hash" => {
                assert_eq!(a.frozenset_hash(), c[1].as_i64(), "hash(frozenset(a))");
                assert_eq!(b.frozenset_hash(), c[2].as_i64(), "hash(frozenset(b))");
            }
            other => panic!("unknown case {other}"),
        }
    }
    assert!(blocks > 30);
}

/// How CPython 3.11 evaluates a display of three or more constants: the
/// compiler folds them into a frozenset constant (built by adds, then
/// rebuilt from its own iteration order when constants are merged), and
/// the code does `BUILD_SET 0; LOAD_CONST; SET_UPDATE`, a `set_merge`.
fn constant_set_display(elems: &[(Key, i64)]) -> SetTable<Key> {
    let mut folded = SetTable::new();
    for (k, h) in elems.iter().cloned() {
        folded.add(k, h, eq).unwrap();
    }
    let mut merged = SetTable::new();
    for (k, h) in folded.iter_with_hash() {
        merged.add(k.clone(), h, eq).unwrap();
    }
    let mut result = SetTable::new();
    result.merge(&merged, eq).unwrap();
    result
}

#[test]
fn constant_set_displays_match_cpython() {
    for case in section("set literals") {
        let c = case.items();
        let got = constant_set_display(&keyed(&c[1]));
        assert_eq!(set_list(&got), c[2], "{:?}", c[1]);
    }
}

#[test]
fn dict_orders_match_cpython() {
    let mut d: Dict<Key, i64> = Dict::new();
    let mut steps = 0;
    for case in section("dict sequences") {
        let c = case.items();
        match c[0].as_str() {
            "dict_new" => {
                d = Dict::new();
                continue;
            }
            "setitem" => {
                let k = Key::from_lit(&c[1]);
                let h = k.hash();
                d.insert(k, h, c[2].as_i64(), eq).unwrap();
            }
            "delitem" => {
                let k = Key::from_lit(&c[1]);
                let removed = d.remove(&k, k.hash(), eq).unwrap();
                assert_eq!(Lit::Bool(removed.is_some()), c[2], "{case:?}");
            }
            "popitem" => {
                let (k, v) = d.pop_last().expect("non-empty");
                assert_eq!((k.to_lit(), v), (c[1].clone(), c[2].as_i64()));
            }
            "clear" => d.clear(),
            other => panic!("unknown op {other}"),
        }
        let items = Lit::List(
            d.iter()
                .map(|(k, v)| Lit::Tuple(vec![k.to_lit(), Lit::Int((*v).into())]))
                .collect(),
        );
        assert_eq!(&items, c.last().unwrap(), "after {:?}", &c[..c.len() - 1]);
        assert_eq!(d.len(), c.last().unwrap().items().len());
        steps += 1;
    }
    assert!(steps > 500);
}
