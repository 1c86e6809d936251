//! One clock for every thread of an experiment, in nanoseconds.
//!
//! Natively: an [`std::time::Instant`] epoch shared by all threads. In the
//! browser each worker has its own `performance.now()` origin, so the time
//! is `performance.timeOrigin + performance.now()` (milliseconds since the
//! Unix epoch, at the resolution a cross-origin isolated page is granted,
//! 5 µs in Chromium), which all workers share. Only differences between
//! two readings mean anything.

/// Now, in nanoseconds since an arbitrary origin shared by all threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ns() -> u64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// Now, in nanoseconds since an arbitrary origin shared by all threads.
#[cfg(target_arch = "wasm32")]
pub fn now_ns() -> u64 {
    use wasm_bindgen::JsCast;
    thread_local! {
        static PERF: Option<web_sys::Performance> =
            js_sys::Reflect::get(&js_sys::global(), &"performance".into())
                .ok()
                .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    }
    PERF.with(|p| {
        p.as_ref().map_or(0, |p| {
            // Subtract a fixed recent origin before scaling so that the
            // nanoseconds keep the clock's microsecond resolution in f64.
            const ORIGIN_MS: f64 = 1.7e12;
            (((p.time_origin() - ORIGIN_MS) + p.now()) * 1e6) as u64
        })
    })
}

/// Sleeps for `ns` nanoseconds, giving up the CPU: the lab's stand-in for
/// blocking I/O. Only on workers (never on the browser's main thread).
pub fn sleep_ns(ns: u64) {
    // std's sleep parks the thread: natively a syscall, on wasm workers
    // `memory.atomic.wait32` with a timeout.
    std::thread::sleep(std::time::Duration::from_nanos(ns));
}
