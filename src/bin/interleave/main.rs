//! The `interleave` command line (native only).
//!
//! `interleave run FILE.py` runs a program; `interleave explore FILE.py`
//! runs it under many seeds and lists the distinct outcomes;
//! `interleave serve DIR` serves the built web app. It owns
//! argument parsing and process exit codes, nothing of the engine itself.

#[cfg(not(target_arch = "wasm32"))]
mod explore;
#[cfg(not(target_arch = "wasm32"))]
mod run;
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
        /// Run a Python program and print what it prints.
        Run(run::Options),
        /// Run a program under many seeds in parallel and list the
        /// distinct outcomes, each with a schedule to replay it.
        Explore(explore::Options),
        /// Serve a built app directory (normally dist/) over HTTP.
        Serve(serve::Options),
    }

    match Cli::parse().command {
        Command::Run(options) => run::main(options),
        Command::Explore(options) => explore::main(options),
        Command::Serve(options) => serve::run(options),
    }
}

/// The wasm build of the crate has no command line; `cargo test` for wasm
/// still compiles this target.
#[cfg(target_arch = "wasm32")]
fn main() {}
