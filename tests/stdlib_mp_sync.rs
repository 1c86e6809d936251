//! multiprocessing's Lock, RLock, Condition, Event, Semaphore and Barrier
//! shared by processes: the programs of `tests/threads/mp_sync/` (a
//! counter kept exact by a Lock, workers started together by an Event, at
//! most two inside a Semaphore(2), phases separated by a Barrier, a
//! producer notifying consumers through a Condition, who may release an
//! RLock or a Lock; the last two under fork and spawn) print what python3
//! printed for them under every runtime model.

#[path = "common/threads.rs"]
mod threads;

#[test]
fn programs_match_cpython() {
    threads::check_dir("mp_sync", 2);
}

#[test]
fn expectations_are_fresh() {
    threads::expectations_fresh("mp_sync");
}
