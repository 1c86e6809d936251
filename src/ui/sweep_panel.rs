//! The Sweep panel: one top-level constant of the program (see
//! [`super::sweep`]) run at each value of a range, under the run
//! settings' runtime and optionally a second one, and the virtual run time
//! and the speed-up against the first value plotted against the value —
//! the pool-sizing rules of thumb as a curve that bends.
//!
//! Runs go on the worker pool when the page has one (each value a job),
//! else on the main thread in slices of [`OPS_PER_SLICE`] ops with a frame
//! between them, as Explore does; Stop is honoured between slices.
//! Clicking a point puts that value into the editor's program.
//!
//! The constant, values and second runtime belong to the app
//! ([`SweepSetup`], carried by share links): a link opens the panel set
//! up, not run. Results remember the program and settings they were
//! swept with, and say so when the editor's program (besides the swept
//! constant's value) or the run settings have changed since.

use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::batch::{use_stop_flag, BatchInput, Phase};
use super::run_area::{next_frame, sim_options, OPS_PER_SLICE};
use super::share::Settings;
use super::sweep::{self, Constant, Point, PointRun};
use super::sweep_setup::{self, SweepSetup};
use super::{Lang, Text};
use crate::runtime::SimOptions;

/// The runtimes a sweep can compare (value, short label).
const RUNTIMES: [(&str, &str); 4] = [
    ("cpython-2.7", "2.7"),
    ("cpython-3.9", "3.9"),
    ("cpython-3.12", "3.12"),
    ("cpython-3.13t", "3.13t"),
];

/// Series colours: the first runtime, the second.
const COLOURS: [&str; 2] = ["#2f6fd6", "#d9480f"];

#[derive(Properties, PartialEq)]
pub struct SweepProps {
    pub lang: Lang,
    /// The program, the run settings and the pool.
    pub input: BatchInput,
    /// Puts a program into the editor.
    pub on_code: Callback<String>,
    /// The constant, values and second runtime.
    #[prop_or_default]
    pub setup: SweepSetup,
    /// Called with the setup when the user changes it (or runs a sweep:
    /// then with the constant and values it used).
    #[prop_or_default]
    pub on_setup: Callback<SweepSetup>,
}

/// One runtime's points.
#[derive(Clone, Debug, PartialEq)]
struct Series {
    runtime: String,
    points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq)]
struct View {
    phase: Phase,
    constant: Option<Constant>,
    values: Vec<i64>,
    series: Rc<Vec<Series>>,
    /// The program and settings swept.
    code: AttrValue,
    settings: Option<Settings>,
}

impl View {
    fn idle() -> View {
        View {
            phase: Phase::Idle,
            constant: None,
            values: Vec::new(),
            series: Rc::new(Vec::new()),
            code: AttrValue::default(),
            settings: None,
        }
    }

    /// Whether the program `code` (besides the swept constant's value)
    /// or the run `settings` changed since this sweep.
    fn stale(&self, code: &str, settings: &Settings) -> bool {
        let Some(c) = &self.constant else {
            return false;
        };
        // Compare on or off changes no sweep.
        let plain = |s: &Settings| Settings {
            compare: None,
            ..s.clone()
        };
        sweep_setup::stale(&self.code, code, &c.name)
            || self.settings.as_ref().map(plain) != Some(plain(settings))
    }
    fn runs(&self) -> usize {
        self.series.iter().map(|s| s.points.len()).sum()
    }
}

/// One sweep's input.
struct Job {
    source: String,
    settings: Settings,
    constant: Constant,
    values: Vec<i64>,
    runs: Vec<(String, SimOptions)>,
}

#[derive(Clone, Copy)]
enum K {
    Title,
    Intro,
    Constant,
    NoConstants,
    Values,
    ValuesHelp,
    Versus,
    Nothing,
    Run,
    Time,
    Speedup,
    SpeedupHelp,
    Running,
    Stopped,
    Done,
    Failed,
    PointHelp,
    Line,
    Stale,
}

fn t(l: Lang, k: K) -> &'static str {
    let zh = l == Lang::Zh;
    match (k, zh) {
        (K::Title, false) => "Sweep",
        (K::Title, true) => "扫描",
        (K::Intro, false) => "Run the program once for each value of one of its top-level constants (WORKERS = 4, CONCURRENT_REQUESTS = 16…) and plot the virtual run time against the value, under one or two runtimes.",
        (K::Intro, true) => "对程序的某个顶层常量（WORKERS = 4、CONCURRENT_REQUESTS = 16……）的每个取值各运行一次，在一个或两个运行时下画出虚拟运行时间随取值的变化。",
        (K::Constant, false) => "Constant",
        (K::Constant, true) => "常量",
        (K::NoConstants, false) => "The program has no top-level constant to sweep (a line like WORKERS = 4).",
        (K::NoConstants, true) => "程序中没有可扫描的顶层常量（形如 WORKERS = 4 的一行）。",
        (K::Values, false) => "Values",
        (K::Values, true) => "取值",
        (K::ValuesHelp, false) => "1-16, 1-32:4 (a step), or 1,2,4,8",
        (K::ValuesHelp, true) => "1-16、1-32:4（步长），或 1,2,4,8",
        (K::Versus, false) => "Also under",
        (K::Versus, true) => "同时在",
        (K::Nothing, false) => "(nothing)",
        (K::Nothing, true) => "（无）",
        (K::Run, false) => "Sweep",
        (K::Run, true) => "开始扫描",
        (K::Time, false) => "virtual run time",
        (K::Time, true) => "虚拟运行时间",
        (K::Speedup, false) => "speed-up",
        (K::Speedup, true) => "加速比",
        (K::SpeedupHelp, false) => "Speed-up: the time at the first value divided by the time at this one (the same work done that many times faster).",
        (K::SpeedupHelp, true) => "加速比：第一个取值的时间除以此取值的时间（同样的工作快了多少倍）。",
        (K::Running, false) => "running",
        (K::Running, true) => "运行中",
        (K::Stopped, false) => "stopped",
        (K::Stopped, true) => "已停止",
        (K::Done, false) => "done",
        (K::Done, true) => "完成",
        (K::Failed, false) => "did not end cleanly (exit status)",
        (K::Failed, true) => "未正常结束（退出状态）",
        (K::PointHelp, false) => "Click a point to put its value into the program.",
        (K::PointHelp, true) => "点击一个点，把它的取值写进程序。",
        (K::Line, false) => "line",
        (K::Line, true) => "行",
        (K::Stale, false) => "The program or the run settings have changed since this sweep: these results are of the earlier ones. Sweep again for the current ones.",
        (K::Stale, true) => "自这次扫描以来，程序或运行设置已经改变：下面的结果属于之前的版本。请重新扫描以得到当前的结果。",
    }
}

fn short(runtime: &str) -> &str {
    RUNTIMES
        .iter()
        .find(|r| r.0 == runtime)
        .map_or(runtime, |r| r.1)
}

#[function_component(SweepPanel)]
pub fn sweep_panel(props: &SweepProps) -> Html {
    let l = props.lang;
    let constants = use_memo(props.input.code.clone(), |code| sweep::constants(code));
    let setup = &props.setup;
    let versus = &setup.versus;
    let view = use_state(View::idle);
    let error = use_state(|| None::<String>);
    let stop = use_stop_flag();
    let running = view.phase == Phase::Running;

    // The constant in use: the one picked, else the first.
    let constant = setup
        .constant
        .as_ref()
        .and_then(|n| constants.iter().find(|c| &c.name == n))
        .or_else(|| constants.first())
        .cloned();
    let range_text = if setup.values.is_empty() {
        constant
            .as_ref()
            .map(|c| values_text(&sweep::default_values(c.value)))
            .unwrap_or_default()
    } else {
        setup.values.clone()
    };

    let on_constant = {
        let (setup, on_setup) = (setup.clone(), props.on_setup.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_setup.emit(SweepSetup {
                constant: Some(select.value()),
                values: String::new(),
                ..setup.clone()
            });
        })
    };
    let on_range = {
        let (setup, on_setup) = (setup.clone(), props.on_setup.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_setup.emit(SweepSetup {
                values: input.value().trim().to_owned(),
                ..setup.clone()
            });
        })
    };
    let on_versus = {
        let (setup, on_setup) = (setup.clone(), props.on_setup.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            on_setup.emit(SweepSetup {
                versus: (!v.is_empty()).then_some(v),
                ..setup.clone()
            });
        })
    };
    let on_run = {
        let (view, stop, error) = (view.clone(), stop.clone(), error.clone());
        let (code, settings, workers) = (
            props.input.code.clone(),
            props.input.settings.clone(),
            props.input.workers,
        );
        let (constant, range_text, versus) = (constant.clone(), range_text.clone(), versus.clone());
        let on_setup = props.on_setup.clone();
        Callback::from(move |_: MouseEvent| {
            if view.phase == Phase::Running {
                return;
            }
            let Some(constant) = constant.clone() else {
                return;
            };
            let values = match sweep::parse_values(&range_text) {
                Ok(v) => v,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            error.set(None);
            // What was swept, spelled out: a link made now reopens it.
            on_setup.emit(SweepSetup {
                constant: Some(constant.name.clone()),
                values: range_text.clone(),
                versus: versus.clone(),
            });
            let mut runs = vec![(settings.runtime.clone(), sim_options(&settings))];
            if let Some(rt) = versus.clone().filter(|rt| *rt != settings.runtime) {
                let s = Settings {
                    runtime: rt.clone(),
                    ..settings.clone()
                };
                runs.push((rt, sim_options(&s)));
            }
            let flag = stop.fresh();
            let job = Job {
                source: code.to_string(),
                settings: settings.clone(),
                constant,
                values,
                runs,
            };
            let view = view.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match workers {
                    Some(n) if n > 1 => sweep_on_pool(job, flag, view).await,
                    _ => sweep_in_frames(job, flag, view).await,
                }
            });
        })
    };
    let on_stop = stop.on_stop();
    let on_point = {
        let (code, on_code) = (props.input.code.clone(), props.on_code.clone());
        let swept = view.constant.clone();
        Callback::from(move |value: i64| {
            // The constant as it is in the editor now (it may have moved).
            let Some(name) = swept.as_ref().map(|c| c.name.clone()) else {
                return;
            };
            if let Some(c) = sweep::constants(&code).into_iter().find(|c| c.name == name) {
                on_code.emit(sweep::with_value(&code, &c, value));
            }
        })
    };

    let total = view.values.len() * view.series.len().max(1);
    let state_text = match view.phase {
        // A sweep never stops at a compile error: each value's run says it.
        Phase::Idle | Phase::CompileError => "",
        Phase::Running => t(l, K::Running),
        Phase::Stopped => t(l, K::Stopped),
        Phase::Done => t(l, K::Done),
    };
    html! {
        <section class="panel sweep" id="sweep" data-state={view.phase.name()}
                 data-runs={view.runs().to_string()} aria-labelledby="sweep-title">
            <h2 id="sweep-title">{ t(l, K::Title) }</h2>
            <p class="note">{ t(l, K::Intro) }</p>
            if constants.is_empty() {
                <p class="note" id="sweep-none">{ t(l, K::NoConstants) }</p>
            } else {
                <div class="settings">
                    <label>{ t(l, K::Constant) }
                        <select id="sweep-constant" onchange={on_constant} disabled={running}>
                            { for constants.iter().map(|c| html! {
                                <option value={c.name.clone()} selected={constant.as_ref() == Some(c)}>
                                    { format!("{} = {} ({} {})", c.name, c.value, t(l, K::Line), c.line) }
                                </option>
                            }) }
                        </select>
                    </label>
                    <label>{ t(l, K::Values) }
                        <input id="sweep-values" type="text" spellcheck="false" value={range_text.clone()}
                            placeholder={t(l, K::ValuesHelp)} title={t(l, K::ValuesHelp)}
                            onchange={on_range} disabled={running} />
                    </label>
                    <label>{ t(l, K::Versus) }
                        <select id="sweep-versus" onchange={on_versus} disabled={running}>
                            <option value="" selected={versus.is_none()}>{ t(l, K::Nothing) }</option>
                            { for RUNTIMES.iter().filter(|r| r.0 != props.input.settings.runtime).map(|r| html! {
                                <option value={r.0} selected={versus.as_deref() == Some(r.0)}>{ format!("CPython {}", r.1) }</option>
                            }) }
                        </select>
                    </label>
                    <div class="buttons">
                        <button id="sweep-run" class="primary" disabled={running} onclick={on_run}>{ t(l, K::Run) }</button>
                        <button id="sweep-stop" disabled={!running} onclick={on_stop}>{ l.t(Text::Stop) }</button>
                    </div>
                </div>
            }
            if let Some(e) = &*error {
                <p class="error" id="sweep-error" role="alert">{ e.clone() }</p>
            }
            if view.phase != Phase::Idle {
                <div class="explore-progress">
                    <progress id="sweep-progress" max={total.max(1).to_string()} value={view.runs().to_string()} />
                    <span id="sweep-state" role="status">{ format!("{state_text} · {}/{total}", view.runs()) }</span>
                </div>
            }
            if view.runs() > 0 && !running && view.stale(&props.input.code, &props.input.settings) {
                <p class="warning" id="sweep-stale" role="status">{ t(l, K::Stale) }</p>
            }
            if view.runs() > 0 {
                { chart(l, &view, K::Time, &on_point) }
                { chart(l, &view, K::Speedup, &on_point) }
                <p class="note">{ t(l, K::SpeedupHelp) }{ " " }{ t(l, K::PointHelp) }</p>
                { table(l, &view) }
            }
        </section>
    }
}

fn values_text(v: &[i64]) -> String {
    // Runs of consecutive values as ranges: 1-8, or 1,3,5.
    if v.len() > 2 && v.windows(2).all(|w| w[1] == w[0] + 1) {
        return format!("{}-{}", v[0], v[v.len() - 1]);
    }
    v.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Round tick steps (1, 2, 5 × 10^k) for `max` in about `n` ticks.
fn nice_step(max: f64, n: f64) -> f64 {
    let raw = (max / n).max(1e-12);
    let mag = 10f64.powf(raw.log10().floor());
    let unit = raw / mag;
    let nice = if unit <= 1.0 {
        1.0
    } else if unit <= 2.0 {
        2.0
    } else if unit <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// One chart: the value across, the time (or speed-up) up, a line per
/// runtime; each point a circle that says its figures and loads its value.
fn chart(l: Lang, view: &View, what: K, on_point: &Callback<i64>) -> Html {
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 56.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 34.0;
    let speedup = matches!(what, K::Speedup);
    let y_of = |s: &Series, p: &Point| -> Option<f64> {
        if p.exit != 0 || p.ns == 0 {
            return None;
        }
        if speedup {
            s.points.first().map(|f| p.speedup(f))
        } else {
            Some(p.ns as f64 / 1e6)
        }
    };
    let ys: Vec<f64> = view
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(move |p| y_of(s, p)))
        .collect();
    let y_max = ys
        .iter()
        .copied()
        .fold(0.0, f64::max)
        .max(if speedup { 1.0 } else { 1e-3 });
    let (x_min, x_max) = (
        *view.values.first().unwrap_or(&0) as f64,
        (*view.values.last().unwrap_or(&1) as f64).max(view.values[0] as f64 + 1.0),
    );
    let x = |v: i64| LEFT + (v as f64 - x_min) / (x_max - x_min) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - v / y_max) * (H - TOP - BOTTOM);
    let step = nice_step(y_max, 4.0);
    let y_ticks: Vec<f64> = (0..=((y_max / step).floor() as usize))
        .map(|k| k as f64 * step)
        .collect();
    let x_step = nice_step(x_max - x_min, 8.0).max(1.0);
    let mut x_ticks = vec![x_min as i64];
    let mut v = (x_min / x_step).ceil() * x_step;
    while v <= x_max {
        if v as i64 != x_min as i64 {
            x_ticks.push(v as i64);
        }
        v += x_step;
    }
    let unit = if speedup { "×" } else { " ms" };
    let name = view
        .constant
        .as_ref()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let id = if speedup {
        "sweep-speedup"
    } else {
        "sweep-time"
    };
    html! {
        <figure class="sweep-chart">
            <svg id={id} viewBox={format!("0 0 {W} {H}")} role="img"
                 aria-label={format!("{} / {name}", t(l, what))}>
                { for y_ticks.iter().map(|&v| html! {
                    <g class="tick">
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} />
                        <text x={(LEFT - 6.0).to_string()} y={(y(v) + 4.0).to_string()} text-anchor="end">
                            { format!("{}{unit}", trim(v)) }
                        </text>
                    </g>
                }) }
                { for x_ticks.iter().map(|&v| html! {
                    <text class="xtick" x={x(v).to_string()} y={(H - BOTTOM + 16.0).to_string()} text-anchor="middle">{ v }</text>
                }) }
                <text class="axis-name" x={((LEFT + W - RIGHT) / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle">{ name.clone() }</text>
                <text class="axis-name" x="4" y="10">{ t(l, what) }</text>
                { for view.series.iter().enumerate().map(|(k, s)| {
                    let colour = COLOURS[k % COLOURS.len()];
                    let pts: Vec<String> = s.points.iter()
                        .filter_map(|p| y_of(s, p).map(|v| format!("{:.1},{:.1}", x(p.value), y(v))))
                        .collect();
                    html! {
                        <g class="series" data-runtime={s.runtime.clone()}>
                            <polyline points={pts.join(" ")} fill="none" stroke={colour} stroke-width="2" />
                            { for s.points.iter().filter_map(|p| y_of(s, p).map(|v| (p, v))).map(|(p, v)| {
                                let value = p.value;
                                let onclick = { let on_point = on_point.clone(); Callback::from(move |_: MouseEvent| on_point.emit(value)) };
                                let speed = s.points.first().map_or(1.0, |f| p.speedup(f));
                                html! {
                                    <circle class="point" cx={format!("{:.1}", x(p.value))} cy={format!("{:.1}", y(v))} r="4"
                                            fill={colour} data-value={p.value.to_string()} data-ns={p.ns.to_string()} {onclick}>
                                        <title>{ format!("{} · {name} = {} · {} · {}×", short(&s.runtime), p.value,
                                            crate::trace::lanes::duration(p.ns), trim2(speed)) }</title>
                                    </circle>
                                }
                            }) }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="sweep-legend">
                { for view.series.iter().enumerate().map(|(k, s)| html! {
                    <span class="key"><span class="swatch" style={format!("background:{}", COLOURS[k % COLOURS.len()])}></span>
                        { format!("CPython {}", short(&s.runtime)) }</span>
                }) }
            </figcaption>
        </figure>
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn trim2(v: f64) -> String {
    format!("{v:.2}")
}

/// The figures, one row per value.
fn table(l: Lang, view: &View) -> Html {
    let name = view
        .constant
        .as_ref()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    html! {
        <table class="lab-results" id="sweep-table">
            <thead><tr>
                <th>{ name }</th>
                { for view.series.iter().map(|s| html! {
                    <>
                        <th>{ format!("{} ({})", t(l, K::Time), short(&s.runtime)) }</th>
                        <th>{ format!("{} ({})", t(l, K::Speedup), short(&s.runtime)) }</th>
                    </>
                }) }
            </tr></thead>
            <tbody>
                { for view.values.iter().map(|&v| html! {
                    <tr data-value={v.to_string()}>
                        <th>{ v }</th>
                        { for view.series.iter().map(|s| {
                            let p = s.points.iter().find(|p| p.value == v);
                            let first = s.points.first();
                            match (p, first) {
                                (Some(p), Some(f)) if p.exit == 0 => html! { <>
                                    <td class="time" data-runtime={s.runtime.clone()} data-ns={p.ns.to_string()}>{ crate::trace::lanes::duration(p.ns) }</td>
                                    <td class="speedup">{ format!("{}×", trim2(p.speedup(f))) }</td>
                                </> },
                                (Some(p), _) => html! { <>
                                    <td class="time failed" colspan="2" title={t(l, K::Failed)}>{ format!("{} {}", t(l, K::Failed), p.exit) }</td>
                                </> },
                                _ => html! { <><td>{ "…" }</td><td></td></> },
                            }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn start_view(job: &Job, phase: Phase, series: Vec<Series>) -> View {
    View {
        phase,
        constant: Some(job.constant.clone()),
        values: job.values.clone(),
        series: Rc::new(series),
        code: AttrValue::from(job.source.clone()),
        settings: Some(job.settings.clone()),
    }
}

fn empty_series(job: &Job) -> Vec<Series> {
    job.runs
        .iter()
        .map(|(rt, _)| Series {
            runtime: rt.clone(),
            points: Vec::new(),
        })
        .collect()
}

/// Values on the main thread, in slices of ops with a frame between.
async fn sweep_in_frames(job: Job, stop: Arc<AtomicBool>, view: UseStateHandle<View>) {
    let mut series = empty_series(&job);
    view.set(start_view(&job, Phase::Running, series.clone()));
    for (k, (_, options)) in job.runs.iter().enumerate() {
        for &v in &job.values {
            let mut run = PointRun::new(&job.source, &job.constant, v, options);
            let point = loop {
                if stop.load(Ordering::Relaxed) {
                    view.set(start_view(&job, Phase::Stopped, series));
                    return;
                }
                if let Some(p) = run.step(OPS_PER_SLICE) {
                    break p;
                }
                next_frame().await;
            };
            series[k].points.push(point);
            view.set(start_view(&job, Phase::Running, series.clone()));
            next_frame().await;
        }
    }
    view.set(start_view(&job, Phase::Done, series));
}

/// Ops a worker runs between two looks at the Stop flag.
#[cfg(feature = "threads")]
const OPS_PER_CHECK: u64 = 200_000;

/// Each value a job on the pool, awaited in order.
#[cfg(feature = "threads")]
async fn sweep_on_pool(job: Job, stop: Arc<AtomicBool>, view: UseStateHandle<View>) {
    let source = Arc::new(job.source.clone());
    let mut pending = Vec::new();
    for (k, (_, options)) in job.runs.iter().enumerate() {
        for &v in &job.values {
            let (source, stop, c, options) = (
                source.clone(),
                stop.clone(),
                job.constant.clone(),
                options.clone(),
            );
            pending.push((
                k,
                crate::lab::pool::run_timed(move || {
                    PointRun::new(&source, &c, v, &options)
                        .finish(OPS_PER_CHECK, || stop.load(Ordering::Relaxed))
                }),
            ));
        }
    }
    let mut series = empty_series(&job);
    view.set(start_view(&job, Phase::Running, series.clone()));
    let mut complete = true;
    for (k, result) in pending {
        match result.await {
            Ok(timed) => match timed.value {
                Some(p) => series[k].points.push(p),
                None => complete = false,
            },
            Err(_) => complete = false,
        }
        if !stop.load(Ordering::Relaxed) {
            view.set(start_view(&job, Phase::Running, series.clone()));
        }
    }
    let phase = if complete && !stop.load(Ordering::Relaxed) {
        Phase::Done
    } else {
        Phase::Stopped
    };
    view.set(start_view(&job, phase, series));
}

/// Without threads in this build the pool path is the frames path.
#[cfg(not(feature = "threads"))]
async fn sweep_on_pool(job: Job, stop: Arc<AtomicBool>, view: UseStateHandle<View>) {
    sweep_in_frames(job, stop, view).await
}
