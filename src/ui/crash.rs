//! When the engine panics. The wasm builds abort on panic (the target has
//! no unwinding, and the threaded build's std is built with
//! `panic_abort`), so `catch_unwind` cannot turn a panic into an error:
//! the engine returns errors for everything it can, and for a bug that
//! still panics this hook shows a panel with the message, written straight
//! into the DOM (the app's own state may be mid-update), and a reload
//! button. Each Run has already written the program and settings into the
//! URL fragment, so the reload brings them back.

use std::cell::RefCell;

thread_local! {
    static LAST_RUN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records the share fragment of the run being started.
pub fn remember_run(fragment: &str) {
    LAST_RUN.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            fragment.clone_into(&mut l);
        }
    });
}

/// Installs the panic hook (console message and the crash panel).
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!("interleave panicked: {info}");
        web_sys::console::error_1(&message.as_str().into());
        show_panel(&message);
    }));
}

fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("crash-panel").is_some() {
        return;
    }
    let zh = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l.starts_with("zh"));
    let (title, hint, reload) = if zh {
        (
            "模拟器内部出错",
            "这是 Interleave 的错误，而不是你的程序的错误。重新加载页面即可继续：你的程序和设置会保留。",
            "重新加载（保留程序）",
        )
    } else {
        (
            "The simulator hit an internal error",
            "This is a bug in Interleave, not in your program. Reload to go on: your program and settings are kept.",
            "Reload (keeps your program)",
        )
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("crash-panel");
    let _ = panel.set_attribute("class", "error-panel crash");
    let _ = panel.set_attribute("role", "alert");
    // Text only, through text nodes: the message may quote the program.
    let add = |tag: &str, text: &str| {
        if let Ok(e) = document.create_element(tag) {
            e.set_text_content(Some(text));
            let _ = panel.append_child(&e);
            Some(e)
        } else {
            None
        }
    };
    add("strong", title);
    add("pre", message);
    add("p", hint);
    if let Some(button) = add("button", reload) {
        let _ = button.set_attribute("onclick", "location.reload()");
    }
    // The fragment of the run that crashed, in case the page's URL lost it.
    LAST_RUN.with(|l| {
        if let Ok(l) = l.try_borrow() {
            if !l.is_empty() {
                if let Some(w) = web_sys::window() {
                    if let Ok(history) = w.history() {
                        let _ = history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&format!("#{l}")),
                        );
                    }
                }
            }
        }
    });
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
    }
}
