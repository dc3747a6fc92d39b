//! Dating: the time each event takes, from the expression governing its clause, the narrative
//! time carried from the sentence before, another event it is anchored to, or the publication
//! window; resolved once all candidate events of a document are known.

use crate::events::{clause_end, clause_start};
use crate::model::{DateBasis, Document, Event, Precision, TimeValue};
use crate::text::Token;
use crate::timex::{self, Tense, TimeRef, Timex};

/// A candidate event before document-level dating.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) event: Event,
    pub(crate) time: Option<TimeRef>,
    pub(crate) sentence: usize,
    /// Byte offset of the trigger.
    pub(crate) pos: usize,
    /// Paragraph of the sentence.
    pub(crate) paragraph: usize,
    /// Byte offset where the sentence starts.
    pub(crate) sent_start: usize,
    /// Whether the trigger is a verb in the simple past (narrative time may carry over).
    pub(crate) simple_past: bool,
}

/// An occurrence of a trigger noun or verb with the time of its sentence, for anchoring.
pub(crate) struct Anchor {
    pub(crate) words: String,
    pub(crate) event_type: String,
    pub(crate) time: TimeValue,
    pub(crate) start: usize,
}

/// The time expression governing the trigger: the nearest in its clause, else in its sentence.
pub(crate) fn attach_time(
    toks: &[Token],
    timexes: &[Timex],
    head: usize,
    doc: &Document,
    tense: Tense,
) -> Option<TimeRef> {
    if !timexes.iter().any(Timex::dates_events) {
        return None;
    }
    let head_pos = toks[head].span.start;
    let cs = toks[clause_start(toks, head)].span.start;
    let ce = toks
        .get(clause_end(toks, head))
        .map(|t| t.span.start)
        .unwrap_or(usize::MAX);
    let dist = |t: &Timex| {
        if t.span.end <= head_pos {
            head_pos - t.span.end
        } else {
            t.span.start.saturating_sub(head_pos)
        }
    };
    // A time inside the cause of the event belongs to the cause: "expelled 18 diplomats over
    // the October 2014 blast" did not happen in 2014.
    let cause = (head + 1..toks.len())
        .find(|&i| {
            matches!(
                toks[i].lower.as_str(),
                "over" | "amid" | "because" | "following" | "after" | "since"
            )
        })
        .map(|i| toks[i].span.start)
        .unwrap_or(usize::MAX);
    // "…on Sunday, two days after police stormed the embassy": inside the after-clause the
    // time is the main clause's time shifted back.
    if let Some(rel) = timexes
        .iter()
        .find(|t| t.clause_shift().is_some() && t.span.end <= head_pos)
    {
        let (n, unit) = rel.clause_shift().expect("checked");
        let main = timexes
            .iter()
            .filter(|t| t.clause_shift().is_none() && t.span.end <= rel.span.start)
            .max_by_key(|t| t.span.start);
        return Some(match main.map(|t| t.resolve(doc.dct, Tense::Past)) {
            Some(TimeRef::Value(v)) if v.is_known() => {
                timex::shift_anchor(&v, n, unit, timex::Bound::About, doc.dct, &rel.text)
                    .map(TimeRef::Value)
                    .unwrap_or(TimeRef::Value(v))
            }
            _ => TimeRef::Narrative {
                n,
                unit,
                text: rel.text.clone(),
            },
        });
    }
    let timexes: Vec<&Timex> = timexes
        .iter()
        .filter(|t| t.clause_shift().is_none() && t.dates_events())
        .collect();
    let in_clause = |t: &&&Timex| {
        t.span.start >= cs && t.span.end <= ce && (t.span.start <= cause || t.span.start >= ce)
    };
    let outside_cause = |t: &&&Timex| t.span.start <= cause;
    let best = timexes
        .iter()
        .filter(in_clause)
        .min_by_key(|t| dist(t))
        .or_else(|| timexes.iter().filter(outside_cause).min_by_key(|t| dist(t)))?;
    Some(match best.resolve(doc.dct, tense) {
        // An event's date column carries a value only at a known precision.
        TimeRef::Value(mut v) if v.precision == Precision::Unknown => {
            v.value.clear();
            TimeRef::Value(v)
        }
        // A time of day dates the event to its day ("Friday night").
        TimeRef::Value(mut v) if v.value.contains('T') => {
            v.value.truncate(v.value.find('T').expect("checked"));
            TimeRef::Value(v)
        }
        r => r,
    })
}

/// Resolve narrative and event-anchored times, and fall back to the publication window.
pub(crate) fn date_candidates(cands: &mut [Candidate], anchors: &[Anchor], doc: &Document) {
    // Known times by position: every dated trigger, then each event as it gets its date.
    let mut known: Vec<(usize, TimeValue)> =
        anchors.iter().map(|a| (a.start, a.time.clone())).collect();
    let mut carried: Vec<(usize, usize, TimeValue)> = Vec::new();
    for c in cands.iter_mut() {
        let resolved = match c.time.take() {
            Some(TimeRef::Value(v)) => Some(v),
            Some(TimeRef::Narrative { n, unit, text }) => known
                .iter()
                .filter(|(p, _)| *p < c.sent_start)
                .max_by_key(|(p, _)| *p)
                .and_then(|(_, prev)| {
                    timex::shift_anchor(prev, n, unit, timex::Bound::About, doc.dct, &text)
                }),
            Some(TimeRef::Event {
                n,
                unit,
                bound,
                noun,
                text,
            }) => anchors
                .iter()
                .filter(|a| a.words.contains(&noun) || a.event_type.contains(&noun))
                // "the attack" points back: the nearest mention before, else the nearest after.
                .min_by_key(|a| (a.start > c.pos, a.start.abs_diff(c.pos)))
                .and_then(|a| timex::shift_anchor(&a.time, n, unit, bound, doc.dct, &text)),
            // No time in the sentence: a simple past in the same paragraph continues the
            // narrative time of the sentence before ("On Friday … The ministry said …").
            None if c.simple_past => carried
                .iter()
                .rev()
                .find(|(para, sent, _)| *para == c.paragraph && *sent + 1 == c.sentence)
                .map(|(_, _, v)| {
                    let mut v = v.clone();
                    v.basis = DateBasis::Anchored;
                    v.text = String::new();
                    v
                }),
            None => None,
        };
        let from_text = resolved
            .as_ref()
            .is_some_and(|v| v.is_known() && !v.text.is_empty());
        if from_text {
            carried.push((c.paragraph, c.sentence, resolved.clone().expect("checked")));
        }
        c.event.time = match resolved {
            Some(v) if v.is_known() => {
                known.push((c.pos, v.clone()));
                v
            }
            Some(v) if doc.dct.is_none() => v,
            _ => fallback(doc),
        };
    }
}

/// Whether the verb at `head` is a simple past ("summoned"), not a perfect, passive or future.
pub(crate) fn is_simple_past(toks: &[Token], head: usize) -> bool {
    let w = toks[head].lower.as_str();
    let past = w.ends_with("ed")
        || matches!(
            w,
            "met"
                | "spoke"
                | "struck"
                | "shot"
                | "held"
                | "took"
                | "gave"
                | "sent"
                | "told"
                | "broke"
                | "cut"
                | "hit"
                | "fought"
                | "sought"
                | "left"
                | "began"
                | "withdrew"
                | "froze"
                | "flew"
                | "put"
                | "set"
        );
    let aux = (head.saturating_sub(3)..head).any(|i| {
        matches!(
            toks[i].lower.as_str(),
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
        )
    });
    past && !aux
}

/// No time expression: the week before publication, marked as such.
fn fallback(doc: &Document) -> TimeValue {
    match doc.dct {
        Some(d) => TimeValue {
            value: String::new(),
            start: Some(d - chrono::Duration::days(7)),
            end: Some(d),
            precision: Precision::Unknown,
            basis: DateBasis::Publication,
            text: String::new(),
        },
        None => TimeValue::unknown(),
    }
}
