"""urllib.request on the simulated network (see runtime::net): urlopen()
of a URL or a Request (GET, or POST with data=bytes; headers; timeout),
and the response (read, readline, readlines, iteration, status, reason,
getcode, geturl, url, headers/info() with get and get_content_charset,
getheader(s), a context manager). Status >= 400 raises HTTPError; a host
that does not resolve raises URLError.

urlopen opens a new connection for every request (it sends
`Connection: close`) and blocks the calling thread in I/O for the
exchange's virtual duration, with the GIL released. Not simulated: file:
and ftp: URLs, openers and handlers, proxies."""

import _net
import time as _time
from urllib.error import URLError, HTTPError
from urllib.parse import urlsplit as _urlsplit

__all__ = ['Request', 'urlopen']

# CPU the real library spends per request holding the GIL (urllib.request
# with http.client, CPython 3.11.7: 0.29 ms of thread CPU time per GET of a
# 26 KB page from a local server, over 300 requests); half sending, half
# parsing the response.
_CPU_NS = 300_000
_RECV_BLOCK = 16384


class HTTPMessage:
    """The response's headers (http.client.HTTPMessage): names compare
    without case."""

    def __init__(self, items):
        self._headers = list(items)

    def get(self, name, failobj=None):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def get_all(self, name, failobj=None):
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        return values or failobj

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return list(self._headers)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._headers)

    def get_content_type(self):
        value = self.get('content-type', 'text/plain')
        return value.split(';')[0].strip().lower()

    def get_content_charset(self, failobj=None):
        value = self.get('content-type')
        if value is None:
            return failobj
        for part in value.split(';')[1:]:
            part = part.strip()
            if part.lower().startswith('charset='):
                return part[8:].strip('"\'').lower()
        return failobj

    def __str__(self):
        return ''.join(f'{k}: {v}\n' for k, v in self._headers) + '\n'


class Request:
    """An HTTP request: its URL, data, headers and method."""

    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self.data = data
        self.method = method
        for key, value in headers.items():
            self.add_header(key, value)

    @property
    def full_url(self):
        if self.fragment:
            return '{}#{}'.format(self._full_url, self.fragment)
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        self._full_url = url
        self._full_url, _, self.fragment = url.partition('#')
        self.type, sep, rest = self._full_url.partition(':')
        if not sep:
            raise ValueError("unknown url type: %r" % self.full_url)
        parts = _urlsplit(self._full_url)
        self.host = parts.netloc
        self.selector = (parts.path or '/') + ('?' + parts.query if parts.query else '')

    def get_method(self):
        default_method = "POST" if self.data is not None else "GET"
        return getattr(self, 'method', default_method) or default_method

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return (header_name in self.headers or
                header_name in self.unredirected_hdrs)

    def get_header(self, header_name, default=None):
        return self.headers.get(
            header_name,
            self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        hdrs = {**self.unredirected_hdrs, **self.headers}
        return list(hdrs.items())


class HTTPResponse:
    """The response of urlopen (http.client.HTTPResponse): a file of the
    body, which arrives at the link's bandwidth as it is read."""

    def __init__(self, url, status, reason, headers, body, arrival):
        self.url = url
        self.status = status
        self.code = status
        self.reason = reason
        self.msg = HTTPMessage(headers)
        self.headers = self.msg
        self.version = 11
        self.closed = False
        self._body = body
        self._pos = 0
        self._received = 0
        self._arrival = arrival

    def __repr__(self):
        return '<http.client.HTTPResponse object>'

    def _wait_for(self, upto):
        if upto <= self._received:
            return
        block_end = min(len(self._body),
                        ((upto + _RECV_BLOCK - 1) // _RECV_BLOCK) * _RECV_BLOCK)
        ready = self._arrival + _net.transfer_ns(block_end)
        now = _time.monotonic_ns()
        if ready > now:
            _net.io(ready - now)
        self._received = block_end

    def read(self, amt=None):
        if self.closed:
            return b''
        end = len(self._body) if amt is None or amt < 0 else min(len(self._body), self._pos + amt)
        self._wait_for(end)
        data = self._body[self._pos:end]
        self._pos = end
        if self._pos >= len(self._body):
            self.closed = True
        return data

    def readline(self, limit=-1):
        i = self._body.find(b'\n', self._pos)
        end = len(self._body) if i < 0 else i + 1
        if limit is not None and limit >= 0:
            end = min(end, self._pos + limit)
        return self.read(end - self._pos)

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return True

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def info(self):
        return self.msg

    def getheader(self, name, default=None):
        return self.msg.get(name, default)

    def getheaders(self):
        return self.msg.items()

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def urlopen(url, data=None, timeout=None, *, cafile=None, capath=None,
            cadefault=False, context=None):
    """Opens the URL (a str or a Request) on the simulated network."""
    if isinstance(url, str):
        req = Request(url, data)
    else:
        req = url
        if data is not None:
            req.data = data
    data = req.data
    if data is not None and isinstance(data, str):
        raise TypeError("POST data should be bytes, an iterable of bytes, "
                        "or a file object. It cannot be of type str.")
    scheme = req.type.lower()
    if scheme not in ('http', 'https'):
        raise URLError('unknown url type: %s' % scheme)
    if not req.host:
        raise URLError('no host given')
    headers = {'Accept-Encoding': 'identity', 'Host': req.host,
               'User-Agent': 'Python-urllib/3.11'}
    if data is not None:
        headers['Content-Type'] = 'application/x-www-form-urlencoded'
        headers['Content-Length'] = str(len(data))
    for k, v in req.header_items():
        headers[k] = v
    headers['Connection'] = 'close'
    _net.cpu(_CPU_NS // 2)
    try:
        (status, reason, rheaders, body, final_url,
         connect_ns, wait_ns, transfer_ns) = _net.fetch(
            req.get_method(), req.full_url, list(headers.items()), data, True)
    except ValueError as e:
        raise URLError(e.args[-1]) from None
    if status == 0:
        _net.io(connect_ns)
        raise URLError(OSError(-2, 'Name or service not known'))
    if timeout is not None and connect_ns > timeout * 1e9:
        _net.io(int(timeout * 1e9))
        raise URLError(TimeoutError('timed out'))
    if timeout is not None and wait_ns > timeout * 1e9:
        _net.io(connect_ns + int(timeout * 1e9))
        raise TimeoutError('The read operation timed out')
    _net.io(connect_ns + wait_ns)
    _net.cpu(_CPU_NS // 2)
    resp = HTTPResponse(req.full_url, status, reason, rheaders, body,
                        _time.monotonic_ns())
    if not 200 <= status < 300:
        raise HTTPError(req.full_url, status, reason, resp.msg, resp)
    return resp
