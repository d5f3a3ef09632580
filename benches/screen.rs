//! `cargo bench --bench screen`: native throughput and latency of the crisis screen.
//! Prints one figure a line. Targets: >= 1,000,000 short messages/s, >= 100 MB/s on long text,
//! a 1 MB paste in < 50 ms.

use before_you_rely::screen::screen;
use std::hint::black_box;
use std::time::Instant;

const SHORT: &[&str] = &[
    "i had a really long day at work",
    "this exam is killing me lol",
    "can you help me write a cover letter",
    "i want to kill myself",
    "me muero de hambre",
    "ya no quiero vivir",
    "how do i kill a python process",
    "i feel so lonely lately",
    "my dad hits me when he's drunk",
    "what a lovely day, going to the beach",
];

fn long_text(bytes: usize) -> String {
    let para = "Today was a long day. I went to work, had lunch with a friend, and we talked about the \
                movie we saw last week; honestly it was to die for. My boss is killing me with deadlines \
                but I'm fine. Mañana voy al gimnasio y después a cenar con mi familia. ";
    let mut s = String::with_capacity(bytes + para.len());
    while s.len() < bytes {
        s.push_str(para);
    }
    s
}

/// CPU seconds this thread has used (Linux; None elsewhere): a figure other processes on a busy
/// machine do not inflate, unlike wall time. Resolution is one clock tick (10 ms).
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Wall and CPU time of `f`.
fn timed(f: impl FnOnce()) -> (f64, Option<f64>) {
    let (c0, t) = (cpu_secs(), Instant::now());
    f();
    let wall = t.elapsed().as_secs_f64();
    (wall, cpu_secs().zip(c0).map(|(b, a)| b - a))
}

fn cpu_note(cpu: Option<f64>, rate: impl Fn(f64) -> String) -> String {
    match cpu {
        Some(c) if c > 0.0 => format!(" (on CPU time: {})", rate(c)),
        _ => String::new(),
    }
}

fn main() {
    // Warm up (builds the automaton).
    for m in SHORT {
        black_box(screen(m, None));
    }

    // SCREEN_BENCH_QUICK=1: a small workload for profilers (callgrind).
    let quick = std::env::var_os("SCREEN_BENCH_QUICK").is_some();
    let scale = if quick { 100 } else { 1 };
    // SCREEN_BENCH_ONLY=short|long|paste: one part alone (to profile it apart from the others).
    let only = std::env::var("SCREEN_BENCH_ONLY").ok();
    let part = |name: &str| only.as_deref().is_none_or(|o| o == name);

    if part("short") {
        short_messages(scale);
    }
    if part("long") {
        long_text_throughput(scale);
    }
    if part("paste") {
        paste(scale);
    }
}

fn short_messages(scale: usize) {
    // Throughput on short messages.
    let n = 1_000_000 / scale;
    let (secs, cpu) = timed(|| {
        for i in 0..n {
            black_box(screen(black_box(SHORT[i % SHORT.len()]), None));
        }
    });
    println!(
        "short messages: {n} in {:.3} s = {:.0} messages/s{}",
        secs,
        n as f64 / secs,
        cpu_note(cpu, |c| format!("{:.0} messages/s", n as f64 / c))
    );

    // Per-message latency.
    let mut lat: Vec<u64> = (0..20_000 / scale)
        .map(|i| {
            let m = SHORT[i % SHORT.len()];
            let t = Instant::now();
            black_box(screen(black_box(m), None));
            t.elapsed().as_nanos() as u64
        })
        .collect();
    lat.sort_unstable();
    println!("latency median: {:.2} us", lat[lat.len() / 2] as f64 / 1000.0);
    println!("latency p99: {:.2} us", lat[lat.len() * 99 / 100] as f64 / 1000.0);
}

fn long_text_throughput(scale: usize) {
    // Long-text throughput over several runs of 8 MB: the fastest (as the paste below, what the
    // code does when the machine is not busy elsewhere) and the median and slowest beside it, as
    // this shared machine has slow spells that last whole seconds.
    let text = long_text((8 << 20) / scale);
    let runs = 11;
    let mut rates: Vec<f64> = Vec::with_capacity(runs);
    let (_, cpu) = timed(|| {
        for _ in 0..runs {
            let t = Instant::now();
            black_box(screen(black_box(&text), None));
            rates.push(text.len() as f64 / 1e6 / t.elapsed().as_secs_f64());
        }
    });
    rates.sort_by(f64::total_cmp);
    let mb = (text.len() * runs) as f64 / 1e6;
    println!(
        "long text: {:.1} MB/s (fastest of {runs} runs; median {:.1}, slowest {:.1}){}",
        rates[runs - 1],
        rates[runs / 2],
        rates[0],
        cpu_note(cpu, |c| format!("{:.1} MB/s", mb / c))
    );
}

fn paste(scale: usize) {
    // A 1 MB paste (with a crisis sentence in the middle).
    let mut paste = long_text((1 << 20) / scale);
    paste.insert_str(paste.len() / 2, " i want to kill myself tonight. ");
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let s = black_box(screen(black_box(&paste), None));
        best = best.min(t.elapsed().as_secs_f64());
        assert!(!s.evidence.is_empty());
    }
    println!("1 MB paste: {:.2} ms", best * 1000.0);

    // The worst pastes: crisis words throughout, with no place to cut them into pieces (one run-on
    // sentence, or nothing but short sentences), so they are read whole. Their cost once grew
    // with the square of their length (10 s and 20 s for these).
    for (name, unit) in [("run-on", "i want to die and kill myself lol "), ("short sentences", "i want to die. i want to kill myself. ")] {
        let text = unit.repeat((1 << 20) / scale / unit.len());
        let t = Instant::now();
        let s = black_box(screen(black_box(&text), None));
        assert!(!s.evidence.is_empty());
        println!("1 MB paste of crisis words, {name}: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0);
    }
}
