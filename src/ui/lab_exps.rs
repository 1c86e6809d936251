//! The lab's three experiments on the pool — a real GIL (free / global lock
//! / GIL emulation / shared counter, plus the convoy effect), queue flow,
//! and schedule exploration in parallel — with a Cancel button, the
//! recorded lanes and the charts, and the simulator's prediction beside
//! the measurement.
//!
//! Everything runs through [`crate::lab::pool::run_timed`]: the main thread
//! only awaits. Cancel sets the run's [`Cancel`] flag, which workers check
//! between chunks (and lock waiters within a switch interval). Each
//! experiment's figures are also written as JSON into a hidden `<pre>`
//! (`#lab-gil-data`, `#lab-queue-data`, `#lab-explore-data`) for tests.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::json;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::lab_draw::{self, Bar, Series, MODE_COLOURS};
use super::lab_text::{t, Key};
use super::Lang;
use crate::lab::experiment::Samples;
use crate::lab::explore_exp::{self, ExploreRun};
use crate::lab::gil_exp::{self, Convoy, Mode, Run};
use crate::lab::queue_exp::{self, QueueRun};
use crate::lab::sync::Cancel;
use crate::lab::trace::{self, Kind, Record};

#[derive(Properties, PartialEq)]
pub struct ExpProps {
    pub lang: Lang,
    /// Pool size.
    pub workers: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exp {
    Gil,
    Queue,
    Explore,
}

impl Exp {
    fn name(self) -> &'static str {
        match self {
            Exp::Gil => "gil",
            Exp::Queue => "queue",
            Exp::Explore => "explore",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
enum Phase {
    #[default]
    Idle,
    Running(Exp),
    Done(Exp),
    Cancelled(Exp),
    Failed(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
struct GilResults {
    max_workers: usize,
    /// Wall ms per (mode, workers).
    times: Vec<(Mode, usize, Samples)>,
    /// The last run of each mode at the most workers (for its lanes).
    lanes: Vec<Run>,
    convoy_alone: Samples,
    convoy_beside: Samples,
    convoy: Option<Convoy>,
    /// (mode, runtime, workers, predicted speedup)
    predicted: Vec<(Mode, &'static str, usize, f64)>,
    /// (runtime, alone µs, beside µs)
    convoy_predicted: Vec<(&'static str, u64, u64)>,
}

impl GilResults {
    fn samples(&self, mode: Mode, workers: usize) -> Option<&Samples> {
        self.times
            .iter()
            .find(|t| t.0 == mode && t.1 == workers)
            .map(|t| &t.2)
    }

    /// Speedup over the mode's own one-worker median: (min, median, max).
    fn speedup(&self, mode: Mode, workers: usize) -> Option<(f64, f64, f64)> {
        let one = self.samples(mode, 1)?.median()?;
        let s = self.samples(mode, workers)?;
        let mut v = Samples::default();
        s.values().iter().for_each(|&ms| v.push(one / ms.max(1e-9)));
        Some((v.min()?, v.median()?, v.max()?))
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
struct State {
    phase: Phase,
    progress: String,
    gil: GilResults,
    queue: Vec<QueueRun>,
    explore: Vec<ExploreRun>,
}

enum Action {
    Start(Exp, usize),
    Progress(String),
    GilTime(Mode, usize, f64, Option<Box<Run>>),
    Convoy(bool, f64, Option<Box<Convoy>>),
    Predicted(
        Vec<(Mode, &'static str, usize, f64)>,
        Vec<(&'static str, u64, u64)>,
    ),
    Queue(Box<QueueRun>),
    Explore(Box<ExploreRun>),
    End(Phase),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Start(exp, workers) => {
                s.phase = Phase::Running(exp);
                s.progress.clear();
                match exp {
                    Exp::Gil => {
                        s.gil = GilResults {
                            max_workers: workers,
                            ..GilResults::default()
                        }
                    }
                    Exp::Queue => s.queue.clear(),
                    Exp::Explore => s.explore.clear(),
                }
            }
            Action::Progress(p) => s.progress = p,
            Action::GilTime(mode, workers, ms, run) => {
                match s
                    .gil
                    .times
                    .iter_mut()
                    .find(|t| t.0 == mode && t.1 == workers)
                {
                    Some(t) => t.2.push(ms),
                    None => {
                        let mut samples = Samples::default();
                        samples.push(ms);
                        s.gil.times.push((mode, workers, samples));
                    }
                }
                if let Some(run) = run {
                    s.gil.lanes.retain(|r| r.config.mode != mode);
                    s.gil.lanes.push(*run);
                }
            }
            Action::Convoy(spinner, ms, run) => {
                if spinner {
                    s.gil.convoy_beside.push(ms);
                } else {
                    s.gil.convoy_alone.push(ms);
                }
                if let Some(run) = run {
                    s.gil.convoy = Some(*run);
                }
            }
            Action::Predicted(p, c) => {
                s.gil.predicted = p;
                s.gil.convoy_predicted = c;
            }
            Action::Queue(run) => s.queue.push(*run),
            Action::Explore(run) => s.explore.push(*run),
            Action::End(phase) => {
                s.phase = phase;
                s.progress.clear();
            }
        }
        Rc::new(s)
    }
}

#[function_component(LabExperiments)]
pub fn lab_experiments(props: &ExpProps) -> Html {
    let l = props.lang;
    let state = use_reducer(State::default);
    let cancel: Rc<RefCell<Cancel>> = use_mut_ref(Cancel::new);
    let max_workers = use_state(|| props.workers.max(1));
    let repeats = use_state(|| 3usize);
    let lanes_mode = use_state(|| Mode::Gil);
    let running = matches!(state.phase, Phase::Running(_));

    let start = |exp: Exp| {
        let state = state.clone();
        let cancel = cancel.clone();
        let (w, r) = (*max_workers, *repeats);
        Callback::from(move |_: MouseEvent| {
            let flag = Cancel::new();
            *cancel.borrow_mut() = flag.clone();
            let d = state.dispatcher();
            d.dispatch(Action::Start(exp, w));
            wasm_bindgen_futures::spawn_local(async move {
                let end = match exp {
                    Exp::Gil => run_gil(&d, &flag, w, r).await,
                    Exp::Queue => run_queue(&d, &flag, w, r).await,
                    Exp::Explore => run_explore(&d, &flag, w, r).await,
                };
                d.dispatch(Action::End(match end {
                    Ok(()) => Phase::Done(exp),
                    Err(None) => Phase::Cancelled(exp),
                    Err(Some(e)) => Phase::Failed(e),
                }));
            });
        })
    };
    let on_cancel = {
        let cancel = cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.borrow().cancel())
    };
    let on_workers = {
        let max_workers = max_workers.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(v) = select.value().parse() {
                max_workers.set(v);
            }
        })
    };
    let on_repeats = {
        let repeats = repeats.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(v) = select.value().parse() {
                repeats.set(v);
            }
        })
    };
    let on_lanes_mode = {
        let lanes_mode = lanes_mode.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = Mode::ALL.iter().find(|m| m.name() == select.value()) {
                lanes_mode.set(*m);
            }
        })
    };

    let speedup_canvas = use_node_ref();
    let lanes_canvas = use_node_ref();
    let convoy_canvas = use_node_ref();
    let depth_canvas = use_node_ref();
    let queue_lanes_canvas = use_node_ref();
    let explore_canvas = use_node_ref();
    {
        let refs = (
            speedup_canvas.clone(),
            lanes_canvas.clone(),
            convoy_canvas.clone(),
            depth_canvas.clone(),
            queue_lanes_canvas.clone(),
            explore_canvas.clone(),
        );
        let lanes_mode = *lanes_mode;
        use_effect_with((state.clone(), lanes_mode), move |(state, mode)| {
            draw_all(state, *mode, &refs);
        });
    }

    let (phase_name, exp_name) = match &state.phase {
        Phase::Idle => ("idle", ""),
        Phase::Running(e) => ("running", e.name()),
        Phase::Done(e) => ("done", e.name()),
        Phase::Cancelled(e) => ("cancelled", e.name()),
        Phase::Failed(_) => ("failed", ""),
    };
    let gil = &state.gil;
    html! {
        <div class="lab-exps" id="lab-exp" data-state={phase_name} data-experiment={exp_name}>
            <h3>{ t(l, Key::Title) }</h3>
            <p>{ t(l, Key::Intro) }</p>
            <div class="settings">
                <label>{ t(l, Key::MaxWorkers) }
                    <select id="lab-max-workers" onchange={on_workers} disabled={running}>
                        { for (1..=props.workers.max(1)).map(|n| html! {
                            <option value={n.to_string()} selected={n == *max_workers}>{ n }</option>
                        }) }
                    </select>
                </label>
                <label>{ t(l, Key::Repeats) }
                    <select id="lab-repeats" onchange={on_repeats} disabled={running}>
                        { for [1usize, 3, 5].iter().map(|&n| html! {
                            <option value={n.to_string()} selected={n == *repeats}>{ n }</option>
                        }) }
                    </select>
                </label>
                <button id="lab-gil-run" onclick={start(Exp::Gil)} disabled={running}>{ t(l, Key::RunGil) }</button>
                <button id="lab-queue-run" onclick={start(Exp::Queue)} disabled={running}>{ t(l, Key::RunQueue) }</button>
                <button id="lab-explore-run" onclick={start(Exp::Explore)} disabled={running}>{ t(l, Key::RunExplore) }</button>
                <button id="lab-cancel" onclick={on_cancel} disabled={!running}>{ t(l, Key::Cancel) }</button>
            </div>
            <p class="caption" id="lab-progress">{
                match &state.phase {
                    Phase::Running(_) => format!("{} {}", t(l, Key::Running), state.progress),
                    Phase::Cancelled(_) => t(l, Key::Cancelled).to_owned(),
                    Phase::Failed(e) => e.clone(),
                    _ => String::new(),
                }
            }</p>

            <h4>{ t(l, Key::GilTitle) }</h4>
            <p class="caption">{ t(l, Key::GilIntro) }</p>
            <canvas ref={speedup_canvas} id="lab-speedup-chart" style="width:100%"></canvas>
            { prediction_table(l, gil) }
            <label>{ t(l, Key::LanesOf) }
                <select id="lab-lanes-mode" onchange={on_lanes_mode}>
                    { for Mode::ALL.iter().map(|m| html! {
                        <option value={m.name()} selected={*m == *lanes_mode}>{ m.name() }</option>
                    }) }
                </select>
            </label>
            <canvas ref={lanes_canvas} id="lab-lanes" style="width:100%"
                data-lanes={gil.lanes.iter().find(|r| r.config.mode == *lanes_mode).map(|r| r.config.workers.to_string())}></canvas>
            <p class="legend">
                <span class="key"><span class="swatch" style={format!("background:{}", lab_draw::RUNNING)}></span>{ t(l, Key::Running2) }</span>
                <span class="key"><span class="swatch" style={format!("background:{}", lab_draw::WAITING)}></span>{ t(l, Key::Waiting) }</span>
                <span class="key"><span class="swatch" style={format!("background:{}", lab_draw::HOLDING)}></span>{ t(l, Key::Holding) }</span>
            </p>
            { convoy_text(l, gil) }
            <canvas ref={convoy_canvas} id="lab-convoy-lanes" style="width:100%"></canvas>
            <pre hidden=true id="lab-gil-data">{ gil_json(gil).to_string() }</pre>

            <h4>{ t(l, Key::QueueTitle) }</h4>
            <p class="caption">{ t(l, Key::QueueIntro) }</p>
            { queue_table(l, &state.queue) }
            <canvas ref={depth_canvas} id="lab-depth" style="width:100%"></canvas>
            <canvas ref={queue_lanes_canvas} id="lab-queue-lanes" style="width:100%"></canvas>
            <pre hidden=true id="lab-queue-data">{ queue_json(&state.queue).to_string() }</pre>

            <h4>{ t(l, Key::ExploreTitle) }</h4>
            <p class="caption">{ t(l, Key::ExploreIntro) }</p>
            <canvas ref={explore_canvas} id="lab-explore-chart" style="width:100%"></canvas>
            { explore_table(l, &state.explore) }
            <pre hidden=true id="lab-explore-data">{ explore_json(&state.explore).to_string() }</pre>
        </div>
    }
}

type Outcome = Result<(), Option<String>>;

/// Awaits one job on the pool; Err(None) when cancelled.
async fn on_pool<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, gil_exp::Stopped> + Send + 'static,
) -> Result<T, Option<String>> {
    match crate::lab::pool::run_timed(job).await {
        Ok(t) => match t.value {
            Ok(v) => Ok(v),
            Err(gil_exp::Stopped::Cancelled) => Err(None),
            Err(e) => Err(Some(e.to_string())),
        },
        Err(_) => Err(Some("a worker stopped before finishing".into())),
    }
}

async fn run_gil(
    d: &UseReducerDispatcher<State>,
    cancel: &Cancel,
    max_w: usize,
    repeats: usize,
) -> Outcome {
    // One warm-up run: the engine tiers the kernel up.
    {
        let (cfg, c) = (gil_exp::Config::new(Mode::Free, 1), cancel.clone());
        d.dispatch(Action::Progress("warm-up".into()));
        on_pool(move || gil_exp::run(&cfg, &c)).await?;
    }
    for w in 1..=max_w {
        for mode in Mode::ALL {
            for r in 0..repeats {
                if cancel.is_cancelled() {
                    return Err(None);
                }
                d.dispatch(Action::Progress(format!(
                    "{} × {w} ({}/{repeats})",
                    mode.name(),
                    r + 1
                )));
                let (cfg, c) = (gil_exp::Config::new(mode, w), cancel.clone());
                let run = on_pool(move || gil_exp::run(&cfg, &c)).await?;
                let keep = (w == max_w && r + 1 == repeats).then(|| Box::new(run.clone()));
                d.dispatch(Action::GilTime(mode, w, run.wall_ns as f64 / 1e6, keep));
            }
        }
    }
    if max_w >= 2 {
        for spinner in [false, true] {
            for r in 0..repeats {
                d.dispatch(Action::Progress(format!(
                    "convoy, spinner {spinner} ({}/{repeats})",
                    r + 1
                )));
                let cfg = gil_exp::ConvoyConfig {
                    spinner,
                    ..gil_exp::ConvoyConfig::default()
                };
                let c = cancel.clone();
                let run = on_pool(move || gil_exp::convoy(&cfg, &c)).await?;
                let keep = (spinner && r + 1 == repeats).then(|| Box::new(run.clone()));
                d.dispatch(Action::Convoy(spinner, run.io_wall_ns as f64 / 1e6, keep));
            }
        }
    }
    d.dispatch(Action::Progress("the simulator's prediction".into()));
    let iterations = gil_exp::ConvoyConfig::default().iterations;
    let (p, c) = on_pool(move || {
        use crate::lab::predict;
        let mut p = Vec::new();
        for mode in Mode::ALL {
            for rt in predict::RUNTIMES {
                for w in 2..=max_w {
                    if let Some(s) = predict::speedup(mode, rt, w) {
                        p.push((mode, rt, w, s));
                    }
                }
            }
        }
        let c = predict::RUNTIMES
            .iter()
            .filter_map(|rt| {
                Some((
                    *rt,
                    predict::convoy_us(rt, false, iterations)?,
                    predict::convoy_us(rt, true, iterations)?,
                ))
            })
            .collect();
        Ok((p, c))
    })
    .await?;
    d.dispatch(Action::Predicted(p, c));
    Ok(())
}

async fn run_queue(
    d: &UseReducerDispatcher<State>,
    cancel: &Cancel,
    max_w: usize,
    repeats: usize,
) -> Outcome {
    if max_w < 2 {
        return Err(Some("the queue needs two workers".into()));
    }
    for (p, c) in queue_exp::splits(max_w) {
        for ratio in queue_exp::COST_RATIOS {
            for r in 0..repeats {
                d.dispatch(Action::Progress(format!(
                    "{p}:{c}, cost ×{ratio} ({}/{repeats})",
                    r + 1
                )));
                let (cfg, cc) = (queue_exp::QueueConfig::new(p, c, ratio), cancel.clone());
                let run = on_pool(move || queue_exp::run(&cfg, &cc)).await?;
                d.dispatch(Action::Queue(Box::new(run)));
            }
        }
    }
    Ok(())
}

async fn run_explore(
    d: &UseReducerDispatcher<State>,
    cancel: &Cancel,
    max_w: usize,
    repeats: usize,
) -> Outcome {
    for w in 1..=max_w {
        for r in 0..repeats {
            d.dispatch(Action::Progress(format!("{w} × ({}/{repeats})", r + 1)));
            let (cfg, c) = (explore_exp::ExploreConfig::new(w), cancel.clone());
            let run = on_pool(move || explore_exp::run(&cfg, &c)).await?;
            d.dispatch(Action::Explore(Box::new(run)));
        }
    }
    Ok(())
}

fn ms(ns: u64, t0: u64) -> f64 {
    (ns.saturating_sub(t0)) as f64 / 1e6
}

/// Lane bars of a GIL-experiment run: chunks running, waits, holds.
fn run_bars(records: &[Record]) -> Vec<Bar> {
    let mut bars: Vec<Bar> = trace::spans(records, Kind::ChunkStart, Kind::ChunkEnd)
        .into_iter()
        .map(|s| Bar {
            lane: s.lane,
            start: s.start,
            end: s.end,
            colour: lab_draw::RUNNING,
            thin: false,
        })
        .collect();
    bars.extend(trace::waits(records).into_iter().map(|s| Bar {
        lane: s.lane,
        start: s.start,
        end: s.end,
        colour: lab_draw::WAITING,
        thin: false,
    }));
    bars.extend(trace::holds(records).into_iter().map(|s| Bar {
        lane: s.lane,
        start: s.start,
        end: s.end,
        colour: lab_draw::HOLDING,
        thin: true,
    }));
    bars
}

fn time_range(records: &[Record]) -> (u64, u64) {
    (
        records.first().map_or(0, |r| r.t_ns),
        records.last().map_or(1, |r| r.t_ns),
    )
}

fn lane_names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("worker {i}")).collect()
}

fn draw_all(
    state: &State,
    mode: Mode,
    refs: &(NodeRef, NodeRef, NodeRef, NodeRef, NodeRef, NodeRef),
) {
    let gil = &state.gil;
    if let Some(c) = refs.0.cast::<HtmlCanvasElement>() {
        let series: Vec<Series> = Mode::ALL
            .iter()
            .zip(MODE_COLOURS)
            .map(|(&m, colour)| Series {
                name: m.name().into(),
                colour,
                points: (1..=gil.max_workers)
                    .filter_map(|w| gil.speedup(m, w).map(|(a, b, c)| (w as f64, a, b, c)))
                    .collect(),
            })
            .collect();
        lab_draw::chart(&c, &series, "speedup ×", true);
    }
    if let Some(c) = refs.1.cast::<HtmlCanvasElement>() {
        if let Some(run) = gil.lanes.iter().find(|r| r.config.mode == mode) {
            let (t0, t1) = time_range(&run.records);
            lab_draw::lanes(
                &c,
                &lane_names(run.config.workers),
                &run_bars(&run.records),
                t0,
                t1,
            );
        } else {
            lab_draw::lanes(&c, &lane_names(0), &[], 0, 1);
        }
    }
    if let Some(c) = refs.2.cast::<HtmlCanvasElement>() {
        if let Some(run) = &gil.convoy {
            let (t0, t1) = time_range(&run.records);
            let names = vec!["spinner".to_owned(), "sleeper".to_owned()];
            lab_draw::lanes(&c, &names, &run_bars(&run.records), t0, t1);
        }
    }
    // The queue: the last run's depth and lanes.
    if let Some(run) = state.queue.last() {
        if let Some(c) = refs.3.cast::<HtmlCanvasElement>() {
            lab_draw::depth(&c, &run.depth(), run.config.capacity);
        }
        if let Some(c) = refs.4.cast::<HtmlCanvasElement>() {
            let mut bars: Vec<Bar> = trace::spans(&run.records, Kind::ChunkStart, Kind::ChunkEnd)
                .into_iter()
                .map(|s| Bar {
                    lane: s.lane,
                    start: s.start,
                    end: s.end,
                    colour: lab_draw::RUNNING,
                    thin: false,
                })
                .collect();
            bars.extend(run.blocked().into_iter().map(|s| Bar {
                lane: s.lane,
                start: s.start,
                end: s.end,
                colour: lab_draw::BLOCKED,
                thin: false,
            }));
            bars.extend(run.idle().into_iter().map(|s| Bar {
                lane: s.lane,
                start: s.start,
                end: s.end,
                colour: lab_draw::IDLE,
                thin: false,
            }));
            let names: Vec<String> = (0..run.config.workers())
                .map(|i| {
                    if i < run.config.producers {
                        format!("producer {i}")
                    } else {
                        format!("consumer {}", i - run.config.producers)
                    }
                })
                .collect();
            let (t0, t1) = time_range(&run.records);
            lab_draw::lanes(&c, &names, &bars, t0, t1);
        }
    }
    if let Some(c) = refs.5.cast::<HtmlCanvasElement>() {
        let max_w = state.explore.iter().map(|r| r.workers).max().unwrap_or(0);
        let points = (1..=max_w)
            .filter_map(|w| {
                let mut s = Samples::default();
                state
                    .explore
                    .iter()
                    .filter(|r| r.workers == w)
                    .for_each(|r| s.push(r.per_second()));
                Some((w as f64, s.min()?, s.median()?, s.max()?))
            })
            .collect();
        let series = [Series {
            name: "schedules/s".into(),
            colour: "#1c7ed6",
            points,
        }];
        lab_draw::chart(&c, &series, "schedules / s", false);
    }
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:.2}×"))
}

fn prediction_table(l: Lang, gil: &GilResults) -> Html {
    let w = gil.max_workers;
    let pred = |mode: Mode, rt: &str| {
        gil.predicted
            .iter()
            .find(|p| p.0 == mode && p.1 == rt && p.2 == w)
            .map(|p| p.3)
    };
    html! {
        <table class="lab-results" id="lab-predictions">
            <thead><tr>
                <th>{ t(l, Key::Mode) }</th>
                <th>{ format!("{} ({w})", t(l, Key::Measured)) }</th>
                <th title="cpython-3.12">{ "3.12" }</th>
                <th title="cpython-3.13t">{ "3.13t" }</th>
            </tr></thead>
            <tbody>
                { for Mode::ALL.iter().map(|&m| html! {
                    <tr data-mode={m.name()}>
                        <th>{ m.name() }</th>
                        <td>{ fmt(gil.speedup(m, w).map(|s| s.1)) }</td>
                        <td>{ fmt(pred(m, "cpython-3.12")) }</td>
                        <td>{ fmt(pred(m, "cpython-3.13t")) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn convoy_text(l: Lang, gil: &GilResults) -> Html {
    let (Some(a), Some(b)) = (gil.convoy_alone.median(), gil.convoy_beside.median()) else {
        return html! {};
    };
    let pred: Vec<String> = gil
        .convoy_predicted
        .iter()
        .map(|(rt, a, b)| format!("{rt} ×{:.1}", *b as f64 / (*a).max(1) as f64))
        .collect();
    html! {
        <p id="lab-convoy">{ format!(
            "{}: {a:.1} ms → {b:.1} ms (×{:.1}); {}: {}",
            t(l, Key::Convoy), b / a.max(1e-9), t(l, Key::Predicted), pred.join(", ")
        ) }</p>
    }
}

fn gil_json(gil: &GilResults) -> serde_json::Value {
    let modes: serde_json::Map<String, serde_json::Value> = Mode::ALL
        .iter()
        .map(|&m| {
            let per: serde_json::Map<String, serde_json::Value> = (1..=gil.max_workers)
                .filter_map(|w| {
                    let s = gil.samples(m, w)?;
                    let sp = gil.speedup(m, w);
                    Some((
                        w.to_string(),
                        json!({
                            "ms": s.values(),
                            "median_ms": s.median(),
                            "speedup": sp.map(|s| json!({"min": s.0, "median": s.1, "max": s.2})),
                        }),
                    ))
                })
                .collect();
            (m.name().to_owned(), serde_json::Value::Object(per))
        })
        .collect();
    let lanes: serde_json::Map<String, serde_json::Value> = gil
        .lanes
        .iter()
        .map(|r| {
            let t0 = r.records.first().map_or(0, |x| x.t_ns);
            let holds: Vec<_> = trace::holds(&r.records)
                .iter()
                .map(|s| json!([s.lane, ms(s.start, t0), ms(s.end, t0)]))
                .collect();
            let lanes_seen: std::collections::BTreeSet<usize> = r.records.iter().map(|x| x.lane).collect();
            (
                r.config.mode.name().to_owned(),
                json!({
                    "workers": r.config.workers,
                    "lanes_recorded": lanes_seen.len(),
                    "chunks_per_lane": r.chunks_per_lane,
                    "holds": holds,
                    "max_inside": r.max_inside,
                    "primes": r.primes,
                    "counter": r.counter,
                    "dropped": r.dropped,
                    "wall_ms": r.wall_ns as f64 / 1e6,
                    "handoff_us": trace::handoff_latencies(&r.records).iter().map(|l| *l as f64 / 1e3).collect::<Vec<_>>(),
                }),
            )
        })
        .collect();
    let predicted: Vec<_> = gil
        .predicted
        .iter()
        .map(|p| json!({"mode": p.0.name(), "runtime": p.1, "workers": p.2, "speedup": p.3}))
        .collect();
    json!({
        "max_workers": gil.max_workers,
        "modes": modes,
        "lanes": lanes,
        "convoy": {
            "alone_ms": gil.convoy_alone.values(),
            "beside_ms": gil.convoy_beside.values(),
            "predicted_us": gil.convoy_predicted.iter().map(|c| json!({"runtime": c.0, "alone": c.1, "beside": c.2})).collect::<Vec<_>>(),
            "handoff_us": gil.convoy.as_ref().map(|c| trace::handoff_latencies(&c.records).iter().map(|l| *l as f64 / 1e3).collect::<Vec<_>>()),
        },
        "predicted": predicted,
    })
}

fn queue_table(l: Lang, runs: &[QueueRun]) -> Html {
    if runs.is_empty() {
        return html! {};
    }
    let mut rows: Vec<(usize, usize, f64)> = Vec::new();
    for r in runs {
        let key = (
            r.config.producers,
            r.config.consumers,
            r.config.cost_ratio(),
        );
        if !rows.contains(&key) {
            rows.push(key);
        }
    }
    html! {
        <table class="lab-results" id="lab-queue-table">
            <thead><tr>
                <th>{ t(l, Key::Ratio) }</th><th>{ t(l, Key::Throughput) }</th>
                <th>{ t(l, Key::Blocked) }</th><th>{ t(l, Key::Idle) }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|&(p, c, ratio)| {
                let of: Vec<&QueueRun> = runs.iter().filter(|r| (r.config.producers, r.config.consumers, r.config.cost_ratio()) == (p, c, ratio)).collect();
                let mut tp = Samples::default();
                of.iter().for_each(|r| tp.push(r.throughput()));
                let last = of[of.len() - 1];
                let sum = |s: Vec<trace::Span>| s.iter().map(|s| s.end - s.start).sum::<u64>() as f64 / 1e6;
                html! {
                    <tr>
                        <th>{ format!("{p}:{c}, ×{ratio}") }</th>
                        <td>{ format!("{:.0}/s", tp.median().unwrap_or(0.0)) }</td>
                        <td>{ format!("{:.1} ms", sum(last.blocked())) }</td>
                        <td>{ format!("{:.1} ms", sum(last.idle())) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}

fn queue_json(runs: &[QueueRun]) -> serde_json::Value {
    let sum = |s: Vec<trace::Span>| s.iter().map(|s| s.end - s.start).sum::<u64>() as f64 / 1e6;
    json!(runs
        .iter()
        .map(|r| {
            let lanes: std::collections::BTreeSet<usize> =
                r.records.iter().map(|x| x.lane).collect();
            json!({
                "producers": r.config.producers,
                "consumers": r.config.consumers,
                "cost_ratio": r.config.cost_ratio(),
                "capacity": r.config.capacity,
                "items": r.consumed,
                "delivered": r.all_delivered(),
                "throughput": r.throughput(),
                "wall_ms": r.wall_ns as f64 / 1e6,
                "blocked_ms": sum(r.blocked()),
                "idle_ms": sum(r.idle()),
                "max_depth": r.depth().iter().map(|d| d.1).max(),
                "lanes_recorded": lanes.len(),
                "dropped": r.dropped,
            })
        })
        .collect::<Vec<_>>())
}

fn explore_table(l: Lang, runs: &[ExploreRun]) -> Html {
    if runs.is_empty() {
        return html! {};
    }
    html! {
        <table class="lab-results" id="lab-explore-table">
            <thead><tr><th>{ t(l, Key::Workers) }</th><th>{ "schedules/s" }</th><th>{ t(l, Key::Outcomes) }</th></tr></thead>
            <tbody>
            { for runs.iter().map(|r| html! {
                <tr><th>{ r.workers }</th><td>{ format!("{:.1}", r.per_second()) }</td><td>{ r.outcomes.len() }</td></tr>
            }) }
            </tbody>
        </table>
    }
}

fn explore_json(runs: &[ExploreRun]) -> serde_json::Value {
    json!(runs
        .iter()
        .map(|r| json!({
            "workers": r.workers,
            "runs": r.runs,
            "wall_ms": r.wall_ns as f64 / 1e6,
            "per_second": r.per_second(),
            "outcomes": r.outcomes.len(),
            "runs_per_lane": r.runs_per_lane,
        }))
        .collect::<Vec<_>>())
}
