//! The command line: clap structures, parsed once. Only this file and `main.rs` know clap.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// demarche: dated who-did-what-to-whom events from news articles, with evidence.
#[derive(Debug, Parser)]
#[command(name = "demarche", version, about, long_about = None, after_help = "INPUT is an article (.txt), a directory of articles (searched recursively), '-' for standard input, or an events CSV written by `demarche extract` (edit rows by hand, then re-render without re-extracting).")]
pub struct Cli {
    /// Lay the dictionaries in DIR (countries.tsv, events.tsv, roles.tsv, …) over the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    /// Print no warnings.
    #[arg(long, short, global = true)]
    pub quiet: bool,
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
    /// Articles, directories, '-' (stdin) or events CSVs.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Publication date of the articles (overrides 'Date:' headers and dates in file names).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

/// Event filters shared by rendering and queries.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only events that can fall on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Only events that can fall on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Only these event types (repeatable): a taxonomy name, a CAMEO root like 11, or a quad class q1–q4.
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
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
        /// Width in pixels.
        #[arg(long, default_value_t = 1200)]
        width: u32,
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
    },
    /// Ask questions of the events.
    Query {
        /// Which question.
        #[command(subcommand)]
        query: Query,
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

/// The questions `query` answers.
#[derive(Debug, Subcommand)]
pub enum Query {
    /// Everyone NAME interacted with: counts each way, first and last date, event types.
    Who {
        /// The actor: a name as extracted ("Russia", "Maria Zakharova"), a code, or any
        /// country form (Russian, Moscow, the Kremlin).
        name: String,
        /// Inputs and date.
        #[command(flatten)]
        input: InputArgs,
        /// Filters.
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date; expected YYYY-MM-DD, e.g. 2024-04-29"))
}
