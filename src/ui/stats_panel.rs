//! The statistics panel: the engine's statistics of the last run
//! ([`crate::trace::stats`]) as tables — where each thread's time went,
//! the GIL's hand-offs by reason, each lock's contention (the program's
//! own locks; the library's under a fold), each queue's traffic, the
//! requests to each host of the simulated network — with
//! the note on how the summary line above the timeline compares times.
//! With Compare, they are the first run's (A), and the caption says so.

use std::rc::Rc;

use yew::prelude::*;

use super::run_area::RunView;
use super::timeline::text::{self, T};
use super::Lang;
use crate::format::group_digits;
use crate::trace::lanes::duration;
use crate::trace::stats::{LockStats, Stats};

#[derive(Properties, PartialEq)]
pub struct StatsProps {
    pub lang: Lang,
    pub run: Option<Rc<RunView>>,
    /// Which run these are, when there are two (Compare: the first's caption).
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

#[function_component(StatsPanel)]
pub fn stats_panel(props: &StatsProps) -> Html {
    let l = props.lang;
    let stats = use_memo(props.run.clone(), |run| {
        run.as_ref()
            .map(|r| Stats::from_timeline(&r.events, &r.timeline))
    });
    let Some(s) = stats.as_ref() else {
        return html! {};
    };
    let tt = |k| text::t(l, k);
    let (own, library): (Vec<&LockStats>, Vec<&LockStats>) =
        s.locks.iter().partition(|k| !k.name.contains(" ("));
    let lock_table = |locks: &[&LockStats], id: &'static str| {
        html! {
            <table class="tl-stats" id={id}>
                <thead><tr>
                    <th>{ tt(T::Lock) }</th><th>{ tt(T::Acquired) }</th><th>{ tt(T::Contended) }</th>
                    <th>{ tt(T::TotalWait) }</th><th>{ tt(T::MaxWait) }</th><th>{ tt(T::MaxWaiters) }</th>
                </tr></thead>
                <tbody>
                    { for locks.iter().map(|k| html! {
                        <tr>
                            <th>{ &k.name }</th>
                            <td>{ group_digits(k.acquisitions) }</td>
                            <td>{ group_digits(k.contended) }</td>
                            <td>{ duration(k.total_wait) }</td>
                            <td>{ duration(k.max_wait) }</td>
                            <td>{ k.max_waiters }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    let handoffs = if s.has_gil {
        let parts: Vec<String> = s
            .gil_handoffs
            .iter()
            .map(|(r, n)| format!("{} {}", text::reason(l, *r), group_digits(*n)))
            .collect();
        format!(
            "{}: {}{}",
            tt(T::GilHandoffs),
            group_digits(s.gil_handoff_count()),
            if parts.is_empty() {
                String::new()
            } else {
                format!(" ({})", parts.join(", "))
            }
        )
    } else {
        format!("GIL: {}", tt(T::NoGil))
    };
    html! {
        <section class="panel stats" id="stats" aria-labelledby="stats-title">
            <h2 id="stats-title">{ tt(T::Stats) }</h2>
            if let Some(caption) = &props.caption {
                <p class="caption" id="stats-caption">{ caption.clone() }</p>
            }
            <p class="note" id="stats-sequential">{ tt(T::SequentialHelp) }</p>
            <div class="tl-scroll">
            <table class="tl-stats" id="stats-threads">
                <thead><tr>
                    <th>{ tt(T::Thread) }</th><th>{ tt(T::Running) }</th><th>{ tt(T::Ready) }</th>
                    <th>{ tt(T::GilWait) }</th><th>{ tt(T::Blocked) }</th><th>{ tt(T::Sleeping) }</th>
                    <th>{ tt(T::Io) }</th><th>{ tt(T::Lifetime) }</th><th>{ tt(T::HoldsGil) }</th>
                </tr></thead>
                <tbody>
                    { for s.threads.iter().map(|t| html! {
                        <tr>
                            <th>{ &t.name }</th>
                            <td>{ duration(t.running) }</td>
                            <td>{ duration(t.ready) }</td>
                            <td>{ duration(t.wait_gil) }</td>
                            <td>{ duration(t.blocked) }</td>
                            <td>{ duration(t.sleeping) }</td>
                            <td>{ duration(t.io) }</td>
                            <td>{ duration(t.lifetime()) }</td>
                            <td>{ if s.has_gil { duration(t.gil_held) } else { "–".into() } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <p id="stats-gil">{ handoffs }</p>
            if !own.is_empty() {
                <div class="tl-scroll">{ lock_table(&own, "stats-locks") }</div>
            }
            if !library.is_empty() {
                <details>
                    <summary>{ format!("{} ({})", tt(T::LibraryLocks), library.len()) }</summary>
                    <div class="tl-scroll">{ lock_table(&library, "stats-library-locks") }</div>
                </details>
            }
            if !s.queues.is_empty() {
                <div class="tl-scroll">
                <table class="tl-stats" id="stats-queues">
                    <thead><tr>
                        <th>{ tt(T::Queue) }</th><th>{ tt(T::Puts) }</th><th>{ tt(T::Gets) }</th>
                        <th>{ tt(T::MaxDepth) }</th><th>{ tt(T::MeanDepth) }</th>
                    </tr></thead>
                    <tbody>
                        { for s.queues.iter().map(|q| html! {
                            <tr>
                                <th>{ &q.name }</th>
                                <td>{ group_digits(q.puts) }</td>
                                <td>{ group_digits(q.gets) }</td>
                                <td>{ q.max_depth }</td>
                                <td>{ format!("{:.2}", q.mean_depth) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }
            if !s.hosts.is_empty() {
                <p class="note">{ tt(T::Network) }</p>
                <div class="tl-scroll">
                <table class="tl-stats" id="stats-hosts">
                    <thead><tr>
                        <th>{ tt(T::Host) }</th><th>{ tt(T::Requests) }</th><th>{ tt(T::Bytes) }</th>
                        <th>{ tt(T::TotalTime) }</th><th>{ tt(T::MaxTime) }</th><th>{ tt(T::MaxInFlight) }</th>
                    </tr></thead>
                    <tbody>
                        { for s.hosts.iter().map(|h| html! {
                            <tr data-host={h.host.clone()}>
                                <th>{ &h.host }</th>
                                <td class="requests">{ group_digits(h.requests) }</td>
                                <td>{ crate::trace::lanes::bytes(h.bytes) }</td>
                                <td>{ duration(h.total_time) }</td>
                                <td>{ duration(h.max_time) }</td>
                                <td class="in-flight">{ h.max_in_flight }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }
            <style>{ CSS }</style>
        </section>
    }
}

const CSS: &str = "
.tl-scroll { overflow-x: auto; }
.tl-stats { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .85rem; margin: .4rem 0; }
.tl-stats th, .tl-stats td { text-align: right; padding: .25rem .6rem; border-bottom: 1px solid var(--line, #dde1e8); white-space: nowrap; }
.tl-stats th:first-child { text-align: left; }
.tl-stats thead th { color: var(--muted, #5b6474); font-weight: normal; }
";
