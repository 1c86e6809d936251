//! `interleave serve DIR`: a static file server for the built app.
//!
//! It exists because the threaded build needs a cross-origin isolated page:
//! every response carries `Cross-Origin-Opener-Policy: same-origin`,
//! `Cross-Origin-Embedder-Policy: require-corp` and
//! `Cross-Origin-Resource-Policy: same-origin` (switch them off with
//! `--no-isolation` to play a static host without header control), with MIME
//! types from the file extension (`.wasm` → `application/wasm`) and
//! `Cache-Control: no-cache` so that a rebuild is seen on the next reload.
//! One page is never isolated: [`NOT_ISOLATED`], the helper that hands a
//! trace to the Perfetto UI (an isolated page cannot reach a window it
//! opens on another origin; see `ui::perfetto`).
//! Files come from tower-http's `ServeDir` on axum; nothing is hand-parsed.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

#[derive(clap::Args, Debug)]
pub struct Options {
    /// The directory to serve (normally dist/).
    pub dir: PathBuf,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Serve without the cross-origin isolation headers, like a static host
    /// without header control (the page then isolates itself through its
    /// service worker, or runs single-threaded).
    #[arg(long)]
    pub no_isolation: bool,
}

/// The headers that make a page cross-origin isolated.
pub const ISOLATION_HEADERS: [(&str, &str); 3] = [
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-embedder-policy", "require-corp"),
    ("cross-origin-resource-policy", "same-origin"),
];

/// The page served without the isolation headers even when the rest is.
pub const NOT_ISOLATED: &str = "/perfetto.html";

/// The router serving `dir`, with or without the isolation headers.
pub fn router(dir: PathBuf, isolation: bool) -> Router {
    let no_cache = || {
        SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        )
    };
    let helper = ServeFile::new(dir.join(NOT_ISOLATED.trim_start_matches('/')));
    let mut app = Router::new()
        .fallback_service(ServeDir::new(dir).append_index_html_on_directories(true))
        .layer(no_cache());
    if isolation {
        for (name, value) in ISOLATION_HEADERS {
            app = app.layer(SetResponseHeaderLayer::overriding(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            ));
        }
    }
    // Merged after the layers above, so they do not apply to it.
    app.merge(
        Router::new()
            .route_service(NOT_ISOLATED, helper)
            .layer(no_cache()),
    )
}

pub fn run(options: Options) -> ExitCode {
    if !options.dir.is_dir() {
        eprintln!(
            "interleave serve: {} is not a directory (build it first: ./x dist)",
            options.dir.display()
        );
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("interleave serve: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let addr = SocketAddr::new(options.host, options.port);
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("interleave serve: cannot listen on {addr}: {e} (try --port)");
                return ExitCode::FAILURE;
            }
        };
        let local = listener.local_addr().unwrap_or(addr);
        let isolation = if options.no_isolation {
            "without isolation headers"
        } else {
            "cross-origin isolated"
        };
        println!(
            "Serving {} on http://{local}/ ({isolation}); Ctrl+C stops",
            options.dir.display()
        );
        let app = router(options.dir, !options.no_isolation);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        match axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("interleave serve: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    /// A fresh site per call: the tests run in parallel, and rewriting one
    /// shared directory let a test read a file another test had just
    /// truncated (an empty body, seen in CI).
    fn site() -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "interleave-serve-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html><title>t</title>").unwrap();
        std::fs::write(dir.join("pkg/app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.join("boot.js"), "export {}").unwrap();
        dir
    }

    async fn get(app: Router, path: &str) -> axum::response::Response {
        app.oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn every_response_carries_the_isolation_headers() {
        for path in ["/", "/index.html", "/pkg/app_bg.wasm", "/missing"] {
            let res = get(router(site(), true), path).await;
            for (name, value) in ISOLATION_HEADERS {
                assert_eq!(res.headers().get(name).unwrap(), value, "{name} on {path}");
            }
        }
    }

    #[tokio::test]
    async fn the_perfetto_helper_is_never_isolated() {
        let dir = site();
        std::fs::write(dir.join("perfetto.html"), "<!doctype html><title>p</title>").unwrap();
        let res = get(router(dir, true), NOT_ISOLATED).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
        for (name, _) in ISOLATION_HEADERS {
            assert!(res.headers().get(name).is_none(), "{name}");
        }
        let body = res.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..], b"<!doctype html><title>p</title>");
    }

    #[tokio::test]
    async fn without_isolation_the_headers_are_absent() {
        let res = get(router(site(), false), "/").await;
        assert_eq!(res.status(), StatusCode::OK);
        for (name, _) in ISOLATION_HEADERS {
            assert!(res.headers().get(name).is_none(), "{name}");
        }
    }

    #[tokio::test]
    async fn mime_types_follow_the_extension() {
        let cases = [
            ("/pkg/app_bg.wasm", "application/wasm"),
            ("/boot.js", "text/javascript"),
            ("/", "text/html"),
        ];
        for (path, mime) in cases {
            let res = get(router(site(), true), path).await;
            let got = res
                .headers()
                .get(header::CONTENT_TYPE)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            assert!(got.starts_with(mime), "{path}: {got}");
        }
    }

    #[tokio::test]
    async fn files_are_served_whole_and_missing_ones_are_404() {
        let res = get(router(site(), true), "/pkg/app_bg.wasm").await;
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..], b"\0asm\x01\0\0\0");
        assert_eq!(
            get(router(site(), true), "/nope.js").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get(router(site(), true), "/../etc/passwd").await.status(),
            StatusCode::NOT_FOUND
        );
    }
}
