//! `demarche extract`: events in the CSV contract (or JSON / JSON Lines). CSV and JSON Lines
//! stream batch by batch, so memory stays flat however large the input; a file named with
//! `-o` appears whole or not at all.

use super::{Ctx, Reporter};
use crate::cli::{EventFormat, InputArgs};
use anyhow::{Context, Result};
use demarche::export::{csv, json};
use demarche::fsutil::{AtomicFile, write_atomic};
use demarche::model::Event;
use std::io::Write;
use std::path::Path;

/// Run the command.
pub fn run(
    ctx: &Ctx,
    input: &InputArgs,
    format: EventFormat,
    output: Option<&Path>,
) -> Result<i32> {
    if format == EventFormat::Json {
        let loaded = ctx.load(input)?;
        let body = json::to_json(&loaded.events)? + "\n";
        match output {
            Some(p) => write_atomic(p, body.as_bytes())
                .with_context(|| format!("writing {}", p.display()))?,
            None => {
                let mut out = std::io::stdout().lock();
                if let Err(e) = out.write_all(body.as_bytes()).and_then(|_| out.flush()) {
                    if e.kind() != std::io::ErrorKind::BrokenPipe {
                        return Err(e).context("writing to standard output");
                    }
                }
            }
        }
        return Ok(loaded.code);
    }
    match output {
        Some(p) => {
            let file = AtomicFile::create(p).with_context(|| format!("writing {}", p.display()))?;
            let (file, code) = stream(ctx, input, format, file)?;
            if let Some(file) = file {
                file.commit()
                    .with_context(|| format!("writing {}", p.display()))?;
            }
            Ok(code)
        }
        None => {
            let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let (out, code) = stream(ctx, input, format, out)?;
            match out.map_or(Ok(()), |mut o| o.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(e).context("writing to standard output")
                }
                _ => Ok(code),
            }
        }
    }
}

/// Where streamed events go.
enum Sink<W: Write> {
    Csv(Box<csv::EventsWriter<W>>),
    Jsonl(W),
}

impl<W: Write> Sink<W> {
    fn write(&mut self, events: &[Event]) -> std::io::Result<()> {
        match self {
            Sink::Csv(c) => c.write(events),
            Sink::Jsonl(w) => json::write_jsonl(w, events),
        }
    }

    fn finish(self) -> std::io::Result<W> {
        match self {
            Sink::Csv(mut c) => {
                // The header, when no batch wrote it (an empty feed).
                c.write(&[])?;
                c.finish()
            }
            Sink::Jsonl(w) => Ok(w),
        }
    }
}

/// Write the events of every batch to `w` as they come; give `w` back (none when the reader
/// of standard output went away) with the exit code.
fn stream<W: Write>(
    ctx: &Ctx,
    input: &InputArgs,
    format: EventFormat,
    w: W,
) -> Result<(Option<W>, i32)> {
    let mut sink = match format {
        EventFormat::Csv => Sink::Csv(Box::new(csv::EventsWriter::new(w))),
        _ => Sink::Jsonl(w),
    };
    let mut reporter = Reporter::new(ctx.quiet, |events| sink.write(&events));
    let (_, code) = ctx.stream(input, &mut reporter)?;
    drop(reporter);
    match sink.finish() {
        Ok(w) => Ok((Some(w), code)),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok((None, code)),
        Err(e) => Err(e).context("writing the events"),
    }
}
