//! The simulated machine's disk: a tree of directories and regular files
//! held in memory, and the table of open file descriptions. One per run,
//! owned by the [`Vm`](super::Vm) that every simulated process shares (a
//! forked child sees the same files, as on a real disk). It starts
//! with the directories `/`, `/tmp` and the working directory
//! [`CWD`] and no files, so a run is a pure function of its program.
//!
//! Each description lists the processes that hold a descriptor for it
//! ([`Holder`]): `fork` gives the child its own copy of each of the
//! parent's ([`FileSystem::fork`]), sharing the offset as POSIX says; a
//! close in one process leaves the others' open; a process's end closes
//! what it still holds ([`FileSystem::exit`]), flushing only on a normal
//! exit (`os._exit` and signals lose what was still buffered, as in
//! CPython). A descriptor is used by the process holding it only; another
//! gets EBADF.
//!
//! This file knows paths, bytes and errno values only: it never builds a
//! Python object and never charges time (the `_fs` module and
//! `stdlib::os` do both). Writes wait in the holder's buffer, as in
//! CPython's buffered writer, until a flush, a close, or 8 KB of them
//! ([`Holder::pending`]): until then no other descriptor sees them. The
//! buffer is the process's own: a fork copies it, so bytes written before
//! the fork and flushed by both processes reach the file twice, as in
//! CPython. A
//! file object that goes away closes its file, as CPython's reference
//! counting does at once; here a [`Handle`] dropped with the object
//! queues the close, done before the next system call (so no call can
//! tell the difference). At the end of a run every file still open is
//! flushed, as at interpreter shutdown ([`FileSystem::files`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The working directory of every simulated process.
pub const CWD: &str = "/home/user";

/// The errno values the disk reports (Linux numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    /// ENOENT
    NoEntry = 2,
    /// EBADF
    BadFd = 9,
    /// EEXIST
    Exists = 17,
    /// ENOTDIR
    NotDir = 20,
    /// EISDIR
    IsDir = 21,
    /// EINVAL
    Invalid = 22,
    /// ENOTEMPTY
    NotEmpty = 39,
}

impl Errno {
    /// `os.strerror(errno)` as glibc words it.
    pub fn strerror(self) -> &'static str {
        match self {
            Errno::NoEntry => "No such file or directory",
            Errno::BadFd => "Bad file descriptor",
            Errno::Exists => "File exists",
            Errno::NotDir => "Not a directory",
            Errno::IsDir => "Is a directory",
            Errno::Invalid => "Invalid argument",
            Errno::NotEmpty => "Directory not empty",
        }
    }

    /// The OSError subclass CPython raises for it.
    pub fn exception(self) -> &'static str {
        match self {
            Errno::NoEntry => "FileNotFoundError",
            Errno::Exists => "FileExistsError",
            Errno::NotDir => "NotADirectoryError",
            Errno::IsDir => "IsADirectoryError",
            Errno::BadFd | Errno::Invalid | Errno::NotEmpty => "OSError",
        }
    }
}

/// One name in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Dir,
    /// A regular file: an index into [`FileSystem::inodes`].
    File(usize),
}

/// How `open()` asked for a file (its mode letters, already checked).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    /// Create if missing (`w`, `a`, `x`).
    pub create: bool,
    /// Fail if it exists (`x`).
    pub exclusive: bool,
    /// Empty it (`w`).
    pub truncate: bool,
    /// Every write goes to the end (`a`).
    pub append: bool,
}

/// An open file description (what a descriptor names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenFile {
    pub inode: usize,
    /// The path it was opened by (as given, for messages).
    pub name: String,
    pub flags: OpenFlags,
    /// The offset of the next read, and of the next flush's bytes.
    pub pos: usize,
    /// Which `open()` made it (descriptor numbers are reused).
    pub id: u64,
    /// The processes holding a descriptor for it, in the order they got
    /// it. Invariant: not empty (the description goes with its last).
    pub holders: Vec<Holder>,
}

/// A process's descriptor for an open file description, with the file
/// object's write buffer in that process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub pid: i64,
    /// Bytes written since the last flush, which CPython's buffered
    /// writer holds (fewer than [`BUFFER_SIZE`] of them): not in the file
    /// yet. Invariant: empty unless the file was opened for writing.
    pub pending: Vec<u8>,
}

/// Held by the Python file object of an open file: dropped with it, it
/// queues the file for closing (see the module docs).
#[derive(Debug)]
pub struct Handle {
    id: u64,
    dropped: Rc<RefCell<Vec<u64>>>,
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.dropped.borrow_mut().push(self.id);
    }
}

/// Virtual time of an `open(2)`, in ns (measured as `stdlib::io_fs`
/// says; the builtin `open()` and `io.open` spend it in I/O).
pub const OPEN_NS: u64 = 12_000;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const BUFFER_SIZE: usize = 8192;

/// Where a name is: a file (its size) or a directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stat {
    File { size: usize },
    Dir,
}

/// The disk and the descriptor table.
#[derive(Clone, Debug)]
pub struct FileSystem {
    /// Absolute normalized path → node. Invariant: the parent of every
    /// entry is a `Dir` entry (`/` is always there).
    tree: BTreeMap<String, Node>,
    /// File contents by inode (an unlinked file keeps its bytes while a
    /// descriptor still names it).
    inodes: Vec<Vec<u8>>,
    /// Descriptor `i + FIRST_FD` → its open file, `None` once closed.
    fds: Vec<Option<OpenFile>>,
    /// The id the next `open()` gets.
    next_id: u64,
    /// Ids of open files whose file object is gone, to close.
    dropped: Rc<RefCell<Vec<u64>>>,
}

/// The first descriptor `open()` hands out (0–2 are the std streams).
pub const FIRST_FD: i64 = 3;

impl Default for FileSystem {
    fn default() -> Self {
        let mut tree = BTreeMap::new();
        for d in ["/", "/tmp", "/home", CWD] {
            tree.insert(d.to_string(), Node::Dir);
        }
        FileSystem {
            tree,
            inodes: Vec::new(),
            fds: Vec::new(),
            next_id: 0,
            dropped: Rc::default(),
        }
    }
}

/// `path` made absolute (against [`CWD`]) and normalized: no `.`, `..`,
/// empty components or trailing slash (`..` at the root stays at the root).
pub fn absolute(path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{CWD}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// [`absolute`], for a system call: the empty path names nothing (ENOENT).
fn resolve(path: &str) -> Result<String, Errno> {
    if path.is_empty() {
        return Err(Errno::NoEntry);
    }
    Ok(absolute(path))
}

/// The parent directory of a normalized absolute path (`/` for `/`).
fn parent(abs: &str) -> &str {
    match abs.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &abs[..i],
    }
}

impl FileSystem {
    fn node(&self, abs: &str) -> Option<&Node> {
        self.tree.get(abs)
    }

    /// Why `abs` cannot be created or found through its parent: ENOENT when
    /// an ancestor is missing, ENOTDIR when one is a file.
    fn check_parent(&self, abs: &str) -> Result<(), Errno> {
        let mut p = parent(abs);
        // The nearest existing ancestor decides.
        loop {
            match self.node(p) {
                Some(Node::Dir) if p == parent(abs) => return Ok(()),
                Some(Node::Dir) => return Err(Errno::NoEntry),
                Some(Node::File(_)) => return Err(Errno::NotDir),
                None => p = parent(p),
            }
        }
    }

    /// `os.stat(path)`, reduced to what `os.path` asks.
    pub fn stat(&mut self, path: &str) -> Result<Stat, Errno> {
        self.reap();
        let abs = resolve(path)?;
        match self.node(&abs) {
            Some(Node::Dir) => Ok(Stat::Dir),
            Some(Node::File(i)) => {
                if path.ends_with('/') {
                    return Err(Errno::NotDir);
                }
                Ok(Stat::File {
                    size: self.inodes[*i].len(),
                })
            }
            None => Err(self.check_parent(&abs).err().unwrap_or(Errno::NoEntry)),
        }
    }

    /// `open(2)` by process `pid`: a new descriptor for `path`.
    pub fn open(&mut self, pid: i64, path: &str, flags: OpenFlags) -> Result<i64, Errno> {
        self.reap();
        let abs = resolve(path)?;
        let inode = match self.node(&abs).cloned() {
            Some(Node::Dir) => return Err(Errno::IsDir),
            Some(Node::File(_)) if path.ends_with('/') => return Err(Errno::NotDir),
            Some(Node::File(_)) if flags.exclusive => return Err(Errno::Exists),
            Some(Node::File(i)) => {
                if flags.truncate {
                    self.inodes[i].clear();
                }
                i
            }
            None if !flags.create => {
                return Err(self.check_parent(&abs).err().unwrap_or(Errno::NoEntry))
            }
            None => {
                self.check_parent(&abs)?;
                if path.ends_with('/') {
                    return Err(Errno::IsDir);
                }
                self.inodes.push(Vec::new());
                let i = self.inodes.len() - 1;
                self.tree.insert(abs, Node::File(i));
                i
            }
        };
        // Append mode starts at the end (CPython seeks there on opening).
        let pos = if flags.append {
            self.inodes[inode].len()
        } else {
            0
        };
        self.next_id += 1;
        let file = OpenFile {
            inode,
            name: path.to_string(),
            flags,
            pos,
            id: self.next_id,
            holders: vec![Holder {
                pid,
                pending: Vec::new(),
            }],
        };
        let slot = self.fds.iter().position(Option::is_none);
        let i = match slot {
            Some(i) => {
                self.fds[i] = Some(file);
                i
            }
            None => {
                self.fds.push(Some(file));
                self.fds.len() - 1
            }
        };
        Ok(i as i64 + FIRST_FD)
    }

    /// The table slot of descriptor `fd` of process `pid`, and which of
    /// its holders that process is.
    fn slot(&self, pid: i64, fd: i64) -> Result<(usize, usize), Errno> {
        let i = usize::try_from(fd - FIRST_FD).map_err(|_| Errno::BadFd)?;
        let f = self
            .fds
            .get(i)
            .and_then(Option::as_ref)
            .ok_or(Errno::BadFd)?;
        let h = f.holders.iter().position(|h| h.pid == pid);
        h.map(|h| (i, h)).ok_or(Errno::BadFd)
    }

    fn file_at(&mut self, i: usize) -> &mut OpenFile {
        self.fds[i].as_mut().expect("slot() checked it")
    }

    /// The handle a file object holds for descriptor `fd` of `pid`.
    pub fn handle(&mut self, pid: i64, fd: i64) -> Result<Handle, Errno> {
        let (i, _) = self.slot(pid, fd)?;
        Ok(Handle {
            id: self.file_at(i).id,
            dropped: self.dropped.clone(),
        })
    }

    /// Closes the files whose file objects are gone (flushing them), in
    /// every process that still holds them: a forked child's copy of a
    /// file object shares its handle.
    fn reap(&mut self) {
        let ids = std::mem::take(&mut *self.dropped.borrow_mut());
        for id in ids {
            let found = self
                .fds
                .iter()
                .position(|f| f.as_ref().is_some_and(|f| f.id == id));
            if let Some(i) = found {
                for h in 0..self.file_at(i).holders.len() {
                    self.write_pending(i, h);
                }
                self.fds[i] = None;
            }
        }
    }

    /// Moves the pending bytes of slot `i`'s holder `h` into the file (at
    /// the end in append mode, zero-filling a gap after a seek past the
    /// end); how many.
    fn write_pending(&mut self, i: usize, h: usize) -> usize {
        let Some(f) = self.fds[i].as_mut() else {
            return 0;
        };
        let bytes = std::mem::take(&mut f.holders[h].pending);
        if bytes.is_empty() {
            return 0;
        }
        let data = &mut self.inodes[f.inode];
        let at = if f.flags.append { data.len() } else { f.pos };
        if data.len() < at + bytes.len() {
            data.resize(at + bytes.len(), 0);
        }
        data[at..at + bytes.len()].copy_from_slice(&bytes);
        f.pos = at + bytes.len();
        bytes.len()
    }

    /// Drops holder `h` of slot `i`, and the description with its last.
    fn release(&mut self, i: usize, h: usize) {
        let f = self.file_at(i);
        f.holders.remove(h);
        if f.holders.is_empty() {
            self.fds[i] = None;
        }
    }

    /// `close(2)` by `pid`, after flushing its buffer: how many bytes the
    /// flush wrote. The other processes' descriptors stay open.
    pub fn close(&mut self, pid: i64, fd: i64) -> Result<usize, Errno> {
        self.reap();
        let (i, h) = self.slot(pid, fd)?;
        let n = self.write_pending(i, h);
        self.release(i, h);
        Ok(n)
    }

    /// `read(2)` (after flushing the descriptor's own writes, as a
    /// buffered file does): up to `n` bytes (all that is left when `n` is
    /// None) from the descriptor's offset, which moves past them.
    pub fn read(&mut self, pid: i64, fd: i64, n: Option<usize>) -> Result<Vec<u8>, Errno> {
        self.reap();
        let (i, h) = self.slot(pid, fd)?;
        self.write_pending(i, h);
        let f = self.file_at(i);
        let (inode, pos) = (f.inode, f.pos);
        let data = &self.inodes[inode];
        let start = pos.min(data.len());
        let end = match n {
            Some(n) => start.saturating_add(n).min(data.len()),
            None => data.len(),
        };
        let out = data[start..end].to_vec();
        self.file_at(i).pos = end.max(pos);
        Ok(out)
    }

    /// A buffered write: the bytes wait in the buffer, unless they would
    /// overflow it; then the buffer is flushed and bytes as large as the
    /// buffer go straight to the file. Returns how many bytes reached the
    /// file (0: none, no system call).
    pub fn write(&mut self, pid: i64, fd: i64, bytes: &[u8]) -> Result<usize, Errno> {
        self.reap();
        let (i, h) = self.slot(pid, fd)?;
        let pending = &mut self.file_at(i).holders[h].pending;
        if pending.len() + bytes.len() < BUFFER_SIZE {
            pending.extend_from_slice(bytes);
            return Ok(0);
        }
        let mut n = self.write_pending(i, h);
        self.file_at(i).holders[h].pending.extend_from_slice(bytes);
        if bytes.len() >= BUFFER_SIZE {
            n += self.write_pending(i, h);
        }
        Ok(n)
    }

    /// `flush()`: the pending bytes into the file; how many.
    pub fn flush(&mut self, pid: i64, fd: i64) -> Result<usize, Errno> {
        self.reap();
        let (i, h) = self.slot(pid, fd)?;
        Ok(self.write_pending(i, h))
    }

    /// `tell()`: the offset, the pending bytes counted.
    pub fn tell(&mut self, pid: i64, fd: i64) -> Result<usize, Errno> {
        let (i, h) = self.slot(pid, fd)?;
        let f = self.file_at(i);
        Ok(f.pos + f.holders[h].pending.len())
    }

    /// `lseek(2)` with whence 0 (start), 1 (current) or 2 (end), after a
    /// flush.
    pub fn seek(&mut self, pid: i64, fd: i64, offset: i64, whence: i64) -> Result<usize, Errno> {
        let size = self.size_of(pid, fd)? as i64;
        let (i, _) = self.slot(pid, fd)?;
        let f = self.file_at(i);
        let base = match whence {
            0 => 0,
            1 => f.pos as i64,
            2 => size,
            _ => return Err(Errno::Invalid),
        };
        let to = base + offset;
        if to < 0 {
            return Err(Errno::Invalid);
        }
        f.pos = to as usize;
        Ok(f.pos)
    }

    /// The size of the file a descriptor names, after a flush.
    pub fn size_of(&mut self, pid: i64, fd: i64) -> Result<usize, Errno> {
        self.reap();
        let (i, h) = self.slot(pid, fd)?;
        self.write_pending(i, h);
        let inode = self.file_at(i).inode;
        Ok(self.inodes[inode].len())
    }

    /// `ftruncate(2)`, after a flush.
    pub fn truncate(&mut self, pid: i64, fd: i64, size: usize) -> Result<(), Errno> {
        self.reap();
        let (i, h) = self.slot(pid, fd)?;
        self.write_pending(i, h);
        let inode = self.file_at(i).inode;
        self.inodes[inode].resize(size, 0);
        Ok(())
    }

    /// `fork()`: the child `child` gets a descriptor for every open file
    /// `parent` holds, the same number, sharing the offset, with a copy of
    /// the parent's write buffer (CPython's child has a copy of the file
    /// object, buffer included).
    pub fn fork(&mut self, parent: i64, child: i64) {
        for f in self.fds.iter_mut().flatten() {
            if let Some(h) = f.holders.iter().find(|h| h.pid == parent) {
                let copy = Holder {
                    pid: child,
                    pending: h.pending.clone(),
                };
                f.holders.push(copy);
            }
        }
    }

    /// Process `pid` ended: the descriptors it still holds close, their
    /// buffers flushed first when `flush` (a normal exit, as at
    /// interpreter shutdown; not after `os._exit` or a signal).
    pub fn exit(&mut self, pid: i64, flush: bool) {
        self.reap();
        for i in 0..self.fds.len() {
            let held = self.fds[i]
                .as_ref()
                .and_then(|f| f.holders.iter().position(|h| h.pid == pid));
            if let Some(h) = held {
                if flush {
                    self.write_pending(i, h);
                }
                self.release(i, h);
            }
        }
    }

    /// `mkdir(2)`.
    pub fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        self.reap();
        let abs = resolve(path)?;
        if self.node(&abs).is_some() {
            return Err(Errno::Exists);
        }
        self.check_parent(&abs)?;
        self.tree.insert(abs, Node::Dir);
        Ok(())
    }

    /// `unlink(2)`: removes a file (not a directory).
    pub fn unlink(&mut self, path: &str) -> Result<(), Errno> {
        self.reap();
        let abs = resolve(path)?;
        match self.node(&abs) {
            Some(Node::File(_)) => {
                self.tree.remove(&abs);
                Ok(())
            }
            Some(Node::Dir) => Err(Errno::IsDir),
            None => Err(self.check_parent(&abs).err().unwrap_or(Errno::NoEntry)),
        }
    }

    /// `rmdir(2)`: removes an empty directory.
    pub fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        self.reap();
        let abs = resolve(path)?;
        match self.node(&abs) {
            // rmdir(2) refuses a path ending in `.`.
            Some(Node::Dir) if path == "." || path.ends_with("/.") => Err(Errno::Invalid),
            Some(Node::Dir) if abs == "/" => Err(Errno::Invalid),
            Some(Node::Dir) => {
                if self.children(&abs).next().is_some() {
                    return Err(Errno::NotEmpty);
                }
                self.tree.remove(&abs);
                Ok(())
            }
            Some(Node::File(_)) => Err(Errno::NotDir),
            None => Err(self.check_parent(&abs).err().unwrap_or(Errno::NoEntry)),
        }
    }

    /// `rename(2)`: a file replaces a file; a directory moves with all it
    /// holds (onto a missing name or an empty directory).
    pub fn rename(&mut self, src: &str, dst: &str) -> Result<(), Errno> {
        self.reap();
        let (from, to) = (resolve(src)?, resolve(dst)?);
        let Some(node) = self.node(&from).cloned() else {
            return Err(self.check_parent(&from).err().unwrap_or(Errno::NoEntry));
        };
        self.check_parent(&to)?;
        if from == to {
            return Ok(());
        }
        match (&node, self.node(&to)) {
            (Node::File(_), Some(Node::Dir)) => return Err(Errno::IsDir),
            (Node::Dir, Some(Node::File(_))) => return Err(Errno::NotDir),
            (Node::Dir, Some(Node::Dir)) if self.children(&to).next().is_some() => {
                return Err(Errno::NotEmpty)
            }
            (Node::Dir, _) if to.starts_with(&format!("{from}/")) => return Err(Errno::Invalid),
            _ => {}
        }
        let prefix = format!("{from}/");
        let moved: Vec<(String, Node)> = self
            .tree
            .range(from.clone()..)
            .take_while(|(k, _)| **k == from || k.starts_with(&prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, _) in &moved {
            self.tree.remove(k);
        }
        for (k, v) in moved {
            let new = format!("{to}{}", &k[from.len()..]);
            self.tree.insert(new, v);
        }
        Ok(())
    }

    /// Names directly inside the directory `abs`, sorted.
    fn children<'a>(&'a self, abs: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let prefix = if abs == "/" {
            "/".to_string()
        } else {
            format!("{abs}/")
        };
        let skip = prefix.len();
        self.tree
            .range(prefix.clone()..)
            .take_while(move |(k, _)| k.starts_with(&prefix))
            .map(move |(k, _)| &k[skip..])
            .filter(|rest| !rest.is_empty() && !rest.contains('/'))
    }

    /// `os.listdir(path)`: the names in a directory. CPython gives them in
    /// the directory's own order; ours is sorted.
    pub fn listdir(&mut self, path: &str) -> Result<Vec<String>, Errno> {
        self.reap();
        let abs = resolve(path)?;
        match self.node(&abs) {
            Some(Node::Dir) => Ok(self.children(&abs).map(str::to_string).collect()),
            Some(Node::File(_)) => Err(Errno::NotDir),
            None => Err(self.check_parent(&abs).err().unwrap_or(Errno::NoEntry)),
        }
    }

    /// Every regular file with its bytes, by path: relative to [`CWD`]
    /// when inside it, else absolute; sorted by path. Files still open
    /// are flushed first (in descriptor order), as at the end of a run.
    pub fn files(&self) -> Vec<DiskFile> {
        let mut disk = self.clone();
        for i in 0..disk.fds.len() {
            let holders = disk.fds[i].as_ref().map_or(0, |f| f.holders.len());
            for h in 0..holders {
                disk.write_pending(i, h);
            }
        }
        disk.listing()
    }

    fn listing(&self) -> Vec<DiskFile> {
        let prefix = format!("{CWD}/");
        let mut out: Vec<DiskFile> = self
            .tree
            .iter()
            .filter_map(|(k, v)| match v {
                Node::File(i) => Some(DiskFile {
                    path: k.strip_prefix(&prefix).unwrap_or(k).to_string(),
                    bytes: self.inodes[*i].clone(),
                }),
                Node::Dir => None,
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }
}

/// A file left on the disk at the end of a run (part of its output).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiskFile {
    /// Relative to the working directory when inside it, else absolute.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl DiskFile {
    /// The contents as text, when they are UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The contents for people: the text as it is, else Python's `repr`
    /// of the bytes (`b'\x00\xff'`).
    pub fn shown(&self) -> String {
        match self.text() {
            Some(t) => t.to_string(),
            None => super::builtins::bytes::repr(&self.bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The process making the calls.
    const P: i64 = 1;

    const W: OpenFlags = OpenFlags {
        read: false,
        write: true,
        create: true,
        exclusive: false,
        truncate: true,
        append: false,
    };
    const R: OpenFlags = OpenFlags {
        read: true,
        write: false,
        create: false,
        exclusive: false,
        truncate: false,
        append: false,
    };

    #[test]
    fn paths_are_normalized_against_the_working_directory() {
        assert_eq!(absolute("a.txt"), "/home/user/a.txt");
        assert_eq!(absolute("./d/../a.txt"), "/home/user/a.txt");
        assert_eq!(absolute("/tmp//x/"), "/tmp/x");
        assert_eq!(absolute("/../.."), "/");
    }

    #[test]
    fn write_then_read_back() {
        let mut fs = FileSystem::default();
        let fd = fs.open(P, "a.txt", W).unwrap();
        assert_eq!(fd, FIRST_FD);
        fs.write(P, fd, b"hello ").unwrap();
        assert_eq!(fs.write(P, fd, b"world").unwrap(), 0, "buffered");
        assert_eq!(fs.tell(P, fd).unwrap(), 11);
        assert_eq!(fs.stat("a.txt"), Ok(Stat::File { size: 0 }));
        assert_eq!(fs.close(P, fd).unwrap(), 11, "flushed by close");
        let fd = fs.open(P, "/home/user/a.txt", R).unwrap();
        assert_eq!(fs.read(P, fd, Some(5)).unwrap(), b"hello");
        assert_eq!(fs.read(P, fd, None).unwrap(), b" world");
        assert_eq!(fs.read(P, fd, None).unwrap(), b"");
        assert_eq!(
            fs.files(),
            vec![DiskFile {
                path: "a.txt".into(),
                bytes: b"hello world".to_vec()
            }]
        );
    }

    #[test]
    fn errors_carry_posix_errno() {
        let mut fs = FileSystem::default();
        assert_eq!(fs.open(P, "missing.txt", R), Err(Errno::NoEntry));
        assert_eq!(fs.open(P, "no/dir/x.txt", W), Err(Errno::NoEntry));
        assert_eq!(fs.open(P, "/tmp", R), Err(Errno::IsDir));
        fs.open(P, "f", W).unwrap();
        let x = OpenFlags {
            exclusive: true,
            ..W
        };
        assert_eq!(fs.open(P, "f", x), Err(Errno::Exists));
        assert_eq!(fs.open(P, "f/g", W), Err(Errno::NotDir));
        assert_eq!(fs.mkdir("f"), Err(Errno::Exists));
        assert_eq!(fs.unlink("/tmp"), Err(Errno::IsDir));
        assert_eq!(fs.rmdir("/home"), Err(Errno::NotEmpty));
        assert_eq!(fs.close(P, 99), Err(Errno::BadFd));
        assert_eq!(fs.open(P, "", R), Err(Errno::NoEntry));
        assert_eq!(fs.listdir(""), Err(Errno::NoEntry));
        assert_eq!(fs.open(P, "f/", R), Err(Errno::NotDir));
        assert_eq!(fs.rmdir("."), Err(Errno::Invalid));
    }

    #[test]
    fn append_writes_at_the_end_and_seek_past_end_zero_fills() {
        let mut fs = FileSystem::default();
        let fd = fs.open(P, "log", W).unwrap();
        fs.write(P, fd, b"ab").unwrap();
        fs.flush(P, fd).unwrap();
        let a = OpenFlags {
            append: true,
            truncate: false,
            ..W
        };
        let fd2 = fs.open(P, "log", a).unwrap();
        assert_eq!(fs.tell(P, fd2).unwrap(), 2);
        fs.write(P, fd2, b"cd").unwrap();
        fs.flush(P, fd2).unwrap();
        fs.seek(P, fd, 6, 0).unwrap();
        fs.write(P, fd, b"z").unwrap();
        assert_eq!(fs.files()[0].bytes, b"abcd\0\0z", "open files flushed");
        assert_eq!(fs.size_of(P, fd2).unwrap(), 4, "not flushed yet");
    }

    #[test]
    fn buffer_overflow_and_dropped_handles_reach_the_file() {
        let mut fs = FileSystem::default();
        let fd = fs.open(P, "big", W).unwrap();
        assert_eq!(fs.write(P, fd, &[b'x'; 8000]).unwrap(), 0);
        assert_eq!(fs.write(P, fd, &[b'y'; 200]).unwrap(), 8000);
        assert_eq!(
            fs.write(P, fd, &[b'z'; BUFFER_SIZE]).unwrap(),
            200 + BUFFER_SIZE
        );
        let other = fs.open(P, "small", W).unwrap();
        fs.write(P, other, b"kept").unwrap();
        let handle = fs.handle(P, other).unwrap();
        assert_eq!(fs.stat("small"), Ok(Stat::File { size: 0 }));
        drop(handle);
        assert_eq!(fs.stat("small"), Ok(Stat::File { size: 4 }));
        assert_eq!(fs.flush(P, other), Err(Errno::BadFd), "closed with it");
    }

    #[test]
    fn directories_list_rename_and_remove() {
        let mut fs = FileSystem::default();
        fs.mkdir("out").unwrap();
        fs.mkdir("out/sub").unwrap();
        let fd = fs.open(P, "out/sub/a.csv", W).unwrap();
        fs.close(P, fd).unwrap();
        fs.open(P, "b.txt", W).unwrap();
        assert_eq!(fs.listdir(".").unwrap(), vec!["b.txt", "out"]);
        fs.rename("out", "res").unwrap();
        assert_eq!(fs.listdir("res/sub").unwrap(), vec!["a.csv"]);
        assert_eq!(fs.stat("out"), Err(Errno::NoEntry));
        assert_eq!(fs.stat("res/sub/a.csv"), Ok(Stat::File { size: 0 }));
        fs.unlink("res/sub/a.csv").unwrap();
        fs.rmdir("res/sub").unwrap();
        assert_eq!(fs.listdir("res").unwrap(), Vec::<String>::new());
    }
}
