//! The status line: what the page runs on, in words a learner understands
//! ("parallel: 8 workers", or single-threaded and why).

use yew::prelude::*;

use super::{Lang, Text};
use crate::web::{Environment, SingleThreadedReason};

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub env: Environment,
    pub lang: Lang,
}

#[function_component(StatusLine)]
pub fn status_line(props: &StatusProps) -> Html {
    let env = &props.env;
    let l = props.lang;
    let (class, text, detail) = match (&env.single_threaded, env.workers) {
        (None, Some(n)) => ("parallel", l.parallel_status(n), None),
        (Some(SingleThreadedReason::PoolFailed(e)), _) => (
            "single",
            l.t(Text::StatusPoolFailed).to_owned(),
            Some(e.clone()),
        ),
        _ => ("single", l.t(Text::StatusSingleThreaded).to_owned(), None),
    };
    html! {
        <div id="status" class={classes!("status", class)}
             data-build={format!("{:?}", env.build).to_lowercase()}
             data-workers={env.workers.unwrap_or(0).to_string()}
             data-isolated={env.cross_origin_isolated.to_string()}
             data-embedded={env.embedded.to_string()}
             title={detail.clone()}>
            <span class="dot"></span>{ text }
            if let Some(d) = detail { <span class="detail">{ format!(": {d}") }</span> }
        </div>
    }
}
