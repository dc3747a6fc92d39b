//! The data types every pipeline stage shares: documents, spans, actors, dates and events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `[start, end)` into a document's plain text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One article, as read from disk: its id, publication date (DCT), title and plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id (the file stem, or `stdin`).
    pub id: String,
    /// Where it came from (a path, or `-`).
    pub origin: String,
    /// Document creation time: the publication date, when known.
    pub dct: Option<NaiveDate>,
    /// Headline, when known.
    pub title: String,
    /// The article's address (an HTML page's `og:url` or canonical link, a feed's `url`), or empty.
    pub url: String,
    /// The article body; every span in the pipeline points into this string.
    pub text: String,
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A state, its government or one of its institutions.
    State,
    /// An intergovernmental organization.
    Igo,
    /// A non-governmental organization.
    Ngo,
    /// An armed or political group outside government.
    NonState,
    /// A named individual.
    Person,
    /// A news outlet or agency: a reporter, never an actor of an event.
    Media,
    /// Anything else (crowds, citizens, unnamed groups).
    Other,
}

impl ActorKind {
    /// Parse the `kind` column of the lexicon.
    pub fn from_lexicon(s: &str) -> Option<Self> {
        Some(match s {
            "state" | "state_body" => ActorKind::State,
            "igo" => ActorKind::Igo,
            "ngo" => ActorKind::Ngo,
            "nonstate" => ActorKind::NonState,
            "person" => ActorKind::Person,
            "media" => ActorKind::Media,
            "other" => ActorKind::Other,
            _ => return None,
        })
    }
    /// The lexicon / JSON spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Igo => "igo",
            ActorKind::Ngo => "ngo",
            ActorKind::NonState => "nonstate",
            ActorKind::Person => "person",
            ActorKind::Media => "media",
            ActorKind::Other => "other",
        }
    }
}

/// A normalized actor: the node of the event graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name ("Tajikistan", "Russian police", "Maria Zakharova").
    pub name: String,
    /// CAMEO-style code (`TJKGOV`, `RUSCOP`, `IGOUNO`).
    pub code: String,
    /// ISO 3166-1 alpha-3 of the actor's country, or empty.
    pub country: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
}

impl Actor {
    /// The key that identifies one node: the canonical name plus code.
    pub fn key(&self) -> String {
        format!("{}|{}", self.name, self.code)
    }
}

/// How precisely an event's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single day.
    Day,
    /// A week.
    Week,
    /// A calendar month.
    Month,
    /// A quarter or season.
    Quarter,
    /// A year.
    Year,
    /// Only a window is known.
    Unknown,
}

impl Precision {
    /// The CSV spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
    /// Parse the CSV spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "day" => Precision::Day,
            "week" => Precision::Week,
            "month" => Precision::Month,
            "quarter" => Precision::Quarter,
            "year" => Precision::Year,
            "unknown" | "" => Precision::Unknown,
            _ => return None,
        })
    }
}

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// An absolute date written in the text.
    Explicit,
    /// Resolved against the publication date.
    Relative,
    /// Resolved against another event's date.
    Anchored,
    /// No time expression: a window before the publication date.
    Publication,
    /// Nothing to go on.
    None,
}

impl DateBasis {
    /// The CSV spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateBasis::Explicit => "explicit",
            DateBasis::Relative => "relative",
            DateBasis::Anchored => "anchored",
            DateBasis::Publication => "publication",
            DateBasis::None => "none",
        }
    }
    /// Parse the CSV spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "explicit" => DateBasis::Explicit,
            "relative" => DateBasis::Relative,
            "anchored" => DateBasis::Anchored,
            "publication" => DateBasis::Publication,
            "none" | "" => DateBasis::None,
            _ => return None,
        })
    }
}

/// A resolved date: an inclusive day interval with a precision and its origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue {
    /// ISO 8601 at its precision (`2024-04-26`, `2024-04`, `2024`), or empty.
    pub value: String,
    /// Earliest day the event can fall on.
    pub start: Option<NaiveDate>,
    /// Latest day the event can fall on.
    pub end: Option<NaiveDate>,
    /// How precise the value is.
    pub precision: Precision,
    /// How it was obtained.
    pub basis: DateBasis,
    /// The expression as written.
    pub text: String,
}

impl TimeValue {
    /// An unknown date.
    pub fn unknown() -> Self {
        TimeValue {
            value: String::new(),
            start: None,
            end: None,
            precision: Precision::Unknown,
            basis: DateBasis::None,
            text: String::new(),
        }
    }
    /// Whether the interval is known.
    pub fn is_known(&self) -> bool {
        self.start.is_some() && self.end.is_some()
    }
}

/// Whether an event is reported as fact, claim, denial, plan or possibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened.
    Asserted,
    /// Claimed by someone, not established.
    Alleged,
    /// Said not to have happened.
    Negated,
    /// Planned, announced or expected.
    Future,
    /// Conditional or possible.
    Hypothetical,
}

impl Modality {
    /// The CSV spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Alleged => "alleged",
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
        }
    }
    /// Parse the CSV spelling.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "asserted" => Modality::Asserted,
            "alleged" => Modality::Alleged,
            "negated" => Modality::Negated,
            "future" => Modality::Future,
            "hypothetical" => Modality::Hypothetical,
            _ => return None,
        })
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One coded event: who did what to whom, when, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id, `DOCID-N`.
    pub id: String,
    /// When it happened.
    pub time: TimeValue,
    /// Who did it.
    pub source: Actor,
    /// To whom, if anyone.
    pub target: Option<Actor>,
    /// A name from the taxonomy.
    pub event_type: String,
    /// CAMEO code of the type.
    pub cameo: String,
    /// PLOVER category, or `-`.
    pub plover: String,
    /// 1 verbal cooperation … 4 material conflict.
    pub quad_class: u8,
    /// Goldstein score, −10 … +10.
    pub goldstein: f64,
    /// Asserted, alleged, negated, future or hypothetical.
    pub modality: Modality,
    /// The article's id.
    pub doc_id: String,
    /// The article's publication date.
    pub doc_date: Option<NaiveDate>,
    /// The words that carry the event.
    pub trigger: String,
    /// Id of the lexicon pattern that fired (empty for imported rows).
    pub pattern: String,
    /// For a threat, the type of the act threatened ("expel_diplomats"); else empty. Not a
    /// column of the events CSV contract; carried in JSON.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub threatened: String,
    /// The sentence.
    pub evidence: String,
    /// Byte span of the evidence in the document text.
    pub span: Span,
    /// 0–1.
    pub confidence: f64,
    /// How many reports were merged into this event.
    pub mentions: u32,
}
