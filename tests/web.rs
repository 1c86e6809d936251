//! wasm tests in headless Chromium (`wasm-pack test --headless --chrome`),
//! run by `./x test` against both builds: the threaded one starts a real
//! rayon pool on Web Workers and checks a parallel result; the plain one
//! runs in a page that is not cross-origin isolated, as an embed does.
//! Both check that the conformance corpus and the event logs come out as
//! they do natively.
#![cfg(target_arch = "wasm32")]

use interleave::lab::primes::{count_primes_below, count_primes_below_par};
use wasm_bindgen_test::*;

#[path = "common/conformance.rs"]
mod common;

include!(concat!(env!("OUT_DIR"), "/conformance_cases.rs"));

#[path = "common/event_logs.rs"]
mod event_logs;

wasm_bindgen_test_configure!(run_in_browser);

/// The conformance suite compiled to wasm32 and run in the browser must
/// print what it prints natively: what CPython printed.
#[wasm_bindgen_test]
fn conformance_suite_matches_cpython_in_the_browser() {
    let (passed, unexpected, now_passing) = common::run_corpus(CASES);
    web_sys::console::log_1(
        &format!(
            "{passed}/{} conformance programs match CPython in wasm",
            CASES.len()
        )
        .into(),
    );
    assert!(
        unexpected.is_empty(),
        "programs that differ in wasm:\n{}",
        unexpected.join("\n")
    );
    assert!(
        now_passing.is_empty(),
        "listed as failing but passing in wasm: {}",
        now_passing.join(" ")
    );
}

/// The same program, runtime and seed give the same event log in wasm32
/// as natively (`tests/event_log.rs` checks the same recorded digests).
#[wasm_bindgen_test]
fn event_logs_are_the_same_as_natively() {
    assert_eq!(
        event_logs::digest_lines(),
        include_str!("logs/digests.txt"),
        "the wasm32 event logs differ from the native ones"
    );
}

/// The lab's shared-memory primitives on Web Workers.
#[cfg(feature = "threads")]
#[path = "web_lab.rs"]
mod lab;

#[cfg(feature = "threads")]
mod threads {
    use super::*;
    use interleave::lab::pool;

    #[wasm_bindgen_test]
    async fn pool_starts_and_counts_primes_like_one_thread() {
        let isolated =
            js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into()).unwrap();
        assert!(
            isolated.is_truthy(),
            "the test page must be cross-origin isolated"
        );
        let workers = pool::start(2).await.expect("the pool starts");
        assert_eq!(workers, 2);
        assert_eq!(pool::workers(), Some(2));

        let limit = 3_000_000;
        let single = pool::run_timed(move || count_primes_below(limit))
            .await
            .unwrap();
        let parallel = pool::run_timed(move || count_primes_below_par(limit))
            .await
            .unwrap();
        assert_eq!(single.value, 216_816);
        assert_eq!(parallel.value, single.value);
        assert!(single.millis > 0.0 && parallel.millis > 0.0);

        // The job really ran on more than one worker: each segment records
        // the rayon thread that counted it.
        let used = pool::run_timed(|| {
            use rayon::prelude::*;
            use std::collections::BTreeSet;
            (0..64)
                .into_par_iter()
                .map(|i| {
                    // Enough work per item that both workers pick some up.
                    let _ = count_primes_below(200_000 + i);
                    rayon::current_thread_index()
                })
                .collect::<BTreeSet<_>>()
        })
        .await
        .unwrap();
        assert_eq!(used.value.len(), 2, "threads used: {:?}", used.value);
    }
}

#[cfg(not(feature = "threads"))]
mod plain {
    use super::*;

    #[wasm_bindgen_test]
    fn plain_build_runs_without_isolation_and_has_no_pool() {
        let isolated =
            js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into()).unwrap();
        assert!(
            !isolated.is_truthy(),
            "the plain test page is not cross-origin isolated"
        );
        assert_eq!(interleave::lab::pool::workers(), None);
        assert_eq!(interleave::web::build_kind(), "plain");
    }

    #[wasm_bindgen_test]
    fn plain_build_counts_on_the_current_thread() {
        assert_eq!(count_primes_below(1_000_000), 78_498);
        assert_eq!(count_primes_below_par(1_000_000), 78_498);
    }
}
