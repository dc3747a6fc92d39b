//! One file per subcommand; this module holds what they share: loading the lexicon, running
//! the pipeline over the inputs and reporting problems one line each.

mod build;
mod eval;
mod extract;
mod graph;
mod query;
mod timeline;

use crate::cli::{Cli, Command, FilterArgs, InputArgs};
use anyhow::{Context, Result};
use demarche::lexicon::Lexicon;
use demarche::model::Event;
use demarche::pipeline::{self, Outcome};
use demarche::query::Filter;

/// Run a parsed command line; the value is the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    let owned;
    let lex: &Lexicon = match &cli.lexicon {
        Some(dir) => {
            owned = Lexicon::with_overlay(dir)
                .with_context(|| format!("loading lexicon overlay {}", dir.display()))?;
            &owned
        }
        None => Lexicon::embedded(),
    };
    let ctx = Ctx {
        lex,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Extract {
            input,
            format,
            output,
        } => extract::run(&ctx, &input, format, output.as_deref()),
        Command::Build {
            input,
            output,
            title,
        } => build::run(&ctx, &input, &output, title.as_deref()),
        Command::Timeline {
            input,
            filter,
            output,
            title,
            width,
        } => timeline::run(&ctx, &input, &filter, &output, title.as_deref(), width),
        Command::Graph {
            input,
            filter,
            output,
            title,
            width,
            height,
        } => graph::run(
            &ctx,
            &input,
            &filter,
            &output,
            title.as_deref(),
            width,
            height,
        ),
        Command::Query { query } => query::run(&ctx, query),
        Command::Eval {
            dir,
            json,
            verbose,
            floors,
        } => eval::run(&ctx, &dir, json, verbose, floors.as_deref()),
    }
}

/// What every command needs.
pub struct Ctx<'a> {
    /// The dictionaries.
    pub lex: &'a Lexicon,
    /// No warnings.
    pub quiet: bool,
}

/// The result of reading the inputs: the events, and the exit code so far.
pub struct Loaded {
    /// Events from all usable inputs.
    pub events: Vec<Event>,
    /// 0, or 1 when some input could not be used.
    pub code: i32,
    /// Articles read.
    pub documents: usize,
}

impl Ctx<'_> {
    /// Run the pipeline, print each problem on one line, and refuse to go on when no input
    /// at all could be used.
    pub fn load(&self, input: &InputArgs) -> Result<Loaded> {
        let Outcome {
            events,
            errors,
            warnings,
            documents,
        } = pipeline::run(&input.inputs, input.date, self.lex);
        if !self.quiet {
            for w in &warnings {
                eprintln!("demarche: warning: {w}");
            }
        }
        for e in &errors {
            eprintln!("demarche: error: {e}");
        }
        if !errors.is_empty() && documents == 0 && events.is_empty() {
            anyhow::bail!("no usable input; nothing written");
        }
        Ok(Loaded {
            events,
            code: i32::from(!errors.is_empty()),
            documents,
        })
    }
}

/// The query filter from command-line filters, with event types checked against the taxonomy.
pub fn filter_from(args: &FilterArgs, lex: &Lexicon) -> Result<Filter> {
    for t in &args.types {
        let root = t.len() == 2 && t.chars().all(|c| c.is_ascii_digit());
        let quad = matches!(t.as_str(), "q1" | "q2" | "q3" | "q4");
        if !root && !quad && lex.event_type(t).is_none() {
            anyhow::bail!(
                "--type {t:?} is not an event type, CAMEO root (e.g. 11) or quad class (q1–q4)"
            );
        }
    }
    if let (Some(f), Some(t)) = (args.from, args.to) {
        if f > t {
            anyhow::bail!("--from {f} is after --to {t}");
        }
    }
    Ok(Filter {
        from: args.from,
        to: args.to,
        types: args.types.clone(),
    })
}

/// A default chart title from the events' date range.
pub fn default_title(kind: &str, events: &[Event]) -> String {
    let start = events.iter().filter_map(|e| e.time.start).min();
    let end = events.iter().filter_map(|e| e.time.end).max();
    match (start, end) {
        (Some(s), Some(e)) => format!(
            "{kind}, {} – {}",
            s.format("%-d %b %Y"),
            e.format("%-d %b %Y")
        ),
        _ => kind.to_string(),
    }
}
