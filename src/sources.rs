//! The text files the engine and the page read at run time: the simulated
//! standard library's Python sources (`src/stdlib/py/*.py`, imported as
//! frozen modules), the presets' programs (`src/ui/presets/*.py`) and the
//! Unicode name table of `\N{...}` escapes (`src/lang/unicode_names.txt`,
//! for our `unicode_names2`, crates/unicode_names2), about 1.5 MB of text.
//!
//! Natively, and in wasm builds without the `fetch-sources` feature (the
//! wasm-pack tests), they are compiled in. The page's two builds
//! (`./x dist`) enable `fetch-sources`: the files stay out of the wasm,
//! which keeps each build under 1.5 MB gzipped, and `./x dist` bundles them
//! into `dist/sources.json` (an object from path to text). The boot script
//! fetches that file while the wasm compiles and hands it over with
//! [`provide`] before the app starts; the page still works offline as a
//! static site. In the threaded build the store is in shared memory, so the
//! pool's workers see what the main thread was given.

use std::collections::HashMap;
use std::sync::OnceLock;

macro_rules! files {
    ($($path:literal,)*) => {
        /// Every file, by its path under `src/`.
        pub const FILES: &[&str] = &[$($path,)*];

        /// The compiled-in text of `path`.
        #[cfg(not(feature = "fetch-sources"))]
        fn embedded(path: &str) -> Option<&'static str> {
            match path {
                $($path => Some(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/", $path))),)*
                _ => None,
            }
        }
    };
}

files! {
    "lang/unicode_names.txt",
    "stdlib/py/_threading_local.py",
    "stdlib/py/aiohttp.py",
    "stdlib/py/asyncio.py",
    "stdlib/py/collections.py",
    "stdlib/py/concurrent_futures.py",
    "stdlib/py/csv.py",
    "stdlib/py/dataclasses.py",
    "stdlib/py/functools.py",
    "stdlib/py/gevent.py",
    "stdlib/py/heapq.py",
    "stdlib/py/io.py",
    "stdlib/py/itertools.py",
    "stdlib/py/json.py",
    "stdlib/py/multiprocessing.py",
    "stdlib/py/multiprocessing_dummy.py",
    "stdlib/py/multiprocessing_managers.py",
    "stdlib/py/multiprocessing_pool.py",
    "stdlib/py/operator.py",
    "stdlib/py/os_stat.py",
    "stdlib/py/pathlib.py",
    "stdlib/py/queue.py",
    "stdlib/py/requests.py",
    "stdlib/py/requests_exceptions.py",
    "stdlib/py/scrapy.py",
    "stdlib/py/shutil.py",
    "stdlib/py/socket.py",
    "stdlib/py/string.py",
    "stdlib/py/threading.py",
    "stdlib/py/twisted.py",
    "stdlib/py/urllib_error.py",
    "stdlib/py/urllib_parse.py",
    "stdlib/py/urllib_request.py",
    "ui/presets/asyncio_gather.py",
    "ui/presets/barrier.py",
    "ui/presets/condition.py",
    "ui/presets/convoy.py",
    "ui/presets/cpu_threads.py",
    "ui/presets/crawler_asyncio.py",
    "ui/presets/crawler_pool.py",
    "ui/presets/crawler_sequential.py",
    "ui/presets/crawler_threads.py",
    "ui/presets/daemon.py",
    "ui/presets/deadlock.py",
    "ui/presets/event.py",
    "ui/presets/gevent_patch.py",
    "ui/presets/io_threads.py",
    "ui/presets/lock.py",
    "ui/presets/pool_sizing.py",
    "ui/presets/queue_fifo.py",
    "ui/presets/queue_kinds.py",
    "ui/presets/race.py",
    "ui/presets/race_call.py",
    "ui/presets/rlock.py",
    "ui/presets/semaphore.py",
    "ui/presets/singleton.py",
    "ui/presets/sweep_workers.py",
    "ui/presets/thread_local.py",
    "ui/presets/timer.py",
}

/// What [`provide`] was given.
static PROVIDED: OnceLock<HashMap<String, String>> = OnceLock::new();

/// The text of `path` (one of [`FILES`]): what [`provide`] was given, else
/// the compiled-in text. `None` when neither has it (a `fetch-sources`
/// build before [`provide`]).
pub fn get(path: &str) -> Option<&'static str> {
    if let Some(text) = PROVIDED.get().and_then(|m| m.get(path)) {
        return Some(text);
    }
    #[cfg(not(feature = "fetch-sources"))]
    {
        embedded(path)
    }
    #[cfg(feature = "fetch-sources")]
    {
        None
    }
}

/// The table of `\N{...}` names.
pub const UNICODE_NAMES: &str = "lang/unicode_names.txt";

/// Hands the parser's name lookup (`unicode_names2`) its table, once it
/// can be read; cheap after the first time. Called before each parse.
pub fn share_unicode_names() {
    if !unicode_names2::has_table() {
        if let Some(table) = get(UNICODE_NAMES) {
            unicode_names2::set_table(table);
        }
    }
}

/// True when every file of [`FILES`] can be read.
pub fn ready() -> bool {
    FILES.iter().all(|f| get(f).is_some())
}

/// Takes the bundle of `dist/sources.json`. Once only: a second call, a
/// bundle that is not a JSON object of strings, or one that lacks a file of
/// [`FILES`] is an error with the reason.
pub fn provide(bundle: &str) -> Result<(), String> {
    let files = parse_bundle(bundle)?;
    PROVIDED
        .set(files)
        .map_err(|_| "the sources were already provided".to_string())
}

/// The files of a bundle, checked to hold every file of [`FILES`].
pub fn parse_bundle(bundle: &str) -> Result<HashMap<String, String>, String> {
    let files: HashMap<String, String> =
        serde_json::from_str(bundle).map_err(|e| format!("sources.json: {e}"))?;
    match FILES.iter().find(|f| !files.contains_key(**f)) {
        Some(missing) => Err(format!("sources.json has no {missing}")),
        None => Ok(files),
    }
}

#[cfg(all(test, not(feature = "fetch-sources")))]
mod tests {
    use super::*;

    /// The `.py` files under `src/<dir>`, as `<dir>/<name>`.
    fn on_disk(dir: &str) -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(dir);
        let mut names: Vec<String> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".py"))
            .map(|n| format!("{dir}/{n}"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn files_lists_every_source_on_disk() {
        // `./x dist` bundles the directories; FILES must name the same files
        // (a new stdlib module or preset is added to both).
        let mut want = vec![UNICODE_NAMES.to_string()];
        want.extend(on_disk("stdlib/py"));
        want.extend(on_disk("ui/presets"));
        assert_eq!(FILES, want.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(ready());
    }

    #[test]
    fn a_bundle_needs_every_file_and_strings_only() {
        let full: HashMap<&str, &str> = FILES.iter().map(|f| (*f, get(f).unwrap())).collect();
        let json = serde_json::to_string(&full).unwrap();
        let parsed = parse_bundle(&json).unwrap();
        assert_eq!(
            parsed["stdlib/py/queue.py"],
            get("stdlib/py/queue.py").unwrap()
        );

        let mut partial = full.clone();
        partial.remove("stdlib/py/threading.py");
        let err = parse_bundle(&serde_json::to_string(&partial).unwrap()).unwrap_err();
        assert_eq!(err, "sources.json has no stdlib/py/threading.py");

        assert!(parse_bundle("{\"stdlib/py/queue.py\": 3}").is_err());
        assert!(parse_bundle("<!doctype html>")
            .unwrap_err()
            .starts_with("sources.json: "));
    }
}
