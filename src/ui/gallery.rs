//! The presets gallery: the programs of [`super::presets`] by topic, as
//! buttons; picking one puts its program in the editor.

use yew::prelude::*;

use super::presets::{Preset, Topic, PRESETS};
use super::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub lang: Lang,
    /// The preset shown in the editor, if any.
    pub current: Option<&'static str>,
    pub on_pick: Callback<&'static Preset>,
}

#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let l = props.lang;
    html! {
        <section class="panel gallery" id="presets" aria-labelledby="presets-title">
            <h2 id="presets-title">{ l.t(Text::Presets) }</h2>
            { for Topic::ALL.iter().map(|&topic| html! {
                <div class="topic">
                    <h3>{ l.pick(topic.name()) }</h3>
                    <div class="preset-list">
                        { for PRESETS.iter().filter(|p| p.topic == topic).map(|p| {
                            let on_pick = props.on_pick.clone();
                            let pressed = props.current == Some(p.id);
                            html! {
                                <button class={classes!("preset", pressed.then_some("active"))}
                                        data-preset={p.id} aria-pressed={pressed.to_string()}
                                        title={l.pick(p.about)}
                                        onclick={move |_| on_pick.emit(p)}>
                                    { l.pick(p.title) }
                                </button>
                            }
                        }) }
                    </div>
                </div>
            }) }
        </section>
    }
}
