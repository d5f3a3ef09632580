//! `before-you-rely`: the engines on the command line, with the same functions the panel uses.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

/// The command line is native only (its JSON comes from serde_json, a native-only dependency). Cargo
/// still builds the binary for `cargo test --target wasm32-unknown-unknown --test web`, so on wasm32 it
/// is an empty shell.
#[cfg(target_arch = "wasm32")]
fn main() {}
