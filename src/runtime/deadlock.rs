//! The report printed when no thread can move and no timer is pending:
//! each blocked thread, the object it waits for and who holds it, and the
//! wait-for cycle when there is one (thread → lock → holder → …).

use super::thread::State;
use super::Simulation;
use crate::vm::module::native_data;
use crate::vm::sched::LockState;
use crate::vm::value::Value;

/// What one blocked thread waits for: the lock's description, its
/// holder's index, and whether the lock stands for a wait (`Event.wait`,
/// `Queue.get` …: a waiter lock that `threading` labelled) rather than a
/// user's lock.
fn waits_for(sim: &Simulation, tid: usize) -> Option<(String, Option<usize>, bool)> {
    let (lock, _) = sim.threads[tid].waiting_for.as_ref()?;
    let (name, owner, labelled) = native_data(&Value::Obj(lock.clone()), |s: &mut LockState| {
        (s.describe(), s.owner, s.label.is_some())
    })?;
    let holder = sim
        .threads
        .iter()
        .position(|t| owner != 0 && t.ident == owner);
    Some((name, holder, labelled))
}

/// The deadlock report (stderr text).
pub(super) fn report(sim: &Simulation) -> String {
    let mut out =
        String::from("interleave: deadlock: every thread is blocked and nothing can wake them\n");
    for (tid, t) in sim.threads.iter().enumerate() {
        if t.state == State::Done {
            continue;
        }
        let line = match (&t.state, waits_for(sim, tid)) {
            // A waiter lock: only another thread's set/notify/put wakes it.
            (State::Blocked, Some((name, Some(h), true))) if h == tid => format!(
                "  {} waits in {name} for another thread to wake it, and none can\n",
                t.name
            ),
            (State::Blocked, Some((name, Some(h), false))) if h == tid => format!(
                "  {} waits for {name}, which it holds itself (a Lock is not reentrant: RLock is)\n",
                t.name
            ),
            (State::Blocked, Some((name, Some(h), _))) => format!(
                "  {} waits for {name}, held by {}\n",
                t.name, sim.threads[h].name
            ),
            (State::Blocked, Some((name, None, _))) => {
                format!("  {} waits for {name}, held by nobody\n", t.name)
            }
            (state, _) => format!("  {} is {state:?}\n", t.name),
        };
        out.push_str(&line);
    }
    if let Some(cycle) = find_cycle(sim) {
        let mut parts = Vec::new();
        for &tid in &cycle {
            parts.push(sim.threads[tid].name.clone());
            if let Some((name, _, _)) = waits_for(sim, tid) {
                parts.push(name);
            }
        }
        parts.push(sim.threads[cycle[0]].name.clone());
        out.push_str(&format!("  wait-for cycle: {}\n", parts.join(" -> ")));
    }
    out
}

/// A cycle of threads each waiting for a lock the next one holds.
fn find_cycle(sim: &Simulation) -> Option<Vec<usize>> {
    for start in 0..sim.threads.len() {
        let mut path = vec![start];
        let mut cur = start;
        while let Some((_, Some(h), _)) = waits_for(sim, cur) {
            if h == start && path.len() > 1 {
                return Some(path);
            }
            if path.contains(&h) {
                break;
            }
            path.push(h);
            cur = h;
        }
    }
    None
}
