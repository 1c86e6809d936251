"""json: JSON encoding (dumps, dump, JSONEncoder) and decoding (loads,
load, JSONDecoder, JSONDecodeError) as in CPython 3.11.

Written for Interleave. CPython encodes with its C accelerator when
`indent` is None and with Python code otherwise; the two differ in one
message (allow_nan=False: the Python encoder appends the value), and this
module reproduces each. Decoding follows the C scanner: its messages
("Expecting value", "Expecting ',' delimiter", "Invalid \\escape", ...)
and the positions it reports. A lone surrogate escape ("\\ud800") cannot
be held by this interpreter's str and decodes to U+FFFD."""

__all__ = ['dump', 'dumps', 'load', 'loads',
           'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_INFINITY = float('inf')


# ---- encoding ---------------------------------------------------------------

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f',
            '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    _ESCAPES.setdefault(chr(_i), '\\u%04x' % _i)
del _i


def _escape_char_ascii(ch):
    esc = _ESCAPES.get(ch)
    if esc is not None:
        return esc
    n = ord(ch)
    if n < 0x10000:
        return '\\u%04x' % n
    n -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff))


def _quote(s, ensure_ascii):
    # A JSON string literal for s.
    if ensure_ascii:
        if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
            return '"' + s + '"'
        parts = []
        for ch in s:
            if ' ' <= ch <= '~' and ch != '"' and ch != '\\':
                parts.append(ch)
            else:
                parts.append(_escape_char_ascii(ch))
        return '"' + ''.join(parts) + '"'
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    parts = []
    for ch in s:
        if ch < ' ' or ch == '"' or ch == '\\':
            parts.append(_ESCAPES[ch])
        else:
            parts.append(ch)
    return '"' + ''.join(parts) + '"'


class JSONEncoder:
    """Extensible JSON encoder for Python data structures.

    dict -> object, list and tuple -> array, str -> string, int and float
    -> number, True/False -> true/false, None -> null. Override default()
    to encode other objects."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return the JSON text of o."""
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o, in chunks."""
        out = []
        _Encoding(self, _one_shot and self.indent is None, out).value(o, 0)
        return iter(out)


class _Encoding:
    # One run of an encoder: its settings read once, the output chunks,
    # and the ids of the containers being encoded (circular references).

    def __init__(self, encoder, like_c, out):
        self.default = encoder.default
        self.ensure_ascii = encoder.ensure_ascii
        self.allow_nan = encoder.allow_nan
        self.sort_keys = encoder.sort_keys
        self.skipkeys = encoder.skipkeys
        self.markers = {} if encoder.check_circular else None
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        # CPython's C encoder (used for dumps without indent) words one
        # message differently from its Python encoder.
        self.like_c = like_c
        self.out = out

    def float_text(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INFINITY:
            text = 'Infinity'
        elif o == -_INFINITY:
            text = '-Infinity'
        else:
            return repr(float(o))
        if not self.allow_nan:
            if self.like_c:
                raise ValueError("Out of range float values are not JSON compliant")
            raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
        return text

    def scalar(self, o):
        # The text of a str, None, bool, int or float; None for others.
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return repr(int(o))
        if isinstance(o, float):
            return self.float_text(o)
        return None

    def enter(self, o):
        if self.markers is not None:
            marker = id(o)
            if marker in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[marker] = o
            return marker
        return None

    def leave(self, marker):
        if marker is not None:
            del self.markers[marker]

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.out.append(text)
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            marker = self.enter(o)
            self.value(self.default(o), level)
            self.leave(marker)

    def array(self, items, level):
        # Chunks as CPython's Python encoder yields them (json.dump writes
        # each): a scalar item shares a chunk with the separator before it.
        out = self.out
        if not items:
            out.append('[]')
            return
        marker = self.enter(items)
        buf = '['
        if self.indent is not None:
            level += 1
            newline = '\n' + self.indent * level
            separator = self.item_separator + newline
            buf += newline
        else:
            newline = None
            separator = self.item_separator
        first = True
        for item in items:
            if first:
                first = False
            else:
                buf = separator
            text = self.scalar(item)
            if text is not None:
                out.append(buf + text)
            else:
                out.append(buf)
                self.value(item, level)
        if newline is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.leave(marker)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float_text(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return repr(int(key))
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def object(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        marker = self.enter(dct)
        out.append('{')
        if self.indent is not None:
            level += 1
            newline = '\n' + self.indent * level
            separator = self.item_separator + newline
            out.append(newline)
        else:
            newline = None
            separator = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self.key_text(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(separator)
            out.append(_quote(key, self.ensure_ascii))
            out.append(self.key_separator)
            self.value(value, level)
        if newline is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.leave(marker)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize obj as a JSON formatted stream to fp (an object with a
    write() method)."""
    if cls is None:
        cls = JSONEncoder
    encoder = cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys, **kw)
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)


# ---- decoding ---------------------------------------------------------------

class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
                   'n': '\n', 'r': '\r', 't': '\t'}
_CONSTANTS = {'-Infinity': -_INFINITY, 'Infinity': _INFINITY, 'NaN': float('nan')}


def _constant(name):
    return _CONSTANTS[name]


class _NoValue(Exception):
    # No JSON value starts at .pos (CPython's scanner raises StopIteration).
    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WHITESPACE:
        i += 1
    return i


def _scan_string(s, end, strict):
    # The str literal whose opening quote is at end - 1, and the index
    # after its closing quote.
    begin = end - 1
    n = len(s)
    chunks = []
    while True:
        # The next quote or backslash, and the text before it.
        quote = s.find('"', end)
        if quote < 0:
            quote = n
        nxt = s.find('\\', end, quote)
        if nxt < 0:
            nxt = quote
        if nxt > end:
            chunk = s[end:nxt]
            if strict and not chunk.isprintable():
                for i in range(end, nxt):
                    if s[i] < ' ':
                        raise JSONDecodeError("Invalid control character at", s, i)
            chunks.append(chunk)
        if nxt == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        ch = s[nxt]
        nxt += 1
        if ch == '"':
            end = nxt
            break
        if nxt == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[nxt]
        if esc != 'u':
            end = nxt + 1
            ch = _SIMPLE_ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError("Invalid \\escape", s, end - 2)
            chunks.append(ch)
            continue
        nxt += 1
        end = nxt + 4
        if end >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, nxt - 1)
        code = _hex4(s, nxt, end)
        if 0xd800 <= code <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            low = _hex4(s, end + 2, end + 6)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        if 0xd800 <= code <= 0xdfff:
            code = 0xfffd
        chunks.append(chr(code))
    return ''.join(chunks), end


def _hex4(s, start, end):
    code = 0
    for i in range(start, end):
        digit = s[i]
        if digit not in _HEX:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, end - 5)
        code = code * 16 + int(digit, 16)
    return code


class _Scanner:
    # The settings of one decoder; scan(s, i) is CPython's scan_once.

    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def scan(self, s, i):
        n = len(s)
        if i >= n:
            raise _NoValue(i)
        ch = s[i]
        if ch == '"':
            return _scan_string(s, i + 1, self.strict)
        if ch == '{':
            return self.object(s, i + 1)
        if ch == '[':
            return self.array(s, i + 1)
        if ch == 'n' and s.startswith('null', i):
            return None, i + 4
        if ch == 't' and s.startswith('true', i):
            return True, i + 4
        if ch == 'f' and s.startswith('false', i):
            return False, i + 5
        if ch == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if ch == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if ch == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        return self.number(s, i)

    def number(self, s, start):
        n = len(s)
        i = start
        if i < n and s[i] == '-':
            i += 1
        if i < n and '1' <= s[i] <= '9':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        elif i < n and s[i] == '0':
            i += 1
        else:
            raise _NoValue(start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n and (s[i] == 'e' or s[i] == 'E'):
            e_start = i
            i += 1
            if i < n and (s[i] == '+' or s[i] == '-'):
                i += 1
            digits_start = i
            while i < n and s[i] in _DIGITS:
                i += 1
            if i > digits_start:
                is_float = True
            else:
                i = e_start
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def object(self, s, i):
        n = len(s)
        pairs = []
        i = _skip_ws(s, i)
        if i >= n or s[i] != '}':
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, i)
                key, i = _scan_string(s, i + 1, self.strict)
                i = _skip_ws(s, i)
                if i >= n or s[i] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = _skip_ws(s, i + 1)
                value, i = self.scan(s, i)
                pairs.append((key, value))
                i = _skip_ws(s, i)
                if i < n and s[i] == '}':
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i = _skip_ws(s, i + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i + 1

    def array(self, s, i):
        n = len(s)
        values = []
        i = _skip_ws(s, i)
        if i >= n or s[i] != ']':
            while True:
                value, i = self.scan(s, i)
                values.append(value)
                i = _skip_ws(s, i)
                if i < n and s[i] == ']':
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i = _skip_ws(s, i + 1)
        return values, i + 1


class JSONDecoder:
    """Simple JSON decoder: object -> dict, array -> list, string -> str,
    number -> int or float, true/false -> True/False, null -> None; also
    NaN, Infinity and -Infinity."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """The Python value of the JSON document s (a str)."""
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON document that starts at s[idx]: (value, end)."""
        try:
            return _Scanner(self).scan(s, idx)
        except _NoValue as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None


try:
    _BYTES_TYPES = (bytes, bytearray)
except NameError:  # an interpreter without bytearray
    _BYTES_TYPES = (bytes,)


def _detect_encoding(b):
    head4, head3, head2 = b[:4], b[:3], b[:2]
    if head4 == b'\x00\x00\xfe\xff' or head4 == b'\xff\xfe\x00\x00':
        return 'utf-32'
    if head2 == b'\xfe\xff' or head2 == b'\xff\xfe':
        return 'utf-16'
    if head3 == b'\xef\xbb\xbf':
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding a JSON document)
    to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, _BYTES_TYPES):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode(_detect_encoding(s), 'surrogatepass')
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize fp (an object with a read() method) to a Python object."""
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
