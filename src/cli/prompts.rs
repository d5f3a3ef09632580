//! `before-you-rely prompts`. (Stub until its engine lands.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("before-you-rely prompts: not available yet");
    2
}
