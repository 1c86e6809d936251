//! `urllib` on the simulated network: `urllib.parse`, `Request` and the
//! error classes against what python3 printed (the `net_urllib_*`
//! conformance programs, which need no network), and `urlopen`: a new
//! connection per request, the thread in I/O with the GIL released,
//! HTTPError for error statuses, URLError for hosts that do not resolve,
//! timeouts at their virtual time.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/conformance_area.rs"]
mod area;
#[path = "common/crawl.rs"]
mod crawl;

use crawl::figure;
use interleave::run::{run, RunOptions};
use interleave::runtime::{run_program, SimOptions};
use interleave::trace::{Event, ThreadState};

#[test]
fn parse_and_request_match_cpython_under_every_runtime() {
    area::check_area("net_urllib", 1);
}

fn run_default(program: &str) -> String {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.exit_code, 0, "stderr: {}", out.stderr);
    out.stdout
}

#[test]
fn urlopen_reads_what_the_host_served() {
    let out = run_default(
        r#"import json, time
from urllib.request import urlopen, Request
from urllib.error import HTTPError, URLError
with urlopen("https://blog.example.com/page/2") as r:
    print(r.status, r.reason, r.getcode(), r.geturl(), r.headers.get_content_charset())
    head = r.read(15)
    rest = r.read()
    print(head, len(head) + len(rest) > 20000, r.read())
print(urlopen("https://blog.example.com/page/2").read() == head + rest)
lines = list(urlopen("https://example.com/robots.txt"))
print(lines)
d = json.loads(urlopen("https://httpbin.org/get?a=1").read())
print(d["args"], d["headers"]["User-Agent"], d["headers"]["Connection"])
req = Request("https://httpbin.org/post", data=b"k=v+w", headers={"X-Lesson": "3"})
d = json.loads(urlopen(req).read().decode())
print(d["form"], d["headers"]["X-Lesson"], req.get_method())
try:
    urlopen("https://httpbin.org/status/404")
except HTTPError as e:
    print(e, e.code, e.reason, e.headers["Content-Length"])
try:
    urlopen("https://nowhere.invalid/")
except URLError as e:
    print(type(e).__name__, e.reason.args)
t0 = time.perf_counter()
try:
    urlopen("https://httpbin.org/delay/5", timeout=2)
except TimeoutError as e:
    print("TimeoutError", e, round(time.perf_counter() - t0, 2))
try:
    urlopen("https://httpbin.org/post", data="k=v")
except TypeError as e:
    print("TypeError", e)
"#,
    );
    assert_eq!(
        out,
        "200 OK 200 https://blog.example.com/page/2 utf-8\n\
         b'<!DOCTYPE html>' True b''\n\
         True\n\
         [b'User-agent: *\\n', b'Disallow: /private/\\n', b'Crawl-delay: 1\\n']\n\
         {'a': '1'} Python-urllib/3.11 close\n\
         {'k': 'v w'} 3 POST\n\
         HTTP Error 404: Not Found 404 Not Found 0\n\
         URLError (-2, 'Name or service not known')\n\
         TimeoutError The read operation timed out 2.05\n\
         TypeError POST data should be bytes, an iterable of bytes, or a file object. It cannot be of type str.\n"
    );
}

/// Ten urlopens one after another take ≈ 6 s; on ten threads ≈ 0.6 s,
/// each thread in I/O with the GIL released.
#[test]
fn threads_overlap_their_waits() {
    let seq = run_default(
        r#"import time
from urllib.request import urlopen
t0 = time.perf_counter()
n = sum(len(urlopen(f"https://blog.example.com/page/{i}").read()) for i in range(1, 11))
print("sequential", time.perf_counter() - t0)
"#,
    );
    let program = r#"import time, threading
from urllib.request import urlopen
sizes = []
def fetch(i):
    sizes.append(len(urlopen(f"https://blog.example.com/page/{i}").read()))
t0 = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(i,)) for i in range(1, 11)]
for t in threads: t.start()
for t in threads: t.join()
print("threads", time.perf_counter() - t0)
"#;
    let (out, sim) = run_program(program, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let (s, t) = (figure(&seq, "sequential"), figure(&out.stdout, "threads"));
    assert!((5.5..6.8).contains(&s), "{s}");
    assert!(s / t > 8.0, "sequential {s}, threads {t}");
    let in_io: std::collections::HashSet<u32> = sim
        .unwrap()
        .log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::State {
                thread,
                state: ThreadState::Io,
                ..
            } => Some(*thread),
            _ => None,
        })
        .collect();
    assert_eq!(in_io.len(), 10, "every fetching thread waits in I/O");
}
