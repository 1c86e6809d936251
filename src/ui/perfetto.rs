//! "Open in Perfetto": hands the last run's Chrome trace to the Perfetto UI
//! through our helper page, `perfetto.html` (www/).
//!
//! The Perfetto UI takes a trace from the window that opened it, by
//! `postMessage` after a PING/PONG handshake. Our page cannot do that
//! itself: it is cross-origin isolated (`Cross-Origin-Opener-Policy:
//! same-origin`), so a window it opens on another origin lands in another
//! browsing context group and neither can reach the other. The helper page
//! is served without the isolation headers (the server and the service
//! worker leave it alone), so it can open ui.perfetto.dev and talk to it.
//! Between our page and the helper, both of this origin, the trace goes
//! over a `BroadcastChannel`: the helper asks for its id, this module
//! answers with the JSON it keeps for that id. Nothing leaves the browser
//! except what the helper posts to the Perfetto UI window.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::Lang;

/// The channel's name; www/perfetto.js uses the same.
const CHANNEL: &str = "interleave-perfetto";

/// The trace waiting for its helper page.
struct Pending {
    id: String,
    title: String,
    json: String,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// The channel, opened on first use and kept (with its listener) for
    /// the page's life.
    static CHANNEL_OPEN: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Keeps `json` for the helper page and opens it in a new tab. Must run
/// inside a user gesture (a click), or the browser blocks the new tab.
pub fn open(json: String, title: &str, lang: Lang) {
    let id = format!("{:x}", js_sys::Date::now() as u64);
    PENDING.with(|p| {
        *p.borrow_mut() = Some(Pending {
            id: id.clone(),
            title: title.to_string(),
            json,
        })
    });
    ensure_channel();
    let lang = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(
            &format!("perfetto.html?isolate=0#id={id}&lang={lang}"),
            "_blank",
        );
    }
}

/// Opens the channel and answers the helper's `{type: "want", id}` with
/// `{type: "trace", id, title, json}`, or `{type: "gone", id}` when that
/// trace is no longer kept (a newer one replaced it).
fn ensure_channel() {
    CHANNEL_OPEN.with(|slot| {
        if slot.borrow().is_some() {
            return;
        }
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return;
        };
        let reply_on = channel.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let field = |name: &str| {
                    Reflect::get(&data, &JsValue::from_str(name))
                        .ok()
                        .and_then(|v| v.as_string())
                };
                if field("type").as_deref() != Some("want") {
                    return;
                }
                let Some(want) = field("id") else {
                    return;
                };
                let reply = Object::new();
                let set = |k: &str, v: &str| {
                    let _ = Reflect::set(&reply, &JsValue::from_str(k), &JsValue::from_str(v));
                };
                set("id", &want);
                PENDING.with(|p| match &*p.borrow() {
                    Some(t) if t.id == want => {
                        set("type", "trace");
                        set("title", &t.title);
                        set("json", &t.json);
                    }
                    _ => set("type", "gone"),
                });
                let _ = reply_on.post_message(&reply);
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        *slot.borrow_mut() = Some(channel);
    });
}
