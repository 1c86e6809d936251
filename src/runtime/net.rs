//! The simulated network: virtual hosts that answer requests after a
//! modelled delay, with deterministic synthetic content ([`site`]).
//! Nothing here ever touches a real socket; `requests`, `urllib`,
//! `aiohttp` and `socket` (in `stdlib`) ask a [`Network`] what a request
//! returns and how long each phase takes, and then wait that long in
//! virtual time (a thread blocks in I/O with the GIL released; an asyncio
//! task awaits a loop timer).
//!
//! The latency model, per request:
//!
//! - **connect** (only on a new connection: DNS, TCP and TLS handshakes):
//!   [`CONNECT_FRACTION`] of the host's base latency;
//! - **wait** (time to the first byte of the response): the host's base
//!   latency ([`DEFAULT_LATENCY_MS`] unless set per host with
//!   `--latency HOST=MS` or [`NetSettings`]), plus a seeded jitter drawn
//!   uniformly in `[0, JITTER_FRACTION × base)`, plus what the server
//!   itself takes (`/delay/N`);
//! - **transfer**: the bytes sent and received at [`BANDWIDTH_BYTES_PER_S`].
//!
//! With the defaults a 27 KB blog listing page takes about
//! 50 + 550 + 14 ms ≈ 0.61 s on a new connection, so ten fetched one
//! after another take ≈ 6 s — the figure of the seed notes' sequential
//! crawler. The jitter comes from the network's own PCG stream, seeded
//! from the run's seed (a stream apart from the scheduler's, so that
//! fetching does not change which thread the OS picks next): same program
//! and seed, same delays.
//!
//! Every host exists, except names under `.invalid` (RFC 2606), which fail
//! to resolve, as a mistyped host does.

pub mod site;

use rand_core::{RngCore, SeedableRng};

/// Base latency of a host nobody configured (time to first byte), in ms.
pub const DEFAULT_LATENCY_MS: f64 = 500.0;
/// The jitter added to each request: uniform in `[0, this × base)`.
pub const JITTER_FRACTION: f64 = 0.2;
/// What a new connection costs (DNS, TCP and TLS handshakes), as a
/// fraction of the host's base latency.
pub const CONNECT_FRACTION: f64 = 0.1;
/// Bandwidth of every link, in bytes per second (16 Mbit/s).
pub const BANDWIDTH_BYTES_PER_S: u64 = 2_000_000;
/// How long a failed name resolution takes to report.
pub const DNS_FAILURE_NS: u64 = 20_000_000;

/// The per-run settings of the network (from the command line's
/// `--latency HOST=MS` or the page).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetSettings {
    /// Base latency in milliseconds by host; `*` sets the default. A host
    /// also matches its subdomains (`example.com` covers
    /// `www.example.com`); the longest match wins.
    pub latency_ms: Vec<(String, f64)>,
}

impl NetSettings {
    /// Parses one `HOST=MS` setting (`*=MS` for every host).
    pub fn parse_latency(spec: &str) -> Result<(String, f64), String> {
        let Some((host, ms)) = spec.split_once('=') else {
            return Err(format!("expected HOST=MS, got '{spec}'"));
        };
        let host = host.trim().to_ascii_lowercase();
        if host.is_empty() {
            return Err(format!("no host in '{spec}'"));
        }
        match ms.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Ok((host, v)),
            _ => Err(format!(
                "latency must be a number of milliseconds >= 0, got '{}'",
                ms.trim()
            )),
        }
    }
}

/// A URL split into what a request needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    /// `http` or `https`.
    pub scheme: String,
    /// Lower-case host name.
    pub host: String,
    pub port: u16,
    /// The path, at least `/`.
    pub path: String,
    /// The query string without `?` (may be empty).
    pub query: String,
}

/// Why a URL cannot be fetched, with `requests`' names for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    MissingSchema(String),
    InvalidSchema(String),
    InvalidUrl(String),
}

impl Url {
    pub fn parse(text: &str) -> Result<Url, UrlError> {
        let text = text.trim();
        let Some((scheme, rest)) = text.split_once("://") else {
            return Err(UrlError::MissingSchema(format!(
                "Invalid URL '{text}': No scheme supplied. Perhaps you meant https://{text}?"
            )));
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(UrlError::InvalidSchema(format!(
                "No connection adapters were found for '{text}'"
            )));
        }
        let rest = rest.split('#').next().unwrap_or("");
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let authority = authority.rsplit('@').next().unwrap_or("");
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => match p.parse::<u16>() {
                Ok(p) => (h, p),
                Err(_) => return Err(UrlError::InvalidUrl(format!("Failed to parse: {text}"))),
            },
            None => (authority, if scheme == "https" { 443 } else { 80 }),
        };
        if host.is_empty() {
            return Err(UrlError::InvalidUrl(format!(
                "Invalid URL '{text}': No host supplied"
            )));
        }
        let (path, query) = match tail.split_once('?') {
            Some((p, q)) => (p, q),
            None => (tail, ""),
        };
        Ok(Url {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            query: query.into(),
        })
    }

    /// `https://host[:port]/path?query`, normalised.
    pub fn to_text(&self) -> String {
        let default = if self.scheme == "https" { 443 } else { 80 };
        let port = if self.port == default {
            String::new()
        } else {
            format!(":{}", self.port)
        };
        let query = if self.query.is_empty() {
            String::new()
        } else {
            format!("?{}", self.query)
        };
        format!(
            "{}://{}{}{}{}",
            self.scheme, self.host, port, self.path, query
        )
    }
}

/// A request as the server sees it.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// The value of a header (names compare without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response and how long each phase of the exchange takes.
#[derive(Clone, Debug)]
pub struct Exchange {
    pub status: u16,
    pub reason: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Setting up a new connection (0 on a reused one).
    pub connect_ns: u64,
    /// From the request sent to the response's first byte.
    pub wait_ns: u64,
    /// Receiving the body (and sending the request's).
    pub transfer_ns: u64,
}

/// The network of one run: the latency settings and the jitter stream.
pub struct Network {
    settings: NetSettings,
    rng: rand_pcg::Pcg64Mcg,
    /// Requests answered so far.
    pub requests: u64,
}

impl Network {
    pub fn new(seed: u64, settings: NetSettings) -> Network {
        Network {
            settings,
            rng: rand_pcg::Pcg64Mcg::seed_from_u64(seed ^ 0x6e_e7_0b_5e_55),
            requests: 0,
        }
    }

    /// The base latency of `host`, in nanoseconds.
    pub fn base_ns(&self, host: &str) -> u64 {
        let host = host.to_ascii_lowercase();
        let mut best: Option<(usize, f64)> = None;
        for (h, ms) in &self.settings.latency_ms {
            let matches = h == "*"
                || *h == host
                || (host.ends_with(h.as_str()) && host[..host.len() - h.len()].ends_with('.'));
            let rank = if h == "*" { 0 } else { h.len() + 1 };
            if matches && best.is_none_or(|(r, _)| rank >= r) {
                best = Some((rank, *ms));
            }
        }
        let ms = best.map_or(DEFAULT_LATENCY_MS, |(_, ms)| ms);
        (ms * 1e6).round() as u64
    }

    /// What a new connection to `host` costs (DNS, TCP, TLS).
    pub fn connect_ns(&self, host: &str) -> u64 {
        (self.base_ns(host) as f64 * CONNECT_FRACTION) as u64
    }

    /// Time to move `bytes` over a link.
    pub fn transfer_ns(bytes: usize) -> u64 {
        (bytes as u128 * 1_000_000_000 / u128::from(BANDWIDTH_BYTES_PER_S)) as u64
    }

    /// A seeded draw in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.rng.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Sends `request` (over a new connection or a kept-alive one):
    /// the response and its timing, or Err(ns) when the host does not
    /// resolve (after ns).
    pub fn exchange(&mut self, request: &Request, new_connection: bool) -> Result<Exchange, u64> {
        self.requests += 1;
        if request.url.host.ends_with(".invalid") || request.url.host == "invalid" {
            return Err(DNS_FAILURE_NS);
        }
        let base = self.base_ns(&request.url.host);
        let jitter = self.below((base as f64 * JITTER_FRACTION) as u64);
        let reply = site::serve(request);
        let connect_ns = if new_connection {
            self.connect_ns(&request.url.host)
        } else {
            0
        };
        let mut headers = vec![
            ("Content-Type".to_string(), reply.content_type.to_string()),
            ("Content-Length".to_string(), reply.body.len().to_string()),
            ("Server".to_string(), "interleave-sim/1.0".to_string()),
            ("Connection".to_string(), "keep-alive".to_string()),
        ];
        headers.extend(reply.extra_headers);
        let body = if request.method == "HEAD" {
            Vec::new()
        } else {
            reply.body
        };
        Ok(Exchange {
            status: reply.status,
            reason: reason(reply.status),
            headers,
            transfer_ns: Self::transfer_ns(body.len() + request.body.len()),
            body,
            connect_ns,
            wait_ns: base + jitter + reply.delay_ns,
        })
    }
}

/// The reason phrase of an HTTP status (as `http.HTTPStatus` has it).
pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        418 => "I'm a Teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(net: &mut Network, url: &str, new: bool) -> Exchange {
        let req = Request {
            method: "GET".into(),
            url: Url::parse(url).unwrap(),
            headers: vec![],
            body: vec![],
        };
        net.exchange(&req, new).unwrap()
    }

    #[test]
    fn urls_split_and_fail_like_requests() {
        let u = Url::parse("https://Example.com:8443/a/b?x=1#frag").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str(), u.query.as_str()),
            ("example.com", 8443, "/a/b", "x=1")
        );
        assert_eq!(Url::parse("http://h").unwrap().path, "/");
        assert!(matches!(
            Url::parse("example.com/page"),
            Err(UrlError::MissingSchema(_))
        ));
        assert!(matches!(
            Url::parse("ftp://example.com/"),
            Err(UrlError::InvalidSchema(_))
        ));
        assert!(matches!(
            Url::parse("http:///x"),
            Err(UrlError::InvalidUrl(_))
        ));
    }

    #[test]
    fn default_latency_makes_ten_pages_take_about_six_seconds() {
        let mut net = Network::new(0, NetSettings::default());
        let total: u64 = (1..=10)
            .map(|i| {
                let e = get(
                    &mut net,
                    &format!("https://blog.example.com/page/{i}"),
                    true,
                );
                e.connect_ns + e.wait_ns + e.transfer_ns
            })
            .sum();
        assert!((5_500_000_000..6_800_000_000).contains(&total), "{total}");
    }

    #[test]
    fn jitter_is_seeded_and_bounded() {
        let waits = |seed| {
            let mut net = Network::new(seed, NetSettings::default());
            (0..20)
                .map(|_| get(&mut net, "https://a.example/", false).wait_ns)
                .collect::<Vec<_>>()
        };
        assert_eq!(waits(3), waits(3));
        assert_ne!(waits(3), waits(4));
        for w in waits(5) {
            assert!((500_000_000..600_000_000).contains(&w), "{w}");
        }
    }

    #[test]
    fn per_host_settings_take_the_longest_match() {
        let settings = NetSettings {
            latency_ms: vec![
                ("*".into(), 100.0),
                ("example.com".into(), 20.0),
                ("slow.example.com".into(), 2000.0),
            ],
        };
        let net = Network::new(0, settings);
        assert_eq!(net.base_ns("other.org"), 100_000_000);
        assert_eq!(net.base_ns("www.example.com"), 20_000_000);
        assert_eq!(net.base_ns("slow.example.com"), 2_000_000_000);
        assert_eq!(net.base_ns("notexample.com"), 100_000_000);
        assert_eq!(
            NetSettings::parse_latency("Example.com=250").unwrap(),
            ("example.com".into(), 250.0)
        );
        assert!(NetSettings::parse_latency("example.com").is_err());
        assert!(NetSettings::parse_latency("x=-1").is_err());
    }

    #[test]
    fn reused_connections_skip_the_handshake_and_bodies_cost_bandwidth() {
        let mut net = Network::new(1, NetSettings::default());
        let fresh = get(&mut net, "https://h.example/bytes/200000", true);
        let kept = get(&mut net, "https://h.example/bytes/200000", false);
        assert_eq!(fresh.connect_ns, 50_000_000);
        assert_eq!(kept.connect_ns, 0);
        assert_eq!(kept.transfer_ns, 100_000_000);
        let req = Request {
            method: "GET".into(),
            url: Url::parse("https://nowhere.invalid/").unwrap(),
            headers: vec![],
            body: vec![],
        };
        assert_eq!(net.exchange(&req, true).unwrap_err(), DNS_FAILURE_NS);
    }
}
