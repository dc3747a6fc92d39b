//! Rendering at scale: 5,000 synthetic events (fixed seed) drawn as the timeline, the
//! relationship diagram and the HTML report. `cargo bench --bench render` prints the median
//! of five runs of each. `DEMARCHE_BENCH_EVENTS` and `DEMARCHE_BENCH_ACTORS` change the size.

use demarche::render::{network, report, synthetic, timeline};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Median time of `runs` calls of `f`, and the size of its output.
fn time<F: FnMut() -> String>(runs: usize, mut f: F) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let out = black_box(f());
        times.push(t.elapsed());
        size = out.len();
    }
    times.sort();
    (times[runs / 2], size)
}

fn main() {
    let n = env("DEMARCHE_BENCH_EVENTS", 5000);
    let actors = env("DEMARCHE_BENCH_ACTORS", 150);
    let events = synthetic::events(n, actors, 6);
    let topts = timeline::TimelineOptions::default();
    let nopts = network::NetworkOptions::default();
    let tl = timeline::render(&events, &topts).expect("timeline");
    let gr = network::render(&events, &nopts).expect("graph");
    let rows = [
        (
            "timeline",
            time(5, || timeline::render(&events, &topts).expect("timeline")),
        ),
        (
            "timeline layout only",
            time(5, || {
                format!("{}", timeline::timeline_layout(&events, &topts).items.len())
            }),
        ),
        (
            "relationship diagram",
            time(5, || network::render(&events, &nopts).expect("graph")),
        ),
        (
            "report.html",
            time(5, || report::render(&events, &tl, &gr, "bench")),
        ),
    ];
    println!("render: {n} events, {actors} actors (median of 5 runs)");
    for (name, (t, size)) in rows {
        let kb = if size >= 1024 {
            format!("{:>7} KB", size / 1024)
        } else {
            String::new()
        };
        println!("  {name:<22} {:>8.1} ms  {kb}", t.as_secs_f64() * 1e3);
    }
}
