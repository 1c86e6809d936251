"""pathlib on the simulated disk, after the API of CPython 3.11's
Lib/pathlib.py for POSIX paths: PurePath/PurePosixPath (the path
arithmetic: `/`, parts, name, suffix, stem, parent(s), with_name,
with_suffix, with_stem, relative_to, is_relative_to, match) and
Path/PosixPath (the disk: exists, is_file, is_dir, stat, mkdir, rmdir,
unlink, rename, replace, touch, open, read_text/write_text,
read_bytes/write_bytes, iterdir, glob, rglob, cwd, home, absolute,
resolve).

Every disk operation goes through `os` and `open`, so it costs what they
cost and releases the GIL as they do. The simulated machine's home is its
working directory. Windows paths (PureWindowsPath) are not simulated.
"""

import os

__all__ = ['PurePath', 'PurePosixPath', 'Path', 'PosixPath']


def _parse(args):
    """The root ('', '/' or '//') and the parts of the path the arguments
    join to, as CPython's posix flavour parses them."""
    root = ''
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            a_root, a_parts = a._root, a._parts
        else:
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError('argument should be a str or an os.PathLike '
                                'object where __fspath__ returns a str, not %r'
                                % type(a).__name__)
            a_root = ''
            if a.startswith('/'):
                a_root = '//' if a.startswith('//') and not a.startswith('///') else '/'
            a_parts = [p for p in a.split('/') if p and p != '.']
        if a_root:
            root, parts = a_root, list(a_parts)
        else:
            parts.extend(a_parts)
    return root, parts


def _fnmatch(name, pattern):
    """Whether `name` matches the shell pattern (`*`, `?`, `[seq]`,
    `[!seq]`), case-sensitively as on POSIX."""
    n, p = 0, 0
    star, mark = -1, 0
    while n < len(name):
        if p < len(pattern) and pattern[p] == '*':
            star, mark = p, n
            p += 1
            continue
        if p < len(pattern):
            matched, width = _match_one(name[n], pattern, p)
            if matched:
                n += 1
                p += width
                continue
        if star >= 0:
            p = star + 1
            mark += 1
            n = mark
            continue
        return False
    while p < len(pattern) and pattern[p] == '*':
        p += 1
    return p == len(pattern)


def _match_one(c, pattern, p):
    """Whether character `c` matches the pattern element at `p`, and the
    element's width."""
    head = pattern[p]
    if head == '?':
        return True, 1
    if head == '[':
        end = pattern.find(']', p + 2)
        if end < 0:
            return c == '[', 1
        body = pattern[p + 1:end]
        negate = body.startswith('!')
        if negate:
            body = body[1:]
        found = False
        i = 0
        while i < len(body):
            if i + 2 < len(body) and body[i + 1] == '-':
                if body[i] <= c <= body[i + 2]:
                    found = True
                i += 3
            else:
                if body[i] == c:
                    found = True
                i += 1
        return found != negate, end - p + 1
    return c == head, 1


class _Parents(object):
    """The logical ancestors of a path, nearest first (`path.parents`)."""

    def __init__(self, path):
        self._path = path
        self._n = len(path._parts)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._n)))
        if idx < 0:
            idx += self._n
        if idx < 0 or idx >= self._n:
            raise IndexError(idx)
        p = self._path
        return p._from_parsed(p._root, p._parts[:self._n - idx - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return '<%s.parents>' % type(self._path).__name__


class PurePath(os.PathLike):
    """A path as text, without the disk."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    def __init__(self, *args):
        pass

    def _from_parsed(self, root, parts):
        new = object.__new__(type(self))
        new._root, new._parts = root, list(parts)
        return new

    def __str__(self):
        return (self._root + '/'.join(self._parts)) or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.as_posix())

    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def _key(self):
        return [self._root] + self._parts if self._root else self._parts

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        root, parts = _parse((self,) + args)
        return self._from_parsed(root, parts)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from_parsed(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._from_parsed(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError('Invalid suffix %r' % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._from_parsed(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError('need at least one argument')
        root, parts = _parse(other)
        if root != self._root or self._parts[:len(parts)] != parts:
            formatted = (root + '/'.join(parts)) or '.'
            raise ValueError('{!r} is not in the subpath of {!r}'
                             ' OR one path is relative and the other is absolute.'
                             .format(str(self), formatted))
        return self._from_parsed('', self._parts[len(parts):])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        root, pat_parts = _parse((path_pattern,))
        if not pat_parts and not root:
            raise ValueError('empty pattern')
        if root:
            if root != self._root or len(pat_parts) != len(self._parts):
                return False
        elif len(pat_parts) > len(self._parts):
            return False
        for part, pat in zip(reversed(self._parts), reversed(pat_parts)):
            if not _fnmatch(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A POSIX path as text."""


class Path(PurePath):
    """A path on the simulated disk."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.getcwd())

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_parsed(*_parse((os.getcwd(), self)))

    def resolve(self, strict=False):
        path = os.path.normpath(str(self.absolute()))
        if strict and not os.path.exists(path):
            os.stat(path)
        return type(self)(path)

    def stat(self, *, follow_symlinks=True):
        return os.stat(self)

    def lstat(self):
        return os.stat(self)

    def exists(self):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return False

    def iterdir(self):
        for name in os.listdir(self):
            yield self._from_parsed(self._root, self._parts + [name])

    def _select(self, pattern_parts, at):
        """The paths under `at` (a path) matching the pattern's parts."""
        if not pattern_parts:
            yield at
            return
        head, rest = pattern_parts[0], pattern_parts[1:]
        if head == '**':
            for p in self._walk_dirs(at):
                yield from self._select(rest, p)
            return
        if not os.path.isdir(at):
            return
        if not any(c in head for c in '*?['):
            p = at / head
            if os.path.exists(p):
                yield from self._select(rest, p)
            return
        for name in os.listdir(at):
            if _fnmatch(name, head):
                p = at / name
                if rest and not os.path.isdir(p):
                    continue
                yield from self._select(rest, p)

    def _walk_dirs(self, at):
        yield at
        for name in os.listdir(at):
            p = at / name
            if os.path.isdir(p):
                yield from self._walk_dirs(p)

    def glob(self, pattern):
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        if not parts:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        seen = set()
        for p in self._select(parts, self):
            key = str(p)
            if key not in seen:
                seen.add(key)
                yield p

    def rglob(self, pattern):
        return self.glob('**/' + pattern)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(self)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            open(self, 'a').close()
        else:
            open(self, 'x').close()

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("memoryview: a bytes-like object is required, not '%s'"
                            % type(data).__name__)
        with self.open(mode='wb') as f:
            return f.write(data)

    def samefile(self, other_path):
        return self.resolve() == type(self)(other_path).resolve()


class PosixPath(Path, PurePosixPath):
    """A POSIX path on the simulated disk."""
