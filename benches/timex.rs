//! Time-tagging throughput: every time expression of the bundled sample and corpus articles
//! found, typed and resolved (`demarche timex` without its output), on one core. Prints MB/s
//! and microseconds per article.

mod common;

use demarche::model::Document;
use demarche::timex;
use std::time::Instant;

fn main() {
    let base = common::articles();
    let target_docs = common::env("DEMARCHE_BENCH_DOCS", 20_000);
    let docs: Vec<&Document> = base.iter().cycle().take(target_docs).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Warm up: compile the rules.
    for d in base.iter().take(5) {
        timex::tag(d, &[]);
    }
    let t = Instant::now();
    let mut found = 0;
    for d in &docs {
        found += timex::tag(d, &[]).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "timex: {} documents ({:.1} MB) in {:.2} s on one core: {:.2} MB/s, {:.0} µs per article, {} expressions",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        secs * 1e6 / docs.len() as f64,
        found
    );
}
