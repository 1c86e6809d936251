"""requests on the simulated network (see runtime::net): get/post/put/
patch/delete/head/options/request, Session (default headers, params,
kept-alive connections per host), Response (status_code, reason, headers,
url, text, content, json(), ok, raise_for_status(), iter_content(),
iter_lines(), elapsed), timeouts (connect, read) raising ConnectTimeout /
ReadTimeout, stream=True.

A request blocks the calling thread in I/O for the exchange's virtual
duration (the GIL is released meanwhile, as in a real recv()): a new
connection costs a handshake, a kept-alive one does not; the body arrives
at the link's bandwidth. Not simulated (they raise NotImplementedError):
files=, auth=, proxies=, cert=, cookies=."""

import _net
import time as _time
from json import loads as _json_loads, dumps as _json_dumps, \
    JSONDecodeError as _JSONDecodeError
from requests.exceptions import (
    RequestException, HTTPError, ConnectionError, Timeout, ConnectTimeout,
    ReadTimeout, MissingSchema, InvalidSchema, InvalidURL, JSONDecodeError,
    StreamConsumedError, TooManyRedirects, URLRequired,
)

__version__ = '2.31.0'
__path__ = []

DEFAULT_POOLSIZE = 10
# CPU the real library spends per request, holding the GIL, beyond what
# this smaller version costs: requests 2.34.2 on CPython 3.11.7 took
# 0.8-1.2 ms of thread CPU time per GET of a 26 KB page from a local
# server (time.thread_time over 300 requests). Half is charged building
# and sending the request, half parsing and decoding the response.
_CPU_NS = 1_000_000
ITER_CHUNK_SIZE = 512
# What the kernel hands a recv() at most: the body arrives in blocks.
_RECV_BLOCK = 16384


class CaseInsensitiveDict:
    """A dict whose keys compare without case, keeping the case last set."""

    def __init__(self, data=None, **kwargs):
        self._store = {}
        if data is None:
            data = {}
        self.update(data, **kwargs)

    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __iter__(self):
        return (casedkey for casedkey, mappedvalue in self._store.values())

    def __len__(self):
        return len(self._store)

    def __contains__(self, key):
        return key.lower() in self._store

    def get(self, key, default=None):
        entry = self._store.get(key.lower())
        return default if entry is None else entry[1]

    def keys(self):
        return [k for k, v in self._store.values()]

    def values(self):
        return [v for k, v in self._store.values()]

    def items(self):
        return list(self._store.values())

    def update(self, data=(), **kwargs):
        if hasattr(data, 'items'):
            data = data.items()
        for k, v in data:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        entry = self._store.pop(key.lower(), None)
        if entry is None:
            if default:
                return default[0]
            raise KeyError(key)
        return entry[1]

    def lower_items(self):
        return [(k, v[1]) for k, v in self._store.items()]

    def __eq__(self, other):
        if hasattr(other, 'items') and not isinstance(other, CaseInsensitiveDict):
            other = CaseInsensitiveDict(other)
        elif not isinstance(other, CaseInsensitiveDict):
            return NotImplemented
        return dict(self.lower_items()) == dict(other.lower_items())

    def copy(self):
        return CaseInsensitiveDict(self._store.values())

    def __repr__(self):
        return str(dict(self.items()))


class _Codes:
    """requests.codes: status codes by name (codes.ok == 200)."""

    def __init__(self):
        names = {
            200: ('ok', 'okay', 'all_ok', 'all_good'), 201: ('created',),
            202: ('accepted',), 204: ('no_content',),
            301: ('moved_permanently', 'moved'), 302: ('found',),
            304: ('not_modified',), 400: ('bad_request', 'bad'),
            401: ('unauthorized',), 403: ('forbidden',),
            404: ('not_found',), 405: ('method_not_allowed', 'not_allowed'),
            408: ('request_timeout', 'timeout'),
            429: ('too_many_requests', 'too_many'),
            500: ('internal_server_error', 'server_error'),
            502: ('bad_gateway',), 503: ('service_unavailable', 'unavailable'),
            504: ('gateway_timeout',),
        }
        for code, titles in names.items():
            for t in titles:
                setattr(self, t, code)
                setattr(self, t.upper(), code)

    def __repr__(self):
        return '<lookup \'status_codes\'>'

    def get(self, name, default=None):
        return getattr(self, name, default)


codes = _Codes()


def _quote(s, safe=''):
    always = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'
    out = []
    for b in s.encode('utf-8'):
        c = chr(b)
        if c in always or c in safe:
            out.append(c)
        elif c == ' ':
            out.append('+')
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def _pairs(data):
    if hasattr(data, 'items'):
        data = data.items()
    out = []
    for k, vs in data:
        if vs is None:
            continue
        if not isinstance(vs, (list, tuple, set, frozenset)):
            vs = [vs]
        for v in vs:
            if v is None:
                continue
            if isinstance(k, bytes):
                k = k.decode('utf-8')
            if isinstance(v, bytes):
                v = v.decode('utf-8')
            out.append((str(k), str(v)))
    return out


def _encode_params(data):
    if isinstance(data, (str, bytes)):
        return data.decode('utf-8') if isinstance(data, bytes) else data
    return '&'.join(_quote(k) + '=' + _quote(v) for k, v in _pairs(data))


class _Elapsed:
    """Response.elapsed: the time from sending to the response's headers
    (a datetime.timedelta in requests; this has its total_seconds() and
    fields)."""

    def __init__(self, seconds):
        self._s = seconds
        self.days = int(seconds // 86400)
        self.seconds = int(seconds % 86400)
        self.microseconds = int(round((seconds - int(seconds)) * 1e6))

    def total_seconds(self):
        return self.microseconds / 1e6 + self.seconds + self.days * 86400

    def __repr__(self):
        return (f'datetime.timedelta(seconds={self.seconds}, '
                f'microseconds={self.microseconds})')

    def __str__(self):
        s = self.seconds
        return '%d:%02d:%02d.%06d' % (s // 3600, s // 60 % 60, s % 60,
                                      self.microseconds)


class PreparedRequest:
    """The request as sent: method, url, headers, body."""

    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body

    def __repr__(self):
        return f'<PreparedRequest [{self.method}]>'


class Response:
    """The Response object, which contains a server's response to an HTTP
    request."""

    def __init__(self):
        self._content = False
        self._content_consumed = False
        self.status_code = None
        self.headers = CaseInsensitiveDict()
        self.url = None
        self.encoding = None
        self.history = []
        self.reason = None
        self.elapsed = _Elapsed(0)
        self.request = None
        self._body = b''
        self._arrival = None   # virtual time the body's first byte is here
        self._received = 0
        self._release = None

    def __repr__(self):
        return f'<Response [{self.status_code}]>'

    def __bool__(self):
        return self.ok

    def __iter__(self):
        return self.iter_content(128)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    @property
    def is_redirect(self):
        return 'location' in self.headers and self.status_code in (301, 302, 303, 307, 308)

    @property
    def apparent_encoding(self):
        try:
            self.content.decode('ascii')
            return 'ascii'
        except UnicodeDecodeError:
            return 'utf-8'

    def _wait_for(self, upto):
        """Blocks until the body's first `upto` bytes have arrived."""
        if self._arrival is None or upto <= self._received:
            return
        upto = min(len(self._body), upto)
        # Bytes arrive in recv() blocks, at the link's bandwidth.
        block_end = min(len(self._body),
                        ((upto + _RECV_BLOCK - 1) // _RECV_BLOCK) * _RECV_BLOCK)
        ready_ns = self._arrival + _net.transfer_ns(block_end)
        now = _time.monotonic_ns()
        if ready_ns > now:
            _net.io(ready_ns - now)
        self._received = block_end
        if self._received >= len(self._body):
            self._finish()

    def _finish(self):
        self._arrival = None
        if self._release is not None:
            release, self._release = self._release, None
            release()

    def iter_content(self, chunk_size=1, decode_unicode=False):
        if self._content_consumed and isinstance(self._content, bool):
            raise StreamConsumedError()
        if chunk_size is not None and not isinstance(chunk_size, int):
            raise TypeError(
                f'chunk_size must be an int, it is instead a {type(chunk_size)}.')

        def generate():
            body = self._body
            size = len(body) if chunk_size is None else chunk_size
            pos = 0
            while pos < len(body):
                end = min(len(body), pos + max(1, size))
                if self._content is False:
                    self._wait_for(end)
                yield body[pos:end]
                pos = end
            if self._content is False:
                self._finish()
            self._content_consumed = True

        chunks = generate()
        if decode_unicode:
            enc = self.encoding or 'utf-8'
            return (c.decode(enc, 'replace') for c in chunks)
        return chunks

    def iter_lines(self, chunk_size=ITER_CHUNK_SIZE, decode_unicode=False,
                   delimiter=None):
        pending = None
        for chunk in self.iter_content(chunk_size, decode_unicode):
            if pending is not None:
                chunk = pending + chunk
            lines = chunk.split(delimiter) if delimiter else chunk.splitlines()
            if lines and lines[-1] and chunk and lines[-1][-1] == chunk[-1]:
                pending = lines.pop()
            else:
                pending = None
            yield from lines
        if pending is not None:
            yield pending

    def _read_all(self):
        if self._content is False:
            if self._content_consumed:
                raise RuntimeError(
                    'The content for this response was already consumed')
            self._wait_for(len(self._body))
            self._finish()
            self._content = self._body
        self._content_consumed = True
        return self._content

    @property
    def content(self):
        # (A property runs as a callback of the interpreter, where a thread
        # cannot block: a streamed body read here arrives without releasing
        # the GIL. Iterate with iter_content() to see the I/O.)
        return self._read_all()

    @property
    def text(self):
        content = self.content
        if not content:
            return ''
        encoding = self.encoding or self.apparent_encoding
        try:
            return content.decode(encoding, 'replace')
        except LookupError:
            return content.decode('utf-8', 'replace')

    def json(self, **kwargs):
        try:
            return _json_loads(self.text, **kwargs)
        except _JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos)

    @property
    def links(self):
        return {}

    def raise_for_status(self):
        http_error_msg = ''
        reason = self.reason
        if 400 <= self.status_code < 500:
            http_error_msg = (
                f'{self.status_code} Client Error: {reason} for url: {self.url}')
        elif 500 <= self.status_code < 600:
            http_error_msg = (
                f'{self.status_code} Server Error: {reason} for url: {self.url}')
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)

    def close(self):
        if self._arrival is not None:
            # The rest of the body is dropped with the connection.
            self._arrival = None
            self._release = None


def _encoding_of(headers):
    ctype = headers.get('content-type')
    if not ctype:
        return None
    parts = [p.strip() for p in ctype.split(';')]
    for p in parts[1:]:
        if p.lower().startswith('charset='):
            return p[8:].strip('\'"')
    if parts[0].startswith('text'):
        return 'ISO-8859-1'
    if parts[0] == 'application/json':
        return 'utf-8'
    return None


def _timeouts(timeout):
    if timeout is None:
        return None, None
    if isinstance(timeout, tuple):
        try:
            connect, read = timeout
        except ValueError:
            raise ValueError(
                f'Invalid timeout {timeout}. Pass a (connect, read) timeout '
                'tuple, or a single float to set both timeouts to the same value.')
        return connect, read
    return timeout, timeout


_FAKE_CONN = '<urllib3.connection.HTTPSConnection object at 0x7f3a5c2e1f90>'


def _pool_name(scheme, host, port):
    kind = 'HTTPSConnectionPool' if scheme == 'https' else 'HTTPConnectionPool'
    return f"{kind}(host='{host}', port={port})"


class HTTPAdapter:
    """The transport of a Session for a URL prefix: its pool of kept-alive
    connections per host (pool_maxsize of them are kept)."""

    def __init__(self, pool_connections=DEFAULT_POOLSIZE,
                 pool_maxsize=DEFAULT_POOLSIZE, max_retries=0, pool_block=False):
        self._pool_maxsize = pool_maxsize
        self.max_retries = max_retries
        self._idle = {}   # (scheme, host, port) -> idle connections

    def _take(self, key):
        n = self._idle.get(key, 0)
        if n > 0:
            self._idle[key] = n - 1
            return False
        return True

    def _give_back(self, key):
        n = self._idle.get(key, 0)
        if n < self._pool_maxsize:
            self._idle[key] = n + 1

    def close(self):
        self._idle.clear()


class Session:
    """A Requests session: default headers and params, and kept-alive
    connections (a second request to a host skips the handshake)."""

    def __init__(self):
        self.headers = CaseInsensitiveDict({
            'User-Agent': 'python-requests/' + __version__,
            'Accept-Encoding': 'gzip, deflate',
            'Accept': '*/*',
            'Connection': 'keep-alive',
        })
        self.params = {}
        self.stream = False
        self.verify = True
        self.max_redirects = 30
        self.trust_env = True
        self.adapters = {}
        self.mount('https://', HTTPAdapter())
        self.mount('http://', HTTPAdapter())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return '<requests.sessions.Session object>'

    def mount(self, prefix, adapter):
        self.adapters[prefix] = adapter
        keys = [k for k in self.adapters if len(k) < len(prefix)]
        for key in keys:
            self.adapters[key] = self.adapters.pop(key)

    def get_adapter(self, url):
        best = None
        for prefix, adapter in self.adapters.items():
            if url.lower().startswith(prefix.lower()):
                if best is None or len(prefix) > len(best[0]):
                    best = (prefix, adapter)
        if best is None:
            raise InvalidSchema(f"No connection adapters were found for {url!r}")
        return best[1]

    def close(self):
        for adapter in self.adapters.values():
            adapter.close()

    def get(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('GET', url, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', True)
        return self.request('OPTIONS', url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault('allow_redirects', False)
        return self.request('HEAD', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def request(self, method, url, params=None, data=None, headers=None,
                cookies=None, files=None, auth=None, timeout=None,
                allow_redirects=True, proxies=None, hooks=None, stream=None,
                verify=None, cert=None, json=None):
        for name, value in (('files', files), ('auth', auth),
                            ('proxies', proxies), ('cert', cert),
                            ('cookies', cookies)):
            if value:
                raise NotImplementedError(
                    f'requests: {name}= is not simulated')
        if isinstance(url, bytes):
            url = url.decode('utf-8')
        url = str(url)
        method = str(method).upper()
        if not url:
            raise MissingSchema(
                f"Invalid URL {url!r}: No scheme supplied. Perhaps you meant https://{url}?")
        try:
            scheme, host, port, path, query = _net.split_url(url)
        except ValueError as e:
            kind, msg = e.args
            raise {'MissingSchema': MissingSchema,
                   'InvalidSchema': InvalidSchema,
                   'InvalidURL': InvalidURL}[kind](msg)
        # The URL with the merged params.
        merged = dict(self.params)
        if params:
            if hasattr(params, 'items') or not isinstance(params, (str, bytes)):
                merged.update(params if hasattr(params, 'items') else dict(params))
            else:
                merged = params
        extra = _encode_params(merged) if merged else ''
        base = url.split('#')[0]
        if extra:
            base += ('&' if '?' in base else '?') + extra
        if path == '/' and '://' in base and '/' not in base.split('://', 1)[1].split('?')[0]:
            head, _, tail = base.partition('?')
            base = head + '/' + ('?' + tail if tail else '')
        all_headers = self.headers.copy()
        if headers:
            for k, v in headers.items():
                if v is None:
                    all_headers.pop(k, None)
                else:
                    all_headers[k] = v
        body = None
        if json is not None and not data:
            body = _json_dumps(json).encode('utf-8')
            all_headers.setdefault('Content-Type', 'application/json')
        elif data:
            if isinstance(data, (str, bytes)):
                body = data.encode('utf-8') if isinstance(data, str) else data
            else:
                body = _encode_params(data).encode('utf-8')
                all_headers.setdefault('Content-Type',
                                       'application/x-www-form-urlencoded')
        if body is not None:
            all_headers['Content-Length'] = str(len(body))
        elif method in ('POST', 'PUT', 'PATCH'):
            all_headers['Content-Length'] = '0'
        prepared = PreparedRequest(method, base, all_headers, body)
        adapter = self.get_adapter(base)
        key = (scheme, host, port)
        new_connection = adapter._take(key)
        _net.cpu(_CPU_NS // 2)
        (status, reason, rheaders, rbody, final_url,
         connect_ns, wait_ns, transfer_ns) = _net.fetch(
            method, base, list(all_headers.items()), body, new_connection)
        connect_t, read_t = _timeouts(timeout)
        pool = _pool_name(scheme, host, port)
        where = path + ('?' + query if query else '')
        if status == 0:
            _net.io(connect_ns)
            raise ConnectionError(
                f'{pool}: Max retries exceeded with url: {where} (Caused by '
                f'NameResolutionError("{_FAKE_CONN}: Failed to resolve '
                f"'{host}' ([Errno -2] Name or service not known)\"))",
                request=prepared)
        if connect_t is not None and connect_ns > connect_t * 1e9:
            _net.io(int(connect_t * 1e9))
            raise ConnectTimeout(
                f'{pool}: Max retries exceeded with url: {where} (Caused by '
                f"ConnectTimeoutError({_FAKE_CONN}, 'Connection to {host} "
                f"timed out. (connect timeout={connect_t})'))",
                request=prepared)
        if read_t is not None and wait_ns > read_t * 1e9:
            _net.io(connect_ns + int(read_t * 1e9))
            raise ReadTimeout(
                f'{pool}: Read timed out. (read timeout={read_t})',
                request=prepared)
        if stream is None:
            stream = self.stream
        _net.io(connect_ns + wait_ns)
        _net.cpu(_CPU_NS // 2)
        r = Response()
        r.status_code = status
        r.reason = reason
        r.headers = CaseInsensitiveDict(rheaders)
        r.url = final_url
        r.encoding = _encoding_of(r.headers)
        r.request = prepared
        r.elapsed = _Elapsed((connect_ns + wait_ns) / 1e9)
        r._body = rbody
        r._arrival = _time.monotonic_ns()
        r._release = lambda: adapter._give_back(key)
        if not rbody:
            r._finish()
            r._content = b''
        elif not stream:
            r._read_all()
        return r


def session():
    """Returns a Session for context-management."""
    return Session()


def request(method, url, **kwargs):
    with Session() as s:
        return s.request(method=method, url=url, **kwargs)


def get(url, params=None, **kwargs):
    return request('get', url, params=params, **kwargs)


def options(url, **kwargs):
    return request('options', url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault('allow_redirects', False)
    return request('head', url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('post', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('put', url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request('patch', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('delete', url, **kwargs)
