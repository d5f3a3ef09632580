//! Command dispatch. Each subcommand lives in its own module and prints JSON on stdout.

mod check;
mod prompts;
mod resources;
mod screen;
mod words;

const USAGE: &str = "usage: before-you-rely <command> [options]

commands:
  screen      read JSON lines {\"id\",\"text\",\"lang\"?} on stdin, write screenings as JSON lines
  words       read JSON lines {\"id\",\"text\"} on stdin, write {\"id\",\"words\",\"rules\"}: the words the screen reads, the rules that matched
  resources   --country CC [--category C] [--level L]: the ordered help as JSON
  check       <asq|phq9|phq2|gad7|gad2> --answers a,b,c: a self-check's score as JSON
  prompts     [--lang L] [--level L] [--theme T] [--count N] [--seed S]: journaling prompts as JSON
";

/// Runs the command line; returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("-h") | Some("--help") | Some("help") => {
            print!("{USAGE}");
            0
        }
        Some("screen") => screen::run(&args[1..]),
        Some("words") => words::run(&args[1..]),
        Some("resources") => resources::run(&args[1..]),
        Some("check") => check::run(&args[1..]),
        Some("prompts") => prompts::run(&args[1..]),
        Some(other) => {
            eprintln!("before-you-rely: unknown or unfinished command `{other}`\n\n{USAGE}");
            2
        }
        None => {
            eprint!("{USAGE}");
            2
        }
    }
}
