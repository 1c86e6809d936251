//! The run area: the program editor, the run settings (runtime, cores,
//! seed), Run / Stop and the output. A run goes through the engine in
//! slices of [`OPS_PER_SLICE`] ops with a yield to the browser between
//! them, so the tab never freezes and Stop works at once; when it ends the
//! timeline gets the run's lanes.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{Lang, Text};
use crate::runtime::{Progress, SimOptions, Simulation};

const SAMPLE: &str = r#"import threading

counter = 0

def work(n):
    global counter
    for _ in range(n):
        counter += 1

threads = [threading.Thread(target=work, args=(1_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
"#;

/// The runtimes a learner can pick, as CPython names them.
const RUNTIMES: [(&str, &str); 4] = [
    ("cpython-2.7", "CPython 2.7 (GIL, 100 ticks)"),
    ("cpython-3.9", "CPython 3.9 (GIL, 5 ms)"),
    ("cpython-3.12", "CPython 3.12 (GIL, eval breaker)"),
    ("cpython-3.13t", "CPython 3.13t (free-threaded)"),
];

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
}

impl PartialEq for RunView {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[derive(Properties, PartialEq)]
pub struct RunAreaProps {
    pub lang: Lang,
    /// Called when a run ends, with what the timeline draws.
    pub on_run: Callback<Rc<RunView>>,
}

/// Ops per slice of work between two frames: a few milliseconds in wasm,
/// so the page stays responsive and Stop is honoured at once.
const OPS_PER_SLICE: u64 = 150_000;

/// The state line under the buttons.
#[derive(Clone, PartialEq)]
enum RunState {
    Idle,
    Running { virtual_ns: u64 },
    Stopped,
    Finished { exit: i32, virtual_ns: u64 },
}

#[function_component(RunArea)]
pub fn run_area(props: &RunAreaProps) -> Html {
    let l = props.lang;
    let editor = use_node_ref();
    let runtime = use_node_ref();
    let cores = use_node_ref();
    let seed = use_node_ref();
    let output = use_state(String::new);
    let state = use_state(|| RunState::Idle);
    let stop = use_mut_ref(|| Rc::new(Cell::new(false)));

    let start = {
        let (editor, runtime, cores, seed) =
            (editor.clone(), runtime.clone(), cores.clone(), seed.clone());
        let (output, state, stop, on_run) = (
            output.clone(),
            state.clone(),
            stop.clone(),
            props.on_run.clone(),
        );
        Callback::from(move |()| {
            if matches!(*state, RunState::Running { .. }) {
                return;
            }
            let source = editor
                .cast::<HtmlTextAreaElement>()
                .map(|e| e.value())
                .unwrap_or_default();
            let options = SimOptions {
                filename: "main.py".into(),
                runtime: runtime
                    .cast::<HtmlSelectElement>()
                    .map_or_else(|| "cpython-3.12".into(), |e| e.value()),
                cores: number(&cores).clamp(1, 64) as usize,
                seed: number(&seed),
                max_ops: 2_000_000_000,
                ..SimOptions::default()
            };
            let flag = Rc::new(Cell::new(false));
            *stop.borrow_mut() = flag.clone();
            let (output, state, on_run) = (output.clone(), state.clone(), on_run.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut sim = match Simulation::new(&source, &options) {
                    Ok(sim) => sim,
                    Err(text) => {
                        output.set(text);
                        state.set(RunState::Finished {
                            exit: 1,
                            virtual_ns: 0,
                        });
                        return;
                    }
                };
                output.set(String::new());
                state.set(RunState::Running { virtual_ns: 0 });
                let outcome = loop {
                    if flag.get() {
                        break None;
                    }
                    if let Progress::Finished(code) = sim.run(OPS_PER_SLICE) {
                        break Some(code);
                    }
                    let (out, err) = sim.output();
                    output.set(format!("{out}{err}"));
                    state.set(RunState::Running {
                        virtual_ns: sim.now(),
                    });
                    next_frame().await;
                };
                let (out, err) = sim.output();
                output.set(format!("{out}{err}"));
                state.set(match outcome {
                    Some(exit) => RunState::Finished {
                        exit,
                        virtual_ns: sim.now(),
                    },
                    None => RunState::Stopped,
                });
                let timeline = crate::trace::timeline::Timeline::new(
                    &sim.log.events,
                    sim.now(),
                    &sim.thread_names(),
                );
                on_run.emit(Rc::new(RunView {
                    timeline,
                    runtime: sim.runtime(),
                    events: std::mem::take(&mut sim.log.events),
                    state_lines: std::mem::take(&mut sim.state_lines),
                }));
            });
        })
    };
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
    html! {
        <section class="panel run-area" id="run-area" aria-labelledby="run-title">
            <h2 id="run-title">{ l.t(Text::RunArea) }</h2>
            <div class="settings">
                <label>{ l.t(Text::Runtime) }
                    <select id="runtime" ref={runtime}>
                        { for RUNTIMES.iter().map(|(value, label)| html! {
                            <option value={*value} selected={*value == "cpython-3.12"}>{ *label }</option>
                        }) }
                    </select>
                </label>
                <label>{ l.t(Text::Cores) }
                    <input id="cores" ref={cores} type="number" min="1" max="64" value="2" />
                </label>
                <label>{ l.t(Text::Seed) }
                    <input id="seed" ref={seed} type="number" min="0" value="1" />
                </label>
                <button id="run" class="primary" disabled={running} onclick={on_click}>{ l.t(Text::Run) }</button>
                <button id="stop" disabled={!running} onclick={on_stop}>{ l.t(Text::Stop) }</button>
                <span id="run-state" data-state={state_attr}>{ state_text }</span>
            </div>
            <textarea id="editor" ref={editor} class="editor" spellcheck="false" aria-label="Python" defaultvalue={SAMPLE} onkeydown={on_key} />
            <p class="note">{ l.t(Text::RunNote) }</p>
            <h3>{ l.t(Text::Output) }</h3>
            <pre id="output" class="output">{ (*output).clone() }</pre>
        </section>
    }
}

/// The value of a number input (0 when empty or not a number).
fn number(input: &NodeRef) -> u64 {
    input
        .cast::<HtmlInputElement>()
        .and_then(|e| e.value().trim().parse().ok())
        .unwrap_or(0)
}

/// Lets the browser paint and handle input before the next slice.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
