//! The wasm entry points that the boot script (`www/boot.js`) calls, and what
//! the page learned about its environment while booting.
//!
//! Boot order is fixed: the boot script instantiates the module, hands over
//! the Python sources it fetched ([`provide_sources`]), then [`start`]
//! brings up the thread pool (threaded build only) and only then mounts the
//! app. Workers instantiate the same module but never call
//! [`start`], so nothing here runs on them.

use wasm_bindgen::prelude::*;

/// Which of the two wasm builds this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// Shared memory and a rayon pool on Web Workers.
    Threads,
    /// No atomics: runs anywhere, including non-isolated embeds.
    Plain,
}

impl Build {
    pub const fn current() -> Build {
        if cfg!(feature = "threads") {
            Build::Threads
        } else {
            Build::Plain
        }
    }
}

/// Why the page runs single-threaded, as the boot script found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SingleThreadedReason {
    /// The page is not cross-origin isolated (an embed, or a host without
    /// headers whose service worker is off or not yet in control).
    NotIsolated,
    /// The threaded build failed to start its pool; the message says why.
    PoolFailed(String),
}

/// What the page runs on; fixed once booted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Environment {
    pub build: Build,
    /// Workers in the pool; `None` when single-threaded.
    pub workers: Option<usize>,
    pub cross_origin_isolated: bool,
    /// Inside an `<iframe>` of another page.
    pub embedded: bool,
    /// `None` when the pool runs.
    pub single_threaded: Option<SingleThreadedReason>,
}

impl Environment {
    fn detect(workers: Option<usize>, pool_error: Option<String>) -> Environment {
        let window = web_sys::window();
        let cross_origin_isolated =
            js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
                .map(|v| v.is_truthy())
                .unwrap_or(false);
        let embedded = window
            .as_ref()
            .and_then(|w| {
                w.top()
                    .ok()
                    .flatten()
                    .map(|top| !js_sys::Object::is(&top, w))
            })
            .unwrap_or(false);
        let single_threaded = match (workers, pool_error) {
            (_, Some(e)) => Some(SingleThreadedReason::PoolFailed(e)),
            (Some(_), None) => None,
            (None, None) => Some(SingleThreadedReason::NotIsolated),
        };
        Environment {
            build: Build::current(),
            workers,
            cross_origin_isolated,
            embedded,
            single_threaded,
        }
    }
}

/// Hands over the stdlib's Python sources and the presets, the bundle
/// `dist/sources.json` (see [`crate::sources`]); the boot script calls it
/// before [`start`]. Rejects a bundle that is not JSON or lacks a file.
#[wasm_bindgen(js_name = provideSources)]
pub fn provide_sources(bundle: &str) -> Result<(), JsValue> {
    crate::sources::provide(bundle).map_err(|e| JsValue::from_str(&e))
}

/// Starts the app in the element with id `root`: first the thread pool with
/// `workers` workers (threaded build; 0 means none), then the UI. Rejects if
/// the pool cannot start, so that the boot script can fall back to the plain
/// build. `pool_error` is the reason a previous threaded attempt gave.
#[wasm_bindgen]
pub async fn start(workers: usize, pool_error: Option<String>) -> Result<(), JsValue> {
    crate::ui::crash::install_panic_hook();
    if !crate::sources::ready() {
        return Err(JsValue::from_str(
            "the Python sources were not provided (provideSources with dist/sources.json)",
        ));
    }
    let workers = if workers > 0 && Build::current() == Build::Threads {
        Some(start_pool(workers).await?)
    } else {
        None
    };
    let env = Environment::detect(workers, pool_error);
    crate::ui::mount(env);
    Ok(())
}

#[cfg(feature = "threads")]
async fn start_pool(workers: usize) -> Result<usize, JsValue> {
    crate::lab::pool::start(workers).await
}

#[cfg(not(feature = "threads"))]
async fn start_pool(_workers: usize) -> Result<usize, JsValue> {
    Err(JsValue::from_str(
        "this is the plain build: it has no thread pool",
    ))
}

/// The build the module was compiled as: `"threads"` or `"plain"`.
#[wasm_bindgen(js_name = buildKind)]
pub fn build_kind() -> String {
    match Build::current() {
        Build::Threads => "threads".into(),
        Build::Plain => "plain".into(),
    }
}
