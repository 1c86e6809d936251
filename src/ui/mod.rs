//! The yew application (wasm only): the page a learner sees.
//!
//! It owns layout, user input and drawing, and nothing of the engine: it
//! reads the [`Environment`] the boot found, and calls [`crate::lab`] for
//! real parallel work. Areas: the run area (editor and settings), the
//! timeline, the lab, and a header with the language toggle and the status
//! line that says what the page runs on.

// The plain parts (compiled natively too: see lib.rs).
pub mod console;
pub mod diagnostics;
pub mod highlight;
pub mod presets;
pub mod share;

mod i18n;
mod lab_panel;
mod run_area;
mod status;
mod timeline;

use yew::prelude::*;

pub use i18n::{Lang, Text};

use crate::web::Environment;

/// Mounts the app on `#app` (or on `<body>` when that element is missing).
pub fn mount(env: Environment) {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    let props = AppProps { env };
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub env: Environment,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = use_state(Lang::initial);
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
    }
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            l.remember();
            lang.set(l);
        })
    };
    let run = use_state(|| None::<std::rc::Rc<run_area::RunView>>);
    let on_run = {
        let run = run.clone();
        Callback::from(move |view| run.set(Some(view)))
    };
    let l = *lang;
    html! {
        <div class="app">
            <header class="top">
                <div class="brand">
                    <h1>{ "Interleave" }</h1>
                    <span class="tagline">{ l.t(Text::Tagline) }</span>
                </div>
                <status::StatusLine env={props.env.clone()} lang={l} />
                <LangToggle lang={l} on_change={set_lang} />
            </header>
            <main>
                <run_area::RunArea lang={l} on_run={on_run} />
                <timeline::Timeline lang={l} run={(*run).clone()} />
                <lab_panel::LabPanel lang={l} workers={props.env.workers} embedded={props.env.embedded} />
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LangToggleProps {
    lang: Lang,
    on_change: Callback<Lang>,
}

#[function_component(LangToggle)]
fn lang_toggle(props: &LangToggleProps) -> Html {
    let button = |lang: Lang, label: &'static str| {
        let on_change = props.on_change.clone();
        let pressed = props.lang == lang;
        html! {
            <button class={classes!("lang", pressed.then_some("active"))}
                    id={format!("lang-{}", lang.code())}
                    aria-pressed={pressed.to_string()}
                    onclick={move |_| on_change.emit(lang)}>{ label }</button>
        }
    };
    html! {
        <div class="lang-toggle" role="group" aria-label="Language / 语言">
            { button(Lang::En, "EN") }
            { button(Lang::Zh, "简体中文") }
        </div>
    }
}
