//! Extraction throughput on a corpus made reproducibly from the bundled sample and corpus
//! articles: `cargo bench` prints documents/s and MB/s for one core.

mod common;

use demarche::events::extract;
use demarche::lexicon::Lexicon;
use demarche::model::Document;
use std::time::Instant;

fn main() {
    let lex = Lexicon::embedded();
    let base = common::articles();
    let target_docs = common::target_docs(5000);
    let docs: Vec<&Document> = base.iter().cycle().take(target_docs).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Warm up: build the lexicon and compile the rules.
    for d in base.iter().take(5) {
        extract(d, lex);
    }
    let t = Instant::now();
    let mut events = 0;
    for d in &docs {
        events += extract(d, lex).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "extract: {} documents ({:.1} MB) in {:.2} s on one core: {:.0} documents/s, {:.2} MB/s, {} events",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        docs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        events
    );
}
