//! `before-you-rely screen`. (Stub until its engine lands.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("before-you-rely screen: not available yet");
    2
}
