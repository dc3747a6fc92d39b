//! One file per subcommand; this module holds what they share: loading the lexicon, running
//! the pipeline over the inputs and reporting problems one line each.

mod build;
mod eval;
mod explain;
mod extract;
mod graph;
mod query;
mod text;
mod timeline;
mod timex;

use crate::cli::{Cli, Command, FilterArgs, InputArgs, LevelArg, ModalityArg};
use anyhow::{Context, Result};
use demarche::graph::{EventGraph, Level};
use demarche::ingest::feed::Fields;
use demarche::lexicon::Lexicon;
use demarche::model::{Event, Modality};
use demarche::pipeline::{self, Observer, Options, Progress, Summary};
use demarche::query::{self as queries, Filter};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Run a parsed command line; the value is the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    if let Some(n) = cli.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .context("starting the worker threads")?;
    }
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
            lanes,
            publication_dates,
        } => timeline::run(
            &ctx,
            &input,
            &filter,
            &output,
            &timeline::Look {
                title: title.as_deref(),
                width,
                lanes: &lanes,
                publication_dates,
            },
        ),
        Command::Graph {
            input,
            filter,
            output,
            title,
            width,
            height,
            focus,
            depth,
        } => graph::run(
            &ctx,
            &input,
            &filter,
            &output,
            &graph::Look {
                title: title.as_deref(),
                width,
                height,
                focus: focus.as_deref(),
                depth,
            },
        ),
        Command::Query { query } => query::run(&ctx, query),
        Command::Text { input, id, meta } => text::run(&ctx, &input, id.as_deref(), meta),
        Command::Explain { file, date, json } => explain::run(&ctx, &file, date, json),
        Command::Timex {
            files,
            score,
            date,
            format,
        } => timex::run(&ctx, &files, score, date, format),
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

/// How the pipeline reads the inputs: the publication date and the feed field names.
pub fn options(input: &InputArgs) -> Result<Options> {
    let mut fields = Fields::default();
    for spec in &input.fields {
        fields.set(spec).map_err(anyhow::Error::msg)?;
    }
    Ok(Options {
        date: input.date,
        fields,
    })
}

/// Warnings shown before the rest are only counted.
const MAX_WARNINGS: usize = 50;

/// Prints problems one line each as the pipeline meets them, draws the progress bar, and
/// hands each batch of events to `sink`.
pub struct Reporter<'a> {
    quiet: bool,
    /// Whether a progress bar may be drawn (stderr is a terminal, not --quiet).
    bar_allowed: bool,
    bar: Option<ProgressBar>,
    started: Instant,
    warnings: usize,
    sink: Box<dyn FnMut(Vec<Event>) -> std::io::Result<()> + 'a>,
}

impl<'a> Reporter<'a> {
    /// A reporter that hands events to `sink`.
    pub fn new(quiet: bool, sink: impl FnMut(Vec<Event>) -> std::io::Result<()> + 'a) -> Self {
        Reporter {
            quiet,
            bar_allowed: !quiet && std::io::stderr().is_terminal(),
            bar: None,
            started: Instant::now(),
            warnings: 0,
            sink: Box::new(sink),
        }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Clear the progress bar and report warnings that were only counted.
    pub fn finish(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        if !self.quiet && self.warnings > MAX_WARNINGS {
            eprintln!(
                "demarche: warning: {} more warnings not shown (-q silences them)",
                self.warnings - MAX_WARNINGS
            );
        }
    }
}

impl Observer for Reporter<'_> {
    fn warning(&mut self, message: &str) {
        self.warnings += 1;
        if !self.quiet && self.warnings <= MAX_WARNINGS {
            self.say(&format!("demarche: warning: {message}"));
        }
    }

    fn error(&mut self, error: demarche::Error) {
        self.say(&format!("demarche: error: {error}"));
    }

    fn events(&mut self, events: Vec<Event>) -> std::io::Result<()> {
        (self.sink)(events)
    }

    fn progress(&mut self, p: Progress) {
        let elapsed = self.started.elapsed();
        // Only long runs get a bar: one second in and not about to finish.
        if self.bar.is_none()
            && self.bar_allowed
            && elapsed > Duration::from_secs(1)
            && p.bytes_total.is_none_or(|t| p.bytes_done * 10 < t * 9)
        {
            let (bar, template) = match p.bytes_total {
                Some(t) => (
                    ProgressBar::new(t),
                    "{elapsed_precise} [{bar:24}] {bytes}/{total_bytes} {msg} ETA {eta}",
                ),
                None => (
                    ProgressBar::new_spinner(),
                    "{spinner} {elapsed_precise} {bytes} {msg}",
                ),
            };
            let bar = bar.with_elapsed(elapsed);
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar = Some(bar);
        }
        if let Some(b) = &self.bar {
            let rate = p.documents as f64 / elapsed.as_secs_f64().max(1e-3);
            b.set_message(format!("{} docs, {rate:.0}/s", p.documents));
            b.set_position(p.bytes_done);
        }
    }
}

impl Ctx<'_> {
    /// Run the pipeline over the inputs with `reporter`, and refuse to go on when no input
    /// at all could be used. The value is the run's counts and its exit code so far.
    pub fn stream(&self, input: &InputArgs, reporter: &mut Reporter) -> Result<(Summary, i32)> {
        let opts = options(input)?;
        let result = pipeline::stream(&input.inputs, &opts, self.lex, reporter);
        reporter.finish();
        let summary = match result {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                return Ok((Summary::default(), 0));
            }
            Err(e) => return Err(e).context("writing the events"),
        };
        if !summary.usable {
            anyhow::bail!("no usable input; nothing written");
        }
        Ok((summary, i32::from(summary.errors > 0)))
    }

    /// Run the pipeline and collect every event, printing each problem on one line.
    pub fn load(&self, input: &InputArgs) -> Result<Loaded> {
        let mut events = Vec::new();
        let mut reporter = Reporter::new(self.quiet, |batch| {
            events.extend(batch);
            Ok(())
        });
        let (summary, code) = self.stream(input, &mut reporter)?;
        drop(reporter);
        Ok(Loaded {
            events,
            code,
            documents: summary.documents,
        })
    }
}

/// The query filter from command-line filters: event types, countries and dates checked
/// against the lexicon; actors are resolved later against the graph ([`Ctx::load_graph`]).
pub fn filter_from(args: &FilterArgs, lex: &Lexicon) -> Result<Filter> {
    for t in &args.types {
        queries::check_type(t, lex)?;
    }
    if let (Some(f), Some(t)) = (args.from, args.to) {
        if f > t {
            anyhow::bail!("--from {f} is after --to {t}");
        }
    }
    let countries = args
        .countries
        .iter()
        .map(|c| queries::resolve_country(lex, c))
        .collect::<Result<_, _>>()?;
    Ok(Filter {
        from: args.from,
        to: args.to,
        types: args.types.clone(),
        actors: Default::default(),
        countries,
        modalities: args
            .modalities
            .iter()
            .map(|m| match m {
                ModalityArg::Asserted => Modality::Asserted,
                ModalityArg::Alleged => Modality::Alleged,
                ModalityArg::Negated => Modality::Negated,
                ModalityArg::Future => Modality::Future,
                ModalityArg::Hypothetical => Modality::Hypothetical,
            })
            .collect(),
        min_mentions: args.min_mentions,
    })
}

/// The graph level chosen on the command line.
pub fn level_from(args: &FilterArgs) -> Level {
    match args.level {
        LevelArg::Actor => Level::Actor,
        LevelArg::Country => Level::Country,
    }
}

/// The merged event graph of the inputs, with the filter whose actors are resolved in it.
pub struct LoadedGraph {
    /// The graph, reports of one event merged.
    pub graph: EventGraph,
    /// The filter.
    pub filter: Filter,
    /// 0, or 1 when some input could not be used.
    pub code: i32,
}

impl Ctx<'_> {
    /// Check the filters, read the inputs, build the merged graph at the chosen level and
    /// resolve `--actor` names in it.
    pub fn load_graph(&self, input: &InputArgs, args: &FilterArgs) -> Result<LoadedGraph> {
        let mut filter = filter_from(args, self.lex)?;
        let loaded = self.load(input)?;
        let graph = EventGraph::build(&loaded.events, level_from(args), self.lex);
        for name in &args.actors {
            for a in queries::resolve(&graph, self.lex, name)? {
                filter.actors.insert(a.key());
            }
        }
        Ok(LoadedGraph {
            graph,
            filter,
            code: loaded.code,
        })
    }
}

/// The accepted events of a graph in graph order (first report first), for the renderers.
pub fn filtered_events(g: &EventGraph, f: &Filter) -> Vec<Event> {
    g.events()
        .into_iter()
        .filter(|e| f.accepts(e))
        .cloned()
        .collect()
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
