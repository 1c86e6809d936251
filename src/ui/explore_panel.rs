//! The Explore panel: the program in the editor, with the run settings,
//! under seeds `0..N`, and a histogram of how the runs ended (the bars of
//! [`super::outcomes`]: outputs or ranges of a counter's values,
//! exceptions, deadlocks). Clicking a bar puts its first seed into the
//! run settings and runs it, so the run area and the timeline show that
//! interleaving.
//!
//! With a thread pool (the threaded build in an isolated page) each seed
//! is a job on the pool and the main thread only awaits the results;
//! without one the seeds run on the main thread in slices of
//! [`OPS_PER_SLICE`] ops with a frame between them, as the Run button's
//! run does. Stop is honoured between slices either way. Grouping never
//! depends on which path ran: every run is fixed by its seed.

use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::batch::{use_stop_flag, BatchInput, Phase};
use super::outcomes::{Bar, BarKind, Ending, SeedRun, Tally};
use super::run_area::{next_frame, sim_options, OPS_PER_SLICE};
use super::share::Settings;
use super::{Lang, Text};
use crate::runtime::{SimOptions, Simulation};

/// Seeds explored when the page opens.
const DEFAULT_SEEDS: u64 = 100;
/// At most this many seeds per exploration.
const MAX_SEEDS: u64 = 10_000;

#[derive(Properties, PartialEq)]
pub struct ExploreProps {
    pub lang: Lang,
    /// The program, the run settings and the pool.
    pub input: BatchInput,
    /// Asks the app to run this seed with the current settings.
    pub on_replay: Callback<u64>,
}

/// What the panel shows of an exploration.
#[derive(Clone, Debug, PartialEq)]
struct View {
    phase: Phase,
    runs: u64,
    total: u64,
    bars: Rc<Vec<Bar>>,
    /// Distinct endings (groups, before bars merge them).
    endings: usize,
    deadlocks: u64,
    /// The program and settings explored (the seed aside).
    explored: Option<(AttrValue, Settings)>,
}

impl View {
    fn idle() -> View {
        View {
            phase: Phase::Idle,
            runs: 0,
            total: 0,
            bars: Rc::new(Vec::new()),
            endings: 0,
            deadlocks: 0,
            explored: None,
        }
    }

    fn of(tally: &Tally, phase: Phase, total: u64, explored: &(AttrValue, Settings)) -> View {
        let groups = tally.groups();
        let deadlocks = groups
            .iter()
            .filter(|g| g.ending == Ending::Deadlock)
            .map(|g| g.count)
            .sum();
        View {
            phase,
            runs: tally.runs(),
            total,
            bars: Rc::new(tally.bars()),
            endings: groups.len(),
            deadlocks,
            explored: Some(explored.clone()),
        }
    }
}

/// The settings with the seed left out: what makes two explorations the
/// same.
fn without_seed(settings: &Settings) -> Settings {
    Settings {
        seed: 0,
        ..settings.clone()
    }
}

/// One exploration's input.
struct Job {
    source: String,
    options: SimOptions,
    total: u64,
    explored: (AttrValue, Settings),
}

#[function_component(ExplorePanel)]
pub fn explore_panel(props: &ExploreProps) -> Html {
    let l = props.lang;
    let view = use_state(View::idle);
    let seeds = use_state(|| DEFAULT_SEEDS);
    let stop = use_stop_flag();
    let picked = use_state(|| None::<u64>);
    let running = view.phase == Phase::Running;

    let on_seeds = {
        let seeds = seeds.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(n) = input.value().trim().parse::<u64>() {
                seeds.set(n.clamp(1, MAX_SEEDS));
            }
        })
    };
    let on_run = {
        let (view, stop, picked) = (view.clone(), stop.clone(), picked.clone());
        let total = *seeds;
        let code = props.input.code.clone();
        let settings = props.input.settings.clone();
        let workers = props.input.workers;
        Callback::from(move |_: MouseEvent| {
            if view.phase == Phase::Running {
                return;
            }
            let flag = stop.fresh();
            picked.set(None);
            let job = Job {
                source: code.to_string(),
                options: sim_options(&settings),
                total,
                explored: (code.clone(), without_seed(&settings)),
            };
            if Simulation::new(&job.source, &job.options).is_err() {
                view.set(View {
                    phase: Phase::CompileError,
                    ..View::idle()
                });
                return;
            }
            let view = view.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match workers {
                    Some(n) if n > 1 => explore_on_pool(job, flag, view).await,
                    _ => explore_in_frames(job, flag, view).await,
                }
            });
        })
    };
    let on_stop = stop.on_stop();

    let stale = view.explored.as_ref().is_some_and(|(code, s)| {
        *code != props.input.code || *s != without_seed(&props.input.settings)
    });
    let max = view.bars.iter().map(|b| b.count).max().unwrap_or(0);
    let percent_done = if view.total == 0 {
        0.0
    } else {
        view.runs as f64 * 100.0 / view.total as f64
    };
    let state_text = match view.phase {
        Phase::Idle => String::new(),
        Phase::Running => l.t(Text::ExploreRunning).to_owned(),
        Phase::Stopped => l.t(Text::ExploreStopped).to_owned(),
        Phase::Done => l.t(Text::ExploreDone).to_owned(),
        Phase::CompileError => l.t(Text::ExploreCompileError).to_owned(),
    };
    let where_text = match props.input.workers {
        Some(n) if n > 1 => l.explore_on_pool(n),
        _ => l.t(Text::ExploreOnMainThread).to_owned(),
    };
    let bar = |b: &Bar| {
        let label = match b.kind {
            BarKind::Deadlock => l.t(Text::ExploreDeadlock).to_owned(),
            BarKind::Other => format!("{} ({})", l.t(Text::ExploreOther), b.outcomes),
            _ if b.label.is_empty() => l.t(Text::ExploreNoOutput).to_owned(),
            _ => b.label.clone(),
        };
        let width = if max == 0 {
            0.0
        } else {
            b.count as f64 * 100.0 / max as f64
        };
        let seed = b.first_seed;
        let onclick = {
            let (on_replay, picked) = (props.on_replay.clone(), picked.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(seed) = seed {
                    picked.set(Some(seed));
                    on_replay.emit(seed);
                }
            })
        };
        let title = match seed {
            Some(seed) => l.explore_bar_title(b.count, b.percent(view.runs), b.outcomes, seed),
            None => l.t(Text::ExploreEmpty).to_owned(),
        };
        html! {
            <li>
                <button class={classes!("explore-bar", format!("kind-{}", b.kind.name()), (seed.is_some() && *picked == seed).then_some("picked"))}
                        data-kind={b.kind.name()} data-count={b.count.to_string()}
                        data-outcomes={b.outcomes.to_string()} data-seed={seed.map(|s| s.to_string())}
                        data-example={b.example.clone()}
                        title={title.clone()} aria-label={format!("{label}: {title}")}
                        disabled={stale || running || seed.is_none()} {onclick}>
                    <span class="bar-label">{ label }</span>
                    <svg class="bar-track" aria-hidden="true">
                        <rect class="bar-fill" x="0" y="0" height="100%" width={format!("{width:.2}%")} />
                    </svg>
                    <span class="bar-count">{ format!("{} · {:.0}%", b.count, b.percent(view.runs)) }</span>
                </button>
            </li>
        }
    };
    html! {
        <section class="panel explore" id="explore" data-state={view.phase.name()}
                 data-runs={view.runs.to_string()} data-endings={view.endings.to_string()}
                 aria-labelledby="explore-title">
            <h2 id="explore-title">{ l.t(Text::Explore) }</h2>
            <p class="note">{ l.t(Text::ExploreIntro) }</p>
            <div class="settings">
                <label>{ l.t(Text::ExploreSeeds) }
                    <input id="explore-seeds" type="number" min="1" max={MAX_SEEDS.to_string()}
                        value={seeds.to_string()} onchange={on_seeds} disabled={running} />
                </label>
                <div class="buttons">
                    <button id="explore-run" class="primary" disabled={running} onclick={on_run}>{ l.t(Text::ExploreRun) }</button>
                    <button id="explore-stop" disabled={!running} onclick={on_stop}>{ l.t(Text::Stop) }</button>
                </div>
                <span class="explore-where" id="explore-where">{ where_text }</span>
            </div>
            if view.phase != Phase::Idle {
                <div class="explore-progress">
                    <progress id="explore-progress" max={view.total.max(1).to_string()} value={view.runs.to_string()}
                              aria-label={l.t(Text::ExploreRunning)}>{ format!("{percent_done:.0}%") }</progress>
                    <span id="explore-state" role="status">
                        { state_text }
                        if view.total > 0 {
                            { " · " }{ l.explore_summary(view.runs, view.total, view.endings, view.deadlocks) }
                        }
                    </span>
                </div>
            }
            if !view.bars.is_empty() {
                <ol class="explore-bars" id="explore-bars">
                    { for view.bars.iter().map(bar) }
                </ol>
                <p class="note">{ l.t(if stale { Text::ExploreStale } else { Text::ExploreHint }) }</p>
            }
        </section>
    }
}

/// Seeds on the main thread: as many slices of ops as fit in a frame's
/// budget, then the view, then the next frame.
async fn explore_in_frames(job: Job, stop: Arc<AtomicBool>, view: UseStateHandle<View>) {
    let mut tally = Tally::new();
    let mut spent = 0;
    view.set(View::of(&tally, Phase::Running, job.total, &job.explored));
    for seed in 0..job.total {
        let mut run = SeedRun::new(&job.source, &job.options, seed);
        let result = loop {
            if stop.load(Ordering::Relaxed) {
                view.set(View::of(&tally, Phase::Stopped, job.total, &job.explored));
                return;
            }
            let (result, ops) = run.step(OPS_PER_SLICE - spent);
            spent += ops;
            if spent >= OPS_PER_SLICE {
                view.set(View::of(&tally, Phase::Running, job.total, &job.explored));
                next_frame().await;
                spent = 0;
            }
            if let Some(result) = result {
                break result;
            }
        };
        tally.add(result);
    }
    view.set(View::of(&tally, Phase::Done, job.total, &job.explored));
}

/// Ops a worker runs between two looks at the Stop flag.
#[cfg(feature = "threads")]
const OPS_PER_CHECK: u64 = 200_000;

/// Seeds as jobs on the pool, awaited in order (the pool takes them
/// first in, first out, so results come back about in that order).
#[cfg(feature = "threads")]
async fn explore_on_pool(job: Job, stop: Arc<AtomicBool>, view: UseStateHandle<View>) {
    let shared = Arc::new((job.source.clone(), job.options.clone()));
    let pending: Vec<_> = (0..job.total)
        .map(|seed| {
            let (shared, stop) = (shared.clone(), stop.clone());
            crate::lab::pool::run_timed(move || {
                SeedRun::new(&shared.0, &shared.1, seed)
                    .finish(OPS_PER_CHECK, || stop.load(Ordering::Relaxed))
            })
        })
        .collect();
    let mut tally = Tally::new();
    view.set(View::of(&tally, Phase::Running, job.total, &job.explored));
    let mut complete = true;
    for result in pending {
        match result.await {
            Ok(timed) => match timed.value {
                Some(run) => tally.add(run),
                None => complete = false,
            },
            Err(_) => complete = false,
        }
        if !stop.load(Ordering::Relaxed) {
            view.set(View::of(&tally, Phase::Running, job.total, &job.explored));
        }
    }
    let phase = if complete && !stop.load(Ordering::Relaxed) {
        Phase::Done
    } else {
        Phase::Stopped
    };
    view.set(View::of(&tally, phase, job.total, &job.explored));
}

/// Without threads in this build the pool path is the frames path.
#[cfg(not(feature = "threads"))]
async fn explore_on_pool(job: Job, stop: Arc<AtomicBool>, view: UseStateHandle<View>) {
    explore_in_frames(job, stop, view).await
}
