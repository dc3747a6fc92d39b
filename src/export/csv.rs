//! The events CSV contract of DESIGN.md: one row per event, the header exactly as listed,
//! RFC 4180 quoting, text cells guarded against spreadsheet formula injection. Reading it back
//! lets an analyst edit rows by hand and re-render without re-extracting.

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::{Actor, ActorKind, DateBasis, Event, Modality, Precision, Span, TimeValue};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The header line, in contract order.
pub const HEADER: &[&str] = &[
    "event_id",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "date_text",
    "source",
    "source_code",
    "source_country",
    "target",
    "target_code",
    "target_country",
    "event_type",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "modality",
    "doc_id",
    "doc_date",
    "trigger",
    "evidence",
    "span_start",
    "span_end",
    "confidence",
    "mentions",
];

/// One row of the events CSV (also the flat JSON form of an event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Stable id.
    pub event_id: String,
    /// ISO 8601 at its precision.
    pub date: String,
    /// Earliest day.
    pub date_start: String,
    /// Latest day.
    pub date_end: String,
    /// day, week, month, quarter, year, unknown.
    pub date_precision: String,
    /// explicit, relative, anchored, publication, none.
    pub date_basis: String,
    /// As written.
    pub date_text: String,
    /// Source actor name.
    pub source: String,
    /// Source CAMEO code.
    pub source_code: String,
    /// Source ISO3.
    pub source_country: String,
    /// Target actor name.
    pub target: String,
    /// Target CAMEO code.
    pub target_code: String,
    /// Target ISO3.
    pub target_country: String,
    /// Taxonomy name.
    pub event_type: String,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER category.
    pub plover: String,
    /// Quad class.
    pub quad_class: u8,
    /// Goldstein score.
    pub goldstein: f64,
    /// Modality.
    pub modality: String,
    /// Article id.
    pub doc_id: String,
    /// Publication date.
    pub doc_date: String,
    /// Trigger words.
    pub trigger: String,
    /// Evidence sentence.
    pub evidence: String,
    /// Evidence start byte.
    pub span_start: usize,
    /// Evidence end byte.
    pub span_end: usize,
    /// 0–1.
    pub confidence: f64,
    /// Reports merged.
    pub mentions: u32,
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl EventRow {
    /// The row for an event.
    pub fn from_event(e: &Event) -> Self {
        let t = e.target.as_ref();
        EventRow {
            event_id: e.id.clone(),
            date: e.time.value.clone(),
            date_start: day(e.time.start),
            date_end: day(e.time.end),
            date_precision: e.time.precision.as_str().into(),
            date_basis: e.time.basis.as_str().into(),
            date_text: e.time.text.clone(),
            source: e.source.name.clone(),
            source_code: e.source.code.clone(),
            source_country: e.source.country.clone(),
            target: t.map(|a| a.name.clone()).unwrap_or_default(),
            target_code: t.map(|a| a.code.clone()).unwrap_or_default(),
            target_country: t.map(|a| a.country.clone()).unwrap_or_default(),
            event_type: e.event_type.clone(),
            cameo: e.cameo.clone(),
            plover: e.plover.clone(),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            modality: e.modality.as_str().into(),
            doc_id: e.doc_id.clone(),
            doc_date: day(e.doc_date),
            trigger: e.trigger.clone(),
            evidence: e.evidence.clone(),
            span_start: e.span.start,
            span_end: e.span.end,
            confidence: (e.confidence * 100.0).round() / 100.0,
            mentions: e.mentions,
        }
    }

    /// Guard every text cell that came from an article against formula injection.
    fn guarded(mut self) -> Self {
        for cell in [
            &mut self.event_id,
            &mut self.date_text,
            &mut self.source,
            &mut self.source_code,
            &mut self.target,
            &mut self.target_code,
            &mut self.doc_id,
            &mut self.trigger,
            &mut self.evidence,
        ] {
            *cell = guard(cell);
        }
        self
    }
}

/// Prefix a cell that a spreadsheet would run as a formula with an apostrophe.
pub fn guard(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r', '|', '%']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undo [`guard`] when reading a CSV back.
pub fn unguard(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '|', '%']) => {
            rest.to_string()
        }
        _ => s.to_string(),
    }
}

/// Writes the events CSV batch by batch: the header once, then rows as they come.
pub struct EventsWriter<W: std::io::Write> {
    wr: ::csv::Writer<W>,
    header_written: bool,
}

impl<W: std::io::Write> EventsWriter<W> {
    /// A writer over `w`; nothing is written until the first [`EventsWriter::write`].
    pub fn new(w: W) -> Self {
        EventsWriter {
            wr: ::csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(w),
            header_written: false,
        }
    }

    /// Write the header if not yet written, then one row per event.
    pub fn write(&mut self, events: &[Event]) -> std::io::Result<()> {
        if !self.header_written {
            self.wr.write_record(HEADER)?;
            self.header_written = true;
        }
        for e in events {
            self.wr.serialize(EventRow::from_event(e).guarded())?;
        }
        Ok(())
    }

    /// Flush and give back the underlying writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.wr.into_inner().map_err(|e| e.into_error())
    }
}

/// Write events as the contract's CSV.
pub fn write_events<W: std::io::Write>(w: W, events: &[Event]) -> Result<()> {
    let err = |e: std::io::Error| Error::Invalid(format!("writing CSV: {e}"));
    let mut wr = EventsWriter::new(w);
    wr.write(events).map_err(err)?;
    wr.finish().map_err(err)?;
    Ok(())
}

/// The events CSV as a string.
pub fn to_string(events: &[Event]) -> Result<String> {
    let mut buf = Vec::new();
    write_events(&mut buf, events)?;
    String::from_utf8(buf).map_err(|e| Error::Invalid(e.to_string()))
}

fn infer_kind(name: &str, code: &str, country: &str, lex: &Lexicon) -> ActorKind {
    if let Some(o) = lex
        .organizations
        .iter()
        .find(|o| o.code == code || o.name == name)
    {
        return o.kind;
    }
    if code.starts_with("IGO") {
        ActorKind::Igo
    } else if lex.people.iter().any(|p| p.name == name) {
        ActorKind::Person
    } else if !country.is_empty() && code.ends_with("CVL") {
        ActorKind::Other
    } else if !country.is_empty() {
        ActorKind::State
    } else {
        ActorKind::Other
    }
}

/// Read an events CSV written by `extract` (possibly edited): the header must hold at least
/// the contract's columns; the taxonomy fills cameo/plover/quad/Goldstein when a type changed.
pub fn read_events(path: &Path, lex: &Lexicon) -> Result<Vec<Event>> {
    let text = crate::ingest::read_text(path)?;
    let p = path.display().to_string();
    let bad = |line: usize, message: String| Error::BadLine {
        path: p.clone(),
        line,
        message,
    };
    let mut rd = ::csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = rd
        .headers()
        .map_err(|e| bad(1, format!("unreadable header: {e}")))?
        .clone();
    let missing: Vec<&str> = HEADER
        .iter()
        .copied()
        .filter(|h| !headers.iter().any(|x| x == *h))
        .collect();
    if !missing.is_empty() {
        return Err(bad(
            1,
            format!(
                "not an events CSV: missing column(s) {}",
                missing.join(", ")
            ),
        ));
    }
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .expect("checked above")
    };
    let idx: Vec<usize> = HEADER.iter().map(|h| col(h)).collect();
    let mut out = Vec::new();
    for (n, rec) in rd.records().enumerate() {
        let line = n + 2;
        let rec = rec.map_err(|e| bad(line, e.to_string()))?;
        let get = |name: &str| -> String {
            let i = idx[HEADER
                .iter()
                .position(|h| *h == name)
                .expect("known column")];
            unguard(rec.get(i).unwrap_or("").trim())
        };
        out.push(row_to_event(&get, &|m| bad(line, m), lex)?);
    }
    Ok(out)
}

/// One event from the cells of a row of the contract (`get` gives a column's text), checked
/// against the taxonomy; `bad` turns a message into the error naming the file and line.
pub fn row_to_event(
    get: &dyn Fn(&str) -> String,
    bad: &dyn Fn(String) -> Error,
    lex: &Lexicon,
) -> Result<Event> {
    let date = |name: &str| -> Result<Option<NaiveDate>> {
        let v = get(name);
        if v.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| bad(format!("{name} {v:?} is not a YYYY-MM-DD date")))
    };
    let event_type = get("event_type");
    let info = lex
        .event_type(&event_type)
        .ok_or_else(|| bad(format!("unknown event_type {event_type:?}")))?;
    let source_name = get("source");
    if source_name.is_empty() {
        return Err(bad("empty source".into()));
    }
    let precision = Precision::parse(&get("date_precision"))
        .ok_or_else(|| bad(format!("bad date_precision {:?}", get("date_precision"))))?;
    let basis = DateBasis::parse(&get("date_basis"))
        .ok_or_else(|| bad(format!("bad date_basis {:?}", get("date_basis"))))?;
    let modality = Modality::parse(&get("modality"))
        .ok_or_else(|| bad(format!("bad modality {:?}", get("modality"))))?;
    let num = |name: &str| -> Result<f64> {
        let v = get(name);
        if v.is_empty() {
            return Ok(0.0);
        }
        v.parse()
            .map_err(|_| bad(format!("{name} {v:?} is not a number")))
    };
    let (start, end) = (date("date_start")?, date("date_end")?);
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            return Err(bad(format!("date_start {s} is after date_end {e}")));
        }
    }
    let source = Actor {
        kind: infer_kind(
            &source_name,
            &get("source_code"),
            &get("source_country"),
            lex,
        ),
        name: source_name,
        code: get("source_code"),
        country: get("source_country"),
    };
    let target_name = get("target");
    let target = (!target_name.is_empty()).then(|| Actor {
        kind: infer_kind(
            &target_name,
            &get("target_code"),
            &get("target_country"),
            lex,
        ),
        name: target_name,
        code: get("target_code"),
        country: get("target_country"),
    });
    let mentions = num("mentions")?.max(1.0) as u32;
    Ok(Event {
        id: get("event_id"),
        time: TimeValue {
            value: get("date"),
            start,
            end,
            precision,
            basis,
            text: get("date_text"),
        },
        source,
        target,
        event_type: info.name.clone(),
        cameo: info.cameo.clone(),
        plover: info.plover.clone(),
        quad_class: info.quad_class,
        goldstein: info.goldstein,
        modality,
        doc_id: get("doc_id"),
        doc_date: date("doc_date")?,
        trigger: get("trigger"),
        pattern: String::new(),
        threatened: String::new(),
        evidence: get("evidence"),
        span: Span::new(num("span_start")? as usize, num("span_end")? as usize),
        confidence: num("confidence")?.clamp(0.0, 1.0),
        mentions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard_table() {
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Russia", "Russia"),
            ("'quoted", "'quoted"),
        ];
        for (raw, want) in cases {
            assert_eq!(guard(raw), want);
            assert_eq!(unguard(&guard(raw)), raw);
        }
    }

    #[test]
    fn header_is_the_contract() {
        let s = to_string(&[]).unwrap();
        assert_eq!(
            s.trim_end(),
            "event_id,date,date_start,date_end,date_precision,date_basis,date_text,source,source_code,source_country,target,target_code,target_country,event_type,cameo,plover,quad_class,goldstein,modality,doc_id,doc_date,trigger,evidence,span_start,span_end,confidence,mentions"
        );
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let lex = Lexicon::embedded();
        let doc = crate::model::Document {
            id: "d".into(),
            origin: "d".into(),
            dct: NaiveDate::from_ymd_opt(2024, 4, 29),
            title: String::new(),
            url: String::new(),
            text: "=cmd Tajikistan's foreign ministry on Friday summoned Russia's ambassador, \"he said\".".into(),
        };
        let evs = crate::events::extract(&doc, lex);
        assert!(!evs.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("e.csv");
        std::fs::write(&p, to_string(&evs).unwrap()).unwrap();
        let back = read_events(&p, lex).unwrap();
        let rows = |v: &[Event]| v.iter().map(EventRow::from_event).collect::<Vec<_>>();
        assert_eq!(rows(&back), rows(&evs));
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let lex = Lexicon::embedded();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("e.csv");
        let good = to_string(&[]).unwrap();
        std::fs::write(&p, format!("{good}x,2024,2024-01-01,2024-01-01,year,explicit,,A,,,,,,no_such_type,,,1,0,asserted,d,,,,0,0,1,1\n")).unwrap();
        let e = read_events(&p, lex).unwrap_err().to_string();
        assert!(e.contains("e.csv:2:") && e.contains("no_such_type"), "{e}");
        std::fs::write(&p, "a,b\n1,2\n").unwrap();
        let e = read_events(&p, lex).unwrap_err().to_string();
        assert!(e.contains(":1:") && e.contains("missing column"), "{e}");
    }
}
