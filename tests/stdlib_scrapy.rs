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
crawler = process.create_crawler(S)
process.crawl(crawler)
process.start()
print("elapsed", time.perf_counter() - t0)
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
crawler = p.create_crawler(Blog)
p.crawl(crawler)
p.start()
s = crawler.stats.get_stats()
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
crawler = p.create_crawler(S)
p.crawl(crawler)
p.start()
s = crawler.stats.get_stats()
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

/// XPath on a blog-style page: absolute and relative paths, //, text(),
/// @attr, [n], [last()], [@attr='v'], contains(), starts-with(), not(),
/// and/or, `.` and `..`, unions, node sets in document order. The
/// expected stdout is parsel 1.12.1's (Scrapy's selectors) for the same
/// program (`pip install --target /tmp/parsel-ref parsel`, then
/// `PYTHONPATH=/tmp/parsel-ref python3 prog.py`: it imports parsel when
/// there is no scrapy).
const XPATH: &str = r#"try:
    from scrapy import Selector
except ImportError:
    from parsel import Selector

HTML = """<html><head><title>My Blog</title></head>
<body>
<div id="main" class="content wide">
  <article class="post featured" data-id="1">
    <h2><a href="/posts/1">First post</a></h2>
    <p class="meta">By <span class="author">Ann</span> on 2024-01-01</p>
    <p>Hello <b>world</b>!</p>
    <ul class="tags"><li>python</li><li>threads</li><li>gil</li></ul>
  </article>
  <article class="post" data-id="2">
    <h2><a href="/posts/2" title="second">Second post</a></h2>
    <p class="meta">By <span class="author">Bob</span></p>
    <ul class="tags"><li>asyncio</li></ul>
  </article>
  <article class="post draft" data-id="3">
    <h2><a href="/posts/3">Third post</a></h2>
  </article>
</div>
<a class="next" href="/page/2">Next</a>
</body></html>"""

sel = Selector(text=HTML)
print(sel.xpath("//title/text()").get())
print(sel.xpath("/html/head/title/text()").get())
print(sel.xpath("//h2/a/text()").getall())
print(sel.xpath("//h2/a/@href").getall())
print(sel.xpath("//article/@data-id").getall())
print(sel.xpath("//article[@class='post']/h2/a/text()").get())
print(sel.xpath("//article[contains(@class, 'featured')]//span/text()").get())
print(sel.xpath("//article[starts-with(@data-id, '2')]//a/@title").get())
print(sel.xpath("//ul[@class='tags']/li[1]/text()").getall())
print(sel.xpath("//ul[@class='tags']/li[last()]/text()").getall())
print(sel.xpath("(//li)").getall() if False else len(sel.xpath("//li")))
print(sel.xpath("//a[@title]/text()").getall())
print(sel.xpath("//a[not(@title)]/@href").getall())
print(sel.xpath("//li[text()='gil']/text()").get())
print(sel.xpath("//p[@class='meta' and span]/span/text()").getall())
print(sel.xpath("//span[@class='author'] | //a[@class='next']").xpath("text()").getall())
print(sel.xpath("//a[@class='next']/@href").get(), sel.xpath("//a[@class='missing']/@href").get())
print(sel.xpath("//a[@class='missing']/@href").get(default="none"))
print(len(sel.xpath("//*[@data-id]")), len(sel.xpath("//div/*")), len(sel.xpath("//article[2]/*")))
for art in sel.xpath("//article"):
    title = art.xpath(".//h2/a/text()").get()
    tags = art.xpath(".//li/text()").getall()
    author = art.xpath(".//span[@class='author']/text()").get(default="?")
    n_all = len(art.xpath("//h2"))
    print(title, tags, author, n_all, art.xpath("@data-id").get())
print(sel.xpath("//div[@id='main']/article[3]/h2/a/text()").get())
print(sel.xpath("//p[contains(., 'world')]/b/text()").get())
print(sel.xpath("//li/..").xpath("@class").getall())
print(sel.css("article.draft").xpath(".//a/@href").get())
print(sel.xpath("//ul/li").xpath("text()").getall()[1:3])
print(sel.xpath("//ul[@class='tags']//text()").getall())
print([t.strip() for t in sel.xpath("//p[@class='meta']//text()").getall()])
print(sel.xpath("//article[@data-id='1']/p[2]//text()").getall())
print(sel.xpath("//li[. = 'threads']/text()").get(), sel.xpath("//li[. != 'python']/text()").getall())
print(sel.xpath("//article[.//li = 'asyncio']/@data-id").get())
print(sel.xpath("//h2[a[@title]]/a/text()").get())
print(sel.xpath("//*[@class='author' or @class='next']/text()").getall())
"#;

const XPATH_STDOUT: &str = r#"My Blog
My Blog
['First post', 'Second post', 'Third post']
['/posts/1', '/posts/2', '/posts/3']
['1', '2', '3']
Second post
Ann
second
['python', 'asyncio']
['gil', 'asyncio']
4
['Second post']
['/posts/1', '/posts/3', '/page/2']
gil
['Ann', 'Bob']
['Ann', 'Bob', 'Next']
/page/2 None
none
3 3 3
First post ['python', 'threads', 'gil'] Ann 3 1
Second post ['asyncio'] Bob 3 2
Third post [] ? 3 3
Third post
world
['tags', 'tags']
/posts/3
['threads', 'gil']
['python', 'threads', 'gil', 'asyncio']
['By', 'Ann', 'on 2024-01-01', 'By', 'Bob']
['Hello ', 'world', '!']
threads ['threads', 'gil', 'asyncio']
2
Second post
['Ann', 'Bob', 'Next']
"#;

#[test]
fn xpath_selects_as_parsel_does() {
    let (out, stderr, _) = run_ok(XPATH);
    assert_eq!(out, XPATH_STDOUT, "{stderr}");
}

/// On the synthetic listing page, response.xpath finds what response.css
/// finds; an XPath beyond the simulated subset says so.
#[test]
fn xpath_agrees_with_css_on_the_listing_page() {
    let (out, _, _) = run_ok(
        r#"import scrapy
from scrapy.crawler import CrawlerProcess
class Blog(scrapy.Spider):
    name = "blog"
    start_urls = ["https://blog.example.com/page/1"]
    custom_settings = {"LOG_ENABLED": False}
    def parse(self, response):
        by_css = response.css("h2.post-title a::text").getall()
        by_xpath = response.xpath("//h2[@class='post-title']/a/text()").getall()
        print(len(by_xpath), by_css == by_xpath)
        print(response.css("a.next::attr(href)").get() == response.xpath("//a[contains(@class, 'next')]/@href").get())
        for post in response.xpath("//article[@class='post']")[:2]:
            print(post.xpath(".//h2/a/text()").get() == post.css("h2 a::text").get())
        try:
            response.xpath("count(//article)")
        except NotImplementedError as e:
            print("NotImplementedError:", str(e).split(",")[0])
p = CrawlerProcess()
p.crawl(Blog)
p.start()
"#,
    );
    assert_eq!(
        out,
        "20 True\nTrue\nTrue\nTrue\nNotImplementedError: scrapy: the XPath 'count(//article)' uses the step 'count(//article)'\n"
    );
}

/// ITEM_PIPELINES and FEEDS: pipelines built with from_crawler or plainly,
/// run lowest order first, open_spider/close_spider, a DropItem logged and
/// counted, and json/jsonlines/csv feeds written on the simulated disk.
/// Real Scrapy 2.11.2 (`pip install --target /tmp/scrapy211 scrapy==2.11.2
/// "w3lib<2.2" "twisted<24"`) printed the same stdout and log lines for
/// this program with `data:` URLs in place of the simulated hosts'.
#[test]
fn item_pipelines_and_feed_exports() {
    let (out, stderr, _) = run_ok(
        r#"import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import DropItem

URLS = ["https://blog.example.com/post/%d" % i for i in range(5)]


class Upper:
    def open_spider(self, spider):
        print("Upper open", spider.name)
        self.seen = 0

    def process_item(self, item, spider):
        self.seen += 1
        item["title"] = item["title"].upper()
        return item

    def close_spider(self, spider):
        print("Upper close", self.seen)


class DropOdd:
    @classmethod
    def from_crawler(cls, crawler):
        print("DropOdd from_crawler", crawler.settings.get("LIMIT"))
        return cls()

    def process_item(self, item, spider):
        if item["n"] % 2:
            raise DropItem("odd number %d" % item["n"])
        print("kept", dict(item))
        return item


class S(scrapy.Spider):
    name = "posts"
    custom_settings = {"CONCURRENT_REQUESTS": 1}

    def start_requests(self):
        for i, u in enumerate(URLS):
            yield scrapy.Request(u, meta={"n": i}, priority=-i)

    def parse(self, response):
        yield {"n": response.meta["n"], "title": "post %d" % response.meta["n"]}


p = CrawlerProcess({
    "LOG_LEVEL": "INFO",
    "LIMIT": 3,
    "ITEM_PIPELINES": {"__main__.DropOdd": 200, "__main__.Upper": 100},
    "FEEDS": {"items.json": {"format": "json"}, "items.jl": {"format": "jsonlines"},
              "items.csv": {"format": "csv"}},
})
crawler = p.create_crawler(S)
p.crawl(crawler)
p.start()
s = crawler.stats.get_stats()
print(s.get("item_scraped_count"), s.get("item_dropped_count"), s.get("item_dropped_reasons_count/DropItem"))
for f in ["items.json", "items.jl", "items.csv"]:
    print("==", f)
    print(repr(open(f, "rb").read()))
"#,
    );
    assert_eq!(
        out,
        r#"DropOdd from_crawler 3
Upper open posts
kept {'n': 0, 'title': 'POST 0'}
kept {'n': 2, 'title': 'POST 2'}
kept {'n': 4, 'title': 'POST 4'}
Upper close 5
3 2 2
== items.json
b'[\n{"n": 0, "title": "POST 0"},\n{"n": 2, "title": "POST 2"},\n{"n": 4, "title": "POST 4"}\n]'
== items.jl
b'{"n": 0, "title": "POST 0"}\n{"n": 2, "title": "POST 2"}\n{"n": 4, "title": "POST 4"}\n'
== items.csv
b'n,title\r\n0,POST 0\r\n2,POST 2\r\n4,POST 4\r\n'
"#
    );
    for line in [
        "[scrapy.middleware] INFO: Enabled item pipelines:\n['__main__.Upper', '__main__.DropOdd']\n",
        "[scrapy.core.scraper] WARNING: Dropped: odd number 1\n{'n': 1, 'title': 'POST 1'}\n",
        "[scrapy.core.engine] INFO: Closing spider (finished)\n[scrapy.extensions.feedexport] INFO: Stored json feed (3 items) in: items.json\n",
        "[scrapy.extensions.feedexport] INFO: Stored csv feed (3 items) in: items.csv\n",
        " 'feedexport/success_count/FileFeedStorage': 3,\n",
        " 'item_dropped_reasons_count/DropItem': 2,\n",
    ] {
        assert!(stderr.contains(line), "{line} not in {stderr}");
    }
}
