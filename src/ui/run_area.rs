//! The run area: the program editor, the run settings (runtime, cores,
//! seed, switch interval, network latency), Run / Stop, the output console and the error
//! panel. A run goes through the engine in slices of [`OPS_PER_SLICE`] ops
//! with a yield to the browser between them, so the tab never freezes and
//! Stop works at once; when it ends the timeline gets the run's lanes, the
//! console colours each thread's output, and the editor marks the line of
//! a SyntaxError, of a construct we do not simulate, or of an uncaught
//! exception.
//!
//! With Compare on, the second run follows the first in the same way (the
//! same Stop ends either), and the app gets both through `on_compare`
//! before the first's view through `on_run` (see [`super::compare_view`]).
//!
//! The program and the settings belong to the app (the share link and the
//! gallery change them); this area edits them through callbacks.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::compare_view::{self, CompareRun, CompareSettings, Side};
use super::console::{chunks, Chunk};
use super::diagnostics::{self, Diagnostic};
use super::editor::Editor;
use super::share::Settings;
use super::{Lang, Text};
use crate::runtime::{Progress, SimOptions, Simulation, EXIT_DEADLOCK};
use crate::trace::Event as TraceEvent;

/// The runtimes a learner can pick, as CPython names them.
const RUNTIMES: [(&str, &str); 4] = [
    ("cpython-2.7", "CPython 2.7 (GIL, 100 ticks)"),
    ("cpython-3.9", "CPython 3.9 (GIL, 5 ms)"),
    ("cpython-3.12", "CPython 3.12 (GIL, eval breaker)"),
    ("cpython-3.13t", "CPython 3.13t (free-threaded)"),
];

/// The file name tracebacks show.
const FILENAME: &str = "main.py";

/// What a finished (or stopped) run leaves for the timeline.
#[derive(Debug)]
pub struct RunView {
    /// The run's lanes, rebuilt from its event log.
    pub timeline: crate::trace::timeline::Timeline,
    pub runtime: &'static str,
    /// The event log, and each State event's source line: the timeline's
    /// lock and queue lanes and the statistics read them.
    pub events: Vec<crate::trace::Event>,
    pub state_lines: Vec<u32>,
    /// The files on the simulated disk at the end (the files panel).
    pub files: Vec<crate::vm::filesystem::DiskFile>,
}

impl PartialEq for RunView {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[derive(Properties, PartialEq)]
pub struct RunAreaProps {
    pub lang: Lang,
    pub code: AttrValue,
    pub settings: Settings,
    pub on_code: Callback<String>,
    pub on_settings: Callback<Settings>,
    /// Called when a run starts, with what a share link of it holds.
    pub on_start: Callback<()>,
    /// Called when a run ends, with what the timeline draws.
    pub on_run: Callback<Rc<RunView>>,
    /// Called when a run ends (before `on_run`): with both runs when
    /// Compare was on, else with `None`.
    #[prop_or_default]
    pub on_compare: Callback<Option<Rc<CompareRun>>>,
    /// Shown above the settings (the preset's explanation).
    #[prop_or_default]
    pub children: Html,
    /// A new value starts a run with the settings given with it (Explore's
    /// bars ask for one seed's run this way); 0 asks for none.
    #[prop_or_default]
    pub run_request: u32,
    /// Lines the editor marks (the stepper's candidates).
    #[prop_or_default]
    pub marks: Vec<super::editor::LineMark>,
}

/// Ops per slice of work between two frames: a few milliseconds in wasm,
/// so the page stays responsive and Stop is honoured at once.
pub(crate) const OPS_PER_SLICE: u64 = 150_000;

/// The engine's options for a run with `settings` (clamped to what the
/// page allows).
pub(crate) fn sim_options(settings: &Settings) -> SimOptions {
    SimOptions {
        filename: FILENAME.into(),
        runtime: settings.runtime.clone(),
        cores: settings.cores.clamp(1, Settings::MAX_CORES) as usize,
        seed: settings.seed,
        switch_interval: settings
            .switch_interval_ms
            .clamp(Settings::MIN_INTERVAL_MS, Settings::MAX_INTERVAL_MS)
            / 1000.0,
        max_ops: 2_000_000_000,
        net: settings.net(),
        ..SimOptions::default()
    }
}

/// The state line under the buttons.
#[derive(Clone, PartialEq)]
enum RunState {
    Idle,
    Running { virtual_ns: u64 },
    Stopped,
    Finished { exit: i32, virtual_ns: u64 },
}

/// The console of the last run: stdout by thread, stderr, thread names.
#[derive(Clone, Default, PartialEq)]
struct Console {
    /// While running: stdout so far, not yet split by thread.
    plain: String,
    chunks: Vec<Chunk>,
    stderr: String,
    names: Vec<String>,
}

/// What the trace download needs of the last run.
struct LastRun {
    events: Vec<TraceEvent>,
    end: u64,
    names: Vec<String>,
    runtime: &'static str,
    stdout: String,
}

#[function_component(RunArea)]
pub fn run_area(props: &RunAreaProps) -> Html {
    let l = props.lang;
    let console = use_state(Console::default);
    let state = use_state(|| RunState::Idle);
    let stop = use_mut_ref(|| Rc::new(Cell::new(false)));
    // The diagnostic, with the program it is about (shown while the
    // editor still holds that program).
    let diagnostic = use_state(|| None::<(AttrValue, Diagnostic)>);
    let engine_error = use_state(|| None::<String>);
    let last = use_mut_ref(|| None::<LastRun>);
    let has_last = last.borrow().is_some();

    let start = {
        let source = props.code.clone();
        let settings = props.settings.clone();
        let (console, state, stop, on_run, on_start, on_compare) = (
            console.clone(),
            state.clone(),
            stop.clone(),
            props.on_run.clone(),
            props.on_start.clone(),
            props.on_compare.clone(),
        );
        let (diagnostic, engine_error, last) =
            (diagnostic.clone(), engine_error.clone(), last.clone());
        Callback::from(move |()| {
            if matches!(*state, RunState::Running { .. }) {
                return;
            }
            on_start.emit(());
            let options = sim_options(&settings);
            let flag = Rc::new(Cell::new(false));
            *stop.borrow_mut() = flag.clone();
            engine_error.set(None);
            diagnostic.set(None);
            let (console, state, on_run, on_compare) = (
                console.clone(),
                state.clone(),
                on_run.clone(),
                on_compare.clone(),
            );
            let settings = settings.clone();
            let (diagnostic, engine_error, last) =
                (diagnostic.clone(), engine_error.clone(), last.clone());
            let source = source.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut sim = match Simulation::new(&source, &options) {
                    Ok(sim) => sim,
                    Err(text) => {
                        match diagnostics::of_source(&source, FILENAME) {
                            Some(d) => diagnostic.set(Some((source.clone(), d))),
                            // Not the program's fault: the engine's.
                            None => engine_error.set(Some(text.clone())),
                        }
                        console.set(Console {
                            stderr: text,
                            ..Console::default()
                        });
                        state.set(RunState::Finished {
                            exit: 1,
                            virtual_ns: 0,
                        });
                        return;
                    }
                };
                console.set(Console::default());
                state.set(RunState::Running { virtual_ns: 0 });
                let outcome = drive(&mut sim, &flag, |sim| {
                    let (out, err) = sim.output();
                    console.set(Console {
                        plain: out.to_owned(),
                        stderr: err.to_owned(),
                        ..Console::default()
                    });
                    state.set(RunState::Running {
                        virtual_ns: sim.now(),
                    });
                })
                .await;
                let (out, err) = {
                    let (o, e) = sim.output();
                    (o.to_owned(), e.to_owned())
                };
                let names = sim.thread_names();
                let out_chunks = chunks(&out, &sim.log.events);
                console.set(Console {
                    plain: String::new(),
                    chunks: out_chunks.clone(),
                    stderr: err.clone(),
                    names: names.clone(),
                });
                if let Some(d) = diagnostics::of_traceback(&err, FILENAME) {
                    diagnostic.set(Some((source.clone(), d)));
                }
                let mut end_state = match outcome {
                    Some(exit) => RunState::Finished {
                        exit,
                        virtual_ns: sim.now(),
                    },
                    None => RunState::Stopped,
                };
                let timeline =
                    crate::trace::timeline::Timeline::new(&sim.log.events, sim.now(), &names);
                let end = sim.now();
                let runtime = sim.runtime();
                let events = std::mem::take(&mut sim.log.events);
                *last.borrow_mut() = Some(LastRun {
                    events: events.clone(),
                    end,
                    names: names.clone(),
                    runtime,
                    stdout: out,
                });
                let view = Rc::new(RunView {
                    timeline,
                    runtime,
                    events,
                    state_lines: std::mem::take(&mut sim.state_lines),
                    files: sim.files(),
                });
                // Compare: the second run, unless Stop ended the first.
                match (settings.second(), outcome) {
                    (Some(second), Some(_)) => {
                        state.set(RunState::Running { virtual_ns: 0 });
                        let progress = |virtual_ns| state.set(RunState::Running { virtual_ns });
                        let other =
                            compare_view::run_second(&source, second, &flag, progress).await;
                        if other.exit.is_none() {
                            end_state = RunState::Stopped;
                        }
                        let first = Side {
                            settings: settings.clone(),
                            run: view.clone(),
                            chunks: out_chunks,
                            stderr: err,
                            names,
                            exit: outcome,
                        };
                        on_compare.emit(Some(Rc::new(CompareRun {
                            first,
                            second: other,
                        })));
                    }
                    _ => on_compare.emit(None),
                }
                state.set(end_state);
                on_run.emit(view);
            });
        })
    };
    // A run asked for from outside; while a run is going it is stopped
    // first, and the asked-for one starts once it has.
    let requested = use_mut_ref(|| false);
    {
        let (start, stop, requested) = (start.clone(), stop.clone(), requested.clone());
        let running = matches!(*state, RunState::Running { .. });
        use_effect_with(props.run_request, move |request| {
            if *request != 0 {
                if running {
                    *requested.borrow_mut() = true;
                    stop.borrow().set(true);
                } else {
                    start.emit(());
                }
            }
        });
    }
    {
        let (start, requested) = (start.clone(), requested.clone());
        use_effect_with((*state).clone(), move |state| {
            if !matches!(state, RunState::Running { .. }) && requested.replace(false) {
                start.emit(());
            }
        });
    }
    let on_click = {
        let start = start.clone();
        Callback::from(move |_: MouseEvent| start.emit(()))
    };
    let on_stop = {
        let stop = stop.clone();
        Callback::from(move |_: MouseEvent| stop.borrow().set(true))
    };
    let on_key = {
        let start = start.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                start.emit(());
            }
        })
    };
    let on_download = {
        let last = last.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(run) = &*last.borrow() {
                download_trace(run);
            }
        })
    };
    let on_perfetto = {
        let last = last.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(run) = &*last.borrow() {
                super::perfetto::open(trace_json(run), &format!("Interleave: {}", run.runtime), l);
            }
        })
    };
    let running = matches!(*state, RunState::Running { .. });
    let (state_attr, state_text) = match &*state {
        RunState::Idle => ("idle", String::new()),
        RunState::Running { virtual_ns } => (
            "running",
            format!(
                "{} {}",
                l.t(Text::RunRunning),
                crate::format::millis(*virtual_ns as f64 / 1e6)
            ),
        ),
        RunState::Stopped => ("stopped", l.t(Text::RunStopped).to_string()),
        RunState::Finished { exit, virtual_ns } => (
            "done",
            format!(
                "{} {exit} · {}",
                l.t(Text::RunFinished),
                crate::format::millis(*virtual_ns as f64 / 1e6)
            ),
        ),
    };
    let deadlocked = matches!(
        *state,
        RunState::Finished {
            exit: EXIT_DEADLOCK,
            ..
        }
    );
    let settings = props.settings.clone();
    let set = |f: fn(&mut Settings, &str)| {
        let on_settings = props.on_settings.clone();
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let value = if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                s.value()
            } else if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                i.value()
            } else {
                return;
            };
            let mut next = settings.clone();
            f(&mut next, value.trim());
            on_settings.emit(next);
        })
    };
    let on_runtime = set(|s, v| s.runtime = v.to_owned());
    let on_cores = set(|s, v| {
        if let Ok(n) = v.parse::<u32>() {
            s.cores = n.clamp(1, Settings::MAX_CORES);
        }
    });
    let on_seed = set(|s, v| {
        if let Ok(n) = v.parse() {
            s.seed = n;
        }
    });
    let on_interval = set(|s, v| {
        if let Ok(n) = v.parse::<f64>() {
            if n.is_finite() {
                s.switch_interval_ms =
                    n.clamp(Settings::MIN_INTERVAL_MS, Settings::MAX_INTERVAL_MS);
            }
        }
    });
    let on_latency = set(|s, v| {
        if let Ok(n) = v.parse::<f64>() {
            if n.is_finite() {
                s.latency_ms = n.clamp(0.0, Settings::MAX_LATENCY_MS);
            }
        }
    });
    // A bad pair keeps the last good list (the field then shows it again).
    let on_hosts = set(|s, v| {
        if let Ok(hosts) = Settings::parse_host_latency(v) {
            s.host_latency = hosts;
        }
    });
    let shown_diag = diagnostic
        .as_ref()
        .filter(|(code, _)| *code == props.code)
        .map(|(_, d)| d.clone());
    let c = &*console;
    html! {
        <section class="panel run-area" id="run-area" aria-labelledby="run-title">
            <h2 id="run-title" class="visually-hidden">{ l.t(Text::RunArea) }</h2>
            { props.children.clone() }
            <div class="settings">
                <label>{ l.t(Text::Runtime) }
                    <select id="runtime" onchange={on_runtime}>
                        { for RUNTIMES.iter().map(|(value, label)| html! {
                            <option value={*value} selected={*value == props.settings.runtime}>{ *label }</option>
                        }) }
                    </select>
                </label>
                <label>{ l.t(Text::Cores) }
                    <input id="cores" type="number" min="1" max={Settings::MAX_CORES.to_string()}
                        value={props.settings.cores.to_string()} onchange={on_cores} />
                </label>
                <label>{ l.t(Text::Seed) }
                    <input id="seed" type="number" min="0" value={props.settings.seed.to_string()} onchange={on_seed} />
                </label>
                <label>{ l.t(Text::SwitchInterval) }
                    <input id="switch-interval" type="number" min="0.01" max="1000" step="any"
                        value={props.settings.switch_interval_ms.to_string()} onchange={on_interval} />
                </label>
                <label>{ l.t(Text::NetLatency) }
                    <input id="net-latency" type="number" min="0" max={Settings::MAX_LATENCY_MS.to_string()} step="any"
                        title={l.t(Text::NetLatencyHelp)}
                        value={props.settings.latency_ms.to_string()} onchange={on_latency} />
                </label>
                <label>{ l.t(Text::HostLatency) }
                    <input id="host-latency" type="text" placeholder="api.example.com=50" spellcheck="false"
                        title={l.t(Text::HostLatencyHelp)}
                        value={props.settings.host_latency_text()} onchange={on_hosts} />
                </label>
                <CompareSettings lang={l} settings={props.settings.clone()} on_settings={props.on_settings.clone()} />
                <div class="buttons">
                    <button id="run" class="primary" disabled={running} onclick={on_click}>{ l.t(Text::Run) }</button>
                    <button id="stop" disabled={!running} onclick={on_stop}>{ l.t(Text::Stop) }</button>
                </div>
            </div>
            <Editor lang={l} code={props.code.clone()} diagnostic={shown_diag}
                on_input={props.on_code.clone()} on_key={on_key} marks={props.marks.clone()} />
            <p class="note">{ l.t(Text::RunNote) }</p>
            if let Some(message) = &*engine_error {
                { error_panel(l, message, engine_error.clone()) }
            }
            <div class="output-head">
                <h3>{ l.t(Text::Output) }</h3>
                <span id="run-state" data-state={state_attr} role="status">{ state_text }</span>
                <button id="download-trace" class="small" disabled={!has_last || running} onclick={on_download}>{ l.t(Text::DownloadTrace) }</button>
                <button id="open-perfetto" class="small" disabled={!has_last || running} title={l.t(Text::OpenPerfettoHelp)}
                    onclick={on_perfetto}>{ l.t(Text::OpenPerfetto) }</button>
            </div>
            if c.chunks.iter().any(|ch| ch.thread != 0) {
                <p class="thread-keys" aria-label={l.t(Text::Threads)}>
                    { for used_threads(&c.chunks).into_iter().map(|t| html! {
                        <span class={classes!("thread-key", thread_class(t))}>{ c.names.get(t as usize).cloned().unwrap_or_else(|| format!("#{t}")) }</span>
                    }) }
                </p>
            }
            <pre id="output" class="output" tabindex="0">
                { c.plain.clone() }
                { for c.chunks.iter().map(|ch| html! {
                    <span class={thread_class(ch.thread)} data-thread={ch.thread.to_string()}>{ ch.text.clone() }</span>
                }) }
                if !c.stderr.is_empty() {
                    <span id="stderr" class="stderr">{ c.stderr.clone() }</span>
                }
            </pre>
            if deadlocked {
                <p class="warning" id="deadlock-note">{ l.t(Text::DeadlockNote) }</p>
            }
        </section>
    }
}

/// CSS class of a thread's colour (eight, reused in turn).
pub(super) fn thread_class(thread: u32) -> String {
    format!("th{}", thread % 8)
}

fn used_threads(chunks: &[Chunk]) -> Vec<u32> {
    let mut seen: Vec<u32> = chunks.iter().map(|c| c.thread).collect();
    seen.sort_unstable();
    seen.dedup();
    seen
}

fn error_panel(l: Lang, message: &str, handle: UseStateHandle<Option<String>>) -> Html {
    html! {
        <div class="error-panel" id="engine-error" role="alert">
            <strong>{ l.t(Text::EngineError) }</strong>
            <pre>{ message }</pre>
            <p>{ l.t(Text::EngineErrorHint) }</p>
            <button class="small" onclick={move |_| handle.set(None)}>{ l.t(Text::Dismiss) }</button>
        </div>
    }
}

/// The last run as a Chrome Trace Event file (Perfetto opens it).
fn trace_json(run: &LastRun) -> String {
    let info = crate::trace::chrome::TraceInfo {
        runtime: run.runtime,
        stdout: &run.stdout,
    };
    crate::trace::chrome::export(&run.events, run.end, &run.names, &info)
}

/// Saves the last run's trace as a file.
fn download_trace(run: &LastRun) {
    super::download(
        "interleave-trace.json",
        "application/json",
        &trace_json(run),
    );
}

/// Runs `sim` to its end in slices of [`OPS_PER_SLICE`] ops, calling
/// `after_slice` and yielding to the browser between slices; `None` when
/// `stop` was set first, else the exit status.
pub(super) async fn drive(
    sim: &mut Simulation,
    stop: &Cell<bool>,
    mut after_slice: impl FnMut(&Simulation),
) -> Option<i32> {
    loop {
        if stop.get() {
            return None;
        }
        if let Progress::Finished(code) = sim.run(OPS_PER_SLICE) {
            return Some(code);
        }
        after_slice(sim);
        next_frame().await;
    }
}

/// Lets the browser paint and handle input before the next slice.
pub(crate) async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
