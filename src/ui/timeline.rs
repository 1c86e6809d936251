//! The timeline: a canvas (never thousands of DOM nodes) on which a run's
//! lanes are drawn against virtual time. Until a run exists it draws the
//! empty frame: the lane area, a time axis and what to do to fill it.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use super::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let message = props.lang.t(Text::TimelineEmpty);
        use_effect_with(props.lang, move |_| {
            if let Some(canvas) = canvas.cast::<HtmlCanvasElement>() {
                draw_empty(&canvas, message);
            }
        });
    }
    html! {
        <section class="panel timeline" id="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ props.lang.t(Text::Timeline) }</h2>
            <canvas ref={canvas} class="timeline-canvas" aria-label={props.lang.t(Text::TimelineEmpty)}></canvas>
        </section>
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
