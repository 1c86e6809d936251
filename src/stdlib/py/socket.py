"""socket, the client basics, on the simulated network: name lookups
(gethostbyname, getaddrinfo), and TCP client sockets (socket.socket,
create_connection) that connect to a simulated host and speak HTTP to it:
what is sent (sendall/send) is parsed as an HTTP request, the host
answers after its latency, and recv returns the raw response as it
arrives at the link's bandwidth. connect and recv block the thread in I/O
(GIL released); settimeout, setblocking(False) and context managers work.

A host closes an idle kept-alive connection after KEEPALIVE_TIMEOUT
seconds (an HTTP/1.1 request without `Connection: close` read to EOF waits
that long, as with a real server). Not simulated (they raise
NotImplementedError): servers (bind/listen/accept), UDP, and a recv that
waits for data no request asked for."""

import _net
import time as _time

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_KEEPALIVE = 9
IPPROTO_TCP = 6
IPPROTO_UDP = 17
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096

# Seconds after which a simulated server closes an idle connection.
KEEPALIVE_TIMEOUT = 5.0

error = OSError
timeout = TimeoutError


class _ErrnoError(OSError):
    """An OSError(errno, strerror) shown as `[Errno n] text`."""

    def __init__(self, *args):
        OSError.__init__(self, *args)
        if len(args) >= 2:
            self.errno, self.strerror = args[0], args[1]

    def __str__(self):
        if len(self.args) >= 2:
            return '[Errno %s] %s' % (self.args[0], self.args[1])
        return OSError.__str__(self)


class herror(_ErrnoError):
    pass


class gaierror(_ErrnoError):
    pass


_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = timeout


def gethostname():
    return 'interleave'


def gethostbyname(hostname):
    """The host's (made-up, stable) IPv4 address, in TEST-NET-2."""
    host = hostname.lower()
    if host in ('localhost', 'localhost.localdomain'):
        return '127.0.0.1'
    parts = host.split('.')
    if len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts):
        return host
    if host.endswith('.invalid') or host == 'invalid' or not host:
        raise gaierror(-2, 'Name or service not known')
    h = 0
    for ch in host.encode('utf-8'):
        h = (h * 31 + ch) % 65521
    return '198.51.%d.%d' % (100 + h % 100, 1 + h // 100 % 254)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    ip = gethostbyname(host)
    kinds = [type] if type else [SOCK_STREAM, SOCK_DGRAM, SOCK_RAW]
    protos = {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP, SOCK_RAW: 0}
    return [(AF_INET, k, protos[k], '', (ip, port)) for k in kinds]


_next_fd = [3]


class socket:
    """A TCP client socket to a simulated host."""

    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None):
        if type != SOCK_STREAM:
            raise NotImplementedError(
                'socket: only TCP (SOCK_STREAM) client sockets are simulated')
        self.family = family
        self.type = type
        self.proto = proto
        self._timeout = _default_timeout
        self._closed = False
        self._host = None
        self._peer = None
        self._sent = b''
        self._inbox = b''         # the response bytes, in order
        self._read = 0            # how many of them recv returned
        self._ready_ns = None     # when the response's first byte arrives
        self._base = 0            # the inbox offset _ready_ns is for
        self._eof_ns = None       # when the server closes the connection
        _next_fd[0] += 1
        self._fd = _next_fd[0]

    def __repr__(self):
        state = '[closed]' if self._closed else ''
        return ('<socket.socket%s fd=%d, family=%d, type=%d, proto=%d>'
                % (state, -1 if self._closed else self._fd, self.family,
                   self.type, self.proto))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        return -1 if self._closed else self._fd

    def settimeout(self, value):
        if value is not None and value < 0:
            raise ValueError('Timeout value out of range')
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def setsockopt(self, *args):
        pass

    def getsockopt(self, *args):
        return 0

    def _check(self):
        if self._closed:
            raise OSError(9, 'Bad file descriptor')

    def connect(self, address):
        self._check()
        host, port = address
        ip = gethostbyname(host)
        connect_ns = _net.connect_ns(host)
        if self._timeout is not None and connect_ns > self._timeout * 1e9:
            _net.io(int(self._timeout * 1e9))
            raise TimeoutError('timed out')
        _net.io(connect_ns)
        self._host = host
        self._peer = (ip, port)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as e:
            return e.errno or 1
        return 0

    def getpeername(self):
        if self._peer is None:
            raise OSError(107, 'Transport endpoint is not connected')
        return self._peer

    def getsockname(self):
        return ('10.0.2.15', 40000 + self._fd)

    def bind(self, address):
        raise NotImplementedError('socket: servers (bind/listen/accept) are not simulated')

    listen = bind
    accept = bind

    def send(self, data):
        self.sendall(data)
        return len(data)

    def sendall(self, data):
        self._check()
        if self._peer is None:
            raise BrokenPipeError(32, 'Broken pipe')
        self._sent += bytes(data)
        self._serve()

    def _serve(self):
        """Answers every complete HTTP request sent so far."""
        while True:
            head, sep, rest = self._sent.partition(b'\r\n\r\n')
            if not sep:
                return
            lines = head.decode('latin-1').split('\r\n')
            request_line = lines[0].split()
            headers = []
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(':')
                headers.append((name.strip(), value.strip()))
                if name.strip().lower() == 'content-length':
                    length = int(value.strip() or 0)
            if len(rest) < length:
                return
            body, self._sent = rest[:length], rest[length:]
            if len(request_line) < 2:
                reply = b'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
                self._respond(reply, 0, True)
                continue
            method, target = request_line[0], request_line[1]
            host = self._host
            for name, value in headers:
                if name.lower() == 'host':
                    host = value
            scheme = 'https' if self._peer[1] == 443 else 'http'
            url = target if '://' in target else '%s://%s%s' % (scheme, host, target)
            close = any(n.lower() == 'connection' and v.lower() == 'close'
                        for n, v in headers) or request_line[-1] == 'HTTP/1.0'
            (status, reason, rheaders, rbody, _, _, wait_ns, _) = _net.fetch(
                method, url, headers, body, False)
            out = ['HTTP/1.1 %d %s' % (status, reason)]
            for name, value in rheaders:
                if name.lower() == 'connection':
                    value = 'close' if close else 'keep-alive'
                out.append('%s: %s' % (name, value))
            reply = ('\r\n'.join(out) + '\r\n\r\n').encode('latin-1') + rbody
            self._respond(reply, wait_ns, close)

    def _respond(self, reply, wait_ns, close):
        now = _time.monotonic_ns()
        if self._ready_ns is None or self._read >= len(self._inbox):
            self._ready_ns = now + wait_ns
            self._base = len(self._inbox)
        # (A pipelined answer follows the previous one on the wire.)
        self._inbox += reply
        end = self._ready_ns + _net.transfer_ns(len(self._inbox) - self._base)
        self._eof_ns = end if close else end + int(KEEPALIVE_TIMEOUT * 1e9)

    def recv(self, bufsize, flags=0):
        self._check()
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        if self._peer is None:
            raise OSError(107, 'Transport endpoint is not connected')
        if self._ready_ns is None:
            raise NotImplementedError(
                'socket.recv() waiting for data no request asked for is not '
                'simulated (send an HTTP request first)')
        now = _time.monotonic_ns()
        if self._read < len(self._inbox):
            # The next bufsize bytes, once they have arrived.
            upto = min(len(self._inbox), self._read + bufsize)
            ready = self._ready_ns + _net.transfer_ns(upto - self._base)
            if ready > now:
                self._wait(ready - now)
            data = self._inbox[self._read:upto]
            self._read = upto
            return data
        if self._eof_ns is not None and self._eof_ns > now:
            self._wait(self._eof_ns - now)
        return b''

    def _wait(self, ns):
        if self._timeout is not None and ns > self._timeout * 1e9:
            if self._timeout == 0:
                raise BlockingIOError(11, 'Resource temporarily unavailable')
            _net.io(int(self._timeout * 1e9))
            raise TimeoutError('timed out')
        _net.io(ns)

    def shutdown(self, how):
        self._check()

    def close(self):
        self._closed = True

    def detach(self):
        self._closed = True
        return self._fd


SocketType = socket


def create_connection(address, timeout=None, source_address=None, *,
                      all_errors=False):
    """Connects a TCP socket to (host, port)."""
    s = socket(AF_INET, SOCK_STREAM)
    if timeout is not None:
        s.settimeout(timeout)
    s.connect(address)
    return s
