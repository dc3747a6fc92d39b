//! One file per subcommand; this module holds what they share: loading the lexicon, running
//! the pipeline over the inputs and reporting problems one line each.

mod build;
mod eval;
mod explain;
mod extract;
mod graph;
mod query;
mod timeline;
mod timex;

use crate::cli::{Cli, Command, FilterArgs, InputArgs, LevelArg, ModalityArg};
use anyhow::{Context, Result};
use demarche::graph::{EventGraph, Level};
use demarche::lexicon::Lexicon;
use demarche::model::{Event, Modality};
use demarche::pipeline::{self, Outcome};
use demarche::query::{self as queries, Filter};

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
        Command::Explain { file, date, json } => explain::run(&ctx, &file, date, json),
        Command::Timex { file, date, format } => timex::run(&ctx, &file, date, format),
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
