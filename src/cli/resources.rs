//! `before-you-rely resources`. (Stub until its engine lands.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("before-you-rely resources: not available yet");
    2
}
