//! The threaded wasm build's global allocator: several heaps, each behind
//! its own lock, instead of std's one.
//!
//! On `wasm32` with atomics, std's allocator is dlmalloc behind a single
//! global spin lock (`std/src/sys/alloc/wasm.rs`): every allocation and
//! free of every worker takes the same lock and touches the same heap
//! state, so two workers that both allocate (the simulator does, a few
//! times per simulated op) serialize on it and bounce its cache lines
//! between cores. `benches/lab_explore.rs` shows the effect natively.
//!
//! [`Arenas`] keeps `N` independent heaps (the `dlmalloc` crate's, the one
//! std uses; memory comes from `memory.grow`, which is atomic). An
//! allocation takes the first free arena, preferring the one its thread
//! used last, so each worker settles on an arena of its own; the arena is
//! recorded in a header word before the block, and a free (from any
//! thread) goes back to that arena under that arena's lock. Locks spin,
//! never wait: the browser's main thread may not block.
//!
//! A thread is told apart by its stack (the address of a local, in MiB),
//! not by thread-local storage: wasm-bindgen's thread start-up allocates
//! the new thread's TLS block through this allocator before that TLS
//! exists.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A heap that one thread at a time may use.
///
/// # Safety
/// `malloc` returns null or a block of `size` bytes aligned to `align`,
/// which stays valid until freed through the same heap with the same
/// size and alignment.
pub unsafe trait Heap {
    /// An empty heap (a constant, so that the allocator can be a static).
    const EMPTY: Self;
    /// # Safety
    /// `align` is a power of two; `size` is not 0.
    unsafe fn malloc(&mut self, size: usize, align: usize) -> *mut u8;
    /// # Safety
    /// `ptr` came from this heap's `malloc` or `realloc` with this size
    /// and alignment.
    unsafe fn free(&mut self, ptr: *mut u8, size: usize, align: usize);
    /// # Safety
    /// As `free` for the old block; `new_size` is not 0.
    unsafe fn realloc(
        &mut self,
        ptr: *mut u8,
        size: usize,
        align: usize,
        new_size: usize,
    ) -> *mut u8;
}

unsafe impl Heap for dlmalloc::Dlmalloc {
    const EMPTY: Self = dlmalloc::Dlmalloc::new();
    unsafe fn malloc(&mut self, size: usize, align: usize) -> *mut u8 {
        unsafe { dlmalloc::Dlmalloc::malloc(self, size, align) }
    }
    unsafe fn free(&mut self, ptr: *mut u8, size: usize, align: usize) {
        unsafe { dlmalloc::Dlmalloc::free(self, ptr, size, align) }
    }
    unsafe fn realloc(
        &mut self,
        ptr: *mut u8,
        size: usize,
        align: usize,
        new_size: usize,
    ) -> *mut u8 {
        unsafe { dlmalloc::Dlmalloc::realloc(self, ptr, size, align, new_size) }
    }
}

/// The threaded wasm build's allocator: 8 heaps, for a pool of up to a
/// few workers plus the page's main thread.
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
#[global_allocator]
static GLOBAL: Arenas<dlmalloc::Dlmalloc, 8> = Arenas::new();

/// How many of the threaded build's heaps have been used: one per thread
/// that allocates, when its preferred heap was free; None in other builds.
pub fn heaps_in_use() -> Option<usize> {
    #[cfg(all(target_arch = "wasm32", feature = "threads"))]
    return Some(GLOBAL.arenas_used());
    #[cfg(not(all(target_arch = "wasm32", feature = "threads")))]
    None
}

/// One heap and its lock.
struct Arena<H> {
    locked: AtomicBool,
    /// The stack region of the thread that took it last.
    last: AtomicUsize,
    heap: UnsafeCell<H>,
}

impl<H: Heap> Arena<H> {
    const fn empty() -> Self {
        Arena {
            locked: AtomicBool::new(false),
            last: AtomicUsize::new(usize::MAX),
            heap: UnsafeCell::new(H::EMPTY),
        }
    }

    fn try_lock(&self) -> bool {
        !self.locked.load(Ordering::Relaxed) && !self.locked.swap(true, Ordering::Acquire)
    }

    fn lock(&self) {
        while !self.try_lock() {
            std::hint::spin_loop();
        }
    }

    fn unlock(&self) {
        self.locked.store(false, Ordering::Release);
    }
}

/// `N` heaps, each behind its own spin lock (see the module's text).
pub struct Arenas<H, const N: usize> {
    arenas: [Arena<H>; N],
}

// Each heap is only touched while its lock is held.
unsafe impl<H: Send, const N: usize> Sync for Arenas<H, N> {}

/// Bytes before each block: the arena index, in a word that keeps the
/// block's alignment.
fn header(layout: Layout) -> usize {
    layout.align().max(std::mem::size_of::<usize>())
}

/// Which thread is asking, roughly: its stack's MiB. Threads' stacks are
/// separate regions; a deep call chain crossing a MiB only moves a
/// thread to another arena.
#[inline]
fn region() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize >> 20
}

impl<H: Heap, const N: usize> Default for Arenas<H, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: Heap, const N: usize> Arenas<H, N> {
    pub const fn new() -> Self {
        Arenas {
            arenas: [const { Arena::<H>::empty() }; N],
        }
    }

    /// Locks an arena for the calling thread: the one it used last if
    /// free, else one no thread has used yet, else the first free one,
    /// else (all busy) waits for one.
    fn take(&self) -> usize {
        let me = region();
        for (i, a) in self.arenas.iter().enumerate() {
            if a.last.load(Ordering::Relaxed) == me && a.try_lock() {
                return i;
            }
        }
        for unclaimed_only in [true, false] {
            for (i, a) in self.arenas.iter().enumerate() {
                if unclaimed_only && a.last.load(Ordering::Relaxed) != usize::MAX {
                    continue;
                }
                if a.try_lock() {
                    a.last.store(me, Ordering::Relaxed);
                    return i;
                }
            }
        }
        let i = me % N;
        self.arenas[i].lock();
        self.arenas[i].last.store(me, Ordering::Relaxed);
        i
    }

    /// The arena of a block this allocator returned.
    unsafe fn owner(ptr: *mut u8) -> usize {
        unsafe { ptr.sub(std::mem::size_of::<usize>()).cast::<usize>().read() }
    }

    /// How many arenas have handed out memory (for tests).
    pub fn arenas_used(&self) -> usize {
        self.arenas
            .iter()
            .filter(|a| a.last.load(Ordering::Relaxed) != usize::MAX)
            .count()
    }
}

unsafe impl<H: Heap + Send, const N: usize> GlobalAlloc for Arenas<H, N> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let h = header(layout);
        let Some(size) = layout.size().checked_add(h) else {
            return std::ptr::null_mut();
        };
        let i = self.take();
        let arena = &self.arenas[i];
        let block = unsafe { (*arena.heap.get()).malloc(size, h) };
        arena.unlock();
        if block.is_null() {
            return block;
        }
        unsafe {
            let ptr = block.add(h);
            ptr.sub(std::mem::size_of::<usize>())
                .cast::<usize>()
                .write(i);
            ptr
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let h = header(layout);
        let arena = &self.arenas[unsafe { Self::owner(ptr) }];
        arena.lock();
        unsafe { (*arena.heap.get()).free(ptr.sub(h), layout.size() + h, h) };
        arena.unlock();
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let h = header(layout);
        let Some(size) = new_size.checked_add(h) else {
            return std::ptr::null_mut();
        };
        // In place or moved within the owning arena: the header (part of
        // the block) moves with it.
        let arena = &self.arenas[unsafe { Self::owner(ptr) }];
        arena.lock();
        let block = unsafe { (*arena.heap.get()).realloc(ptr.sub(h), layout.size() + h, h, size) };
        arena.unlock();
        if block.is_null() {
            block
        } else {
            unsafe { block.add(h) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;

    type Dl = Arenas<dlmalloc::Dlmalloc, 4>;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_writable_and_survive_realloc() {
        let a = Dl::new();
        unsafe {
            for (size, align) in [(1, 1), (7, 2), (24, 8), (100, 16), (4096, 64), (3, 4096)] {
                let l = layout(size, align);
                let p = a.alloc(l);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "{size} {align}");
                for i in 0..size {
                    p.add(i).write(i as u8);
                }
                let q = a.realloc(p, l, size * 3 + 50);
                assert_eq!(q as usize % align, 0);
                for i in 0..size {
                    assert_eq!(q.add(i).read(), i as u8);
                }
                a.dealloc(q, layout(size * 3 + 50, align));
            }
            let z = a.alloc_zeroed(layout(1000, 8));
            assert!((0..1000).all(|i| z.add(i).read() == 0));
            a.dealloc(z, layout(1000, 8));
        }
    }

    /// Threads allocate, hand blocks to each other and free what they got:
    /// every block keeps its contents and goes back to its own arena, and
    /// the threads spread over more than one arena.
    #[test]
    fn threads_allocate_and_free_across_arenas() {
        static A: Dl = Dl::new();
        let threads = 3;
        let per = 2000;
        let barrier = Barrier::new(threads);
        let handed: Vec<std::sync::Mutex<Vec<usize>>> =
            (0..threads).map(|_| Default::default()).collect();
        std::thread::scope(|s| {
            for t in 0..threads {
                let (barrier, handed) = (&barrier, &handed);
                s.spawn(move || {
                    barrier.wait();
                    let mut mine = Vec::new();
                    for i in 0..per {
                        let size = 8 + (i * 37 + t) % 300;
                        let p = unsafe { A.alloc(layout(size, 8)) };
                        assert!(!p.is_null());
                        unsafe { p.write_bytes((t * 31 + i) as u8, size) };
                        if i % 3 == 0 {
                            unsafe { A.dealloc(p, layout(size, 8)) };
                        } else {
                            mine.push((p as usize, size, (t * 31 + i) as u8));
                        }
                    }
                    for &(p, size, byte) in &mine {
                        let p = p as *const u8;
                        assert!((0..size).all(|k| unsafe { p.add(k).read() } == byte));
                    }
                    // The next thread frees these.
                    let next = &handed[(t + 1) % threads];
                    let mut flat = next.lock().unwrap();
                    for (p, size, _) in mine {
                        flat.push(p);
                        flat.push(size);
                    }
                });
            }
        });
        for h in &handed {
            for pair in h.lock().unwrap().chunks(2) {
                unsafe { A.dealloc(pair[0] as *mut u8, layout(pair[1], 8)) };
            }
        }
        assert!(A.arenas_used() >= 2, "arenas used: {}", A.arenas_used());
    }
}
