//! Events as JSON (one array) or JSON Lines (one object per line), with the CSV's field names.

use super::csv::EventRow;
use crate::error::{Error, Result};
use crate::model::Event;

/// The events as a pretty JSON array.
pub fn to_json(events: &[Event]) -> Result<String> {
    let rows: Vec<EventRow> = events.iter().map(EventRow::from_event).collect();
    serde_json::to_string_pretty(&rows).map_err(|e| Error::Invalid(e.to_string()))
}

/// Write the events as JSON Lines.
pub fn write_jsonl<W: std::io::Write>(mut w: W, events: &[Event]) -> std::io::Result<()> {
    for e in events {
        serde_json::to_writer(&mut w, &EventRow::from_event(e))?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// The events as JSON Lines.
pub fn to_jsonl(events: &[Event]) -> Result<String> {
    let mut buf = Vec::new();
    write_jsonl(&mut buf, events).map_err(|e| Error::Invalid(e.to_string()))?;
    String::from_utf8(buf).map_err(|e| Error::Invalid(e.to_string()))
}

/// The events as rows with the CSV's field names (for embedding in other JSON).
pub fn rows(events: &[Event]) -> Vec<EventRow> {
    events.iter().map(EventRow::from_event).collect()
}
