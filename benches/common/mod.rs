//! What the benches share: the bundled sample and corpus articles, loaded in name order.

use demarche::ingest::load_article;
use demarche::model::Document;
use std::path::Path;

/// The articles of `data/samples` and `data/corpus`.
pub fn articles() -> Vec<Document> {
    let mut docs = Vec::new();
    for dir in ["data/samples", "data/corpus"] {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .expect("bundled articles")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            docs.push(load_article(&p, None).expect("bundled article loads").doc);
        }
    }
    docs
}

/// A count from the environment variable `name`, else `default`.
pub fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}
