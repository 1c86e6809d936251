//! Object identity as a program sees it: `id()`, the default `__hash__`
//! (`object.__hash__` is `id() >> 4`, as CPython's `_Py_HashPointer` gives
//! for aligned addresses) and the `at 0x…` of default reprs.
//!
//! CPython uses the object's address. Ours would change from run to run
//! (address-space randomisation, the allocator, the budget a run is sliced
//! into), and since sets and dicts of objects iterate in hash order, so
//! would the order in which a program joins its threads — and with it the
//! schedule. Instead an object gets a serial number the first time its
//! identity is asked for, in program order, so the same program, runtime and
//! seed give the same ids natively, in wasm and under any budget. The
//! numbers look like CPython's heap addresses (16-byte aligned, near
//! `0x7f…`) so that reprs read as users expect.
//!
//! Each entry keeps a `Weak` to its object: while it exists the allocation
//! cannot be reused, so an address in the table always means the same
//! object. Dead entries are dropped when the table has doubled. Ids are
//! never handed out twice (CPython may reuse a dead object's address; no
//! program can rely on either).

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::value::{Obj, ObjRef, Value};
use super::Vm;

impl Vm {
    /// `id(v)`: a serial for heap objects (see the module doc), the fixed
    /// values of [`Value::identity`] for the inline ones.
    pub fn object_id(&self, v: &Value) -> u64 {
        match v {
            Value::Obj(o) => self.identities.borrow_mut().of(o),
            _ => v.identity() as u64,
        }
    }

    /// `object.__hash__`: `id() >> 4`.
    pub fn identity_hash(&self, v: &Value) -> i64 {
        (self.object_id(v) >> 4) as i64
    }
}

/// Where the first id lies; ids step by 16 like aligned addresses.
/// 64-bit on every target (wasm32 too), so ids are the same everywhere.
const BASE: u64 = 0x7f3a_0000_0000;

#[derive(Default)]
pub struct Identities {
    by_addr: HashMap<usize, (Weak<Obj>, u64)>,
    next: u64,
    prune_at: usize,
}

impl Identities {
    /// The id of a heap object, assigned now if it has none.
    pub fn of(&mut self, o: &ObjRef) -> u64 {
        let addr = Rc::as_ptr(o) as *const u8 as usize;
        if let Some((_, id)) = self.by_addr.get(&addr) {
            return *id;
        }
        if self.by_addr.len() >= self.prune_at {
            self.by_addr.retain(|_, (w, _)| w.strong_count() > 0);
            self.prune_at = (self.by_addr.len() * 2).max(1024);
        }
        let id = BASE + self.next * 16;
        self.next += 1;
        self.by_addr.insert(addr, (Rc::downgrade(o), id));
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj() -> ObjRef {
        Rc::new(Obj::BigInt(num_bigint::BigInt::from(1u8) << 80))
    }

    #[test]
    fn ids_follow_the_order_of_the_first_question_and_stay() {
        let mut ids = Identities::default();
        let (a, b) = (obj(), obj());
        let ib = ids.of(&b);
        let ia = ids.of(&a);
        assert_eq!(ib, BASE);
        assert_eq!(ia, BASE + 16);
        assert_eq!(ids.of(&b), ib);
    }

    #[test]
    fn dead_objects_are_pruned_and_ids_never_repeat() {
        let mut ids = Identities::default();
        let first = ids.of(&obj());
        let fresh: Vec<ObjRef> = (0..3000).map(|_| obj()).collect();
        let got: std::collections::HashSet<u64> = fresh.iter().map(|o| ids.of(o)).collect();
        assert_eq!(got.len(), fresh.len(), "live objects never share an id");
        assert!(!got.contains(&first));
        assert!(ids.by_addr.len() <= 3001);
    }
}
