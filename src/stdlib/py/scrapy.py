"""A Scrapy-style crawler on the simulated network, run by the Twisted
reactor of `twisted`: Spider (name, start_urls, start_requests,
custom_settings, allowed_domains, parse yielding items and Requests),
Request/Response (follow, urljoin, meta, priority, dont_filter, callback,
errback, cb_kwargs), a small CSS selector (tag, .class, #id, [attr],
descendants, ::text, ::attr(name)) and XPath, Settings, CrawlerProcess.

The engine and downloader follow Scrapy 2.11's: the engine pulls requests
from the scheduler (priority first, LIFO within a priority, as Scrapy's
default memory queue) and, one at a time, from start_requests, while fewer
than CONCURRENT_REQUESTS are in the downloader; the downloader keeps one
slot per hostname, each sending at most CONCURRENT_REQUESTS_PER_DOMAIN at
once (CONCURRENT_REQUESTS_PER_IP when set), and with a DOWNLOAD_DELAY one
request per delay measured from the slot's last dispatch (0.5–1.5× the
delay with RANDOMIZE_DOWNLOAD_DELAY). AutoThrottle sets each slot's delay
from the latency of each response: target = latency /
AUTOTHROTTLE_TARGET_CONCURRENCY, new = max(target, (old + target) / 2),
kept within [DOWNLOAD_DELAY, AUTOTHROTTLE_MAX_DELAY], and not lowered by a
non-200 response. Duplicate requests are filtered; non-2xx responses are
dropped (HttpErrorMiddleware). At the end the stats are logged as Scrapy
logs them. In the trace each slot is a queue lane, `Scrapy slot HOST`: a
request waits there from fetch to dispatch (its delay, or for a free
transfer slot); the requests in flight are on the host's own lane.

XPath is a subset (see `_xpath`): paths with / and //, tag, *, ., ..,
text(), @attr, and predicates [n], [last()], [@attr], [@attr='v'],
[text()='v'], contains(), starts-with(), not(), and/or; anything else
raises NotImplementedError naming it.

ITEM_PIPELINES (open_spider, process_item with DropItem, close_spider,
from_crawler) and FEEDS (json, jsonlines and csv files on the simulated
disk, written when the spider closes) as Scrapy 2.11 runs them.

Not simulated: the retry, redirect, cookies and robots.txt middlewares,
downloader and spider middlewares of the program's own, and
the timestamps of Scrapy's log lines (ours show the virtual seconds since
the crawl began)."""

import _net
import _thread
import sys as _sys
import time as _time
import random as _random
from collections import deque as _deque

_note_queue = _thread._note_queue
import heapq as _heapq
from urllib.parse import urljoin as _urljoin, urlsplit as _urlsplit
import twisted as _tw

__version__ = '2.11.2'
version_info = (2, 11, 2)

_reactor = _tw.reactor


# -- exceptions ------------------------------------------------------------

class CloseSpider(Exception):
    def __init__(self, reason='cancelled'):
        Exception.__init__(self, reason)
        self.reason = reason


class IgnoreRequest(Exception):
    pass


class DropItem(Exception):
    pass


class NotConfigured(Exception):
    pass


class HttpError(IgnoreRequest):
    def __init__(self, response, *args, **kwargs):
        IgnoreRequest.__init__(self, *args, **kwargs)
        self.response = response


# -- settings --------------------------------------------------------------

_DEFAULTS = {
    'BOT_NAME': 'scrapybot',
    'CONCURRENT_REQUESTS': 16,
    'CONCURRENT_REQUESTS_PER_DOMAIN': 8,
    'CONCURRENT_REQUESTS_PER_IP': 0,
    'DOWNLOAD_DELAY': 0,
    'RANDOMIZE_DOWNLOAD_DELAY': True,
    'AUTOTHROTTLE_ENABLED': False,
    'AUTOTHROTTLE_START_DELAY': 5.0,
    'AUTOTHROTTLE_MAX_DELAY': 60.0,
    'AUTOTHROTTLE_TARGET_CONCURRENCY': 1.0,
    'AUTOTHROTTLE_DEBUG': False,
    'DUPEFILTER_DEBUG': False,
    'LOG_ENABLED': True,
    'LOG_LEVEL': 'DEBUG',
    'USER_AGENT': 'Scrapy/2.11.2 (+https://scrapy.org)',
    'DEPTH_LIMIT': 0,
    'CLOSESPIDER_ITEMCOUNT': 0,
    'CLOSESPIDER_PAGECOUNT': 0,
    'HTTPERROR_ALLOW_ALL': False,
}

_LEVELS = {'DEBUG': 10, 'INFO': 20, 'WARNING': 30, 'ERROR': 40, 'CRITICAL': 50}


class Settings:
    """Settings by name, each from the highest priority that set it
    (default < project < spider's custom_settings)."""

    def __init__(self, values=None, priority='project'):
        self._values = dict(_DEFAULTS)
        self.frozen = False
        if values:
            self.setdict(values, priority)

    def set(self, name, value, priority='project'):
        self._values[name] = value

    def setdict(self, values, priority='project'):
        if isinstance(values, Settings):
            values = values._values
        for k, v in values.items():
            self.set(k, v, priority)

    update = setdict

    def get(self, name, default=None):
        return self._values.get(name, default)

    def __getitem__(self, name):
        return self._values.get(name)

    def __contains__(self, name):
        return name in self._values

    def getbool(self, name, default=False):
        v = self.get(name, default)
        if isinstance(v, str):
            if v.lower() in ('true', '1'):
                return True
            if v.lower() in ('false', '0', ''):
                return False
            raise ValueError("Supported values for boolean settings are 0/1, "
                             "True/False, '0'/'1', 'True'/'False' and 'true'/'false'")
        return bool(v)

    def getint(self, name, default=0):
        return int(self.get(name, default))

    def getfloat(self, name, default=0.0):
        return float(self.get(name, default))

    def getlist(self, name, default=None):
        v = self.get(name, default or [])
        if isinstance(v, str):
            return v.split(',')
        return list(v)

    def getdict(self, name, default=None):
        return dict(self.get(name, default or {}))

    def copy(self):
        s = Settings()
        s._values = dict(self._values)
        return s

    def copy_to_dict(self):
        return dict(self._values)

    def freeze(self):
        self.frozen = True


def _log(settings, level, logger, msg):
    if not settings.getbool('LOG_ENABLED'):
        return
    if _LEVELS.get(level, 10) < _LEVELS.get(str(settings.get('LOG_LEVEL')).upper(), 10):
        return
    _sys.stderr.write('[%s] %s: %s\n' % (logger, level, msg))


# -- selectors -------------------------------------------------------------

_VOID = ('area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link',
         'meta', 'source', 'track', 'wbr')
_ENTITIES = {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'apos': "'",
             'nbsp': '\xa0', 'copy': '\xa9', 'rarr': '\u2192', 'larr': '\u2190',
             'middot': '\xb7', 'hellip': '\u2026', 'mdash': '\u2014', 'ndash': '\u2013'}


def _unescape(s):
    if '&' not in s:
        return s
    out = []
    i = 0
    while True:
        j = s.find('&', i)
        if j < 0:
            out.append(s[i:])
            break
        out.append(s[i:j])
        k = s.find(';', j)
        if k < 0 or k - j > 10:
            out.append('&')
            i = j + 1
            continue
        name = s[j + 1:k]
        if name.startswith('#x') or name.startswith('#X'):
            out.append(chr(int(name[2:], 16)))
        elif name.startswith('#'):
            out.append(chr(int(name[1:])))
        elif name in _ENTITIES:
            out.append(_ENTITIES[name])
        else:
            out.append(s[j:k + 1])
        i = k + 1
    return ''.join(out)


class _Element:
    __slots__ = ('tag', 'attrs', 'children', 'parent')

    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = attrs
        self.children = []
        self.parent = parent


def _parse_attrs(text):
    attrs = {}
    i = 0
    n = len(text)
    while i < n:
        while i < n and text[i] in ' \t\n\r/':
            i += 1
        start = i
        while i < n and text[i] not in ' \t\n\r=/>':
            i += 1
        name = text[start:i].lower()
        if not name:
            i += 1
            continue
        while i < n and text[i] in ' \t\n\r':
            i += 1
        value = ''
        if i < n and text[i] == '=':
            i += 1
            while i < n and text[i] in ' \t\n\r':
                i += 1
            if i < n and text[i] in '"\'':
                q = text[i]
                end = text.find(q, i + 1)
                if end < 0:
                    end = n
                value = text[i + 1:end]
                i = end + 1
            else:
                start = i
                while i < n and text[i] not in ' \t\n\r>':
                    i += 1
                value = text[start:i]
        attrs[name] = _unescape(value)
    return attrs


def _parse_html(html):
    root = _Element('#document', {}, None)
    cur = root
    i = 0
    n = len(html)
    while i < n:
        j = html.find('<', i)
        if j < 0:
            j = n
        if j > i:
            cur.children.append(_unescape(html[i:j]))
        if j >= n:
            break
        if html.startswith('<!--', j):
            k = html.find('-->', j + 4)
            i = n if k < 0 else k + 3
            continue
        k = html.find('>', j)
        if k < 0:
            cur.children.append(html[j:])
            break
        inner = html[j + 1:k]
        i = k + 1
        if not inner or inner[0] in '!?':
            continue
        if inner[0] == '/':
            name = inner[1:].strip().lower()
            node = cur
            while node is not None and node.tag != name:
                node = node.parent
            if node is not None and node.parent is not None:
                cur = node.parent
            continue
        sp = 0
        while sp < len(inner) and inner[sp] not in ' \t\n\r/':
            sp += 1
        tag = inner[:sp].lower()
        el = _Element(tag, _parse_attrs(inner[sp:]), cur)
        cur.children.append(el)
        if tag in ('script', 'style'):
            end = html.lower().find('</' + tag, i)
            if end < 0:
                end = n
            el.children.append(html[i:end])
            k2 = html.find('>', end)
            i = n if k2 < 0 else k2 + 1
            continue
        if tag not in _VOID and not inner.endswith('/'):
            cur = el
    return root


def _parse_simple(part):
    """'a.cls#id[attr]' → (tag or None, classes, id, attrs)."""
    tag = None
    classes = []
    ident = None
    attrs = []
    i = 0
    n = len(part)
    start = 0
    while i < n and part[i] not in '.#[':
        i += 1
    if i > 0:
        tag = part[:i].lower()
        if tag == '*':
            tag = None
    while i < n:
        c = part[i]
        if c == '[':
            end = part.find(']', i)
            body = part[i + 1:end]
            if '=' in body:
                k, v = body.split('=', 1)
                attrs.append((k.strip().lower(), v.strip().strip('"\'')))
            else:
                attrs.append((body.strip().lower(), None))
            i = end + 1
            continue
        start = i + 1
        i = start
        while i < n and part[i] not in '.#[':
            i += 1
        if c == '.':
            classes.append(part[start:i])
        else:
            ident = part[start:i]
    return tag, classes, ident, attrs


def _matches(el, simple):
    tag, classes, ident, attrs = simple
    if tag is not None and el.tag != tag:
        return False
    if classes:
        have = el.attrs.get('class', '').split()
        for c in classes:
            if c not in have:
                return False
    if ident is not None and el.attrs.get('id') != ident:
        return False
    for k, v in attrs:
        if k not in el.attrs or (v is not None and el.attrs[k] != v):
            return False
    return True


def _descendants(el, out):
    for c in el.children:
        if isinstance(c, _Element):
            out.append(c)
            _descendants(c, out)
    return out


def _select(roots, query):
    query = query.strip()
    pseudo = None
    if '::' in query:
        query, pseudo = query.split('::', 1)
        query = query.strip()
    for bad in ('>', '+', '~', ':', ','):
        if bad in query:
            raise NotImplementedError(
                "scrapy: the selector %r uses %r, which the simulated selector "
                "does not support (tag, .class, #id, [attr], descendants, ::text, "
                "::attr(name))" % (query, bad))
    current = roots
    if query:
        for part in query.split():
            simple = _parse_simple(part)
            found = []
            seen = set()
            for root in current:
                for el in _descendants(root, []):
                    if id(el) not in seen and _matches(el, simple):
                        seen.add(id(el))
                        found.append(el)
            current = found
    if pseudo is None:
        return SelectorList([Selector(_root=el) for el in current])
    if pseudo == 'text':
        return SelectorList([Selector(_text=c) for el in current
                             for c in el.children if isinstance(c, str)])
    if pseudo.startswith('attr(') and pseudo.endswith(')'):
        name = pseudo[5:-1].strip().lower()
        return SelectorList([Selector(_text=el.attrs[name]) for el in current
                             if name in el.attrs])
    raise NotImplementedError('scrapy: the pseudo-element ::%s is not simulated' % pseudo)


# -- a small XPath ---------------------------------------------------------

def _xpath_split(text, sep):
    """`text` cut at each `sep` outside brackets, parentheses and quotes."""
    parts = []
    depth = 0
    quote = None
    start = 0
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
        elif c in '"\'':
            quote = c
        elif c in '[(':
            depth += 1
        elif c in '])':
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _xpath_unsupported(query, what):
    return NotImplementedError(
        "scrapy: the XPath %r uses %s, which the simulated XPath does not "
        "support (paths with / and //, tag, *, ., .., text(), @attr, "
        "predicates [n], [last()], [@attr], [@attr='v'], [text()='v'], "
        "contains(), starts-with(), and/or)" % (query, what))


def _string_value(node):
    """The text of a node: an element's text, all descendants' included; a
    text node's or an attribute's value (nodes other than elements are
    tuples: ('t', parent, index, text) and ('@', element, name, value))."""
    if isinstance(node, str):
        return node
    if isinstance(node, tuple):
        return node[3]
    return ''.join(_string_value(c) for c in node.children)


def _xpath_value(ctx, expr, query):
    """The value of a predicate's operand at node `ctx`: a string, a list
    of strings (a node set's values), or a number."""
    expr = expr.strip()
    if expr[:1] in '"\'' and expr[-1:] == expr[:1]:
        return expr[1:-1]
    if expr.isdigit():
        return int(expr)
    if expr == 'last()':
        raise _xpath_unsupported(query, 'last() inside an expression')
    if expr in ('.', 'string()', 'string(.)'):
        return [_string_value(ctx)]
    if expr == 'normalize-space()' or expr == 'normalize-space(.)':
        return [' '.join(_string_value(ctx).split())]
    if not isinstance(ctx, _Element):
        return []
    if expr.startswith('@'):
        name = expr[1:].lower()
        return [ctx.attrs[name]] if name in ctx.attrs else []
    if expr == 'text()':
        return [c for c in ctx.children if isinstance(c, str)]
    nodes = _xpath_eval([ctx], expr, query)
    return [_string_value(n) for n in nodes]


def _xpath_true(ctx, pred, pos, size, query):
    """Whether predicate `pred` holds for node `ctx`, the `pos`-th (from 1)
    of the `size` candidates of its step."""
    pred = pred.strip()
    ors = _xpath_split(pred, ' or ')
    if len(ors) > 1:
        return any(_xpath_true(ctx, p, pos, size, query) for p in ors)
    ands = _xpath_split(pred, ' and ')
    if len(ands) > 1:
        return all(_xpath_true(ctx, p, pos, size, query) for p in ands)
    if pred.isdigit():
        return pos == int(pred)
    if pred == 'last()':
        return pos == size
    if pred.startswith('not(') and pred.endswith(')'):
        return not _xpath_true(ctx, pred[4:-1], pos, size, query)
    for fn in ('contains', 'starts-with'):
        if pred.startswith(fn + '(') and pred.endswith(')'):
            args = _xpath_split(pred[len(fn) + 1:-1], ',')
            if len(args) != 2:
                raise _xpath_unsupported(query, '%s() with %d arguments' % (fn, len(args)))
            hay = _xpath_value(ctx, args[0], query)
            needle = _xpath_value(ctx, args[1], query)
            hay = hay[0] if isinstance(hay, list) and hay else ('' if isinstance(hay, list) else str(hay))
            needle = needle[0] if isinstance(needle, list) and needle else ('' if isinstance(needle, list) else str(needle))
            return needle in hay if fn == 'contains' else hay.startswith(needle)
    for op in ('!=', '='):
        sides = _xpath_split(pred, op)
        if len(sides) == 2:
            a = _xpath_value(ctx, sides[0], query)
            b = _xpath_value(ctx, sides[1], query)
            a = a if isinstance(a, list) else [str(a)]
            b = b if isinstance(b, list) else [str(b)]
            if op == '=':
                return any(x == y for x in a for y in b)
            return any(x != y for x in a for y in b)
    if pred.startswith('@') or pred == 'text()' or pred[:1].isalpha() or pred[:1] in '.*':
        v = _xpath_value(ctx, pred, query)
        return bool(v)
    raise _xpath_unsupported(query, 'the predicate [%s]' % pred)


def _xpath_step(nodes, step, descend, query):
    """One location step from each node of `nodes` (`descend`: after //)."""
    step = step.strip()
    preds = []
    while step.endswith(']'):
        depth = 0
        k = len(step) - 1
        while k >= 0:
            if step[k] == ']':
                depth += 1
            elif step[k] == '[':
                depth -= 1
                if depth == 0:
                    break
            k -= 1
        preds.insert(0, step[k + 1:-1])
        step = step[:k].strip()
    out = []
    seen = set()

    def add(x):
        key = _node_key(x)
        if key not in seen:
            seen.add(key)
            out.append(x)
    for ctx in nodes:
        if not isinstance(ctx, _Element):
            continue
        contexts = [ctx] + _descendants(ctx, []) if descend else [ctx]
        for c in contexts:
            if step == '.':
                cands = [c]
            elif step == '..':
                cands = [c.parent] if c.parent is not None else []
            elif step in ('text()', 'node()'):
                cands = [('t', c, i, x) if isinstance(x, str) else x
                         for i, x in enumerate(c.children)
                         if isinstance(x, str) or step == 'node()']
            elif step.startswith('@'):
                name = step[1:].lower()
                if name == '*':
                    cands = [('@', c, k, v) for k, v in c.attrs.items()]
                else:
                    cands = [('@', c, name, c.attrs[name])] if name in c.attrs else []
            elif step == '*' or step.replace('-', '').replace('_', '').isalnum():
                tag = step.lower()
                cands = [x for x in c.children if isinstance(x, _Element)
                         and (tag == '*' or x.tag == tag)]
            else:
                raise _xpath_unsupported(query, 'the step %r' % step)
            for pred in preds:
                size = len(cands)
                cands = [x for i, x in enumerate(cands)
                         if _xpath_true(x, pred, i + 1, size, query)]
            for x in cands:
                add(x)
    return out


def _node_key(x):
    if isinstance(x, tuple):
        return (x[0], id(x[1]), x[2])
    return id(x)


def _doc_order(root):
    """Each node's position in document order (attributes right after
    their element), by `_node_key`."""
    order = {}

    def walk(el):
        order[id(el)] = (len(order), 0)
        for k, name in enumerate(el.attrs):
            order[('@', id(el), name)] = (order[id(el)][0], k + 1)
        for i, c in enumerate(el.children):
            if isinstance(c, str):
                order[('t', id(el), i)] = (len(order), 0)
            else:
                walk(c)
    walk(root)
    return order


def _in_doc_order(nodes):
    """`nodes` (of one document) sorted in document order, as XPath gives
    a node set."""
    if len(nodes) > 1:
        doc = nodes[0][1] if isinstance(nodes[0], tuple) else nodes[0]
        while doc.parent is not None:
            doc = doc.parent
        order = _doc_order(doc)
        nodes.sort(key=lambda x: order.get(_node_key(x), (0, 0)))
    return nodes


def _xpath_eval(roots, query, whole):
    """The nodes (elements, text strings, attribute tuples) `query`
    selects from `roots`."""
    q = query.strip()
    if not q:
        raise ValueError('XPath error: Invalid expression in ' + whole)
    if len(_xpath_split(q, '|')) > 1:
        out = []
        seen = set()
        for part in _xpath_split(q, '|'):
            for x in _xpath_eval(roots, part, whole):
                if _node_key(x) not in seen:
                    seen.add(_node_key(x))
                    out.append(x)
        return _in_doc_order(out)
    nodes = list(roots)
    if q.startswith('/'):
        docs = []
        for r in roots:
            while r.parent is not None:
                r = r.parent
            if r not in docs:
                docs.append(r)
        nodes = docs
    steps = _xpath_split(q, '/')
    if steps and steps[0] == '':
        steps = steps[1:]
    descend = False
    for step in steps:
        if step == '':
            descend = True
            continue
        nodes = _xpath_step(nodes, step, descend, whole)
        descend = False
    return _in_doc_order(nodes)


def _xpath(roots, query):
    nodes = _xpath_eval(roots, query, query)
    out = SelectorList()
    for n in nodes:
        if isinstance(n, _Element):
            out.append(Selector(_root=n))
        else:
            out.append(Selector(_text=n[3]))
    return out


def _serialize(el):
    if isinstance(el, str):
        return el
    attrs = ''.join(' %s="%s"' % (k, v) for k, v in el.attrs.items())
    if el.tag in _VOID:
        return '<%s%s>' % (el.tag, attrs)
    return '<%s%s>%s</%s>' % (el.tag, attrs, ''.join(_serialize(c) for c in el.children), el.tag)


class Selector:
    """An element of the page, or a string (text or attribute)."""

    def __init__(self, response=None, text=None, _root=None, _text=None):
        if response is not None:
            text = response.text
        if text is not None:
            _root = _parse_html(text)
        self._root = _root
        self._text = _text

    def css(self, query):
        if self._root is None:
            return SelectorList([])
        return _select([self._root], query)

    def xpath(self, query):
        if self._root is None:
            return SelectorList([])
        return _xpath([self._root], query)

    def get(self):
        if self._text is not None:
            return self._text
        return _serialize(self._root)

    extract = get

    def getall(self):
        return [self.get()]

    @property
    def attrib(self):
        return dict(self._root.attrs) if self._root is not None else {}

    def __repr__(self):
        data = self.get()
        if len(data) > 40:
            data = data[:37] + '...'
        return "<Selector query=None data=%r>" % data


class SelectorList(list):
    def css(self, query):
        out = SelectorList()
        for s in self:
            out.extend(s.css(query))
        return out

    def xpath(self, query):
        out = SelectorList()
        for s in self:
            out.extend(s.xpath(query))
        return out

    def getall(self):
        return [s.get() for s in self]

    extract = getall

    def get(self, default=None):
        for s in self:
            return s.get()
        return default

    extract_first = get

    @property
    def attrib(self):
        for s in self:
            return s.attrib
        return {}


# -- requests and responses ------------------------------------------------

class Request:
    def __init__(self, url, callback=None, method='GET', headers=None,
                 body=None, cookies=None, meta=None, encoding='utf-8',
                 priority=0, dont_filter=False, errback=None, flags=None,
                 cb_kwargs=None):
        if not isinstance(url, str):
            raise TypeError('Request url must be str, got %s' % type(url).__name__)
        if '://' not in url:
            raise ValueError('Missing scheme in request url: %s' % url)
        self.url = url
        self.callback = callback
        self.errback = errback
        self.method = str(method).upper()
        self.headers = dict(headers or {})
        self.body = body.encode(encoding) if isinstance(body, str) else (body or b'')
        self.cookies = cookies or {}
        self._meta = dict(meta) if meta else None
        self.encoding = encoding
        self.priority = priority
        self.dont_filter = dont_filter
        self.flags = list(flags or [])
        self.cb_kwargs = dict(cb_kwargs or {})

    @property
    def meta(self):
        if self._meta is None:
            self._meta = {}
        return self._meta

    def replace(self, **kwargs):
        for k in ('url', 'callback', 'method', 'headers', 'body', 'cookies',
                  'encoding', 'priority', 'dont_filter', 'errback', 'flags',
                  'cb_kwargs'):
            kwargs.setdefault(k, getattr(self, k))
        kwargs.setdefault('meta', self.meta)
        return Request(**kwargs)

    def __repr__(self):
        return '<%s %s>' % (self.method, self.url)


class Response:
    def __init__(self, url, status=200, headers=None, body=b'', request=None,
                 flags=None):
        self.url = url
        self.status = status
        self.headers = dict(headers or {})
        self.body = body
        self.request = request
        self.flags = list(flags or [])

    @property
    def meta(self):
        return self.request.meta

    @property
    def cb_kwargs(self):
        return self.request.cb_kwargs

    def urljoin(self, url):
        return _urljoin(self.url, url)

    def follow(self, url, callback=None, method='GET', headers=None, body=None,
               cookies=None, meta=None, encoding='utf-8', priority=0,
               dont_filter=False, errback=None, cb_kwargs=None, flags=None):
        if isinstance(url, Selector):
            if url._root is not None:
                url = url._root.attrs.get('href')
                if url is None:
                    raise ValueError('Only <a> and <link> elements with an href are supported')
            else:
                url = url._text
        if url is None:
            raise ValueError("url can't be None")
        return Request(self.urljoin(url), callback=callback, method=method,
                       headers=headers, body=body, cookies=cookies, meta=meta,
                       encoding=encoding, priority=priority,
                       dont_filter=dont_filter, errback=errback,
                       cb_kwargs=cb_kwargs, flags=flags)

    def follow_all(self, urls=None, callback=None, css=None, **kwargs):
        if css is not None:
            urls = self.css(css)
        return (self.follow(u, callback=callback, **kwargs) for u in urls)

    def __repr__(self):
        return '<%d %s>' % (self.status, self.url)


class TextResponse(Response):
    _selector = None

    @property
    def text(self):
        return self.body.decode('utf-8', 'replace')

    @property
    def selector(self):
        if self._selector is None:
            self._selector = Selector(text=self.text)
        return self._selector

    def css(self, query):
        return self.selector.css(query)

    def xpath(self, query):
        return self.selector.xpath(query)

    def json(self):
        import json as _json
        return _json.loads(self.text)


class HtmlResponse(TextResponse):
    pass


class Item(dict):
    fields = {}


class Field(dict):
    pass


# -- spiders ---------------------------------------------------------------

class _Logger:
    def __init__(self, name, spider):
        self.name = name
        self._spider = spider

    def _emit(self, level, msg, args):
        crawler = getattr(self._spider, 'crawler', None)
        settings = crawler.settings if crawler else Settings()
        _log(settings, level, self.name, msg % args if args else str(msg))

    def debug(self, msg, *args):
        self._emit('DEBUG', msg, args)

    def info(self, msg, *args):
        self._emit('INFO', msg, args)

    def warning(self, msg, *args):
        self._emit('WARNING', msg, args)

    def error(self, msg, *args):
        self._emit('ERROR', msg, args)


class Spider:
    name = None
    custom_settings = None
    start_urls = []
    allowed_domains = []

    def __init__(self, name=None, **kwargs):
        if name is not None:
            self.name = name
        elif not getattr(self, 'name', None):
            raise ValueError('%s must have a name' % type(self).__name__)
        for k, v in kwargs.items():
            setattr(self, k, v)
        if not hasattr(self, 'start_urls'):
            self.start_urls = []

    @property
    def logger(self):
        return _Logger(self.name, self)

    def log(self, message, level=10):
        self.logger.debug(message)

    def start_requests(self):
        for url in self.start_urls:
            yield Request(url, dont_filter=True)

    def parse(self, response, **kwargs):
        raise NotImplementedError('%s.parse callback is not defined' % type(self).__name__)

    @classmethod
    def update_settings(cls, settings):
        settings.setdict(cls.custom_settings or {}, priority='spider')

    def __repr__(self):
        return '<%s %r at 0x%x>' % (type(self).__name__, self.name, id(self))


# -- the downloader --------------------------------------------------------

class _Slot:
    """One hostname's queue: concurrency, delay, last dispatch."""

    def __init__(self, concurrency, delay, randomize_delay, key=''):
        # The slot's queue is a queue lane of the trace: a request waits
        # there (its delay, or for a free transfer slot) from fetch to
        # dispatch.
        self.label = 'Scrapy slot %s (#{n})' % key
        self.concurrency = concurrency
        self.delay = delay
        self.randomize_delay = randomize_delay
        self.active = set()
        self.queue = _deque()
        self.transferring = set()
        self.lastseen = 0
        self.latercall = None

    def free_transfer_slots(self):
        return self.concurrency - len(self.transferring)

    def download_delay(self):
        if self.randomize_delay:
            return _random.uniform(0.5 * self.delay, 1.5 * self.delay)
        return self.delay

    def __repr__(self):
        return ('_Slot(concurrency=%r, delay=%.2f, randomize_delay=%r)'
                % (self.concurrency, self.delay, self.randomize_delay))


class _Downloader:
    def __init__(self, crawler):
        self.crawler = crawler
        s = crawler.settings
        self.slots = {}
        self.active = set()
        self.total_concurrency = s.getint('CONCURRENT_REQUESTS')
        self.domain_concurrency = s.getint('CONCURRENT_REQUESTS_PER_DOMAIN')
        self.ip_concurrency = s.getint('CONCURRENT_REQUESTS_PER_IP')
        self.randomize_delay = s.getbool('RANDOMIZE_DOWNLOAD_DELAY')
        self.idle_connections = {}

    def needs_backout(self):
        return len(self.active) >= self.total_concurrency

    def _slot_key(self, request):
        if 'download_slot' in request.meta:
            return request.meta['download_slot']
        return _urlsplit(request.url).hostname or ''

    def _get_slot(self, request, spider):
        key = self._slot_key(request)
        if key not in self.slots:
            delay = self.crawler.settings.getfloat('DOWNLOAD_DELAY')
            if hasattr(spider, 'download_delay'):
                delay = spider.download_delay
            conc = self.ip_concurrency if self.ip_concurrency else self.domain_concurrency
            conc = getattr(spider, 'max_concurrent_requests', conc)
            self.slots[key] = _Slot(conc, delay, self.randomize_delay, key)
        return key, self.slots[key]

    def fetch(self, request, spider):
        self.active.add(request)
        key, slot = self._get_slot(request, spider)
        request.meta['download_slot'] = key
        slot.active.add(request)
        d = _tw._InternalDeferred()

        def deactivate(result):
            slot.active.discard(request)
            self.active.discard(request)
            return result
        d.addBoth(deactivate)
        slot.queue.append((request, d))
        _note_queue(slot, 'put', request, len(slot.queue), slot.label)
        self._process_queue(spider, slot)
        return d

    def _process_queue(self, spider, slot):
        if slot.latercall and slot.latercall.active():
            return
        now = _reactor.seconds()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = _reactor.callLater(penalty, self._process_queue, spider, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = now
            request, d = slot.queue.popleft()
            _note_queue(slot, 'get', request, len(slot.queue), slot.label)
            self._download(slot, request, spider).chainDeferred(d)
            if delay:
                self._process_queue(spider, slot)
                break

    def _download(self, slot, request, spider):
        slot.transferring.add(request)
        d = _tw._InternalDeferred()
        stats = self.crawler.stats
        stats.inc_value('downloader/request_count')
        stats.inc_value('downloader/request_method_count/%s' % request.method)
        host = _urlsplit(request.url).hostname or ''
        new = True
        if self.idle_connections.get(host, 0) > 0:
            self.idle_connections[host] -= 1
            new = False
        headers = {'User-Agent': self.crawler.settings.get('USER_AGENT'),
                   'Accept': 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
                   'Accept-Language': 'en', 'Accept-Encoding': 'gzip, deflate'}
        headers.update(request.headers)
        sent = _reactor.seconds()
        (status, reason, rheaders, raw, final_url,
         connect_ns, wait_ns, transfer_ns) = _net.fetch(
            request.method, request.url, list(headers.items()), request.body, new)

        def arrived():
            _reactor._net_inflight -= 1
            if status == 0:
                stats.inc_value('downloader/exception_count')
                stats.inc_value('downloader/exception_type_count/twisted.internet.error.DNSLookupError')
                d.errback(_tw.Failure(_tw.DNSLookupError(host)))
                return
            self.idle_connections[host] = self.idle_connections.get(host, 0) + 1
            request.meta['download_latency'] = (connect_ns + wait_ns) / 1e9
            stats.inc_value('downloader/response_count')
            stats.inc_value('downloader/response_status_count/%d' % status)
            stats.inc_value('downloader/response_bytes', len(raw))
            ctype = ''
            for k, v in rheaders:
                if k.lower() == 'content-type':
                    ctype = v
            cls = HtmlResponse if 'html' in ctype else (TextResponse if ('text' in ctype or 'json' in ctype) else Response)
            response = cls(final_url, status=status, headers=dict(rheaders),
                           body=raw, request=request)
            self.crawler._response_downloaded(response, request, spider)
            d.callback(response)
        _reactor._net_inflight += 1
        took = (status and (connect_ns + wait_ns + transfer_ns) or connect_ns) / 1e9
        _reactor.callLater(took, arrived)

        def finish_transferring(result):
            slot.transferring.discard(request)
            self._process_queue(spider, slot)
            return result
        return d.addBoth(finish_transferring)

    def close(self):
        for slot in self.slots.values():
            if slot.latercall and slot.latercall.active():
                slot.latercall.cancel()


# -- AutoThrottle ----------------------------------------------------------

class _AutoThrottle:
    def __init__(self, crawler):
        self.crawler = crawler
        s = crawler.settings
        self.target_concurrency = s.getfloat('AUTOTHROTTLE_TARGET_CONCURRENCY')
        if self.target_concurrency <= 0.0:
            raise NotConfigured('AUTOTHROTTLE_TARGET_CONCURRENCY (%s) must be higher than 0.'
                                % self.target_concurrency)
        self.debug = s.getbool('AUTOTHROTTLE_DEBUG')

    def spider_opened(self, spider):
        s = self.crawler.settings
        self.mindelay = getattr(spider, 'download_delay', s.getfloat('DOWNLOAD_DELAY'))
        self.maxdelay = s.getfloat('AUTOTHROTTLE_MAX_DELAY')
        spider.download_delay = max(self.mindelay, s.getfloat('AUTOTHROTTLE_START_DELAY'))

    def response_downloaded(self, response, request, spider):
        key = request.meta.get('download_slot')
        slot = self.crawler.engine.downloader.slots.get(key)
        latency = request.meta.get('download_latency')
        if latency is None or slot is None:
            return
        olddelay = slot.delay
        target_delay = latency / self.target_concurrency
        new_delay = (slot.delay + target_delay) / 2.0
        new_delay = max(target_delay, new_delay)
        new_delay = min(max(self.mindelay, new_delay), self.maxdelay)
        if response.status != 200 and new_delay <= slot.delay:
            return
        slot.delay = new_delay
        if self.debug:
            diff = slot.delay - olddelay
            size = len(response.body)
            conc = len(slot.transferring)
            _log(self.crawler.settings, 'INFO', 'scrapy.extensions.throttle',
                 'slot: %s | conc:%2d | delay:%5d ms (%+d) | latency:%5d ms | size:%6d bytes'
                 % (key, conc, slot.delay * 1000, diff * 1000, latency * 1000, size))


# -- stats, scheduler, engine ----------------------------------------------

class StatsCollector:
    def __init__(self):
        self._stats = {}

    def get_value(self, key, default=None):
        return self._stats.get(key, default)

    def get_stats(self):
        return self._stats

    def set_value(self, key, value):
        self._stats[key] = value

    def inc_value(self, key, count=1, start=0):
        self._stats[key] = self._stats.get(key, start) + count

    def max_value(self, key, value):
        self._stats[key] = max(self._stats.get(key, value), value)

    def min_value(self, key, value):
        self._stats[key] = min(self._stats.get(key, value), value)


def _fingerprint(request):
    parts = _urlsplit(request.url)
    query = '&'.join(sorted(q for q in parts.query.split('&') if q))
    url = '%s://%s%s%s' % (parts.scheme, (parts.netloc or '').lower(),
                            parts.path or '/', '?' + query if query else '')
    return (request.method, url, request.body)


class _Scheduler:
    """Priority first (higher sooner), LIFO within a priority; duplicates
    filtered by fingerprint."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.heap = []
        self.seq = 0
        self.seen = set()
        self.logged_dupe = False

    def enqueue_request(self, request):
        stats = self.crawler.stats
        if not request.dont_filter:
            fp = _fingerprint(request)
            if fp in self.seen:
                stats.inc_value('dupefilter/filtered')
                if not self.logged_dupe:
                    self.logged_dupe = True
                    _log(self.crawler.settings, 'DEBUG', 'scrapy.dupefilters',
                         'Filtered duplicate request: %r - no more duplicates will be '
                         'shown (see DUPEFILTER_DEBUG to show all duplicates)' % request)
                return False
            self.seen.add(fp)
        self.seq += 1
        _heapq.heappush(self.heap, (-request.priority, -self.seq, request))
        stats.inc_value('scheduler/enqueued/memory')
        stats.inc_value('scheduler/enqueued')
        return True

    def next_request(self):
        if not self.heap:
            return None
        stats = self.crawler.stats
        stats.inc_value('scheduler/dequeued/memory')
        stats.inc_value('scheduler/dequeued')
        return _heapq.heappop(self.heap)[2]

    def has_pending_requests(self):
        return bool(self.heap)


class _CallLaterOnce:
    def __init__(self, func):
        self._func = func
        self._call = None

    def schedule(self, delay=0):
        if self._call is None:
            self._call = _reactor.callLater(delay, self)

    def cancel(self):
        if self._call:
            self._call.cancel()
            self._call = None

    def __call__(self):
        self._call = None
        return self._func()


class _Engine:
    def __init__(self, crawler, spider):
        self.crawler = crawler
        self.spider = spider
        self.downloader = _Downloader(crawler)
        self.scheduler = _Scheduler(crawler)
        self.start_requests = iter(spider.start_requests())
        self.nextcall = _CallLaterOnce(self._next_request)
        self.heartbeat = _tw.LoopingCall(self.nextcall.schedule)
        self.closing = False
        self.finished = _tw._InternalDeferred()
        self.in_callbacks = 0

    def open(self):
        self.nextcall.schedule()
        self.heartbeat.start(5.0)

    def _next_request(self):
        if self.closing:
            return
        while not self.downloader.needs_backout():
            request = self.scheduler.next_request()
            if request is None:
                break
            self._download(request)
        if self.start_requests is not None and not self.downloader.needs_backout():
            try:
                request = next(self.start_requests)
            except StopIteration:
                self.start_requests = None
            else:
                self.crawl(request)
        if self.spider_is_idle():
            self.close('finished')

    def spider_is_idle(self):
        return (not self.in_callbacks and not self.downloader.active
                and self.start_requests is None
                and not self.scheduler.has_pending_requests())

    def crawl(self, request):
        if not self._allowed(request):
            return
        self.scheduler.enqueue_request(request)
        self.nextcall.schedule()

    def _allowed(self, request):
        domains = [d for d in (getattr(self.spider, 'allowed_domains', None) or []) if d]
        if not domains:
            return True
        host = (_urlsplit(request.url).hostname or '').lower()
        for d in domains:
            d = d.lower()
            if host == d or host.endswith('.' + d):
                return True
        stats = self.crawler.stats
        stats.inc_value('offsite/filtered')
        stats.inc_value('offsite/domains')
        _log(self.crawler.settings, 'DEBUG', 'scrapy.downloadermiddlewares.offsite',
             "Filtered offsite request to '%s': %r" % (host, request))
        return False

    def _download(self, request):
        d = self.downloader.fetch(request, self.spider)
        self.in_callbacks += 1

        def handle(result):
            self.in_callbacks -= 1
            try:
                self._handle_output(request, result)
            finally:
                self.nextcall.schedule()
            return None
        d.addBoth(handle)

    def _handle_output(self, request, result):
        stats = self.crawler.stats
        settings = self.crawler.settings
        if isinstance(result, _tw.Failure):
            _log(settings, 'ERROR', 'scrapy.core.scraper',
                 'Error downloading %r: %s' % (request, result.getErrorMessage()))
            if request.errback:
                self._iterate(request.errback(result), request, None)
            return
        response = result
        stats.inc_value('response_received_count')
        referer = request.headers.get('Referer')
        _log(settings, 'DEBUG', 'scrapy.core.engine',
             'Crawled (%d) %r (referer: %s)' % (response.status, request, referer))
        allowed = getattr(self.spider, 'handle_httpstatus_list', [])
        if not (200 <= response.status < 300) and response.status not in allowed \
                and not settings.getbool('HTTPERROR_ALLOW_ALL') \
                and not request.meta.get('handle_httpstatus_all'):
            stats.inc_value('httperror/response_ignored_count')
            stats.inc_value('httperror/response_ignored_status_count/%d' % response.status)
            _log(settings, 'INFO', 'scrapy.spidermiddlewares.httperror',
                 'Ignoring response %r: HTTP status code is not handled or not allowed'
                 % response)
            if request.errback:
                self._iterate(request.errback(_tw.Failure(HttpError(response, 'Ignoring non-200 response'))),
                              request, response)
            return
        callback = request.callback or self.spider.parse
        try:
            output = callback(response, **request.cb_kwargs)
            self._iterate(output, request, response)
        except CloseSpider as e:
            self.close(e.reason)
        except Exception as e:
            # Scrapy logs a callback's exception and goes on crawling.
            stats.inc_value('spider_exceptions/count')
            stats.inc_value('spider_exceptions/%s' % type(e).__name__)
            _log(settings, 'ERROR', 'scrapy.core.scraper',
                 'Spider error processing %r (referer: %s)\nTraceback (most recent call last):\n%s: %s'
                 % (request, referer, _tw._qualname(type(e)), e))

    def _iterate(self, output, request, response):
        if output is None:
            return
        stats = self.crawler.stats
        settings = self.crawler.settings
        depth = request.meta.get('depth', 0)
        if isinstance(output, (Request, dict, Item)):
            output = [output]
        try:
            for item in output:
                if isinstance(item, Request):
                    item.meta['depth'] = depth + 1
                    limit = settings.getint('DEPTH_LIMIT')
                    if limit and depth + 1 > limit:
                        continue
                    stats.max_value('request_depth_max', depth + 1)
                    if response is not None:
                        item.headers.setdefault('Referer', response.url)
                    self.crawl(item)
                elif item is None:
                    continue
                else:
                    item = self.crawler.pipelines.process_item(item, response, self.spider)
                    if item is None:
                        continue
                    stats.inc_value('item_scraped_count')
                    self.crawler.items.append(item)
                    self.crawler.feeds.item_scraped(item)
                    _log(settings, 'DEBUG', 'scrapy.core.scraper',
                         'Scraped from %r\n%r' % (response, item))
                    cap = settings.getint('CLOSESPIDER_ITEMCOUNT')
                    if cap and stats.get_value('item_scraped_count') >= cap:
                        self.close('closespider_itemcount')
        except CloseSpider as e:
            self.close(e.reason)

    def close(self, reason):
        if self.closing:
            return
        self.closing = True
        self.nextcall.cancel()
        if self.heartbeat.running:
            self.heartbeat.stop()
        self.downloader.close()
        self.crawler._closed(reason)
        self.finished.callback(reason)


# -- item pipelines and feed exports ---------------------------------------

def _load_object(path):
    """The class a setting names: a class itself, or 'module.Name'
    ('__main__.Name' for the program's own)."""
    if not isinstance(path, str):
        return path
    module, _, name = path.rpartition('.')
    if not module:
        raise ValueError("Error loading object '%s': not a full path" % path)
    mod = _sys.modules.get(module)
    if mod is None:
        mod = __import__(module, fromlist=[name])
    try:
        return getattr(mod, name)
    except AttributeError:
        raise NameError("Module '%s' doesn't define any object named '%s'"
                        % (module, name))


def _build_component(cls, crawler):
    if hasattr(cls, 'from_crawler'):
        return cls.from_crawler(crawler)
    if hasattr(cls, 'from_settings'):
        return cls.from_settings(crawler.settings)
    return cls()


class _ItemPipelines:
    """ITEM_PIPELINES, lowest order value first: open_spider, each item
    through every process_item (a DropItem stops it, logged and counted as
    Scrapy does), close_spider."""

    def __init__(self, crawler):
        self.crawler = crawler
        conf = crawler.settings.getdict('ITEM_PIPELINES')
        paths = [p for p, order in sorted(conf.items(), key=lambda kv: kv[1] if kv[1] is not None else 0)
                 if order is not None]
        self.pipelines = [_build_component(_load_object(p), crawler) for p in paths]
        if conf:
            names = [p if isinstance(p, str) else '%s.%s' % (p.__module__, p.__qualname__)
                     for p in paths]
            _log(crawler.settings, 'INFO', 'scrapy.middleware',
                 'Enabled item pipelines:\n%r' % names)

    def open_spider(self, spider):
        for p in self.pipelines:
            if hasattr(p, 'open_spider'):
                p.open_spider(spider)

    def close_spider(self, spider):
        for p in self.pipelines:
            if hasattr(p, 'close_spider'):
                p.close_spider(spider)

    def process_item(self, item, response, spider):
        """The item the pipelines give back, or None when one dropped it
        or failed on it."""
        settings = self.crawler.settings
        stats = self.crawler.stats
        for p in self.pipelines:
            if not hasattr(p, 'process_item'):
                continue
            try:
                item = _settled(p.process_item(item, spider))
            except DropItem as e:
                stats.inc_value('item_dropped_count')
                stats.inc_value('item_dropped_reasons_count/%s' % type(e).__name__)
                _log(settings, 'WARNING', 'scrapy.core.scraper',
                     'Dropped: %s\n%s' % (e, item))
                return None
            except Exception as e:
                _log(settings, 'ERROR', 'scrapy.core.scraper',
                     'Error processing %s\nTraceback (most recent call last):\n%s: %s'
                     % (item, _tw._qualname(type(e)), e))
                return None
        return item


def _settled(result):
    """What a process_item gave: its value, a fired Deferred's result or
    an `async def`'s return value (run at once: waiting on anything the
    reactor would fire later is not simulated)."""
    if hasattr(result, 'send') and hasattr(result, 'throw') and not isinstance(result, _tw.Deferred):
        result = _tw.ensureDeferred(result)
    if isinstance(result, _tw.Deferred):
        if not result.called:
            raise NotImplementedError(
                "scrapy: a process_item that waits for the reactor is not simulated")
        value = result.result
        result.addErrback(lambda _: None)
        if isinstance(value, _tw.Failure):
            raise value.value
        return value
    return result


class _Feed:
    """One FEEDS entry: the items, written when the spider closes, as
    Scrapy's exporters write them (json, jsonlines, csv)."""

    def __init__(self, uri, options, settings):
        self.uri = uri
        self.format = options.get('format', 'jsonlines')
        if self.format == 'jl':
            self.format = 'jsonlines'
        if self.format not in ('json', 'jsonlines', 'csv'):
            raise NotImplementedError(
                "scrapy: the %r feed format is not simulated (json, jsonlines, csv)"
                % self.format)
        self.overwrite = options.get('overwrite', False)
        self.fields = options.get('fields', settings.get('FEED_EXPORT_FIELDS'))
        self.store_empty = options.get('store_empty', settings.getbool('FEED_STORE_EMPTY', True))
        self.items = []

    def _text(self):
        import json as _json
        if self.format == 'json':
            out = '['
            for i, item in enumerate(self.items):
                out += ('\n' if i == 0 else ',\n') + _json.dumps(dict(item))
            return out + '\n\n]' if not self.items else out + '\n]'
        if self.format == 'jsonlines':
            return ''.join(_json.dumps(dict(item)) + '\n' for item in self.items)
        if not self.items:
            return ''
        import csv as _csv
        import io as _io
        fields = list(self.fields) if self.fields else list(self.items[0])
        out = _io.StringIO()
        writer = _csv.writer(out)
        writer.writerow(fields)
        for item in self.items:
            writer.writerow([_csv_field(item.get(f, '')) for f in fields])
        return out.getvalue()

    def store(self, spider):
        if not self.items and not self.store_empty:
            return False
        path = self.uri % {'name': spider.name}
        if path.startswith('file://'):
            path = path[len('file://'):]
        with open(path, 'wb' if self.overwrite else 'ab') as f:
            f.write(self._text().encode('utf-8'))
        return True


def _csv_field(v):
    if isinstance(v, (list, tuple)):
        return ','.join(str(x) for x in v)
    return str(v)


class _FeedExports:
    def __init__(self, crawler):
        self.crawler = crawler
        feeds = crawler.settings.getdict('FEEDS')
        self.feeds = [_Feed(uri, dict(options or {}), crawler.settings)
                      for uri, options in feeds.items()]

    def item_scraped(self, item):
        for f in self.feeds:
            f.items.append(item)

    def close(self, spider):
        for f in self.feeds:
            if f.store(spider):
                self.crawler.stats.inc_value('feedexport/success_count/FileFeedStorage')
                _log(self.crawler.settings, 'INFO', 'scrapy.extensions.feedexport',
                     'Stored %s feed (%d items) in: %s' % (f.format, len(f.items), f.uri))


class Crawler:
    def __init__(self, spidercls, settings=None):
        self.spidercls = spidercls
        self.settings = settings.copy() if settings else Settings()
        spidercls.update_settings(self.settings)
        self.stats = StatsCollector()
        self.spider = None
        self.engine = None
        self.items = []
        self.throttle = None

    def _open(self, *args, **kwargs):
        spider = self.spidercls(*args, **kwargs)
        spider.crawler = self
        spider.settings = self.settings
        self.spider = spider
        if self.settings.getbool('AUTOTHROTTLE_ENABLED'):
            self.throttle = _AutoThrottle(self)
            self.throttle.spider_opened(spider)
        self.pipelines = _ItemPipelines(self)
        self.feeds = _FeedExports(self)
        self.engine = _Engine(self, spider)
        self.start_time = _reactor.seconds()
        self.stats.set_value('start_time', self.start_time)
        _log(self.settings, 'INFO', 'scrapy.core.engine', 'Spider opened')
        self.pipelines.open_spider(spider)
        self.engine.open()
        return self.engine.finished

    def _response_downloaded(self, response, request, spider):
        if self.throttle is not None:
            self.throttle.response_downloaded(response, request, spider)

    def _closed(self, reason):
        _log(self.settings, 'INFO', 'scrapy.core.engine', 'Closing spider (%s)' % reason)
        self.pipelines.close_spider(self.spider)
        self.feeds.close(self.spider)
        finish = _reactor.seconds()
        self.stats.set_value('elapsed_time_seconds', round(finish - self.start_time, 6))
        self.stats.set_value('finish_reason', reason)
        self.stats.set_value('finish_time', finish)
        if self.settings.getbool('LOG_ENABLED') and _LEVELS.get(
                str(self.settings.get('LOG_LEVEL')).upper(), 10) <= 20:
            lines = []
            keys = sorted(self.stats.get_stats())
            for i, k in enumerate(keys):
                lines.append('%s%r: %r%s' % ('{' if i == 0 else ' ', k,
                                             self.stats.get_stats()[k],
                                             '}' if i == len(keys) - 1 else ','))
            _sys.stderr.write('[scrapy.statscollectors] INFO: Dumping Scrapy stats:\n%s\n'
                              % '\n'.join(lines))
        _log(self.settings, 'INFO', 'scrapy.core.engine', 'Spider closed (%s)' % reason)


class CrawlerProcess:
    """crawl(SpiderClass) any number of times, then start(): runs the
    reactor until every crawl has finished."""

    def __init__(self, settings=None, install_root_handler=True):
        if isinstance(settings, Settings):
            self.settings = settings.copy()
        else:
            self.settings = Settings(settings)
        # The crawls not finished yet, as Scrapy's set (a finished crawler
        # leaves it: keep the one create_crawler gives to read its stats).
        self.crawlers = set()
        self._pending = []

    def create_crawler(self, spidercls):
        if isinstance(spidercls, Crawler):
            return spidercls
        return Crawler(spidercls, self.settings)

    def crawl(self, crawler_or_spidercls, *args, **kwargs):
        crawler = self.create_crawler(crawler_or_spidercls)
        self.crawlers.add(crawler)
        self._pending.append((crawler, args, kwargs))
        return _tw._InternalDeferred()

    def start(self, stop_after_crawl=True, install_signal_handlers=True):
        remaining = [len(self._pending)]

        def one_done(_):
            remaining[0] -= 1
            if remaining[0] == 0 and stop_after_crawl and not _reactor._stopped:
                _reactor.stop()

        def begin():
            pending, self._pending = self._pending, []
            for crawler, args, kwargs in pending:
                crawler._open(*args, **kwargs).addBoth(
                    lambda r, c=crawler: (self.crawlers.discard(c), one_done(r)))
        if not self._pending:
            return
        _reactor.callWhenRunning(begin)
        _reactor.run()


class CrawlerRunner:
    def __init__(self, settings=None):
        raise NotImplementedError(
            'scrapy: CrawlerRunner is not simulated; use CrawlerProcess')
