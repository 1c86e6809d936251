//! What the Sweep panel is set to — the constant, the values and the
//! second runtime (the first is the run settings') — as a share link
//! carries it (`"sweep": {"constant", "values", "versus"}`, see
//! [`super::share`]), and whether a sweep's results still describe the
//! program in the editor. Plain code, compiled natively too, for its
//! tests; it never runs anything.

use serde_json::{json, Value};

use super::sweep;
use crate::runtime::model;

/// The Sweep panel's settings. The default (nothing picked, the default
/// values, no second runtime) is what a page without them shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SweepSetup {
    /// The constant's name; `None`: the program's first.
    pub constant: Option<String>,
    /// The values as typed (`1-16`, `1,2,4`); empty: the default range
    /// for the constant's value.
    pub values: String,
    /// The runtime to compare with, if any.
    pub versus: Option<String>,
}

/// Longest constant name a link may carry.
const MAX_NAME: usize = 64;
/// Longest values text a link may carry.
const MAX_VALUES: usize = 200;

impl SweepSetup {
    pub fn is_default(&self) -> bool {
        *self == SweepSetup::default()
    }

    /// The setup as a share link's JSON writes it.
    pub fn to_json(&self) -> Value {
        json!({
            "constant": self.constant,
            "values": self.values,
            "versus": self.versus,
        })
    }

    /// The inverse of [`SweepSetup::to_json`]; `None` for anything else:
    /// a name that is not an identifier, values text over 200 characters,
    /// an unknown runtime. Values text that does not parse is kept: the
    /// panel shows it with its error, as when it was typed.
    pub fn from_json(v: &Value) -> Option<SweepSetup> {
        let o = v.as_object()?;
        let text = |key: &str| -> Option<Option<String>> {
            match o.get(key) {
                None | Some(Value::Null) => Some(None),
                Some(v) => Some(Some(v.as_str()?.to_owned())),
            }
        };
        let constant = text("constant")?;
        if let Some(name) = &constant {
            let ident = name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
                && !name.starts_with(|c: char| c.is_ascii_digit());
            if name.is_empty() || name.len() > MAX_NAME || !ident {
                return None;
            }
        }
        let values = text("values")?.unwrap_or_default();
        if values.len() > MAX_VALUES {
            return None;
        }
        let versus = text("versus")?;
        if versus
            .as_deref()
            .is_some_and(|rt| !model::NAMES.contains(&rt))
        {
            return None;
        }
        Some(SweepSetup {
            constant,
            values,
            versus,
        })
    }
}

/// Whether results swept over `name` of the program `swept` no longer
/// describe the program `now`: anything but that constant's value
/// changed (putting a point's value into the program, as a click on it
/// does, leaves them current), or the constant is gone.
pub fn stale(swept: &str, now: &str, name: &str) -> bool {
    let find = |code: &str| sweep::constants(code).into_iter().find(|c| c.name == name);
    match (find(swept), find(now)) {
        (Some(a), Some(b)) => sweep::with_value(now, &b, a.value) != swept,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setups_round_trip_and_bad_ones_are_refused() {
        let full = SweepSetup {
            constant: Some("WORKERS".into()),
            values: "1-32:4".into(),
            versus: Some("cpython-3.13t".into()),
        };
        let typo = SweepSetup {
            values: "1-x".into(),
            ..SweepSetup::default()
        };
        for s in [full.clone(), SweepSetup::default(), typo] {
            assert_eq!(SweepSetup::from_json(&s.to_json()), Some(s));
        }
        let bad = [
            json!({"constant": "WORK ERS"}),
            json!({"constant": "1X"}),
            json!({"constant": ""}),
            json!({"constant": "W".repeat(65)}),
            json!({"values": "1,".repeat(101)}),
            json!({"versus": "cpython-4.0"}),
            json!({"versus": 3}),
            json!([1, 2]),
        ];
        for v in bad {
            assert_eq!(SweepSetup::from_json(&v), None, "{v}");
        }
    }

    #[test]
    fn only_a_change_besides_the_swept_constant_makes_results_stale() {
        let swept = "WORKERS = 4\nN = 10\nprint(WORKERS * N)\n";
        // The constant's value changed (a point clicked): still current.
        assert!(!stale(
            swept,
            "WORKERS = 6\nN = 10\nprint(WORKERS * N)\n",
            "WORKERS"
        ));
        assert!(!stale(swept, swept, "WORKERS"));
        // Another constant, the code, or the constant removed: stale.
        assert!(stale(
            swept,
            "WORKERS = 4\nN = 11\nprint(WORKERS * N)\n",
            "WORKERS"
        ));
        assert!(stale(swept, "WORKERS = 4\nN = 10\nprint(N)\n", "WORKERS"));
        assert!(stale(swept, "N = 10\nprint(N)\n", "WORKERS"));
    }
}
