"""string: the ASCII character-class constants, capwords, Template
($-substitution) and Formatter (str.format as a class), as in CPython 3.11.

Written for Interleave. CPython finds Template's placeholders with a
regular expression; there is no `re` here, so a small scanner finds the
same matches ($$, $identifier, ${identifier}, and a bare $ as invalid).
A subclass may change `delimiter`; `idpattern`, `braceidpattern`,
`flags` and `pattern` are not honoured (identifiers are always ASCII
`[_a-zA-Z][_a-zA-Z0-9]*`). Formatter parses format strings itself
(CPython uses its C parser): malformed fields may be reported with other
messages than CPython's."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split s into words (str.split(sep)), capitalize each word, and join
    them with sep (a single space when sep is None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = frozenset('_' + ascii_letters)
_ID_REST = frozenset('_' + ascii_letters + digits)
_sentinel_dict = {}


def _identifier_end(text, i):
    # The end of the ASCII identifier starting at i, or i if there is none.
    n = len(text)
    if i < n and text[i] in _ID_START:
        i += 1
        while i < n and text[i] in _ID_REST:
            i += 1
    return i


def _placeholders(text, delim):
    # Each match as (kind, start, end, name): kind is 'escaped', 'named',
    # 'braced' or 'invalid'; for 'invalid', end is where the bad
    # placeholder starts (just after the delimiter).
    n, d = len(text), len(delim)
    i = 0
    while True:
        at = text.find(delim, i)
        if at < 0 or not delim:
            return
        after = at + d
        if text.startswith(delim, after):
            yield ('escaped', at, after + d, None)
            i = after + d
            continue
        end = _identifier_end(text, after)
        if end > after:
            yield ('named', at, end, text[after:end])
            i = end
            continue
        if after < n and text[after] == '{':
            end = _identifier_end(text, after + 1)
            if end > after + 1 and end < n and text[end] == '}':
                yield ('braced', at, end + 1, text[after + 1:end])
                i = end + 1
                continue
        yield ('invalid', at, after, None)
        i = after


class _Chain:
    # Keyword arguments first, then the mapping (collections.ChainMap's
    # lookup, which is all Template needs).
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            pass
        return self.second[key]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _invalid(self, start):
        lines = self.template[:start].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = start - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        text = self.template
        delim = self.delimiter
        out = []
        last = 0
        for kind, start, end, name in _placeholders(text, delim):
            out.append(text[last:start])
            last = end
            if name is not None:
                if safe:
                    try:
                        out.append(str(mapping[name]))
                    except KeyError:
                        out.append(text[start:end])
                else:
                    out.append(str(mapping[name]))
            elif kind == 'escaped':
                out.append(delim)
            elif safe:
                out.append(text[start:end])
            else:
                self._invalid(end)
        out.append(text[last:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        for kind, start, end, name in _placeholders(self.template, self.delimiter):
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in _placeholders(self.template, self.delimiter):
            if name is not None and name not in ids:
                ids.append(name)
        return ids


# ---- Formatter ------------------------------------------------------------------

def _split_field(field):
    # 'name!c:spec' -> (name, spec, conversion); brackets may hold ! and :.
    i, n = 0, len(field)
    depth = 0
    while i < n:
        ch = field[i]
        if ch == '[':
            depth += 1
        elif ch == ']':
            depth -= 1
        elif depth <= 0 and (ch == '!' or ch == ':'):
            break
        i += 1
    name = field[:i]
    if i == n:
        return name, '', None
    if field[i] == ':':
        return name, field[i + 1:], None
    if i + 1 >= n:
        raise ValueError("end of string while looking for conversion specifier")
    conversion = field[i + 1]
    if i + 2 < n:
        if field[i + 2] != ':':
            raise ValueError("expected ':' after conversion specifier")
        return name, field[i + 3:], conversion
    return name, '', conversion


def _parse_format(s):
    # (literal_text, field_name, format_spec, conversion) tuples, as
    # _string.formatter_parser gives them.
    i, n = 0, len(s)
    while i < n:
        start = i
        while i < n and s[i] != '{' and s[i] != '}':
            i += 1
        if i == n:
            yield (s[start:], None, None, None)
            return
        brace = s[i]
        i += 1
        if i < n and s[i] == brace:
            yield (s[start:i], None, None, None)
            i += 1
            continue
        if brace == '}':
            raise ValueError("Single '}' encountered in format string")
        if i == n:
            raise ValueError("Single '{' encountered in format string")
        literal = s[start:i - 1]
        depth = 1
        field_start = i
        in_name = True
        while i < n:
            ch = s[i]
            i += 1
            if in_name and ch == '[':
                # An index in the field name: braces there are literal.
                while i < n and s[i] != ']':
                    i += 1
                i += 1
                continue
            if ch == '!' or ch == ':':
                in_name = False
            if ch == '{':
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0:
                    break
        else:
            raise ValueError("expected '}' before end of string")
        name, spec, conversion = _split_field(s[field_start:i - 1])
        yield (literal, name, spec, conversion)


def _field_name_split(field_name):
    # 'a[0].b' -> ('a', [(False, 0), (True, 'b')]), as
    # _string.formatter_field_name_split gives them (as a list).
    n = len(field_name)
    i = 0
    while i < n and field_name[i] != '.' and field_name[i] != '[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if field_name[i] == '.':
            j = i + 1
            while j < n and field_name[j] != '.' and field_name[j] != '[':
                j += 1
            attr = field_name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        else:
            j = field_name.find(']', i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and field_name[i] != '.' and field_name[i] != '[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """str.format as a class whose steps (parse, get_value, convert_field,
    format_field, ...) a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
