//! The program editor: a transparent `<textarea>` (the browser's own
//! editing, undo, selection, IME and accessibility) over a `<pre>` that
//! shows the same text highlighted ([`super::highlight`]), with line
//! numbers in a gutter. A diagnostic (SyntaxError, NotImplementedError,
//! the line of an uncaught exception) underlines its range and shows its
//! message after the end of its line, where it cannot shift the text.
//! Line marks (the stepper's candidates, each the next line of a thread)
//! tint their line and its number in the thread's timeline colour.

use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::diagnostics::{Diagnostic, Kind};
use super::highlight::{spans, Class};
use super::timeline::draw::thread_colour;
use super::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub code: AttrValue,
    pub diagnostic: Option<Diagnostic>,
    pub on_input: Callback<String>,
    pub on_key: Callback<KeyboardEvent>,
    /// Lines to mark, each in its thread's colour (the first mark of a
    /// line gives its colour).
    #[prop_or_default]
    pub marks: Vec<LineMark>,
}

/// A line of the program marked for a thread: the line it runs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineMark {
    /// 1-based.
    pub line: u32,
    /// The thread's index, as in the event log.
    pub thread: u32,
}

/// The threads marking line `n`, as `data-threads` writes them.
fn threads_on(marks: &[LineMark], n: usize) -> Option<String> {
    let on: Vec<String> = marks
        .iter()
        .filter(|m| m.line as usize == n)
        .map(|m| m.thread.to_string())
        .collect();
    (!on.is_empty()).then(|| on.join(" "))
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let gutter = use_node_ref();
    let pre = use_node_ref();
    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(area.value());
        })
    };
    let on_scroll = {
        let (gutter, pre) = (gutter.clone(), pre.clone());
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(p) = pre.cast::<HtmlElement>() {
                p.set_scroll_top(area.scroll_top());
                p.set_scroll_left(area.scroll_left());
            }
            if let Some(g) = gutter.cast::<HtmlElement>() {
                g.set_scroll_top(area.scroll_top());
            }
        })
    };
    let code = props.code.as_str();
    let lines = code.split('\n').count();
    let diag = props.diagnostic.as_ref();
    let diag_line = diag.map(|d| d.line as usize);
    let marks = &props.marks;
    let mark_colour = |n: usize| {
        marks
            .iter()
            .find(|m| m.line as usize == n)
            .map(|m| thread_colour(m.thread))
    };
    // One band per marked line, behind the text.
    let mut marked: Vec<u32> = marks.iter().map(|m| m.line).filter(|&l| l > 0).collect();
    marked.sort_unstable();
    marked.dedup();
    html! {
        <div class={classes!("editor-wrap", diag.map(|_| "has-error"))}>
            // The numbers are positioned out of the flow, so the gutter
            // takes the textarea's height instead of giving it its own.
            <div class="gutter" ref={gutter} aria-hidden="true" title={props.lang.t(Text::LineNumbers)}
                 style={format!("width:{}ch", lines.to_string().len() + 1)}>
                <div class="gutter-lines">
                    { for (1..=lines).map(|n| html! {
                        <div class={classes!(diag_line.filter(|&l| l == n).map(|_| "err-line"),
                                             mark_colour(n).map(|_| "step-mark"))}
                             style={mark_colour(n).map(|c| format!("color:{c};background:{c}2e"))}
                             data-threads={threads_on(marks, n)}>{ n }</div>
                    }) }
                    <div>{ "\u{a0}" }</div>
                </div>
            </div>
            <div class="code-area">
                <pre class="code-hl" ref={pre} aria-hidden="true">
                    { for marked.iter().map(|&n| {
                        let c = mark_colour(n as usize).unwrap_or_default();
                        html! {
                            <div class="step-band" data-line={n.to_string()} data-threads={threads_on(marks, n as usize)}
                                 style={format!("top:calc(.5rem + {} * 1.45em);background:{c}2e;border-left-color:{c}", n - 1)}></div>
                        }
                    }) }
                    <code>{ highlighted(code, diag) }</code></pre>
                <textarea id="editor" class="code-input" wrap="off" spellcheck="false"
                    autocapitalize="off" autocomplete="off"
                    aria-label={props.lang.t(Text::Editor)}
                    aria-invalid={diag.is_some().to_string()}
                    aria-describedby={diag.map(|_| "editor-error")}
                    value={props.code.clone()}
                    oninput={on_input} onkeydown={props.on_key.clone()} onscroll={on_scroll} />
            </div>
            if let Some(d) = diag {
                <p id="editor-error" class={classes!("editor-error", kind_class(d.kind))} data-line={d.line.to_string()}>
                    { format!("{} {}: {}", line_word(props.lang), d.line, d.message) }
                </p>
            }
        </div>
    }
}

fn line_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Line",
        Lang::Zh => "第",
    }
}

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Syntax => "syntax",
        Kind::NotSimulated => "not-simulated",
        Kind::Exception => "exception",
    }
}

/// Byte offset of 1-based character column `col` on the line starting at
/// `line_start` (clamped to the line's end).
fn col_offset(code: &str, line_start: usize, line_end: usize, col: u32) -> usize {
    code[line_start..line_end]
        .char_indices()
        .nth(col.saturating_sub(1) as usize)
        .map_or(line_end, |(i, _)| line_start + i)
}

/// The highlighted text, with the diagnostic's range underlined and its
/// message after its line.
fn highlighted(code: &str, diag: Option<&Diagnostic>) -> Html {
    // The diagnostic's line as byte offsets, and the range to underline.
    let marks = diag.and_then(|d| {
        let start = if d.line <= 1 {
            0
        } else {
            code.match_indices('\n')
                .nth(d.line as usize - 2)
                .map(|(i, _)| i + 1)?
        };
        let end = code[start..].find('\n').map_or(code.len(), |i| start + i);
        let (a, b) = match d.cols {
            Some((c0, c1)) => (
                col_offset(code, start, end, c0),
                col_offset(code, start, end, c1),
            ),
            None => {
                let text = &code[start..end];
                let indent = text.len() - text.trim_start().len();
                (start + indent, end)
            }
        };
        // An empty range (an error at the end of a line) still shows.
        Some((end, a, b.max(a)))
    });
    let cuts: Vec<usize> = marks.map_or_else(Vec::new, |(end, a, b)| vec![a, b, end]);
    let mut message = diag.map(|d| {
        html! { <span class="err-msg">{ format!("  ← {}", d.message) }</span> }
    });
    let mut out: Vec<Html> = Vec::new();
    for (start, stop, class) in spans(code) {
        let mut points: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|&c| c > start && c < stop)
            .collect();
        points.sort_unstable();
        points.dedup();
        points.push(stop);
        let mut at = start;
        for p in points {
            // The message goes at the end of its line, before its newline.
            if let Some((end, _, _)) = marks {
                if at >= end {
                    if let Some(m) = message.take() {
                        out.push(m);
                    }
                }
            }
            piece(&mut out, code, at, p, class, marks);
            at = p;
        }
    }
    if let Some(m) = message {
        out.push(m);
    }
    // A trailing newline needs a last line to keep the heights equal.
    out.push(html! { { "\n " } });
    out.into_iter().collect()
}

fn piece(
    out: &mut Vec<Html>,
    code: &str,
    a: usize,
    b: usize,
    class: Class,
    marks: Option<(usize, usize, usize)>,
) {
    if a >= b {
        return;
    }
    let text = code[a..b].to_owned();
    let underlined = marks.is_some_and(|(_, s, e)| a >= s && b <= e && s < e);
    let css = class.css();
    if css.is_empty() && !underlined {
        out.push(html! { { text } });
    } else {
        out.push(html! { <span class={classes!((!css.is_empty()).then_some(css), underlined.then_some("err"))}>{ text }</span> });
    }
}
