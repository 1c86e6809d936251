//! The hash table behind `dict` (and anything keyed like it: instance and
//! module namespaces, keyword arguments): insertion-ordered as in CPython
//! 3.7+.
//!
//! Layout: an entries vector in insertion order, with `None` tombstones
//! where keys were deleted, plus an index (`hashbrown::HashTable`) from a
//! key's hash to its entry's position. Iteration walks the entries, so the
//! order is insertion order and does not depend on the index. An existing
//! key keeps its position and its original key object when its value is
//! replaced. Tombstones at the end are dropped at once (so `popitem` in a
//! loop stays O(1)); elsewhere they are compacted away once they outnumber
//! the live entries, so deleting never makes iteration quadratic.
//! Compaction moves positions: [`Dict::layout`] changes when it happens.
//!
//! Keys are any `K`; the table never hashes or compares them itself. Every
//! lookup takes the key's hash (Python's `Py_hash_t`) and an equality
//! callback `eq(stored, probe)` that may fail (a user `__eq__` can raise);
//! the error is returned as is. The callback must behave like
//! `PyObject_RichCompareBool`: identical objects are equal. Callers that
//! must release the dict while comparing use the step-wise
//! [`Dict::candidates`] / [`Dict::insert_absent`] interface.
//!
//! This module must never know about interpreter values and never panic,
//! whatever the callbacks return.

use hashbrown::HashTable;

/// One live entry: the key's hash (cached, as CPython does), key, value.
#[derive(Clone, Debug)]
pub struct DictEntry<K, V> {
    pub hash: i64,
    pub key: K,
    pub value: V,
}

/// An insertion-ordered dict table. Positions (`pos`) index the entries
/// vector; they are stable until [`layout`](Dict::layout) changes.
#[derive(Clone, Debug)]
pub struct Dict<K, V> {
    /// Insertion order; `None` is a deleted entry. Invariant: the last
    /// element, if any, is `Some`.
    entries: Vec<Option<DictEntry<K, V>>>,
    /// Positions of the live entries, hashed by [`spread`] of their hash.
    index: HashTable<usize>,
    /// Live entries.
    len: usize,
    /// Bumped by every mutation.
    version: u64,
    /// Bumped whenever positions move (compaction, clear).
    layout: u64,
    /// Changes whenever the set of keys or their positions change (insert
    /// of a new key, removal, compaction, clear), not when a value is
    /// replaced: CPython's `dk_version`, what global-lookup caches check.
    /// Values come from one counter shared by all dicts of the thread, so
    /// a new dict never repeats an old one's.
    keys_version: u64,
}

thread_local! {
    static NEXT_KEYS_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_keys_version() -> u64 {
    NEXT_KEYS_VERSION.with(|c| {
        let v = c.get();
        c.set(v.wrapping_add(1));
        v
    })
}

impl<K, V> Default for Dict<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// Python hashes of small ints are the ints themselves; hashbrown takes
/// its bucket from the low bits and a tag from the top 7, so mix all bits
/// everywhere first (murmur3's finalizer, a bijection).
fn spread(hash: i64) -> u64 {
    let mut x = hash as u64;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The index hash of the entry at `pos` (0 for a position that is not
/// live, which the index never holds).
fn entry_spread<K, V>(entries: &[Option<DictEntry<K, V>>], pos: usize) -> u64 {
    match entries.get(pos) {
        Some(Some(e)) => spread(e.hash),
        _ => 0,
    }
}

impl<K, V> Dict<K, V> {
    pub fn new() -> Self {
        Dict {
            entries: Vec::new(),
            index: HashTable::new(),
            len: 0,
            version: 0,
            layout: 0,
            keys_version: 0,
        }
    }

    /// A dict with room for `n` entries without reallocating.
    pub fn with_capacity(n: usize) -> Self {
        Dict {
            entries: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
            ..Self::new()
        }
    }

    /// Makes room for `additional` more entries.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
        let entries = &self.entries;
        self.index
            .reserve(additional, |&pos| entry_spread(entries, pos));
    }

    /// `len(d)`.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Changes on every mutation (insert, value replacement, `get_mut`,
    /// removal, clear); never repeats. For "dictionary changed size during
    /// iteration" compare [`len`](Self::len), as CPython does.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// See the field: changes when keys are added or removed or move, and
    /// only then; never repeats across dicts (0 only for a new, empty
    /// dict).
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Changes whenever entry positions move (compaction or clear): an
    /// iterator holding a position must resynchronize.
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// One past the last position (the entries vector's length).
    pub fn end(&self) -> usize {
        self.entries.len()
    }

    fn touch(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    // ---- lookups ---------------------------------------------------------

    /// The position of the first live entry with this hash whose key
    /// `pred` accepts.
    fn lookup<E>(
        &self,
        hash: i64,
        mut pred: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        for &pos in self.index.iter_hash(spread(hash)) {
            if let Some(Some(e)) = self.entries.get(pos) {
                if e.hash == hash && pred(&e.key)? {
                    return Ok(Some(pos));
                }
            }
        }
        Ok(None)
    }

    /// The position of `key`, if present (for `setdefault`-like callers
    /// that then use [`value_at_mut`](Self::value_at_mut)).
    pub fn find<E>(
        &self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        self.lookup(hash, |stored| eq(stored, key))
    }

    /// `d[key]` / `d.get(key)`: the value, if present.
    pub fn get<E>(
        &self,
        key: &K,
        hash: i64,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<&V>, E> {
        let pos = self.find(key, hash, eq)?;
        Ok(pos.and_then(|p| self.entry_at(p)).map(|(_, v)| v))
    }

    /// The stored key and value equal to `key`, if present.
    pub fn get_key_value<E>(
        &self,
        key: &K,
        hash: i64,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<(&K, &V)>, E> {
        let pos = self.find(key, hash, eq)?;
        Ok(pos.and_then(|p| self.entry_at(p)))
    }

    /// The value of `key`, mutably (counts as a mutation for `version`).
    pub fn get_mut<E>(
        &mut self,
        key: &K,
        hash: i64,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<&mut V>, E> {
        let pos = self.find(key, hash, eq)?;
        Ok(pos.and_then(|p| self.value_at_mut(p)))
    }

    /// Fast path for keys that compare without failing (identity, interned
    /// strings): the value of the key with this hash that `pred` accepts.
    pub fn get_by(&self, hash: i64, mut pred: impl FnMut(&K) -> bool) -> Option<&V> {
        let pos = self.lookup(hash, |k| Ok::<bool, ()>(pred(k))).ok()??;
        self.entry_at(pos).map(|(_, v)| v)
    }

    /// [`get_by`](Self::get_by), mutably.
    pub fn get_mut_by(&mut self, hash: i64, mut pred: impl FnMut(&K) -> bool) -> Option<&mut V> {
        let pos = self.lookup(hash, |k| Ok::<bool, ()>(pred(k))).ok()??;
        self.value_at_mut(pos)
    }

    /// The position of the key with this hash that `pred` accepts.
    pub fn find_by(&self, hash: i64, mut pred: impl FnMut(&K) -> bool) -> Option<usize> {
        self.lookup(hash, |k| Ok::<bool, ()>(pred(k))).ok()?
    }

    // ---- insertion and removal -------------------------------------------

    /// `d[key] = value`: returns the old value if the key was present (it
    /// keeps its position and its original key object; `key` is dropped),
    /// else appends a new entry.
    pub fn insert<E>(
        &mut self,
        key: K,
        hash: i64,
        value: V,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<V>, E> {
        match self.lookup(hash, |stored| eq(stored, &key))? {
            Some(pos) => match self.value_at_mut(pos) {
                Some(slot) => Ok(Some(std::mem::replace(slot, value))),
                None => Ok(None),
            },
            None => {
                self.insert_absent(key, hash, value);
                Ok(None)
            }
        }
    }

    /// Appends an entry for a key the caller knows is absent (all
    /// [`candidates`](Self::candidates) compared unequal, or the keys are
    /// distinct by construction). Returns its position.
    pub fn insert_absent(&mut self, key: K, hash: i64, value: V) -> usize {
        self.touch();
        self.keys_version = next_keys_version();
        let pos = self.entries.len();
        self.entries.push(Some(DictEntry { hash, key, value }));
        let entries = &self.entries;
        self.index
            .insert_unique(spread(hash), pos, |&p| entry_spread(entries, p));
        self.len += 1;
        pos
    }

    /// `del d[key]` / `d.pop(key)`: the removed key and value, if present.
    /// The other entries keep their order.
    pub fn remove<E>(
        &mut self,
        key: &K,
        hash: i64,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<(K, V)>, E> {
        let pos = self.find(key, hash, eq)?;
        Ok(pos.and_then(|p| self.remove_at(p)))
    }

    /// [`remove`](Self::remove) with an infallible predicate.
    pub fn remove_by(&mut self, hash: i64, pred: impl FnMut(&K) -> bool) -> Option<(K, V)> {
        let pos = self.find_by(hash, pred)?;
        self.remove_at(pos)
    }

    /// Removes the entry at `pos`, if live. May compact (see
    /// [`layout`](Self::layout)).
    pub fn remove_at(&mut self, pos: usize) -> Option<(K, V)> {
        let hash = match self.entries.get(pos) {
            Some(Some(e)) => e.hash,
            _ => return None,
        };
        if let Ok(found) = self.index.find_entry(spread(hash), |&p| p == pos) {
            found.remove();
        }
        let entry = self.entries.get_mut(pos)?.take()?;
        self.len -= 1;
        self.touch();
        self.keys_version = next_keys_version();
        self.after_removal();
        Some((entry.key, entry.value))
    }

    /// `d.popitem()`: the last entry (LIFO); `None` when empty (CPython's
    /// `KeyError: 'popitem(): dictionary is empty'`).
    pub fn pop_last(&mut self) -> Option<(K, V)> {
        let pos = self.entries.len().checked_sub(1)?;
        self.remove_at(pos)
    }

    /// Drops trailing tombstones; compacts when tombstones outnumber live
    /// entries (amortized O(1) per removal).
    fn after_removal(&mut self) {
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        let dead = self.entries.len() - self.len;
        if dead > self.len && dead >= 8 {
            self.compact();
        }
    }

    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.index.clear();
        let entries = &self.entries;
        for (pos, entry) in entries.iter().enumerate() {
            if let Some(e) = entry {
                self.index
                    .insert_unique(spread(e.hash), pos, |&p| entry_spread(entries, p));
            }
        }
        self.layout = self.layout.wrapping_add(1);
        self.keys_version = next_keys_version();
    }

    /// `d.clear()`.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
        self.touch();
        self.layout = self.layout.wrapping_add(1);
        self.keys_version = next_keys_version();
    }

    // ---- positions -------------------------------------------------------

    /// Positions of live entries with this hash. A caller that must
    /// release the dict while comparing (user `__eq__` may touch it)
    /// compares their keys itself; if [`version`](Self::version) changed
    /// meanwhile it starts over. If none is equal the key is absent.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        self.index
            .iter_hash(spread(hash))
            .copied()
            .filter(|&pos| matches!(self.entries.get(pos), Some(Some(e)) if e.hash == hash))
            .collect()
    }

    /// The key and value at `pos`, if live.
    pub fn entry_at(&self, pos: usize) -> Option<(&K, &V)> {
        match self.entries.get(pos) {
            Some(Some(e)) => Some((&e.key, &e.value)),
            _ => None,
        }
    }

    /// The hash of the key at `pos`, if live.
    pub fn hash_at(&self, pos: usize) -> Option<i64> {
        match self.entries.get(pos) {
            Some(Some(e)) => Some(e.hash),
            _ => None,
        }
    }

    /// The value at `pos`, mutably (counts as a mutation for `version`).
    pub fn value_at_mut(&mut self, pos: usize) -> Option<&mut V> {
        self.version = self.version.wrapping_add(1);
        match self.entries.get_mut(pos) {
            Some(Some(e)) => Some(&mut e.value),
            _ => None,
        }
    }

    /// The first live position at or after `pos`, with its entry: one step
    /// of a dict iterator, which resumes at the returned position plus one.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &K, &V)> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(p, e)| e.as_ref().map(|e| (p, &e.key, &e.value)))
    }

    /// The last live position strictly before `end`, with its entry: one
    /// step of `reversed(d)`, which starts from [`end`](Self::end).
    pub fn prev_before(&self, end: usize) -> Option<(usize, &K, &V)> {
        let end = end.min(self.entries.len());
        self.entries[..end]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(p, e)| e.as_ref().map(|e| (p, &e.key, &e.value)))
    }

    // ---- iteration -------------------------------------------------------

    /// Entries in insertion order (reversible: `reversed(d)`).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|e| (&e.key, &e.value)))
    }

    /// Entries with their hashes, in insertion order.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &DictEntry<K, V>> + '_ {
        self.entries.iter().filter_map(Option::as_ref)
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// Values in insertion order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// Values in insertion order, mutably (counts as a mutation).
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + '_ {
        self.version = self.version.wrapping_add(1);
        self.entries
            .iter_mut()
            .filter_map(|e| e.as_mut().map(|e| &mut e.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(a: &i64, b: &i64) -> Result<bool, ()> {
        Ok(a == b)
    }

    fn keys(d: &Dict<i64, i64>) -> Vec<i64> {
        d.keys().copied().collect()
    }

    fn dict_of(keys: impl IntoIterator<Item = i64>) -> Dict<i64, i64> {
        let mut d = Dict::new();
        for k in keys {
            d.insert(k, k, k * 10, eq).unwrap();
        }
        d
    }

    #[test]
    fn replacing_keeps_position_and_original_key() {
        // Keys equal when equal mod 100, all hashing alike: like 1 and 1.0.
        let mut d: Dict<i64, &str> = Dict::new();
        let mod_eq = |a: &i64, b: &i64| Ok::<bool, ()>(a % 100 == b % 100);
        d.insert(1, 7, "a", mod_eq).unwrap();
        d.insert(2, 7, "b", mod_eq).unwrap();
        assert_eq!(d.insert(101, 7, "c", mod_eq), Ok(Some("a")));
        let items: Vec<_> = d.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(items, [(1, "c"), (2, "b")]);
    }

    #[test]
    fn a_failing_comparison_is_returned_and_changes_nothing() {
        let mut d = dict_of([1, 2, 3]);
        let version = d.version();
        let boom = |_: &i64, _: &i64| Err::<bool, &str>("boom");
        assert_eq!(d.insert(2, 2, 0, boom), Err("boom"));
        assert_eq!(d.get(&2, 2, boom), Err("boom"));
        assert_eq!(d.remove(&2, 2, boom), Err("boom"));
        // No key has hash 9: nothing to compare, so no error.
        assert_eq!(d.get(&9, 9, boom), Ok(None));
        assert_eq!(d.version(), version);
        assert_eq!(keys(&d), [1, 2, 3]);
    }

    #[test]
    fn removal_keeps_order_and_popitem_is_lifo() {
        let mut d = dict_of(0..10);
        d.remove(&3, 3, eq).unwrap();
        d.remove(&7, 7, eq).unwrap();
        assert_eq!(keys(&d), [0, 1, 2, 4, 5, 6, 8, 9]);
        assert_eq!(d.pop_last(), Some((9, 90)));
        assert_eq!(d.pop_last(), Some((8, 80)));
        assert_eq!(d.pop_last(), Some((6, 60)));
        d.insert(3, 3, 0, eq).unwrap();
        assert_eq!(keys(&d), [0, 1, 2, 4, 5, 3]);
        assert_eq!(
            keys(&d).into_iter().rev().collect::<Vec<_>>(),
            [3, 5, 4, 2, 1, 0]
        );
        let mut empty: Dict<i64, i64> = Dict::new();
        assert_eq!(empty.pop_last(), None);
    }

    #[test]
    fn deleting_from_the_front_compacts() {
        let mut d = dict_of(0..1000);
        let layout = d.layout();
        for k in 0..990 {
            assert!(d.remove(&k, k, eq).unwrap().is_some());
            // The first live entry is never far: tombstones get compacted.
            assert!(d.next_from(0).unwrap().0 <= d.len() + 8);
        }
        assert_ne!(d.layout(), layout);
        assert_eq!(keys(&d), (990..1000).collect::<Vec<_>>());
        for k in 990..1000 {
            assert_eq!(d.get(&k, k, eq), Ok(Some(&(k * 10))));
        }
    }

    #[test]
    fn popitem_in_a_loop_never_compacts() {
        let mut d = dict_of(0..100);
        let layout = d.layout();
        while d.pop_last().is_some() {}
        assert_eq!(d.layout(), layout);
        assert_eq!(d.end(), 0);
    }

    #[test]
    fn version_changes_on_every_mutation() {
        let mut d = dict_of([1]);
        let mut seen = vec![d.version()];
        d.insert(1, 1, 5, eq).unwrap();
        seen.push(d.version());
        d.insert(2, 2, 5, eq).unwrap();
        seen.push(d.version());
        *d.get_mut(&2, 2, eq).unwrap().unwrap() = 6;
        seen.push(d.version());
        d.remove(&1, 1, eq).unwrap();
        seen.push(d.version());
        d.clear();
        seen.push(d.version());
        let mut dedup = seen.clone();
        dedup.dedup();
        assert_eq!(seen, dedup);
        let v = d.version();
        assert_eq!(d.get(&1, 1, eq), Ok(None));
        assert_eq!(d.version(), v);
    }

    #[test]
    fn fast_path_and_positions() {
        let mut d = dict_of([10, 20, 30]);
        assert_eq!(d.get_by(20, |k| *k == 20), Some(&200));
        assert_eq!(d.get_by(20, |_| false), None);
        assert_eq!(d.find_by(30, |k| *k == 30), Some(2));
        *d.get_mut_by(10, |k| *k == 10).unwrap() = 1;
        assert_eq!(d.entry_at(0), Some((&10, &1)));
        assert_eq!(d.hash_at(1), Some(20));
        d.remove_by(20, |k| *k == 20).unwrap();
        assert_eq!(d.entry_at(1), None);
        assert_eq!(d.next_from(1).map(|(p, k, _)| (p, *k)), Some((2, 30)));
        assert_eq!(d.prev_before(2).map(|(p, k, _)| (p, *k)), Some((0, 10)));
        assert_eq!(d.prev_before(d.end()).map(|(p, _, _)| p), Some(2));
        assert_eq!(d.values().copied().collect::<Vec<_>>(), [1, 300]);
        for v in d.values_mut() {
            *v += 1;
        }
        assert_eq!(d.values().copied().collect::<Vec<_>>(), [2, 301]);
    }

    #[test]
    fn step_wise_lookup() {
        // Many keys with one hash, as a caller releasing the dict sees them.
        let mut d: Dict<i64, i64> = Dict::new();
        for k in 0..5 {
            d.insert_absent(k, 42, k);
        }
        let found = d.candidates(42);
        assert_eq!(found.len(), 5);
        let pos = found
            .iter()
            .copied()
            .find(|&p| d.entry_at(p).map(|(k, _)| *k) == Some(3))
            .unwrap();
        assert_eq!(d.remove_at(pos), Some((3, 3)));
        assert_eq!(d.candidates(42).len(), 4);
        assert!(d.candidates(7).is_empty());
        assert_eq!(d.remove_at(pos), None);
        assert_eq!(d.remove_at(1000), None);
        *d.value_at_mut(0).unwrap() = 9;
        assert_eq!(d.get(&0, 42, eq), Ok(Some(&9)));
    }

    #[test]
    fn reserve_and_with_capacity_keep_contents() {
        let mut d: Dict<i64, i64> = Dict::with_capacity(4);
        for k in 0..100 {
            d.insert(k, k % 7, k, eq).unwrap();
            if k % 10 == 0 {
                d.reserve(50);
            }
        }
        for k in 0..100 {
            assert_eq!(d.get(&k, k % 7, eq), Ok(Some(&k)));
        }
        assert_eq!(d.entries().map(|e| e.hash).max(), Some(6));
    }
}
