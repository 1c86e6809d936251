//! The simulated `aiohttp` on the simulated network: a fetch suspends its
//! task on a loop timer and never blocks the loop, the connector caps
//! requests in flight (overall and per host), timeouts fire at their
//! virtual time; and the seed notes' crawler written three ways keeps the
//! notes' ordering: sequential `requests` ≈ 6 s, 12 threads ≈ 10× less,
//! asyncio + aiohttp the fastest.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/crawl.rs"]
mod crawl;

use crawl::{figure, ASYNCIO, SEQUENTIAL, THREADS};
use interleave::run::{run, RunOptions};
use interleave::runtime::{run_program, SimOptions};
use interleave::trace::{Event, ThreadState};

fn run_default(program: &str) -> String {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.exit_code, 0, "stderr: {}", out.stderr);
    out.stdout
}

/// The crawler three ways, under every runtime model and a few seeds:
/// asyncio < threads < sequential, sequential ≈ 6 s and ≈ 9–10× the
/// threads. (Threads and asyncio both overlap all ten waits; asyncio wins
/// by the per-request CPU that requests spends under the GIL and aiohttp
/// spends less of.)
#[test]
fn crawler_keeps_the_notes_ordering() {
    for runtime in interleave::runtime::model::NAMES {
        for seed in [0, 7] {
            let options = RunOptions {
                runtime: runtime.into(),
                seed,
                ..RunOptions::default()
            };
            let time = |program: &str, label: &str| {
                let out = run(program, &options);
                assert_eq!(out.exit_code, 0, "{runtime} {label}: {}", out.stderr);
                assert!(out.stdout.starts_with("pages 10 True\n"), "{}", out.stdout);
                figure(&out.stdout, label)
            };
            let s = time(SEQUENTIAL, "sequential");
            let t = time(THREADS, "threads");
            let a = time(ASYNCIO, "asyncio");
            let at = format!("{runtime} seed {seed}: sequential {s}, threads {t}, asyncio {a}");
            assert!((5.5..6.8).contains(&s), "{at}");
            assert!(a < t && t < s, "{at}");
            assert!(s / t > 8.0 && s / t < 12.0, "{at}");
        }
    }
}

/// A ticker task keeps running while a 0.6 s fetch is in flight: the
/// fetch awaits a timer, the loop is free.
#[test]
fn a_fetch_never_blocks_the_loop() {
    let out = run_default(
        r#"import asyncio, aiohttp
ticks = 0
async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0.1)
        ticks += 1
async def main():
    t = asyncio.create_task(ticker())
    async with aiohttp.ClientSession() as s:
        async with s.get("https://example.com/") as r:
            body = await r.text()
    t.cancel()
    print(r.status, len(body) > 20000, 5 <= ticks <= 7)
asyncio.run(main())
"#,
    );
    assert_eq!(out, "200 True True\n");
}

/// While fetches are in flight the loop's thread waits in I/O (not a
/// plain sleep), and each task's steps are in the log.
#[test]
fn the_idle_loop_waits_in_io() {
    let (out, sim) = run_program(ASYNCIO, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let sim = sim.unwrap();
    let io = sim
        .log
        .events
        .iter()
        .filter(|e| {
            matches!(
                e,
                Event::State {
                    thread: 0,
                    state: ThreadState::Io,
                    ..
                }
            )
        })
        .count();
    assert!(io >= 1, "the loop thread waits in I/O");
    let tasks: std::collections::HashSet<u64> = sim
        .log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::TaskStep { task, .. } => Some(*task),
            _ => None,
        })
        .collect();
    assert!(
        tasks.len() >= 11,
        "main and ten fetch tasks: {}",
        tasks.len()
    );
}

/// TCPConnector(limit_per_host=2): never more than 2 requests to a host at
/// once, so 10 pages take 5 rounds; limit=3 caps the total across hosts:
/// 30 pages of 3 hosts take ≈ 10 rounds of ≈ 0.57 s (2 would take 15, 4
/// about 8).
#[test]
fn the_connector_caps_requests_in_flight() {
    let out = run_default(
        r#"import asyncio, time, aiohttp
inflight = {}
peak = {}
async def fetch(s, url):
    host = url.split("/")[2]
    async with s.get(url) as r:
        inflight[host] = inflight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), inflight[host])
        total = sum(inflight.values())
        peak["all"] = max(peak.get("all", 0), total)
        await r.read()
        inflight[host] -= 1
async def crawl(connector, hosts):
    urls = [f"https://{h}/page/{i}" for h in hosts for i in range(1, 11)]
    t0 = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector) as s:
        await asyncio.gather(*(fetch(s, u) for u in urls))
    return time.perf_counter() - t0
async def main():
    e = await crawl(aiohttp.TCPConnector(limit_per_host=2), ["a.example"])
    print("per host", peak, 5 * 0.5 < e < 5 * 0.7)
    peak.clear()
    e = await crawl(aiohttp.TCPConnector(limit=3), ["a.example", "b.example", "c.example"])
    print("overall", 5.0 < e < 6.5)
asyncio.run(main())
"#,
    );
    assert_eq!(
        out,
        "per host {'a.example': 2, 'all': 2} True\noverall True\n"
    );
}

/// ClientTimeout(total=1) against a 5 s server: asyncio.TimeoutError
/// after 1 s of virtual time; sock_read gives ServerTimeoutError (also an
/// asyncio.TimeoutError); an unknown host gives ClientConnectorError.
#[test]
fn timeouts_and_connection_errors() {
    let out = run_default(
        r#"import asyncio, time, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        t0 = time.perf_counter()
        try:
            await s.get("https://httpbin.org/delay/5", timeout=aiohttp.ClientTimeout(total=1))
        except asyncio.TimeoutError as e:
            print(type(e).__name__, round(time.perf_counter() - t0, 2))
        try:
            await s.get("https://httpbin.org/delay/5", timeout=aiohttp.ClientTimeout(sock_read=2))
        except aiohttp.ServerTimeoutError as e:
            print(type(e).__name__, e, isinstance(e, asyncio.TimeoutError))
        try:
            await s.get("https://nowhere.invalid/")
        except aiohttp.ClientConnectorError as e:
            print(e)
asyncio.run(main())
"#,
    );
    assert_eq!(
        out,
        "TimeoutError 1.0\n\
         ServerTimeoutError Timeout on reading data from socket True\n\
         Cannot connect to host nowhere.invalid:443 ssl:default [Name or service not known]\n"
    );
}

/// The response: status, reason, headers, ok, text/read/json, errors for
/// the wrong mimetype and for raise_for_status, chunks of resp.content.
#[test]
fn responses_carry_what_the_host_served() {
    let out = run_default(
        r#"import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession(headers={"X-Lesson": "9"}) as s:
        async with s.get("https://httpbin.org/get", params={"q": "gil", "n": 2}) as r:
            d = await r.json()
            print(r.status, r.reason, r.ok, r.content_type, r.charset, d["args"], d["headers"]["X-Lesson"])
            print(str(r.url), r.method, r.headers["Content-Type"])
        async with s.post("https://httpbin.org/post", json={"k": [1, 2]}) as r:
            print((await r.json())["json"])
        async with s.post("https://httpbin.org/post", data={"a": "b c"}) as r:
            print((await r.json())["form"])
        async with s.get("https://blog.example.com/") as r:
            html = await r.text()
            print(html.count('<article class="post"'), len(await r.read()) == len(html.encode()))
            try:
                await r.json()
            except aiohttp.ContentTypeError as e:
                print(e.message)
        async with s.get("https://httpbin.org/status/503") as r:
            try:
                r.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print(e.status, e)
        async with s.get("https://example.com/bytes/50000") as r:
            print([len(c) async for c in r.content.iter_chunked(16384)])
        r = await s.get("https://example.com/robots.txt")
        print(await r.text(), end="")
        r.release()
    async with aiohttp.request("GET", "https://httpbin.org/get") as r:
        print(r.status)
asyncio.run(main())
"#,
    );
    assert_eq!(
        out,
        "200 OK True application/json None {'n': '2', 'q': 'gil'} 9\n\
         https://httpbin.org/get?q=gil&n=2 GET application/json\n\
         {'k': [1, 2]}\n\
         {'a': 'b c'}\n\
         20 True\n\
         Attempt to decode JSON with unexpected mimetype: text/html\n\
         503 503, message='Service Unavailable', url=URL('https://httpbin.org/status/503')\n\
         [16384, 16384, 16384, 848]\n\
         User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n\
         200\n"
    );
}

/// The API without the network, against what aiohttp 3.9.5 printed under
/// CPython 3.11.7 (`pip install --target /tmp/aio aiohttp==3.9.5`, then
/// this program with `/tmp/aio` on `sys.path`): the exception hierarchy,
/// ClientTimeout, the connector's limits, the session's default timeout,
/// InvalidURL, and `with` instead of `async with`.
#[test]
fn api_matches_aiohttp_3_9() {
    let out = run_default(
        r#"import asyncio, aiohttp
for name in ["ClientConnectorError", "ClientOSError", "ServerTimeoutError",
             "ClientResponseError", "ContentTypeError", "InvalidURL", "ClientConnectionError"]:
    cls = getattr(aiohttp, name)
    print(name, [b.__name__ for b in cls.__mro__[1:4]], issubclass(cls, OSError),
          issubclass(cls, asyncio.TimeoutError), issubclass(cls, aiohttp.ClientError))
print(aiohttp.ClientTimeout(total=10))
c = aiohttp.TCPConnector(limit=30, limit_per_host=4)
print(c.limit, c.limit_per_host)
async def main():
    async with aiohttp.ClientSession() as s:
        print(s.closed, s.timeout.total, s.timeout.sock_connect)
        try:
            await s.get("example.com/page")
        except aiohttp.InvalidURL as e:
            print(type(e).__name__, e, repr(e), isinstance(e, ValueError))
    print(s.closed)
    s2 = aiohttp.ClientSession()
    try:
        with s2:
            pass
    except TypeError as e:
        print("TypeError", e)
    await s2.close()
asyncio.run(main())
"#,
    );
    assert_eq!(
        out,
        "ClientConnectorError ['ClientOSError', 'ClientConnectionError', 'ClientError'] True False True\n\
         ClientOSError ['ClientConnectionError', 'ClientError', 'OSError'] True False True\n\
         ServerTimeoutError ['ServerConnectionError', 'ClientConnectionError', 'ClientError'] True True True\n\
         ClientResponseError ['ClientError', 'Exception', 'BaseException'] False False True\n\
         ContentTypeError ['ClientResponseError', 'ClientError', 'Exception'] False False True\n\
         InvalidURL ['ClientError', 'ValueError', 'Exception'] False False True\n\
         ClientConnectionError ['ClientError', 'Exception', 'BaseException'] False False True\n\
         ClientTimeout(total=10, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5)\n\
         30 4\n\
         False 300 None\n\
         InvalidURL example.com/page <InvalidURL example.com/page> True\n\
         True\n\
         TypeError Use async with instead\n"
    );
}

/// Same program and seed, same event log — also when the run is driven
/// in small budgets, as the page drives it. (The ThreadPoolExecutor
/// crawler is left out: its shutdown joins a `set` of threads, whose order
/// follows object addresses, so its log is not reproducible across
/// processes even without the network.)
#[test]
fn network_runs_are_deterministic() {
    use interleave::runtime::{Progress, Simulation};
    let threads = r#"import threading, requests
sizes = []
def fetch(i):
    sizes.append(len(requests.get(f"https://blog.example.com/page/{i}").text))
ts = [threading.Thread(target=fetch, args=(i,)) for i in range(1, 11)]
for t in ts: t.start()
for t in ts: t.join()
print(len(sizes))
"#;
    for program in [ASYNCIO, threads] {
        let digest = || {
            let (out, sim) = run_program(program, &SimOptions::default());
            assert_eq!(out.exit_code, 0, "{}", out.stderr);
            sim.unwrap().log.digest()
        };
        let once = digest();
        assert_eq!(once, digest());
        let mut sim = Simulation::new(program, &SimOptions::default()).unwrap();
        while sim.run(997) == Progress::Running {}
        assert_eq!(sim.log.digest(), once);
        let other = SimOptions {
            seed: 1,
            ..SimOptions::default()
        };
        let (_, sim) = run_program(program, &other);
        assert_ne!(
            sim.unwrap().log.digest(),
            once,
            "the jitter follows the seed"
        );
    }
}
