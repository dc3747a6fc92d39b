//! `demarche text`: the plain text demarche extracts from each input, the text every byte
//! span refers to.

use super::{Ctx, options};
use crate::cli::InputArgs;
use anyhow::{Context, Result};
use demarche::ingest::Loaded;
use demarche::pipeline;
use std::io::Write;

/// Run the command.
pub fn run(ctx: &Ctx, input: &InputArgs, id: Option<&str>, meta: bool) -> Result<i32> {
    let opts = options(input)?;
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    let mut written = 0;
    // The first document waits until a second shows whether separators are needed.
    let mut first: Option<Loaded> = None;
    let mut result = Ok(());
    pipeline::documents(&input.inputs, &opts, &mut |doc| {
        let l = match doc {
            Ok(l) => l,
            Err(e) => {
                failed = true;
                eprintln!("demarche: error: {e}");
                return;
            }
        };
        if !ctx.quiet {
            for w in &l.warnings {
                eprintln!("demarche: warning: {w}");
            }
        }
        if id.is_some_and(|id| l.doc.id != id) || result.is_err() {
            return;
        }
        written += 1;
        if written == 1 {
            first = Some(l);
            return;
        }
        if let Some(f) = first.take() {
            result = write_doc(&mut out, &f, meta, true, true);
        }
        if result.is_ok() {
            result = write_doc(&mut out, &l, meta, true, false);
        }
    });
    if let Some(f) = first.take() {
        result = write_doc(&mut out, &f, meta, false, true);
    }
    if written == 0 {
        match id {
            Some(id) => anyhow::bail!("no document with id {id:?}"),
            None => anyhow::bail!("no usable input; nothing written"),
        }
    }
    match result.and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("writing to standard output")
        }
        _ => Ok(i32::from(failed)),
    }
}

/// One document's text, after a `==> ID (ORIGIN) <==` line when there are several and
/// header lines with `--meta`.
fn write_doc(
    out: &mut impl Write,
    l: &Loaded,
    meta: bool,
    separator: bool,
    first: bool,
) -> std::io::Result<()> {
    let d = &l.doc;
    if separator {
        if !first {
            writeln!(out)?;
        }
        writeln!(out, "==> {} ({}) <==", d.id, d.origin)?;
    }
    if meta {
        writeln!(out, "Id: {}", d.id)?;
        if !d.title.is_empty() {
            writeln!(out, "Title: {}", d.title)?;
        }
        if let Some(date) = d.dct {
            writeln!(out, "Date: {date}")?;
        }
        if !d.url.is_empty() {
            writeln!(out, "Url: {}", d.url)?;
        }
        writeln!(out)?;
    }
    out.write_all(d.text.as_bytes())?;
    if separator && !d.text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}
