//! `demarche eval`: extraction quality on the annotated corpus, with floors for CI.

use super::Ctx;
use anyhow::{Context, Result};
use demarche::eval;
use demarche::events;
use demarche::ingest;
use std::path::Path;

/// Run the command.
pub fn run(ctx: &Ctx, dir: &Path, json: bool, verbose: bool, floors: Option<&Path>) -> Result<i32> {
    let cases = eval::load_corpus(dir)?;
    let mut preds = Vec::with_capacity(cases.len());
    for c in &cases {
        let dct = ingest::parse_iso_date(&c.gold.dct)
            .with_context(|| format!("{}: bad dct {:?}", c.name, c.gold.dct))?;
        let loaded = ingest::load_article(&c.article, Some(dct))?;
        preds.push(events::extract(&loaded.doc, ctx.lex));
    }
    let scores = eval::score(ctx.lex, &cases, &preds);
    if json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print!("{}", eval::report(&scores, verbose));
    }
    let default_floors = dir.join("floors.toml");
    let floors_path = floors
        .map(Path::to_path_buf)
        .or_else(|| default_floors.exists().then_some(default_floors));
    if let Some(p) = floors_path {
        let f = eval::read_floors(&p)?;
        let fails = eval::check_floors(&scores, &f);
        for m in &fails {
            eprintln!("demarche: eval: {m} ({})", p.display());
        }
        if !fails.is_empty() {
            return Ok(1);
        }
    }
    Ok(0)
}
