//! The output console's text split by the thread that printed it, from
//! the event log's `Print` events (each names the stdout bytes a thread
//! wrote), so the page can colour each thread's lines.

use crate::trace::Event;

/// A run of stdout printed by one thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub thread: u32,
    pub text: String,
}

/// At most this many chunks; the rest of the output goes in the last one
/// (a program printing in a tight loop from many threads stays cheap to
/// show).
pub const MAX_CHUNKS: usize = 4000;

/// `stdout` in order, in chunks by printing thread (neighbours by the
/// same thread merged). Bytes no event covers belong to the main thread.
pub fn chunks(stdout: &str, events: &[Event]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut at = 0usize;
    let push = |out: &mut Vec<Chunk>, thread: u32, text: &str| {
        if text.is_empty() {
            return;
        }
        let full = out.len() >= MAX_CHUNKS;
        match out.last_mut() {
            Some(last) if last.thread == thread || full => last.text.push_str(text),
            _ => out.push(Chunk {
                thread,
                text: text.to_owned(),
            }),
        }
    };
    for e in events {
        let Event::Print {
            thread, start, end, ..
        } = e
        else {
            continue;
        };
        let (start, end) = (*start as usize, (*end as usize).min(stdout.len()));
        if start < at
            || start > end
            || !stdout.is_char_boundary(start)
            || !stdout.is_char_boundary(end)
        {
            continue;
        }
        push(&mut out, 0, &stdout[at..start]);
        push(&mut out, *thread, &stdout[start..end]);
        at = end;
    }
    push(&mut out, 0, &stdout[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{run_program, SimOptions};

    #[test]
    fn lines_go_to_the_threads_that_printed_them() {
        let src = "import threading\nimport time\n\
            def w(n):\n    time.sleep(0.01 * n)\n    print('from', threading.current_thread().name)\n\
            print('main first')\n\
            ts = [threading.Thread(target=w, args=(i,), name=f'w{i}') for i in (1, 2)]\n\
            for t in ts: t.start()\nfor t in ts: t.join()\nprint('main last')\n";
        let (out, sim) = run_program(src, &SimOptions::default());
        let sim = sim.unwrap();
        let got = chunks(&out.stdout, &sim.log.events);
        let names = sim.thread_names();
        let text: String = got.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(text, out.stdout);
        let by: Vec<(String, String)> = got
            .iter()
            .map(|c| (names[c.thread as usize].clone(), c.text.clone()))
            .collect();
        assert_eq!(
            by,
            [
                ("MainThread", "main first\n"),
                ("w1", "from w1\n"),
                ("w2", "from w2\n"),
                ("MainThread", "main last\n"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
    }
}
