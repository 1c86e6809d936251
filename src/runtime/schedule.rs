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
//! `,`.

/// One slice: which thread ran and how many ops it executed.
pub type Slice = (u32, u64);

/// A parsed schedule string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub runtime: String,
    pub cores: usize,
    pub switch_interval_ns: u64,
    pub seed: u64,
    pub slices: Vec<Slice>,
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
        format!(
            "il1:{}:{}:{}:{}:{}",
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
        let fields: Vec<&str> = text.splitn(6, ':').collect();
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
            slices: vec![(0, 100), (1, 36), (1, 36), (1, 36), (0, 0)],
        };
        let text = s.encode();
        assert_eq!(text, "il1:cpython-3.13t:4:5000000:42:0.2s,1.10*3,0.0");
        assert_eq!(Schedule::decode(&text), Ok(s));
    }

    #[test]
    fn rejects_garbage() {
        assert!(Schedule::decode("hello").is_err());
        assert!(Schedule::decode("il1:cpython-3.12:2:x:0:").is_err());
        assert!(Schedule::decode("il1:cpython-3.12:2:5:0:1.!").is_err());
    }
}
