//! Events as JSON (one array) or JSON Lines (one object per line), with the CSV's field names.

use super::csv::EventRow;
use crate::error::{Error, Result};
use crate::model::Event;

/// The events as a pretty JSON array.
pub fn to_json(events: &[Event]) -> Result<String> {
    let rows: Vec<EventRow> = events.iter().map(EventRow::from_event).collect();
    serde_json::to_string_pretty(&rows).map_err(|e| Error::Invalid(e.to_string()))
}

/// The events as JSON Lines.
pub fn to_jsonl(events: &[Event]) -> Result<String> {
    let mut out = String::new();
    for e in events {
        out.push_str(
            &serde_json::to_string(&EventRow::from_event(e))
                .map_err(|e| Error::Invalid(e.to_string()))?,
        );
        out.push('\n');
    }
    Ok(out)
}

/// The events as rows with the CSV's field names (for embedding in other JSON).
pub fn rows(events: &[Event]) -> Vec<EventRow> {
    events.iter().map(EventRow::from_event).collect()
}
