//! `demarche extract`: events in the CSV contract (or JSON / JSON Lines).

use super::Ctx;
use crate::cli::{EventFormat, InputArgs};
use anyhow::{Context, Result};
use demarche::export::{csv, json};
use demarche::fsutil::write_atomic;
use std::io::Write;
use std::path::Path;

/// Run the command.
pub fn run(
    ctx: &Ctx,
    input: &InputArgs,
    format: EventFormat,
    output: Option<&Path>,
) -> Result<i32> {
    let loaded = ctx.load(input)?;
    let body = match format {
        EventFormat::Csv => csv::to_string(&loaded.events)?,
        EventFormat::Json => json::to_json(&loaded.events)? + "\n",
        EventFormat::Jsonl => json::to_jsonl(&loaded.events)?,
    };
    match output {
        Some(p) => {
            write_atomic(p, body.as_bytes()).with_context(|| format!("writing {}", p.display()))?
        }
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(body.as_bytes()).and_then(|_| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("writing to standard output");
                }
            }
        }
    }
    Ok(loaded.code)
}
