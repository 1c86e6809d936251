//! `_net`, the native side of the network modules (`requests`, `urllib`,
//! `aiohttp`, `socket`, `gevent`): it asks the run's
//! [`Network`](crate::runtime::net::Network) what a request returns and
//! how long each phase takes, and blocks a thread in simulated I/O
//! ([`Syscall::Io`]: the GIL is released, the thread's state is "I/O").
//! Deciding what to wait for (timeouts, streaming, connection reuse) is
//! the Python modules' business; an asyncio task never calls [`io`] — it
//! awaits a loop timer for the same duration. Each fetch leaves a
//! [`Note::Net`], which the runtime logs as a request span
//! (`Event::NetRequest`).
//!
//! Functions:
//! - `fetch(method, url, headers, body, new_connection)` →
//!   `(status, reason, headers, body, url, connect_ns, wait_ns,
//!   transfer_ns)`; status 0 when the host does not resolve (reason
//!   `NameResolutionError`, `connect_ns` the time to find out);
//! - `split_url(url)` → `(scheme, host, port, path, query)`, or raises
//!   `ValueError(kind, message)` with kind `MissingSchema`,
//!   `InvalidSchema` or `InvalidURL`;
//! - `io(ns, result=None)`: waits `ns` in I/O and returns `result`;
//! - `cpu(ns)`: spends `ns` of CPU holding the GIL, as the C parts of a
//!   client library do (sockets, TLS records, header parsing) — our
//!   Python versions of `requests` and `aiohttp` are much smaller than the
//!   real ones, so they charge the real ones' measured cost per request;
//! - `transfer_ns(nbytes)`, `base_latency(host)` (seconds),
//!   `connect_ns(host)` (what a new connection to it costs).

use crate::runtime::net::{NetSettings, Network, Request, Url, UrlError};
use crate::vm::builtins::Methods;
use crate::vm::call::Args;
use crate::vm::value::{Obj, ObjRef, Value};
use crate::vm::{Halt, Note, PyErr, PyResult, Syscall, Vm};

const FUNCTIONS: Methods = &[
    ("fetch", fetch),
    ("split_url", split_url),
    ("io", io),
    ("cpu", cpu),
    ("transfer_ns", transfer_ns),
    ("base_latency", base_latency),
    ("connect_ns", connect_ns),
];

/// Factory of `_net`: the module holds the run's network.
pub fn make(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    vm.module_functions(module, FUNCTIONS);
    let settings = NetSettings {
        latency_ms: vm.config.net_latency_ms.clone(),
    };
    let class = vm.new_native_class("Network", "_net", &[], None);
    let network = vm.new_native(&class, Network::new(vm.config.seed, settings));
    vm.module_set(module, "_network", network);
    Ok(())
}

fn with_network<R>(vm: &mut Vm, f: impl FnOnce(&mut Network) -> R) -> PyResult<R> {
    let module = vm.modules.get("_net").cloned();
    let network = match module {
        Some(m) => vm.get_attr_str(&m, "_network")?,
        None => return Err(vm.error("RuntimeError", "_net is not imported")),
    };
    match crate::vm::module::native_data(&network, f) {
        Some(r) => Ok(r),
        None => Err(vm.error("RuntimeError", "_net._network is not a network")),
    }
}

fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("{what} must be str, not {t}"))
        }
    }
}

fn int_value(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => {
            let t = vm.type_name(other);
            vm.type_error(format!("{what} must be int, not {t}"))
        }
    }
}

fn bytes_value(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::None => Ok(Vec::new()),
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => Ok(b.to_vec()),
            Obj::ByteArray(b) => Ok(b.borrow().clone()),
            Obj::Str(s) => Ok(s.s.as_bytes().to_vec()),
            _ => {
                let t = vm.type_name(v);
                vm.type_error(format!("a request body must be bytes, not {t}"))
            }
        },
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("a request body must be bytes, not {t}"))
        }
    }
}

fn bytes(b: Vec<u8>) -> Value {
    Value::obj(Obj::Bytes(b.into_boxed_slice()))
}

fn parse_url(vm: &mut Vm, text: &str) -> PyResult<Url> {
    Url::parse(text).map_err(|e| {
        let (kind, msg) = match e {
            UrlError::MissingSchema(m) => ("MissingSchema", m),
            UrlError::InvalidSchema(m) => ("InvalidSchema", m),
            UrlError::InvalidUrl(m) => ("InvalidURL", m),
        };
        let class = vm.types.exc("ValueError");
        PyErr::Exc(vm.new_exception(class, vec![Value::str(kind), Value::string(msg)]))
    })
}

fn split_url(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.split_url", args, 1, 1)?;
    let text = str_arg(vm, &args.pos[0], "url")?;
    let u = parse_url(vm, &text)?;
    Ok(Value::tuple(vec![
        Value::string(u.scheme),
        Value::string(u.host),
        Value::Int(i64::from(u.port)),
        Value::string(u.path),
        Value::string(u.query),
    ]))
}

fn header_pairs(vm: &mut Vm, v: &Value) -> PyResult<Vec<(String, String)>> {
    let items: Vec<Value> = match v.as_obj().map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ if v.is_none() => Vec::new(),
        _ => return vm.type_error("headers must be a list of (name, value) pairs"),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item.as_tuple() {
            Some([k, v]) => {
                let k = str_arg(vm, k, "a header name")?;
                let v = str_arg(vm, v, "a header value")?;
                out.push((k, v));
            }
            _ => return vm.type_error("headers must be a list of (name, value) pairs"),
        }
    }
    Ok(out)
}

fn fetch(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.fetch", args, 5, 5)?;
    let method = str_arg(vm, &args.pos[0], "method")?.to_ascii_uppercase();
    let text = str_arg(vm, &args.pos[1], "url")?;
    let url = parse_url(vm, &text)?;
    let headers = header_pairs(vm, &args.pos[2])?;
    let body = bytes_value(vm, &args.pos[3])?;
    let new_connection = vm.truthy(&args.pos[4])?;
    let request = Request {
        method,
        url,
        headers,
        body,
    };
    let url_text = request.url.to_text();
    let result = with_network(vm, |n| n.exchange(&request, new_connection))?;
    let (status, size, took) = match &result {
        Ok(e) => (
            e.status,
            e.body.len() as u64,
            e.connect_ns + e.wait_ns + e.transfer_ns,
        ),
        Err(ns) => (0, 0, *ns),
    };
    let at = vm.clock_ns;
    let path = match request.url.query.as_str() {
        "" => request.url.path.clone(),
        q => format!("{}?{q}", request.url.path),
    };
    vm.sched.notes.push(Note::Net {
        host: request.url.host.clone(),
        method: request.method.clone(),
        path,
        status,
        bytes: size,
        at,
        until: at + took,
    });
    Ok(match result {
        Ok(e) => Value::tuple(vec![
            Value::Int(i64::from(e.status)),
            Value::str(e.reason),
            Value::list(
                e.headers
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![Value::string(k), Value::string(v)]))
                    .collect(),
            ),
            bytes(e.body),
            Value::string(url_text),
            Value::Int(e.connect_ns as i64),
            Value::Int(e.wait_ns as i64),
            Value::Int(e.transfer_ns as i64),
        ]),
        Err(ns) => Value::tuple(vec![
            Value::Int(0),
            Value::str("NameResolutionError"),
            Value::list(vec![]),
            bytes(Vec::new()),
            Value::string(url_text),
            Value::Int(ns as i64),
            Value::Int(0),
            Value::Int(0),
        ]),
    })
}

/// Waits in I/O: the thread releases the GIL and blocks on virtual time.
fn io(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.io", args, 1, 2)?;
    let ns = int_value(vm, &args.pos[0], "ns")?.max(0) as u64;
    let result = args.pos.get(1).cloned().unwrap_or(Value::None);
    if vm.nested_runs > 0 {
        // Inside a callback from a builtin the thread cannot stop: the
        // time passes with the GIL held (as time.sleep does there).
        vm.clock_ns += ns;
        return Ok(result);
    }
    vm.sched.syscall = Some(Syscall::Io { ns, result });
    Err(PyErr::Halt(Halt::Syscall))
}

/// Spends CPU inside a builtin: the thread keeps the GIL and cannot be
/// preempted until it returns.
fn cpu(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.cpu", args, 1, 1)?;
    let ns = int_value(vm, &args.pos[0], "ns")?.max(0) as u64;
    vm.clock_ns += ns;
    Ok(Value::None)
}

fn transfer_ns(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.transfer_ns", args, 1, 1)?;
    let n = int_value(vm, &args.pos[0], "nbytes")?.max(0) as usize;
    Ok(Value::Int(Network::transfer_ns(n) as i64))
}

fn connect_ns(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.connect_ns", args, 1, 1)?;
    let host = str_arg(vm, &args.pos[0], "host")?;
    let ns = with_network(vm, |n| n.connect_ns(&host))?;
    Ok(Value::Int(ns as i64))
}

fn base_latency(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.check_args("_net.base_latency", args, 1, 1)?;
    let host = str_arg(vm, &args.pos[0], "host")?;
    let ns = with_network(vm, |n| n.base_ns(&host))?;
    Ok(Value::Float(ns as f64 / 1e9))
}
