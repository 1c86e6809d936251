//! The simulated `requests` on the simulated network (`runtime::net`):
//! its API against what python3 with the real requests 2.34 printed (the
//! `net_requests_*` conformance programs, which need no network), and what
//! only the simulation can show: a fetch blocks its thread in I/O on
//! virtual time with the GIL released, so 12 threads fetch 10 pages about
//! 10 times faster than a loop; kept-alive connections skip the handshake;
//! timeouts fire at their virtual time; `--latency` changes the figures.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/conformance_area.rs"]
mod area;
#[path = "common/cli.rs"]
mod cli;
#[path = "common/crawl.rs"]
mod crawl;

use crawl::{figure, POOL, SEQUENTIAL, THREADS};

use interleave::run::{run, RunOptions};
use interleave::runtime::net::NetSettings;
use interleave::runtime::{run_program, SimOptions};
use interleave::trace::{Event, GilReason, ThreadState};

#[test]
fn api_matches_real_requests_under_every_runtime() {
    area::check_area("net_requests", 1);
}

fn run_default(program: &str) -> String {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.exit_code, 0, "stderr: {}", out.stderr);
    out.stdout
}

/// The seed notes' crawler: 10 pages one after another take ≈ 6 s with
/// the default latency; on 12 threads ≈ 0.6 s (each thread waits in I/O
/// with the GIL released), about 10 times less.
#[test]
fn ten_pages_sequential_versus_twelve_threads() {
    for runtime in [
        "cpython-2.7",
        "cpython-3.9",
        "cpython-3.12",
        "cpython-3.13t",
    ] {
        let options = RunOptions {
            runtime: runtime.into(),
            ..RunOptions::default()
        };
        let seq = run(SEQUENTIAL, &options);
        let thr = run(THREADS, &options);
        assert!(seq.stdout.starts_with("pages 10 True\n"), "{}", seq.stderr);
        assert!(thr.stdout.starts_with("pages 10 True\n"), "{}", thr.stderr);
        let (s, t) = (
            figure(&seq.stdout, "sequential"),
            figure(&thr.stdout, "threads"),
        );
        assert!((5.5..6.8).contains(&s), "{runtime}: sequential {s}");
        assert!(t < 0.75, "{runtime}: threads {t}");
        assert!(s / t > 8.0, "{runtime}: ratio {}", s / t);
    }
}

/// The notes' order with Pool(4) between: sequential 6.0 s, 4 processes
/// 2.9 s, 12 threads 1.3 s (their machine). Four workers fetch three rounds
/// of pages, so the pool sits at about half the sequential time, and well
/// above the threads, under every runtime.
#[test]
fn a_pool_of_four_processes_sits_between_the_loop_and_the_threads() {
    for runtime in [
        "cpython-2.7",
        "cpython-3.9",
        "cpython-3.12",
        "cpython-3.13t",
    ] {
        let options = RunOptions {
            runtime: runtime.into(),
            ..RunOptions::default()
        };
        let seq = figure(&run(SEQUENTIAL, &options).stdout, "sequential");
        let out = run(POOL, &options);
        assert!(out.stdout.starts_with("pages 10 True\n"), "{}", out.stderr);
        let pool = figure(&out.stdout, "processes");
        let thr = figure(&run(THREADS, &options).stdout, "threads");
        assert!((1.5..4.0).contains(&pool), "{runtime}: Pool(4) {pool}");
        assert!(
            seq / pool > 1.5 && pool / thr > 2.5,
            "{runtime}: {seq} {pool} {thr}"
        );
    }
}

/// A thread in a request shows I/O in the log and gives the GIL away
/// ("blocking call"), so a CPU-bound thread runs meanwhile: the two
/// overlap (0.26 s of CPU beside a 0.6 s fetch take 0.6 s, not 0.86).
#[test]
fn a_fetch_releases_the_gil_and_shows_io() {
    let program = r#"import threading, time, requests
def fetch():
    requests.get("https://example.com/")
t = threading.Thread(target=fetch)
t0 = time.perf_counter()
t.start()
n = 0
for i in range(4000000):
    n += i
cpu = time.perf_counter() - t0
t.join()
total = time.perf_counter() - t0
print(cpu > 0.2, total < 0.7, total > 0.55)
"#;
    let (out, sim) = run_program(program, &SimOptions::default());
    assert_eq!(out.stdout, "True True True\n", "{}", out.stderr);
    let sim = sim.unwrap();
    let io = sim.log.events.iter().position(|e| {
        matches!(
            e,
            Event::State {
                thread: 1,
                state: ThreadState::Io,
                ..
            }
        )
    });
    let io = io.expect("thread 1 in I/O");
    let handed = sim.log.events[io..].iter().find_map(|e| match e {
        Event::Gil { reason, .. } => Some(*reason),
        _ => None,
    });
    assert_eq!(handed, Some(GilReason::Blocking));
    let io_then_run = sim.log.events[io..].iter().any(|e| {
        matches!(
            e,
            Event::State {
                thread: 0,
                state: ThreadState::Running { .. },
                ..
            }
        )
    });
    assert!(io_then_run, "the main thread runs while thread 1 waits");
}

/// A Session keeps the connection: later requests skip the handshake
/// (10% of the latency), plain `requests.get` opens one every time.
#[test]
fn a_session_reuses_connections() {
    let out = run_default(
        r#"import time, requests
t0 = time.perf_counter()
for i in range(20):
    requests.get("https://api.example.com/get")
plain = time.perf_counter() - t0
t0 = time.perf_counter()
with requests.Session() as s:
    for i in range(20):
        s.get("https://api.example.com/get")
kept = time.perf_counter() - t0
print("saved", plain - kept)
"#,
    );
    // 19 handshakes of 50 ms, give or take the jitter of 40 requests.
    let saved = figure(&out, "saved");
    assert!((0.6..1.3).contains(&saved), "{saved}");
}

/// `timeout=1` against a server that takes 3 s: ReadTimeout after 1 s of
/// virtual time (plus the handshake); a connect timeout shorter than the
/// handshake gives ConnectTimeout, which is also a ConnectionError.
#[test]
fn timeouts_fire_at_their_virtual_time() {
    let out = run_default(
        r#"import time, requests
t0 = time.perf_counter()
try:
    requests.get("https://httpbin.org/delay/3", timeout=1)
except requests.exceptions.ReadTimeout as e:
    print("read", round(time.perf_counter() - t0, 2), e)
t0 = time.perf_counter()
try:
    requests.get("https://httpbin.org/get", timeout=(0.01, 5))
except requests.ConnectionError as e:
    print(type(e).__name__, isinstance(e, requests.Timeout), round(time.perf_counter() - t0, 2))
r = requests.get("https://httpbin.org/delay/1", timeout=3)
print(r.status_code, r.json()["url"])
"#,
    );
    assert_eq!(
        out,
        "read 1.05 HTTPSConnectionPool(host='httpbin.org', port=443): Read timed out. (read timeout=1)\n\
         ConnectTimeout True 0.01\n\
         200 https://httpbin.org/delay/1\n"
    );
}

/// Bodies, JSON, params, headers, form and JSON posts, status codes,
/// streaming.
#[test]
fn responses_carry_what_the_host_served() {
    let out = run_default(
        r#"import requests
r = requests.get("https://httpbin.org/get", params={"q": "gil lock", "n": [1, 2]},
                 headers={"X-Lesson": "7"})
d = r.json()
print(r.status_code, r.reason, r.headers["content-type"], d["args"], d["headers"]["X-Lesson"])
print(r.url, r.request.method, r.elapsed.total_seconds() > 0.5)
print(requests.post("https://httpbin.org/post", json={"a": [1, 2]}).json()["json"])
print(requests.post("https://httpbin.org/post", data={"k": "v w"}).json()["form"])
print(requests.put("https://httpbin.org/post").status_code)
page = requests.get("https://blog.example.com/")
print(page.text.count('<article class="post"'), page.encoding, type(page.content).__name__)
print(page.text == requests.get("https://blog.example.com/").text)
r = requests.get("https://example.com/bytes/100000", stream=True)
sizes = [len(c) for c in r.iter_content(chunk_size=30000)]
print(sizes)
try:
    r.content
except RuntimeError as e:
    print(e)
try:
    page.json()
except requests.exceptions.JSONDecodeError as e:
    print("JSONDecodeError", isinstance(e, ValueError))
lines = list(requests.get("https://example.com/robots.txt").iter_lines())
print(lines)
"#,
    );
    assert_eq!(
        out,
        "200 OK application/json {'n': ['1', '2'], 'q': 'gil lock'} 7\n\
         https://httpbin.org/get?q=gil+lock&n=1&n=2 GET True\n\
         {'a': [1, 2]}\n\
         {'k': 'v w'}\n\
         405\n\
         20 utf-8 bytes\n\
         True\n\
         [30000, 30000, 30000, 10000]\n\
         The content for this response was already consumed\n\
         JSONDecodeError True\n\
         [b'User-agent: *', b'Disallow: /private/', b'Crawl-delay: 1']\n"
    );
}

/// `--latency HOST=MS` (RunOptions::net) changes the host's latency; the
/// jitter follows the seed.
#[test]
fn latency_is_settable_per_run_and_jitter_follows_the_seed() {
    let program = "import time, requests\nt0 = time.perf_counter()\nrequests.get('https://slow.example.org/')\nrequests.get('https://fast.example.org/')\nprint(round(time.perf_counter() - t0, 6))\n";
    let with = |latency: Vec<(String, f64)>, seed: u64| {
        let out = run(
            program,
            &RunOptions {
                seed,
                net: NetSettings {
                    latency_ms: latency,
                },
                ..RunOptions::default()
            },
        );
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        figure(&out.stdout, "")
    };
    let default = with(vec![], 1);
    assert!((1.1..1.35).contains(&default), "{default}");
    let set = with(
        vec![("slow.example.org".into(), 2000.0), ("*".into(), 10.0)],
        1,
    );
    assert!((2.2..2.5).contains(&set), "{set}");
    assert_eq!(with(vec![], 1), default);
    assert_ne!(with(vec![], 2), default);
}

/// Each request is a span in the log (host, method, path, status, body
/// size, from sending to the last byte) and an async slice named by its
/// host in the Chrome trace.
#[test]
fn requests_are_spans_in_the_log_and_the_trace() {
    let (out, sim) = run_program(THREADS, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let sim = sim.unwrap();
    let spans: Vec<_> = sim
        .log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::NetRequest {
                t,
                until,
                thread,
                host,
                method,
                path,
                status,
                bytes,
            } => Some((
                *t,
                *until,
                *thread,
                host.clone(),
                method.clone(),
                path.clone(),
                *status,
                *bytes,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(spans.len(), 10);
    let mut paths: Vec<String> = spans.iter().map(|s| s.5.clone()).collect();
    paths.sort();
    assert_eq!(paths[0], "/page/1");
    for (t, until, thread, host, method, _, status, bytes) in &spans {
        assert!(*thread >= 1, "sent by a worker thread");
        assert_eq!(
            (host.as_str(), method.as_str(), *status),
            ("blog.example.com", "GET", 200)
        );
        assert!(*bytes > 20_000);
        assert!(
            (550_000_000..700_000_000).contains(&(until - t)),
            "{}",
            until - t
        );
    }
    let names = sim.thread_names();
    let info = interleave::trace::chrome::TraceInfo {
        runtime: sim.runtime(),
        stdout: &out.stdout,
    };
    let json: serde_json::Value = serde_json::from_str(&interleave::trace::chrome::export(
        &sim.log.events,
        sim.now(),
        &names,
        &info,
    ))
    .unwrap();
    let net: Vec<&serde_json::Value> = json["traceEvents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["cat"] == "net")
        .collect();
    assert_eq!(net.len(), 20);
    assert!(net.iter().all(|e| e["name"] == "blog.example.com"));
    assert_eq!(net.iter().filter(|e| e["ph"] == "b").count(), 10);
}

/// The command line's `--latency HOST=MS` (repeatable, `*` for every
/// host); a malformed one is a usage error.
#[test]
fn the_command_line_sets_latency() {
    let program = "import time, requests\nt0 = time.perf_counter()\nrequests.get('https://blog.example.com/')\nprint(round(time.perf_counter() - t0, 1))\n";
    let out = cli::interleave("run", program, &[]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0.6\n");
    let out = cli::interleave(
        "run",
        program,
        &["--latency", "blog.example.com=2000", "--latency", "*=10"],
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2.4\n");
    let out = cli::interleave("run", program, &["--latency", "blog.example.com"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected HOST=MS"));
}

/// `requests.get` inside coroutines blocks the event loop: ten of them
/// gathered take as long as ten in a row; `asyncio.to_thread` moves them
/// to the loop's default executor, whose threads overlap — in two rounds,
/// as it has `os.cpu_count() + 4` = 6 workers on the default 2 cores.
#[test]
fn blocking_requests_in_coroutines_block_the_loop() {
    let out = run(
        r#"import asyncio, time, requests
urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]
async def fetch(u):
    return len(requests.get(u).text)
async def fetch_in_thread(u):
    r = await asyncio.to_thread(requests.get, u)
    return len(r.text)
async def main():
    t0 = time.perf_counter()
    await asyncio.gather(*(fetch(u) for u in urls))
    print("blocking", time.perf_counter() - t0)
    t0 = time.perf_counter()
    await asyncio.gather(*(fetch_in_thread(u) for u in urls))
    print("to_thread", time.perf_counter() - t0)
asyncio.run(main())
"#,
        &RunOptions::default(),
    );
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let (b, t) = (
        figure(&out.stdout, "blocking"),
        figure(&out.stdout, "to_thread"),
    );
    assert!((5.5..6.8).contains(&b), "{b}");
    assert!((1.1..1.45).contains(&t), "{t}");
}
