//! Tagging a whole document: every time expression with its TIMEX3 type and value, resolved
//! against the publication date, the tense of its clause and the narrative time before it.
//! Event-anchored expressions ("a week after the attack") need the events, so they are listed
//! with basis `anchored` and no value here; extraction resolves them.

use super::{Bound, Tense, TimeRef, TimexType, find, shift_anchor};
use crate::model::{DateBasis, Document, Precision, Span, TimeValue};
use chrono::NaiveDate;
use serde::Serialize;

/// One time expression of a document, normalized.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tagged {
    /// Byte span in the document's text.
    pub span: Span,
    /// As written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub ty: TimexType,
    /// TIMEX3 value (`2024-04-26`, `2024-W17`, `P1M`, `XXXX-03`), or empty.
    pub value: String,
    /// Earliest day meant, when known.
    pub date_start: Option<NaiveDate>,
    /// Latest day meant, when known.
    pub date_end: Option<NaiveDate>,
    /// Precision of the value.
    pub precision: Precision,
    /// How the value was obtained.
    pub basis: DateBasis,
}

/// Words that put a clause in the future.
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "scheduled",
    "upcoming",
    "due",
    "expected",
    "plans",
    "planned",
    "intends",
    "tomorrow",
];

/// The tense of the clause around `at` in `sentence` (a byte offset into it): future when a
/// future marker stands in the clause before the expression or just after it.
pub fn clause_tense(sentence: &str, at: usize) -> Tense {
    let start = sentence[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let end = sentence[at..]
        .find([',', ';', ':'])
        .map_or(sentence.len(), |i| at + i);
    // The expression starts at a word boundary, so the clause's words are those before it
    // and those from it on.
    let before = lower_words(&sentence[start..at]);
    let n_before = before.len();
    let words = [before, lower_words(&sentence[at..end])].concat();
    // "the truce is to take effect on Sunday": be + to is a plan.
    let be_to = words.windows(3).any(|w| {
        matches!(w[0].as_str(), "is" | "are") && w[1] == "to" && !matches!(w[2].as_str(), "be")
    });
    // "the ultimatum runs out on Aug. 6", "the law takes effect on Monday": a present of
    // expiry or entry into force looks ahead.
    let expiry = words
        .iter()
        .any(|w| matches!(w.as_str(), "expires" | "expire"))
        || words.windows(2).any(|w| {
            matches!(
                (w[0].as_str(), w[1].as_str()),
                ("runs" | "run", "out")
                    | ("takes" | "take", "effect")
                    | ("comes" | "enters", "into")
            )
        });
    // "said they would halt flights from Tuesday": a future reported in the past, when the
    // time stands in the reported clause ("told reporters on Thursday that it would…" dates
    // the telling).
    let before = &words[..n_before];
    let reported_would = before.iter().position(|w| w == "would").is_some_and(|i| {
        before[..i]
            .iter()
            .any(|w| matches!(w.as_str(), "said" | "announced" | "told" | "added"))
    });
    let future =
        be_to || expiry || reported_would || words.iter().any(|w| FUTURE.contains(&w.as_str()));
    if future { Tense::Future } else { Tense::Past }
}

/// The words of `s` (letters, digits, apostrophes), lower-cased.
fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Every time expression in `doc` outside `skip` (boilerplate, the dateline), in text order.
pub fn tag(doc: &Document, skip: &[Span]) -> Vec<Tagged> {
    let text = &doc.text;
    let mut out = Vec::new();
    // The last date the text gave: what "two days later" counts from.
    let mut narrative: Option<TimeValue> = None;
    for sent in crate::text::sentences(text, skip) {
        let s = &text[sent.span.start..sent.span.end];
        for t in find(text, sent.span) {
            if skip.iter().any(|k| k.overlaps(t.span)) {
                continue;
            }
            // A deadline lies ahead of whoever set it: "told them to leave by Monday".
            let at = t.span.start - sent.span.start;
            let tense = if super::is_deadline(&s[..at]) {
                Tense::Future
            } else {
                clause_tense(s, at)
            };
            let v = match t.resolve(doc.dct, tense) {
                TimeRef::Value(v) => {
                    if v.is_known() && t.dates_events() && v.precision != Precision::Unknown {
                        narrative = Some(v.clone());
                    }
                    v
                }
                TimeRef::Narrative { n, unit, text } => narrative
                    .as_ref()
                    .and_then(|prev| shift_anchor(prev, n, unit, Bound::About, doc.dct, &text))
                    .unwrap_or_else(|| anchored(&text)),
                TimeRef::Event { text, .. } => anchored(&text),
            };
            out.push(Tagged {
                span: t.span,
                text: t.text.clone(),
                ty: t.ty,
                value: v.value,
                date_start: v.start,
                date_end: v.end,
                precision: v.precision,
                basis: if v.start.is_none() && v.basis != DateBasis::Anchored {
                    DateBasis::None
                } else {
                    v.basis
                },
            });
        }
    }
    out
}

fn anchored(text: &str) -> TimeValue {
    TimeValue {
        text: text.to_string(),
        basis: DateBasis::Anchored,
        ..TimeValue::unknown()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, dct: &str) -> Document {
        Document {
            id: "t".into(),
            origin: "t".into(),
            dct: NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok(),
            title: String::new(),
            url: String::new(),
            text: text.into(),
        }
    }

    #[test]
    fn clause_tense_table() {
        let cases = [
            (
                "The ministry summoned him on Friday.",
                "Friday",
                Tense::Past,
            ),
            (
                "The ministers will meet on Friday.",
                "Friday",
                Tense::Future,
            ),
            ("Talks are scheduled for Friday.", "Friday", Tense::Future),
            (
                "The truce is to take effect on Sunday.",
                "Sunday",
                Tense::Future,
            ),
            (
                "The reason is to be found in what he said on Sunday.",
                "Sunday",
                Tense::Past,
            ),
            ("The ultimatum runs out on Aug. 6.", "Aug. 6", Tense::Future),
            (
                "The sanctions take effect on Monday.",
                "Monday",
                Tense::Future,
            ),
            (
                "Airlines said they would halt flights from Tuesday morning.",
                "Tuesday",
                Tense::Future,
            ),
            (
                "She told reporters on Thursday that the freeze would cover arms.",
                "Thursday",
                Tense::Past,
            ),
            (
                "He said on Monday that talks will resume.",
                "Monday",
                Tense::Future,
            ),
            (
                "He said on Monday, before talks will resume.",
                "Monday",
                Tense::Past,
            ),
        ];
        for (s, w, want) in cases {
            assert_eq!(clause_tense(s, s.find(w).unwrap()), want, "{s}");
        }
    }

    #[test]
    fn narrative_times_count_from_the_last_date_and_anchored_ones_wait() {
        let d = doc(
            "Kim arrived on Sunday. Talks began two days later. It came a week after the attack.",
            "2018-06-12",
        );
        let got: Vec<(String, String, &str)> = tag(&d, &[])
            .into_iter()
            .map(|t| (t.text, t.value, t.basis.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("on Sunday".into(), "2018-06-10".into(), "relative"),
                ("two days later".into(), "2018-06-12".into(), "anchored"),
                ("a week after the attack".into(), String::new(), "anchored"),
            ]
        );
    }

    #[test]
    fn a_month_counted_in_months_stays_a_month() {
        let d = doc(
            "Envoys were withdrawn in March 2014 and sent back eight months later. \
             Talks resumed in 2019 and collapsed two years later. The treaty was signed on \
             May 4, 2018 and ratified two months later.",
            "2024-04-29",
        );
        let got: Vec<String> = tag(&d, &[]).into_iter().map(|t| t.value).collect();
        assert_eq!(
            got,
            ["2014-03", "2014-11", "2019", "2021", "2018-05-04", ""],
            "a day counted in months keeps an honest window, not a month"
        );
    }

    #[test]
    fn a_deadline_lies_ahead_of_whoever_set_it() {
        let d = doc(
            "On Sunday it told 20 diplomats to leave by the end of Monday. Talks ended on Monday.",
            "2021-04-18",
        );
        let got: Vec<(String, String)> = tag(&d, &[])
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        assert_eq!(
            got,
            vec![
                ("On Sunday".into(), "2021-04-18".into()),
                ("Monday".into(), "2021-04-19".into()),
                ("on Monday".into(), "2021-04-12".into()),
            ]
        );
    }

    proptest::proptest! {
        /// Any text, and text made of time words, numbers and dashes: no panic, and every span
        /// is the expression's text.
        #[test]
        fn tagging_never_panics(words in proptest::collection::vec(proptest::sample::select(vec![
            "on", "Friday", "between", "and", "from", "to", "–", "—", "-", "2014", "March", "14",
            "the", "14th", "of", "last", "year", "a", "week", "after", "attack", "by", "1.5",
            "Q3", "fiscal", "summer", "since", "now", "every", "at", "3", "p.m.", ",", ".", "\n\n",
            "é", "days", "ago", "later", "mid-2023", "03/04/2018", "quarter", "200",
        ]), 0..40), any in "\\PC{0,120}") {
            for text in [words.join(" "), words.concat(), any] {
                let d = doc(&text, "2024-04-29");
                for t in tag(&d, &[]) {
                    proptest::prop_assert_eq!(&text[t.span.start..t.span.end], t.text.as_str());
                }
            }
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let d = doc(
            "Intro.\n\nTalks were held in March 2014 in Geneva.",
            "2024-04-29",
        );
        for t in tag(&d, &[]) {
            assert_eq!(&d.text[t.span.start..t.span.end], t.text);
        }
    }
}
