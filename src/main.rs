//! `before-you-rely`: the engines on the command line, with the same functions the panel uses.

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}
