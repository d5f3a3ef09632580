//! `before-you-rely check`. (Stub until its engine lands.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("before-you-rely check: not available yet");
    2
}
