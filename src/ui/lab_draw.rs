//! The lab's canvases: recorded lanes (running / waiting for the lock /
//! holding it, or for the queue: blocked / idle), a speedup chart with
//! min–median–max bars per mode, and small line and bar charts. Drawn in
//! CSS pixels scaled by the device pixel ratio.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub const RUNNING: &str = "#2f9e44";
pub const WAITING: &str = "#f08c00";
pub const HOLDING: &str = "#1c7ed6";
pub const BLOCKED: &str = "#e03131";
pub const IDLE: &str = "#adb5bd";
/// One colour per mode of experiment 1, in `Mode::ALL` order.
pub const MODE_COLOURS: [&str; 5] = ["#2f9e44", "#e03131", "#f08c00", "#845ef7", "#1c7ed6"];

/// Sizes the canvas to its CSS width × `height` and returns its context.
fn context(canvas: &HtmlCanvasElement, height: f64) -> Option<(CanvasRenderingContext2d, f64)> {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let width = f64::from(canvas.client_width()).max(300.0);
    canvas.set_width((width * ratio) as u32);
    canvas.set_height((height * ratio) as u32);
    let _ = canvas.set_attribute("style", &format!("width:100%;height:{height}px"));
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = ctx.scale(ratio, ratio);
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width, height);
    ctx.set_font("11px system-ui, sans-serif");
    Some((ctx, width))
}

/// A bar on a lane: `lane`, from `start` to `end` ns, its colour, and
/// whether it is a thin band (a hold, drawn over the others).
pub struct Bar {
    pub lane: usize,
    pub start: u64,
    pub end: u64,
    pub colour: &'static str,
    pub thin: bool,
}

/// Lanes against wall time from `t0` to `t1` (ns).
pub fn lanes(canvas: &HtmlCanvasElement, names: &[String], bars: &[Bar], t0: u64, t1: u64) {
    let row = 22.0;
    let left = 70.0;
    let height = names.len() as f64 * row + 24.0;
    let Some((ctx, width)) = context(canvas, height) else {
        return;
    };
    let span = (t1.saturating_sub(t0)).max(1) as f64;
    let x = |t: u64| left + (t.saturating_sub(t0) as f64 / span) * (width - left - 8.0);
    ctx.set_fill_style_str("#495057");
    for (i, name) in names.iter().enumerate() {
        let _ = ctx.fill_text(name, 4.0, i as f64 * row + 15.0);
    }
    for thin in [false, true] {
        for b in bars.iter().filter(|b| b.thin == thin) {
            let y = b.lane as f64 * row + if thin { 16.0 } else { 3.0 };
            let h = if thin { 4.0 } else { row - 8.0 };
            ctx.set_fill_style_str(b.colour);
            ctx.fill_rect(x(b.start), y, (x(b.end) - x(b.start)).max(0.5), h);
        }
    }
    ctx.set_fill_style_str("#495057");
    let label = format!("{:.1} ms", span / 1e6);
    let _ = ctx.fill_text(&label, width - 60.0, height - 6.0);
    let _ = ctx.fill_text("0", left, height - 6.0);
}

/// One series of a chart: name, colour, and per x its (min, median, max).
pub struct Series {
    pub name: String,
    pub colour: &'static str,
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// A chart of series over x (workers), with min–max bars and a median
/// line; `ideal` draws y = x dashed.
pub fn chart(canvas: &HtmlCanvasElement, series: &[Series], y_label: &str, ideal: bool) {
    let height = 220.0;
    let Some((ctx, width)) = context(canvas, height) else {
        return;
    };
    let (left, right, top, bottom) = (44.0, 110.0, 10.0, 28.0);
    let xs: Vec<f64> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    let x_max = xs.iter().copied().fold(1.0, f64::max).max(2.0);
    let mut y_max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.3))
        .fold(0.0, f64::max);
    if ideal {
        y_max = y_max.max(x_max);
    }
    let y_max = (y_max * 1.1).max(1e-9);
    let px = |x: f64| left + (x - 1.0) / (x_max - 1.0) * (width - left - right);
    let py = |y: f64| top + (1.0 - y / y_max) * (height - top - bottom);
    ctx.set_stroke_style_str("#ced4da");
    ctx.begin_path();
    ctx.move_to(left, top);
    ctx.line_to(left, height - bottom);
    ctx.line_to(width - right, height - bottom);
    ctx.stroke();
    ctx.set_fill_style_str("#495057");
    for i in 1..=(x_max as usize) {
        let _ = ctx.fill_text(&i.to_string(), px(i as f64) - 3.0, height - bottom + 14.0);
    }
    for k in 0..=4 {
        let y = y_max / 1.1 * f64::from(k) / 4.0;
        let _ = ctx.fill_text(&format_y(y), 2.0, py(y) + 4.0);
    }
    let _ = ctx.fill_text(y_label, left + 4.0, top + 10.0);
    if ideal {
        ctx.set_stroke_style_str("#adb5bd");
        let _ = ctx.set_line_dash(&js_sys::Array::of2(&4.into(), &4.into()));
        ctx.begin_path();
        ctx.move_to(px(1.0), py(1.0));
        ctx.line_to(px(x_max), py(x_max));
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }
    for (i, s) in series.iter().enumerate() {
        ctx.set_stroke_style_str(s.colour);
        ctx.set_fill_style_str(s.colour);
        ctx.set_line_width(2.0);
        ctx.begin_path();
        for (j, p) in s.points.iter().enumerate() {
            let (x, y) = (px(p.0) + i as f64 * 3.0 - 6.0, py(p.2));
            if j == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
        ctx.stroke();
        ctx.set_line_width(1.0);
        for p in &s.points {
            let x = px(p.0) + i as f64 * 3.0 - 6.0;
            ctx.begin_path();
            ctx.move_to(x, py(p.1));
            ctx.line_to(x, py(p.3));
            ctx.stroke();
            ctx.fill_rect(x - 2.5, py(p.2) - 2.5, 5.0, 5.0);
        }
        let _ = ctx.fill_text(&s.name, width - right + 8.0, top + 12.0 + i as f64 * 14.0);
    }
}

fn format_y(y: f64) -> String {
    if y >= 1000.0 {
        format!("{:.0}k", y / 1000.0)
    } else if y >= 10.0 {
        format!("{y:.0}")
    } else {
        format!("{y:.1}")
    }
}

/// Depth over time (ns, depth), with the capacity dashed.
pub fn depth(canvas: &HtmlCanvasElement, points: &[(u64, u32)], capacity: usize) {
    let height = 120.0;
    let Some((ctx, width)) = context(canvas, height) else {
        return;
    };
    let (left, top, bottom) = (30.0, 8.0, 16.0);
    let (t0, t1) = match (points.first(), points.last()) {
        (Some(a), Some(b)) => (a.0, b.0.max(a.0 + 1)),
        _ => return,
    };
    let px = |t: u64| left + (t - t0) as f64 / (t1 - t0) as f64 * (width - left - 8.0);
    let py = |d: f64| top + (1.0 - d / capacity.max(1) as f64) * (height - top - bottom);
    ctx.set_fill_style_str("#495057");
    let _ = ctx.fill_text(&capacity.to_string(), 4.0, py(capacity as f64) + 4.0);
    let _ = ctx.fill_text("0", 4.0, py(0.0) + 4.0);
    ctx.set_stroke_style_str("#1c7ed6");
    ctx.begin_path();
    for (i, &(t, d)) in points.iter().enumerate() {
        if i == 0 {
            ctx.move_to(px(t), py(f64::from(d)));
        } else {
            ctx.line_to(px(t), py(f64::from(d)));
        }
    }
    ctx.stroke();
}
