//! The lab's experiment 3 (schedule exploration on lanes of a pool)
//! natively, 1 lane against 2, under three global allocators in the same
//! run: the system allocator (glibc's per-thread arenas); the same
//! allocator behind one global spin lock, as Rust's std puts dlmalloc on
//! threaded wasm32 (`sys/alloc/wasm.rs`: every `alloc`, `dealloc` and
//! `realloc` of every thread takes one lock, spinning since the browser's
//! main thread may not block); and `lab::alloc::Arenas`, the threaded wasm
//! build's allocator (dlmalloc heaps, one lock each). If the lane speed-up
//! falls under the one lock, the allocator is what the browser build
//! loses on.
//!
//! Also printed: allocations per run and per simulated op, and how one
//! run's wall time splits between compiling (`Simulation::new`: parsing
//! the program, registering the stdlib) and running it (which imports
//! `threading`, compiled from its Python source in each run).
//!
//! The CPU time per schedule (both lanes' CPU, from /proc/self/stat)
//! stays readable when other processes load the machine: two lanes that
//! do not get in each other's way spend what one lane spends, while
//! spinning on a contended lock shows as more CPU per schedule.
//!
//! `cargo bench --bench lab_explore` (ENV `LAB_EXPLORE_REPEATS`, default
//! 7). The machine may be shared: each figure is the best and the median
//! of the repeats, never a single timing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::time::Instant;

use interleave::lab::alloc::{Arenas, Heap};
use interleave::lab::explore_exp::{self, ExploreConfig};
use interleave::lab::sync::Cancel;
use interleave::runtime::{run_program, SimOptions, Simulation};

/// System, System behind one spin lock, or [`Arenas`], by [`MODE`];
/// counts calls when asked. The mode changes between measurements, so a
/// block may be freed under another mode than it was allocated in: each
/// block carries a header byte saying which allocator it came from, and
/// goes back to that one.
struct BenchAlloc;

const SYSTEM: u8 = 0;
const LOCKED: u8 = 1;
const ARENAS: u8 = 2;
static MODE: AtomicU8 = AtomicU8::new(SYSTEM);
static COUNTING: AtomicBool = AtomicBool::new(false);
static CALLS: AtomicU64 = AtomicU64::new(0);
static LOCK: AtomicBool = AtomicBool::new(false);
static HEAPS: Arenas<Kept, 8> = Arenas::new();

/// Memory for dlmalloc in 64 KiB pages, never given back: as on wasm,
/// where memory only grows. (dlmalloc's own unix backend would `munmap`
/// its top after each run, and every `munmap` in a threaded process stalls
/// the other threads for a TLB shoot-down: a cost the browser build does
/// not have.)
struct NeverRelease;

const PAGE: usize = 64 * 1024;

unsafe impl dlmalloc::Allocator for NeverRelease {
    fn alloc(&self, size: usize) -> (*mut u8, usize, u32) {
        let size = size.div_ceil(PAGE) * PAGE;
        let p = unsafe { System.alloc(Layout::from_size_align(size, PAGE).expect("layout")) };
        if p.is_null() {
            (p, 0, 0)
        } else {
            (p, size, 0)
        }
    }
    fn remap(&self, _: *mut u8, _: usize, _: usize, _: bool) -> *mut u8 {
        std::ptr::null_mut()
    }
    fn free_part(&self, _: *mut u8, _: usize, _: usize) -> bool {
        false
    }
    fn free(&self, _: *mut u8, _: usize) -> bool {
        false
    }
    fn can_release_part(&self, _: u32) -> bool {
        false
    }
    fn allocates_zeros(&self) -> bool {
        false
    }
    fn page_size(&self) -> usize {
        PAGE
    }
}

/// A dlmalloc heap on [`NeverRelease`].
struct Kept(dlmalloc::Dlmalloc<NeverRelease>);

unsafe impl Heap for Kept {
    const EMPTY: Self = Kept(dlmalloc::Dlmalloc::new_with_allocator(NeverRelease));
    unsafe fn malloc(&mut self, size: usize, align: usize) -> *mut u8 {
        unsafe { self.0.malloc(size, align) }
    }
    unsafe fn free(&mut self, ptr: *mut u8, size: usize, align: usize) {
        unsafe { self.0.free(ptr, size, align) }
    }
    unsafe fn realloc(
        &mut self,
        ptr: *mut u8,
        size: usize,
        align: usize,
        new_size: usize,
    ) -> *mut u8 {
        unsafe { self.0.realloc(ptr, size, align, new_size) }
    }
}

struct Held;

impl Drop for Held {
    fn drop(&mut self) {
        LOCK.store(false, Ordering::Release);
    }
}

/// Counts the call; in LOCKED mode takes the global lock.
fn enter(mode: u8) -> Option<Held> {
    if COUNTING.load(Ordering::Relaxed) {
        CALLS.fetch_add(1, Ordering::Relaxed);
    }
    if mode != LOCKED {
        return None;
    }
    // std's wasm lock: swap until it was free, no back-off.
    while LOCK.swap(true, Ordering::Acquire) {}
    Some(Held)
}

/// The layout asked of the underlying allocator, and the header's size.
fn wrapped(layout: Layout) -> (Layout, usize) {
    let h = layout.align().max(16);
    (
        Layout::from_size_align(layout.size() + h, h).expect("layout"),
        h,
    )
}

unsafe fn raw_alloc(from: u8, layout: Layout) -> *mut u8 {
    unsafe {
        if from == ARENAS {
            HEAPS.alloc(layout)
        } else {
            System.alloc(layout)
        }
    }
}

unsafe fn raw_dealloc(from: u8, ptr: *mut u8, layout: Layout) {
    unsafe {
        if from == ARENAS {
            HEAPS.dealloc(ptr, layout)
        } else {
            System.dealloc(ptr, layout)
        }
    }
}

unsafe impl GlobalAlloc for BenchAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let mode = MODE.load(Ordering::Relaxed);
        let _held = enter(mode);
        let (outer, h) = wrapped(layout);
        unsafe {
            let base = raw_alloc(mode, outer);
            if base.is_null() {
                return base;
            }
            base.add(h - 1).write(mode);
            base.add(h)
        }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _held = enter(MODE.load(Ordering::Relaxed));
        let (outer, h) = wrapped(layout);
        unsafe { raw_dealloc(ptr.sub(1).read(), ptr.sub(h), outer) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let mode = MODE.load(Ordering::Relaxed);
        let from = unsafe { ptr.sub(1).read() };
        let (outer, h) = wrapped(layout);
        if (from == ARENAS) != (mode == ARENAS) {
            // Across allocators: a new block, the contents, the old freed.
            unsafe {
                let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                return new;
            }
        }
        let _held = enter(mode);
        unsafe {
            let base = if from == ARENAS {
                HEAPS.realloc(ptr.sub(h), outer, new_size + h)
            } else {
                System.realloc(ptr.sub(h), outer, new_size + h)
            };
            if base.is_null() {
                return base;
            }
            base.add(h - 1).write(from);
            base.add(h)
        }
    }
}

#[global_allocator]
static GLOBAL: BenchAlloc = BenchAlloc;

fn stats(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() - 1], v[v.len() / 2])
}

/// CPU seconds this process has used (user + system, all threads), from
/// /proc/self/stat; None off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// One measurement: schedules/s of experiment 3 on `workers` lanes, and
/// CPU milliseconds per schedule (all lanes together).
fn measure(pool: &rayon::ThreadPool, workers: usize) -> (f64, f64) {
    let cancel = Cancel::new();
    let config = ExploreConfig::new(workers);
    let before = cpu_seconds();
    let r = pool
        .install(|| explore_exp::run(&config, &cancel))
        .expect("runs");
    let cpu = match (before, cpu_seconds()) {
        (Some(a), Some(b)) => (b - a) * 1e3 / r.runs as f64,
        _ => f64::NAN,
    };
    (r.per_second(), cpu)
}

fn main() {
    let repeats: usize = std::env::var("LAB_EXPLORE_REPEATS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let config = ExploreConfig::new(1);
    println!(
        "lab explore: {} runs of the race under {} per figure; {cores} cores; best / median of {repeats}",
        config.runs, config.runtime
    );

    // One run, split, and its allocations.
    let sim = config.sim(0);
    let mut compile = Vec::new();
    let mut total = Vec::new();
    for _ in 0..repeats {
        let t = Instant::now();
        let s = Simulation::new(&config.source, &sim).expect("compiles");
        compile.push(t.elapsed().as_secs_f64() * 1e3);
        drop(s);
        let t = Instant::now();
        run_program(&config.source, &sim);
        total.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (compile, total) = (stats(compile).1, stats(total).1);
    CALLS.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let s = Simulation::new(&config.source, &sim).expect("compiles");
    let at_new = CALLS.load(Ordering::Relaxed);
    drop(s);
    CALLS.store(0, Ordering::Relaxed);
    let (out, _) = run_program(&config.source, &sim);
    let calls = CALLS.load(Ordering::Relaxed);
    COUNTING.store(false, Ordering::Relaxed);
    println!(
        "one run: {total:.2} ms (Simulation::new {compile:.2} ms), {} ops, {calls} allocator calls \
         ({at_new} in Simulation::new), {:.2} per op",
        out.ops,
        calls as f64 / out.ops.max(1) as f64
    );

    // Of which: importing threading (compiled from its Python source).
    let import = SimOptions { ..config.sim(0) };
    let mut t_import = Vec::new();
    for _ in 0..repeats {
        let t = Instant::now();
        run_program("import threading\n", &import);
        t_import.push(t.elapsed().as_secs_f64() * 1e3);
    }
    CALLS.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let (out, _) = run_program("import threading\n", &import);
    let calls = CALLS.load(Ordering::Relaxed);
    COUNTING.store(false, Ordering::Relaxed);
    // Of which: turning threading's (cached) code object into the VM's.
    let code = interleave::lang::compile(
        include_str!("../src/stdlib/py/threading.py"),
        "<frozen threading>",
    )
    .expect("threading compiles");
    let mut sim = Simulation::new("", &import).expect("compiles");
    CALLS.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let loaded = sim.vm.load_code(&code);
    let load_calls = CALLS.load(Ordering::Relaxed);
    COUNTING.store(false, Ordering::Relaxed);
    drop(loaded);
    println!(
        "  of which `import threading` alone: {:.2} ms, {} ops, {calls} allocator calls \
         ({load_calls} in Vm::load_code of its code object, the rest running its body)",
        stats(t_import).1,
        out.ops
    );

    // Modes and lane counts interleaved within each repeat, so that a
    // change in the machine's load falls on all of them alike.
    let modes = [
        ("system allocator", SYSTEM),
        ("one global spin lock", LOCKED),
        ("lab::alloc::Arenas", ARENAS),
    ];
    let mut got = vec![[Vec::new(), Vec::new(), Vec::new(), Vec::new()]; modes.len()];
    for _ in 0..repeats {
        for (m, &(_, mode)) in modes.iter().enumerate() {
            MODE.store(mode, Ordering::Relaxed);
            for lanes in [1, 2] {
                let (rate, cpu) = measure(&pool, lanes);
                got[m][lanes - 1].push(rate);
                got[m][lanes + 1].push(cpu);
            }
        }
    }
    MODE.store(SYSTEM, Ordering::Relaxed);
    for (m, (name, _)) in modes.iter().enumerate() {
        let [r1, r2, c1, c2] = got[m].clone();
        let ((b1, m1), (b2, m2)) = (stats(r1), stats(r2));
        let (c1, c2) = (stats(c1).1, stats(c2).1);
        println!(
            "{name:>21}: 1 lane {b1:6.1} schedules/s (median {m1:6.1}), 2 lanes {b2:6.1} (median {m2:6.1}): \
             best x{:.2}, median x{:.2}; CPU per schedule {c1:.2} ms on 1 lane, {c2:.2} ms on 2",
            b2 / b1,
            m2 / m1
        );
    }
}
