//! `before-you-rely`: the engines on the command line, with the same functions the panel uses.

// The CLI is native only (it writes JSON with serde_json, which the wasm build does not carry);
// on wasm32 this binary is an empty shell so `cargo test --target wasm32-unknown-unknown` builds.
#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
