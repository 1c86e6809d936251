//! multiprocessing.Pipe between processes: the programs of
//! `tests/threads/mp_pipe/` (ping-pong over a duplex pipe; one-way ends,
//! poll, bytes, copies, the errors of a wrong or closed end, an end
//! dropped without close() under fork and spawn) print what
//! python3 printed for them under every runtime model.

#[path = "common/threads.rs"]
mod threads;

#[test]
fn programs_match_cpython() {
    threads::check_dir("mp_pipe", 4);
}

#[test]
fn expectations_are_fresh() {
    threads::expectations_fresh("mp_pipe");
}
