//! Events as JSON (one array) or JSON Lines (one object per line), with the CSV's field names.

use super::csv::{EventRow, row_to_event};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::Event;

/// One event in JSON: the CSV's fields, and what the CSV contract leaves out — the pattern
/// that fired and, for a threat, the act threatened.
#[derive(serde::Serialize)]
struct JsonEvent {
    #[serde(flatten)]
    row: EventRow,
    #[serde(skip_serializing_if = "String::is_empty")]
    pattern: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    threatened: String,
}

impl JsonEvent {
    fn from_event(e: &Event) -> Self {
        JsonEvent {
            row: EventRow::from_event(e),
            pattern: e.pattern.clone(),
            threatened: e.threatened.clone(),
        }
    }
}

/// The events as a pretty JSON array.
pub fn to_json(events: &[Event]) -> Result<String> {
    let rows: Vec<JsonEvent> = events.iter().map(JsonEvent::from_event).collect();
    serde_json::to_string_pretty(&rows).map_err(|e| Error::Invalid(e.to_string()))
}

/// Write the events as JSON Lines.
pub fn write_jsonl<W: std::io::Write>(mut w: W, events: &[Event]) -> std::io::Result<()> {
    for e in events {
        serde_json::to_writer(&mut w, &JsonEvent::from_event(e))?;
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

/// One line of events JSON Lines (as `extract --format jsonl` writes, possibly with trailing
/// whitespace a map-reduce engine added) back to an event, checked like a CSV row; `None`
/// when the line is not an event (no `event_id` and `event_type` fields): an article.
pub fn event_from_line(
    line: &str,
    bad: &dyn Fn(String) -> Error,
    lex: &Lexicon,
) -> Option<Result<Event>> {
    if !(line.contains("\"event_id\"") && line.contains("\"event_type\"")) {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let obj = v.as_object()?;
    if !(obj.contains_key("event_id") && obj.contains_key("event_type")) {
        return None;
    }
    let get = |name: &str| -> String {
        match obj.get(name) {
            Some(serde_json::Value::String(s)) => s.trim().to_string(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }
    };
    Some(row_to_event(&get, bad, lex).map(|mut e| {
        e.pattern = get("pattern");
        e.threatened = get("threatened");
        e
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_lines_round_trip_and_articles_are_not_events() {
        let lex = Lexicon::embedded();
        let doc = crate::model::Document {
            id: "d".into(),
            origin: "d".into(),
            dct: chrono::NaiveDate::from_ymd_opt(2024, 4, 29),
            title: String::new(),
            url: String::new(),
            text: "Tajikistan's foreign ministry on Monday summoned Russia's ambassador. \
                   Russia threatened to expel Tajik diplomats."
                .into(),
        };
        let evs = crate::events::extract(&doc, lex);
        let jsonl = to_jsonl(&evs).unwrap();
        // What the CSV contract leaves out travels in JSON: the pattern, the act threatened.
        assert!(jsonl.contains(r#""pattern":"summon_v""#), "{jsonl}");
        assert!(
            jsonl.contains(r#""threatened":"expel_diplomats""#),
            "{jsonl}"
        );
        let bad = |m: String| Error::Invalid(m);
        let back: Vec<Event> = jsonl
            .lines()
            .map(|l| {
                event_from_line(&format!("{l}\t"), &bad, lex)
                    .unwrap()
                    .unwrap()
            })
            .collect();
        assert_eq!(to_jsonl(&back).unwrap(), jsonl);
        assert!(event_from_line(r#"{"id": "a", "text": "event_id"}"#, &bad, lex).is_none());
        let wrong = jsonl
            .lines()
            .next()
            .unwrap()
            .replace("summon_ambassador", "dance");
        let e = event_from_line(&wrong, &bad, lex).unwrap().unwrap_err();
        assert!(e.to_string().contains("unknown event_type"), "{e}");
    }
}
