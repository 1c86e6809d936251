//! The lab panel: runs the prime-count experiment on the real pool and
//! shows the workers, both counts, the times and the speedup.
//!
//! The experiment is driven from an async task on the main thread that only
//! *awaits* the pool ([`crate::lab::pool::run_timed`]), so the page stays
//! responsive while workers compute. In a page without threads the panel
//! says why it cannot run, and how to get threads.

use std::rc::Rc;

use yew::prelude::*;

use super::{Lang, Text};
use crate::format::{group_digits, millis};
use crate::lab::experiment::{PrimeRace, Samples, DEFAULT_LIMIT, LIMITS, ROUNDS};

#[derive(Properties, PartialEq)]
pub struct LabProps {
    pub lang: Lang,
    /// Pool size, `None` without threads.
    pub workers: Option<usize>,
    /// Inside another page's iframe: offer to open the page on its own.
    pub embedded: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    /// Round 0 is the warm-up (not counted: the engine is still tiering
    /// the kernel up from its baseline compiler), then 1..=ROUNDS.
    Running {
        round: usize,
    },
    Done,
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
struct LabState {
    phase: Phase,
    race: Option<PrimeRace>,
}

#[cfg_attr(not(feature = "threads"), allow(dead_code))]
enum Action {
    Start(PrimeRace),
    Round(usize),
    Single(u64, f64),
    Pool(u64, f64),
    Finish,
    Fail(String),
}

impl Reducible for LabState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start(race) => {
                next.race = Some(race);
                next.phase = Phase::Running { round: 0 };
            }
            Action::Round(round) => next.phase = Phase::Running { round },
            Action::Single(count, ms) => {
                if let Some(r) = next.race.as_mut() {
                    r.single_count = Some(count);
                    r.single.push(ms);
                }
            }
            Action::Pool(count, ms) => {
                if let Some(r) = next.race.as_mut() {
                    r.pool_count = Some(count);
                    r.pool.push(ms);
                }
            }
            Action::Finish => next.phase = Phase::Done,
            Action::Fail(e) => next.phase = Phase::Failed(e),
        }
        Rc::new(next)
    }
}

#[function_component(LabPanel)]
pub fn lab_panel(props: &LabProps) -> Html {
    let l = props.lang;
    let state = use_reducer(|| LabState {
        phase: Phase::Idle,
        race: None,
    });
    let limit = use_state(|| DEFAULT_LIMIT);

    let Some(workers) = props.workers else {
        return html! {
            <section class="panel lab" id="lab" data-state="unavailable" aria-labelledby="lab-title">
                <h2 id="lab-title">{ l.t(Text::Lab) }</h2>
                <p class="warning" id="lab-unavailable">{ l.t(Text::LabUnavailable) }</p>
                if props.embedded {
                    <p><a id="lab-open-standalone" target="_blank" rel="noopener" href={own_url()}>{ l.t(Text::LabOpenStandalone) }</a></p>
                }
            </section>
        };
    };

    let running = matches!(state.phase, Phase::Running { .. });
    let on_run = {
        let state = state.clone();
        let limit = *limit;
        Callback::from(move |_| run_experiment(state.dispatcher(), limit, workers))
    };
    let on_limit = {
        let limit = limit.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(v) = select.value().parse() {
                limit.set(v);
            }
        })
    };
    let phase_name = match &state.phase {
        Phase::Idle => "idle",
        Phase::Running { .. } => "running",
        Phase::Done => "done",
        Phase::Failed(_) => "failed",
    };
    html! {
        <section class="panel lab" id="lab" data-state={phase_name} aria-labelledby="lab-title">
            <h2 id="lab-title">{ l.t(Text::Lab) }</h2>
            <p>{ l.t(Text::LabIntro) }</p>
            <div class="settings">
                <label>{ l.t(Text::LabLimit) }
                    <select id="lab-limit" onchange={on_limit} disabled={running}>
                        { for LIMITS.iter().map(|&n| html! {
                            <option value={n.to_string()} selected={n == *limit}>{ group_digits(n) }</option>
                        }) }
                    </select>
                </label>
                <button id="lab-run" class="primary" onclick={on_run} disabled={running}>
                    { if let Phase::Running { round } = state.phase {
                        if round == 0 {
                            format!("{} {}", l.t(Text::LabRunning), l.t(Text::LabWarmUp))
                        } else {
                            format!("{} {round}/{ROUNDS}", l.t(Text::LabRunning))
                        }
                    } else {
                        l.t(Text::LabRun).to_owned()
                    } }
                </button>
            </div>
            if let Phase::Failed(e) = &state.phase { <p class="error" id="lab-error">{ e }</p> }
            if let Some(race) = &state.race { { results(l, race) } }
            <super::lab_exps::LabExperiments lang={l} workers={workers} />
        </section>
    }
}

/// This page's own address, to open it outside its embedding page.
fn own_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn results(l: Lang, race: &PrimeRace) -> Html {
    let ms = |v: Option<f64>| v.map_or("—".to_owned(), millis);
    let range = |s: &Samples| match (s.min(), s.max()) {
        (Some(a), Some(b)) => format!("{a:.1} – {b:.1} ms"),
        _ => "—".to_owned(),
    };
    let count = |c: Option<u64>| c.map_or("—".to_owned(), group_digits);
    let speedup = race
        .speedup()
        .map_or("—".to_owned(), |s| format!("{s:.2}×"));
    let disagree = race.single_count.is_some() && race.pool_count.is_some() && !race.counts_agree();
    html! {
        <div class="lab-results">
            <table>
                <thead><tr>
                    <th></th>
                    <th>{ l.t(Text::LabOneWorker) }</th>
                    <th id="lab-workers" data-value={race.workers.to_string()}>
                        { format!("{} {}", race.workers, l.t(Text::LabPool)) }
                    </th>
                </tr></thead>
                <tbody>
                    <tr><th>{ l.t(Text::LabPrimes) }</th>
                        <td id="lab-single-count" data-value={race.single_count.map(|c| c.to_string())}>{ count(race.single_count) }</td>
                        <td id="lab-pool-count" data-value={race.pool_count.map(|c| c.to_string())}>{ count(race.pool_count) }</td></tr>
                    <tr><th>{ l.t(Text::LabMedian) }</th>
                        <td id="lab-single-ms" data-value={race.single.median().map(|v| v.to_string())}>{ ms(race.single.median()) }</td>
                        <td id="lab-pool-ms" data-value={race.pool.median().map(|v| v.to_string())}>{ ms(race.pool.median()) }</td></tr>
                    <tr><th>{ l.t(Text::LabRange) }</th>
                        <td>{ range(&race.single) }</td>
                        <td>{ range(&race.pool) }</td></tr>
                </tbody>
            </table>
            <p class="speedup">{ l.t(Text::LabSpeedup) }{ ": " }
                <strong id="lab-speedup" data-value={race.speedup().map(|v| v.to_string())}>{ speedup }</strong></p>
            if disagree { <p class="error">{ l.t(Text::LabCountsDiffer) }</p> }
        </div>
    }
}

#[cfg(feature = "threads")]
fn run_experiment(dispatch: UseReducerDispatcher<LabState>, limit: u64, workers: usize) {
    use crate::lab::pool::run_timed;
    use crate::lab::primes::{count_primes_below, count_primes_below_par};

    dispatch.dispatch(Action::Start(PrimeRace::new(limit, workers)));
    wasm_bindgen_futures::spawn_local(async move {
        for round in 0..=ROUNDS {
            dispatch.dispatch(Action::Round(round));
            let single = run_timed(move || count_primes_below(limit)).await;
            let pool = run_timed(move || count_primes_below_par(limit)).await;
            match (single, pool) {
                (Ok(_), Ok(_)) if round == 0 => {}
                (Ok(s), Ok(p)) => {
                    dispatch.dispatch(Action::Single(s.value, s.millis));
                    dispatch.dispatch(Action::Pool(p.value, p.millis));
                }
                _ => {
                    dispatch.dispatch(Action::Fail("a worker stopped before finishing".into()));
                    return;
                }
            }
        }
        dispatch.dispatch(Action::Finish);
    });
}

#[cfg(not(feature = "threads"))]
fn run_experiment(dispatch: UseReducerDispatcher<LabState>, _limit: u64, _workers: usize) {
    dispatch.dispatch(Action::Fail("this build has no thread pool".into()));
}
