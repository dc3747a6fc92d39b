//! The whole pipeline over many inputs: articles are read and extracted, events CSVs are
//! imported, and problems with one input never stop the others.

use crate::error::Error;
use crate::events;
use crate::export::csv as events_csv;
use crate::ingest::{self, Input};
use crate::lexicon::Lexicon;
use crate::model::Event;
use chrono::NaiveDate;
use std::path::PathBuf;

/// What came out of a run over the inputs.
#[derive(Debug, Default)]
pub struct Outcome {
    /// All events, articles first in input order, each document's events in text order.
    pub events: Vec<Event>,
    /// Inputs that could not be used, one error each.
    pub errors: Vec<Error>,
    /// Things the user should know that did not stop anything.
    pub warnings: Vec<String>,
    /// Number of articles read.
    pub documents: usize,
}

/// Read every input and extract or import its events.
pub fn run(paths: &[PathBuf], date: Option<NaiveDate>, lex: &Lexicon) -> Outcome {
    let (inputs, errors) = ingest::expand_inputs(paths);
    let mut out = Outcome {
        errors,
        ..Default::default()
    };
    if inputs.is_empty() && out.errors.is_empty() {
        out.errors.push(Error::Invalid(format!(
            "no articles (.txt) or events CSVs found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    for input in inputs {
        match input {
            Input::Article(p) => match ingest::load_article(&p, date) {
                Ok(loaded) => {
                    out.warnings.extend(loaded.warnings);
                    out.documents += 1;
                    out.events.extend(events::extract(&loaded.doc, lex));
                }
                Err(e) => out.errors.push(e),
            },
            Input::EventsCsv(p) => match events_csv::read_events(&p, lex) {
                Ok(evs) => out.events.extend(evs),
                Err(e) => out.errors.push(e),
            },
        }
    }
    out
}
