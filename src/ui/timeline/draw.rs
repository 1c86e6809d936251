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
pub const AWAITING: &str = "#d0bfff";
pub const DEPTH: &str = "#9775fa";

/// The colours that are not states: lane backgrounds, names, grid lines
/// and the axis, one set per page theme (the page's `--ink`, `--muted`,
/// `--line` of that theme). State colours are the same in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ink {
    pub lane_bg: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    pub axis: &'static str,
}

pub const LIGHT: Ink = Ink {
    lane_bg: "#f1f3f5",
    text: "#1d2330",
    muted: "#5b6474",
    grid: "#e3e6eb",
    axis: "#9aa3b2",
};

pub const DARK: Ink = Ink {
    lane_bg: "#272c35",
    text: "#e4e7ec",
    muted: "#9aa3b2",
    grid: "#353b46",
    axis: "#6b7483",
};

impl Ink {
    pub fn of(dark: bool) -> &'static Ink {
        if dark {
            &DARK
        } else {
            &LIGHT
        }
    }
}

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
        Style::Awaiting => AWAITING,
        Style::Held => thread_colour(thread),
    }
}

fn reason_colour(r: GilReason, ink: &Ink) -> &'static str {
    match r {
        GilReason::Interval | GilReason::Tick => WAIT_GIL,
        GilReason::Blocking => SLEEPING,
        GilReason::Exit | GilReason::Free => ink.muted,
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
    /// The theme's colours for names, grid and axis.
    pub ink: &'a Ink,
    pub cursor: Option<u64>,
    pub selected: Option<(usize, usize, &'a Span)>,
}

/// The lanes' pixels, written by Rust and handed to the canvas in one
/// `putImageData`: a frame of thousands of one-pixel rectangles costs a
/// few memory fills instead of thousands of canvas calls (which is what
/// the software canvas of a headless or GPU-less browser spends its time
/// on). Device pixels.
#[derive(Default)]
pub struct Pixels {
    w: usize,
    h: usize,
    ratio: f64,
    buf: Vec<u32>,
    /// A copy outside wasm memory (an ImageData cannot use the shared
    /// memory of the threaded build), and the ImageData over it.
    js: Option<(js_sys::Uint8ClampedArray, web_sys::ImageData)>,
}

impl Pixels {
    /// Sizes the buffer to the canvas (CSS size times ratio) and clears it.
    fn reset(&mut self, width: f64, height: f64, ratio: f64) {
        let (w, h) = ((width * ratio) as usize, (height * ratio) as usize);
        if (w, h) != (self.w, self.h) || self.ratio != ratio {
            self.w = w;
            self.h = h;
            self.ratio = ratio;
            self.buf = vec![0; w * h];
            self.js = None;
        } else {
            self.buf.fill(0);
        }
    }

    /// Fills a rectangle given in CSS px.
    fn fill(&mut self, x: f64, y: f64, w: f64, h: f64, rgba: u32) {
        let r = self.ratio;
        let x0 = ((x * r).round().max(0.0) as usize).min(self.w);
        let x1 = (((x + w) * r).round().max(0.0) as usize).clamp(x0, self.w);
        let y0 = ((y * r).round().max(0.0) as usize).min(self.h);
        let y1 = (((y + h) * r).round().max(0.0) as usize).clamp(y0, self.h);
        let x1 = if x1 == x0 && x0 < self.w { x0 + 1 } else { x1 };
        for row in y0..y1 {
            let at = row * self.w;
            self.buf[at + x0..at + x1].fill(rgba);
        }
    }

    /// Puts the pixels on the canvas.
    fn put(&mut self, ctx: &CanvasRenderingContext2d) {
        if self.w == 0 || self.h == 0 {
            return;
        }
        if self.js.is_none() {
            let arr = js_sys::Uint8ClampedArray::new_with_length((self.w * self.h * 4) as u32);
            let Ok(img) = web_sys::ImageData::new_with_js_u8_clamped_array_and_sh(
                &arr,
                self.w as u32,
                self.h as u32,
            ) else {
                return;
            };
            self.js = Some((arr, img));
        }
        let Some((arr, img)) = &self.js else { return };
        // SAFETY: a u32 slice viewed as its bytes (u8 has no alignment
        // needs); little-endian, as wasm is, gives R, G, B, A in order.
        let bytes = unsafe {
            std::slice::from_raw_parts(self.buf.as_ptr().cast::<u8>(), self.buf.len() * 4)
        };
        arr.copy_from(bytes);
        let _ = ctx.put_image_data(img, 0.0, 0.0);
    }
}

/// `#rrggbb` as the little-endian RGBA word of an opaque pixel.
fn rgba(hex: &str) -> u32 {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    let (r, g, b) = ((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    r | (g << 8) | (b << 16) | (0xff << 24)
}

/// `top` at `alpha` over `bottom`, opaque.
fn blend(top: &str, bottom: &str, alpha: f64) -> u32 {
    let (t, b) = (rgba(top), rgba(bottom));
    let mix = |shift: u32| {
        let (x, y) = (
            f64::from((t >> shift) & 0xff),
            f64::from((b >> shift) & 0xff),
        );
        ((x * alpha + y * (1.0 - alpha)).round() as u32) << shift
    };
    mix(0) | mix(8) | mix(16) | (0xff << 24)
}

/// Draws everything: lanes, axis, cursor, selection. `width`/`height`
/// in CSS px (the context is already scaled to the device ratio).
#[allow(clippy::too_many_arguments)]
pub fn frame(
    ctx: &CanvasRenderingContext2d,
    px: &mut Pixels,
    ratio: f64,
    model: &Model,
    layout: &Layout,
    view: &View,
    width: f64,
    height: f64,
    overlay: &Overlay,
) {
    let ink = overlay.ink;
    let axis_y = layout.height + 4.0;
    // The pixels: grid lines at the ticks, lane backgrounds, spans.
    px.reset(width, height, ratio);
    let (ticks, unit) = lanes::ticks(view, 110.0);
    let grid = rgba(ink.grid);
    for (x, _) in &ticks {
        px.fill(x.round(), TOP, 1.0, axis_y - TOP, grid);
    }
    let bg = rgba(ink.lane_bg);
    for row in &layout.rows {
        let Some(l) = row.lane else { continue };
        let lane = &model.groups[row.group].lanes[l];
        px.fill(view.left, row.y, view.width, row.h, bg);
        match lane.kind {
            LaneKind::Gil => spans(px, &lane.spans, view, row.y + 4.0, row.h - 4.0),
            LaneKind::Thread(_) => spans(px, &lane.spans, view, row.y, row.h),
            LaneKind::Task { .. } => spans(px, &lane.spans, view, row.y + 3.0, row.h - 6.0),
            LaneKind::Lock(_) => lock(px, lane, view, row.y, row.h, model.end),
            LaneKind::Queue(_) => depth(px, lane, view, row.y, row.h, model.end, ink),
            LaneKind::Host(_) => in_flight(px, lane, view, row.y, row.h, model.end, ink),
        }
    }
    px.put(ctx);
    // Over them: names, hand-offs, arrows, the selection, axis, cursor.
    ctx.set_font("12px system-ui, sans-serif");
    ctx.set_text_baseline("middle");
    for row in &layout.rows {
        let group = &model.groups[row.group];
        let Some(l) = row.lane else {
            ctx.set_fill_style_str(ink.text);
            ctx.set_font("bold 12px system-ui, sans-serif");
            let _ = ctx.fill_text(&group.label, 4.0, row.y + row.h / 2.0);
            ctx.set_font("12px system-ui, sans-serif");
            continue;
        };
        let lane = &group.lanes[l];
        label(ctx, ink, lane, row.y, row.h);
        match lane.kind {
            LaneKind::Gil => handoffs(ctx, ink, lane, view, row.y),
            LaneKind::Queue(_) => arrows(ctx, lane, view, row.y, row.h),
            _ => {}
        }
        if let Some((g, sl, span)) = overlay.selected {
            if g == row.group && sl == l {
                let x0 = view.x(span.start as f64).max(view.left - 2.0);
                let x1 = view.x(span.end as f64).min(view.left + view.width + 2.0);
                if x1 >= view.left && x0 <= view.left + view.width {
                    ctx.set_stroke_style_str(ink.text);
                    ctx.set_line_width(2.0);
                    ctx.stroke_rect(x0, row.y + 1.0, (x1 - x0).max(2.0), row.h - 2.0);
                    ctx.set_line_width(1.0);
                }
            }
        }
    }
    axis(ctx, ink, view, &ticks, unit, axis_y);
    if let Some(t) = overlay.cursor {
        let x = view.x(t as f64);
        if x >= view.left && x <= view.left + view.width {
            ctx.set_fill_style_str(ink.text);
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

fn label(ctx: &CanvasRenderingContext2d, ink: &Ink, lane: &Lane, y: f64, h: f64) {
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
        // Under its thread, indented, with the thread's colour as a bar.
        LaneKind::Task { thread, .. } => {
            ctx.set_fill_style_str(thread_colour(thread));
            ctx.fill_rect(13.0, y + 2.0, 2.0, h - 4.0);
            24.0
        }
        _ => 10.0,
    };
    ctx.set_fill_style_str(ink.muted);
    let _ = ctx.fill_text(&text, x, y + h / 2.0);
}

/// The spans in view, into the pixels.
fn spans(px: &mut Pixels, spans: &[Span], view: &View, y: f64, h: f64) {
    let mut last: (&str, u32) = ("", 0);
    for r in lanes::rects(spans, view) {
        let c = style_colour(r.style, r.thread);
        if c != last.0 {
            last = (c, rgba(c));
        }
        let x0 = r.x0.round();
        px.fill(x0, y, (r.x1.round() - x0).max(1.0), h, last.1);
    }
}

/// Ticks at the top of a GIL lane where it changed hands (the holdings
/// that began with a hand-off), coloured by why; one per pixel column at
/// most.
fn handoffs(ctx: &CanvasRenderingContext2d, ink: &Ink, lane: &Lane, view: &View, y: f64) {
    let h = &lane.spans;
    let mut i = h.partition_point(|s| (s.start as f64) < view.t0);
    while let Some(s) = h.get(i) {
        if s.start as f64 > view.t1 {
            break;
        }
        if let Some(r) = lanes::reason_of(s.detail) {
            let x = view.x(s.start as f64).floor();
            ctx.set_fill_style_str(reason_colour(r, ink));
            ctx.fill_rect(x, y, 2.0, 4.0);
            // The next one at least two pixels on.
            let edge = view.t(x + 2.0);
            i += h[i..].partition_point(|s| (s.start as f64) < edge).max(1);
        } else {
            i += 1;
        }
    }
}

/// Holders on the upper two thirds, the number of waiters (height) on
/// the lower third.
fn lock(px: &mut Pixels, lane: &Lane, view: &View, y: f64, h: f64, end: u64) {
    let top = h * 2.0 / 3.0;
    spans(px, &lane.spans, view, y, top - 1.0);
    let max = f64::from(lane.max_step.max(1));
    let strip = h - top;
    let red = rgba(BLOCKED);
    for (x0, x1, v) in lanes::step_rects(&lane.steps, view, end) {
        let hh = (strip * f64::from(v) / max).max(2.0);
        px.fill(x0, y + h - hh, x1 - x0, hh, red);
    }
}

/// A queue's depth as a filled step chart.
fn depth(px: &mut Pixels, lane: &Lane, view: &View, y: f64, h: f64, end: u64, ink: &Ink) {
    let max = f64::from(lane.max_step.max(1));
    let c = blend(DEPTH, ink.lane_bg, 0.55);
    for (x0, x1, v) in lanes::step_rects(&lane.steps, view, end) {
        let hh = (h - 2.0) * f64::from(v) / max;
        px.fill(x0, y + h - hh, x1 - x0, hh, c);
    }
}

/// A host's requests in flight as a filled step chart in the I/O colour,
/// with a tick where each request was sent.
fn in_flight(px: &mut Pixels, lane: &Lane, view: &View, y: f64, h: f64, end: u64, ink: &Ink) {
    let max = f64::from(lane.max_step.max(1));
    let c = blend(IO, ink.lane_bg, 0.6);
    for (x0, x1, v) in lanes::step_rects(&lane.steps, view, end) {
        let hh = (h - 4.0) * f64::from(v) / max;
        px.fill(x0, y + h - hh, x1 - x0, hh, c);
    }
    let tick = rgba(IO);
    let mut last = f64::NEG_INFINITY;
    for w in &lane.waits {
        if (w.start as f64) < view.t0 || (w.start as f64) > view.t1 {
            continue;
        }
        let x = view.x(w.start as f64).floor();
        if x > last {
            px.fill(x, y, 1.0, 4.0, tick);
            last = x;
        }
    }
}

/// An arrow from each put (top) to its get (bottom), one per pixel
/// column of puts at most.
fn arrows(ctx: &CanvasRenderingContext2d, lane: &Lane, view: &View, y: f64, h: f64) {
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

fn axis(
    ctx: &CanvasRenderingContext2d,
    ink: &Ink,
    view: &View,
    ticks: &[(f64, String)],
    unit: &str,
    y: f64,
) {
    ctx.set_stroke_style_str(ink.axis);
    ctx.set_fill_style_str(ink.muted);
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
