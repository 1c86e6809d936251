//! The simulated `socket` (client basics): name lookups, and a TCP socket
//! that speaks HTTP to a simulated host — connect costs the handshake,
//! the response arrives after the host's latency at the link's bandwidth,
//! a kept-alive connection reads to EOF only when the server closes it
//! (KEEPALIVE_TIMEOUT), timeouts raise `socket.timeout` at their virtual
//! time.
#![cfg(not(target_arch = "wasm32"))]

use interleave::run::{run, RunOptions};

fn run_default(program: &str) -> String {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.exit_code, 0, "stderr: {}", out.stderr);
    out.stdout
}

#[test]
fn a_raw_http_exchange() {
    let out = run_default(
        r#"import socket, time
print(socket.gethostbyname("localhost"), socket.gethostbyname("10.1.2.3"))
print(socket.gethostbyname("example.com") == socket.gethostbyname("example.com"))
try:
    socket.gethostbyname("nope.invalid")
except socket.gaierror as e:
    print("gaierror", e, isinstance(e, OSError))
t0 = time.perf_counter()
with socket.create_connection(("example.com", 80)) as s:
    connected = time.perf_counter() - t0
    s.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n")
    chunks = []
    while True:
        data = s.recv(1024)
        if not data:
            break
        chunks.append(data)
resp = b"".join(chunks)
head, _, body = resp.partition(b"\r\n\r\n")
print(head.split(b"\r\n")[0], b"Connection: close" in head, body)
print(0.04 < connected < 0.06, 0.55 < time.perf_counter() - t0 < 0.7)
print(s)
"#,
    );
    assert_eq!(
        out,
        "127.0.0.1 10.1.2.3\n\
         True\n\
         gaierror [Errno -2] Name or service not known True\n\
         b'HTTP/1.1 200 OK' True b'User-agent: *\\nDisallow: /private/\\nCrawl-delay: 1\\n'\n\
         True True\n\
         <socket.socket[closed] fd=-1, family=2, type=1, proto=0>\n"
    );
}

/// HTTP/1.1 without `Connection: close`: the body comes at once, the EOF
/// only when the server drops the idle connection 5 s later.
#[test]
fn keep_alive_reads_wait_for_the_server_to_close() {
    let out = run_default(
        r#"import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("example.com", 80))
s.sendall(b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")
t0 = time.perf_counter()
n, first = 0, None
while True:
    d = s.recv(4096)
    if not d:
        break
    n += len(d)
    if n > 20000 and first is None:
        first = time.perf_counter() - t0
print(n > 20000, first < 0.7, round(time.perf_counter() - t0 - first))
s.close()
"#,
    );
    assert_eq!(out, "True True 5\n");
}

#[test]
fn timeouts_and_what_is_not_simulated() {
    let out = run_default(
        r#"import socket, time
s = socket.socket()
s.settimeout(0.2)
s.connect(("slow.example.com", 80))
s.sendall(b"GET /delay/3 HTTP/1.0\r\n\r\n")
t0 = time.perf_counter()
try:
    s.recv(10)
except socket.timeout as e:
    print("timeout", e, round(time.perf_counter() - t0, 2), socket.timeout is TimeoutError)
s.setblocking(False)
try:
    s.recv(10)
except BlockingIOError as e:
    print("BlockingIOError")
for call in (lambda: socket.socket().bind(("", 8000)),
             lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM),
             lambda: socket.create_connection(("example.com", 80)).recv(10)):
    try:
        call()
    except NotImplementedError as e:
        print("NotImplementedError", str(e).split(":")[0])
"#,
    );
    assert_eq!(
        out,
        "timeout timed out 0.2 True\n\
         BlockingIOError\n\
         NotImplementedError socket\n\
         NotImplementedError socket\n\
         NotImplementedError socket.recv() waiting for data no request asked for is not simulated (send an HTTP request first)\n"
    );
}
