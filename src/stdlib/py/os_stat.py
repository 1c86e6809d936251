"""The part of `os` written in Python, run into the `os` module after its
native functions (src/stdlib/os.rs, `fspath` among them): `PathLike`,
`stat`/`lstat` and `stat_result`, on the simulated disk (`_fs.stat`).

The disk keeps a size and a kind (file or directory) per path, no owners,
inodes or times: `stat_result` has `st_mode` (0o100644 for a file,
0o040755 for a directory, as a new file and directory get under umask
022), `st_size`, `st_nlink` (1), `st_uid`/`st_gid` (0); asking it for a
time, an inode or a device raises AttributeError saying so.
"""

import _fs


class PathLike(object):
    """The base of objects that stand for a path (`pathlib.PurePath`)."""

    def __fspath__(self):
        raise NotImplementedError


class stat_result(object):
    """What `os.stat` says of a path on the simulated disk."""

    _NOT_KEPT = ('st_ino', 'st_dev', 'st_atime', 'st_mtime', 'st_ctime',
                 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns', 'st_blocks',
                 'st_blksize')

    def __init__(self, is_dir, size):
        self.st_mode = 0o040755 if is_dir else 0o100644
        self.st_nlink = 1
        self.st_uid = 0
        self.st_gid = 0
        self.st_size = size

    def __getattr__(self, name):
        if name in stat_result._NOT_KEPT:
            raise AttributeError('os.stat_result.%s is not simulated: the '
                                 'simulated disk keeps no times, inodes or '
                                 'devices' % name)
        raise AttributeError("'os.stat_result' object has no attribute '%s'"
                             % name)

    def __repr__(self):
        return ('os.stat_result(st_mode=%d, st_nlink=%d, st_uid=%d, '
                'st_gid=%d, st_size=%d)' % (self.st_mode, self.st_nlink,
                                             self.st_uid, self.st_gid,
                                             self.st_size))


def stat(path):
    """The status of `path` (a str or a path object)."""
    is_dir, size = _fs.stat(path)
    return stat_result(is_dir, size)


def lstat(path):
    """As `stat`: the simulated disk has no symbolic links."""
    return stat(path)
