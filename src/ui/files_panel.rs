//! The files panel: what the last run left on its simulated disk (written
//! by `open()`, `csv`, `json.dump` …), each file with its path, its size
//! and its contents — text as written, bytes that are not UTF-8 as
//! Python's `repr` — the same list `interleave run --files` prints. It
//! shows nothing when the run left no file, and never reads the disk
//! itself: the files come with the run ([`RunView::files`]).

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Text;
use super::run_area::RunView;
use super::Lang;
use crate::format::group_digits;

/// Characters of one file shown at most; the rest is counted.
const SHOWN_CHARS: usize = 20_000;

#[derive(Properties, PartialEq)]
pub struct FilesProps {
    pub lang: Lang,
    pub run: Option<Rc<RunView>>,
}

#[function_component(FilesPanel)]
pub fn files_panel(props: &FilesProps) -> Html {
    let l = props.lang;
    let Some(run) = props.run.as_ref().filter(|r| !r.files.is_empty()) else {
        return html! {};
    };
    html! {
        <section class="panel files" id="files" aria-labelledby="files-title">
            <h2 id="files-title">{ l.t(Text::Files) }</h2>
            <p class="note">{ l.t(Text::FilesNote) }</p>
            { for run.files.iter().map(|f| {
                let shown = f.shown();
                let (head, more) = match shown.char_indices().nth(SHOWN_CHARS) {
                    Some((i, _)) => (&shown[..i], shown.len() - i),
                    None => (shown.as_str(), 0),
                };
                let kind = if f.text().is_some() { "" } else { l.t(Text::FileBinary) };
                html! {
                    <details class="file" open={true}>
                        <summary>
                            <code class="file-path">{ &f.path }</code>
                            <span class="note">{ format!(" {} {}{kind}", group_digits(f.bytes.len() as u64), l.t(Text::FileBytes)) }</span>
                        </summary>
                        <pre class="output file-contents">{ head }</pre>
                        if more > 0 {
                            <p class="note">{ format!("… {} {}", group_digits(more as u64), l.t(Text::FileMore)) }</p>
                        }
                    </details>
                }
            }) }
        </section>
    }
}
