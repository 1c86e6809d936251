//! What the virtual hosts serve: deterministic synthetic content, the same
//! for the same URL in every run (a page does not depend on the seed, as a
//! real site does not depend on who fetches it).
//!
//! Routes (on every host):
//!
//! - `/status/N`: an empty response with status N;
//! - `/delay/N`: the request echoed as JSON after N more seconds (N ≤ 60);
//! - `/get`, `/post`, `/put`, `/patch`, `/delete`, `/anything…`: the request
//!   echoed as JSON (args, headers, data, form, json, url), httpbin-style;
//!   405 for another method;
//! - `/headers`, `/ip`, `/user-agent`: those parts of the request as JSON;
//! - `/bytes/N`: N deterministic bytes (N ≤ 10 MB);
//! - `/robots.txt`: a short robots file;
//! - `/json`, `/api/…`, `*.json`: a JSON list of 20 articles;
//! - `/posts/SLUG`: one article page (about 6 KB of HTML);
//! - anything else: a blog listing page (about 27 KB of HTML) with 20
//!   `<article class="post">` sections, their titles, authors, dates, tags
//!   and excerpts, and pagination links (`/page/N`).
//!
//! HTML and JSON pages answer GET and HEAD; other methods get 405.

use super::Request;

/// What the server answers.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Time the server itself takes beyond the host's latency.
    pub delay_ns: u64,
    pub extra_headers: Vec<(String, String)>,
}

const HTML: &str = "text/html; charset=utf-8";
const JSON: &str = "application/json";

fn reply(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
    Reply {
        status,
        content_type,
        body,
        delay_ns: 0,
        extra_headers: Vec::new(),
    }
}

/// Answers one request.
pub fn serve(req: &Request) -> Reply {
    let path = req.url.path.as_str();
    let method = req.method.as_str();
    let readable = method == "GET" || method == "HEAD";
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let first = parts.next().unwrap_or("");
    let arg = parts.next().unwrap_or("");
    match first {
        "status" => match arg.parse::<u16>() {
            Ok(code) if (100..600).contains(&code) => reply(code, HTML, Vec::new()),
            _ => reply(400, HTML, b"Invalid status code".to_vec()),
        },
        "delay" => {
            let secs = arg.parse::<f64>().unwrap_or(0.0).clamp(0.0, 60.0);
            let mut r = reply(200, JSON, echo(req, true));
            r.delay_ns = (secs * 1e9) as u64;
            r
        }
        "get" | "post" | "put" | "patch" | "delete" if arg.is_empty() => {
            if method.eq_ignore_ascii_case(first) || (first == "get" && method == "HEAD") {
                reply(200, JSON, echo(req, first != "get"))
            } else {
                method_not_allowed()
            }
        }
        "anything" => reply(200, JSON, echo(req, true)),
        "headers" | "ip" | "user-agent" if arg.is_empty() => {
            let doc = match first {
                "headers" => serde_json::json!({ "headers": headers_json(req) }),
                "ip" => serde_json::json!({ "origin": ORIGIN }),
                _ => serde_json::json!({ "user-agent": req.header("User-Agent") }),
            };
            reply(200, JSON, pretty(&doc))
        }
        "bytes" => match arg.parse::<usize>() {
            Ok(n) if n <= 10_000_000 => {
                let mut rng = Rng::for_url(req);
                let body = (0..n).map(|_| rng.next() as u8).collect();
                reply(200, "application/octet-stream", body)
            }
            _ => reply(400, HTML, b"Invalid byte count".to_vec()),
        },
        "robots.txt" if readable => reply(
            200,
            "text/plain",
            b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n".to_vec(),
        ),
        _ if !readable => method_not_allowed(),
        "json" | "api" => reply(200, JSON, articles_json(req)),
        _ if path.ends_with(".json") => reply(200, JSON, articles_json(req)),
        "posts" if !arg.is_empty() => reply(200, HTML, post_page(req, arg)),
        _ => reply(200, HTML, listing_page(req)),
    }
}

fn method_not_allowed() -> Reply {
    let body = b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n";
    let mut r = reply(405, HTML, body.to_vec());
    r.extra_headers
        .push(("Allow".into(), "GET, HEAD, OPTIONS".into()));
    r
}

/// The client address every echo reports (TEST-NET-3).
const ORIGIN: &str = "203.0.113.7";

fn pretty(doc: &serde_json::Value) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}

fn headers_json(req: &Request) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    map.insert(
        "Host".into(),
        serde_json::Value::String(req.url.host.clone()),
    );
    for (k, v) in &req.headers {
        map.insert(title_case(k), serde_json::Value::String(v.clone()));
    }
    serde_json::Value::Object(map)
}

/// `content-type` → `Content-Type`, as httpbin shows header names.
fn title_case(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Decodes `a=1&b=x+y` into pairs (percent escapes and `+`).
pub fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (unquote(k), unquote(v))
        })
        .collect()
}

fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn multi_map(pairs: Vec<(String, String)>) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (k, v) in pairs {
        match map.get_mut(&k) {
            Some(serde_json::Value::Array(a)) => a.push(v.into()),
            Some(old) => {
                let first = old.take();
                *old = serde_json::Value::Array(vec![first, v.into()]);
            }
            None => {
                map.insert(k, v.into());
            }
        }
    }
    serde_json::Value::Object(map)
}

/// The request as httpbin echoes it.
fn echo(req: &Request, with_body: bool) -> Vec<u8> {
    let mut doc = serde_json::Map::new();
    doc.insert("args".into(), multi_map(parse_query(&req.url.query)));
    if with_body {
        let text = String::from_utf8_lossy(&req.body).into_owned();
        let ctype = req.header("Content-Type").unwrap_or("");
        let form = if ctype.starts_with("application/x-www-form-urlencoded") {
            multi_map(parse_query(&text))
        } else {
            serde_json::Value::Object(Default::default())
        };
        let json = if ctype.starts_with("application/json") {
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
        } else {
            serde_json::Value::Null
        };
        let data = if ctype.starts_with("application/x-www-form-urlencoded") {
            String::new()
        } else {
            text
        };
        doc.insert("data".into(), data.into());
        doc.insert("form".into(), form);
        doc.insert("json".into(), json);
        doc.insert("method".into(), req.method.clone().into());
    }
    doc.insert("headers".into(), headers_json(req));
    doc.insert("origin".into(), ORIGIN.into());
    doc.insert("url".into(), req.url.to_text().into());
    pretty(&serde_json::Value::Object(doc))
}

/// A small deterministic generator seeded by the URL (FNV-1a + xorshift).
struct Rng(u64);

impl Rng {
    fn for_url(req: &Request) -> Rng {
        Rng::for_text(&format!("{}{}", req.url.host, req.url.path))
    }

    fn for_text(s: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in s.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "thread",
    "lock",
    "queue",
    "python",
    "async",
    "loop",
    "worker",
    "pool",
    "process",
    "memory",
    "latency",
    "socket",
    "request",
    "cache",
    "crawler",
    "scheduler",
    "event",
    "future",
    "task",
    "kernel",
    "buffer",
    "signal",
    "pipeline",
    "spider",
    "page",
    "data",
    "server",
    "client",
    "timeout",
    "retry",
    "batch",
    "stream",
    "result",
    "parallel",
    "concurrent",
    "interpreter",
    "global",
    "design",
    "notes",
    "simple",
    "fast",
    "slow",
    "careful",
    "shared",
    "state",
    "safe",
];
const TITLE_WORDS: &[&str] = &[
    "Understanding",
    "Why",
    "How",
    "Notes on",
    "A Tour of",
    "Measuring",
    "Debugging",
    "Scaling",
    "Rethinking",
    "Inside",
    "Taming",
    "Profiling",
];
const AUTHORS: &[&str] = &[
    "Li Wei",
    "Zhang Min",
    "Ana Souza",
    "Tom Becker",
    "Priya Nair",
    "Wang Fang",
    "Omar Haddad",
    "Chen Jing",
];
const TAGS: &[&str] = &[
    "python",
    "gil",
    "asyncio",
    "threads",
    "multiprocessing",
    "scrapy",
    "performance",
    "web",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.push(f.to_ascii_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = 8 + rng.below(8) as usize;
            sentence(rng, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

struct Article {
    title: String,
    slug: String,
    author: &'static str,
    date: String,
    tags: Vec<&'static str>,
}

fn article(rng: &mut Rng, index: u64) -> Article {
    let lead = rng.pick(TITLE_WORDS);
    let a = rng.pick(WORDS);
    let b = rng.pick(WORDS);
    let title = format!("{lead} the {a} {b}");
    let slug = format!(
        "{}-{a}-{b}-{index}",
        lead.to_ascii_lowercase().replace(' ', "-")
    );
    let author = rng.pick(AUTHORS);
    let date = format!("2025-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
    let tags = (0..1 + rng.below(3)).map(|_| rng.pick(TAGS)).collect();
    Article {
        title,
        slug,
        author,
        date,
        tags,
    }
}

/// The page number of `/page/N` (1 otherwise).
fn page_number(path: &str) -> u64 {
    path.strip_prefix("/page/")
        .and_then(|n| n.trim_end_matches('/').parse::<u32>().ok())
        .map_or(1, |n| u64::from(n.max(1)))
}

fn site_name(host: &str) -> String {
    let name = host.trim_start_matches("www.");
    let name = name.split('.').next().unwrap_or(name);
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str() + " Blog",
        None => "Blog".into(),
    }
}

fn head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{title}</title>\n"));
    out.push_str("<link rel=\"stylesheet\" href=\"/static/css/site.css\">\n");
    out.push_str("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">\n</head>\n<body>\n");
}

fn header(out: &mut String, site: &str) {
    out.push_str(&format!(
        "<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">{site}</a>\n<nav class=\"menu\">\n<a href=\"/\">Home</a>\n<a href=\"/archive/\">Archive</a>\n<a href=\"/tags/\">Tags</a>\n<a href=\"/about/\">About</a>\n</nav>\n</header>\n"
    ));
}

fn footer(out: &mut String, site: &str) {
    out.push_str(&format!(
        "<footer class=\"site-footer\">\n<p>&copy; 2025 {site}. Served by a simulated host.</p>\n</footer>\n</body>\n</html>\n"
    ));
}

/// A listing page: 20 article sections and pagination.
fn listing_page(req: &Request) -> Vec<u8> {
    let mut rng = Rng::for_url(req);
    let site = site_name(&req.url.host);
    let page = page_number(&req.url.path);
    let mut out = String::with_capacity(30_000);
    head(&mut out, &format!("{site} — page {page}"));
    header(&mut out, &site);
    out.push_str("<main class=\"post-list\">\n");
    for i in 0..20 {
        let index = (page - 1) * 20 + i + 1;
        let a = article(&mut rng, index);
        out.push_str(&format!(
            "<article class=\"post\" id=\"post-{index}\">\n<h2 class=\"post-title\"><a href=\"/posts/{}\">{}</a></h2>\n",
            a.slug, a.title
        ));
        out.push_str(&format!(
            "<div class=\"post-meta\"><span class=\"author\">{}</span> · <time datetime=\"{}\">{}</time> · <span class=\"tags\">",
            a.author, a.date, a.date
        ));
        for t in &a.tags {
            out.push_str(&format!("<a class=\"tag\" href=\"/tags/{t}/\">{t}</a> "));
        }
        out.push_str("</span></div>\n<div class=\"post-excerpt\">\n");
        for _ in 0..2 {
            let n = 4 + rng.below(2) as usize;
            out.push_str(&format!("<p>{}</p>\n", paragraph(&mut rng, n)));
        }
        out.push_str(&format!(
            "</div>\n<a class=\"read-more\" href=\"/posts/{}\">Read more &rarr;</a>\n</article>\n",
            a.slug
        ));
    }
    out.push_str("</main>\n<nav class=\"pagination\">\n");
    if page > 1 {
        out.push_str(&format!(
            "<a class=\"prev\" href=\"/page/{}\">&larr; Newer</a>\n",
            page - 1
        ));
    }
    out.push_str(&format!(
        "<span class=\"current\">Page {page}</span>\n<a class=\"next\" href=\"/page/{}\">Older &rarr;</a>\n</nav>\n",
        page + 1
    ));
    footer(&mut out, &site);
    out.into_bytes()
}

/// One article's page.
fn post_page(req: &Request, slug: &str) -> Vec<u8> {
    let mut rng = Rng::for_url(req);
    let site = site_name(&req.url.host);
    let a = article(&mut rng, 0);
    let title = slug.trim_end_matches('/').replace('-', " ");
    let mut out = String::with_capacity(8_000);
    head(&mut out, &format!("{title} — {site}"));
    header(&mut out, &site);
    out.push_str(&format!(
        "<main>\n<article class=\"post\">\n<h1 class=\"post-title\">{title}</h1>\n<div class=\"post-meta\"><span class=\"author\">{}</span> · <time datetime=\"{}\">{}</time></div>\n<div class=\"post-body\">\n",
        a.author, a.date, a.date
    ));
    for _ in 0..12 {
        let n = 4 + rng.below(3) as usize;
        out.push_str(&format!("<p>{}</p>\n", paragraph(&mut rng, n)));
    }
    out.push_str("</div>\n</article>\n</main>\n");
    footer(&mut out, &site);
    out.into_bytes()
}

/// The articles of a listing as JSON.
fn articles_json(req: &Request) -> Vec<u8> {
    let mut rng = Rng::for_url(req);
    let page = page_number(&req.url.path);
    let items: Vec<serde_json::Value> = (0..20)
        .map(|i| {
            let index = (page - 1) * 20 + i + 1;
            let a = article(&mut rng, index);
            serde_json::json!({
                "id": index,
                "title": a.title,
                "url": format!("{}://{}/posts/{}", req.url.scheme, req.url.host, a.slug),
                "author": a.author,
                "date": a.date,
                "tags": a.tags,
            })
        })
        .collect();
    pretty(&serde_json::json!({ "page": page, "count": items.len(), "articles": items }))
}

#[cfg(test)]
mod tests {
    use super::super::Url;
    use super::*;

    fn request(method: &str, url: &str) -> Request {
        Request {
            method: method.into(),
            url: Url::parse(url).unwrap(),
            headers: vec![("User-Agent".into(), "test/1".into())],
            body: vec![],
        }
    }

    #[test]
    fn listing_pages_are_realistic_and_deterministic() {
        let r = serve(&request("GET", "https://blog.example.com/page/3"));
        assert_eq!(r.status, 200);
        let html = String::from_utf8(r.body.clone()).unwrap();
        assert_eq!(html.matches("<article class=\"post\"").count(), 20);
        assert!((20_000..40_000).contains(&html.len()), "{}", html.len());
        assert!(html.contains("href=\"/page/4\""));
        let again = serve(&request("GET", "https://blog.example.com/page/3"));
        assert_eq!(again.body, r.body);
        let other = serve(&request("GET", "https://blog.example.com/page/4"));
        assert_ne!(other.body, r.body);
    }

    #[test]
    fn httpbin_style_routes() {
        assert_eq!(serve(&request("GET", "http://h/status/404")).status, 404);
        assert_eq!(serve(&request("GET", "http://h/status/x")).status, 400);
        let d = serve(&request("GET", "http://h/delay/2"));
        assert_eq!(d.delay_ns, 2_000_000_000);
        let echo = serve(&request("GET", "http://h/get?a=1&a=2&b=x+y%21"));
        let doc: serde_json::Value = serde_json::from_slice(&echo.body).unwrap();
        assert_eq!(doc["args"]["a"], serde_json::json!(["1", "2"]));
        assert_eq!(doc["args"]["b"], "x y!");
        assert_eq!(doc["headers"]["User-Agent"], "test/1");
        assert_eq!(serve(&request("POST", "http://h/get")).status, 405);
        assert_eq!(serve(&request("POST", "http://h/page/1")).status, 405);
        let mut post = request("POST", "http://h/post");
        post.headers
            .push(("Content-Type".into(), "application/json".into()));
        post.body = br#"{"k": [1, 2]}"#.to_vec();
        let doc: serde_json::Value = serde_json::from_slice(&serve(&post).body).unwrap();
        assert_eq!(doc["json"]["k"], serde_json::json!([1, 2]));
        assert_eq!(
            serve(&request("GET", "http://h/bytes/1000")).body.len(),
            1000
        );
        let j = serve(&request("GET", "http://h/api/posts"));
        let doc: serde_json::Value = serde_json::from_slice(&j.body).unwrap();
        assert_eq!(doc["articles"].as_array().unwrap().len(), 20);
    }
}
