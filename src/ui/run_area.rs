//! The run area: the program editor and the run settings (runtime, cores,
//! seed). It says plainly when this build cannot run programs yet.

use yew::prelude::*;

use super::{Lang, Text};

const SAMPLE: &str = r#"import threading

counter = 0

def work(n):
    global counter
    for _ in range(n):
        counter += 1

threads = [threading.Thread(target=work, args=(1_000_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
"#;

/// The runtimes a learner can pick, as CPython names them.
const RUNTIMES: [(&str, &str); 4] = [
    ("cpython-2.7", "CPython 2.7 (GIL, 100 ticks)"),
    ("cpython-3.9", "CPython 3.9 (GIL, 5 ms)"),
    ("cpython-3.12", "CPython 3.12 (GIL, eval breaker)"),
    ("cpython-3.13t", "CPython 3.13t (free-threaded)"),
];

#[derive(Properties, PartialEq)]
pub struct RunAreaProps {
    pub lang: Lang,
}

#[function_component(RunArea)]
pub fn run_area(props: &RunAreaProps) -> Html {
    let l = props.lang;
    html! {
        <section class="panel run-area" id="run-area" aria-labelledby="run-title">
            <h2 id="run-title">{ l.t(Text::RunArea) }</h2>
            <div class="settings">
                <label>{ l.t(Text::Runtime) }
                    <select id="runtime">
                        { for RUNTIMES.iter().map(|(value, label)| html! {
                            <option value={*value} selected={*value == "cpython-3.12"}>{ *label }</option>
                        }) }
                    </select>
                </label>
                <label>{ l.t(Text::Cores) }
                    <input id="cores" type="number" min="1" max="64" value="2" />
                </label>
                <label>{ l.t(Text::Seed) }
                    <input id="seed" type="number" min="0" value="1" />
                </label>
                <button id="run" class="primary" disabled=true title={l.t(Text::EngineMissing)}>{ l.t(Text::Run) }</button>
            </div>
            <textarea id="editor" class="editor" spellcheck="false" aria-label="Python" defaultvalue={SAMPLE} />
            <p class="note">{ l.t(Text::EngineMissing) }</p>
            <h3>{ l.t(Text::Output) }</h3>
            <pre id="output" class="output"></pre>
        </section>
    }
}
