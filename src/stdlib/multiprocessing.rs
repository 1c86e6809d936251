//! `_multiprocessing`: the kernel side of `multiprocessing` — process
//! sentinels and exit codes (what the runtime records when a process
//! ends), and the objects every process shares instead of copying at a
//! fork ("kernel objects").

/// True for the Rust state of an object that a fork shares rather than
/// copies (see `runtime::copy`).
pub fn is_kernel_object(data: &dyn std::any::Any) -> bool {
    let _ = data;
    false
}
