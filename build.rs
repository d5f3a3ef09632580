//! Compiles the readable content under `data/` into Rust tables at build time, so the wasm carries
//! no parser and bad data fails the build instead of the visitor's browser.
//! One generator a concept, each in `build/`.

#[path = "build/checks.rs"]
mod checks;
#[path = "build/codegen.rs"]
mod codegen;
#[path = "build/fold.rs"]
mod fold;
#[path = "build/directory.rs"]
mod directory;
#[path = "build/model.rs"]
mod model;
#[path = "build/prompts.rs"]
mod prompts;
#[path = "build/screen.rs"]
mod screen;
#[path = "build/ui.rs"]
mod ui;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    ui::generate();
    screen::generate();
    model::generate();
    fold::generate();
    directory::generate();
    checks::generate();
    prompts::generate();
}
