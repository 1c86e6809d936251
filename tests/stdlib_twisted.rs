//! The simulated Twisted: its reactor, Deferreds, DeferredList,
//! inlineCallbacks and LoopingCall print what Twisted 26.10.0 printed for
//! the same program, and its fetches (getPage, treq) are scheduled on the
//! reactor's virtual clock without blocking it, so ten pages take about
//! one page's time.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/crawl.rs"]
mod crawl;

use crawl::figure;
use interleave::run::{run, RunOptions};
use interleave::runtime::{run_program, SimOptions};
use interleave::trace::Event;

fn run_ok(program: &str) -> (String, String) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    (out.stdout, out.stderr)
}

/// Callback chains, errbacks, a Deferred returned from a callback,
/// Failure.check/trap/getErrorMessage, AlreadyCalledError,
/// DeferredList (consumeErrors, fireOnOneCallback), gatherResults,
/// inlineCallbacks with return and returnValue, task.deferLater,
/// LoopingCall, DelayedCall.cancel/active and callWhenRunning.
const BEHAVIOUR: &str = r#"from twisted.internet import defer, reactor, task
from twisted.python.failure import Failure

def cb1(r):
    print("cb1", r)
    return r + 1
def cb2(r):
    print("cb2", r)
    raise ValueError("bad " + str(r))
def eb1(f):
    print("eb1", f.getErrorMessage(), f.check(KeyError), f.check(ValueError).__name__)
    return "recovered"
d = defer.Deferred()
d.addCallback(cb1).addCallback(cb2).addErrback(eb1).addBoth(lambda r: print("both", r))
d.addCallbacks(lambda r: print("cbs ok", r), lambda f: print("cbs err"))
print("before fire")
d.callback(1)
try:
    d.callback(2)
except defer.AlreadyCalledError as e:
    print("already", type(e).__name__)
f = Failure(ZeroDivisionError("division by zero"))
print(repr(f), f.type.__name__, type(f.value).__name__)
def trapper(f):
    print("trap got", f.trap(ValueError, KeyError).__name__)
    return "trapped"
defer.fail(KeyError("k")).addErrback(trapper).addCallback(print)
def trapper2(f):
    f.trap(KeyError)
d2 = defer.fail(ValueError("x"))
d2.addErrback(trapper2)
d2.addErrback(lambda f: print("passed on", type(f.value).__name__, f.value))
inner = defer.Deferred()
d3 = defer.succeed(5)
d3.addCallback(lambda r: inner)
d3.addCallback(lambda r: print("after inner", r))
print("inner pending")
inner.callback(7)
print("inner result", inner.result)
dl = defer.DeferredList([defer.succeed(1), defer.fail(KeyError("k")), defer.succeed(3)], consumeErrors=True)
dl.addCallback(lambda res: print([(ok, v if ok else v.getErrorMessage()) for ok, v in res]))
first = defer.DeferredList([task.deferLater(reactor, 0.3, lambda: "slow"),
                            task.deferLater(reactor, 0.1, lambda: "fast")], fireOnOneCallback=True)
first.addCallback(lambda r: print("first", r))
defer.gatherResults([defer.succeed(1), defer.succeed(2)]).addCallback(print)
g = defer.gatherResults([defer.succeed(1), defer.fail(RuntimeError("boom"))], consumeErrors=True)
g.addErrback(lambda f: print("gather failed", type(f.value).__name__, f.value.subFailure.getErrorMessage(), f.value.index))

@defer.inlineCallbacks
def fetch(name, delay):
    print("start", name)
    a = yield task.deferLater(reactor, delay, lambda: name.upper())
    print("got", a)
    b = yield defer.succeed(a + "!")
    try:
        yield defer.fail(IndexError("nope"))
    except IndexError as e:
        print("caught", e)
    return b

@defer.inlineCallbacks
def main():
    x = yield fetch("a", 0.2)
    ys = yield defer.gatherResults([fetch("b", 0.2), fetch("c", 0.1)])
    defer.returnValue([x] + ys)

t0 = reactor.seconds()
def done(r):
    print("done", r, round(reactor.seconds() - t0, 1))
    reactor.callLater(0, print, "later 0")
    reactor.callLater(0.05, reactor.stop)
reactor.callWhenRunning(lambda: print("running", reactor.running))
dc = reactor.callLater(5, print, "never")
print(dc.active()); dc.cancel(); print(dc.active())
try:
    dc.cancel()
except Exception as e:
    print(type(e).__name__)
ticks = []
lc = task.LoopingCall(lambda: ticks.append(round(reactor.seconds() - t0, 1)))
lc.start(0.1)
reactor.callLater(0.35, lc.stop)
reactor.callLater(0.4, lambda: print("ticks", ticks))
reactor.callLater(0.5, lambda: main().addCallback(done))
print("running?", reactor.running)
reactor.run()
print("end", reactor.running)
"#;

/// `BEHAVIOUR`'s stdout under real Twisted 26.10.0 and CPython 3.11
/// (`pip install --target /tmp/twisted-ref twisted treq`, then
/// `PYTHONPATH=/tmp/twisted-ref python3 behaviour.py`).
const BEHAVIOUR_STDOUT: &str = r#"before fire
cb1 1
cb2 2
eb1 bad 2 None ValueError
both recovered
cbs ok None
already AlreadyCalledError
<twisted.python.failure.Failure builtins.ZeroDivisionError: division by zero> ZeroDivisionError ZeroDivisionError
trap got KeyError
trapped
passed on ValueError x
inner pending
after inner 7
inner result None
[(True, 1), (False, "'k'"), (True, 3)]
[1, 2]
gather failed FirstError boom 1
True
False
AlreadyCancelled
running? False
running True
first ('fast', 1)
ticks [0.0, 0.1, 0.2, 0.3]
start a
got A
caught nope
start b
start c
got C
caught nope
got B
caught nope
done ['A!', 'B!', 'C!'] 0.9
later 0
end False
"#;

#[test]
fn behaviour_matches_twisted_26() {
    let (stdout, stderr) = run_ok(BEHAVIOUR);
    assert_eq!(stdout, BEHAVIOUR_STDOUT);
    // Twisted 24.7 deprecated returnValue; it warns on stderr.
    assert!(
        stderr.contains("twisted.internet.defer.returnValue was deprecated in Twisted 24.7.0"),
        "{stderr}"
    );
}

/// Ten getPage fetches in flight at once on the reactor take about one
/// page's time; every request is a span sent by the reactor's thread;
/// treq waits for the headers, then for the body; an HTTP error status
/// fails the Deferred with twisted.web.error.Error.
#[test]
fn fetches_are_scheduled_on_the_reactor_clock() {
    let program = r#"import time
import treq
from twisted.internet import reactor, defer
from twisted.web.client import getPage
from twisted.web import error
t0 = time.perf_counter()
@defer.inlineCallbacks
def main():
    pages = yield defer.gatherResults([getPage(f"https://blog.example.com/page/{i}".encode()) for i in range(1, 11)])
    print("pages", len(pages), all(len(p) > 20000 for p in pages))
    print("getPage", time.perf_counter() - t0)
    t1 = time.perf_counter()
    resp = yield treq.get("https://blog.example.com/page/3")
    print("headers", resp.code, resp.headers.getRawHeaders("content-type"))
    body = yield treq.content(resp)
    print("treq", len(body) > 20000, body == pages[2])
    print("took", time.perf_counter() - t1)
    try:
        yield getPage(b"https://blog.example.com/status/404")
    except error.Error as e:
        print("error", type(e).__name__, e.status, e)
    reactor.stop()
reactor.callWhenRunning(main)
reactor.run()
"#;
    let (out, sim) = run_program(program, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("pages 10 True\n"), "{}", out.stdout);
    let concurrent = figure(&out.stdout, "getPage");
    assert!((0.55..0.8).contains(&concurrent), "{concurrent}");
    assert!(
        out.stdout
            .contains("headers 200 ['text/html; charset=utf-8']\ntreq True True\n"),
        "{}",
        out.stdout
    );
    let took = figure(&out.stdout, "took");
    assert!((0.5..0.8).contains(&took), "{took}");
    assert!(
        out.stdout.contains("error Error b'404' 404 Not Found\n"),
        "{}",
        out.stdout
    );
    let spans: Vec<(u64, u64, u32)> = sim
        .unwrap()
        .log
        .events
        .iter()
        .filter_map(|e| match e {
            Event::NetRequest {
                t, until, thread, ..
            } => Some((*t, *until, *thread)),
            _ => None,
        })
        .collect();
    assert_eq!(spans.len(), 12);
    assert!(
        spans.iter().all(|s| s.2 == 0),
        "all sent by the reactor's thread"
    );
    // The ten getPage requests were all in flight together.
    let last_sent = spans[..10].iter().map(|s| s.0).max().unwrap();
    let first_done = spans[..10].iter().map(|s| s.1).min().unwrap();
    assert!(last_sent < first_done, "{spans:?}");
}

/// A failed Deferred nobody handled is reported when the reactor stops
/// (Twisted reports it when the Deferred is collected); a handled one is
/// not.
#[test]
fn unhandled_failures_are_reported() {
    let (stdout, stderr) = run_ok(
        r#"from twisted.internet import defer, reactor
d = defer.Deferred()
d.addCallback(lambda r: 1 / r)
d.callback(0)
ok = defer.fail(KeyError("k"))
ok.addErrback(lambda f: print("handled", f.getErrorMessage()))
reactor.callLater(1, reactor.stop)
reactor.run()
print("end")
"#,
    );
    assert_eq!(stdout, "handled 'k'\nend\n");
    assert_eq!(
        stderr,
        "Unhandled error in Deferred:\n\nTraceback (most recent call last):\nbuiltins.ZeroDivisionError: division by zero\n"
    );
}

/// Real Twisted waits forever when nothing is scheduled and stop() was
/// never called; the simulation says so and stops. Stopping a stopped
/// reactor raises ReactorNotRunning; timers at the same instant run in
/// the order they were scheduled.
#[test]
fn reactor_edges() {
    let (stdout, stderr) = run_ok(
        r#"import time
from twisted.internet import reactor, error
for name in "abc":
    reactor.callLater(0.5, print, name)
t0 = time.perf_counter()
reactor.run()
print("idle after", time.perf_counter() - t0)
try:
    reactor.stop()
except error.ReactorNotRunning as e:
    print("ReactorNotRunning", e)
"#,
    );
    assert!(stdout.starts_with("a\nb\nc\nidle after 0.5"), "{stdout}");
    assert!(
        stdout.ends_with("ReactorNotRunning Can't stop reactor that isn't running.\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains("real Twisted would wait forever"),
        "{stderr}"
    );
}

/// task.react runs main(reactor, *argv) until its Deferred fires, then
/// exits: status 0, or 1 after logging the failure (Twisted 26.10.0
/// printed the same stdout and status, and its traceback ends with the
/// same line).
#[test]
fn react_runs_main_and_exits() {
    let out = run(
        r#"from twisted.internet import task, defer
@defer.inlineCallbacks
def main(reactor, name):
    print("hello", name)
    r = yield task.deferLater(reactor, 0.2, lambda: 42)
    print("got", r)
task.react(main, ["world"])
print("not reached")
"#,
        &RunOptions::default(),
    );
    assert_eq!(
        (out.exit_code, out.stdout.as_str()),
        (0, "hello world\ngot 42\n")
    );
    let out = run(
        r#"from twisted.internet import task
def main(reactor):
    return task.deferLater(reactor, 0.1, lambda: 1 / 0)
task.react(main)
"#,
        &RunOptions::default(),
    );
    assert_eq!(out.exit_code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("main function encountered error\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("builtins.ZeroDivisionError: division by zero\n"),
        "{}",
        out.stderr
    );
}

/// The reactor has an event loop's lane: idle while it waits for its
/// next timer, running its calls between.
#[test]
fn the_reactor_is_a_loop_lane() {
    use interleave::trace::lanes::{LaneKind, Model, Style, LOOP_DETAIL};
    let program = "from twisted.internet import reactor
def tick(n):
    print('tick', n)
    if n == 3:
        reactor.stop()
    else:
        reactor.callLater(0.5, tick, n + 1)
reactor.callLater(0.5, tick, 1)
reactor.run()
";
    let (out, sim) = run_program(program, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "tick 1\ntick 2\ntick 3\n");
    let sim = sim.unwrap();
    let model = Model::new(&sim.log.events, sim.now(), &sim.thread_names(), &[]);
    let reactor = model
        .groups
        .iter()
        .flat_map(|g| &g.lanes)
        .find(|l| matches!(l.kind, LaneKind::Task { .. }) && l.label == "reactor")
        .expect("the reactor's lane");
    assert!(reactor.spans.iter().all(|s| s.detail == LOOP_DETAIL));
    let idle: Vec<f64> = reactor
        .spans
        .iter()
        .filter(|s| s.style == Style::Awaiting)
        .map(|s| s.duration() as f64 / 1e9)
        .collect();
    assert_eq!(idle.len(), 3, "{:?}", reactor.spans);
    for secs in idle {
        assert!((0.499..0.501).contains(&secs), "idle {secs} s");
    }
}

/// A Deferred is a lane: awaiting from its creation until it fires, then
/// running its callbacks; a chained one waits for its inner Deferred.
#[test]
fn deferreds_are_lanes_awaiting_until_they_fire() {
    use interleave::trace::lanes::{LaneKind, Model, Style};
    let program = "from twisted.internet import reactor, defer
def later(x):
    inner = defer.Deferred()
    reactor.callLater(0.25, inner.callback, x * 2)
    return inner
d = defer.Deferred()
d.addCallback(later)
d.addCallback(lambda r: print('result', r))
d.addBoth(lambda _: reactor.stop())
reactor.callLater(1, d.callback, 21)
reactor.run()
";
    let (out, sim) = run_program(program, &SimOptions::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "result 42\n");
    let sim = sim.unwrap();
    let model = Model::new(&sim.log.events, sim.now(), &sim.thread_names(), &[]);
    let lane = |name: &str| {
        model
            .groups
            .iter()
            .flat_map(|g| &g.lanes)
            .find(|l| matches!(l.kind, LaneKind::Task { .. }) && l.label == name)
            .unwrap_or_else(|| panic!("a lane {name}"))
    };
    let secs = |s: &interleave::trace::lanes::Span| s.duration() as f64 / 1e9;
    // d: a tick where it was made, 1 s until it fires, a step (later),
    // 0.25 s paused on inner, a step (the rest of the chain).
    let d = lane("Deferred-1");
    assert!(d.spans[0].style == Style::Running && d.spans[0].duration() < 1_000);
    let d = interleave::trace::lanes::Lane {
        spans: d.spans[1..].to_vec(),
        ..d.clone()
    };
    let styles: Vec<Style> = d.spans.iter().map(|s| s.style).collect();
    assert_eq!(
        styles,
        [
            Style::Awaiting,
            Style::Running,
            Style::Awaiting,
            Style::Running
        ],
        "{:?}",
        d.spans
    );
    assert!(
        (0.99..1.01).contains(&secs(&d.spans[0])),
        "{:?}",
        d.spans[0]
    );
    assert!(
        (0.249..0.251).contains(&secs(&d.spans[2])),
        "{:?}",
        d.spans[2]
    );
    // inner: made inside d's first step, fired 0.25 s later.
    let inner = lane("Deferred-2");
    assert!((0.249..0.251).contains(&secs(&inner.spans[1])));
    assert!(inner.spans[0].start >= d.spans[1].start && inner.spans[1].end <= d.spans[2].end);
}

/// Coroutines over Deferreds: `await` on a Deferred (pending, already
/// fired, failed, a gatherResults) inside a coroutine that
/// defer.ensureDeferred or Deferred.fromCoroutine runs, mixed with
/// inlineCallbacks both ways, NotACoroutineError, a Deferred passed
/// through ensureDeferred; stdout as real Twisted 26.10.0 printed it
/// (`PYTHONPATH=/tmp/twisted-ref python3 prog.py`, see BEHAVIOUR_STDOUT).
const AWAIT: &str = r#"from twisted.internet import defer, reactor, task


def later(value, delay):
    return task.deferLater(reactor, delay, lambda: value)


def failing(delay):
    def boom():
        raise ValueError("page %s is missing" % delay)
    return task.deferLater(reactor, delay, boom)


async def fetch_all(names):
    results = []
    for i, name in enumerate(names):
        page = await later(name.upper(), 0.1 * (i + 1))
        print("got", page, "at %.1f" % (reactor.seconds() - T0[0]))
        results.append(page)
    try:
        await failing(0.2)
    except ValueError as e:
        print("caught", e)
    already = await defer.succeed("fired before the await")
    print(already)
    both = await defer.gatherResults([later(1, 0.3), later(2, 0.1)])
    print("gathered", both, "at %.1f" % (reactor.seconds() - T0[0]))
    return len(results)


@defer.inlineCallbacks
def old_style():
    n = yield defer.ensureDeferred(fetch_all(["a", "b"]))
    print("old style got", n)
    return n * 10


async def uses_old():
    v = await old_style()
    print("async got", v)
    return v


T0 = [0.0]


def main():
    T0[0] = reactor.seconds()
    d = defer.ensureDeferred(uses_old())
    print("ensureDeferred gives", type(d).__name__, d.called)
    d.addCallback(lambda v: print("final", v))

    async def bad():
        await later(None, 0.05)
        raise RuntimeError("async failure")

    d2 = defer.Deferred.fromCoroutine(bad())
    d2.addErrback(lambda f: print("errback:", f.getErrorMessage(), f.type.__name__))
    try:
        defer.ensureDeferred(42)
    except defer.NotACoroutineError as e:
        print("NotACoroutineError:", e)
    d3 = defer.ensureDeferred(defer.succeed(5))
    print("a Deferred passes through:", d3.result)
    reactor.callLater(3, reactor.stop)


reactor.callWhenRunning(main)
reactor.run()
print("done at %.1f" % (reactor.seconds() - T0[0]))

"#;

const AWAIT_STDOUT: &str = r#"ensureDeferred gives Deferred False
NotACoroutineError: 42 is not a coroutine or a Deferred
a Deferred passes through: 5
errback: async failure RuntimeError
got A at 0.1
got B at 0.3
caught page 0.2 is missing
fired before the await
gathered [1, 2] at 0.8
old style got 2
async got 20
final 20
done at 3.0
"#;

/// task.react with an `async def` main (real Twisted: the same stdout).
const REACT_ASYNC: &str = r#"from twisted.internet import task

async def react_main(r, greeting):
    await task.deferLater(r, 0.5, lambda: None)
    print(greeting, "from react at %.1f" % (r.seconds() - START))

START = __import__("twisted.internet.reactor", fromlist=["reactor"]).seconds()
task.react(react_main, ["hello"])
"#;

#[test]
fn coroutines_await_deferreds() {
    let (stdout, _) = run_ok(AWAIT);
    assert_eq!(stdout, AWAIT_STDOUT);
    let (stdout, _) = run_ok(REACT_ASYNC);
    assert_eq!(stdout, "hello from react at 0.5\n");
}
