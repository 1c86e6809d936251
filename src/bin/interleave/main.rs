//! The `interleave` command line (native only).
//!
//! Today it serves the built web app (`interleave serve DIR`); running
//! Python programs from the terminal joins it with the engine. It owns
//! argument parsing and process exit codes, nothing of the engine itself.

#[cfg(not(target_arch = "wasm32"))]
mod serve;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::{Parser, Subcommand};

    #[derive(Parser)]
    #[command(
        name = "interleave",
        version,
        about = "Python concurrency, run and seen in the browser"
    )]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Serve a built app directory (normally dist/) over HTTP.
        Serve(serve::Options),
    }

    match Cli::parse().command {
        Command::Serve(options) => serve::run(options),
    }
}

/// The wasm build of the crate has no command line; `cargo test` for wasm
/// still compiles this target.
#[cfg(target_arch = "wasm32")]
fn main() {}
