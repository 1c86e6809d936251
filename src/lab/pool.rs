//! The bridge between the browser's main thread and the rayon pool.
//!
//! The main thread must never block (no `Atomics.wait` there), so work is
//! handed to the pool with `rayon::spawn` and its result comes back through a
//! oneshot channel whose receiver the main thread *awaits*; in the threaded
//! build `wasm-bindgen-futures` wakes it from the worker with
//! `Atomics.waitAsync`. Timings are taken with `performance.now()` inside the
//! worker that runs the job. In the plain build there is no pool: [`workers`]
//! says so and nothing here may be called.

use wasm_bindgen::JsCast;

/// How many workers the pool has; `None` in a build or page without threads.
pub fn workers() -> Option<usize> {
    if cfg!(feature = "threads") && pool_started() {
        Some(rayon::current_num_threads())
    } else {
        None
    }
}

#[cfg(feature = "threads")]
static POOL_STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(feature = "threads")]
fn pool_started() -> bool {
    POOL_STARTED.load(std::sync::atomic::Ordering::Acquire)
}

#[cfg(not(feature = "threads"))]
fn pool_started() -> bool {
    false
}

/// Starts `n` workers (`wasm-bindgen-rayon`'s `initThreadPool`) and waits,
/// asynchronously, until each of them is running. The pool is started
/// once: later calls return the size it has.
#[cfg(feature = "threads")]
pub async fn start(n: usize) -> Result<usize, wasm_bindgen::JsValue> {
    if pool_started() {
        return Ok(rayon::current_num_threads());
    }
    wasm_bindgen_futures::JsFuture::from(wasm_bindgen_rayon::init_thread_pool(n)).await?;
    POOL_STARTED.store(true, std::sync::atomic::Ordering::Release);
    Ok(rayon::current_num_threads())
}

/// Milliseconds on this thread's clock (window or worker), at the
/// resolution a cross-origin isolated page is granted.
pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}

/// A value and how long the worker took to compute it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timed<T> {
    pub value: T,
    pub millis: f64,
}

/// The job was dropped before it finished (the pool went away).
#[derive(Debug)]
pub struct Lost;

/// Runs `job` on one of the pool's workers and resolves with its result and
/// duration. The job is handed to the pool at once (not when the future is
/// first polled); the caller is never blocked. `job` may itself use the
/// pool (`par_iter`, `lab::lanes`): the worker that picked it up joins in.
pub fn run_timed<T, F>(job: F) -> impl std::future::Future<Output = Result<Timed<T>, Lost>>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = futures_channel::oneshot::channel();
    rayon::spawn(move || {
        let start = now_ms();
        let value = job();
        let millis = now_ms() - start;
        let _ = tx.send(Timed { value, millis });
    });
    async move { rx.await.map_err(|_| Lost) }
}
