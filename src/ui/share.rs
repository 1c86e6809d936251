//! Share links: the program, its run settings and seed, compressed into the
//! URL fragment (`#code=v1.…`). The fragment never leaves the browser (it
//! is not sent to any server), and what a link carries is only ever put in
//! the editor and run by the simulator: never executed as script, never
//! inserted as HTML.
//!
//! Format: `v1.` then base64url (no padding) of the zlib stream (deflate
//! plus an Adler-32 checksum, so a truncated or altered link is caught) of
//! a JSON object `{"code", "runtime", "cores", "seed", "interval_ms",
//! "latency_ms", "host_latency"}`. The network fields came later: a link
//! without them opens with the default latency (old links keep working).
//! A link of a Compare run adds `"compare": {"runtime": …}` or
//! `{"cores": …}` (see [`Compare`]); without it, Compare is off. A link
//! made with the Sweep panel set up adds `"sweep": {"constant", "values",
//! "versus"}` (see [`SweepSetup`]); without it, the panel opens as usual.
//! Decoding is bounded: a fragment over [`MAX_FRAGMENT`] characters or a
//! program that inflates past [`MAX_CODE`] bytes is refused before any
//! work is done on it.
//!
//! miniz_oxide (pure Rust, the deflate behind flate2) and base64 are both
//! small, widely used and wasm-clean; this module is plain code compiled
//! natively too, so its tests run with the engine's.

use base64::Engine as _;
use serde_json::{json, Value};

use super::compare::Compare;
use super::sweep_setup::SweepSetup;
use crate::runtime::model;
use crate::runtime::net::{NetSettings, DEFAULT_LATENCY_MS};

/// The fragment key of a share link: `#code=v1.…`.
pub const KEY: &str = "code=";
const VERSION: &str = "v1.";
/// Longest fragment accepted (characters).
pub const MAX_FRAGMENT: usize = 200_000;
/// Largest program accepted (bytes, after inflating).
pub const MAX_CODE: usize = 256 * 1024;

/// The run settings of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub runtime: String,
    pub cores: u32,
    pub seed: u64,
    /// The GIL switch interval, in milliseconds.
    pub switch_interval_ms: f64,
    /// The simulated network's base latency for every host, in ms.
    pub latency_ms: f64,
    /// Hosts with a latency of their own (`host`, ms), overriding
    /// [`Settings::latency_ms`] for them and their subdomains.
    pub host_latency: Vec<(String, f64)>,
    /// Compare is on: what a second run of the program changes.
    pub compare: Option<Compare>,
}

impl Default for Settings {
    /// What the page opens with.
    fn default() -> Self {
        Settings {
            runtime: "cpython-3.12".into(),
            cores: 2,
            seed: 1,
            switch_interval_ms: 5.0,
            latency_ms: DEFAULT_LATENCY_MS,
            host_latency: Vec::new(),
            compare: None,
        }
    }
}

impl Settings {
    pub const MAX_CORES: u32 = 64;
    pub const MIN_INTERVAL_MS: f64 = 0.01;
    pub const MAX_INTERVAL_MS: f64 = 1000.0;
    /// Highest network latency accepted (ms).
    pub const MAX_LATENCY_MS: f64 = 60_000.0;

    /// What the engine's network gets: the base latency as `*`, then
    /// each host's own.
    pub fn net(&self) -> NetSettings {
        let mut latency_ms = vec![("*".to_owned(), self.latency_ms)];
        latency_ms.extend(self.host_latency.iter().cloned());
        NetSettings { latency_ms }
    }

    /// The per-host latencies as the settings field shows them:
    /// `host=ms, host=ms`.
    pub fn host_latency_text(&self) -> String {
        self.host_latency
            .iter()
            .map(|(h, ms)| format!("{h}={ms}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Parses the per-host field (`host=ms` pairs separated by commas or
    /// spaces); the message names the first bad pair.
    pub fn parse_host_latency(text: &str) -> Result<Vec<(String, f64)>, String> {
        text.split([',', ' ', ';', '\n'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                let (host, ms) = NetSettings::parse_latency(p)?;
                if host == "*" || ms > Self::MAX_LATENCY_MS {
                    return Err(format!("'{}': a host and 0 to 60000 ms", p.trim()));
                }
                Ok((host, ms))
            })
            .collect()
    }
}

/// What a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub code: String,
    pub settings: Settings,
    /// What the Sweep panel is set to (the default: nothing).
    pub sweep: SweepSetup,
}

/// Why a link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_FRAGMENT`], or inflates past [`MAX_CODE`].
    TooLarge,
    /// Cut short, or altered: the data does not decode or its checksum fails.
    Damaged,
    /// Decodes, but is not a program with settings we know (e.g. a newer
    /// format, or an unknown runtime).
    Unknown,
}

/// The fragment (without `#`) for a program and its settings.
pub fn encode(shared: &Shared) -> String {
    let s = &shared.settings;
    let mut json = json!({
        "code": shared.code,
        "runtime": s.runtime,
        "cores": s.cores,
        "seed": s.seed,
        "interval_ms": s.switch_interval_ms,
        "latency_ms": s.latency_ms,
        "host_latency": s.host_latency,
    });
    if let Some(c) = &s.compare {
        json["compare"] = c.to_json();
    }
    if !shared.sweep.is_default() {
        json["sweep"] = shared.sweep.to_json();
    }
    let json = json.to_string();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!(
        "{KEY}{VERSION}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    )
}

/// Whether a fragment (without `#`) is meant as a share link, so that a
/// failure to decode it deserves a message.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.starts_with(KEY)
}

/// The program and settings of a fragment (without `#`).
pub fn decode(fragment: &str) -> Result<Shared, LinkError> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge);
    }
    let body = fragment.strip_prefix(KEY).ok_or(LinkError::Unknown)?;
    let body = body.strip_prefix(VERSION).ok_or(LinkError::Unknown)?;
    // Chat programs and mail clients may add padding or whitespace.
    let body: String = body
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .collect();
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(body.as_bytes())
        .map_err(|_| LinkError::Damaged)?;
    // The JSON around the code is small; allow it on top of MAX_CODE.
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_CODE + 4096)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Damaged,
        })?;
    let value: Value = serde_json::from_slice(&json).map_err(|_| LinkError::Damaged)?;
    let code = value["code"].as_str().ok_or(LinkError::Unknown)?;
    if code.len() > MAX_CODE {
        return Err(LinkError::TooLarge);
    }
    let runtime = value["runtime"].as_str().ok_or(LinkError::Unknown)?;
    if !model::NAMES.contains(&runtime) {
        return Err(LinkError::Unknown);
    }
    let cores = value["cores"]
        .as_u64()
        .filter(|c| (1..=u64::from(Settings::MAX_CORES)).contains(c))
        .ok_or(LinkError::Unknown)? as u32;
    let seed = value["seed"].as_u64().ok_or(LinkError::Unknown)?;
    let interval = value["interval_ms"]
        .as_f64()
        .filter(|v| (Settings::MIN_INTERVAL_MS..=Settings::MAX_INTERVAL_MS).contains(v))
        .ok_or(LinkError::Unknown)?;
    // Later fields: absent in older links, which then mean the default.
    let latency = match &value["latency_ms"] {
        Value::Null => DEFAULT_LATENCY_MS,
        v => v
            .as_f64()
            .filter(|v| (0.0..=Settings::MAX_LATENCY_MS).contains(v))
            .ok_or(LinkError::Unknown)?,
    };
    let host_latency = match &value["host_latency"] {
        Value::Null => Vec::new(),
        v => serde_json::from_value::<Vec<(String, f64)>>(v.clone())
            .ok()
            .filter(|hosts| {
                hosts.len() <= 64
                    && hosts.iter().all(|(h, ms)| {
                        !h.is_empty()
                            && h.len() <= 253
                            && h != "*"
                            && (0.0..=Settings::MAX_LATENCY_MS).contains(ms)
                    })
            })
            .ok_or(LinkError::Unknown)?,
    };
    let compare = match &value["compare"] {
        Value::Null => None,
        v => Some(Compare::from_json(v).ok_or(LinkError::Unknown)?),
    };
    let sweep = match &value["sweep"] {
        Value::Null => SweepSetup::default(),
        v => SweepSetup::from_json(v).ok_or(LinkError::Unknown)?,
    };
    Ok(Shared {
        code: code.to_owned(),
        settings: Settings {
            runtime: runtime.to_owned(),
            cores,
            seed,
            switch_interval_ms: interval,
            latency_ms: latency,
            host_latency,
            compare,
        },
        sweep,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Shared {
        Shared {
            code: "import threading\nprint('héllo, 世界')\n# <script>alert(1)</script>\n".into(),
            settings: Settings {
                runtime: "cpython-3.13t".into(),
                cores: 4,
                seed: 12_345_678_901,
                switch_interval_ms: 0.5,
                latency_ms: 120.0,
                host_latency: vec![("api.example.com".into(), 20.0)],
                compare: Some(Compare::Cores(8)),
            },
            sweep: SweepSetup::default(),
        }
    }

    /// A link as the page made it before the network settings existed.
    fn old_link(code: &str) -> String {
        let json = json!({
            "code": code, "runtime": "cpython-3.9", "cores": 3, "seed": 7, "interval_ms": 5.0,
        })
        .to_string();
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
        format!(
            "{KEY}{VERSION}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    }

    #[test]
    fn links_without_network_settings_mean_the_default_latency() {
        let got = decode(&old_link("print(1)\n")).unwrap();
        assert_eq!(got.code, "print(1)\n");
        assert_eq!(got.settings.cores, 3);
        assert_eq!(got.settings.latency_ms, DEFAULT_LATENCY_MS);
        assert!(got.settings.host_latency.is_empty());
        assert_eq!(got.settings.compare, None);
    }

    #[test]
    fn compare_settings_travel_in_links() {
        for compare in [
            None,
            Some(Compare::Runtime("cpython-2.7".into())),
            Some(Compare::Cores(1)),
        ] {
            let mut s = sample();
            s.settings.compare = compare;
            assert_eq!(decode(&encode(&s)), Ok(s));
        }
        // Compare off adds nothing: such a link is what the page wrote
        // before Compare existed.
        let mut s = sample();
        s.settings.compare = None;
        let link = encode(&s);
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&link[KEY.len() + VERSION.len()..])
            .unwrap();
        let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).unwrap();
        let fields: Value = serde_json::from_slice(&inflated).unwrap();
        assert!(fields.get("code").is_some() && fields.get("compare").is_none());
        let json = |compare: Value| {
            let text = json!({
                "code": "", "runtime": "cpython-3.12", "cores": 2, "seed": 1,
                "interval_ms": 5.0, "compare": compare,
            })
            .to_string();
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
            format!(
                "{KEY}{VERSION}{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
            )
        };
        assert_eq!(
            decode(&json(json!({"runtime": "cpython-3.13t"})))
                .unwrap()
                .settings
                .compare,
            Some(Compare::Runtime("cpython-3.13t".into()))
        );
        for bad in [
            json!({"runtime": "cpython-4.0"}),
            json!({"cores": 0}),
            json!(7),
        ] {
            assert_eq!(decode(&json(bad)), Err(LinkError::Unknown));
        }
    }

    #[test]
    fn sweep_settings_travel_in_links() {
        let mut s = sample();
        s.sweep = SweepSetup {
            constant: Some("WORKERS".into()),
            values: "1,2,6,8,12".into(),
            versus: Some("cpython-3.13t".into()),
        };
        assert_eq!(decode(&encode(&s)), Ok(s));
        // A Sweep left as it opens adds nothing; a bad one is refused.
        let plain = sample();
        let fields = |link: &str| -> Value {
            let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(&link[KEY.len() + VERSION.len()..])
                .unwrap();
            serde_json::from_slice(&miniz_oxide::inflate::decompress_to_vec_zlib(&packed).unwrap())
                .unwrap()
        };
        let mut v = fields(&encode(&plain));
        assert!(v.get("sweep").is_none());
        v["sweep"] = json!({"constant": "WORKERS", "versus": "cpython-9"});
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(v.to_string().as_bytes(), 9);
        let link = format!(
            "{KEY}{VERSION}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        );
        assert_eq!(decode(&link), Err(LinkError::Unknown));
    }

    #[test]
    fn network_settings_reach_the_engine_and_parse_from_the_field() {
        let s = sample().settings;
        assert_eq!(
            s.net().latency_ms,
            vec![("*".into(), 120.0), ("api.example.com".into(), 20.0)]
        );
        assert_eq!(s.host_latency_text(), "api.example.com=20");
        assert_eq!(
            Settings::parse_host_latency(" a.example=5, B.example=7.5 "),
            Ok(vec![("a.example".into(), 5.0), ("b.example".into(), 7.5)])
        );
        assert_eq!(Settings::parse_host_latency(""), Ok(vec![]));
        assert!(Settings::parse_host_latency("a.example").is_err());
        assert!(Settings::parse_host_latency("a.example=-1").is_err());
        assert!(Settings::parse_host_latency("*=5").is_err());
        let mut bad = sample();
        bad.settings.latency_ms = -3.0;
        assert_eq!(decode(&encode(&bad)), Err(LinkError::Unknown));
    }

    #[test]
    fn round_trip() {
        let link = encode(&sample());
        assert!(is_share_fragment(&link));
        assert!(link
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.=".contains(c)));
        assert_eq!(decode(&link), Ok(sample()));
    }

    #[test]
    fn every_preset_fits_a_short_link() {
        for p in crate::ui::presets::PRESETS {
            let shared = Shared {
                code: p.source().into(),
                settings: Settings::default(),
                sweep: SweepSetup::default(),
            };
            let link = encode(&shared);
            assert!(link.len() < 2000, "{}: {}", p.id, link.len());
            assert_eq!(decode(&link).unwrap(), shared);
        }
    }

    #[test]
    fn truncated_links_are_damaged() {
        let link = encode(&sample());
        for cut in [
            link.len() - 1,
            link.len() - 5,
            link.len() / 2,
            KEY.len() + 5,
        ] {
            let got = decode(&link[..cut]);
            assert!(
                matches!(got, Err(LinkError::Damaged | LinkError::Unknown)),
                "cut at {cut}: {got:?}"
            );
        }
    }

    #[test]
    fn altered_links_are_damaged() {
        let link = encode(&sample());
        let mut bytes = link.into_bytes();
        let i = bytes.len() - 8;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        let got = decode(std::str::from_utf8(&bytes).unwrap());
        assert_eq!(got, Err(LinkError::Damaged));
        assert_eq!(decode("code=v1.!!!not-base64!!!"), Err(LinkError::Damaged));
    }

    #[test]
    fn oversized_links_are_refused() {
        assert_eq!(
            decode(&format!("{KEY}{VERSION}{}", "A".repeat(MAX_FRAGMENT))),
            Err(LinkError::TooLarge)
        );
        // A small link that inflates to a huge program (a zip bomb).
        let big = Shared {
            code: "#".repeat(MAX_CODE * 4),
            settings: Settings::default(),
            sweep: SweepSetup::default(),
        };
        let link = encode(&big);
        assert!(link.len() < MAX_FRAGMENT, "{}", link.len());
        assert_eq!(decode(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn unknown_contents_are_refused() {
        assert_eq!(decode("code=v9.abc"), Err(LinkError::Unknown));
        assert_eq!(decode("other"), Err(LinkError::Unknown));
        let mut s = sample();
        s.settings.runtime = "cpython-4.0".into();
        assert_eq!(decode(&encode(&s)), Err(LinkError::Unknown));
        let mut s = sample();
        s.settings.cores = 0;
        assert_eq!(decode(&encode(&s)), Err(LinkError::Unknown));
    }
}
