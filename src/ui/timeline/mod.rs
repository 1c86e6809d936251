//! The timeline: a canvas (never thousands of DOM nodes) on which a run's
//! lanes are drawn against virtual time, grouped by process: the GIL's
//! holder with its hand-offs, each thread's states, each of the program's
//! locks (holder above, waiters below) and each queue (depth, and an arrow
//! from every put to its get).
//!
//! What is drawn comes from [`crate::trace::lanes`], computed once per
//! run; this module keeps the view (zoom, pan, the time cursor, the
//! selected segment) and redraws synchronously in the input handlers, so
//! one wheel step or drag move is one frame. Wheel zooms around the
//! pointer, dragging pans, Fit shows the whole run; hovering shows what a
//! segment is, clicking one calls `on_select_line` with its source line.
//!
//! A stepped run (the stepper's run so far) comes with `now`, the time of
//! the decision: the time cursor starts there, so the lanes end at a
//! marked "now" and the facts under the canvas say who holds what then.
//!
//! Compare draws two of them on one axis: `axis_end` sets the end of
//! the time scale (the longer run's), and an [`AxisLink`] shared by both
//! carries every change of one's visible range to the other.
//!
//! `?timeline-bench=N` (with no run yet) draws a synthetic run of N
//! segments, for the drawing benchmark in `tests/e2e/timeline.test.mjs`;
//! every redraw writes its time to the canvas's `data-draw-ms`.

pub(crate) mod draw;
pub mod text;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

use super::compare::AxisLink;
use super::run_area::RunView;
use super::{Lang, Text};
use crate::trace::lanes::{self, Hit, LaneKind, Layout, Model, Style, View};
use crate::trace::stats::Stats;
use text::T;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    /// The last run, once there is one.
    pub run: Option<Rc<RunView>>,
    /// Called with a segment's source line (1-based) when it is clicked.
    #[prop_or_default]
    pub on_select_line: Option<Callback<u32>>,
    /// The section's id; its controls' ids start with it (`timeline-fit`).
    #[prop_or(AttrValue::Static("timeline"))]
    pub id: AttrValue,
    /// Shown instead of `runtime · run time` under the title.
    #[prop_or_default]
    pub caption: Option<AttrValue>,
    /// The end of the time axis when it is longer than this run (Compare:
    /// the longer of two runs).
    #[prop_or_default]
    pub axis_end: Option<u64>,
    /// Keeps the visible range equal to other timelines'.
    #[prop_or_default]
    pub link: Option<Rc<AxisLink>>,
    /// The page's theme is dark: names, grid and axis in its colours.
    #[prop_or_default]
    pub dark: bool,
    /// Where the time cursor starts (a stepped run: its decision).
    #[prop_or_default]
    pub now: Option<u64>,
}

/// The view state, shared by the handlers.
struct Viewer {
    model: Rc<Model>,
    /// The end of the time axis: the run's, or a longer shared one.
    end: u64,
    /// The link to publish the view to, and this timeline's key in it.
    link: Option<(Rc<AxisLink>, AttrValue)>,
    layout: Layout,
    view: View,
    internal_locks: bool,
    dark: bool,
    cursor: Option<u64>,
    selected: Option<Hit>,
    /// Pointer-down x, the view then, and whether it has moved since.
    drag: Option<(f64, View, bool)>,
    /// The backing store's size (css width, css height, ratio).
    size: (f64, f64, f64),
    ctx: Option<CanvasRenderingContext2d>,
    pixels: draw::Pixels,
    draws: u64,
    /// The layout changed since `data-rows` was written.
    rows_stale: bool,
}

impl Viewer {
    fn new(
        model: Rc<Model>,
        internal_locks: bool,
        dark: bool,
        axis_end: Option<u64>,
        link: Option<(Rc<AxisLink>, AttrValue)>,
    ) -> Viewer {
        let layout = Layout::new(&model, draw::TOP, internal_locks);
        let end = model.end.max(axis_end.unwrap_or(0));
        let view = View::fit(end, draw::LABEL_W, 600.0);
        Viewer {
            model,
            end,
            link,
            layout,
            view,
            internal_locks,
            dark,
            cursor: None,
            selected: None,
            drag: None,
            size: (0.0, 0.0, 0.0),
            ctx: None,
            pixels: draw::Pixels::default(),
            draws: 0,
            rows_stale: true,
        }
    }

    /// Redraws the canvas, resizing its backing store when the element
    /// or the layout changed; returns the time it took (ms).
    fn redraw(&mut self, canvas: &HtmlCanvasElement) -> f64 {
        let Some(window) = web_sys::window() else {
            return 0.0;
        };
        let perf = window.performance();
        let start = perf.as_ref().map_or(0.0, |p| p.now());
        let ratio = window.device_pixel_ratio().max(1.0);
        let width = f64::from(canvas.client_width().max(320));
        let height = self.layout.height + draw::AXIS_H;
        if (width, height, ratio) != self.size {
            let _ = canvas.set_attribute("style", &format!("height:{height}px"));
            canvas.set_width((width * ratio) as u32);
            canvas.set_height((height * ratio) as u32);
            self.size = (width, height, ratio);
            self.ctx = None;
        }
        if self.ctx.is_none() {
            self.ctx = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        }
        let Some(ctx) = &self.ctx else {
            return 0.0;
        };
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        self.view.left = draw::LABEL_W;
        self.view.width = (width - draw::LABEL_W - draw::RIGHT).max(50.0);
        let selected = self.selected.as_ref().map(|h| (h.group, h.lane, &h.span));
        draw::frame(
            ctx,
            &mut self.pixels,
            ratio,
            &self.model,
            &self.layout,
            &self.view,
            width,
            height,
            &draw::Overlay {
                ink: draw::Ink::of(self.dark),
                cursor: self.cursor,
                selected,
            },
        );
        if self.draws == 0 || self.rows_stale {
            // Where each lane is, for tests and tools: label:y:height.
            let rows: Vec<String> = self
                .layout
                .rows
                .iter()
                .filter_map(|r| {
                    let lane = &self.model.groups[r.group].lanes[r.lane?];
                    Some(format!("{}:{}:{}", lane.label, r.y, r.h))
                })
                .collect();
            let _ = canvas.set_attribute("data-rows", &rows.join("|"));
            self.rows_stale = false;
        }
        self.draws += 1;
        let ms = perf.map_or(0.0, |p| p.now()) - start;
        let _ = canvas.set_attribute("data-draw-ms", &format!("{ms:.3}"));
        let _ = canvas.set_attribute("data-draws", &self.draws.to_string());
        let _ = canvas.set_attribute("data-view", &format!("{} {}", self.view.t0, self.view.t1));
        if let Some((link, key)) = &self.link {
            link.publish(key, self.view.t0, self.view.t1);
        }
        ms
    }

    fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        lanes::hit(&self.model, &self.layout, &self.view, x, y)
    }
}

/// The wheel listener, kept alive while the canvas is.
type WheelSlot = Option<Closure<dyn FnMut(WheelEvent)>>;

/// A change to the view.
type Action = Box<dyn Fn(&mut Viewer)>;

/// A tooltip: where, and its lines.
#[derive(Clone, PartialEq)]
struct Tip {
    x: f64,
    y: f64,
    lines: Vec<String>,
}

/// `?timeline-bench=N`: the size of a synthetic run to draw.
fn bench_size() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let n: usize = params.get("timeline-bench")?.parse().ok()?;
    Some(n.clamp(10, 2_000_000))
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let l = props.lang;
    let canvas = use_node_ref();
    let viewer: Rc<RefCell<Option<Viewer>>> = use_mut_ref(|| None);
    let tip = use_state_eq(|| None::<Tip>);
    let cursor_value = use_state(|| 0u32);
    let internal = use_state(|| false);
    let wheel: Rc<RefCell<WheelSlot>> = use_mut_ref(|| None);

    let model = use_memo(props.run.clone(), |run| match run {
        Some(run) => Some(Rc::new(Model::from_timeline(
            &run.events,
            &run.timeline,
            &run.state_lines,
        ))),
        None => bench_size().map(|n| Rc::new(lanes::synthetic(n, 8))),
    });
    let stats = use_memo(props.run.clone(), |run| {
        run.as_ref()
            .map(|r| Stats::from_timeline(&r.events, &r.timeline))
    });

    // A new run: a fresh view of the whole run (a new language or theme
    // only redraws).
    {
        let (canvas, viewer, cursor_value, internal) = (
            canvas.clone(),
            viewer.clone(),
            cursor_value.clone(),
            *internal,
        );
        let message = l.t(Text::TimelineEmpty);
        let link = props.link.clone().map(|k| (k, props.id.clone()));
        let (axis_end, dark, now) = (props.axis_end, props.dark, props.now);
        use_effect_with(
            (model.clone(), l, axis_end, dark),
            move |(model, _, _, _)| {
                let mut slider = 0;
                if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                    match &**model {
                        Some(m) => {
                            let mut slot = viewer.borrow_mut();
                            match slot.as_mut() {
                                // Only the language or the theme changed: keep the view.
                                Some(v) if Rc::ptr_eq(&v.model, m) => {
                                    v.dark = dark;
                                    v.redraw(&c);
                                    return;
                                }
                                _ => {
                                    let mut v =
                                        Viewer::new(m.clone(), internal, dark, axis_end, link);
                                    if let Some(t) = now {
                                        // Segments are half-open and the
                                        // run so far ends at `t`: the state
                                        // at the decision is the one just
                                        // before it.
                                        v.cursor = Some(t.saturating_sub(1));
                                        let end = m.end.max(1) as f64;
                                        slider = (t as f64 / end * 10_000.0).round() as u32;
                                        let _ = c.set_attribute("data-now", &t.to_string());
                                    } else {
                                        let _ = c.remove_attribute("data-now");
                                    }
                                    v.redraw(&c);
                                    *slot = Some(v);
                                }
                            }
                        }
                        None => {
                            *viewer.borrow_mut() = None;
                            let _ = c.remove_attribute("data-now");
                            draw_empty(&c, message);
                        }
                    }
                }
                cursor_value.set(slider.min(10_000));
            },
        );
    }

    // Another timeline on the same axis moved: show the same range.
    {
        let (canvas, viewer) = (canvas.clone(), viewer.clone());
        let key = props.id.clone();
        use_effect_with(props.link.clone(), move |link| {
            let link = link.clone();
            if let Some(link) = &link {
                link.subscribe(
                    &key,
                    Rc::new(move |t0, t1| {
                        let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                            return;
                        };
                        // Busy means this timeline is the one publishing.
                        let Ok(mut slot) = viewer.try_borrow_mut() else {
                            return;
                        };
                        if let Some(v) = slot.as_mut() {
                            if (v.view.t0, v.view.t1) != (t0, t1) {
                                v.view.t0 = t0;
                                v.view.t1 = t1;
                                v.redraw(&c);
                            }
                        }
                    }),
                );
            }
            move || {
                if let Some(link) = link {
                    link.unsubscribe(&key);
                }
            }
        });
    }

    // The wheel, registered by hand: yew's listeners may be passive, and
    // a zooming wheel must not also scroll the page.
    {
        let (canvas, viewer, wheel, tip) =
            (canvas.clone(), viewer.clone(), wheel.clone(), tip.clone());
        use_effect_with((), move |_| {
            let el = canvas.cast::<HtmlCanvasElement>();
            if let Some(c) = el.clone() {
                let c2 = c.clone();
                let closure = Closure::<dyn FnMut(WheelEvent)>::new(move |e: WheelEvent| {
                    let mut slot = viewer.borrow_mut();
                    let Some(v) = slot.as_mut() else { return };
                    e.prevent_default();
                    let scale = match e.delta_mode() {
                        1 => 16.0,
                        2 => 400.0,
                        _ => 1.0,
                    };
                    let dy = e.delta_y() * scale;
                    let dx = e.delta_x() * scale;
                    if dx.abs() > dy.abs() {
                        let end = v.end;
                        v.view.pan(-dx, end);
                    } else {
                        let factor = (dy * 0.002).exp();
                        let end = v.end;
                        v.view.zoom(f64::from(e.offset_x()), factor, end);
                    }
                    v.redraw(&c2);
                    tip.set(None);
                });
                c.set_onwheel(Some(closure.as_ref().unchecked_ref()));
                *wheel.borrow_mut() = Some(closure);
            }
            move || {
                if let Some(c) = el {
                    c.set_onwheel(None);
                }
                wheel.borrow_mut().take();
            }
        });
    }

    let with_viewer = {
        let (canvas, viewer) = (canvas.clone(), viewer.clone());
        move |f: &dyn Fn(&mut Viewer)| {
            if let (Some(c), Some(v)) = (
                canvas.cast::<HtmlCanvasElement>(),
                viewer.borrow_mut().as_mut(),
            ) {
                f(v);
                v.redraw(&c);
            }
        }
    };

    let on_down = {
        let viewer = viewer.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 {
                return;
            }
            if let Some(v) = viewer.borrow_mut().as_mut() {
                e.prevent_default();
                v.drag = Some((f64::from(e.offset_x()), v.view, false));
            }
        })
    };
    let on_move = {
        let (canvas, viewer, tip) = (canvas.clone(), viewer.clone(), tip.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            let mut slot = viewer.borrow_mut();
            let Some(v) = slot.as_mut() else { return };
            let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
            if let Some((x0, start, moved)) = v.drag {
                if moved || (x - x0).abs() > 3.0 {
                    v.view = start;
                    let end = v.end;
                    v.view.pan(x - x0, end);
                    v.drag = Some((x0, start, true));
                    v.redraw(&c);
                    tip.set(None);
                }
                return;
            }
            let width = f64::from(c.client_width());
            let next = v.hit(x, y).map(|h| Tip {
                // Left of the pointer near the right edge.
                x: if x > width - 330.0 {
                    (x - 330.0).max(0.0)
                } else {
                    x + 14.0
                },
                y: y + 14.0,
                lines: tip_lines(&v.model, &h, l),
            });
            tip.set(next);
        })
    };
    let on_up = {
        let (canvas, viewer, on_select) =
            (canvas.clone(), viewer.clone(), props.on_select_line.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(c) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            let mut slot = viewer.borrow_mut();
            let Some(v) = slot.as_mut() else { return };
            let Some((_, _, moved)) = v.drag.take() else {
                return;
            };
            if moved {
                return;
            }
            // A click: select the segment and show its line.
            let h = v.hit(f64::from(e.offset_x()), f64::from(e.offset_y()));
            let line = h.as_ref().map_or(0, |h| h.span.line);
            v.selected = h;
            v.redraw(&c);
            let _ = c.set_attribute("data-selected-line", &line.to_string());
            if line > 0 {
                if let Some(cb) = &on_select {
                    cb.emit(line);
                }
            }
        })
    };
    let on_leave = {
        let (viewer, tip) = (viewer.clone(), tip.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(v) = viewer.borrow_mut().as_mut() {
                v.drag = None;
            }
            tip.set(None);
        })
    };
    let on_key = {
        let with_viewer = with_viewer.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let action: Option<Action> = match key.as_str() {
                "ArrowLeft" => Some(Box::new(|v: &mut Viewer| {
                    let end = v.end;
                    v.view.pan(v.view.width / 8.0, end);
                })),
                "ArrowRight" => Some(Box::new(|v: &mut Viewer| {
                    let end = v.end;
                    v.view.pan(-v.view.width / 8.0, end);
                })),
                "+" | "=" => Some(Box::new(|v: &mut Viewer| zoom_centre(v, 0.5))),
                "-" => Some(Box::new(|v: &mut Viewer| zoom_centre(v, 2.0))),
                "0" => Some(Box::new(|v: &mut Viewer| {
                    v.view = View::fit(v.end, v.view.left, v.view.width);
                })),
                _ => None,
            };
            if let Some(f) = action {
                e.prevent_default();
                with_viewer(&*f);
            }
        })
    };
    let on_fit = {
        let with_viewer = with_viewer.clone();
        Callback::from(move |_: MouseEvent| {
            with_viewer(&|v: &mut Viewer| {
                v.view = View::fit(v.end, v.view.left, v.view.width);
            })
        })
    };
    let on_zoom_in = {
        let with_viewer = with_viewer.clone();
        Callback::from(move |_: MouseEvent| with_viewer(&|v: &mut Viewer| zoom_centre(v, 0.5)))
    };
    let on_zoom_out = {
        let with_viewer = with_viewer.clone();
        Callback::from(move |_: MouseEvent| with_viewer(&|v: &mut Viewer| zoom_centre(v, 2.0)))
    };
    let on_internal = {
        let (with_viewer, internal) = (with_viewer.clone(), internal.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            internal.set(on);
            with_viewer(&|v: &mut Viewer| {
                v.internal_locks = on;
                v.layout = Layout::new(&v.model, draw::TOP, on);
                v.selected = None;
                v.rows_stale = true;
            });
        })
    };
    let on_cursor = {
        let (with_viewer, cursor_value) = (with_viewer.clone(), cursor_value.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let value: u32 = input.value().parse().unwrap_or(0);
            cursor_value.set(value);
            with_viewer(&|v: &mut Viewer| {
                let t = (v.model.end as f64 * f64::from(value) / 10_000.0) as u64;
                v.cursor = Some(t);
                // Keep the cursor in view.
                let (t0, t1) = (v.view.t0, v.view.t1);
                if (t as f64) < t0 || (t as f64) > t1 {
                    let end = v.end;
                    let half = (t1 - t0) / 2.0;
                    v.view.pan((t0 + half - t as f64) / v.view.ns_per_px(), end);
                }
            });
        })
    };
    // Who holds what and who waits for whom at the cursor.
    let facts: Vec<String> = viewer
        .borrow()
        .as_ref()
        .and_then(|v| {
            let t = v.cursor?;
            let mut lines = vec![format!("t = {}", lanes::duration(t))];
            lines.extend(v.model.snapshot(t).lines(&v.model, l == Lang::Zh));
            Some(lines)
        })
        .unwrap_or_default();

    let threads = model.as_ref().as_ref().map_or(0, |m| m.threads.len());
    let all_lanes = viewer
        .borrow()
        .as_ref()
        .map_or(0, |v| v.layout.lane_count());
    let has_internal = model.as_ref().as_ref().is_some_and(|m| {
        m.groups
            .iter()
            .flat_map(|g| &g.lanes)
            .any(|lane| lane.internal)
    });
    let summary = stats.as_ref().as_ref().map(|s| s.summary());
    let shown = model.is_some();
    let id = |suffix: &str| format!("{}{suffix}", props.id);
    let summary_id = if props.id == "timeline" {
        "summary".to_owned()
    } else {
        id("-summary")
    };
    html! {
        <section class="panel timeline" id={props.id.clone()} aria-labelledby={id("-title")}>
            <style>{ CSS }</style>
            <h2 id={id("-title")}>{ l.t(Text::Timeline) }</h2>
            if let Some(caption) = &props.caption {
                <p class="caption" id={id("-caption")}>{ caption.clone() }</p>
            } else if let Some(run) = &props.run {
                <p class="caption" id={id("-caption")}>{ format!("{} · {}", run.runtime, lanes::duration(run.timeline.end)) }</p>
            } else if shown {
                <p class="caption" id={id("-caption")}>{ format!("{} · {}", text::t(l, T::Bench), model.as_ref().as_ref().map_or(0, |m| m.span_count())) }</p>
            }
            if let Some(s) = summary {
                <p class="tl-summary" id={summary_id} title={text::t(l, T::SequentialHelp)}>{ s.text(l == Lang::Zh) }</p>
            }
            if shown {
                <div class="tl-tools">
                    <button id={id("-fit")} onclick={on_fit}>{ text::t(l, T::Fit) }</button>
                    <button id={id("-zoom-in")} onclick={on_zoom_in} aria-label={text::t(l, T::ZoomIn)}>{ "+" }</button>
                    <button id={id("-zoom-out")} onclick={on_zoom_out} aria-label={text::t(l, T::ZoomOut)}>{ "−" }</button>
                    if has_internal {
                        <label class="tl-check"><input id={id("-internal")} type="checkbox" checked={*internal} onchange={on_internal} />{ text::t(l, T::LibraryLocks) }</label>
                    }
                    <span class="tl-hint">{ text::t(l, T::Hint) }</span>
                </div>
            }
            <div class="tl-wrap">
                <canvas ref={canvas} class="timeline-canvas" tabindex="0"
                    data-lanes={threads.to_string()} data-all-lanes={all_lanes.to_string()}
                    aria-label={l.t(Text::TimelineEmpty)}
                    onmousedown={on_down} onmousemove={on_move} onmouseup={on_up}
                    onmouseleave={on_leave} onkeydown={on_key}></canvas>
                if let Some(t) = &*tip {
                    <div class="tl-tip" id={id("-tip")} role="tooltip"
                         style={format!("left:{}px;top:{}px", t.x, t.y)}>
                        { for t.lines.iter().map(|line| html! { <div>{ line }</div> }) }
                    </div>
                }
            </div>
            if shown {
                <div class="tl-cursor">
                    <label for={id("-cursor")}>{ text::t(l, T::Cursor) }</label>
                    <input id={id("-cursor")} type="range" min="0" max="10000" step="1"
                        value={cursor_value.to_string()} oninput={on_cursor}
                        title={text::t(l, T::CursorHelp)} />
                </div>
                if facts.is_empty() {
                    <p class="tl-facts-help">{ text::t(l, T::CursorHelp) }</p>
                } else {
                    <ul class="tl-facts" id={id("-facts")}>
                        { for facts.iter().map(|f| html! { <li>{ f }</li> }) }
                    </ul>
                }
                <p class="legend">
                    { for LEGEND.iter().map(|(colour, name)| html! {
                        <span class="key"><span class="swatch" style={format!("background:{colour}")}></span>{ l.t(*name) }</span>
                    }) }
                    <span class="key"><span class="swatch tl-holders"></span>{ text::t(l, T::HeldBy) }</span>
                    <span class="key"><span class="swatch" style={format!("background:{};height:.4rem", draw::BLOCKED)}></span>{ text::t(l, T::Waits) }</span>
                    <span class="key"><span class="swatch" style={format!("background:{};opacity:.55", draw::DEPTH)}></span>{ text::t(l, T::Depth) }</span>
                    <span class="key">{ "↘ " }{ text::t(l, T::Arrows) }</span>
                    <span class="key"><span class="swatch" style={format!("background:{};width:.2rem", draw::WAIT_GIL)}></span>{ text::t(l, T::Handoff) }</span>
                </p>
            }
        </section>
    }
}

fn zoom_centre(v: &mut Viewer, factor: f64) {
    let end = v.end;
    let x = v.view.left + v.view.width / 2.0;
    v.view.zoom(x, factor, end);
}

/// The tooltip of a hit: what, which object, the source line, how long.
fn tip_lines(model: &Model, hit: &Hit, l: Lang) -> Vec<String> {
    let lane = &model.groups[hit.group].lanes[hit.lane];
    let s = &hit.span;
    let tt = |k| text::t(l, k);
    let span_time = format!(
        "{} {} ({} {} – {})",
        tt(T::Duration),
        lanes::duration(s.duration()),
        tt(T::From),
        lanes::duration(s.start),
        lanes::duration(s.end)
    );
    let who = model.thread_name(s.thread).to_string();
    let mut out = Vec::new();
    match lane.kind {
        LaneKind::Thread(_) => {
            out.push(format!("{who}: {}", text::style(l, s.style)));
            match s.style {
                Style::Running => out.push(format!("{} {}", tt(T::Core), s.detail)),
                Style::Blocked => {
                    if let Some(o) = model.objects.get(s.detail as usize) {
                        out.push(format!("{} {o}", tt(T::On)));
                    }
                }
                _ => {}
            }
            if s.style != Style::Running {
                out.extend(request_lines(model, s, l));
            }
            out.push(if s.line > 0 {
                format!("{} {}", tt(T::Line), s.line)
            } else {
                tt(T::NoLine).to_string()
            });
        }
        LaneKind::Task { .. } if s.detail == lanes::LOOP_DETAIL => {
            let (running, idle) = if l == Lang::Zh {
                ("在运行回调", "空闲（等待定时器或 I/O）")
            } else {
                ("runs callbacks", "idle (waits for a timer or I/O)")
            };
            let what = if s.style == Style::Running {
                running
            } else {
                idle
            };
            out.push(format!("{} ({who}): {what}", lane.label));
            if s.style != Style::Running {
                out.extend(request_lines(model, s, l));
            }
        }
        LaneKind::Task { .. } => {
            out.push(format!(
                "{} ({who}): {}",
                lane.label,
                text::style(l, s.style)
            ));
            if s.style == Style::Awaiting {
                out.extend(request_lines(model, s, l));
            }
        }
        LaneKind::Gil => {
            out.push(format!("GIL · {} {who}", tt(T::HeldBy)));
            out.push(match lanes::reason_of(s.detail) {
                Some(r) => format!("{}: {}", tt(T::Taken), text::reason(l, r)),
                None => tt(T::FirstTaken).to_string(),
            });
        }
        LaneKind::Lock(_) => {
            if hit.waiting {
                out.push(format!(
                    "{who} {} {}",
                    text::style(l, Style::Waiting),
                    lane.label
                ));
                if s.line > 0 {
                    out.push(format!("{} {}", tt(T::Line), s.line));
                }
            } else {
                out.push(format!("{} · {} {who}", lane.label, tt(T::HeldBy)));
                if s.detail > 1 {
                    out.push(format!("×{} {}", s.detail, tt(T::Times)));
                }
            }
        }
        LaneKind::Queue(_) => {
            out.push(format!("{} · {} {}", lane.label, tt(T::Depth), s.detail));
        }
        LaneKind::Host(_) => {
            out.push(format!("{} · {} {}", lane.label, s.detail, tt(T::InFlight)));
            // The requests in flight during this step.
            let reqs: Vec<_> = lane
                .waits
                .iter()
                .filter(|w| w.start < s.end.max(s.start + 1) && w.end > s.start)
                .filter_map(|w| model.requests.get(w.detail as usize))
                .collect();
            out.extend(reqs.iter().take(TIP_REQUESTS).map(|r| {
                format!(
                    "  {} · {} · {}",
                    model.thread_name(r.thread),
                    r.describe(),
                    lanes::duration(r.end - r.start)
                )
            }));
            if reqs.len() > TIP_REQUESTS {
                out.push(format!(
                    "  … {} {}",
                    reqs.len() - TIP_REQUESTS,
                    text::t(l, T::More)
                ));
            }
        }
    }
    out.push(span_time);
    out
}

/// The most requests a tooltip lists (an asyncio crawler waits for all
/// of its pages in one I/O span).
const TIP_REQUESTS: usize = 5;

/// The network requests a thread was waiting for during a span, one line
/// each: `GET host/path → 200, 27.1 KB · 612 ms`.
fn request_lines(model: &Model, s: &lanes::Span, l: Lang) -> Vec<String> {
    let reqs = model.requests_during(s.thread, s.start, s.end);
    if reqs.is_empty() {
        return Vec::new();
    }
    let mut out = vec![format!("{} {}:", reqs.len(), text::t(l, T::Requests))];
    out.extend(
        reqs.iter()
            .take(TIP_REQUESTS)
            .map(|r| format!("  {} · {}", r.describe(), lanes::duration(r.end - r.start))),
    );
    if reqs.len() > TIP_REQUESTS {
        out.push(format!(
            "  … {} {}",
            reqs.len() - TIP_REQUESTS,
            text::t(l, T::More)
        ));
    }
    out
}

const LEGEND: [(&str, Text); 7] = [
    (draw::RUNNING, Text::StateRunning),
    (draw::WAIT_GIL, Text::StateWaitGil),
    (draw::BLOCKED, Text::StateBlocked),
    (draw::SLEEPING, Text::StateSleeping),
    (draw::READY, Text::StateReady),
    (draw::IO, Text::StateIo),
    (draw::AWAITING, Text::StateAwaiting),
];

/// The component's own styles (so the page's style sheet stays the page
/// helper's).
const CSS: &str = "
.tl-summary { font-weight: 600; margin: 0 0 .5rem; }
.tl-tools { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: center; margin-bottom: .4rem; }
.tl-tools .tl-hint { color: var(--muted, #5b6474); font-size: .8rem; }
.tl-check { display: inline-flex; gap: .3rem; align-items: center; font-size: .85rem; color: var(--muted, #5b6474); }
.tl-wrap { position: relative; }
.tl-wrap canvas { cursor: crosshair; }
.tl-wrap canvas:focus-visible { outline: 2px solid var(--accent, #2f6fd6); outline-offset: 2px; }
.tl-tip { position: absolute; pointer-events: none; background: #1d2330; color: #fff; font-size: .8rem;
  padding: .35rem .5rem; border-radius: 4px; max-width: 28rem; box-shadow: 0 2px 8px rgba(0,0,0,.25); z-index: 5; }
.tl-cursor { display: flex; gap: .6rem; align-items: center; margin-top: .5rem; font-size: .85rem; color: var(--muted, #5b6474); }
.tl-cursor input { flex: 1; }
.tl-facts { margin: .3rem 0; padding-left: 1.2rem; font-size: .85rem; columns: 2 18rem; }
.tl-facts-help { color: var(--muted, #5b6474); font-size: .8rem; margin: .3rem 0; }
.legend .tl-holders { background: linear-gradient(90deg, #1971c2 0 33%, #c2255c 33% 66%, #0b7285 66%); }
";

/// Sizes the backing store to the element and draws the empty axis and
/// what to do to fill it.
fn draw_empty(canvas: &HtmlCanvasElement, message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let _ = canvas.set_attribute("style", "height:120px");
    let ratio = window.device_pixel_ratio().max(1.0);
    let width = f64::from(canvas.client_width().max(300));
    let height = 120.0;
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
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
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

/// Selects line `line` (1-based) of the page's `#editor` text area and
/// scrolls it into view: a stand-in until the editor offers its own way
/// to highlight a line.
pub fn select_editor_line(line: u32) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("editor"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = el.value();
    let mut start = 0usize;
    let mut n = 1u32;
    // Offsets in UTF-16 units, as the text area counts them.
    let mut offset = 0u32;
    for ch in text.chars() {
        if n == line {
            break;
        }
        offset += ch.len_utf16() as u32;
        start += ch.len_utf8();
        if ch == '\n' {
            n += 1;
        }
    }
    if n != line {
        return;
    }
    let len: u32 = text[start..]
        .chars()
        .take_while(|&c| c != '\n')
        .map(|c| c.len_utf16() as u32)
        .sum();
    let _ = el.focus();
    let _ = el.set_selection_range(offset, offset + len);
    let _ = el.set_attribute("data-selected-line", &line.to_string());
    // Scroll so the line shows: about its share of the scroll height.
    let lines = text.lines().count().max(1) as f64;
    let y = f64::from(el.scroll_height()) * f64::from(line - 1) / lines;
    el.set_scroll_top((y - f64::from(el.client_height()) / 3.0).max(0.0) as i32);
}
