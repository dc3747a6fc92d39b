//! Scoring extraction against the annotated corpus (`data/corpus/NAME.txt` + `NAME.gold.json`).
//!
//! A prediction matches a gold event when the CAMEO root (first two digits) agrees and source
//! and target match (either direction for symmetric types); matching is greedy, one prediction
//! per gold event, best pairs first. Matches to optional gold events count neither way.

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::{Actor, Event, Precision};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Types whose direction does not matter.
pub const SYMMETRIC: &[&str] = &[
    "consult",
    "phone_call",
    "negotiate",
    "sign_agreement",
    "mediate",
    "ceasefire",
];

fn default_modality() -> String {
    "asserted".into()
}

/// One gold event.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// Event type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Other acceptable types.
    #[serde(default)]
    pub alt_types: Vec<String>,
    /// Acceptable sources: ISO3 codes or `~substring` of the name.
    pub source: Vec<String>,
    /// Acceptable targets; empty = no target expected.
    #[serde(default)]
    pub target: Vec<String>,
    /// Date at its precision.
    #[serde(default)]
    pub date: String,
    /// Inclusive day window.
    pub window: [String; 2],
    /// Debatable: scored neither way.
    #[serde(default)]
    pub optional: bool,
    /// Expected modality.
    #[serde(default = "default_modality")]
    pub modality: String,
    /// Trigger words, verbatim from the article.
    pub evidence: String,
    /// Hard cases exercised.
    #[serde(default)]
    pub phenomena: Vec<String>,
}

/// Something a naive tool would wrongly code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Forbidden {
    /// Verbatim text; a prediction whose evidence contains it is a hit.
    pub evidence: String,
    /// Only predictions of this type count, when given.
    #[serde(default, rename = "type")]
    pub event_type: Option<String>,
    /// Why it is wrong.
    #[serde(default)]
    pub why: String,
}

/// One gold file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Gold {
    /// Publication date.
    pub dct: String,
    /// The events.
    pub events: Vec<GoldEvent>,
    /// The traps.
    #[serde(default)]
    pub forbidden: Vec<Forbidden>,
}

/// A corpus case: article path and its gold.
#[derive(Debug, Clone)]
pub struct Case {
    /// Case name (file stem).
    pub name: String,
    /// The article file.
    pub article: PathBuf,
    /// The parsed gold.
    pub gold: Gold,
}

/// Load every `NAME.gold.json` with its `NAME.txt` from a directory, sorted by name.
pub fn load_corpus(dir: &Path) -> Result<Vec<Case>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".gold.json"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::Invalid(format!(
            "{}: no *.gold.json files",
            dir.display()
        )));
    }
    names
        .into_iter()
        .map(|name| {
            let gp = dir.join(format!("{name}.gold.json"));
            let text = std::fs::read_to_string(&gp).map_err(|e| Error::Io {
                path: gp.clone(),
                source: e,
            })?;
            let gold: Gold = serde_json::from_str(&text).map_err(|e| Error::BadLine {
                path: gp.display().to_string(),
                line: e.line(),
                message: e.to_string(),
            })?;
            let article = dir.join(format!("{name}.txt"));
            if !article.exists() {
                return Err(Error::BadInput {
                    path: gp,
                    message: format!("no article {name}.txt beside it"),
                });
            }
            Ok(Case {
                name,
                article,
                gold,
            })
        })
        .collect()
}

/// Whether an actor is acceptable for a gold list. A `~name` also accepts an official of the
/// organization of that name (the ICC prosecutor for `~International Criminal Court`).
pub fn actor_matches(spec: &[String], actor: Option<&Actor>) -> bool {
    let lex = Lexicon::embedded();
    match actor {
        None => spec.is_empty(),
        Some(a) => spec.iter().any(|s| match s.strip_prefix('~') {
            Some(sub) => {
                let sub = sub.to_lowercase();
                a.name.to_lowercase().contains(&sub)
                    || (a.kind == crate::model::ActorKind::Person
                        && lex
                            .organizations
                            .iter()
                            .any(|o| o.code == a.code && o.name.to_lowercase().contains(&sub)))
            }
            None => {
                a.country == *s
                    || a.code == *s
                    || (s.len() >= 3 && a.code.starts_with(s.as_str()) && a.country.is_empty())
            }
        }),
    }
}

fn cameo_root(lex: &Lexicon, t: &str) -> String {
    lex.event_type(t)
        .map(|i| i.cameo.chars().take(2).collect())
        .unwrap_or_default()
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn roles_match(g: &GoldEvent, p: &Event) -> bool {
    let direct =
        actor_matches(&g.source, Some(&p.source)) && actor_matches(&g.target, p.target.as_ref());
    direct
        || (SYMMETRIC.contains(&g.event_type.as_str())
            && p.target.is_some()
            && actor_matches(&g.target, Some(&p.source))
            && actor_matches(&g.source, p.target.as_ref()))
}

/// Whether the predicted dates are right: overlapping the window and no wider than a month
/// (or than the gold window, when that is coarser).
pub fn date_ok(g: &GoldEvent, p: &Event) -> bool {
    let (Some(ws), Some(we)) = (day(&g.window[0]), day(&g.window[1])) else {
        return false;
    };
    let (Some(ps), Some(pe)) = (p.time.start, p.time.end) else {
        return false;
    };
    let overlap = ps <= we && ws <= pe;
    let width = (pe - ps).num_days() + 1;
    let gold_width = (we - ws).num_days() + 1;
    overlap && width <= gold_width.max(31)
}

/// Whether the predicted date is exact: the gold's value, or — for a week, quarter or season,
/// which the gold's day/month/year values cannot write — exactly the gold's window ("last
/// week" as `2021-W33` over 16–22 August where the gold writes `2021-08` with that window).
pub fn date_exact(g: &GoldEvent, p: &Event) -> bool {
    if !g.date.is_empty() && p.time.value == g.date {
        return true;
    }
    matches!(p.time.precision, Precision::Week | Precision::Quarter)
        && p.time.start.is_some()
        && p.time.start == day(&g.window[0])
        && p.time.end == day(&g.window[1])
}

/// Scores of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    /// Articles scored.
    pub articles: usize,
    /// Non-optional gold events.
    pub gold: usize,
    /// Predictions.
    pub predicted: usize,
    /// Matched non-optional gold events.
    pub tp: usize,
    /// Unmatched predictions.
    pub fp: usize,
    /// Unmatched predictions that code another party of a matched multi-party gold event
    /// (scored neither way; see [`other_party`]).
    pub other_party: usize,
    /// Unmatched non-optional gold.
    pub fn_: usize,
    /// Event precision.
    pub precision: f64,
    /// Event recall.
    pub recall: f64,
    /// Event F1.
    pub f1: f64,
    /// F1 when the type must be the gold type or an alternative.
    pub typed_f1: f64,
    /// Share of matched events whose dates are right.
    pub date_accuracy: f64,
    /// Share of matched events whose `date` equals the gold `date`.
    pub exact_date_rate: f64,
    /// Share of matched events with the gold modality.
    pub modality_accuracy: f64,
    /// Predictions that hit a forbidden trap.
    pub forbidden_hits: usize,
    /// Gold events whose type was found in their sentence (a prediction of the same CAMEO
    /// root whose evidence holds the gold evidence), whatever the actors.
    pub type_found: usize,
    /// Share of those whose source and target are both right.
    pub actor_accuracy: f64,
    /// Gold events missed only because of an actor error (type found in the sentence, actors
    /// wrong), as a share of all gold events.
    pub lost_to_actors: f64,
    /// Per gold type: (gold, matched).
    pub per_type: BTreeMap<String, (usize, usize)>,
    /// Per predicted type: false alarms.
    pub false_alarms_by_type: BTreeMap<String, usize>,
    /// Per phenomenon: (gold, matched).
    pub per_phenomenon: BTreeMap<String, (usize, usize)>,
    /// Misses and false alarms, for `--verbose`.
    pub worklist: Vec<String>,
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// `a / b`, or 0 when `b` is 0.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Greedy matching: returns, per gold event, the index of the matched prediction.
/// Which entries of a gold actor list an actor satisfies.
fn entries_matched(spec: &[String], actor: Option<&Actor>) -> Vec<usize> {
    (0..spec.len())
        .filter(|&i| actor_matches(&spec[i..=i], actor))
        .collect()
}

/// For each prediction left unmatched, whether it is the same event as a matched one coded for
/// another party the gold accepts: a gold event whose target list names several parties ("Qatar
/// mediated between Israel and Hamas": target Israel or Hamas) is one event, and a coder who
/// writes one row per party writes the same event twice, not a second event. It must share the
/// matched row's type, source and sentence, and its target must satisfy a different entry of
/// the gold list than the matched row's target (a person and their country are one party).
fn other_party(gold: &[GoldEvent], preds: &[Event], m: &[Option<usize>]) -> Vec<bool> {
    let mut out = vec![false; preds.len()];
    let used: Vec<usize> = m.iter().flatten().copied().collect();
    for (pi, p) in preds.iter().enumerate() {
        if used.contains(&pi) {
            continue;
        }
        out[pi] = gold.iter().zip(m).any(|(g, mi)| {
            let Some(q) = mi.map(|j| &preds[j]) else {
                return false;
            };
            if g.target.len() < 2
                || q.event_type != p.event_type
                || q.source != p.source
                || q.span != p.span
                || !actor_matches(&g.source, Some(&p.source))
            {
                return false;
            }
            let mine = entries_matched(&g.target, p.target.as_ref());
            let theirs = entries_matched(&g.target, q.target.as_ref());
            !mine.is_empty() && !mine.iter().any(|e| theirs.contains(e))
        });
    }
    out
}

fn greedy(lex: &Lexicon, gold: &[GoldEvent], preds: &[Event], typed: bool) -> Vec<Option<usize>> {
    let mut pairs: Vec<(i64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let root = cameo_root(lex, &g.event_type);
        for (pi, p) in preds.iter().enumerate() {
            let type_ok = p.event_type == g.event_type || g.alt_types.contains(&p.event_type);
            if typed && !type_ok {
                continue;
            }
            if !typed && p.cameo.chars().take(2).collect::<String>() != root && !type_ok {
                continue;
            }
            if !roles_match(g, p) {
                continue;
            }
            let score =
                i64::from(type_ok) * 4 + i64::from(date_ok(g, p)) * 2 + i64::from(!g.optional);
            pairs.push((score, gi, pi));
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; gold.len()];
    let mut used = vec![false; preds.len()];
    for (_, gi, pi) in pairs {
        if out[gi].is_none() && !used[pi] {
            out[gi] = Some(pi);
            used[pi] = true;
        }
    }
    out
}

/// Score predictions for all cases (`preds[i]` belongs to `cases[i]`).
pub fn score(lex: &Lexicon, cases: &[Case], preds: &[Vec<Event>]) -> Scores {
    let mut s = Scores {
        articles: cases.len(),
        ..Default::default()
    };
    let (mut typed_tp, mut typed_fp) = (0, 0);
    let (mut date_ok_n, mut exact_n, mut modal_n) = (0, 0, 0);
    let (mut actors_ok, mut lost_actor) = (0, 0);
    for (case, p) in cases.iter().zip(preds) {
        let gold = &case.gold.events;
        s.predicted += p.len();
        let m = greedy(lex, gold, p, false);
        let mut used = vec![false; p.len()];
        let parties = other_party(gold, p, &m);
        for (gi, g) in gold.iter().enumerate() {
            if let Some(pi) = m[gi] {
                used[pi] = true;
            }
            if g.optional {
                continue;
            }
            s.gold += 1;
            let e = s.per_type.entry(g.event_type.clone()).or_default();
            e.0 += 1;
            for ph in &g.phenomena {
                s.per_phenomenon.entry(ph.clone()).or_default().0 += 1;
            }
            match m[gi] {
                Some(pi) => {
                    s.tp += 1;
                    s.per_type.get_mut(&g.event_type).expect("inserted").1 += 1;
                    for ph in &g.phenomena {
                        s.per_phenomenon.get_mut(ph).expect("inserted").1 += 1;
                    }
                    let pe = &p[pi];
                    // A dating problem on the worklist: what was got and what was wanted.
                    let date_line = |what: &str, got: String, want: String| {
                        format!(
                            "{}: {what} {} {}→{}: got {got} want {want} | {}",
                            case.name,
                            g.event_type,
                            pe.source.name,
                            pe.target.as_ref().map(|t| t.name.as_str()).unwrap_or("-"),
                            pe.evidence
                        )
                    };
                    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
                    if date_ok(g, pe) {
                        date_ok_n += 1;
                    } else {
                        s.worklist.push(date_line(
                            "WRONG DATE",
                            format!(
                                "{} [{}..{}]",
                                pe.time.value,
                                day(pe.time.start).unwrap_or_default(),
                                day(pe.time.end).unwrap_or_default()
                            ),
                            format!("{} [{}..{}]", g.date, g.window[0], g.window[1]),
                        ));
                    }
                    if date_exact(g, pe) {
                        exact_n += 1;
                    } else if date_ok(g, pe) {
                        s.worklist.push(date_line(
                            "INEXACT DATE",
                            format!("{:?}", pe.time.value),
                            format!("{:?}", g.date),
                        ));
                    }
                    if pe.modality.as_str() == g.modality {
                        modal_n += 1;
                    }
                }
                None => {
                    s.fn_ += 1;
                    s.worklist.push(format!(
                        "{}: MISS {} {:?}→{:?} {} \"{}\"",
                        case.name, g.event_type, g.source, g.target, g.date, g.evidence
                    ));
                }
            }
            // Actor accuracy: was the type found in the gold event's sentence at all?
            let root = cameo_root(lex, &g.event_type);
            let same_place: Vec<&Event> = p
                .iter()
                .filter(|pe| {
                    pe.evidence.contains(&g.evidence)
                        && (pe.cameo.chars().take(2).collect::<String>() == root
                            || g.alt_types.contains(&pe.event_type))
                })
                .collect();
            if !same_place.is_empty() {
                s.type_found += 1;
                if same_place.iter().any(|pe| roles_match(g, pe)) {
                    actors_ok += 1;
                } else if m[gi].is_none() {
                    lost_actor += 1;
                    s.worklist.push(format!(
                        "{}: ACTORS {} want {:?}→{:?} got {} | {}",
                        case.name,
                        g.event_type,
                        g.source,
                        g.target,
                        same_place
                            .iter()
                            .map(|pe| format!(
                                "{}→{}",
                                pe.source.name,
                                pe.target.as_ref().map(|t| t.name.as_str()).unwrap_or("-")
                            ))
                            .collect::<Vec<_>>()
                            .join(", "),
                        g.evidence
                    ));
                }
            }
        }
        for (pi, pe) in p.iter().enumerate() {
            if !used[pi] && parties[pi] {
                s.other_party += 1;
                s.worklist.push(format!(
                    "{}: OTHER PARTY {} {}→{} [{}] | {}",
                    case.name,
                    pe.event_type,
                    pe.source.name,
                    pe.target.as_ref().map(|t| t.name.as_str()).unwrap_or("-"),
                    pe.trigger,
                    pe.evidence
                ));
                continue;
            }
            if !used[pi] {
                s.fp += 1;
                *s.false_alarms_by_type
                    .entry(pe.event_type.clone())
                    .or_default() += 1;
                s.worklist.push(format!(
                    "{}: FALSE {} {}→{} [{}] | {}",
                    case.name,
                    pe.event_type,
                    pe.source.name,
                    pe.target.as_ref().map(|t| t.name.as_str()).unwrap_or("-"),
                    pe.trigger,
                    pe.evidence
                ));
            }
            // A prediction the gold confirms as an event is not the trap, even in the trap's
            // sentence ("Yonhap quoted Moon as offering congratulations": Moon's praise is an
            // event; Yonhap as its actor would be the trap).
            if !used[pi]
                && case.gold.forbidden.iter().any(|f| {
                    pe.evidence.contains(&f.evidence)
                        && f.event_type.as_ref().is_none_or(|t| *t == pe.event_type)
                })
            {
                s.forbidden_hits += 1;
                s.worklist.push(format!(
                    "{}: FORBIDDEN {} [{}] | {}",
                    case.name, pe.event_type, pe.trigger, pe.evidence
                ));
            }
        }
        let tm = greedy(lex, gold, p, true);
        let tparties = other_party(gold, p, &tm);
        let mut tused = tparties;
        for (gi, g) in gold.iter().enumerate() {
            if let Some(pi) = tm[gi] {
                tused[pi] = true;
                if !g.optional {
                    typed_tp += 1;
                }
            }
        }
        typed_fp += tused.iter().filter(|u| !**u).count();
    }
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.gold);
    s.f1 = f1(s.precision, s.recall);
    s.typed_f1 = f1(
        ratio(typed_tp, typed_tp + typed_fp),
        ratio(typed_tp, s.gold),
    );
    s.date_accuracy = ratio(date_ok_n, s.tp);
    s.exact_date_rate = ratio(exact_n, s.tp);
    s.modality_accuracy = ratio(modal_n, s.tp);
    s.actor_accuracy = ratio(actors_ok, s.type_found);
    s.lost_to_actors = ratio(lost_actor, s.gold);
    s
}

/// Minimum scores CI accepts, from `floors.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Floors {
    /// Minimum event F1.
    pub event_f1: f64,
    /// Minimum date accuracy.
    pub date_accuracy: f64,
    /// Minimum exact-date rate (0 when the file has none).
    #[serde(default)]
    pub exact_date_rate: f64,
}

/// Read `floors.toml`.
pub fn read_floors(path: &Path) -> Result<Floors> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    toml::from_str(&text).map_err(|e| Error::BadInput {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// The failures of `scores` against `floors` (empty = pass).
pub fn check_floors(scores: &Scores, floors: &Floors) -> Vec<String> {
    let mut out = Vec::new();
    if scores.f1 + 1e-9 < floors.event_f1 {
        out.push(format!(
            "event F1 {:.3} is below the floor {:.3}",
            scores.f1, floors.event_f1
        ));
    }
    if scores.date_accuracy + 1e-9 < floors.date_accuracy {
        out.push(format!(
            "date accuracy {:.3} is below the floor {:.3}",
            scores.date_accuracy, floors.date_accuracy
        ));
    }
    if scores.exact_date_rate + 1e-9 < floors.exact_date_rate {
        out.push(format!(
            "exact-date rate {:.3} is below the floor {:.3}",
            scores.exact_date_rate, floors.exact_date_rate
        ));
    }
    out
}

/// The human-readable report.
pub fn report(s: &Scores, verbose: bool) -> String {
    let mut o = String::new();
    o.push_str(&format!("articles            {:>6}\n", s.articles));
    o.push_str(&format!(
        "gold events         {:>6}  (non-optional)\n",
        s.gold
    ));
    o.push_str(&format!("predicted events    {:>6}\n", s.predicted));
    o.push_str(&format!(
        "matched / missed    {:>6} / {}   false alarms {}\n",
        s.tp, s.fn_, s.fp
    ));
    if s.other_party > 0 {
        o.push_str(&format!(
            "other-party rows    {:>6}  (a multi-party gold event coded once per party; neither way)\n",
            s.other_party
        ));
    }
    o.push_str(&format!("event precision     {:>6.3}\n", s.precision));
    o.push_str(&format!("event recall        {:>6.3}\n", s.recall));
    o.push_str(&format!("event F1            {:>6.3}\n", s.f1));
    o.push_str(&format!("typed F1            {:>6.3}\n", s.typed_f1));
    o.push_str(&format!("date accuracy       {:>6.3}\n", s.date_accuracy));
    o.push_str(&format!("exact-date rate     {:>6.3}\n", s.exact_date_rate));
    o.push_str(&format!(
        "modality accuracy   {:>6.3}\n",
        s.modality_accuracy
    ));
    o.push_str(&format!("forbidden hits      {:>6}\n", s.forbidden_hits));
    o.push_str(&format!("actor accuracy      {:>6.3}  (source and target right where the type was found: {} events)\n", s.actor_accuracy, s.type_found));
    o.push_str(&format!(
        "lost to actors      {:>6.3}  (share of gold events missed only for wrong actors)\n",
        s.lost_to_actors
    ));
    o.push_str("\nper event type        gold  found  recall  false-alarms\n");
    let mut types: Vec<&String> = s
        .per_type
        .keys()
        .chain(s.false_alarms_by_type.keys())
        .collect();
    types.sort();
    types.dedup();
    for t in types {
        let (g, m) = s.per_type.get(t).copied().unwrap_or((0, 0));
        let fa = s.false_alarms_by_type.get(t).copied().unwrap_or(0);
        o.push_str(&format!(
            "  {:<20} {:>5} {:>6} {:>7.2} {:>13}\n",
            t,
            g,
            m,
            ratio(m, g),
            fa
        ));
    }
    o.push_str("\nper phenomenon        gold  found  recall\n");
    for (p, (g, m)) in &s.per_phenomenon {
        o.push_str(&format!(
            "  {:<20} {:>5} {:>6} {:>7.2}\n",
            p,
            g,
            m,
            ratio(*m, *g)
        ));
    }
    if verbose {
        o.push_str("\nworklist\n");
        for w in &s.worklist {
            o.push_str(&format!("  {w}\n"));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, DateBasis, Modality, Precision, Span, TimeValue};

    fn gold_event(t: &str, s: &str, tg: &str, date: &str) -> GoldEvent {
        GoldEvent {
            event_type: t.into(),
            alt_types: vec![],
            source: vec![s.into()],
            target: if tg.is_empty() {
                vec![]
            } else {
                vec![tg.into()]
            },
            date: date.into(),
            window: [date.into(), date.into()],
            optional: false,
            modality: "asserted".into(),
            evidence: "x".into(),
            phenomena: vec!["passive".into()],
        }
    }

    fn pred(t: &str, s: &str, tg: &str, date: &str) -> Event {
        let lex = Lexicon::embedded();
        let info = lex.event_type(t).unwrap();
        let a = |c: &str| Actor {
            name: c.into(),
            code: format!("{c}GOV"),
            country: c.into(),
            kind: ActorKind::State,
        };
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        Event {
            id: "p".into(),
            time: TimeValue {
                value: date.into(),
                start: d,
                end: d,
                precision: Precision::Day,
                basis: DateBasis::Explicit,
                text: String::new(),
            },
            source: a(s),
            target: (!tg.is_empty()).then(|| a(tg)),
            event_type: t.into(),
            cameo: info.cameo.clone(),
            plover: info.plover.clone(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            modality: Modality::Asserted,
            doc_id: "d".into(),
            doc_date: None,
            trigger: "t".into(),
            pattern: String::new(),
            threatened: String::new(),
            evidence: "e".into(),
            span: Span::default(),
            confidence: 1.0,
            mentions: 1,
        }
    }

    fn case(events: Vec<GoldEvent>) -> Case {
        Case {
            name: "c".into(),
            article: PathBuf::new(),
            gold: Gold {
                dct: "2024-04-29".into(),
                events,
                forbidden: vec![],
            },
        }
    }

    #[test]
    fn other_party_table() {
        let lex = Lexicon::embedded();
        // Qatar mediated between Israel and Hamas: one gold event, target either party.
        let mut g = gold_event("mediate", "QAT", "ISR", "2023-11-22");
        g.target.push("PSE".into());
        let with_span = |mut e: Event, start: usize| {
            e.span = Span {
                start,
                end: start + 10,
            };
            e
        };
        // (name, predictions, matched, false alarms, other-party rows)
        let cases: Vec<(&str, Vec<Event>, usize, usize, usize)> = vec![
            (
                "both parties, one sentence",
                vec![
                    pred("mediate", "QAT", "ISR", "2023-11-22"),
                    pred("mediate", "QAT", "PSE", "2023-11-22"),
                ],
                1,
                0,
                1,
            ),
            (
                "the same party twice is a duplicate",
                vec![
                    pred("mediate", "QAT", "ISR", "2023-11-22"),
                    pred("mediate", "QAT", "ISR", "2023-11-22"),
                ],
                1,
                1,
                0,
            ),
            (
                "another sentence is another event",
                vec![
                    pred("mediate", "QAT", "ISR", "2023-11-22"),
                    with_span(pred("mediate", "QAT", "PSE", "2023-11-22"), 40),
                ],
                1,
                1,
                0,
            ),
            (
                "another source is another event",
                vec![
                    pred("mediate", "QAT", "ISR", "2023-11-22"),
                    pred("mediate", "EGY", "PSE", "2023-11-22"),
                ],
                1,
                1,
                0,
            ),
            (
                "a party the gold does not name",
                vec![
                    pred("mediate", "QAT", "ISR", "2023-11-22"),
                    pred("mediate", "QAT", "LBN", "2023-11-22"),
                ],
                1,
                1,
                0,
            ),
        ];
        for (name, preds, tp, fp, other) in cases {
            let s = score(lex, &[case(vec![g.clone()])], &[preds]);
            assert_eq!((s.tp, s.fp, s.other_party), (tp, fp, other), "{name}");
        }
        // A single-party gold event has no other party.
        let s = score(
            lex,
            &[case(vec![gold_event(
                "mediate",
                "QAT",
                "ISR",
                "2023-11-22",
            )])],
            &[vec![
                pred("mediate", "QAT", "ISR", "2023-11-22"),
                pred("mediate", "QAT", "PSE", "2023-11-22"),
            ]],
        );
        assert_eq!((s.tp, s.fp, s.other_party), (1, 1, 0));
    }

    #[test]
    fn matcher_table() {
        let lex = Lexicon::embedded();
        let g = || vec![gold_event("summon_ambassador", "TJK", "RUS", "2024-04-29")];
        // (predictions, f1, typed f1, date accuracy)
        let cases: Vec<(&str, Vec<Event>, f64, f64, f64)> = vec![
            (
                "perfect",
                vec![pred("summon_ambassador", "TJK", "RUS", "2024-04-29")],
                1.0,
                1.0,
                1.0,
            ),
            ("empty", vec![], 0.0, 0.0, 0.0),
            (
                "swapped roles",
                vec![pred("summon_ambassador", "RUS", "TJK", "2024-04-29")],
                0.0,
                0.0,
                0.0,
            ),
            (
                "same root other type",
                vec![pred("protest_officially", "TJK", "RUS", "2024-04-29")],
                1.0,
                0.0,
                1.0,
            ),
            (
                "wrong root",
                vec![pred("attack", "TJK", "RUS", "2024-04-29")],
                0.0,
                0.0,
                0.0,
            ),
            (
                "wrong date",
                vec![pred("summon_ambassador", "TJK", "RUS", "2024-03-01")],
                1.0,
                1.0,
                0.0,
            ),
        ];
        for (name, preds, f, tf, da) in cases {
            let s = score(lex, &[case(g())], &[preds]);
            assert!((s.f1 - f).abs() < 1e-9, "{name}: f1 {}", s.f1);
            assert!(
                (s.typed_f1 - tf).abs() < 1e-9,
                "{name}: typed {}",
                s.typed_f1
            );
            assert!(
                (s.date_accuracy - da).abs() < 1e-9,
                "{name}: date {}",
                s.date_accuracy
            );
        }
    }

    #[test]
    fn forbidden_traps_count_only_predictions_the_gold_does_not_confirm() {
        let lex = Lexicon::embedded();
        let mut c = case(vec![gold_event("praise", "KOR", "USA", "2024-04-29")]);
        c.gold.forbidden.push(Forbidden {
            evidence: "Yonhap quoted Moon".into(),
            event_type: None,
            why: "the agency is not the actor".into(),
        });
        let in_sentence = |t: &str, s: &str, tg: &str| {
            let mut p = pred(t, s, tg, "2024-04-29");
            p.evidence = "Yonhap quoted Moon as congratulating Trump.".into();
            p
        };
        // (predictions, forbidden hits)
        let rows = [
            (vec![in_sentence("praise", "KOR", "USA")], 0),
            (vec![in_sentence("praise", "JPN", "USA")], 1),
            (
                vec![
                    in_sentence("praise", "KOR", "USA"),
                    in_sentence("criticize", "KOR", "USA"),
                ],
                1,
            ),
            (vec![pred("praise", "JPN", "USA", "2024-04-29")], 0),
        ];
        for (preds, want) in rows {
            let s = score(lex, &[c.clone()], &[preds]);
            assert_eq!(s.forbidden_hits, want);
        }
    }

    #[test]
    fn exact_dates_table() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        // (gold date, gold window, predicted value, precision, start, end, exact?)
        let rows = [
            (
                "2021-08-20",
                ["2021-08-20", "2021-08-20"],
                "2021-08-20",
                Precision::Day,
                "2021-08-20",
                "2021-08-20",
                true,
            ),
            (
                "2021-08",
                ["2021-08-16", "2021-08-22"],
                "2021-W33",
                Precision::Week,
                "2021-08-16",
                "2021-08-22",
                true,
            ),
            (
                "2021-08",
                ["2021-08-09", "2021-08-13"],
                "2021-W33",
                Precision::Week,
                "2021-08-16",
                "2021-08-22",
                false,
            ),
            (
                "2021-08",
                ["2021-08-16", "2021-08-22"],
                "2021-08-20",
                Precision::Day,
                "2021-08-20",
                "2021-08-20",
                false,
            ),
            (
                "2021-08",
                ["2021-08-01", "2021-08-31"],
                "2021-08",
                Precision::Month,
                "2021-08-01",
                "2021-08-31",
                true,
            ),
            (
                "2021",
                ["2021-07-01", "2021-09-30"],
                "2021-Q3",
                Precision::Quarter,
                "2021-07-01",
                "2021-09-30",
                true,
            ),
            (
                "",
                ["2021-07-01", "2021-09-30"],
                "",
                Precision::Unknown,
                "2021-07-01",
                "2021-09-30",
                false,
            ),
        ];
        for (date, window, value, precision, start, end, want) in rows {
            let mut g = gold_event("criticize", "FRA", "RUS", date);
            g.window = window.map(String::from);
            let mut p = pred("criticize", "FRA", "RUS", start);
            p.time.value = value.into();
            p.time.precision = precision;
            p.time.start = d(start);
            p.time.end = d(end);
            assert_eq!(date_exact(&g, &p), want, "{date} {window:?} vs {value}");
        }
    }

    #[test]
    fn symmetric_types_match_either_way_and_optional_counts_neither() {
        let lex = Lexicon::embedded();
        let mut opt = gold_event("criticize", "FRA", "RUS", "2024-04-29");
        opt.optional = true;
        let gold = vec![gold_event("consult", "USA", "CHN", "2024-04-29"), opt];
        let preds = vec![
            pred("consult", "CHN", "USA", "2024-04-29"),
            pred("criticize", "FRA", "RUS", "2024-04-29"),
        ];
        let s = score(lex, &[case(gold)], &[preds]);
        assert_eq!((s.tp, s.fp, s.fn_, s.gold), (1, 0, 0, 1));
    }

    #[test]
    fn actor_specs() {
        let a = Actor {
            name: "Islamic State".into(),
            code: "IMGISI".into(),
            country: String::new(),
            kind: ActorKind::NonState,
        };
        assert!(actor_matches(&["~islamic state".into()], Some(&a)));
        assert!(!actor_matches(&["RUS".into()], Some(&a)));
        assert!(actor_matches(&[], None));
        assert!(!actor_matches(&[], Some(&a)));
    }

    #[test]
    fn floors_are_checked() {
        let s = Scores {
            f1: 0.5,
            date_accuracy: 0.9,
            exact_date_rate: 0.7,
            ..Default::default()
        };
        assert!(
            check_floors(
                &s,
                &Floors {
                    event_f1: 0.4,
                    date_accuracy: 0.8,
                    exact_date_rate: 0.6,
                }
            )
            .is_empty()
        );
        assert_eq!(
            check_floors(
                &s,
                &Floors {
                    event_f1: 0.6,
                    date_accuracy: 0.95,
                    exact_date_rate: 0.75,
                }
            )
            .len(),
            3
        );
    }
}
