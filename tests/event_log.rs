//! The event log is deterministic: the same program, runtime and seed give
//! the same log (length and digest) as recorded in `tests/logs/digests.txt`,
//! which the browser test checks wasm32 against too. After a deliberate
//! change to the runtime, rewrite the file with
//! `INTERLEAVE_BLESS=1 cargo test --test event_log` and say why in the
//! commit.

#[path = "common/event_logs.rs"]
mod event_logs;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/logs/digests.txt");

#[test]
fn logs_match_the_recorded_digests() {
    let now = event_logs::digest_lines();
    // Twice in one process: nothing outside the seed leaks in.
    assert_eq!(event_logs::digest_lines(), now);
    if std::env::var_os("INTERLEAVE_BLESS").is_some() {
        std::fs::write(FILE, &now).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(FILE).unwrap();
    assert_eq!(
        now, recorded,
        "event logs changed; if intended, rerun with INTERLEAVE_BLESS=1"
    );
}
