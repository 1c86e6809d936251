//! The hash table behind `set` and `frozenset`: the algorithm of CPython
//! 3.11's `Objects/setobject.c`, so that a set iterates (and prints) in
//! exactly CPython's order whenever the element hashes are CPython's (ints,
//! tuples of ints, floats, and strings under `PYTHONHASHSEED=0`; see
//! [`super::hash`]).
//!
//! What is reproduced: open addressing over a power-of-two table of at
//! least [`MIN_SIZE`] slots; probing that inspects [`LINEAR_PROBES`] further
//! slots after the home slot, then jumps with `i = 5*i + 1 + perturb` and
//! `perturb >>= PERTURB_SHIFT`; deleted slots left as dummies; the `fill`
//! and `used` counts; the resize rule of `set_add_entry` and the sizing of
//! `set_table_resize`; `set_merge` (and so `copy`, `union`, `update` from a
//! set); `pop`'s finger; and which operand each set operation iterates and
//! inserts in which order (they decide the result's layout). Iteration is
//! in table order.
//!
//! Keys are any `K`; the table never hashes or compares them itself. Every
//! lookup takes the key's hash and an equality callback `eq(stored, probe)`
//! that may fail (a user `__eq__` can raise); the error is returned as is.
//! The callback must behave like `PyObject_RichCompareBool`: identical
//! objects are equal. Callbacks cannot reach the table (it is borrowed), so
//! a probe never restarts; callers that must run Python code between
//! comparisons use the step-wise [`SetTable::candidates`] /
//! [`SetTable::insert_absent`] interface instead.
//!
//! This module must never know about interpreter values, never panic
//! whatever the callbacks return, and never reorder what CPython would not.

use std::mem;

/// `PySet_MINSIZE`: the smallest table (CPython's inline `smalltable`).
pub const MIN_SIZE: usize = 8;
/// Slots inspected linearly after the home slot before jumping.
pub const LINEAR_PROBES: usize = 9;
/// How fast the unused high bits of the hash enter the probe sequence.
pub const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Debug)]
enum Slot<K> {
    /// Never used since the last resize (CPython: key NULL, hash 0).
    Empty,
    /// Held a key that was removed (CPython: the `dummy` key, hash -1).
    Dummy,
    Active {
        hash: i64,
        key: K,
    },
}

/// A set's table. `Clone` copies the layout as it is (a snapshot); Python's
/// `s.copy()` is [`SetTable::copy`], which may lay the keys out differently.
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    /// Invariant: the length is a power of two, at least `MIN_SIZE`, and at
    /// least one slot is `Empty` (`fill < table.len()`), so probes end.
    table: Vec<Slot<K>>,
    /// Active plus dummy slots (CPython's `fill`).
    fill: usize,
    /// Active slots (CPython's `used`): the set's length.
    used: usize,
    /// Where `pop` starts looking (CPython's `finger`); masked on use.
    finger: usize,
    /// Bumped by every mutation, including resizes (they move keys).
    version: u64,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// The probe sequence of `set_lookkey`, `set_add_entry` and
/// `set_insert_clean`: slot indices in the order CPython inspects them.
/// Infinite; once `perturb` is 0 the jumps visit every slot.
struct Probe {
    mask: u64,
    /// Start of the current linear run.
    base: u64,
    /// Offset of the next slot in the run.
    offset: u64,
    /// Last offset of the run (`LINEAR_PROBES`, or 0 near the table end).
    last: u64,
    perturb: u64,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let mask = mask as u64;
        let base = hash as u64 & mask;
        Probe {
            mask,
            base,
            offset: 0,
            last: Self::run_end(base, mask),
            perturb: hash as u64,
        }
    }

    fn run_end(base: u64, mask: u64) -> u64 {
        if base + LINEAR_PROBES as u64 <= mask {
            LINEAR_PROBES as u64
        } else {
            0
        }
    }
}

impl Iterator for Probe {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.offset > self.last {
            self.perturb >>= PERTURB_SHIFT;
            self.base = self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.offset = 0;
            self.last = Self::run_end(self.base, self.mask);
        }
        let index = self.base + self.offset;
        self.offset += 1;
        Some(index as usize)
    }
}

/// What a probe for an absent key found: where `set_add_entry` puts it.
enum Vacancy {
    /// The last dummy seen before the first empty slot (reused; `fill`
    /// unchanged).
    Dummy(usize),
    Empty(usize),
}

impl<K> SetTable<K> {
    /// An empty set (`set()`).
    pub fn new() -> Self {
        SetTable {
            table: Self::empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    fn empty_slots(size: usize) -> Vec<Slot<K>> {
        let mut v = Vec::with_capacity(size);
        v.resize_with(size, || Slot::Empty);
        v
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The number of keys (`len(s)`).
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Changes on every mutation (including a resize), never repeats.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The number of slots (`mask + 1`), for tests and diagnostics.
    pub fn capacity(&self) -> usize {
        self.table.len()
    }

    /// Active plus dummy slots (CPython's `fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    fn touch(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    // ---- lookups ---------------------------------------------------------

    /// `set_lookkey`: the slot of the first key (in probe order) with this
    /// hash that `pred` accepts.
    fn lookup<E>(
        &self,
        hash: i64,
        mut pred: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        for i in Probe::new(hash, self.mask()) {
            match self.table.get(i) {
                Some(Slot::Active { hash: h, key }) if *h == hash => {
                    if pred(key)? {
                        return Ok(Some(i));
                    }
                }
                Some(Slot::Active { .. }) | Some(Slot::Dummy) => {}
                Some(Slot::Empty) | None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The probe of `set_add_entry`: the slot of the first key with this
    /// hash that `pred` accepts, or else where the key goes.
    fn lookup_for_add<E>(
        &self,
        hash: i64,
        mut pred: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Result<usize, Vacancy>, E> {
        let mut freeslot = None;
        for i in Probe::new(hash, self.mask()) {
            match self.table.get(i) {
                Some(Slot::Active { hash: h, key }) if *h == hash => {
                    if pred(key)? {
                        return Ok(Ok(i));
                    }
                }
                Some(Slot::Active { .. }) => {}
                Some(Slot::Dummy) => freeslot = Some(i),
                Some(Slot::Empty) | None => {
                    return Ok(Err(match freeslot {
                        Some(d) => Vacancy::Dummy(d),
                        None => Vacancy::Empty(i),
                    }));
                }
            }
        }
        Ok(Err(Vacancy::Empty(0)))
    }

    /// `key in s`.
    pub fn contains<E>(
        &self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.lookup(hash, |stored| eq(stored, key))?.is_some())
    }

    /// The stored key equal to `key`, if any.
    pub fn get<E>(
        &self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<&K>, E> {
        let slot = self.lookup(hash, |stored| eq(stored, key))?;
        Ok(slot.and_then(|i| self.key_at(i)))
    }

    /// Fast path for keys that compare without failing (identity, interned
    /// strings): the stored key with this hash that `pred` accepts.
    pub fn get_by(&self, hash: i64, mut pred: impl FnMut(&K) -> bool) -> Option<&K> {
        let slot = self.lookup(hash, |k| Ok::<bool, ()>(pred(k))).ok()??;
        self.key_at(slot)
    }

    // ---- insertion and removal -------------------------------------------

    /// `s.add(key)` (`set_add_entry`). Returns whether the key was added;
    /// an equal key already present is kept (not replaced).
    pub fn add<E>(
        &mut self,
        key: K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.lookup_for_add(hash, |stored| eq(stored, &key))? {
            Ok(_) => Ok(false),
            Err(vacancy) => {
                self.occupy(vacancy, key, hash);
                Ok(true)
            }
        }
    }

    /// Inserts a key the caller knows is absent (all comparisons with the
    /// [`candidates`](Self::candidates) were false), exactly where
    /// `set_add_entry` would, resizing as it would.
    pub fn insert_absent(&mut self, key: K, hash: i64) {
        if let Ok(Err(vacancy)) = self.lookup_for_add(hash, |_| Ok::<bool, ()>(false)) {
            self.occupy(vacancy, key, hash);
        }
    }

    /// The end of `set_add_entry`: store, count, and grow if due.
    fn occupy(&mut self, vacancy: Vacancy, key: K, hash: i64) {
        self.touch();
        match vacancy {
            Vacancy::Dummy(i) => {
                self.table[i] = Slot::Active { hash, key };
                self.used += 1;
            }
            Vacancy::Empty(i) => {
                self.table[i] = Slot::Active { hash, key };
                self.used += 1;
                self.fill += 1;
                if self.fill * 5 >= self.mask() * 3 {
                    self.resize(self.growth_target());
                }
            }
        }
    }

    /// The `minused` that `set_add_entry` asks `set_table_resize` for.
    fn growth_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_table_resize`: rebuilds into the smallest power of two above
    /// `minused` (at least `MIN_SIZE`), dropping dummies.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        self.touch();
        let old = mem::replace(&mut self.table, Self::empty_slots(size));
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                self.insert_clean(key, hash);
            }
        }
    }

    /// `set_insert_clean`: into the first empty slot of the probe; the
    /// table has no dummies and the key is absent. Counts are the caller's.
    fn insert_clean(&mut self, key: K, hash: i64) {
        for i in Probe::new(hash, self.mask()) {
            if let Some(slot @ Slot::Empty) = self.table.get_mut(i) {
                *slot = Slot::Active { hash, key };
                return;
            }
        }
    }

    /// `s.discard(key)` (`set_discard_entry`): the removed key, if it was
    /// there. Leaves a dummy; never resizes.
    pub fn discard<E>(
        &mut self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<K>, E> {
        let slot = self.lookup(hash, |stored| eq(stored, key))?;
        Ok(slot.and_then(|i| self.remove_at(i)))
    }

    /// [`discard`](Self::discard) with an infallible predicate.
    pub fn discard_by(&mut self, hash: i64, mut pred: impl FnMut(&K) -> bool) -> Option<K> {
        let slot = self.lookup(hash, |k| Ok::<bool, ()>(pred(k))).ok()??;
        self.remove_at(slot)
    }

    /// Removes the key in slot `slot` (a position from
    /// [`candidates`](Self::candidates) or [`next_from`](Self::next_from)).
    pub fn remove_at(&mut self, slot: usize) -> Option<K> {
        match self.table.get_mut(slot) {
            Some(s @ Slot::Active { .. }) => match mem::replace(s, Slot::Dummy) {
                Slot::Active { key, .. } => {
                    self.used -= 1;
                    self.touch();
                    Some(key)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `s.pop()` (`set_pop`): the first key at or after the finger,
    /// wrapping around; `None` when empty (CPython's `KeyError`).
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table.get(i), Some(Slot::Active { .. })) {
            i = if i >= mask { 0 } else { i + 1 };
        }
        self.finger = i + 1;
        self.remove_at(i)
    }

    /// `s.clear()`: back to an empty minimum-size table (the finger stays,
    /// as in CPython).
    pub fn clear(&mut self) {
        self.touch();
        self.table = Self::empty_slots(MIN_SIZE);
        self.fill = 0;
        self.used = 0;
    }

    // ---- step-wise lookups for re-entrant callers -------------------------

    /// Slots whose key has this hash, in the order a lookup compares them,
    /// up to the first empty slot. A caller that must release the table
    /// while comparing (user `__eq__` may touch the set) compares these in
    /// order; if [`version`](Self::version) changed meanwhile, it starts
    /// over, as CPython restarts a probe when the table mutated. The first
    /// equal key is the set's; if none is equal, the key is absent.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut found = Vec::new();
        for i in Probe::new(hash, self.mask()) {
            match self.table.get(i) {
                Some(Slot::Active { hash: h, .. }) if *h == hash => found.push(i),
                Some(Slot::Active { .. }) | Some(Slot::Dummy) => {}
                Some(Slot::Empty) | None => break,
            }
        }
        found
    }

    /// The key in slot `slot`, if that slot is active.
    pub fn key_at(&self, slot: usize) -> Option<&K> {
        match self.table.get(slot) {
            Some(Slot::Active { key, .. }) => Some(key),
            _ => None,
        }
    }

    // ---- iteration -------------------------------------------------------

    /// The first active slot at or after `pos`, with its key and hash: one
    /// step of a set iterator (`setiter_iternext`), which resumes at the
    /// returned slot plus one. CPython's iterator also checks that `len`
    /// did not change ("Set changed size during iteration").
    pub fn next_from(&self, pos: usize) -> Option<(usize, &K, i64)> {
        self.table
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, slot)| match slot {
                Slot::Active { hash, key } => Some((i, key, *hash)),
                _ => None,
            })
    }

    /// The keys in table order (`iter(s)`, `list(s)`, `repr(s)`).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.iter_with_hash().map(|(k, _)| k)
    }

    /// The keys with their hashes, in table order.
    pub fn iter_with_hash(&self) -> impl DoubleEndedIterator<Item = (&K, i64)> + '_ {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((key, *hash)),
            _ => None,
        })
    }

    /// `hash(frozenset)` (`frozenset_hash`): order-independent, from the
    /// keys' hashes alone.
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = self
            .iter_with_hash()
            .fold(0u64, |acc, (_, h)| acc ^ shuffle_bits(h as u64));
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash as i64
        }
    }
}

impl<K: Clone> SetTable<K> {
    /// `s.copy()` / `set(s)` / `frozenset(s)` (`set_copy`: a new set, then
    /// `set_merge`). The copy may be laid out (and so iterate) differently
    /// from `self`.
    pub fn copy(&self) -> Self {
        let mut result = SetTable::new();
        if self.used > 0 {
            result.reserve_for_merge(self.used);
            result.fill_from(self);
        }
        result
    }

    /// `set_merge`'s presizing: before adding `incoming` keys at once (from
    /// a set or a dict), grow as `set_merge` and `set_update_internal` do.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// `s.update(other)` / `s |= other` for a set `other` (`set_merge`).
    /// (`s.update(s)` is a no-op in CPython; the borrow rules make the
    /// caller handle it.)
    pub fn merge<E>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        self.reserve_for_merge(other.used);
        if self.fill == 0 {
            self.fill_from(other);
            return Ok(());
        }
        for (key, hash) in other.iter_with_hash() {
            self.add(key.clone(), hash, &mut eq)?;
        }
        Ok(())
    }

    /// `set_merge` after presizing, when `self` has no active or dummy
    /// slot: no comparisons.
    fn fill_from(&mut self, other: &SetTable<K>) {
        self.touch();
        if self.table.len() == other.table.len() && other.fill == other.used {
            // Same size, no dummies: slot for slot.
            for (mine, theirs) in self.table.iter_mut().zip(&other.table) {
                if let Slot::Active { hash, key } = theirs {
                    *mine = Slot::Active {
                        hash: *hash,
                        key: key.clone(),
                    };
                }
            }
            self.fill = other.fill;
        } else {
            for (key, hash) in other.iter_with_hash() {
                self.insert_clean(key.clone(), hash);
            }
            self.fill = other.used;
        }
        self.used = other.used;
    }

    /// `a | b` / `a.union(b)` for sets: a copy of `a` merged with `b`.
    pub fn union<E>(
        &self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = self.copy();
        if !std::ptr::eq(self, other) {
            result.merge(other, eq)?;
        }
        Ok(result)
    }

    /// `a & b` / `a.intersection(b)` for sets (`set_intersection`): iterates
    /// the smaller set (`b` on a tie) and adds the keys found in the other,
    /// in that order. The kept key object is the iterated set's.
    pub fn intersection<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        if std::ptr::eq(self, other) {
            return Ok(self.copy());
        }
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut result = SetTable::new();
        for (key, hash) in small.iter_with_hash() {
            if big.contains(key, hash, &mut eq)? {
                result.add(key.clone(), hash, &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `a.intersection(iterable)` for a non-set iterable yielding
    /// `(key, hash)` (or the error of iterating or hashing): adds the keys
    /// found in `self`, stopping early once every key of `self` was found.
    pub fn intersection_iter<E>(
        &self,
        items: impl IntoIterator<Item = Result<(K, i64), E>>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = SetTable::new();
        for item in items {
            let (key, hash) = item?;
            if self.contains(&key, hash, &mut eq)? {
                result.add(key, hash, &mut eq)?;
                if result.len() >= self.len() {
                    break;
                }
            }
        }
        Ok(result)
    }

    /// Whether `set_difference` copies `self` and removes `other`'s keys
    /// (when `self` is over four times larger) rather than building a new
    /// set from `self`'s keys missing from `other`. For a dict operand the
    /// caller picks: copy + [`difference_update_iter`](Self::difference_update_iter)
    /// over the dict's keys, or [`difference_by`](Self::difference_by).
    pub fn difference_copies(self_len: usize, other_len: usize) -> bool {
        (self_len >> 2) > other_len
    }

    /// `a - b` / `a.difference(b)` for sets (`set_difference`).
    pub fn difference<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        if Self::difference_copies(self.len(), other.len()) {
            let mut result = self.copy();
            result.difference_update(other, eq)?;
            return Ok(result);
        }
        let mut result = SetTable::new();
        for (key, hash) in self.iter_with_hash() {
            if !other.contains(key, hash, &mut eq)? {
                result.add(key.clone(), hash, &mut eq)?;
            }
        }
        Ok(result)
    }

    /// The second path of `set_difference` for any container: `self`'s
    /// keys, in table order, that `contains(key, hash)` rejects.
    pub fn difference_by<E>(
        &self,
        mut contains: impl FnMut(&K, i64) -> Result<bool, E>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = SetTable::new();
        for (key, hash) in self.iter_with_hash() {
            if !contains(key, hash)? {
                result.add(key.clone(), hash, &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `a -= b` / `a.difference_update(b)` for sets
    /// (`set_difference_update_internal`). (`a -= a` clears `a` in CPython;
    /// the borrow rules make the caller handle it.)
    pub fn difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if (other.len() >> 3) > self.len() {
            // Remove only the common keys: iterate their intersection.
            let common = self.intersection(other, &mut eq)?;
            for (key, hash) in common.iter_with_hash() {
                self.discard(key, hash, &mut eq)?;
            }
        } else {
            for (key, hash) in other.iter_with_hash() {
                self.discard(key, hash, &mut eq)?;
            }
        }
        self.shrink_after_removals();
        Ok(())
    }

    /// `a.difference_update(iterable)` for a non-set iterable yielding
    /// `(key, hash)` or the error of iterating or hashing it.
    pub fn difference_update_iter<E>(
        &mut self,
        items: impl IntoIterator<Item = Result<(K, i64), E>>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        for item in items {
            let (key, hash) = item?;
            self.discard(&key, hash, &mut eq)?;
        }
        self.shrink_after_removals();
        Ok(())
    }

    /// The end of `set_difference_update_internal`: more than a quarter of
    /// the table in dummies → rebuild.
    fn shrink_after_removals(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    /// `a ^= b` / `a.symmetric_difference_update(b)` for sets: for each key
    /// of `b` in table order, remove it from `a` or else add it. (`a ^= a`
    /// clears `a` in CPython; the caller handles it.)
    pub fn symmetric_difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        self.symmetric_difference_update_iter(
            other.iter_with_hash().map(|(k, h)| (k.clone(), h)),
            eq,
        )
    }

    /// The loop of `set_symmetric_difference_update` over distinct keys
    /// with their hashes: a dict's items, or a set the caller built from a
    /// general iterable (CPython first makes a set of it).
    pub fn symmetric_difference_update_iter<E>(
        &mut self,
        items: impl IntoIterator<Item = (K, i64)>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        for (key, hash) in items {
            if self.discard(&key, hash, &mut eq)?.is_none() {
                self.add(key, hash, &mut eq)?;
            }
        }
        Ok(())
    }

    /// `a ^ b` / `a.symmetric_difference(b)` for sets: a copy of `b`,
    /// updated with `a`'s keys.
    pub fn symmetric_difference<E>(
        &self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = other.copy();
        result.symmetric_difference_update(self, eq)?;
        Ok(result)
    }
}

impl<K> SetTable<K> {
    /// `a <= b` / `a.issubset(b)` for sets; `a >= b` is `b.is_subset(a)`;
    /// `a == b` is equal lengths and `a.is_subset(b)`.
    pub fn is_subset<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.len() > other.len() {
            return Ok(false);
        }
        for (key, hash) in self.iter_with_hash() {
            if !other.contains(key, hash, &mut eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a.isdisjoint(b)` for sets: iterates the smaller one.
    pub fn is_disjoint<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if std::ptr::eq(self, other) {
            return Ok(self.is_empty());
        }
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        for (key, hash) in small.iter_with_hash() {
            if big.contains(key, hash, &mut eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(a: &i64, b: &i64) -> Result<bool, ()> {
        Ok(a == b)
    }

    fn set_of(keys: impl IntoIterator<Item = i64>) -> SetTable<i64> {
        let mut s = SetTable::new();
        for k in keys {
            s.add(k, k, eq).unwrap();
        }
        s
    }

    fn list(s: &SetTable<i64>) -> Vec<i64> {
        s.iter().copied().collect()
    }

    #[test]
    fn small_ints_iterate_like_cpython() {
        // python3.11: list({5, 1, 9, 33, 17}) after adds in that order.
        assert_eq!(list(&set_of([5, 1, 9, 33, 17])), [1, 33, 5, 9, 17]);
        // hash(-1) == hash(-2) == -2: the second probes past the first.
        let mut s = SetTable::new();
        for k in [-2, -1] {
            s.add(k, crate::vm::table::hash::hash_i64(k), eq).unwrap();
        }
        assert_eq!(list(&s), [-2, -1]); // python3.11 agrees
    }

    #[test]
    fn growth_follows_fill_and_used() {
        let mut s = set_of(0..4);
        assert_eq!(s.capacity(), 8);
        s.add(4, 4, eq).unwrap(); // fill 5: 5*5 >= 7*3 -> 4*5 = 20 -> 32
        assert_eq!(s.capacity(), 32);
        for k in 0..5 {
            s.discard(&k, k, eq).unwrap();
        }
        assert_eq!((s.len(), s.fill(), s.capacity()), (0, 5, 32));
        s.add(0, 0, eq).unwrap(); // reuses the dummy in its home slot
        assert_eq!(s.fill(), 5);
    }

    #[test]
    fn a_failing_comparison_is_returned() {
        let mut s = set_of([1, 2, 3]);
        let boom = |_: &i64, _: &i64| Err::<bool, &str>("boom");
        assert_eq!(s.add(2, 2, boom), Err("boom"));
        assert_eq!(s.contains(&3, 3, boom), Err("boom"));
        assert_eq!(s.discard(&1, 1, boom), Err("boom"));
        assert_eq!(s.add(4, 4, boom), Ok(true)); // nothing with hash 4
        let other = set_of([3]);
        assert_eq!(s.intersection(&other, boom).err(), Some("boom"));
        assert_eq!(s.difference(&other, boom).err(), Some("boom"));
        assert_eq!(list(&s), [1, 2, 3, 4]);
    }

    #[test]
    fn pop_walks_from_the_finger() {
        // python3.11: 9 collides with 1 and lands after 2 and 3; re-adding
        // 1 reuses its dummy slot, behind the finger.
        let mut s = set_of([1, 2, 3, 9]);
        assert_eq!(s.pop(), Some(1));
        assert_eq!(s.pop(), Some(2));
        s.add(1, 1, eq).unwrap();
        assert_eq!(s.pop(), Some(3));
        assert_eq!(s.pop(), Some(9));
        assert_eq!(s.pop(), Some(1)); // wrapped around
        assert_eq!(s.pop(), None);
    }

    #[test]
    fn step_wise_insert_matches_add() {
        let mut a = SetTable::new();
        let mut b = SetTable::new();
        for (i, k) in [8i64, 16, 0, 24, 8, 3, 16, 40].into_iter().enumerate() {
            a.add(k, k, eq).unwrap();
            let present = b
                .candidates(k)
                .into_iter()
                .any(|slot| b.key_at(slot) == Some(&k));
            if !present {
                b.insert_absent(k, k);
            }
            if i == 4 {
                a.discard(&16, 16, eq).unwrap();
                let slot = b.candidates(16)[0];
                assert_eq!(b.remove_at(slot), Some(16));
                assert_eq!(b.remove_at(slot), None);
            }
        }
        assert_eq!(list(&a), list(&b));
        assert_eq!(a.fill(), b.fill());
    }

    #[test]
    fn iteration_by_position() {
        let s = set_of([3, 1]);
        let (p, k, h) = s.next_from(0).unwrap();
        assert_eq!((p, *k, h), (1, 1, 1));
        let (p, k, _) = s.next_from(p + 1).unwrap();
        assert_eq!((p, *k), (3, 3));
        assert!(s.next_from(p + 1).is_none());
        assert!(s.next_from(1000).is_none());
        assert_eq!(s.get_by(3, |k| *k == 3), Some(&3));
        assert_eq!(s.get(&1, 1, eq), Ok(Some(&1)));
    }

    #[test]
    fn versions_and_identity_cases() {
        let mut s = set_of([1, 2]);
        let v = s.version();
        assert!(!s.add(1, 1, eq).unwrap());
        assert_eq!(s.version(), v);
        s.discard_by(2, |k| *k == 2).unwrap();
        assert_ne!(s.version(), v);
        assert_eq!(list(&s.intersection(&s, eq).unwrap()), [1]);
        assert_eq!(list(&s.union(&s, eq).unwrap()), [1]);
        assert!(!s.is_disjoint(&s, eq).unwrap());
        assert!(s.symmetric_difference(&s, eq).unwrap().is_empty());
        s.clear();
        assert!(s.is_empty() && s.capacity() == MIN_SIZE);
    }

    #[test]
    fn frozenset_hash_ignores_order_and_dummies() {
        let a = set_of([1, 2, 3, 100, -7]);
        let mut b = set_of([-7, 100, 55, 3, 2, 1]);
        b.discard(&55, 55, eq).unwrap();
        assert_eq!(a.frozenset_hash(), b.frozenset_hash());
        // python3.11: hash(frozenset()) == 133146708735736
        assert_eq!(SetTable::<i64>::new().frozenset_hash(), 133_146_708_735_736);
    }
}
