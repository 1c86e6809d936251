//! The seed notes' crawler of 10 blog pages, written the ways the notes
//! write it, for the simulated network's acceptance tests. Each prints its
//! elapsed virtual time as `<label> <seconds>`.

#![allow(dead_code)]

pub const SEQUENTIAL: &str = r#"import time, requests
urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]
t0 = time.perf_counter()
sizes = [len(requests.get(u).text) for u in urls]
print("pages", len(sizes), all(s > 20000 for s in sizes))
print("sequential", round(time.perf_counter() - t0, 4))
"#;

pub const THREADS: &str = r#"import time, requests
from concurrent.futures import ThreadPoolExecutor
urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]
def fetch(u):
    return len(requests.get(u).text)
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=12) as pool:
    sizes = list(pool.map(fetch, urls))
print("pages", len(sizes), all(s > 20000 for s in sizes))
print("threads", round(time.perf_counter() - t0, 4))
"#;

pub const ASYNCIO: &str = r#"import asyncio, time, aiohttp
urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]
async def fetch(session, url):
    async with session.get(url) as resp:
        return len(await resp.text())
async def main():
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, u) for u in urls))
t0 = time.perf_counter()
sizes = asyncio.run(main())
print("pages", len(sizes), all(s > 20000 for s in sizes))
print("asyncio", round(time.perf_counter() - t0, 4))
"#;

/// The notes' fourth variant: 4 processes, each fetching its share of
/// the pages one after another — 3 rounds of a page's latency (a new
/// connection each) plus the processes' start and the pickled hand-offs,
/// ≈ 3 s (the notes measured 2.9 s), between the loop and the threads. (Spawned processes re-import `_net`, so each draws the same
/// jitter stream from the seed; forked ones share the parent's.)
pub const POOL: &str = r#"import time, requests
from multiprocessing import Pool
urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]
def fetch(u):
    return len(requests.get(u).text)
if __name__ == "__main__":
    t0 = time.perf_counter()
    with Pool(4) as pool:
        sizes = pool.map(fetch, urls)
    print("pages", len(sizes), all(s > 20000 for s in sizes))
    print("processes", round(time.perf_counter() - t0, 4))
"#;

/// Seconds printed by a program as a `label seconds` line.
pub fn figure(stdout: &str, label: &str) -> f64 {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(label)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no '{label}' in {stdout}"))
}
