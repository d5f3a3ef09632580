//! `make bench`: native screen throughput and latency. (Filled in with the screen engine.)
fn main() {}
