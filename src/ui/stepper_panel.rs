//! The "You are the scheduler" panel (issue 7): the program in the editor
//! runs under the run settings, and at every point where two or more
//! threads could run (`crate::runtime::stepper`) the user picks which one
//! goes next — one step of the model, N steps, until it blocks, or until
//! it begins a given line. Each candidate
//! shows its next line of source and whether it holds the GIL; Undo drops
//! the last choice, Restart all of them. The goal printed above: make the
//! race (or the deadlock) happen by hand.
//!
//! Every change of the choices reruns the program from the start with
//! them (the engine is deterministic, so Undo is exact). A rerun goes in
//! slices of [`OPS_PER_SLICE`] ops with a frame between them, as the main
//! Run does, so a long prefix never freezes the tab: the buttons wait
//! (busy) until it is done, and a newer rerun supersedes an older one. A
//! rerun is capped at [`MAX_OPS`] ops.
//!
//! While the user decides, the page shows the run so far through
//! `on_view` ([`StepView`]): the main timeline draws its event log with
//! the time cursor at the decision, and the editor marks each
//! candidate's next line in its thread's colour. When the program ends the
//! marks go and the whole stepped run stays on the timeline; when stepping
//! ends (Stop stepping) `on_view` gets `None` and the page's
//! own run comes back.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::editor::LineMark;
use super::run_area::{next_frame, sim_options, RunView, OPS_PER_SLICE};
use super::share::Settings;
use super::timeline::draw::thread_colour;
use super::{Lang, Text};
use crate::runtime::stepper::{Choice, Decision, ThreadView, Until};
use crate::runtime::{Progress, Simulation};

/// Ops one rerun may take.
const MAX_OPS: u64 = 20_000_000;

#[derive(Properties, PartialEq)]
pub struct StepperProps {
    pub lang: Lang,
    pub code: AttrValue,
    pub settings: Settings,
    /// The run so far while the user decides; `None` when stepping ends.
    #[prop_or_default]
    pub on_view: Callback<Option<Rc<StepView>>>,
}

/// What the page shows of a stepped run waiting for a choice.
#[derive(Debug, PartialEq)]
pub struct StepView {
    /// The run up to the decision, for the timeline.
    pub run: Rc<RunView>,
    /// The virtual time of the decision.
    pub now: u64,
    /// Each candidate's next line.
    pub marks: Vec<LineMark>,
}

/// Where the choices so far lead.
#[derive(Clone, Debug, PartialEq)]
struct Stepped {
    /// How many choices it was run with.
    choices: usize,
    decision: Option<Decision>,
    /// The exit status once the program ended.
    exit: Option<i32>,
    stdout: String,
    stderr: String,
    /// The run so far (none when the program did not compile).
    view: Option<Rc<RunView>>,
    now: u64,
}

impl Stepped {
    /// What the page shows: the run so far while a choice is awaited (with
    /// each candidate's next line marked), and the whole stepped run once
    /// the program ended, until the user stops stepping.
    fn step_view(&self) -> Option<Rc<StepView>> {
        let run = self.view.clone()?;
        let marks = self
            .decision
            .iter()
            .flat_map(|d| &d.candidates)
            .filter(|v| v.line > 0)
            .map(|v| LineMark {
                line: v.line,
                thread: v.thread,
            })
            .collect();
        Some(Rc::new(StepView {
            run,
            now: self.now,
            marks,
        }))
    }
}

/// Reruns the program with `choices`, a slice at a time; `None` once
/// `generation` moved past `me` (a newer rerun took over).
async fn rerun(
    code: &str,
    settings: &Settings,
    choices: &[Choice],
    generation: &Cell<u64>,
    me: u64,
) -> Option<Stepped> {
    // Let the busy state paint first.
    next_frame().await;
    let mut options = sim_options(settings);
    options.max_ops = MAX_OPS;
    options.chooser = Some(choices.to_vec());
    let mut sim = match Simulation::new(code, &options) {
        Ok(sim) => sim,
        Err(text) => {
            return Some(Stepped {
                choices: choices.len(),
                decision: None,
                exit: Some(1),
                stdout: String::new(),
                stderr: text,
                view: None,
                now: 0,
            })
        }
    };
    let exit = loop {
        if generation.get() != me {
            return None;
        }
        match sim.run(OPS_PER_SLICE) {
            Progress::Finished(code) => break Some(code),
            Progress::Decide => break None,
            Progress::Running => next_frame().await,
        }
    };
    let (out, err) = sim.output();
    let (stdout, stderr) = (out.to_owned(), err.to_owned());
    let now = sim.now();
    let names = sim.thread_names();
    let timeline = crate::trace::timeline::Timeline::new(&sim.log.events, now, &names);
    let view = RunView {
        timeline,
        runtime: sim.runtime(),
        events: std::mem::take(&mut sim.log.events),
        state_lines: std::mem::take(&mut sim.state_lines),
        files: sim.files(),
    };
    Some(Stepped {
        choices: choices.len(),
        decision: sim.decision().cloned(),
        exit,
        stdout,
        stderr,
        view: Some(Rc::new(view)),
        now,
    })
}

/// The state words of a candidate.
fn state_text(l: Lang, v: &ThreadView) -> String {
    if v.holds_gil {
        l.t(Text::StepperHoldsGil).to_owned()
    } else {
        match &v.state {
            crate::trace::ThreadState::WaitGil => l.t(Text::StepperWaitsGil).to_owned(),
            crate::trace::ThreadState::Blocked { on, .. } => {
                format!("{} {on}", l.t(Text::StepperWaitsFor))
            }
            crate::trace::ThreadState::Sleeping => l.t(Text::StepperSleeping).to_owned(),
            _ => l.t(Text::StepperReady).to_owned(),
        }
    }
}

/// The source line `n` (1-based), trimmed.
fn source_line(code: &str, n: u32) -> String {
    match n {
        0 => String::new(),
        n => code
            .lines()
            .nth(n as usize - 1)
            .unwrap_or("")
            .trim()
            .to_owned(),
    }
}

#[function_component(StepperPanel)]
pub fn stepper_panel(props: &StepperProps) -> Html {
    let l = props.lang;
    let choices = use_state(Vec::<Choice>::new);
    let active = use_state(|| false);
    // "Step ×N" and "until line L": the N and L the inputs hold.
    let count = use_state(|| 5u64);
    let target = use_state(|| None::<u32>);
    // The rerun of the current choices: its result, and whether one is
    // under way; each rerun has a generation, and only the newest lands.
    let stepped = use_state(|| None::<Stepped>);
    let busy = use_state(|| false);
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    {
        let (stepped, busy, on_view) = (stepped.clone(), busy.clone(), props.on_view.clone());
        let generation = generation.borrow().clone();
        use_effect_with(
            (
                props.code.clone(),
                props.settings.clone(),
                (*choices).clone(),
                *active,
            ),
            move |(code, settings, choices, active)| {
                let me = generation.get() + 1;
                generation.set(me);
                if !*active {
                    stepped.set(None);
                    busy.set(false);
                    on_view.emit(None);
                    return;
                }
                busy.set(true);
                let (code, settings, choices) =
                    (code.to_string(), settings.clone(), choices.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(s) = rerun(&code, &settings, &choices, &generation, me).await {
                        if generation.get() == me {
                            on_view.emit(s.step_view());
                            stepped.set(Some(s));
                            busy.set(false);
                        }
                    }
                });
            },
        );
    }
    let push = |c: Choice| {
        let choices = choices.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*choices).clone();
            next.push(c);
            choices.set(next);
        })
    };
    let on_start = {
        let (active, choices) = (active.clone(), choices.clone());
        Callback::from(move |_: MouseEvent| {
            choices.set(Vec::new());
            active.set(true);
        })
    };
    let on_undo = {
        let choices = choices.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*choices).clone();
            next.pop();
            choices.set(next);
        })
    };
    let on_close = {
        let (active, choices) = (active.clone(), choices.clone());
        Callback::from(move |_: MouseEvent| {
            choices.set(Vec::new());
            active.set(false);
        })
    };
    let on_restart = {
        let choices = choices.clone();
        Callback::from(move |_: MouseEvent| choices.set(Vec::new()))
    };
    let on_count = {
        let count = count.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(n) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.value().trim().parse::<u64>().ok())
                .filter(|&n| n > 0)
            {
                count.set(n);
            }
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: InputEvent| {
            let line = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.value().trim().parse::<u32>().ok())
                .filter(|&n| n > 0);
            target.set(line);
        })
    };
    let (n, line_to) = (*count, *target);
    let code = props.code.to_string();
    let wait = *busy;
    let candidate = |v: &ThreadView| {
        let colour = format!("color: {}", thread_colour(v.thread));
        let line = source_line(&code, v.line);
        html! {
            <li class="stepper-candidate" data-thread={v.thread.to_string()} data-line={v.line.to_string()}
                data-gil={v.holds_gil.to_string()}>
                <span class="stepper-thread" style={colour}>{ &v.name }</span>
                <span class="stepper-state">{ state_text(l, v) }</span>
                <code class="stepper-line">{ if v.line > 0 { format!("{}: {line}", v.line) } else { String::new() } }</code>
                <button class="stepper-step primary" disabled={wait} onclick={push(Choice::step(v.thread))}>{ l.t(Text::StepperStep) }</button>
                <button class="stepper-until-blocks" disabled={wait} onclick={push(Choice { thread: v.thread, until: Until::Blocks })}>{ l.t(Text::StepperUntilBlocks) }</button>
                <button class="stepper-step-n" disabled={wait} onclick={push(Choice { thread: v.thread, until: Until::Steps(n) })}>{ format!("{} ×{n}", l.t(Text::StepperStep)) }</button>
                <button class="stepper-until-line" disabled={wait || line_to.is_none()}
                    onclick={push(Choice { thread: v.thread, until: Until::Line(line_to.unwrap_or(0)) })}>
                    { format!("{} {}", l.t(Text::StepperUntilLine), line_to.map(|l| l.to_string()).unwrap_or_default()) }
                </button>
            </li>
        }
    };
    let steps = (*choices)
        .iter()
        .map(|c| match c.until {
            Until::Steps(1) => format!("{}", c.thread),
            Until::Steps(n) => format!("{}×{n}", c.thread),
            Until::Blocks => format!("{}…", c.thread),
            Until::Line(line) => format!("{}→{line}", c.thread),
        })
        .collect::<Vec<_>>()
        .join(" ");
    let busy_note = html! {
        if wait {
            <p class="note stepper-busy" id="stepper-busy" role="status">{ l.t(Text::StepperBusy) }</p>
        }
    };
    let body = match (*stepped).clone() {
        None => busy_note,
        Some(s) => {
            let state = match (&s.decision, s.exit) {
                (Some(_), _) => "deciding",
                (None, Some(_)) => "done",
                (None, None) => "stopped",
            };
            html! {
                <div class="stepper-run" id="stepper-run" data-state={state}
                     data-choices={s.choices.to_string()} data-busy={wait.to_string()} aria-busy={wait.to_string()}>
                    <div class="buttons">
                        <button id="stepper-undo" disabled={wait || choices.is_empty()} onclick={on_undo}>{ l.t(Text::StepperUndo) }</button>
                        <button id="stepper-restart" disabled={wait || choices.is_empty()} onclick={on_restart}>{ l.t(Text::StepperRestart) }</button>
                        <button id="stepper-close" onclick={on_close}>{ l.t(Text::StepperClose) }</button>
                    </div>
                    { busy_note }
                    <div class="stepper-amounts">
                        <label>{ l.t(Text::StepperCount) }{ " " }
                            <input id="stepper-count" type="number" min="1" value={n.to_string()} oninput={on_count} />
                        </label>
                        <label>{ l.t(Text::StepperLine) }{ " " }
                            <input id="stepper-line" type="number" min="1"
                                value={line_to.map(|l| l.to_string()).unwrap_or_default()} oninput={on_target} />
                        </label>
                    </div>
                    <p class="stepper-steps" id="stepper-steps" data-choose={Choice::list_text(&choices)}>
                        { format!("{} ({}): {steps}", l.t(Text::StepperSteps), choices.len()) }
                    </p>
                    if let Some(d) = &s.decision {
                        <p class="note">{ l.t(Text::StepperPick) }</p>
                        <ol class="stepper-candidates" id="stepper-candidates">
                            { for d.candidates.iter().map(candidate) }
                        </ol>
                        if !d.others.is_empty() {
                            <ul class="stepper-others">
                                { for d.others.iter().map(|v| html! {
                                    <li data-thread={v.thread.to_string()}>
                                        <span class="stepper-thread" style={format!("color: {}", thread_colour(v.thread))}>{ &v.name }</span>
                                        { " " }{ state_text(l, v) }
                                    </li>
                                }) }
                            </ul>
                        }
                    }
                    if let Some(code) = s.exit {
                        <p class="stepper-ended" role="status">{ format!("{} {code}", l.t(Text::StepperEnded)) }</p>
                    }
                    <pre class="stepper-console" id="stepper-console">{ &s.stdout }<span class="stderr">{ &s.stderr }</span></pre>
                </div>
            }
        }
    };
    html! {
        <section class="panel stepper" id="stepper" aria-labelledby="stepper-title">
            <h2 id="stepper-title">{ l.t(Text::Stepper) }</h2>
            <p class="note">{ l.t(Text::StepperIntro) }</p>
            <div class="buttons">
                <button id="stepper-start" class="primary" onclick={on_start}>{ l.t(Text::StepperStart) }</button>
            </div>
            { body }
        </section>
    }
}
