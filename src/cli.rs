//! The command line: clap structures, parsed once. Only this file and `main.rs` know clap.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// demarche: dated who-did-what-to-whom events from news articles, with evidence.
#[derive(Debug, Parser)]
#[command(name = "demarche", version, about, long_about = None, after_help = "INPUT is an article (.txt), a saved web page (.html, .htm), a JSON Lines news feed (.jsonl: one article per line), a directory of them (searched recursively), a quoted glob ('archive/**/*.html'), '-' for standard input, or an events CSV written by `demarche extract` (edit rows by hand, then re-render without re-extracting). Text may be UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.")]
pub struct Cli {
    /// Lay the dictionaries in DIR (countries.tsv, events.tsv, roles.tsv, …) over the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    /// Print no warnings and no progress bar.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Extract with N threads [default: one per core]. Output is the same for any N.
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats of event lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    /// The events CSV contract (one row per event).
    Csv,
    /// A JSON array of events.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Output formats of `timex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimexFormat {
    /// Tab-separated, one expression per line, with a header.
    Tsv,
    /// A JSON array.
    Json,
    /// A TimeML document: the text with each expression as a `TIMEX3` element.
    Timeml,
}

/// Output formats of query tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// An aligned table for reading.
    Table,
    /// CSV.
    Csv,
    /// JSON.
    Json,
}

/// Inputs and publication date, shared by the commands that read articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Articles (.txt), pages (.html), feeds (.jsonl), directories, globs, '-' (stdin) or events CSVs.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Publication date of the articles (overrides 'Date:' headers, page metadata, feed fields and dates in file names).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// JSONL feeds: where a field is, as KEY=NAME[,NAME…] with KEY one of id, date, title, text, html, url; NAME may be a dotted path (repeatable; e.g. --field text=body --field date=meta.published).
    #[arg(long = "field", value_name = "KEY=NAME")]
    pub fields: Vec<String>,
}

/// Event filters shared by rendering and queries, and the level of the graph's actors.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only events that can fall on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only events that can fall on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Only these event types (repeatable): a taxonomy name, a CAMEO root like 11 or code like 114, or a quad class q1–q4.
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only events with this actor as source or target (repeatable): a name, code, alias, adjective or capital.
    #[arg(long = "actor", value_name = "NAME")]
    pub actors: Vec<String>,
    /// Only events with an actor of this country (repeatable): ISO3 code or any name form (Russia, Russian, Moscow).
    #[arg(long = "country", value_name = "COUNTRY")]
    pub countries: Vec<String>,
    /// Only events of this modality (repeatable).
    #[arg(long = "modality", value_enum, value_name = "MODALITY")]
    pub modalities: Vec<ModalityArg>,
    /// Only events reported by at least N articles (after merging).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_mentions: u32,
    /// Graph nodes: every actor, or persons and institutions rolled up to their country.
    #[arg(long, value_enum, default_value = "actor")]
    pub level: LevelArg,
}

/// Which actors become graph nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum LevelArg {
    /// Actors as extracted.
    #[default]
    Actor,
    /// Persons and institutions rolled up to their country.
    Country,
}

/// How an event is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModalityArg {
    /// Reported as fact.
    Asserted,
    /// Claimed by someone.
    Alleged,
    /// Denied.
    Negated,
    /// Planned or announced.
    Future,
    /// Conditional or possible.
    Hypothetical,
}

/// What `query top` ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankBy {
    /// Distinct counterparts.
    Degree,
    /// Events taken part in.
    Events,
    /// Conflict events (quad classes 3–4).
    Conflict,
    /// Cooperation events (quad classes 1–2).
    Cooperation,
    /// Betweenness centrality (how often on the shortest chain between others).
    Betweenness,
}

/// Inputs, filters and output format, shared by every query.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Inputs and date.
    #[command(flatten)]
    pub input: InputArgs,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract events from articles and print them (CSV by default).
    Extract {
        /// Inputs and date.
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: EventFormat,
        /// Write to FILE instead of standard output (written whole or not at all).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Extract and write DIR/events.csv, DIR/timeline.svg and DIR/graph.svg in one run.
    Build {
        /// Inputs and date.
        #[command(flatten)]
        input: InputArgs,
        /// Output directory (created if missing).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Chart titles start with this text.
        #[arg(long)]
        title: Option<String>,
    },
    /// Draw a timeline of the events as SVG.
    Timeline {
        /// Inputs and date.
        #[command(flatten)]
        input: InputArgs,
        /// Filters.
        #[command(flatten)]
        filter: FilterArgs,
        /// The SVG file to write.
        #[arg(short, long, value_name = "FILE.svg")]
        output: PathBuf,
        /// Chart title.
        #[arg(long)]
        title: Option<String>,
        /// Width in pixels (default: grows with the time span and the number of events).
        #[arg(long)]
        width: Option<u32>,
        /// One lane per source actor, per country, per dyad or per event type.
        #[arg(long, default_value = "actor", value_parser = ["actor", "country", "dyad", "type"])]
        lanes: String,
        /// Mark the publication dates of the articles under the axis.
        #[arg(long)]
        publication_dates: bool,
    },
    /// Draw the relationship diagram (actors and who did what to whom) as SVG.
    Graph {
        /// Inputs and date.
        #[command(flatten)]
        input: InputArgs,
        /// Filters.
        #[command(flatten)]
        filter: FilterArgs,
        /// The SVG file to write.
        #[arg(short, long, value_name = "FILE.svg")]
        output: PathBuf,
        /// Chart title.
        #[arg(long)]
        title: Option<String>,
        /// Width in pixels.
        #[arg(long, default_value_t = 1000)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 760)]
        height: u32,
        /// Only the neighbourhood of this actor (any name the extractor understands).
        #[arg(long, value_name = "ACTOR")]
        focus: Option<String>,
        /// With --focus: how many steps away from the actor to keep.
        #[arg(long, default_value_t = 1)]
        depth: usize,
    },
    /// Ask questions of the events.
    Query {
        /// Which question.
        #[command(subcommand)]
        query: Query,
    },
    /// Show, sentence by sentence, the actors, times and triggers the extractor found in an
    /// article, how pronouns and descriptions were resolved, and which events came of them.
    Explain {
        /// The article (or '-' for standard input).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Publication date (overrides 'Date:' headers and dates in file names).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the time expressions of an article: byte span, text, TIMEX3 type and value, the
    /// days meant, precision and basis (event-anchored ones are resolved by extract). With
    /// --score, read annotated TimeML documents (TimeBank, TempEval-3…) instead and score the
    /// tagger against their TIMEX3 elements.
    Timex {
        /// The article (or '-' for standard input); with --score, TimeML files or folders of
        /// them (*.tml, *.xml).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Score against the TIMEX3 annotations of TimeML files: strict and relaxed span F1,
        /// type and value accuracy, per document and in total.
        #[arg(long)]
        score: bool,
        /// Publication date (overrides 'Date:' headers and dates in file names).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value = "tsv")]
        format: TimexFormat,
    },
    /// Print the plain text demarche extracts from an input (an HTML page's article body, a
    /// feed line's text, an article after its header lines): the text every byte span
    /// (span_start, span_end) refers to.
    Text {
        /// Inputs and date.
        #[command(flatten)]
        input: InputArgs,
        /// Only the document with this id (a feed line's id, or a file's stem).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Print Id, Title, Date and Url header lines and a blank line before the text (the
        /// header format demarche reads back from .txt files).
        #[arg(long)]
        meta: bool,
    },
    /// Score extraction against an annotated corpus (NAME.txt + NAME.gold.json).
    Eval {
        /// The corpus directory.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// List every miss, false alarm and wrong date with its sentence.
        #[arg(long, short)]
        verbose: bool,
        /// Minimum scores to enforce (default: DIR/floors.toml when it exists).
        #[arg(long, value_name = "FILE")]
        floors: Option<PathBuf>,
    },
}

/// The questions `query` answers. Reports of one event from several articles count once
/// (merged, with the number of reports as mentions).
#[derive(Debug, Subcommand)]
pub enum Query {
    /// Everyone NAME interacted with: events each way, first and last date, types, cooperation
    /// and conflict (Goldstein sum and mean), mentions.
    Who {
        /// The actor: a name as extracted ("Russia", "Maria Zakharova"), a code, or any
        /// country form (Russian, Moscow, the Kremlin).
        name: String,
        /// Inputs, filters, format.
        #[command(flatten)]
        args: QueryArgs,
    },
    /// The history of a dyad: every event from A to B or from B to A, in date order.
    Between {
        /// One actor.
        a: String,
        /// The other actor.
        b: String,
        /// Inputs, filters, format.
        #[command(flatten)]
        args: QueryArgs,
    },
    /// The shortest chain of interactions linking A to B, with the events of each link.
    Path {
        /// Where the chain starts.
        a: String,
        /// Where it ends.
        b: String,
        /// Inputs, filters, format.
        #[command(flatten)]
        args: QueryArgs,
    },
    /// The most active or central actors.
    Top {
        /// What to rank by.
        #[arg(long, value_enum, default_value = "events")]
        by: RankBy,
        /// How many actors (0 = all).
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        /// Compute betweenness over every actor even on large graphs (otherwise estimated
        /// from evenly spread pivots above 12 million steps).
        #[arg(long)]
        exact: bool,
        /// Inputs, filters, format.
        #[command(flatten)]
        args: QueryArgs,
    },
    /// The events that pass the filters, in date order (csv: the events CSV contract).
    Events {
        /// Inputs, filters, format.
        #[command(flatten)]
        args: QueryArgs,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date; expected YYYY-MM-DD, e.g. 2024-04-29"))
}
