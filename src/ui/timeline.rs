//! The timeline: a canvas (never thousands of DOM nodes) on which a run's
//! lanes are drawn against virtual time: the GIL's holder, then each
//! thread's states (running, waiting for the GIL, blocked, sleeping,
//! ready). Until a run exists it draws the empty frame: the lane area, a
//! time axis and what to do to fill it.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use super::run_area::RunView;
use super::{Lang, Text};
use crate::trace::ThreadState;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    /// The last run, once there is one.
    pub run: Option<Rc<RunView>>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let message = props.lang.t(Text::TimelineEmpty);
        use_effect_with((props.lang, props.run.clone()), move |(_, run)| {
            if let Some(canvas) = canvas.cast::<HtmlCanvasElement>() {
                match run {
                    Some(run) => draw_run(&canvas, &run.timeline),
                    None => draw_empty(&canvas, message),
                }
            }
        });
    }
    let lanes = props.run.as_ref().map_or(0, |r| r.timeline.threads.len());
    html! {
        <section class="panel timeline" id="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ props.lang.t(Text::Timeline) }</h2>
            if let Some(run) = &props.run {
                <p class="caption" id="timeline-caption">{ format!("{} · {}", run.runtime, crate::format::millis(run.timeline.end as f64 / 1e6)) }</p>
            }
            <canvas ref={canvas} class="timeline-canvas" data-lanes={lanes.to_string()} aria-label={props.lang.t(Text::TimelineEmpty)}></canvas>
            if props.run.is_some() {
                <p class="legend">
                    { for LEGEND.iter().map(|(colour, name)| html! {
                        <span class="key"><span class="swatch" style={format!("background:{colour}")}></span>{ props.lang.t(*name) }</span>
                    }) }
                </p>
            }
        </section>
    }
}

/// Lane colours by state (and the GIL lane's).
const RUNNING: &str = "#2f9e44";
const READY: &str = "#adb5bd";
const WAIT_GIL: &str = "#f08c00";
const BLOCKED: &str = "#e03131";
const SLEEPING: &str = "#4dabf7";
const IO: &str = "#845ef7";
const LEGEND: [(&str, Text); 6] = [
    (RUNNING, Text::StateRunning),
    (WAIT_GIL, Text::StateWaitGil),
    (BLOCKED, Text::StateBlocked),
    (SLEEPING, Text::StateSleeping),
    (READY, Text::StateReady),
    (IO, Text::StateIo),
];

fn colour(state: &ThreadState) -> Option<&'static str> {
    Some(match state {
        ThreadState::Running { .. } => RUNNING,
        ThreadState::Ready => READY,
        ThreadState::WaitGil => WAIT_GIL,
        ThreadState::Blocked { .. } => BLOCKED,
        ThreadState::Sleeping => SLEEPING,
        ThreadState::Io => IO,
        ThreadState::Done => return None,
    })
}

/// The 2d context of a canvas sized to its element at the device pixel
/// ratio, with its CSS size.
fn context(
    canvas: &HtmlCanvasElement,
    min_height: f64,
) -> Option<(CanvasRenderingContext2d, f64, f64)> {
    let window = web_sys::window()?;
    let ratio = window.device_pixel_ratio().max(1.0);
    let width = f64::from(canvas.client_width().max(300));
    let height = f64::from(canvas.client_height()).max(min_height);
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((height * ratio) as u32);
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())?;
    let _ = ctx.scale(ratio, ratio);
    ctx.clear_rect(0.0, 0.0, width, height);
    Some((ctx, width, height))
}

/// One lane per thread (and one for the GIL under a GIL model), segments
/// coloured by state, against virtual time. Segments narrower than a pixel
/// merge into the pixel they fall on, so a long run costs a pixel column
/// per segment at most.
fn draw_run(canvas: &HtmlCanvasElement, timeline: &crate::trace::timeline::Timeline) {
    const LANE: f64 = 22.0;
    const GAP: f64 = 6.0;
    const LABEL: f64 = 120.0;
    let lanes = timeline.threads.len() + usize::from(timeline.has_gil);
    let needed = 16.0 + (LANE + GAP) * lanes as f64 + 32.0;
    let _ = canvas.set_attribute("style", &format!("height:{needed}px"));
    let Some((ctx, width, height)) = context(canvas, needed) else {
        return;
    };
    let end = timeline.end.max(1) as f64;
    let plot = (width - LABEL - 16.0).max(50.0);
    let x_of = |t: u64| LABEL + plot * (t as f64 / end);
    ctx.set_font("12px system-ui, sans-serif");
    let mut y = 12.0;
    let mut lane = |name: &str, spans: &mut dyn Iterator<Item = (u64, u64, &'static str)>| {
        ctx.set_fill_style_str("#5b6474");
        let _ = ctx.fill_text(name, 8.0, y + LANE * 0.7);
        ctx.set_fill_style_str("#f1f3f5");
        ctx.fill_rect(LABEL, y, plot, LANE);
        for (start, stop, colour) in spans {
            let (x0, x1) = (x_of(start), x_of(stop));
            ctx.set_fill_style_str(colour);
            ctx.fill_rect(x0, y, (x1 - x0).max(1.0), LANE);
        }
        y += LANE + GAP;
    };
    if timeline.has_gil {
        let palette = [
            RUNNING, "#1971c2", "#c2255c", "#e8590c", "#5c940d", "#862e9c",
        ];
        lane(
            "GIL",
            &mut timeline
                .gil
                .iter()
                .map(|g| (g.start, g.end, palette[g.thread as usize % palette.len()])),
        );
    }
    for thread in &timeline.threads {
        lane(
            &thread.name,
            &mut thread
                .segments
                .iter()
                .filter_map(|s| colour(&s.state).map(|c| (s.start, s.end, c))),
        );
    }
    // The time axis.
    let axis_y = height - 24.0;
    ctx.set_stroke_style_str("#9aa3b2");
    ctx.set_fill_style_str("#5b6474");
    ctx.begin_path();
    ctx.move_to(LABEL, axis_y);
    ctx.line_to(LABEL + plot, axis_y);
    ctx.stroke();
    let ticks = 5;
    for i in 0..=ticks {
        let t = end * f64::from(i) / f64::from(ticks);
        let x = LABEL + plot * f64::from(i) / f64::from(ticks);
        ctx.begin_path();
        ctx.move_to(x, axis_y);
        ctx.line_to(x, axis_y + 5.0);
        ctx.stroke();
        let label = crate::format::millis(t / 1e6);
        let text_width = ctx.measure_text(&label).map_or(30.0, |m| m.width());
        let left = (x - text_width / 2.0).clamp(0.0, width - text_width);
        let _ = ctx.fill_text(&label, left, axis_y + 18.0);
    }
}

/// Sizes the backing store to the element at the device pixel ratio and
/// draws the axis (0 to 100 ms) and the message.
fn draw_empty(canvas: &HtmlCanvasElement, message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let ratio = window.device_pixel_ratio().max(1.0);
    let width = f64::from(canvas.client_width().max(300));
    let height = f64::from(canvas.client_height().max(120));
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((height * ratio) as u32);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.scale(ratio, ratio);
    ctx.clear_rect(0.0, 0.0, width, height);
    let axis_y = height - 24.0;
    ctx.set_stroke_style_str("#9aa3b2");
    ctx.set_fill_style_str("#5b6474");
    ctx.set_font("12px system-ui, sans-serif");
    ctx.begin_path();
    ctx.move_to(8.0, axis_y);
    ctx.line_to(width - 8.0, axis_y);
    ctx.stroke();
    let ticks = 5;
    for i in 0..=ticks {
        let x = 8.0 + (width - 16.0) * f64::from(i) / f64::from(ticks);
        ctx.begin_path();
        ctx.move_to(x, axis_y);
        ctx.line_to(x, axis_y + 5.0);
        ctx.stroke();
        let label = format!("{} ms", i * 20);
        let text_width = ctx.measure_text(&label).map_or(30.0, |m| m.width());
        let left = (x - text_width / 2.0).clamp(0.0, width - text_width);
        let _ = ctx.fill_text(&label, left, axis_y + 18.0);
    }
    let _ = ctx.fill_text(message, 12.0, axis_y / 2.0);
}
