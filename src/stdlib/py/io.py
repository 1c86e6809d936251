"""io: files on the simulated disk, as CPython's `_io` does them.

Written for Interleave. `open()` (also the builtin) gives a TextIOWrapper
in text mode and a BufferedReader / BufferedWriter / BufferedRandom in
binary mode, with CPython's reprs, modes, errors and newline handling
(universal newlines on read; `newline=''` keeps them, as csv needs). The
descriptors and the disk are `_fs`'s (see src/stdlib/io_fs.rs), which
also charges the time of each system call. StringIO and BytesIO are here
too. This module stands for C code: its frames stay out of tracebacks.

Differences from CPython, by design: a read fetches the rest of the file
at once (CPython reads 8 KB chunks), so `tell()` after reading text with
translated '\\r\\n' newlines is not CPython's opaque cookie; written text
waits in one 8 KB buffer (CPython has a text layer and a binary one);
`newlines` is always None; a file descriptor number cannot be opened."""

import _fs

__all__ = ['open', 'DEFAULT_BUFFER_SIZE', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
           'UnsupportedOperation', 'TextIOWrapper', 'BufferedReader',
           'BufferedWriter', 'BufferedRandom', 'StringIO', 'BytesIO']

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


def _size(size, text_line=False):
    # A read's size argument, checked as CPython's converters do (the
    # text readline's is the plain ssize_t one).
    if size is None:
        return -1
    if not isinstance(size, int):
        if text_line:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(size).__name__)
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__)
    if not -2**63 <= size < 2**63:
        if text_line:
            raise OverflowError('Python int too large to convert to C ssize_t')
        raise OverflowError("cannot fit 'int' into an index-sized integer")
    return size


def _closed_error(msg='I/O operation on closed file.'):
    return ValueError(msg)


class _FileBase:
    # What the text and binary files share: the descriptor, the state
    # flags, closing and the context manager. CPython words "closed"
    # differently by layer: IOBase's checks end with a period, FileIO's
    # (fileno, isatty, seekable, readable, writable) do not, and the
    # buffered layer names the operation ("read of closed file").
    __module__ = '_io'

    def _check_open(self, msg='I/O operation on closed file.'):
        if self._closed:
            raise _closed_error(msg)

    def _check_raw_open(self):
        self._check_open('I/O operation on closed file')

    @property
    def closed(self):
        return self._closed

    def close(self):
        if not self._closed:
            self._closed = True
            _fs.close(self._fd)

    def fileno(self):
        self._check_raw_open()
        return self._fd

    def isatty(self):
        self._check_raw_open()
        return False

    def readable(self):
        # A closed file that was never readable still answers False.
        if self._readable:
            self._check_raw_open()
        return self._readable

    def writable(self):
        if self._writable:
            self._check_raw_open()
        return self._writable

    def seekable(self):
        self._check_raw_open()
        return True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None:
            hint = -1
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


class TextIOWrapper(_FileBase):
    __module__ = '_io'

    def __init__(self, fd, name, mode, readable, writable, encoding,
                 errors, newline):
        self._fd = fd
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._closed = False
        self.line_buffering = False
        self.write_through = False
        self.newlines = None
        # Read buffer: decoded text (newlines as in the file) and the
        # index of the next character.
        self._buf = ''
        self._pos = 0

    def __repr__(self):
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (
            self.name, self.mode, self.encoding)

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('not writable')

    def flush(self):
        self._check_open()
        if self._writable:
            _fs.flush(self._fd)

    def _fill(self):
        # Reads the rest of the file into the buffer; False at its end.
        data = _fs.read(self._fd, -1)
        if not data:
            return False
        text = data.decode(self.encoding, self.errors)
        if self._pos:
            self._buf = self._buf[self._pos:] + text
            self._pos = 0
        else:
            self._buf += text
        return True

    def _translate(self, s):
        if self._newline is None and '\r' in s:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        return s

    def _take(self, end):
        s = self._buf[self._pos:end]
        self._pos = end
        return self._translate(s)

    def read(self, size=-1):
        self._check_readable()
        size = _size(size)
        if size < 0:
            self._fill()
            return self._take(len(self._buf))
        if len(self._buf) - self._pos < size + 1:
            self._fill()
        end = min(self._pos + size, len(self._buf))
        if self._newline is None:
            # size counts characters after translation: a '\r\n' pair is one.
            got = len(self._translate(self._buf[self._pos:end]))
            while got < size and end < len(self._buf):
                end = min(end + size - got, len(self._buf))
                got = len(self._translate(self._buf[self._pos:end]))
            if 0 < end < len(self._buf) and self._buf[end - 1:end + 1] == '\r\n':
                end += 1
        return self._take(end)

    def _line_end(self, start):
        # Index just past the next line ending at or after start, or -1.
        buf = self._buf
        nl = self._newline
        if nl == '\n':
            i = buf.find('\n', start)
            return -1 if i < 0 else i + 1
        if nl == '\r' or nl == '\r\n':
            i = buf.find(nl, start)
            return -1 if i < 0 else i + len(nl)
        i = buf.find('\n', start)
        j = buf.find('\r', start)
        if j < 0 or (0 <= i < j):
            return -1 if i < 0 else i + 1
        if j + 1 < len(buf):
            return j + 2 if buf[j + 1] == '\n' else j + 1
        return j + 1

    def readline(self, size=-1):
        self._check_readable()
        size = _size(size, True)
        end = self._line_end(self._pos)
        if end < 0 or end == len(self._buf):
            if self._fill():
                end = self._line_end(self._pos)
            if end < 0:
                end = len(self._buf)
        if 0 <= size < end - self._pos:
            end = self._pos + size
        return self._take(end)

    def __next__(self):
        self._check_open()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check_writable()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s'
                            % type(s).__name__)
        text = s
        if self._newline in ('\r', '\r\n') and '\n' in text:
            text = text.replace('\n', self._newline)
        if self._pos < len(self._buf):
            self._buf = ''
            self._pos = 0
        _fs.write(self._fd, text.encode(self.encoding, self.errors))
        return len(s)

    def tell(self):
        self._check_open()
        pos = _fs.tell(self._fd)
        if self._pos < len(self._buf):
            pos -= len(self._buf[self._pos:].encode(self.encoding,
                                                     self.errors))
        return pos

    def seek(self, cookie, whence=0):
        self._check_open()
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
        elif whence != 0:
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % (whence,))
        elif cookie < 0:
            raise ValueError('negative seek position %r' % (cookie,))
        self._buf = ''
        self._pos = 0
        return _fs.seek(self._fd, cookie, whence)

    def truncate(self, pos=None):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('truncate')
        self.flush()
        if pos is None:
            # The descriptor's offset, read-ahead included, as CPython's
            # buffer passes None down to the raw file; the decoded text
            # already read stays readable.
            pos = _fs.tell(self._fd)
        return _fs.truncate(self._fd, pos)


class _Buffered(_FileBase):
    # BufferedReader, BufferedWriter and BufferedRandom: bytes in, bytes out.
    __module__ = '_io'

    def __init__(self, fd, name, mode, readable, writable):
        self._fd = fd
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._closed = False

    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.name)

    def _check_readable(self, what):
        if not self._readable:
            raise UnsupportedOperation('read')
        self._check_open(what + ' of closed file')

    def flush(self):
        if self._writable:
            self._check_open('flush of closed file')
            _fs.flush(self._fd)
        else:
            self._check_open()

    def read(self, size=-1):
        self._check_readable('read')
        size = _size(size)
        return _fs.read(self._fd, size)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check_readable('readline')
        size = _size(size)
        start = _fs.tell(self._fd)
        rest = _fs.read(self._fd, -1)
        i = rest.find(b'\n')
        end = len(rest) if i < 0 else i + 1
        if 0 <= size < end:
            end = size
        _fs.seek(self._fd, start + end, 0)
        return rest[:end]

    def write(self, b):
        if not self._writable:
            raise UnsupportedOperation('write')
        self._check_open('write to closed file')
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(b).__name__)
        return _fs.write(self._fd, bytes(b))

    def tell(self):
        self._check_raw_open()
        return _fs.tell(self._fd)

    def seek(self, pos, whence=0):
        self._check_open('seek of closed file')
        if whence not in (0, 1, 2):
            raise ValueError('whence value %r unsupported' % (whence,))
        return _fs.seek(self._fd, pos, whence)

    def truncate(self, pos=None):
        self._check_open('truncate of closed file')
        if not self._writable:
            raise UnsupportedOperation('truncate')
        if pos is None:
            pos = self.tell()
        return _fs.truncate(self._fd, pos)


class BufferedReader(_Buffered):
    __module__ = '_io'


class BufferedWriter(_Buffered):
    __module__ = '_io'


class BufferedRandom(_Buffered):
    __module__ = '_io'


def open(file, mode='r', buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    f = _open(file, mode, buffering, encoding, errors, newline, closefd,
              opener)
    _fs.opened()
    return f


def _open(file, mode='r', buffering=-1, encoding=None, errors=None,
          newline=None, closefd=True, opener=None):
    # open() without the system call's time: the builtin open() calls it
    # and spends that time itself (it cannot stop inside this call).
    if isinstance(file, int) and not isinstance(file, bool):
        raise NotImplementedError('open() of a file descriptor is not simulated')
    if not isinstance(file, (str, bytes)) and hasattr(type(file), '__fspath__'):
        file = file.__fspath__()
    if not isinstance(file, (str, bytes)):
        raise TypeError('expected str, bytes or os.PathLike object, not %s'
                        % type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s"
                        % type(mode).__name__)
    for ch in mode:
        if ch not in 'axrwb+t' or mode.count(ch) > 1:
            raise ValueError('invalid mode: %r' % (mode,))
    creating = 'x' in mode
    reading = 'r' in mode
    writing = 'w' in mode
    appending = 'a' in mode
    updating = '+' in mode
    text = 't' in mode
    binary = 'b' in mode
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append '
                         'mode and at most one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline is not None and not isinstance(newline, str):
        raise TypeError("TextIOWrapper() argument 'newline' must be str or "
                        "None, not %s" % type(newline).__name__)
    if newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: %s' % (newline,))
    if not binary:
        if encoding is None:
            encoding = 'UTF-8'
        elif not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str "
                            "or None, not %s" % type(encoding).__name__)
        ''.encode(encoding)
        if errors is None:
            errors = 'strict'
    kind = 'x' if creating else 'r' if reading else 'w' if writing else 'a'
    # A bytes path is the file's name as given; the disk takes it decoded.
    path = file.decode() if isinstance(file, bytes) else file
    try:
        fd, handle = _fs.open(path, kind + ('+' if updating else ''))
    except OSError as e:
        if path is file:
            raise
        raise type(e)(e.errno, e.strerror, file) from None
    readable = reading or updating
    writable = not reading or updating
    if binary:
        if creating:
            raw_mode = 'xb+' if updating else 'xb'
        elif appending:
            raw_mode = 'ab+' if updating else 'ab'
        elif updating:
            raw_mode = 'rb+'
        else:
            raw_mode = 'rb' if reading else 'wb'
        if updating:
            f = BufferedRandom(fd, file, raw_mode, True, True)
        elif reading:
            f = BufferedReader(fd, file, raw_mode, True, False)
        else:
            f = BufferedWriter(fd, file, raw_mode, False, True)
    else:
        f = TextIOWrapper(fd, file, mode, readable, writable, encoding,
                          errors, newline)
    # When the file object goes, its file is closed (and flushed), as
    # CPython's reference counting closes it.
    f._handle = handle
    return f


class StringIO:
    """An in-memory text file."""
    __module__ = '_io'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        self._newline = newline
        self._buf = self._encode_nl(initial_value)
        self._pos = 0
        self._closed = False

    def _encode_nl(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def _check_open(self):
        if self._closed:
            raise _closed_error()

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_open()
        return self._buf

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r'
                            % type(s).__name__)
        n = len(s)
        s = self._encode_nl(s)
        buf = self._buf
        if self._pos > len(buf):
            buf += '\0' * (self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._pos += len(s)
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(self._pos + size, len(self._buf))
        s = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return s

    def readline(self, size=-1):
        self._check_open()
        i = self._buf.find('\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and 0 <= size < end - self._pos:
            end = self._pos + size
        s = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return s

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def flush(self):
        self._check_open()

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


class BytesIO:
    """An in-memory binary file."""
    __module__ = '_io'

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(initial_bytes)
        self._pos = 0
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise _closed_error()

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_open()
        return bytes(self._buf)

    def write(self, b):
        self._check_open()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        end = self._pos + len(b)
        if self._pos > len(self._buf):
            self._buf += bytes(self._pos - len(self._buf))
        self._buf[self._pos:end] = b
        self._pos = end
        return len(b)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(self._pos + size, len(self._buf))
        b = bytes(self._buf[self._pos:end])
        self._pos = max(self._pos, end)
        return b

    def readline(self, size=-1):
        self._check_open()
        i = self._buf.find(b'\n', self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and 0 <= size < end - self._pos:
            end = self._pos + size
        b = bytes(self._buf[self._pos:end])
        self._pos = max(self._pos, end)
        return b

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def flush(self):
        self._check_open()

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


UnsupportedOperation.__module__ = 'io'
