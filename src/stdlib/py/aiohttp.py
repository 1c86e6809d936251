"""aiohttp on the simulated network (see runtime::net): ClientSession (an
async context manager; get/post/put/patch/delete/head/options/request),
requests as `async with session.get(url) as resp` or `await`, the
response's status/reason/headers/url/ok, `await resp.text()/read()/json()`,
raise_for_status(), resp.content (read, readline, iter_chunked, iter_any),
TCPConnector(limit=100, limit_per_host=0) and ClientTimeout, the client
exceptions with aiohttp 3.9's hierarchy, and aiohttp.request().

A request never blocks the event loop: the task waits for each phase of
the exchange (handshake on a new connection, the server's latency, the
body at the link's bandwidth) on a loop timer, and the loop, with nothing
ready, waits in I/O. The connector caps requests in flight (overall and
per host) and keeps connections alive for the next request to the host.
Not simulated (NotImplementedError): cookies, auth, proxies, websockets,
file uploads."""

import asyncio as _asyncio
import _net
from collections import deque as _deque
from json import loads as _json_loads, dumps as _json_dumps

__version__ = '3.9.5'

_USER_AGENT = 'Python/3.11 aiohttp/' + __version__
# CPU the real library spends per request on the loop's thread, beyond
# what this smaller version costs: aiohttp 3.9.5 on CPython 3.11.7 took
# 0.27 ms of thread CPU time per GET of a 26 KB page from a local server
# with 30 requests in flight (0.8 ms one at a time, where the loop's own
# overhead is not shared). Half is charged sending, half on the response.
_CPU_NS = 300_000


# -- exceptions ------------------------------------------------------------

class ClientError(Exception):
    """Base class for client connection errors."""


class ClientResponseError(ClientError):
    """Base class for exceptions that occur after getting a response."""

    def __init__(self, request_info, history, *, code=None, status=None,
                 message='', headers=None):
        self.request_info = request_info
        self.status = status if status is not None else (code or 0)
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(
            self.status, self.message, self.request_info.real_url)

    def __repr__(self):
        args = f'{self.request_info!r}, {self.history!r}'
        if self.status != 0:
            args += f', status={self.status!r}'
        if self.message != '':
            args += f', message={self.message!r}'
        if self.headers is not None:
            args += f', headers={self.headers!r}'
        return f'{type(self).__name__}({args})'


class ContentTypeError(ClientResponseError):
    """ContentType found is not valid."""


class TooManyRedirects(ClientResponseError):
    """Client was redirected too many times."""


class ClientConnectionError(ClientError):
    """Base class for client socket errors."""


class ClientOSError(ClientConnectionError, OSError):
    """OSError error."""


class ClientConnectorError(ClientOSError):
    """Client connector error."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        OSError.__init__(self, os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return 'Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]'.format(
            self, 'default' if self.ssl is True else self.ssl,
            self._os_error.args[-1])


class ServerConnectionError(ClientConnectionError):
    """Server connection errors."""


class ServerDisconnectedError(ServerConnectionError):
    """Server disconnected."""


class ServerTimeoutError(ServerConnectionError, _asyncio.TimeoutError):
    """Server timeout error."""


class ClientPayloadError(ClientError):
    """Response payload error."""


class InvalidURL(ClientError, ValueError):
    """Invalid URL."""

    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.url}>'


# -- small structures ------------------------------------------------------

class URL:
    """The part of yarl.URL a crawler uses."""

    def __init__(self, text):
        self._text = text
        scheme, host, port, path, query = _net.split_url(text)
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query_string = query

    def __str__(self):
        return self._text

    def __repr__(self):
        return f"URL('{self._text}')"

    def human_repr(self):
        return self._text

    def __eq__(self, other):
        return isinstance(other, URL) and other._text == self._text

    def __hash__(self):
        return hash(self._text)


class CIMultiDictProxy:
    """Read-only headers: keys compare without case and may repeat."""

    def __init__(self, items):
        self._items = list(items)

    def __getitem__(self, key):
        k = key.lower()
        for name, value in self._items:
            if name.lower() == k:
                return value
        raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def getall(self, key, *default):
        k = key.lower()
        found = [v for n, v in self._items if n.lower() == k]
        if not found:
            if default:
                return default[0]
            raise KeyError(key)
        return found

    def getone(self, key, *default):
        try:
            return self[key]
        except KeyError:
            if default:
                return default[0]
            raise

    def __contains__(self, key):
        k = key.lower()
        return any(n.lower() == k for n, v in self._items)

    def __iter__(self):
        return iter([n for n, v in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [n for n, v in self._items]

    def values(self):
        return [v for n, v in self._items]

    def items(self):
        return list(self._items)

    def __repr__(self):
        body = ', '.join(f'{n!r}: {v!r}' for n, v in self._items)
        return f'<{type(self).__name__}({body})>'


class RequestInfo:
    def __init__(self, url, method, headers, real_url):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = real_url

    def __repr__(self):
        return (f'RequestInfo(url={self.url!r}, method={self.method!r}, '
                f'headers={self.headers!r}, real_url={self.real_url!r})')


class _ConnectionKey:
    def __init__(self, host, port, ssl):
        self.host = host
        self.port = port
        self.ssl = ssl


class ClientTimeout:
    """Timeouts of a session or a request, in seconds (None: no limit)."""

    def __init__(self, total=None, connect=None, sock_read=None,
                 sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f'ClientTimeout(total={self.total}, connect={self.connect}, '
                f'sock_read={self.sock_read}, sock_connect={self.sock_connect}, '
                f'ceil_threshold={self.ceil_threshold})')


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)
_SENTINEL = object()


async def _io(ns):
    """Waits `ns` of virtual time for the network on a loop timer (the
    loop, idle meanwhile, waits in I/O)."""
    loop = _asyncio.get_running_loop()
    loop._net_inflight += 1
    try:
        await _asyncio.sleep(ns / 1e9)
    finally:
        loop._net_inflight -= 1


# -- the connector ---------------------------------------------------------

class TCPConnector:
    """Connections to hosts: at most `limit` in use at once (0: no limit),
    at most `limit_per_host` to one host (0: no limit); released ones are
    kept alive for the next request to their host."""

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False,
                 ssl=True, ttl_dns_cache=10, use_dns_cache=True,
                 enable_cleanup_closed=False, keepalive_timeout=_SENTINEL,
                 family=0, local_addr=None, resolver=None, verify_ssl=True,
                 loop=None):
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._force_close = force_close
        self._acquired = 0
        self._acquired_per_host = {}
        self._idle = {}
        self._waiters = _deque()
        self._closed = False

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def closed(self):
        return self._closed

    def _available(self, key):
        if self._limit and self._acquired >= self._limit:
            return False
        if (self._limit_per_host
                and self._acquired_per_host.get(key, 0) >= self._limit_per_host):
            return False
        return True

    async def _acquire(self, key):
        """Waits for a free slot; True when the connection is new."""
        if not self._available(key) or self._waiters:
            loop = _asyncio.get_running_loop()
            fut = loop.create_future()
            self._waiters.append((key, fut))
            try:
                await fut
            except BaseException:
                if (key, fut) in self._waiters:
                    self._waiters.remove((key, fut))
                elif fut.done() and not fut.cancelled():
                    self._wake()
                raise
        self._acquired += 1
        self._acquired_per_host[key] = self._acquired_per_host.get(key, 0) + 1
        idle = self._idle.get(key, 0)
        if idle and not self._force_close:
            self._idle[key] = idle - 1
            return False
        return True

    def _release(self, key, keep_alive):
        self._acquired -= 1
        n = self._acquired_per_host.get(key, 1) - 1
        if n:
            self._acquired_per_host[key] = n
        else:
            self._acquired_per_host.pop(key, None)
        if keep_alive and not self._force_close and not self._closed:
            self._idle[key] = self._idle.get(key, 0) + 1
        self._wake()

    def _wake(self):
        # Wakes the first waiter that may go (as aiohttp's connector does,
        # per host).
        for i in range(len(self._waiters)):
            key, fut = self._waiters[i]
            if fut.done():
                continue
            if self._available(key):
                del self._waiters[i]
                fut.set_result(None)
                return

    async def close(self):
        self._closed = True
        self._idle.clear()


# -- responses -------------------------------------------------------------

class StreamReader:
    """resp.content: the body as it arrives."""

    def __init__(self, response):
        self._response = response
        self._pos = 0

    async def _upto(self, n):
        resp = self._response
        await resp._arrive(n)
        return resp._raw

    async def read(self, n=-1):
        raw = self._response._raw
        end = len(raw) if n is None or n < 0 else min(len(raw), self._pos + n)
        await self._response._arrive(end)
        chunk = raw[self._pos:end]
        self._pos = end
        if self._pos >= len(raw):
            self._response._body_done()
        return chunk

    async def readany(self):
        return await self.read(16384)

    async def readline(self):
        raw = self._response._raw
        i = raw.find(b'\n', self._pos)
        end = len(raw) if i < 0 else i + 1
        return await self.read(end - self._pos)

    def at_eof(self):
        return self._pos >= len(self._response._raw)

    def iter_chunked(self, n):
        return _ChunkIterator(self, n)

    def iter_any(self):
        return _ChunkIterator(self, 16384)

    def __aiter__(self):
        return _LineIterator(self)


class _ChunkIterator:
    def __init__(self, reader, n):
        self._reader = reader
        self._n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._reader.at_eof():
            self._reader._response._body_done()
            raise StopAsyncIteration
        return await self._reader.read(self._n)


class _LineIterator:
    def __init__(self, reader):
        self._reader = reader

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._reader.at_eof():
            raise StopAsyncIteration
        return await self._reader.readline()


class ClientResponse:
    """A response: its status line and headers are here; the body comes
    with read()/text()/json() (or resp.content)."""

    def __init__(self, method, url, status, reason, headers, raw,
                 request_info, connector, key, started):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = status
        self.reason = reason
        self.headers = CIMultiDictProxy(headers)
        self.request_info = request_info
        self.history = ()
        self.version = (1, 1)
        self._raw = raw
        self._body = None
        self._received = 0
        self._started = started
        self._connector = connector
        self._key = key
        self._released = False
        self.content = StreamReader(self)

    def __repr__(self):
        return (f'<ClientResponse({self.url}) [{self.status} {self.reason}]>\n'
                f'{self.headers!r}\n')

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        ctype = self.headers.get('Content-Type', 'application/octet-stream')
        return ctype.split(';')[0].strip().lower()

    @property
    def charset(self):
        ctype = self.headers.get('Content-Type', '')
        for part in ctype.split(';')[1:]:
            part = part.strip()
            if part.lower().startswith('charset='):
                return part[8:].strip('"\'')
        return None

    @property
    def content_length(self):
        v = self.headers.get('Content-Length')
        return int(v) if v is not None else None

    def get_encoding(self):
        charset = self.charset
        if charset:
            return charset
        if self.content_type == 'application/json':
            return 'utf-8'
        return 'utf-8'

    async def _arrive(self, n):
        """Waits until the body's first `n` bytes are here."""
        n = min(n, len(self._raw))
        if n <= self._received:
            return
        loop = _asyncio.get_running_loop()
        ready = self._started + _net.transfer_ns(n) / 1e9
        wait = ready - loop.time()
        if wait > 0:
            await _io(int(wait * 1e9))
        self._received = n

    def _body_done(self):
        if not self._released:
            self._released = True
            self._connector._release(self._key, True)

    async def read(self):
        if self._body is None:
            if self._released and self._received < len(self._raw):
                raise ClientConnectionError('Connection closed')
            await self._arrive(len(self._raw))
            self._body = self._raw
            self._body_done()
        return self._body

    async def text(self, encoding=None, errors='strict'):
        body = await self.read()
        return body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=_json_loads,
                   content_type='application/json'):
        body = await self.read()
        if content_type:
            ctype = self.content_type
            if content_type not in ctype:
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message=('Attempt to decode JSON with unexpected '
                             'mimetype: %s' % ctype),
                    headers=self.headers)
        stripped = body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    def raise_for_status(self):
        if not self.ok:
            self.release()
            raise ClientResponseError(
                self.request_info, self.history, status=self.status,
                message=self.reason, headers=self.headers)

    def release(self):
        if not self._released:
            self._released = True
            # A body not read to the end closes the connection.
            whole = self._received >= len(self._raw)
            self._connector._release(self._key, whole)

    def close(self):
        self.release()

    @property
    def closed(self):
        return self._released

    async def wait_for_close(self):
        self.release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _RequestContextManager:
    """What session.get() returns: awaitable, or an async context manager
    that releases the response at the end of the block."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        # Drives the request coroutine (a coroutine has no __await__ here).
        coro = self._coro
        value, error = None, None
        while True:
            try:
                if error is not None:
                    step, error = coro.throw(error), None
                else:
                    step = coro.send(value)
            except StopIteration as stop:
                return stop.value
            try:
                value = yield step
            except BaseException as e:
                error = e

    def send(self, value):
        return self._coro.send(value)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


# -- the session -----------------------------------------------------------

def _quote(s):
    always = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'
    out = []
    for b in str(s).encode('utf-8'):
        c = chr(b)
        if c in always:
            out.append(c)
        elif c == ' ':
            out.append('+')
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def _query(params):
    if isinstance(params, str):
        return params
    items = params.items() if hasattr(params, 'items') else params
    out = []
    for k, v in items:
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise TypeError(
                "Invalid variable type: value should be str, int or float, "
                f"got {v!r} of type {type(v)}")
        out.append(_quote(k) + '=' + _quote(v))
    return '&'.join(out)


class ClientSession:
    """A client session: default headers, a connector (its pool of
    connections), timeouts. Use it as `async with ClientSession() as s:`."""

    def __init__(self, base_url=None, *, connector=None, loop=None,
                 cookies=None, headers=None, skip_auto_headers=None,
                 auth=None, json_serialize=_json_dumps, version=(1, 1),
                 cookie_jar=None, connector_owner=True,
                 raise_for_status=False, timeout=_SENTINEL,
                 auto_decompress=True, trust_env=False, requote_redirect_url=True,
                 trace_configs=None, read_bufsize=2 ** 16, max_line_size=8190,
                 max_field_size=8190, fallback_charset_resolver=None,
                 read_timeout=None, conn_timeout=None):
        if cookies or auth:
            raise NotImplementedError('aiohttp: cookies and auth are not simulated')
        self._base_url = base_url.rstrip('/') if base_url else None
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = dict(headers or {})
        self._raise_for_status = raise_for_status
        self._timeout = DEFAULT_TIMEOUT if timeout is _SENTINEL else timeout
        self._json_serialize = json_serialize
        self._closed = False

    def __repr__(self):
        return '<aiohttp.client.ClientSession object>'

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    def __enter__(self):
        raise TypeError('Use async with instead')

    def __exit__(self, *args):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return self.request('GET', url, allow_redirects=allow_redirects, **kwargs)

    def options(self, url, *, allow_redirects=True, **kwargs):
        return self.request('OPTIONS', url, allow_redirects=allow_redirects, **kwargs)

    def head(self, url, *, allow_redirects=False, **kwargs):
        return self.request('HEAD', url, allow_redirects=allow_redirects, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request('POST', url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, *, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    async def _request(self, method, str_or_url, *, params=None, data=None,
                       json=None, cookies=None, headers=None, auth=None,
                       allow_redirects=True, max_redirects=10, compress=None,
                       chunked=None, expect100=False, raise_for_status=None,
                       read_until_eof=True, proxy=None, proxy_auth=None,
                       timeout=_SENTINEL, ssl=True, verify_ssl=None,
                       server_hostname=None, proxy_headers=None,
                       trace_request_ctx=None, read_bufsize=None,
                       auto_decompress=None, max_line_size=None,
                       max_field_size=None):
        if self._closed:
            raise RuntimeError('Session is closed')
        if cookies or auth or proxy:
            raise NotImplementedError(
                'aiohttp: cookies, auth and proxies are not simulated')
        if data is not None and json is not None:
            raise ValueError(
                'data and json parameters can not be used at the same time')
        loop = _asyncio.get_running_loop()
        method = method.upper()
        url = str(str_or_url)
        if self._base_url and url.startswith('/'):
            url = self._base_url + url
        try:
            scheme, host, port, path, query = _net.split_url(url)
        except ValueError:
            raise InvalidURL(url) from None
        if params:
            extra = _query(params)
            if extra:
                url += ('&' if '?' in url else '?') + extra
        hdrs = {'Host': host, 'Accept': '*/*',
                'Accept-Encoding': 'gzip, deflate',
                'User-Agent': _USER_AGENT}
        hdrs.update(self._default_headers)
        if headers:
            hdrs.update(headers)
        body = None
        if json is not None:
            body = self._json_serialize(json).encode('utf-8')
            hdrs.setdefault('Content-Type', 'application/json')
        elif data is not None:
            if isinstance(data, str):
                body = data.encode('utf-8')
                hdrs.setdefault('Content-Type', 'text/plain; charset=utf-8')
            elif isinstance(data, (bytes, bytearray)):
                body = bytes(data)
                hdrs.setdefault('Content-Type', 'application/octet-stream')
            else:
                body = _query(data).encode('utf-8')
                hdrs.setdefault('Content-Type',
                                'application/x-www-form-urlencoded')
        if body is not None:
            hdrs['Content-Length'] = str(len(body))
        tmo = self._timeout if timeout is _SENTINEL else timeout
        if tmo is None:
            tmo = ClientTimeout()
        elif isinstance(tmo, (int, float)):
            tmo = ClientTimeout(total=tmo)
        started = loop.time()
        request_info = RequestInfo(URL(url), method, CIMultiDictProxy(hdrs.items()),
                                   URL(url))
        key = (scheme, host, port)
        connector = self._connector
        connection_key = _ConnectionKey(host, port, True if scheme == 'https' else False)

        def over_total(extra_ns):
            return (tmo.total is not None
                    and loop.time() - started + extra_ns / 1e9 > tmo.total)

        async def give_up(extra_ns, error):
            if tmo.total is None:
                await _io(extra_ns)
                raise error
            left = tmo.total - (loop.time() - started)
            if extra_ns / 1e9 < left:
                await _io(extra_ns)
            else:
                await _io(max(0, int(left * 1e9)))
            raise error

        new = await connector._acquire(key)
        try:
            _net.cpu(_CPU_NS // 2)
            (status, reason, rheaders, raw, final_url,
             connect_ns, wait_ns, transfer_ns) = _net.fetch(
                method, url, list(hdrs.items()), body, new)
            if status == 0:
                err = OSError(-2, 'Name or service not known')
                await _io(connect_ns)
                raise ClientConnectorError(connection_key, err)
            limit = tmo.sock_connect if tmo.sock_connect is not None else tmo.connect
            if connect_ns and limit is not None and connect_ns > limit * 1e9:
                await give_up(int(limit * 1e9), ServerTimeoutError(
                    f'Connection timeout to host {url}'))
            if over_total(connect_ns + wait_ns):
                await give_up(connect_ns + wait_ns, _asyncio.TimeoutError())
            if tmo.sock_read is not None and wait_ns > tmo.sock_read * 1e9:
                await give_up(connect_ns + int(tmo.sock_read * 1e9),
                              ServerTimeoutError('Timeout on reading data from socket'))
            await _io(connect_ns + wait_ns)
            _net.cpu(_CPU_NS // 2)
        except BaseException:
            connector._release(key, False)
            raise
        resp = ClientResponse(method, URL(final_url), status, reason, rheaders,
                              raw, request_info, connector, key, loop.time())
        if not raw:
            resp._body = raw
            resp._body_done()
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            resp.raise_for_status()
        return resp


class _SessionRequestContextManager:
    def __init__(self, coro, session):
        self._coro = coro
        self._session = session
        self._resp = None

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


def request(method, url, *, params=None, data=None, json=None, headers=None,
            timeout=_SENTINEL, connector=None, raise_for_status=False,
            **kwargs):
    """`async with aiohttp.request('GET', url) as resp:` — a one-off
    session for one request."""
    session = ClientSession(connector=connector, timeout=timeout,
                            raise_for_status=raise_for_status)
    return _SessionRequestContextManager(
        session._request(method, url, params=params, data=data, json=json,
                         headers=headers, **kwargs), session)
