//! The share panel: a link that reopens the program with its settings and
//! seed, a copyable `<iframe>` snippet for course pages (the embed mode),
//! both made in the browser from the fragment codec in [`super::share`].

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::share::{self, Shared};
use super::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub lang: Lang,
    pub shared: Shared,
}

/// This page's address (without query or fragment), then `?embed=1` when
/// asked, then the share fragment.
pub fn page_url(shared: &Shared, embed: bool) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .as_ref()
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    let query = if embed { "?embed=1" } else { "" };
    format!("{base}{query}#{}", share::encode(shared))
}

/// The `<iframe>` element a course page pastes in.
fn snippet(url: &str) -> String {
    // The URL is ours (origin, path, base64url): nothing in it needs
    // escaping inside a double-quoted attribute but `&` and `"`.
    let url = url.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{url}\" width=\"100%\" height=\"720\" style=\"border:1px solid #dde1e8;border-radius:8px\" title=\"Interleave\" loading=\"lazy\"></iframe>"
    )
}

#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let l = props.lang;
    // The link as of the last press of Share (None: not shared yet).
    let link = use_state(|| None::<(String, String)>);
    let copied = use_state(|| None::<&'static str>);
    let on_share = {
        let (link, copied, shared) = (link.clone(), copied.clone(), props.shared.clone());
        Callback::from(move |_: MouseEvent| {
            let url = page_url(&shared, false);
            let embed = snippet(&page_url(&shared, true));
            if let Some(hash) = url.split_once('#').map(|(_, h)| h.to_owned()) {
                if let Some(w) = web_sys::window() {
                    if let Ok(history) = w.history() {
                        let _ = history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&format!("#{hash}")),
                        );
                    }
                }
            }
            link.set(Some((url, embed)));
            copied.set(None);
        })
    };
    let copy = |what: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copy_text(&text);
            copied.set(Some(what));
        })
    };
    // A link made for an older program is stale: show it only while it
    // still says what the editor holds.
    let current = link
        .as_ref()
        .filter(|(url, _)| url.ends_with(&share::encode(&props.shared)));
    html! {
        <section class="panel share" id="share" aria-labelledby="share-title">
            <h2 id="share-title">{ l.t(Text::Share) }</h2>
            <p class="note">{ l.t(Text::ShareIntro) }</p>
            <button id="share-button" onclick={on_share}>{ l.t(Text::Share) }</button>
            if let Some((url, embed)) = current {
                <label class="share-field">{ l.t(Text::ShareLink) }
                    <span class="copy-row">
                        <input id="share-link" readonly=true value={url.clone()} />
                        <button class="small" id="copy-link" onclick={copy("link", url.clone())}>
                            { if *copied == Some("link") { l.t(Text::Copied) } else { l.t(Text::Copy) } }
                        </button>
                    </span>
                </label>
                <label class="share-field">{ l.t(Text::EmbedSnippet) }
                    <span class="copy-row">
                        <textarea id="embed-snippet" readonly=true rows="3" value={embed.clone()} />
                        <button class="small" id="copy-embed" onclick={copy("embed", embed.clone())}>
                            { if *copied == Some("embed") { l.t(Text::Copied) } else { l.t(Text::Copy) } }
                        </button>
                    </span>
                </label>
            }
        </section>
    }
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`), where
/// the browser allows it.
fn copy_text(text: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let navigator = w.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return;
    };
    if clipboard.is_undefined() {
        return;
    }
    if let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) {
        if let Ok(f) = write.dyn_into::<js_sys::Function>() {
            if let Ok(promise) = f.call1(&clipboard, &text.into()) {
                // A refusal (no permission) is not an error of the page.
                if let Ok(p) = promise.dyn_into::<js_sys::Promise>() {
                    let ignore =
                        wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                            |_| {},
                        );
                    let _ = p.catch(&ignore);
                    ignore.forget();
                }
            }
        }
    }
}
