//! The canvas layer: turns the lanes ([`crate::trace::lanes`]) in view
//! into rectangles, lines and text. Nothing here decides what is visible
//! or how spans merge; [`lanes::rects`] and [`lanes::step_rects`] did.

use web_sys::CanvasRenderingContext2d;

use crate::trace::lanes::{self, Lane, LaneKind, Layout, Model, Span, Style, View};
use crate::trace::GilReason;

/// State colours (also the legend's).
pub const RUNNING: &str = "#2f9e44";
pub const READY: &str = "#adb5bd";
pub const WAIT_GIL: &str = "#f08c00";
pub const BLOCKED: &str = "#e03131";
pub const SLEEPING: &str = "#4dabf7";
pub const IO: &str = "#845ef7";
pub const DEPTH: &str = "#9775fa";
const LANE_BG: &str = "#f1f3f5";
const INK: &str = "#1d2330";
const MUTED: &str = "#5b6474";
const GRID: &str = "#e3e6eb";

/// Threads' own colours (GIL and lock holders, queue arrows).
pub const PALETTE: [&str; 8] = [
    "#1971c2", "#c2255c", "#0b7285", "#5f3dc4", "#a0522d", "#495057", "#862e9c", "#364fc7",
];

pub fn thread_colour(thread: u32) -> &'static str {
    PALETTE[thread as usize % PALETTE.len()]
}

pub fn style_colour(style: Style, thread: u32) -> &'static str {
    match style {
        Style::Running => RUNNING,
        Style::Ready => READY,
        Style::WaitGil => WAIT_GIL,
        Style::Blocked | Style::Waiting => BLOCKED,
        Style::Sleeping => SLEEPING,
        Style::Io => IO,
        Style::Held => thread_colour(thread),
    }
}

fn reason_colour(r: GilReason) -> &'static str {
    match r {
        GilReason::Interval | GilReason::Tick => WAIT_GIL,
        GilReason::Blocking => SLEEPING,
        GilReason::Exit | GilReason::Free => MUTED,
    }
}

/// Left column (lane names) and right margin, px.
pub const LABEL_W: f64 = 150.0;
pub const RIGHT: f64 = 12.0;
/// Space above the first lane and for the axis below the last.
pub const TOP: f64 = 6.0;
pub const AXIS_H: f64 = 30.0;

/// What else to draw over the lanes.
pub struct Overlay<'a> {
    pub cursor: Option<u64>,
    pub selected: Option<(usize, usize, &'a Span)>,
}

/// Draws everything: lanes, axis, cursor, selection. `width`/`height`
/// in CSS px (the context is already scaled to the device ratio).
pub fn frame(
    ctx: &CanvasRenderingContext2d,
    model: &Model,
    layout: &Layout,
    view: &View,
    width: f64,
    height: f64,
    overlay: &Overlay,
) {
    ctx.clear_rect(0.0, 0.0, width, height);
    let axis_y = layout.height + 4.0;
    // Grid lines at the ticks, under the lanes.
    let (ticks, unit) = lanes::ticks(view, 110.0);
    ctx.set_fill_style_str(GRID);
    for (x, _) in &ticks {
        ctx.fill_rect(x.round(), TOP, 1.0, axis_y - TOP);
    }
    ctx.set_font("12px system-ui, sans-serif");
    ctx.set_text_baseline("middle");
    for row in &layout.rows {
        let group = &model.groups[row.group];
        let Some(l) = row.lane else {
            ctx.set_fill_style_str(INK);
            ctx.set_font("bold 12px system-ui, sans-serif");
            let _ = ctx.fill_text(&group.label, 4.0, row.y + row.h / 2.0);
            ctx.set_font("12px system-ui, sans-serif");
            continue;
        };
        let lane = &group.lanes[l];
        label(ctx, lane, row.y, row.h);
        ctx.set_fill_style_str(LANE_BG);
        ctx.fill_rect(view.left, row.y, view.width, row.h);
        match lane.kind {
            LaneKind::Gil => {
                spans(ctx, &lane.spans, view, row.y + 4.0, row.h - 4.0);
                handoffs(ctx, model, view, row.y);
            }
            LaneKind::Thread(_) => spans(ctx, &lane.spans, view, row.y, row.h),
            LaneKind::Lock(_) => lock(ctx, lane, view, row.y, row.h, model.end),
            LaneKind::Queue(_) => queue(ctx, lane, view, row.y, row.h, model.end),
        }
        if let Some((g, sl, span)) = overlay.selected {
            if g == row.group && sl == l {
                let x0 = view.x(span.start as f64).max(view.left - 2.0);
                let x1 = view.x(span.end as f64).min(view.left + view.width + 2.0);
                if x1 >= view.left && x0 <= view.left + view.width {
                    ctx.set_stroke_style_str(INK);
                    ctx.set_line_width(2.0);
                    ctx.stroke_rect(x0, row.y + 1.0, (x1 - x0).max(2.0), row.h - 2.0);
                    ctx.set_line_width(1.0);
                }
            }
        }
    }
    axis(ctx, view, &ticks, unit, axis_y);
    if let Some(t) = overlay.cursor {
        let x = view.x(t as f64);
        if x >= view.left && x <= view.left + view.width {
            ctx.set_fill_style_str(INK);
            ctx.fill_rect(x.round() - 0.5, TOP, 1.5, axis_y - TOP);
            ctx.begin_path();
            ctx.move_to(x - 5.0, TOP - 4.0);
            ctx.line_to(x + 5.0, TOP - 4.0);
            ctx.line_to(x, TOP + 3.0);
            ctx.close_path();
            ctx.fill();
        }
    }
}

fn label(ctx: &CanvasRenderingContext2d, lane: &Lane, y: f64, h: f64) {
    let mut text = lane.label.clone();
    if text.chars().count() > 18 {
        text = text.chars().take(17).collect::<String>() + "…";
    }
    let x = match lane.kind {
        LaneKind::Thread(t) => {
            ctx.set_fill_style_str(thread_colour(t));
            ctx.fill_rect(10.0, y + h / 2.0 - 4.0, 8.0, 8.0);
            24.0
        }
        _ => 10.0,
    };
    ctx.set_fill_style_str(MUTED);
    let _ = ctx.fill_text(&text, x, y + h / 2.0);
}

/// The spans in view, one path per colour (a fill per colour, not per
/// rectangle).
fn spans(ctx: &CanvasRenderingContext2d, spans: &[Span], view: &View, y: f64, h: f64) {
    let mut buckets: Vec<(&'static str, Vec<(f64, f64)>)> = Vec::new();
    for r in lanes::rects(spans, view) {
        let c = style_colour(r.style, r.thread);
        // Whole pixels: crisp edges, and no blending of neighbours.
        let x0 = r.x0.round();
        let w = (r.x1.round() - x0).max(1.0);
        match buckets.iter_mut().find(|(k, _)| *k == c) {
            Some((_, v)) => v.push((x0, w)),
            None => buckets.push((c, vec![(x0, w)])),
        }
    }
    for (c, v) in buckets {
        ctx.set_fill_style_str(c);
        ctx.begin_path();
        for (x0, w) in v {
            ctx.rect(x0, y, w, h);
        }
        ctx.fill();
    }
}

/// Ticks at the top of the GIL lane where it changed hands, coloured by
/// why; one per pixel column at most.
fn handoffs(ctx: &CanvasRenderingContext2d, model: &Model, view: &View, y: f64) {
    let h = &model.handoffs;
    let mut i = h.partition_point(|&(t, _)| (t as f64) < view.t0);
    while let Some(&(t, r)) = h.get(i) {
        if t as f64 > view.t1 {
            break;
        }
        let x = view.x(t as f64).floor();
        ctx.set_fill_style_str(reason_colour(r));
        ctx.fill_rect(x, y, 2.0, 4.0);
        // The next one at least two pixels on.
        let edge = view.t(x + 2.0);
        i += 1 + h[i + 1..].partition_point(|&(t, _)| (t as f64) < edge);
    }
}

/// Holders on the upper two thirds, the number of waiters (height) on
/// the lower third.
fn lock(ctx: &CanvasRenderingContext2d, lane: &Lane, view: &View, y: f64, h: f64, end: u64) {
    let top = h * 2.0 / 3.0;
    spans(ctx, &lane.spans, view, y, top - 1.0);
    let max = f64::from(lane.max_step.max(1));
    let strip = h - top;
    ctx.set_fill_style_str(BLOCKED);
    for (x0, x1, v) in lanes::step_rects(&lane.steps, view, end) {
        let hh = (strip * f64::from(v) / max).max(2.0);
        ctx.fill_rect(x0, y + h - hh, x1 - x0, hh);
    }
}

/// The depth as a filled step chart, and an arrow from each put (top) to
/// its get (bottom), one per pixel column of puts at most.
fn queue(ctx: &CanvasRenderingContext2d, lane: &Lane, view: &View, y: f64, h: f64, end: u64) {
    let max = f64::from(lane.max_step.max(1));
    ctx.set_fill_style_str(DEPTH);
    ctx.set_global_alpha(0.55);
    for (x0, x1, v) in lanes::step_rects(&lane.steps, view, end) {
        let hh = (h - 2.0) * f64::from(v) / max;
        ctx.fill_rect(x0, y + h - hh, x1 - x0, hh);
    }
    ctx.set_global_alpha(1.0);
    // Transfers are sorted by put; those in view put before t1 and get
    // after t0.
    let stop = lane
        .transfers
        .partition_point(|x| (x.put as f64) <= view.t1);
    let mut last_x = f64::NEG_INFINITY;
    let mut drawn = 0;
    ctx.set_line_width(1.0);
    ctx.set_global_alpha(0.7);
    for x in &lane.transfers[..stop] {
        if (x.get as f64) < view.t0 {
            continue;
        }
        let a = view.x(x.put as f64);
        let b = view.x(x.get as f64);
        if a < last_x + 1.0 {
            continue;
        }
        last_x = a;
        drawn += 1;
        if drawn > 4000 {
            break;
        }
        ctx.set_stroke_style_str(thread_colour(x.from));
        ctx.begin_path();
        ctx.move_to(a, y + 1.0);
        ctx.line_to(b, y + h - 1.0);
        ctx.stroke();
        // The head, at the get.
        ctx.set_fill_style_str(thread_colour(x.to));
        ctx.begin_path();
        ctx.move_to(b, y + h - 1.0);
        ctx.line_to(b - 3.0, y + h - 6.0);
        ctx.line_to(b + 3.0, y + h - 6.0);
        ctx.close_path();
        ctx.fill();
    }
    ctx.set_global_alpha(1.0);
}

fn axis(ctx: &CanvasRenderingContext2d, view: &View, ticks: &[(f64, String)], unit: &str, y: f64) {
    ctx.set_stroke_style_str("#9aa3b2");
    ctx.set_fill_style_str(MUTED);
    ctx.begin_path();
    ctx.move_to(view.left, y + 0.5);
    ctx.line_to(view.left + view.width, y + 0.5);
    ctx.stroke();
    ctx.set_text_baseline("top");
    let right = view.left + view.width;
    for (x, text) in ticks {
        ctx.fill_rect(x.round(), y, 1.0, 5.0);
        let w = ctx.measure_text(text).map_or(20.0, |m| m.width());
        let left = (x - w / 2.0).clamp(view.left - 10.0, right - w);
        let _ = ctx.fill_text(text, left, y + 8.0);
    }
    let _ = ctx.fill_text(unit, 10.0, y + 8.0);
    ctx.set_text_baseline("middle");
}
