//! The yew application (wasm only): the page a learner sees.
//!
//! It owns layout, user input and drawing, and nothing of the engine: it
//! reads the [`Environment`] the boot found, and calls [`crate::lab`] for
//! real parallel work. Areas: the presets gallery, the run area (editor,
//! settings, console), sharing, the timeline, the lab, and a header with
//! the theme and language toggles and the status line that says what the
//! page runs on. Explore runs the program under many seeds; clicking one
//! of its bars sets that seed and runs it (the run area's `run_request`).
//!
//! The app holds the program and its settings. They start from the URL:
//! a share link's fragment (`#code=v1.…`, see [`share`]), else
//! `?preset=NAME`, else the default preset; a link that cannot be opened
//! shows a message over the default preset. `?embed=1` is the embed mode
//! (minimal chrome: no gallery, lab or share panel). Each Run writes the
//! program into the fragment (replacing the history entry), so a reload —
//! or the crash panel's reload, see [`crash`] — brings it back.

// The plain parts (compiled natively too: see lib.rs).
pub mod compare;
pub mod console;
pub mod diagnostics;
pub mod highlight;
pub mod outcomes;
pub mod presets;
pub mod share;
pub mod sweep;
pub mod sweep_setup;

mod batch;
mod compare_view;
pub mod crash;
mod editor;
mod explore_panel;
mod files_panel;
mod gallery;
mod i18n;
mod lab_draw;
mod lab_exps;
mod lab_panel;
mod lab_text;
mod perfetto;
mod run_area;
mod share_panel;
mod stats_panel;
mod status;
mod stepper_panel;
mod sweep_panel;
mod timeline;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use presets::Preset;
use share::{LinkError, Settings, Shared};

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

/// Why the page did not open what its URL asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notice {
    Link(LinkError),
    UnknownPreset,
}

impl Notice {
    fn text(self, l: Lang) -> &'static str {
        l.t(match self {
            Notice::Link(LinkError::TooLarge) => Text::LinkTooLarge,
            Notice::Link(LinkError::Damaged) => Text::LinkDamaged,
            Notice::Link(LinkError::Unknown) => Text::LinkUnknown,
            Notice::UnknownPreset => Text::UnknownPreset,
        })
    }
}

/// What the page opens with, from its URL.
#[derive(Clone, Debug, PartialEq)]
struct Opening {
    code: String,
    settings: Settings,
    preset: Option<&'static Preset>,
    notice: Option<Notice>,
    /// The Sweep panel's settings a share link carried.
    sweep: sweep_setup::SweepSetup,
}

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

fn with_preset(p: &'static Preset, notice: Option<Notice>) -> Opening {
    let mut settings = Settings::default();
    if let Some(rt) = p.runtime {
        settings.runtime = rt.to_owned();
    }
    Opening {
        code: p.source().to_owned(),
        settings,
        preset: Some(p),
        notice,
        sweep: sweep_setup::SweepSetup::default(),
    }
}

fn opening() -> Opening {
    let hash = fragment();
    if share::is_share_fragment(&hash) {
        return match share::decode(&hash) {
            Ok(Shared {
                code,
                settings,
                sweep,
            }) => Opening {
                preset: presets::matching(&code),
                code,
                settings,
                notice: None,
                sweep,
            },
            Err(e) => with_preset(presets::default_preset(), Some(Notice::Link(e))),
        };
    }
    match query_param("preset") {
        Some(name) => match presets::by_id(&name) {
            Some(p) => with_preset(p, None),
            None => with_preset(presets::default_preset(), Some(Notice::UnknownPreset)),
        },
        None => with_preset(presets::default_preset(), None),
    }
}

/// Replaces the fragment without a new history entry (and without a
/// `hashchange` event).
fn replace_fragment(fragment: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{fragment}")),
            );
        }
    }
}

/// Offers `text` as a file download.
pub(crate) fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = document.create_element("a") {
            let a: web_sys::HtmlElement = a.unchecked_into();
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The colour theme: the system's unless the user chose.
const THEME_KEY: &str = "interleave.theme";

fn stored_theme() -> Option<String> {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::get::<String>(THEME_KEY)
        .ok()
        .filter(|t| t == "light" || t == "dark")
}

fn system_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn apply_theme(theme: Option<&str>) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Some(t) => html.set_attribute("data-theme", t),
            None => html.remove_attribute("data-theme"),
        };
    }
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
    let embed = use_memo((), |_| query_param("embed").is_some_and(|v| v != "0"));
    let embed = *embed;
    let opened = use_memo((), |_| opening());
    let code = use_state(|| AttrValue::from(opened.code.clone()));
    let settings = use_state(|| opened.settings.clone());
    let preset = use_state(|| opened.preset);
    let notice = use_state(|| opened.notice);
    let sweep_setup = use_state(|| opened.sweep.clone());
    let theme = use_state(stored_theme);
    {
        let theme = (*theme).clone();
        use_effect_with(theme, |t| apply_theme(t.as_deref()));
    }
    // A share link pasted into the address bar of an open page changes
    // only the fragment: open it.
    {
        let (code, settings, preset, notice, sweep_setup) = (
            code.clone(),
            settings.clone(),
            preset.clone(),
            notice.clone(),
            sweep_setup.clone(),
        );
        use_effect_with((), move |_| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                if share::is_share_fragment(&fragment()) {
                    let o = opening();
                    code.set(AttrValue::from(o.code));
                    settings.set(o.settings);
                    preset.set(o.preset);
                    notice.set(o.notice);
                    sweep_setup.set(o.sweep);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    let run = use_state(|| None::<std::rc::Rc<run_area::RunView>>);
    let run_request = use_state(|| 0u32);
    let on_replay = {
        let (settings, run_request) = (settings.clone(), run_request.clone());
        Callback::from(move |seed: u64| {
            settings.set(Settings {
                seed,
                ..(*settings).clone()
            });
            run_request.set(run_request.wrapping_add(1).max(1));
            // The run shows on the timeline, above.
            if let Some(area) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("timeline"))
            {
                area.scroll_into_view();
            }
        })
    };
    let on_run = {
        let run = run.clone();
        Callback::from(move |view| run.set(Some(view)))
    };
    let compared = use_state(|| None::<std::rc::Rc<compare_view::CompareRun>>);
    // The stepper's run so far, shown instead of the last run while the
    // user decides.
    let stepping = use_state(|| None::<std::rc::Rc<stepper_panel::StepView>>);
    let on_step_view = {
        let stepping = stepping.clone();
        Callback::from(move |view| stepping.set(view))
    };
    let marks = stepping
        .as_ref()
        .map(|s| s.marks.clone())
        .unwrap_or_default();
    let on_compare = {
        let compared = compared.clone();
        Callback::from(move |pair| compared.set(pair))
    };
    let on_pick = {
        let (code, settings, preset, notice, sweep_setup) = (
            code.clone(),
            settings.clone(),
            preset.clone(),
            notice.clone(),
            sweep_setup.clone(),
        );
        Callback::from(move |p: &'static Preset| {
            sweep_setup.set(sweep_setup::SweepSetup::default());
            let mut next = (*settings).clone();
            if let Some(rt) = p.runtime {
                next.runtime = rt.to_owned();
            }
            settings.set(next);
            code.set(AttrValue::from(p.source()));
            preset.set(Some(p));
            notice.set(None);
        })
    };
    let on_code = {
        let code = code.clone();
        Callback::from(move |text: String| code.set(AttrValue::from(text)))
    };
    let on_settings = {
        let settings = settings.clone();
        Callback::from(move |s: Settings| settings.set(s))
    };
    let current_share = Shared {
        code: code.to_string(),
        settings: (*settings).clone(),
        sweep: (*sweep_setup).clone(),
    };
    let batch_input = batch::BatchInput {
        code: (*code).clone(),
        settings: (*settings).clone(),
        workers: props.env.workers,
    };
    let on_sweep_setup = {
        let sweep_setup = sweep_setup.clone();
        Callback::from(move |s| sweep_setup.set(s))
    };
    let on_start = {
        let shared = current_share.clone();
        Callback::from(move |()| {
            let fragment = share::encode(&shared);
            crash::remember_run(&fragment);
            replace_fragment(&fragment);
        })
    };
    // The theme in force, for what draws on canvases.
    let dark = theme.as_deref().map_or_else(system_dark, |t| t == "dark");
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let dark = match theme.as_deref() {
                Some(t) => t == "dark",
                None => system_dark(),
            };
            let next = if dark { "light" } else { "dark" };
            use gloo::storage::{LocalStorage, Storage};
            let _ = LocalStorage::set(THEME_KEY, next);
            theme.set(Some(next.to_owned()));
        })
    };
    let on_dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let l = *lang;
    let edited = preset.is_some_and(|p| p.source() != code.as_str());
    let about = preset.map(|p| {
        html! {
            <div class="preset-about" id="preset-about" data-preset={p.id}>
                <h2>{ l.pick(p.title) }
                    if edited { <span class="edited">{ format!(" ({})", l.t(Text::PresetEdited)) }</span> }
                </h2>
                <p>{ l.pick(p.about) }</p>
            </div>
        }
    });
    let theme_button = html! {
        <button id="theme-toggle" class="icon" onclick={on_theme}
                title={l.t(Text::ThemeToggle)} aria-label={l.t(Text::ThemeToggle)}>{ "◐" }</button>
    };
    html! {
        <div class={classes!("app", embed.then_some("embed"))}>
            if embed {
                <header class="top slim">
                    <a class="brand-link" id="open-full" target="_blank" rel="noopener"
                       href={share_panel::page_url(&current_share, false)}>{ l.t(Text::OpenFullPage) }</a>
                    { theme_button }
                    <LangToggle lang={l} on_change={set_lang} />
                </header>
            } else {
                <header class="top">
                    <div class="brand">
                        <h1>{ "Interleave" }</h1>
                        <span class="tagline">{ l.t(Text::Tagline) }</span>
                    </div>
                    <status::StatusLine env={props.env.clone()} lang={l} />
                    { theme_button }
                    <LangToggle lang={l} on_change={set_lang} />
                </header>
            }
            if let Some(n) = *notice {
                <div class="notice" id="link-notice" role="alert">
                    <span>{ n.text(l) }</span>
                    <button class="small" onclick={on_dismiss}>{ l.t(Text::Dismiss) }</button>
                </div>
            }
            <main>
                if !embed {
                    <gallery::Gallery lang={l} current={preset.map(|p| p.id)} on_pick={on_pick} />
                }
                <run_area::RunArea lang={l} code={(*code).clone()} settings={(*settings).clone()}
                    on_code={on_code.clone()} on_settings={on_settings} on_start={on_start} on_run={on_run}
                    on_compare={on_compare} run_request={*run_request} marks={marks}>
                    { for about }
                </run_area::RunArea>
                if !embed {
                    <share_panel::SharePanel lang={l} shared={current_share.clone()} />
                }
                if let Some(step) = (*stepping).clone() {
                    <timeline::Timeline lang={l} run={Some(step.run.clone())} dark={dark} now={Some(step.now)}
                        caption={AttrValue::from(format!("{} · {} · {}", l.t(Text::StepperTimeline), step.run.runtime,
                            crate::trace::lanes::duration(step.now)))}
                        on_select_line={Callback::from(timeline::select_editor_line)} />
                } else if let Some(pair) = (*compared).clone() {
                    <compare_view::CompareView lang={l} pair={pair} dark={dark} />
                } else {
                    <timeline::Timeline lang={l} run={(*run).clone()} dark={dark}
                        on_select_line={Callback::from(timeline::select_editor_line)} />
                }
                // Right under the timeline it drives while stepping.
                <stepper_panel::StepperPanel lang={l} code={(*code).clone()} settings={(*settings).clone()}
                    on_view={on_step_view} />
                <stats_panel::StatsPanel lang={l} run={(*run).clone()}
                    caption={(*compared).as_ref().map(|pair| compare_view::side_caption(l, &pair.first, "A"))} />
                <explore_panel::ExplorePanel lang={l} input={batch_input.clone()} on_replay={on_replay} />
                <sweep_panel::SweepPanel lang={l} input={batch_input} on_code={on_code.clone()}
                    setup={(*sweep_setup).clone()} on_setup={on_sweep_setup} />
                <files_panel::FilesPanel lang={l} run={(*run).clone()} />
                if !embed {
                    <lab_panel::LabPanel lang={l} workers={props.env.workers} embedded={props.env.embedded} />
                }
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
