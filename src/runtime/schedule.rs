//! The schedule string: a compact, printable record of one run's
//! interleaving — the runtime, cores, switch interval and seed, then
//! every slice the scheduler ran (thread, ops executed), run-length
//! encoded. `interleave run FILE --replay STRING` runs the program again
//! under exactly those slices: each slice must pick the same thread and
//! stop after the same number of ops, or the replay stops and says where
//! the program no longer fits the schedule (it was edited, or the
//! schedule was).
//!
//! Format: `il1:<runtime>:<cores>:<interval ns>:<seed>:<slices>` where
//! slices are `<thread>.<ops>` in base 36, `*<k>` for k repeats, joined by
//! `,`. A run under a PCT priority schedule ([`Pct`], from `interleave
//! explore --strategy pct`) carries it as one more field before the
//! slices: `…:<seed>:pct=<priorities>/<change points>:<slices>`, each list
//! base 36 joined by `.`; the replay restores it, so the scheduler makes
//! the same choices again.

/// One slice: which thread ran and how many ops it executed.
pub type Slice = (u32, u64);

/// A parsed schedule string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub runtime: String,
    pub cores: usize,
    pub switch_interval_ns: u64,
    pub seed: u64,
    /// The PCT priority schedule the run followed, if any.
    pub pct: Option<Pct>,
    pub slices: Vec<Slice>,
}

/// A priority schedule for probabilistic concurrency testing (Burckhardt
/// et al., ASPLOS 2010), as the runtime follows it (`SimOptions::pct`).
///
/// Every thread has a priority (higher wins). `priorities[i]` is thread
/// i's initial one; a thread past the end of the list starts at
/// `change_points.len() + 1`. When the global op count reaches
/// `change_points[i]`, the thread running then drops to priority `i + 1`
/// (so initial priorities should all be above `change_points.len()`).
/// What the runtime does with priorities is described on `SimOptions::pct`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pct {
    pub priorities: Vec<u64>,
    pub change_points: Vec<u64>,
}

impl Pct {
    fn encode(&self) -> String {
        let list = |v: &[u64]| v.iter().map(|&n| b36(n)).collect::<Vec<_>>().join(".");
        format!(
            "pct={}/{}",
            list(&self.priorities),
            list(&self.change_points)
        )
    }

    fn decode(text: &str) -> Result<Pct, String> {
        let bad = || format!("bad priority schedule '{text}' in the schedule string");
        let body = text.strip_prefix("pct=").ok_or_else(bad)?;
        let (p, c) = body.split_once('/').ok_or_else(bad)?;
        let list = |s: &str| -> Result<Vec<u64>, String> {
            s.split('.')
                .filter(|x| !x.is_empty())
                .map(|x| parse_b36(x).ok_or_else(bad))
                .collect()
        };
        let pct = Pct {
            priorities: list(p)?,
            change_points: list(c)?,
        };
        if pct.priorities.len() > 100_000 || pct.change_points.len() > 100_000 {
            return Err(bad());
        }
        Ok(pct)
    }
}

fn b36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn parse_b36(s: &str) -> Option<u64> {
    u64::from_str_radix(s, 36).ok()
}

impl Schedule {
    /// The printable string.
    pub fn encode(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < self.slices.len() {
            let s = self.slices[i];
            let mut k = 1;
            while i + k < self.slices.len() && self.slices[i + k] == s {
                k += 1;
            }
            let mut p = format!("{}.{}", b36(u64::from(s.0)), b36(s.1));
            if k > 1 {
                p.push('*');
                p.push_str(&b36(k as u64));
            }
            parts.push(p);
            i += k;
        }
        let pct = match &self.pct {
            Some(p) => format!("{}:", p.encode()),
            None => String::new(),
        };
        format!(
            "il1:{}:{}:{}:{}:{pct}{}",
            self.runtime,
            self.cores,
            self.switch_interval_ns,
            self.seed,
            parts.join(",")
        )
    }

    /// Parses a schedule string; Err says what is wrong with it.
    pub fn decode(text: &str) -> Result<Schedule, String> {
        let text = text.trim();
        let mut fields: Vec<&str> = text.splitn(7, ':').collect();
        let pct = match fields.len() {
            7 => Some(Pct::decode(fields.remove(5))?),
            _ => None,
        };
        if fields.len() != 6 || fields[0] != "il1" {
            return Err("not a schedule string (it starts with 'il1:')".into());
        }
        let num = |s: &str, what: &str| {
            s.parse::<u64>()
                .map_err(|_| format!("bad {what} '{s}' in the schedule string"))
        };
        let mut slices = Vec::new();
        for part in fields[5].split(',').filter(|p| !p.is_empty()) {
            let (slice, k) = match part.split_once('*') {
                Some((s, k)) => (s, parse_b36(k).ok_or(format!("bad repeat in '{part}'"))?),
                None => (part, 1),
            };
            let (t, n) = slice.split_once('.').ok_or(format!("bad slice '{part}'"))?;
            let t = parse_b36(t).ok_or(format!("bad thread in '{part}'"))?;
            let n = parse_b36(n).ok_or(format!("bad op count in '{part}'"))?;
            if k > 10_000_000 || slices.len() as u64 + k > 100_000_000 {
                return Err("the schedule string is too long".into());
            }
            for _ in 0..k {
                slices.push((t as u32, n));
            }
        }
        Ok(Schedule {
            runtime: fields[1].to_string(),
            cores: num(fields[2], "core count")? as usize,
            switch_interval_ns: num(fields[3], "switch interval")?,
            seed: num(fields[4], "seed")?,
            pct,
            slices,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes_with_repeats() {
        let s = Schedule {
            runtime: "cpython-3.13t".into(),
            cores: 4,
            switch_interval_ns: 5_000_000,
            seed: 42,
            pct: None,
            slices: vec![(0, 100), (1, 36), (1, 36), (1, 36), (0, 0)],
        };
        let text = s.encode();
        assert_eq!(text, "il1:cpython-3.13t:4:5000000:42:0.2s,1.10*3,0.0");
        assert_eq!(Schedule::decode(&text), Ok(s));
    }

    #[test]
    fn carries_a_priority_schedule() {
        let s = Schedule {
            runtime: "cpython-3.9".into(),
            cores: 2,
            switch_interval_ns: 5_000_000,
            seed: 7,
            pct: Some(Pct {
                priorities: vec![3, 5, 4],
                change_points: vec![1000, 40],
            }),
            slices: vec![(0, 10), (1, 20)],
        };
        let text = s.encode();
        assert_eq!(text, "il1:cpython-3.9:2:5000000:7:pct=3.5.4/rs.14:0.a,1.k");
        assert_eq!(Schedule::decode(&text), Ok(s.clone()));
        let empty = Schedule {
            pct: Some(Pct::default()),
            ..s
        };
        assert_eq!(Schedule::decode(&empty.encode()), Ok(empty));
        assert!(Schedule::decode("il1:cpython-3.9:2:5:7:pct=1.!/2:0.a").is_err());
        assert!(Schedule::decode("il1:cpython-3.9:2:5:7:nope:0.a").is_err());
    }

    #[test]
    fn rejects_garbage() {
        assert!(Schedule::decode("hello").is_err());
        assert!(Schedule::decode("il1:cpython-3.12:2:x:0:").is_err());
        assert!(Schedule::decode("il1:cpython-3.12:2:5:0:1.!").is_err());
    }
}
