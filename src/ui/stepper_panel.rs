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
//! them (the engine is deterministic, so Undo is exact); the programs
//! stepped by hand are small and a rerun takes milliseconds. A rerun is
//! capped at [`MAX_OPS`] ops so a long loop run through cannot freeze the
//! tab.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::run_area::sim_options;
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
}

/// Where the choices so far lead.
#[derive(Clone, Debug, PartialEq)]
struct Stepped {
    decision: Option<Decision>,
    /// The exit status once the program ended.
    exit: Option<i32>,
    stdout: String,
    stderr: String,
}

fn rerun(code: &str, settings: &Settings, choices: &[Choice]) -> Stepped {
    let mut options = sim_options(settings);
    options.max_ops = MAX_OPS;
    options.chooser = Some(choices.to_vec());
    let mut sim = match Simulation::new(code, &options) {
        Ok(sim) => sim,
        Err(text) => {
            return Stepped {
                decision: None,
                exit: Some(1),
                stdout: String::new(),
                stderr: text,
            }
        }
    };
    let exit = match sim.run(u64::MAX) {
        Progress::Finished(code) => Some(code),
        _ => None,
    };
    let (out, err) = sim.output();
    Stepped {
        decision: sim.decision().cloned(),
        exit,
        stdout: out.to_owned(),
        stderr: err.to_owned(),
    }
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
    let stepped = {
        let (code, settings, choices) = (
            props.code.clone(),
            props.settings.clone(),
            (*choices).clone(),
        );
        use_memo(
            (code, settings, choices, *active),
            |(code, settings, choices, active)| active.then(|| rerun(code, settings, choices)),
        )
    };
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
    let candidate = |v: &ThreadView| {
        let colour = format!("color: {}", thread_colour(v.thread));
        let line = source_line(&code, v.line);
        html! {
            <li class="stepper-candidate" data-thread={v.thread.to_string()} data-line={v.line.to_string()}
                data-gil={v.holds_gil.to_string()}>
                <span class="stepper-thread" style={colour}>{ &v.name }</span>
                <span class="stepper-state">{ state_text(l, v) }</span>
                <code class="stepper-line">{ if v.line > 0 { format!("{}: {line}", v.line) } else { String::new() } }</code>
                <button class="stepper-step primary" onclick={push(Choice::step(v.thread))}>{ l.t(Text::StepperStep) }</button>
                <button class="stepper-until-blocks" onclick={push(Choice { thread: v.thread, until: Until::Blocks })}>{ l.t(Text::StepperUntilBlocks) }</button>
                <button class="stepper-step-n" onclick={push(Choice { thread: v.thread, until: Until::Steps(n) })}>{ format!("{} ×{n}", l.t(Text::StepperStep)) }</button>
                <button class="stepper-until-line" disabled={line_to.is_none()}
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
    let body = match (*stepped).clone() {
        None => html! {},
        Some(s) => {
            let state = match (&s.decision, s.exit) {
                (Some(_), _) => "deciding",
                (None, Some(_)) => "done",
                (None, None) => "stopped",
            };
            html! {
                <div class="stepper-run" id="stepper-run" data-state={state}
                     data-choices={choices.len().to_string()}>
                    <div class="buttons">
                        <button id="stepper-undo" disabled={choices.is_empty()} onclick={on_undo}>{ l.t(Text::StepperUndo) }</button>
                        <button id="stepper-restart" disabled={choices.is_empty()} onclick={on_restart}>{ l.t(Text::StepperRestart) }</button>
                    </div>
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
