//! Dating: the time each event takes, from the expression governing its clause, the narrative
//! time carried from the sentence before, another event it is anchored to, or the publication
//! window; resolved once all candidate events of a document are known.

use crate::events::{REPORTING, clause_end, clause_start};
use crate::model::{DateBasis, Document, Event, Precision, TimeValue};
use crate::text::{Sentence, Token};
use crate::timex::{self, Tense, TimeRef, Timex, is_deadline};
use chrono::Datelike;

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

/// The times a sentence gives for the narrative: what a later sentence without a time of its
/// own may continue from.
#[derive(Debug, Clone)]
pub(crate) struct SentenceTimes {
    paragraph: usize,
    /// Whether the sentence has a time expression of its own (a date, a duration, a set…),
    /// not only references to other events.
    timed: bool,
    /// Whether the sentence has any expression that dates events.
    dated: bool,
    /// Its days in the publication week, in text order, outside flashbacks ("had told") and
    /// deadlines ("by Oct. 9").
    days: Vec<TimeValue>,
    /// Events it names as anchors, with the offset from them ("more than a month after the
    /// attack"): what dates the attack itself.
    named: Vec<Named>,
}

/// An event named by a noun, at an offset before the time of the sentence naming it.
#[derive(Debug, Clone)]
struct Named {
    noun: String,
    n: i64,
    unit: timex::Unit,
    bound: timex::Bound,
    text: String,
}

/// How many days before publication the narrative of the news lies.
const NEWS_WINDOW: i64 = 7;

/// The narrative times of one sentence.
pub(crate) fn sentence_times(
    text: &str,
    sent: &Sentence,
    timexes: &[Timex],
    doc: &Document,
) -> SentenceTimes {
    let s = &text[sent.span.start..sent.span.end];
    let mut out = SentenceTimes {
        paragraph: sent.paragraph,
        timed: false,
        dated: false,
        days: Vec::new(),
        named: Vec::new(),
    };
    // A past perfect in the main clause makes the sentence's times a flashback ("On
    // Wednesday, Trump had told Russia…"), not the time the story goes on from; one in reported
    // speech does not ("Miller said on Wednesday that the United States had played no part").
    let flashback = sent
        .tokens
        .iter()
        .take_while(|t| !matches!(t.lower.as_str(), "said" | "says" | "that" | "saying"))
        .any(|t| t.lower == "had");
    for t in timexes {
        if !t.dates_events() {
            out.timed = true;
            continue;
        }
        if let TimeRef::Event {
            n,
            unit,
            bound,
            noun,
            text,
        } = t.resolve(doc.dct, Tense::Past)
        {
            // "…the first since the 1959 revolution": a reference to another event, not a
            // time of this sentence's own.
            out.named.push(Named {
                noun,
                n,
                unit,
                bound,
                text,
            });
            continue;
        }
        let at = t.span.start - sent.span.start;
        // A dateline the cleaner did not see (after a headline): "PRAGUE, April 18 — …" is
        // the filing date, no time of the story.
        let dateline = at < 60
            && s[..at].trim_end().ends_with(',')
            && s[t.span.end - sent.span.start..]
                .trim_start()
                .starts_with(['—', '–', '-']);
        if dateline {
            continue;
        }
        out.dated = true;
        out.timed = true;
        if is_deadline(&s[..at]) || flashback {
            continue;
        }
        let tense = timex::clause_tense(s, at);
        let (Some(dct), TimeRef::Value(v)) = (doc.dct, t.resolve(doc.dct, tense)) else {
            continue;
        };
        let recent = v
            .start
            .is_some_and(|d| d <= dct && (dct - d).num_days() <= NEWS_WINDOW && v.start == v.end);
        if recent {
            out.days.push(v);
        }
    }
    out
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
            .filter(|t| !is_deadline(&doc.text[toks[0].span.start..t.span.start]))
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
        // "were back on American soil by Friday after Russia freed them": a deadline bounds
        // the act, it does not date it.
        .filter(|t| !is_deadline(&doc.text[toks[0].span.start..t.span.start]))
        .collect();
    let in_clause = |t: &&&Timex| {
        t.span.start >= cs && t.span.end <= ce && (t.span.start <= cause || t.span.start >= ce)
    };
    let outside_cause = |t: &&&Timex| t.span.start <= cause;
    // "Trump said on Friday that he had given Iran 60 days … two months earlier": a time in
    // the reporting clause dates the saying; one of the reported clause's own dates its act.
    let report = (1..head).rev().find(|&i| {
        toks[i].lower == "that"
            && toks[i.saturating_sub(4)..i]
                .iter()
                .any(|t| REPORTING.contains(&t.lower.as_str()))
    });
    let behind_report = |t: &&&Timex| report.is_some_and(|r| t.span.end <= toks[r].span.start);
    // "…to lift the boycott they imposed earlier this month": a pronoun and a past verb
    // between the trigger and the time start a clause of their own, which the time belongs to.
    let own_clause = |t: &&&Timex| {
        t.span.start > head_pos
            && toks.windows(2).any(|w| {
                w[0].span.start > head_pos
                    && w[1].span.end <= t.span.start
                    && matches!(w[0].lower.as_str(), "they" | "it" | "he" | "she" | "we")
                    && (w[1].lower.ends_with("ed")
                        || crate::inflect::is_irregular_past(&w[1].lower))
            })
    };
    // "whose emir has been mediating": an ongoing act takes no day from another clause.
    let ongoing = head >= 2
        && toks[head].lower.ends_with("ing")
        && toks[head - 1].lower == "been"
        && matches!(toks[head - 2].lower.as_str(), "has" | "have");
    // "…said officers were involved in the October 2014 blast": a time that opens a noun
    // phrase after the trigger dates that noun, not the act — unless the act happened during
    // it ("taken captive during their Oct. 7 assault").
    let premodifies = |t: &&&Timex| {
        t.span.start > head_pos
            && toks
                .iter()
                .position(|k| k.span.start == t.span.start)
                .is_some_and(|i| {
                    let before = i.checked_sub(1).map(|j| toks[j].lower.as_str());
                    let during = i
                        .checked_sub(2)
                        .is_some_and(|j| matches!(toks[j].lower.as_str(), "during" | "amid"));
                    let after = toks.iter().find(|k| k.span.start >= t.span.end);
                    !during
                        && matches!(
                            before,
                            Some("the" | "a" | "an" | "its" | "their" | "his" | "her")
                        )
                        && after.is_some_and(|k| {
                            k.kind == crate::text::TokenKind::Word
                                && !crate::events::STOP_PREPS.contains(&k.lower.as_str())
                                && !matches!(k.lower.as_str(), "and" | "or" | "that" | "when")
                        })
                })
    };
    let best = timexes
        .iter()
        .filter(in_clause)
        .filter(|t| !own_clause(t))
        .filter(|t| !premodifies(t))
        .min_by_key(|t| (behind_report(t), dist(t)))
        .or_else(|| {
            timexes
                .iter()
                .filter(outside_cause)
                .filter(|t| !own_clause(t))
                .filter(|t| !premodifies(t))
                .filter(|_| !ongoing)
                .min_by_key(|t| (behind_report(t), dist(t)))
        })?;
    // "China protested on Sunday after a U.S. jet shot down a balloon": an act told in an
    // "after" clause that follows the main clause's day came before it, within days.
    let after = (0..head)
        .rev()
        .take_while(|&i| !matches!(toks[i].lower.as_str(), ";" | ":" | "(" | ")"))
        .find(|&i| toks[i].lower == "after")
        .filter(|&a| {
            best.span.end <= toks[a].span.start
                && head - a <= 6
                // "hours after", "shortly after": the same day.
                && !(a > 0
                    && matches!(
                        toks[a - 1].lower.as_str(),
                        "hours" | "minutes" | "moments" | "shortly" | "soon" | "just" | "immediately"
                    ))
                // A clause with its own past verb, not "after weeks of talks".
                && !toks[a..head].iter().any(|t| t.lower == "of")
                && (toks[head].lower.ends_with("ed")
                    || crate::inflect::is_irregular_past(&toks[head].lower))
        });
    if let (Some(a), TimeRef::Value(v)) = (after, best.resolve(doc.dct, tense)) {
        if v.is_known() && v.precision == Precision::Day && tense == Tense::Past {
            if let Some(w) = timex::shift_anchor(
                &v,
                -1,
                timex::Unit::Week,
                timex::Bound::Within,
                doc.dct,
                &toks[a].lower,
            ) {
                return Some(TimeRef::Value(w));
            }
        }
    }
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

/// A day the narrative gives a sentence without a time of its own: the nearest dated sentence
/// before it in its paragraph or the one before (at most three back), if its day lies in the
/// publication week.
fn narrative_day(sents: &[SentenceTimes], c: &Candidate) -> Option<TimeValue> {
    recent_day(sents, c, 3, 1)
}

/// The day of the nearest dated sentence at most `sentences` back and `paragraphs` paragraphs
/// up, if it gives one in the publication week.
fn recent_day(
    sents: &[SentenceTimes],
    c: &Candidate,
    sentences: usize,
    paragraphs: usize,
) -> Option<TimeValue> {
    (c.sentence.saturating_sub(sentences)..c.sentence)
        .rev()
        .map(|i| &sents[i])
        .take_while(|st| st.paragraph + paragraphs >= c.paragraph)
        .find(|st| st.dated)
        .and_then(|st| st.days.last().cloned())
}

/// A sentence that states an act without its day, followed in its paragraph by one that tells
/// it with its day ("Washington rejected any suggestion. Its spokesman said on Wednesday…").
fn elaboration_day(sents: &[SentenceTimes], c: &Candidate) -> Option<TimeValue> {
    let next = sents.get(c.sentence + 1)?;
    if next.paragraph != c.paragraph {
        return None;
    }
    next.days.first().cloned()
}

/// The lead of a wire story names the news without its day ("Algeria has broken off
/// relations"); the next paragraph dates it ("announced the decision on Tuesday").
fn lead_day(sents: &[SentenceTimes], c: &Candidate) -> Option<TimeValue> {
    if c.sentence != 0 {
        return None;
    }
    sents
        .iter()
        .skip(1)
        .take_while(|st| st.paragraph <= c.paragraph + 1)
        .find_map(|st| st.days.first().cloned())
}

/// The day of the story: the lead's own day, else the one its next paragraph gives. A reaction
/// told in the simple past without any time of its own ("Putin condemned the strikes") is
/// dated to it, the convention of news writing.
fn story_day(sents: &[SentenceTimes], c: &Candidate) -> Option<TimeValue> {
    let first = sents.first()?;
    let day = first.days.first().cloned().or_else(|| {
        sents
            .iter()
            .skip(1)
            .take_while(|st| st.paragraph <= first.paragraph + 1)
            .find_map(|st| st.days.first().cloned())
    })?;
    if c.sentence == 0 {
        return None;
    }
    Some(day)
}

/// The value of a window known only as an interval: the month, else the year, that holds all
/// of it ("2024-04" for 22–29 April), or nothing.
fn coarsen(v: &mut TimeValue) {
    let (Some(s), Some(e)) = (v.start, v.end) else {
        return;
    };
    if !v.value.is_empty() || s.year() != e.year() {
        return;
    }
    if s.month() == e.month() {
        v.value = s.format("%Y-%m").to_string();
        v.precision = Precision::Month;
    } else {
        v.value = s.format("%Y").to_string();
        v.precision = Precision::Year;
    }
}

/// Resolve narrative and event-anchored times, and fall back to the publication window.
pub(crate) fn date_candidates(
    cands: &mut [Candidate],
    anchors: &[Anchor],
    sents: &[SentenceTimes],
    doc: &Document,
) {
    // Known times by position: every dated trigger, then each event as it gets its date.
    let mut known: Vec<(usize, TimeValue)> =
        anchors.iter().map(|a| (a.start, a.time.clone())).collect();
    let mut carried: Vec<(usize, usize, TimeValue)> = Vec::new();
    // Each dated event's type and day, in text order, for the other half of an exchange.
    let mut typed: Vec<(String, TimeValue)> = Vec::new();
    for c in cands.iter_mut() {
        let had_time = c.time.is_some();
        let resolved = match c.time.take() {
            Some(TimeRef::Value(v)) => Some(v),
            // Counted from the last time known before the sentence; in the lead, from the
            // day the next paragraph gives ("…, a day after Prague expelled 18 diplomats").
            // "The same day", "two days later": the text says the narrative goes on, so the
            // last dated sentence counts however far back it is.
            Some(TimeRef::Narrative { n, unit, text }) => sents
                .get(c.sentence)
                .and_then(|st| st.days.first().cloned())
                .or_else(|| recent_day(sents, c, 5, 3))
                .or_else(|| {
                    known
                        .iter()
                        .filter(|(p, _)| *p < c.sent_start)
                        .max_by_key(|(p, _)| *p)
                        .map(|(_, prev)| prev.clone())
                })
                .or_else(|| lead_day(sents, c))
                .and_then(|prev| {
                    timex::shift_anchor(&prev, n, unit, timex::Bound::About, doc.dct, &text)
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
            None => None,
        };
        // No usable time in the sentence: a simple past continues the narrative time of the
        // sentences before ("On Friday … The ministry said …"); the lead takes the day its
        // next paragraph gives; else the story's day, when the verb is a simple past.
        let resolved = match resolved {
            Some(v) if v.is_known() => Some(v),
            // An anchored expression that found no anchor still says the event is not at
            // the narrative time: only the lead rule may date it.
            other if had_time => lead_day(sents, c)
                .map(|mut v| {
                    v.basis = DateBasis::Anchored;
                    v.text = String::new();
                    v
                })
                .or(other),
            other => {
                // "During the seven days of calm, 105 hostages were freed": a sentence with a
                // time of its own, even a duration, is not on the story's day.
                let timed = sents.get(c.sentence).is_some_and(|st| st.timed);
                // "In return, eight Russians were sent home": the other half of an exchange
                // happened when the first half did.
                let opening = c.event.evidence.trim_start().to_lowercase();
                let exchange = (opening.starts_with("in return")
                    || opening.starts_with("in exchange"))
                .then(|| {
                    typed
                        .iter()
                        .rev()
                        .find(|(t, _)| *t == c.event.event_type)
                        .map(|(_, v)| v.clone())
                })
                .flatten();
                let found = if exchange.is_some() && !timed {
                    exchange
                } else if c.simple_past && !timed {
                    carried
                        .iter()
                        .rev()
                        .find(|(para, sent, _)| *para == c.paragraph && *sent + 1 == c.sentence)
                        // A simple past is not carried to a day after publication ("Britain
                        // would send tanks next week. Borrell condemned the strike").
                        .filter(
                            |(_, _, v)| !matches!((v.start, doc.dct), (Some(s), Some(d)) if s > d),
                        )
                        .map(|(_, _, v)| v.clone())
                        .or_else(|| narrative_day(sents, c))
                        .or_else(|| elaboration_day(sents, c))
                        .or_else(|| lead_day(sents, c))
                        .or_else(|| story_day(sents, c))
                } else {
                    lead_day(sents, c)
                };
                found
                    .map(|mut v| {
                        v.basis = DateBasis::Anchored;
                        v.text = String::new();
                        v
                    })
                    .or(other)
            }
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
                typed.push((c.event.event_type.clone(), v.clone()));
                v
            }
            Some(v) if doc.dct.is_none() => v,
            _ => fallback(doc),
        };
        if let Some(t) = c.event.time.value.find('T') {
            c.event.time.value.truncate(t);
        }
        coarsen(&mut c.event.time);
    }
    date_named_events(cands, sents, doc);
}

/// The second pass: "the protest comes more than a month after the attack" dates the attack
/// (more than a month before the protest's day, or before publication when the sentence has
/// no day of its own), for every attack without a time expression of its own.
fn date_named_events(cands: &mut [Candidate], sents: &[SentenceTimes], doc: &Document) {
    for (si, st) in sents.iter().enumerate() {
        for named in &st.named {
            let reference = st.days.first().cloned().or_else(|| {
                doc.dct.map(|d| TimeValue {
                    value: d.to_string(),
                    start: Some(d),
                    end: Some(d),
                    precision: Precision::Day,
                    basis: DateBasis::Relative,
                    text: String::new(),
                })
            });
            let Some(reference) = reference else {
                continue;
            };
            let Some(mut v) = timex::shift_anchor(
                &reference,
                -named.n,
                named.unit,
                named.bound,
                doc.dct,
                &named.text,
            ) else {
                continue;
            };
            coarsen(&mut v);
            let names = |c: &Candidate| {
                c.sentence != si
                    && (c.event.trigger.to_lowercase().contains(&named.noun)
                        || c.event.event_type.contains(&named.noun))
            };
            // "the arrest" is the one the text dates when one is dated; and an act the text
            // tells as done is not after publication.
            let dated_one = cands
                .iter()
                .any(|c| names(c) && !c.event.time.text.is_empty());
            let after_publication = matches!((v.start, doc.dct), (Some(s), Some(d)) if s > d);
            if dated_one || after_publication {
                continue;
            }
            for c in cands
                .iter_mut()
                .filter(|c| names(c) && c.event.time.text.is_empty())
            {
                c.event.time = v.clone();
            }
        }
    }
}

/// Whether the verb at `head` is a simple past ("summoned"), not a perfect, passive or future,
/// or is reported by a speech verb in the simple past ("said it would withdraw").
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
    // "The ministry said it would withdraw its ambassador": an act reported by a speech verb
    // in the simple past is told at the speech's time.
    let reported = toks[..head].iter().enumerate().any(|(i, t)| {
        matches!(t.lower.as_str(), "said" | "announced" | "declared")
            && !toks[i.saturating_sub(2)..i]
                .iter()
                .any(|a| matches!(a.lower.as_str(), "had" | "has" | "have"))
    });
    // "Latvia responded in kind, ordering out Belarus's diplomats": a participle after a
    // comma is told in the tense of the verb it hangs on.
    let participle = w.ends_with("ing")
        && head >= 2
        && toks[head - 1].lower == ","
        && (0..head - 1)
            .rev()
            .take_while(|&k| toks[k].lower != "," && toks[k].lower != ";")
            .any(|k| !toks[k].lower.ends_with("ing") && is_simple_past(toks, k));
    (past && !aux) || reported || participle
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn doc(text: &str, dct: &str) -> Document {
        Document {
            id: "t".into(),
            origin: "t".into(),
            dct: Some(d(dct)),
            title: String::new(),
            url: String::new(),
            text: text.into(),
        }
    }

    #[test]
    fn deadline_table() {
        let cases = [
            ("Poland must cut its staff by", true),
            ("They were told to leave by the end of", true),
            ("Talks run until", true),
            ("Reply no later than", true),
            ("The envoy left on", false),
            ("By Friday, he said, it had failed, and on", false),
        ];
        for (before, want) in cases {
            assert_eq!(is_deadline(before), want, "{before}");
        }
    }

    #[test]
    fn coarsen_table() {
        let cases = [
            ("2024-04-22", "2024-04-29", "2024-04", Precision::Month),
            ("2024-03-28", "2024-04-04", "2024", Precision::Year),
            ("2023-12-28", "2024-01-04", "", Precision::Unknown),
        ];
        for (s, e, want, prec) in cases {
            let mut v = TimeValue {
                value: String::new(),
                start: Some(d(s)),
                end: Some(d(e)),
                precision: Precision::Unknown,
                basis: DateBasis::Publication,
                text: String::new(),
            };
            coarsen(&mut v);
            assert_eq!((v.value.as_str(), v.precision), (want, prec), "{s}..{e}");
        }
    }

    #[test]
    fn narrative_days_skip_flashbacks_deadlines_and_old_dates() {
        // (sentence, publication date, the days it offers later sentences)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Belarus said on Friday it was recalling its envoys.",
                "2020-10-03",
                &["2020-10-02"],
            ),
            (
                "On Wednesday, Trump had told Russia to get ready.",
                "2018-04-14",
                &[],
            ),
            (
                "Miller said on Wednesday that the United States had played no part.",
                "2024-01-04",
                &["2024-01-03"],
            ),
            (
                "Poland was told to cut its staff by Oct. 9.",
                "2020-10-03",
                &[],
            ),
            ("The deal was announced on July 1.", "2015-07-20", &[]),
            ("The envoys will return on Monday.", "2020-10-03", &[]),
            ("Talks lasted three weeks.", "2020-10-03", &[]),
            (
                "PRAGUE, April 18 — The Czech Republic on Saturday expelled 18 diplomats.",
                "2021-04-18",
                &["2021-04-17"],
            ),
        ];
        for (text, dct, want) in cases {
            let doc = doc(text, dct);
            let sent = &crate::text::sentences(text, &[])[0];
            let st = sentence_times(text, sent, &timex::find(text, sent.span), &doc);
            let got: Vec<String> = st.days.iter().map(|v| v.value.clone()).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn an_event_named_as_anchor_is_dated_by_the_offset() {
        // (text, publication date, the attack's interval)
        let cases = [
            (
                "Islamic State gunmen attacked a concert hall near Moscow, killing 145 people.\n\n\
                 Tajikistan summoned Russia's ambassador on Monday. The summons comes more than \
                 a month after the attack.",
                "2024-04-29",
                ("2023-03-30", "2024-03-29"),
            ),
            (
                "Islamic State gunmen attacked a concert hall near Moscow, killing 145 people.\n\n\
                 Tajikistan summoned Russia's ambassador on Monday, a week after the attack.",
                "2024-04-29",
                ("2024-04-20", "2024-04-24"),
            ),
        ];
        for (text, dct, (s, e)) in cases {
            let evs = crate::events::extract(&doc(text, dct), Lexicon::embedded());
            let attack = evs
                .iter()
                .find(|e| e.event_type == "attack")
                .unwrap_or_else(|| panic!("{text}: {evs:?}"));
            assert_eq!(
                (attack.time.start, attack.time.end, attack.time.basis),
                (Some(d(s)), Some(d(e)), DateBasis::Anchored),
                "{text}"
            );
        }
    }

    #[test]
    fn a_named_anchor_the_text_dates_elsewhere_moves_nothing() {
        // "the arrest" is Tuesday's arrest; the undated retelling keeps its own dating and
        // nothing is put after publication.
        let text = "Pakistani police arrested Imran Khan on Tuesday.\n\n\
                    Pakistan detained Imran Khan on the orders of the anti-graft bureau.\n\n\
                    Khan said an officer had plotted to kill him a day before the arrest.";
        let evs = crate::events::extract(&doc(text, "2023-05-10"), Lexicon::embedded());
        assert!(!evs.is_empty());
        for e in &evs {
            assert!(
                e.time.start.is_none_or(|s| s <= d("2023-05-10")),
                "{} dated after publication: {:?}",
                e.trigger,
                e.time
            );
        }
    }

    #[test]
    fn a_time_opening_a_later_noun_phrase_dates_that_noun() {
        // (text, publication date, event type, its expected value)
        let cases = [
            (
                "Prague on Saturday accused Russia of involvement in the October 2014 blast.",
                "2021-04-18",
                "accuse",
                "2021-04-17",
            ),
            (
                "Hamas seized 240 hostages during its Oct. 7 assault on southern Israel.",
                "2023-11-25",
                "abduct",
                "2023-10-07",
            ),
        ];
        for (text, dct, ty, want) in cases {
            let evs = crate::events::extract(&doc(text, dct), Lexicon::embedded());
            let e = evs
                .iter()
                .find(|e| e.event_type == ty)
                .unwrap_or_else(|| panic!("{text}: {evs:?}"));
            assert_eq!(e.time.value, want, "{text}");
        }
    }

    #[test]
    fn a_participle_is_told_in_the_tense_of_its_verb() {
        // (sentence, whether "ordering" is told in the simple past)
        let rows = [
            (
                "Latvia responded in kind, ordering out Belarus's diplomats.",
                true,
            ),
            ("Latvia will respond, ordering out diplomats.", false),
        ];
        for (sentence, want) in rows {
            let toks = &crate::text::sentences(sentence, &[])[0].tokens;
            let head = toks
                .iter()
                .position(|t| t.lower == "ordering")
                .expect("token");
            assert_eq!(is_simple_past(toks, head), want, "{sentence}");
        }
    }

    /// Whole documents: the date each event takes when its sentence has no time of its own.
    #[test]
    fn events_without_a_time_of_their_own() {
        let cases = [
            // The lead names the news; the next paragraph dates it.
            (
                "ALGIERS, Aug 25 — Algeria has broken off diplomatic relations with Morocco.\n\n\
                 Foreign Minister Ramtane Lamamra announced the decision on Tuesday.",
                "2021-08-25",
                "break_relations",
                "2021-08-24",
            ),
            // A simple past continues the narrative day of the sentence before.
            (
                "The verdict was condemned abroad on Monday. U.S. Secretary of State Antony \
                 Blinken criticised Myanmar.",
                "2021-12-07",
                "criticize",
                "2021-12-06",
            ),
            // A time in the reporting clause dates the saying, not a reported act that has a
            // time of its own.
            (
                "Biden said on Friday that he had expelled the Russian envoy two weeks earlier.",
                "2024-03-09",
                "expel_diplomats",
                "2024-02",
            ),
            // Without one, the reporting clause's time still dates it.
            (
                "Biden said on Friday that he had expelled the Russian envoy.",
                "2024-03-09",
                "expel_diplomats",
                "2024-03-08",
            ),
            // A time inside a relative clause without "which" ("remarks he made last week")
            // belongs to that clause: the lead takes the day its next paragraph gives.
            (
                "BAMAKO, Feb 1 — Mali has expelled the French ambassador for remarks he made \
                 last week.\n\nThe junta announced the decision on Monday.",
                "2022-02-01",
                "expel_diplomats",
                "2022-01-31",
            ),
            // A deadline bounds an act, it does not date it: the lead takes the day its next
            // paragraph gives.
            (
                "ANKARA, Aug 2 — Two American journalists were back home by Friday after Russia \
                 freed them in a prisoner swap.\n\nThe exchange took place in Ankara on Thursday.",
                "2024-08-02",
                "release",
                "2024-08-01",
            ),
            // A reaction without a time takes the story's day.
            (
                "Western jets struck Syria on Saturday.\n\nThe strikes hit a research centre.\n\n\
                 On Wednesday, Trump had warned Russia.\n\nPutin condemned the strikes.",
                "2018-04-14",
                "criticize",
                "2018-04-14",
            ),
            // The next sentence of the paragraph tells the act with its day.
            (
                "Iran blamed the United States for the bombings.\n\nWashington rejected any \
                 suggestion that it was involved. State Department spokesman Matthew Miller \
                 said on Wednesday that the United States had played no part.",
                "2024-01-04",
                "deny_responsibility",
                "2024-01-03",
            ),
            // "The same day" is the day of the last dated sentence, not of an older event
            // that sentence mentions.
            (
                "South Africa filed a case against Israel on Friday, saying its conduct since \
                 the attack of Oct. 7 is genocidal.\n\nPretoria asked the judges to issue \
                 provisional measures.\n\nIsrael's foreign ministry rejected the case \
                 \"with disgust\" the same day.",
                "2023-12-30",
                "reject",
                "2023-12-29",
            ),
            // A present-tense stance gets the publication window, valued at its month.
            (
                "Saudi Arabia cut diplomatic ties with Qatar on June 5, accusing it of supporting \
                 terrorism.\n\nDoha denies the charges.",
                "2017-06-23",
                "deny_responsibility",
                "2017-06",
            ),
        ];
        for (text, dct, ty, want) in cases {
            let evs = crate::events::extract(&doc(text, dct), Lexicon::embedded());
            let got: Vec<(&str, &str)> = evs
                .iter()
                .map(|e| (e.event_type.as_str(), e.time.value.as_str()))
                .collect();
            assert!(got.contains(&(ty, want)), "{text}: {got:?}");
        }
    }
}
