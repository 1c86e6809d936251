//! The Compare view (wasm only): the settings that turn it on and choose
//! the second run (another runtime or another core count), the second
//! run itself (after the first, in the same frame-sized slices and with
//! the same Stop), and the result: the speedup line, the two timelines
//! one above the other on one time axis (zoom or pan one, both move), and
//! the two consoles side by side (stacked on a narrow screen).
//!
//! The words, names and arithmetic are in [`super::compare`]; this module
//! only lays them out. It never changes the first run's view: the run
//! area and the statistics keep showing the first run as without Compare.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::compare::{self, AxisLink, Compare, CORE_CHOICES};
use super::console::{chunks, Chunk};
use super::run_area::{self, thread_class, RunView};
use super::share::Settings;
use super::timeline::{self, Timeline};
use super::Lang;
use crate::runtime::{model, Simulation};

/// One side of a comparison: its settings, what its timeline draws and
/// what it printed.
#[derive(Debug)]
pub struct Side {
    pub settings: Settings,
    pub run: Rc<RunView>,
    pub chunks: Vec<Chunk>,
    pub stderr: String,
    pub names: Vec<String>,
    /// The exit status; `None` when Stop ended the run.
    pub exit: Option<i32>,
}

/// A finished comparison: the first run (the page's settings) and the
/// second (the same with the compared setting changed).
#[derive(Debug)]
pub struct CompareRun {
    pub first: Side,
    pub second: Side,
}

impl PartialEq for CompareRun {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Runs the program again under `settings` (the second side), in slices
/// with a yield to the browser between them; `stop` ends it as it ends
/// the first run. `progress` gets the virtual time after each slice.
pub async fn run_second(
    source: &str,
    settings: Settings,
    stop: &Cell<bool>,
    progress: impl Fn(u64),
) -> Side {
    let options = run_area::sim_options(&settings);
    let mut sim = match Simulation::new(source, &options) {
        Ok(sim) => sim,
        Err(text) => {
            let runtime = model::NAMES
                .iter()
                .copied()
                .find(|n| *n == settings.runtime)
                .unwrap_or(model::DEFAULT);
            return Side {
                settings,
                run: Rc::new(RunView {
                    timeline: crate::trace::timeline::Timeline::new(&[], 0, &[]),
                    runtime,
                    events: Vec::new(),
                    state_lines: Vec::new(),
                    files: Vec::new(),
                }),
                chunks: Vec::new(),
                stderr: text,
                names: Vec::new(),
                exit: Some(1),
            };
        }
    };
    let exit = run_area::drive(&mut sim, stop, |sim| progress(sim.now())).await;
    let (out, err) = {
        let (o, e) = sim.output();
        (o.to_owned(), e.to_owned())
    };
    let names = sim.thread_names();
    let chunks = chunks(&out, &sim.log.events);
    let timeline = crate::trace::timeline::Timeline::new(&sim.log.events, sim.now(), &names);
    Side {
        settings,
        run: Rc::new(RunView {
            timeline,
            runtime: sim.runtime(),
            events: std::mem::take(&mut sim.log.events),
            state_lines: std::mem::take(&mut sim.state_lines),
            files: sim.files(),
        }),
        chunks,
        stderr: err,
        names,
        exit,
    }
}

/// The labels of this view.
#[derive(Clone, Copy)]
enum K {
    Compare,
    CompareHelp,
    With,
    Runtime,
    Cores,
    Title,
    Axis,
    Output,
    Stopped,
    Exit,
}

fn t(l: Lang, k: K) -> &'static str {
    match (l, k) {
        (Lang::En, K::Compare) => "Compare",
        (Lang::Zh, K::Compare) => "对比",
        (Lang::En, K::CompareHelp) => "Run the program a second time under another runtime or core count, and draw both runs on one time axis.",
        (Lang::Zh, K::CompareHelp) => "在另一个运行时或另一个核心数下再运行一次程序，并把两次运行画在同一条时间轴上。",
        (Lang::En, K::With) => "Compare with",
        (Lang::Zh, K::With) => "对比对象",
        (Lang::En, K::Runtime) => "Runtime",
        (Lang::Zh, K::Runtime) => "运行时",
        (Lang::En, K::Cores) => "Cores",
        (Lang::Zh, K::Cores) => "核心数",
        (Lang::En, K::Title) => "Compare",
        (Lang::Zh, K::Title) => "对比",
        (Lang::En, K::Axis) => "Both timelines share one time axis (the longer run's): zooming or panning one moves the other.",
        (Lang::Zh, K::Axis) => "两条时间线共用一条时间轴（以较长的一次运行为准）：缩放或拖动其中一条，另一条随之移动。",
        (Lang::En, K::Output) => "Output",
        (Lang::Zh, K::Output) => "输出",
        (Lang::En, K::Stopped) => "stopped before the end: no speedup to show",
        (Lang::Zh, K::Stopped) => "运行在结束前被停止：无法给出加速比",
        (Lang::En, K::Exit) => "exit",
        (Lang::Zh, K::Exit) => "退出码",
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareSettingsProps {
    pub lang: Lang,
    pub settings: Settings,
    pub on_settings: Callback<Settings>,
}

/// The Compare switch of the run settings and, when on, what the second
/// run changes.
#[function_component(CompareSettings)]
pub fn compare_settings(props: &CompareSettingsProps) -> Html {
    let l = props.lang;
    let on_toggle = {
        let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let mut next = settings.clone();
            next.compare = input.checked().then(|| Compare::default_for(&settings));
            on_settings.emit(next);
        })
    };
    let on_with = {
        let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Some(c) = Compare::from_value(&select.value()) {
                let mut next = settings.clone();
                next.compare = Some(c);
                on_settings.emit(next);
            }
        })
    };
    let chosen = props.settings.compare.clone();
    let mut cores: Vec<u32> = CORE_CHOICES.to_vec();
    if let Some(Compare::Cores(n)) = chosen {
        if !cores.contains(&n) {
            cores.push(n);
            cores.sort_unstable();
        }
    }
    let zh = l == Lang::Zh;
    let option = |c: Compare, label: String| {
        let selected = chosen.as_ref() == Some(&c);
        html! { <option value={c.value()} selected={selected}>{ label }</option> }
    };
    html! {
        <>
            <label class="compare-toggle" title={t(l, K::CompareHelp)}>{ t(l, K::Compare) }
                <input id="compare-on" type="checkbox" checked={chosen.is_some()} onchange={on_toggle} />
            </label>
            if chosen.is_some() {
                <label>{ t(l, K::With) }
                    <select id="compare-with" onchange={on_with}>
                        <optgroup label={t(l, K::Runtime)}>
                            { for model::NAMES.iter().map(|rt| option(
                                Compare::Runtime((*rt).to_owned()),
                                format!("CPython {}", compare::short_runtime(rt)),
                            )) }
                        </optgroup>
                        <optgroup label={t(l, K::Cores)}>
                            { for cores.iter().map(|n| option(Compare::Cores(*n), compare::cores_text(*n, zh))) }
                        </optgroup>
                    </select>
                </label>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub pair: Rc<CompareRun>,
    /// The page's theme is dark (for the timelines' canvases).
    #[prop_or_default]
    pub dark: bool,
}

/// The speedup line, the two timelines on one axis, the two consoles.
#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let l = props.lang;
    let zh = l == Lang::Zh;
    let link = use_memo((), |_| Rc::new(AxisLink::default()));
    let (a, b) = (&props.pair.first, &props.pair.second);
    let (name_a, name_b) = compare::side_names(&a.settings, &b.settings, zh);
    let (end_a, end_b) = (a.run.timeline.end, b.run.timeline.end);
    let stopped = a.exit.is_none() || b.exit.is_none();
    let line = if stopped {
        t(l, K::Stopped).to_owned()
    } else {
        compare::speedup_line(&name_a, end_a, &name_b, end_b, zh).unwrap_or_default()
    };
    let end = compare::shared_end(end_a, end_b);
    let caption = |side: &Side, letter: &str| side_caption(l, side, letter);
    let select_line = Callback::from(timeline::select_editor_line);
    html! {
        // One cell of the page's grid (the timeline's) holds all four.
        <div class="compare-area">
            <section class="panel compare" id="compare" aria-labelledby="compare-title">
                <style>{ CSS }</style>
                <h2 id="compare-title">{ t(l, K::Title) }</h2>
                <p class="compare-speedup" id="compare-speedup"
                   data-a-ns={end_a.to_string()} data-b-ns={end_b.to_string()}>{ line }</p>
                <p class="compare-note">{ t(l, K::Axis) }</p>
            </section>
            <Timeline lang={l} run={Some(a.run.clone())} id="timeline" caption={caption(a, "A")} dark={props.dark}
                axis_end={end} link={(*link).clone()} on_select_line={select_line.clone()} />
            <Timeline lang={l} run={Some(b.run.clone())} id="timeline-b" caption={caption(b, "B")} dark={props.dark}
                axis_end={end} link={(*link).clone()} on_select_line={select_line} />
            <section class="panel compare-output" id="compare-output" aria-labelledby="compare-output-title">
                <h2 id="compare-output-title">{ t(l, K::Output) }</h2>
                <div class="compare-consoles">
                    { console(l, a, caption(a, "A"), "a") }
                    { console(l, b, caption(b, "B"), "b") }
                </div>
            </section>
        </div>
    }
}

/// A side's caption: `A · CPython 3.12 · 2 cores · 20.5 ms`, and
/// `(stopped)` when Stop ended it.
pub fn side_caption(l: Lang, side: &Side, letter: &str) -> AttrValue {
    let zh = l == Lang::Zh;
    let mut text = format!(
        "{letter} · {}",
        compare::caption(&side.settings, side.run.timeline.end, zh)
    );
    if side.exit.is_none() {
        text.push_str(&format!(" ({})", l.t(super::Text::RunStopped)));
    }
    AttrValue::from(text)
}

/// One side's console: its caption, exit status and output by thread.
fn console(l: Lang, side: &Side, caption: AttrValue, key: &str) -> Html {
    let status = match side.exit {
        Some(code) => format!("{} {code}", t(l, K::Exit)),
        None => l.t(super::Text::RunStopped).to_owned(),
    };
    html! {
        <div class="compare-console" id={format!("compare-console-{key}")}>
            <h3>{ caption }</h3>
            <p class="compare-exit">{ status }</p>
            <pre class="output" tabindex="0">
                { for side.chunks.iter().map(|ch| html! {
                    <span class={thread_class(ch.thread)} data-thread={ch.thread.to_string()}
                          title={side.names.get(ch.thread as usize).cloned().unwrap_or_default()}>{ ch.text.clone() }</span>
                }) }
                if !side.stderr.is_empty() {
                    <span class="stderr">{ side.stderr.clone() }</span>
                }
            </pre>
        </div>
    }
}

/// The view's own styles: its panels stacked in the timeline's cell of the
/// page's grid, two columns of consoles (one on a narrow screen).
const CSS: &str = "
.compare-area { grid-area: timeline; display: flex; flex-direction: column; gap: 1rem; min-width: 0; }
.compare-speedup { font-weight: 600; font-size: 1.05rem; margin: .2rem 0; }
.compare-note { color: var(--muted, #5b6474); font-size: .85rem; margin: .2rem 0 0; }
.compare-consoles { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
.compare-console { min-width: 0; }
.compare-console h3 { font-size: .9rem; margin: 0 0 .2rem; }
.compare-console .compare-exit { color: var(--muted, #5b6474); font-size: .8rem; margin: 0 0 .3rem; }
.settings .compare-toggle input { align-self: flex-start; width: auto; margin: .35rem 0; }
@media (max-width: 700px) { .compare-consoles { grid-template-columns: 1fr; } }
";
