//! # demarche
//!
//! Extracts dated political events — who did what to whom, when — from news articles, with
//! an evidence trail for every row, and renders them as an events CSV, a timeline and a
//! relationship diagram.
//!
//! The pipeline, one module per stage: [`ingest`] reads articles, [`clean`] marks
//! boilerplate, [`text`] splits sentences and tokens with byte spans, [`actors`] finds and
//! normalizes actors, [`timex`] finds and resolves time expressions, [`events`] codes events,
//! [`graph`] holds them as a petgraph graph, [`query`] answers questions, [`export`] writes
//! CSV/JSON and [`render`] draws SVG. [`eval`] scores extraction against the gold corpus.
//!
//! ```
//! use demarche::{lexicon::Lexicon, model::Document, events};
//! let doc = Document {
//!     id: "ex".into(), origin: "ex".into(), title: String::new(), url: String::new(),
//!     dct: chrono::NaiveDate::from_ymd_opt(2024, 4, 29),
//!     text: "Tajikistan's foreign ministry on Monday summoned Russia's ambassador.".into(),
//! };
//! let evs = events::extract(&doc, Lexicon::embedded());
//! assert_eq!(evs[0].event_type, "summon_ambassador");
//! assert_eq!(evs[0].time.value, "2024-04-29");
//! ```

pub mod actors;
pub mod clean;
pub mod dating;
pub mod error;
pub mod eval;
pub mod events;
pub mod export;
pub mod fsutil;
pub mod graph;
pub mod inflect;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod render;
pub mod text;
pub mod timex;

pub use error::{Error, Result};
