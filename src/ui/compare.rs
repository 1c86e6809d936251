//! Compare: the same program under two runtimes, or two core counts, run
//! one after the other and drawn one above the other on one time axis.
//!
//! This is the plain part (compiled natively too, for its tests): what the
//! second run changes ([`Compare`], carried by share links), the names and
//! captions of the two sides, the speedup line ("3.13t: 0.51× the time of
//! 3.12 (1.96× faster)"), the shared axis end, and [`AxisLink`], which
//! keeps the two timelines' visible time ranges equal: a pan or zoom on
//! one is published to the other. It knows nothing of the page's widgets;
//! `compare_view` draws with it.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{json, Value};

use super::share::Settings;
use crate::runtime::model;

/// What the second run changes from the first.
#[derive(Clone, Debug, PartialEq)]
pub enum Compare {
    /// Another runtime (one of [`model::NAMES`]).
    Runtime(String),
    /// Another number of simulated cores.
    Cores(u32),
}

/// The core counts offered beside the runtimes.
pub const CORE_CHOICES: [u32; 5] = [1, 2, 4, 8, 16];

impl Compare {
    /// What turning Compare on picks first: the free-threaded build
    /// against a GIL one (3.12 when the first run is already 3.13t).
    pub fn default_for(s: &Settings) -> Compare {
        let other = if s.runtime == "cpython-3.13t" {
            "cpython-3.12"
        } else {
            "cpython-3.13t"
        };
        Compare::Runtime(other.to_owned())
    }

    /// The value of its option in the page's select: `rt:cpython-3.13t`
    /// or `cores:4`.
    pub fn value(&self) -> String {
        match self {
            Compare::Runtime(rt) => format!("rt:{rt}"),
            Compare::Cores(n) => format!("cores:{n}"),
        }
    }

    /// The inverse of [`Compare::value`]; `None` for anything it would not
    /// write (an unknown runtime, cores out of range).
    pub fn from_value(v: &str) -> Option<Compare> {
        if let Some(rt) = v.strip_prefix("rt:") {
            return Self::runtime(rt);
        }
        let n: u64 = v.strip_prefix("cores:")?.parse().ok()?;
        Self::cores(n)
    }

    fn runtime(rt: &str) -> Option<Compare> {
        model::NAMES
            .contains(&rt)
            .then(|| Compare::Runtime(rt.to_owned()))
    }

    fn cores(n: u64) -> Option<Compare> {
        (1..=u64::from(Settings::MAX_CORES))
            .contains(&n)
            .then_some(Compare::Cores(n as u32))
    }

    /// As a share link holds it: `{"runtime": "cpython-3.13t"}` or
    /// `{"cores": 4}`.
    pub fn to_json(&self) -> Value {
        match self {
            Compare::Runtime(rt) => json!({ "runtime": rt }),
            Compare::Cores(n) => json!({ "cores": n }),
        }
    }

    /// The inverse of [`Compare::to_json`]; `None` for anything else.
    pub fn from_json(v: &Value) -> Option<Compare> {
        let o = v.as_object()?;
        match (o.get("runtime"), o.get("cores")) {
            (Some(rt), None) => Self::runtime(rt.as_str()?),
            (None, Some(n)) => Self::cores(n.as_u64()?),
            _ => None,
        }
    }
}

impl Settings {
    /// The settings of the second run, when Compare is on: the first
    /// run's, with the runtime or the core count changed.
    pub fn second(&self) -> Option<Settings> {
        let mut s = self.clone();
        match self.compare.as_ref()? {
            Compare::Runtime(rt) => s.runtime = rt.clone(),
            Compare::Cores(n) => s.cores = *n,
        }
        s.compare = None;
        Some(s)
    }
}

/// `cpython-3.13t` → `3.13t`.
pub fn short_runtime(rt: &str) -> &str {
    rt.strip_prefix("cpython-").unwrap_or(rt)
}

/// `4 cores` / `4 核`.
pub fn cores_text(n: u32, zh: bool) -> String {
    match (zh, n) {
        (true, _) => format!("{n} 核"),
        (false, 1) => "1 core".to_owned(),
        (false, _) => format!("{n} cores"),
    }
}

/// The short names of the two sides, from what differs between them:
/// `3.12` and `3.13t`, or `2 cores` and `4 cores`; both when both differ.
/// Identical settings are told apart as A and B.
pub fn side_names(a: &Settings, b: &Settings, zh: bool) -> (String, String) {
    let mut parts: (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    if a.runtime != b.runtime {
        parts.0.push(short_runtime(&a.runtime).to_owned());
        parts.1.push(short_runtime(&b.runtime).to_owned());
    }
    if a.cores != b.cores {
        parts.0.push(cores_text(a.cores, zh));
        parts.1.push(cores_text(b.cores, zh));
    }
    if parts.0.is_empty() {
        let same = short_runtime(&a.runtime);
        return (format!("{same} (A)"), format!("{same} (B)"));
    }
    (parts.0.join(", "), parts.1.join(", "))
}

/// A side's caption: `CPython 3.12 · 2 cores · 20.5 ms`.
pub fn caption(s: &Settings, end_ns: u64, zh: bool) -> String {
    format!(
        "CPython {} · {} · {}",
        short_runtime(&s.runtime),
        cores_text(s.cores, zh),
        crate::trace::lanes::duration(end_ns)
    )
}

/// A ratio with the digits that matter: `1.96`, `12.4`, `130`, `0.051`.
pub fn ratio_text(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_owned();
    }
    if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else if x >= 1.0 || x <= 0.0 {
        format!("{x:.2}")
    } else {
        let decimals = (1 - x.log10().floor() as i32).clamp(2, 6) as usize;
        format!("{x:.decimals$}")
    }
}

/// The line under the two timelines: the second run's time as a multiple
/// of the first's, and how much faster (or slower) that is:
/// `3.13t: 0.51× the time of 3.12 (1.96× faster)`. `None` when either run
/// took no virtual time (nothing to divide by).
pub fn speedup_line(a_name: &str, a_ns: u64, b_name: &str, b_ns: u64, zh: bool) -> Option<String> {
    if a_ns == 0 || b_ns == 0 {
        return None;
    }
    let r = b_ns as f64 / a_ns as f64;
    let times = ratio_text(r);
    let same = times == "1.00";
    Some(match (zh, same, r < 1.0) {
        (false, true, _) => format!("{b_name}: {times}× the time of {a_name} (the same time)"),
        (false, false, true) => format!(
            "{b_name}: {times}× the time of {a_name} ({}× faster)",
            ratio_text(1.0 / r)
        ),
        (false, false, false) => {
            format!("{b_name}: {times}× the time of {a_name} ({times}× slower)")
        }
        (true, true, _) => format!("{b_name}：用时是 {a_name} 的 {times}×（用时相同）"),
        (true, false, true) => format!(
            "{b_name}：用时是 {a_name} 的 {times}×（快 {}×）",
            ratio_text(1.0 / r)
        ),
        (true, false, false) => {
            format!("{b_name}：用时是 {a_name} 的 {times}×（慢 {times}×）")
        }
    })
}

/// The end of the shared time axis: the longer run's end, so that the
/// shorter run ends where it does on the same scale.
pub fn shared_end(a_ns: u64, b_ns: u64) -> u64 {
    a_ns.max(b_ns)
}

/// A listener of an [`AxisLink`]: gets the new visible range `(t0, t1)`.
pub type AxisListener = Rc<dyn Fn(f64, f64)>;

/// Keeps the visible time range of several timelines equal. Each timeline
/// subscribes under its own key and publishes its range after every
/// redraw; a range different from the last one is passed to every other
/// subscriber. Re-publishing the range one was just given does nothing, so
/// a listener that redraws (and so publishes) does not loop.
#[derive(Default)]
pub struct AxisLink {
    range: RefCell<Option<(f64, f64)>>,
    listeners: RefCell<Vec<(String, AxisListener)>>,
}

impl PartialEq for AxisLink {
    /// The same link, not an equal one.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for AxisLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AxisLink")
            .field("range", &self.range.borrow())
            .field("listeners", &self.listeners.borrow().len())
            .finish()
    }
}

impl AxisLink {
    /// Listens under `key`, replacing an earlier listener of that key.
    pub fn subscribe(&self, key: &str, listener: AxisListener) {
        let mut ls = self.listeners.borrow_mut();
        ls.retain(|(k, _)| k != key);
        ls.push((key.to_owned(), listener));
    }

    pub fn unsubscribe(&self, key: &str) {
        self.listeners.borrow_mut().retain(|(k, _)| k != key);
    }

    /// The last range published.
    pub fn range(&self) -> Option<(f64, f64)> {
        *self.range.borrow()
    }

    /// `from` now shows `[t0, t1]`: tell the others, unless that is the
    /// range they were last given.
    pub fn publish(&self, from: &str, t0: f64, t1: f64) {
        if self.range() == Some((t0, t1)) {
            return;
        }
        *self.range.borrow_mut() = Some((t0, t1));
        // No borrow is held while the listeners run: they publish too.
        let others: Vec<AxisListener> = self
            .listeners
            .borrow()
            .iter()
            .filter(|(k, _)| k != from)
            .map(|(_, l)| l.clone())
            .collect();
        for l in others {
            l(t0, t1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::lanes::View;
    use std::cell::Cell;

    #[test]
    fn the_second_run_changes_only_what_is_compared() {
        let mut s = Settings::default();
        assert_eq!(s.second(), None);
        s.compare = Some(Compare::Runtime("cpython-3.13t".into()));
        let b = s.second().unwrap();
        assert_eq!(b.runtime, "cpython-3.13t");
        assert_eq!(
            (b.cores, b.seed, b.compare.clone()),
            (s.cores, s.seed, None)
        );
        s.compare = Some(Compare::Cores(8));
        let b = s.second().unwrap();
        assert_eq!((b.runtime.as_str(), b.cores), ("cpython-3.12", 8));
    }

    #[test]
    fn turning_compare_on_picks_the_free_threaded_build_or_3_12() {
        let mut s = Settings::default();
        assert_eq!(
            Compare::default_for(&s),
            Compare::Runtime("cpython-3.13t".into())
        );
        s.runtime = "cpython-3.13t".into();
        assert_eq!(
            Compare::default_for(&s),
            Compare::Runtime("cpython-3.12".into())
        );
    }

    #[test]
    fn select_values_and_json_round_trip_and_refuse_the_unknown() {
        for c in [
            Compare::Runtime("cpython-2.7".into()),
            Compare::Runtime("cpython-3.13t".into()),
            Compare::Cores(1),
            Compare::Cores(Settings::MAX_CORES),
        ] {
            assert_eq!(Compare::from_value(&c.value()), Some(c.clone()));
            assert_eq!(Compare::from_json(&c.to_json()), Some(c));
        }
        for bad in ["rt:cpython-4.0", "cores:0", "cores:65", "cores:x", "4", ""] {
            assert_eq!(Compare::from_value(bad), None, "{bad}");
        }
        for bad in [
            json!({"runtime": "pypy"}),
            json!({"cores": 0}),
            json!({"cores": -2}),
            json!({"cores": 2, "runtime": "cpython-3.12"}),
            json!({}),
            json!("cpython-3.12"),
        ] {
            assert_eq!(Compare::from_json(&bad), None, "{bad}");
        }
    }

    #[test]
    fn sides_are_named_by_what_differs() {
        let a = Settings::default();
        let mut b = a.clone();
        b.runtime = "cpython-3.13t".into();
        assert_eq!(side_names(&a, &b, false), ("3.12".into(), "3.13t".into()));
        let mut c = a.clone();
        c.cores = 4;
        assert_eq!(
            side_names(&a, &c, false),
            ("2 cores".into(), "4 cores".into())
        );
        assert_eq!(side_names(&a, &c, true), ("2 核".into(), "4 核".into()));
        assert_eq!(
            side_names(&a, &a, false),
            ("3.12 (A)".into(), "3.12 (B)".into())
        );
        let mut one = a.clone();
        one.cores = 1;
        assert_eq!(
            caption(&one, 20_512_000, false),
            "CPython 3.12 · 1 core · 20.5 ms"
        );
    }

    #[test]
    fn the_speedup_line_says_times_and_faster_or_slower() {
        // 3.13t took 51% of 3.12's time.
        assert_eq!(
            speedup_line("3.12", 200_000_000, "3.13t", 102_000_000, false).as_deref(),
            Some("3.13t: 0.51× the time of 3.12 (1.96× faster)")
        );
        assert_eq!(
            speedup_line("3.12", 100, "2.7", 130, false).as_deref(),
            Some("2.7: 1.30× the time of 3.12 (1.30× slower)")
        );
        assert_eq!(
            speedup_line("3.9", 1000, "3.12", 1001, false).as_deref(),
            Some("3.12: 1.00× the time of 3.9 (the same time)")
        );
        assert_eq!(
            speedup_line("1 core", 4000, "4 cores", 1000, true).as_deref(),
            Some("4 cores：用时是 1 core 的 0.25×（快 4.00×）")
        );
        assert_eq!(
            speedup_line("a", 100, "b", 250, true).as_deref(),
            Some("b：用时是 a 的 2.50×（慢 2.50×）")
        );
        assert_eq!(speedup_line("a", 0, "b", 5, false), None);
        assert_eq!(speedup_line("a", 5, "b", 0, false), None);
    }

    #[test]
    fn ratios_keep_two_significant_digits_below_one() {
        assert_eq!(ratio_text(0.51), "0.51");
        assert_eq!(ratio_text(0.0512), "0.051");
        assert_eq!(ratio_text(0.000_123), "0.00012");
        assert_eq!(ratio_text(1.955), "1.96");
        assert_eq!(ratio_text(12.44), "12.4");
        assert_eq!(ratio_text(130.2), "130");
        assert_eq!(ratio_text(f64::INFINITY), "—");
    }

    #[test]
    fn the_shared_axis_is_the_longer_run_on_one_scale() {
        let (a, b) = (200_000_000u64, 102_000_000u64);
        let end = shared_end(a, b);
        assert_eq!(end, a);
        assert_eq!(shared_end(b, a), a);
        // Both timelines fit the shared end: the shorter run ends at its
        // share of the width, and one instant is at one x in both.
        let view = View::fit(end, 140.0, 1000.0);
        assert_eq!(view.x(a as f64), 1140.0);
        assert!((view.x(b as f64) - (140.0 + 1000.0 * 0.51)).abs() < 1e-9);
    }

    #[test]
    fn a_published_range_reaches_the_others_once() {
        let link = Rc::new(AxisLink::default());
        let seen_a = Rc::new(RefCell::new(Vec::new()));
        let seen_b = Rc::new(RefCell::new(Vec::new()));
        let calls_b = Rc::new(Cell::new(0));
        {
            let seen = seen_a.clone();
            link.subscribe("a", Rc::new(move |t0, t1| seen.borrow_mut().push((t0, t1))));
        }
        {
            // B redraws on a new range, and so publishes it back.
            let (seen, calls, back) = (seen_b.clone(), calls_b.clone(), Rc::downgrade(&link));
            link.subscribe(
                "b",
                Rc::new(move |t0, t1| {
                    calls.set(calls.get() + 1);
                    seen.borrow_mut().push((t0, t1));
                    if let Some(link) = back.upgrade() {
                        link.publish("b", t0, t1);
                    }
                }),
            );
        }
        link.publish("a", 10.0, 20.0);
        assert_eq!(*seen_b.borrow(), vec![(10.0, 20.0)]);
        assert!(seen_a.borrow().is_empty(), "not back to the publisher");
        // The same range again: nobody is told.
        link.publish("a", 10.0, 20.0);
        assert_eq!(calls_b.get(), 1);
        // B pans: A follows.
        link.publish("b", 15.0, 25.0);
        assert_eq!(*seen_a.borrow(), vec![(15.0, 25.0)]);
        assert_eq!(link.range(), Some((15.0, 25.0)));
        // A new listener under a key replaces the old one; gone is gone.
        link.unsubscribe("b");
        link.publish("a", 0.0, 5.0);
        assert_eq!(calls_b.get(), 1);
        let count = Rc::new(Cell::new(0));
        for _ in 0..2 {
            let count = count.clone();
            link.subscribe("c", Rc::new(move |_, _| count.set(count.get() + 1)));
        }
        link.publish("a", 1.0, 5.0);
        assert_eq!(count.get(), 1);
    }
}
