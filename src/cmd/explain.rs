//! `demarche explain`: what the extractor saw in an article, sentence by sentence.

use super::Ctx;
use anyhow::Result;
use chrono::NaiveDate;
use demarche::events;
use demarche::ingest;
use std::fmt::Write as _;
use std::path::Path;

/// Run the command.
pub fn run(ctx: &Ctx, file: &Path, date: Option<NaiveDate>, json: bool) -> Result<i32> {
    let loaded = ingest::load_article(file, date)?;
    if !ctx.quiet {
        for w in &loaded.warnings {
            eprintln!("demarche: warning: {w}");
        }
    }
    let (trace, evs) = events::explain(&loaded.doc, ctx.lex);
    if json {
        let v =
            serde_json::json!({ "sentences": trace, "events": demarche::export::json::rows(&evs) });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(0);
    }
    let mut out = String::new();
    writeln!(
        out,
        "{} (published {})",
        loaded.doc.id,
        loaded
            .doc
            .dct
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into())
    )?;
    for (i, s) in trace.iter().enumerate() {
        writeln!(
            out,
            "\n[{}] bytes {}–{}: {}",
            i + 1,
            s.span.start,
            s.span.end,
            s.text
        )?;
        for (words, actor, resolved) in &s.actors {
            let how = if *resolved { ", from context" } else { "" };
            writeln!(
                out,
                "    actor    {words:?} → {} ({}{how})",
                actor.name, actor.code
            )?;
        }
        for (words, value) in &s.times {
            writeln!(out, "    time     {words:?} → {value}")?;
        }
        for t in &s.triggers {
            let roles = format!(
                "{} → {}",
                if t.sources.is_empty() {
                    "?".to_string()
                } else {
                    t.sources.join(" + ")
                },
                if t.targets.is_empty() {
                    "-".to_string()
                } else {
                    t.targets.join(" + ")
                }
            );
            let verdict = if t.coded > 0 {
                format!("coded ×{}", t.coded)
            } else {
                match &t.reason {
                    Some(r) => format!("not coded: {r}"),
                    None => "not coded".to_string(),
                }
            };
            writeln!(
                out,
                "    trigger  {:?} [{}] {}: {roles} — {verdict}",
                t.words, t.pattern, t.event_type
            )?;
        }
    }
    writeln!(out, "\n{} events:", evs.len())?;
    for e in &evs {
        writeln!(
            out,
            "    {} {} {} → {} {} ({}, {})",
            e.id,
            if e.time.value.is_empty() {
                format!(
                    "[{}..{}]",
                    e.time.start.map(|d| d.to_string()).unwrap_or_default(),
                    e.time.end.map(|d| d.to_string()).unwrap_or_default()
                )
            } else {
                e.time.value.clone()
            },
            e.source.name,
            e.target.as_ref().map(|t| t.name.as_str()).unwrap_or("-"),
            e.event_type,
            e.modality,
            e.time.basis.as_str()
        )?;
    }
    print!("{out}");
    Ok(0)
}
