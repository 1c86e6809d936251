//! The Scrapy-style crawler on the simulated network: its downloader's
//! per-domain slots, DOWNLOAD_DELAY (one request per delay from the
//! slot's last dispatch), the global and per-domain caps, AutoThrottle's
//! convergence toward latency / AUTOTHROTTLE_TARGET_CONCURRENCY, and the
//! spider side (selectors, follow, duplicate filter, stats).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/crawl.rs"]
mod crawl;

use crawl::figure;
use interleave::runtime::{run_program, SimOptions};
use interleave::trace::Event;

/// A spider fetching `urls` with `settings` (a Python dict literal); it
/// prints `elapsed <seconds>` and the crawl's stats.
fn spider(urls: &str, settings: &str, extra: &str) -> String {
    format!(
        r#"import time, scrapy
from scrapy.crawler import CrawlerProcess
class S(scrapy.Spider):
    name = "s"
    start_urls = {urls}
    def parse(self, response):
        yield {{"url": response.url, "status": response.status}}
t0 = time.perf_counter()
process = CrawlerProcess({settings})
process.crawl(S)
process.start()
print("elapsed", time.perf_counter() - t0)
crawler = process.crawlers[0]
stats = crawler.stats.get_stats()
print("requests", stats["downloader/request_count"])
print("items", stats["item_scraped_count"])
{extra}
"#
    )
}

fn run_ok(program: &str) -> (String, String, Vec<(u64, u64, String)>) {
    let (out, sim) = run_program(program, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}\n{}", out.stdout, out.stderr);
    let spans = sim
        .unwrap()
        .log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::NetRequest { t, until, host, .. } => Some((*t, *until, host.clone())),
            _ => None,
        })
        .collect();
    (out.stdout, out.stderr, spans)
}

/// The most requests in flight at once among `spans` (for `host`, or all).
fn max_in_flight(spans: &[(u64, u64, String)], host: Option<&str>) -> usize {
    let mut edges: Vec<(u64, i32)> = Vec::new();
    for (t, until, h) in spans {
        if host.is_none_or(|x| x == h) {
            edges.push((*t, 1));
            edges.push((*until, -1));
        }
    }
    // Ends before starts at the same instant.
    edges.sort();
    let (mut now, mut most) = (0i32, 0i32);
    for (_, d) in edges {
        now += d;
        most = most.max(now);
    }
    most as usize
}

const TEN_PAGES: &str = r#"[f"https://blog.example.com/page/{i}" for i in range(1, 11)]"#;

/// With DOWNLOAD_DELAY = 1 one domain gets one request per second,
/// whatever CONCURRENT_REQUESTS_PER_DOMAIN allows: 10 requests take
/// 9 s of delays plus the last response (≈ 9.6 s).
#[test]
fn download_delay_spaces_one_domains_requests() {
    for per_domain in [1, 8, 16] {
        let (out, _, spans) = run_ok(&spider(
            TEN_PAGES,
            &format!(
                "{{'DOWNLOAD_DELAY': 1, 'RANDOMIZE_DOWNLOAD_DELAY': False, \
                 'CONCURRENT_REQUESTS_PER_DOMAIN': {per_domain}, 'LOG_ENABLED': False}}"
            ),
            "",
        ));
        let elapsed = figure(&out, "elapsed");
        assert!((9.0..10.0).contains(&elapsed), "{per_domain}: {elapsed}");
        assert!(out.contains("requests 10\nitems 10\n"), "{out}");
        let mut starts: Vec<u64> = spans.iter().map(|s| s.0).collect();
        starts.sort();
        for w in starts.windows(2) {
            let gap = w[1] - w[0];
            assert!((999_000_000..1_001_000_000).contains(&gap), "{gap}");
        }
    }
}

/// RANDOMIZE_DOWNLOAD_DELAY (the default) waits 0.5–1.5× the delay
/// between dispatches, drawn from the run's seeded generator.
#[test]
fn randomized_delay_stays_within_half_and_one_and_a_half() {
    let (out, _, spans) = run_ok(&spider(
        TEN_PAGES,
        "{'DOWNLOAD_DELAY': 1, 'LOG_ENABLED': False}",
        "",
    ));
    let mut starts: Vec<u64> = spans.iter().map(|s| s.0).collect();
    starts.sort();
    let gaps: Vec<u64> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        gaps.iter()
            .all(|g| (500_000_000..=1_500_000_000).contains(g)),
        "{gaps:?}"
    );
    assert!(
        gaps.iter().any(|g| g.abs_diff(1_000_000_000) > 50_000_000),
        "{gaps:?}"
    );
    let elapsed = figure(&out, "elapsed");
    let again = figure(
        &run_ok(&spider(
            TEN_PAGES,
            "{'DOWNLOAD_DELAY': 1, 'LOG_ENABLED': False}",
            "",
        ))
        .0,
        "elapsed",
    );
    assert_eq!(elapsed, again, "same seed, same delays");
}

/// No delay, CONCURRENT_REQUESTS_PER_DOMAIN = 2, three domains of 8
/// pages: never more than 2 in flight per domain nor 6 overall — and
/// those caps are reached. The global CONCURRENT_REQUESTS caps the whole
/// downloader too.
#[test]
fn per_domain_and_global_caps() {
    let urls =
        r#"[f"https://{h}.example.com/page/{i}" for h in ("a", "b", "c") for i in range(1, 9)]"#;
    let (out, _, spans) = run_ok(&spider(
        urls,
        "{'CONCURRENT_REQUESTS_PER_DOMAIN': 2, 'LOG_ENABLED': False}",
        "",
    ));
    assert!(out.contains("requests 24\nitems 24\n"), "{out}");
    assert_eq!(spans.len(), 24);
    for host in ["a.example.com", "b.example.com", "c.example.com"] {
        assert_eq!(max_in_flight(&spans, Some(host)), 2, "{host}");
    }
    assert_eq!(max_in_flight(&spans, None), 6);
    // 8 pages two at a time: about 4 rounds of a page's latency.
    let elapsed = figure(&out, "elapsed");
    assert!((2.2..3.2).contains(&elapsed), "{elapsed}");

    let (_, _, spans) = run_ok(&spider(
        urls,
        "{'CONCURRENT_REQUESTS': 4, 'CONCURRENT_REQUESTS_PER_DOMAIN': 2, 'LOG_ENABLED': False}",
        "",
    ));
    assert_eq!(max_in_flight(&spans, None), 4);
}

/// AutoThrottle starts at AUTOTHROTTLE_START_DELAY and moves each slot's
/// delay toward latency / AUTOTHROTTLE_TARGET_CONCURRENCY, never below
/// DOWNLOAD_DELAY.
#[test]
fn autothrottle_converges_to_latency_over_target_concurrency() {
    let urls = r#"[f"https://blog.example.com/page/{i}" for i in range(1, 21)]"#;
    let report = r#"slot = crawler.engine.downloader.slots["blog.example.com"]
print("delay", slot.delay)
"#;
    let (out, stderr, spans) = run_ok(&spider(
        urls,
        "{'AUTOTHROTTLE_ENABLED': True, 'AUTOTHROTTLE_START_DELAY': 3, \
          'AUTOTHROTTLE_TARGET_CONCURRENCY': 2, 'AUTOTHROTTLE_DEBUG': True, \
          'RANDOMIZE_DOWNLOAD_DELAY': False, 'LOG_LEVEL': 'INFO'}",
        report,
    ));
    let delay = figure(&out, "delay");
    // Latency (connection + time to first byte) is 0.5–0.66 s with the
    // default model; halved by the target concurrency.
    assert!((0.25..0.34).contains(&delay), "{delay}");
    let mut starts: Vec<u64> = spans.iter().map(|s| s.0).collect();
    starts.sort();
    // The first gap is the start delay; later ones shrink toward the target.
    let first = starts[1] - starts[0];
    assert!((2_999_000_000..3_001_000_000).contains(&first), "{first}");
    let last = starts[19] - starts[18];
    assert!((250_000_000..340_000_000).contains(&last), "{last}");
    assert!(
        stderr.contains("[scrapy.extensions.throttle] INFO: slot: blog.example.com | conc:"),
        "{stderr}"
    );

    // DOWNLOAD_DELAY is the floor.
    let (out, _, _) = run_ok(&spider(
        urls,
        "{'AUTOTHROTTLE_ENABLED': True, 'AUTOTHROTTLE_START_DELAY': 3, 'DOWNLOAD_DELAY': 1, \
          'AUTOTHROTTLE_TARGET_CONCURRENCY': 2, 'LOG_ENABLED': False}",
        report,
    ));
    assert_eq!(figure(&out, "delay"), 1.0);
}

/// The spider side: css() with tag, class, attribute and ::text on the
/// synthetic listing page (checked against plain string searches of the
/// same text), response.follow of a relative link, the duplicate filter,
/// HttpErrorMiddleware dropping a 404, and the stats Scrapy logs.
#[test]
fn spider_selectors_follow_dupefilter_and_stats() {
    let program = r#"import scrapy
from scrapy.crawler import CrawlerProcess
class Blog(scrapy.Spider):
    name = "blog"
    start_urls = ["https://blog.example.com/page/1", "https://blog.example.com/status/404"]
    custom_settings = {"LOG_LEVEL": "INFO"}
    def parse(self, response):
        text = response.text
        titles = response.css("h2.post-title a::text").getall()
        hrefs = response.css("article.post h2 a::attr(href)").getall()
        print(response.url, len(titles), len(response.css("article.post")) == text.count('<article class="post"'))
        print(hrefs == [s.split('"', 1)[0] for s in text.split('<h2 class="post-title"><a href="')[1:]])
        print(titles[0] == text.split('<h2 class="post-title"><a href="')[1].split(">", 1)[1].split("<", 1)[0])
        for t in titles[:3]:
            yield {"title": t}
        nxt = response.css("a.next::attr(href)").get()
        if nxt == "/page/2":
            yield response.follow(nxt, callback=self.parse)
            yield response.follow("/page/2")
p = CrawlerProcess()
p.crawl(Blog)
p.start()
s = p.crawlers[0].stats.get_stats()
print(s["item_scraped_count"], s["dupefilter/filtered"], s["httperror/response_ignored_count"], s["finish_reason"])
"#;
    let (out, stderr, spans) = run_ok(program);
    assert_eq!(
        out,
        "https://blog.example.com/page/1 20 True\nTrue\nTrue\n\
         https://blog.example.com/page/2 20 True\nTrue\nTrue\n\
         6 1 1 finished\n"
    );
    assert_eq!(spans.len(), 3);
    assert!(
        stderr.contains("Ignoring response <404 https://blog.example.com/status/404>: HTTP status code is not handled or not allowed"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "[scrapy.statscollectors] INFO: Dumping Scrapy stats:\n{'downloader/request_count': 3,"
        ),
        "{stderr}"
    );
}

/// An exception in a callback is logged as Scrapy logs it and counted;
/// the crawl goes on with the other pages.
#[test]
fn callback_errors_are_logged_and_the_crawl_goes_on() {
    let (out, stderr, _) = run_ok(
        r#"import scrapy
from scrapy.crawler import CrawlerProcess
class S(scrapy.Spider):
    name = "s"
    start_urls = [f"https://blog.example.com/page/{i}" for i in range(1, 4)]
    def parse(self, response):
        yield {"url": response.url}
        if response.url.endswith("/2"):
            raise KeyError("missing")
p = CrawlerProcess({"LOG_LEVEL": "ERROR"})
p.crawl(S)
p.start()
s = p.crawlers[0].stats.get_stats()
print(s["item_scraped_count"], s["spider_exceptions/KeyError"], s["finish_reason"])
"#,
    );
    assert_eq!(out, "3 1 finished\n");
    assert_eq!(
        stderr,
        "[scrapy.core.scraper] ERROR: Spider error processing <GET https://blog.example.com/page/2> (referer: None)\nTraceback (most recent call last):\nbuiltins.KeyError: 'missing'\n"
    );
}

/// Each downloader slot is a queue lane of the trace: with
/// DOWNLOAD_DELAY = 1 the ten start requests enter the slot at once and
/// leave it one a second, the k-th after k seconds.
#[test]
fn a_slot_is_a_queue_lane_from_fetch_to_dispatch() {
    use interleave::trace::lanes::{LaneKind, Model};
    let program = spider(
        TEN_PAGES,
        "{'DOWNLOAD_DELAY': 1, 'RANDOMIZE_DOWNLOAD_DELAY': False, 'LOG_ENABLED': False}",
        "",
    );
    let (out, sim) = run_program(&program, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let sim = sim.unwrap();
    let model = Model::new(&sim.log.events, sim.now(), &sim.thread_names(), &[]);
    let slot = model
        .groups
        .iter()
        .flat_map(|g| &g.lanes)
        .find(|l| matches!(l.kind, LaneKind::Queue(_)) && l.label.starts_with("Scrapy slot "))
        .expect("a slot lane");
    assert!(
        slot.label.starts_with("Scrapy slot blog.example.com (#"),
        "{}",
        slot.label
    );
    assert_eq!(
        slot.transfers.len(),
        10,
        "each request from fetch to dispatch"
    );
    let mut waits: Vec<u64> = slot.transfers.iter().map(|x| x.get - x.put).collect();
    waits.sort_unstable();
    for (k, w) in waits.iter().enumerate() {
        let secs = *w as f64 / 1e9;
        assert!(
            (k as f64 - 0.01..k as f64 + 0.01).contains(&secs),
            "request {k} waited {secs} s in the slot"
        );
    }
    // The first leaves at once, before the engine hands over the second.
    assert_eq!(slot.max_step, 9, "the other nine queued at the start");
    // And the host's lane has one in flight at a time.
    let host = model.lane(LaneKind::Host(0)).expect("the host's lane");
    assert_eq!(
        (host.label.as_str(), host.max_step),
        ("blog.example.com", 1)
    );
}
