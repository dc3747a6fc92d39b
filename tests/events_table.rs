//! The events table: one row per sentence, what a careful analyst codes from it, and whether
//! the extractor gets it right today. It measures the extractor phenomenon by phenomenon.
//!
//! The table is `tests/data/events_table.tsv`, tab-separated, one header line, `#` comments:
//!
//! | column | meaning |
//! |---|---|
//! | `id` | `PHENOMENON-NN`, unique; the prefix is the `phenomenon` column |
//! | `phenomenon` | what the row exercises (`passive`, `nominal`, `negative`, …) |
//! | `sentence` | one or two sentences, news-wire style |
//! | `dct` | publication date `YYYY-MM-DD` |
//! | `expected` | the events, ` \| `-separated; empty = the sentence must yield no event |
//! | `status` | `pass` or `pending` |
//!
//! An expected event is `type:SOURCE>TARGET:modality`, with a trailing `?` when it is optional
//! (a debatable event: allowed, not required). `type` is a taxonomy name and `modality` one of
//! `asserted`, `alleged`, `negated`, `future`, `hypothetical`.
//!
//! How an actor spec compares with an extracted actor (the gold files' rule, plus codes):
//!
//! - `RUS` (three capitals, an ISO 3166-1 alpha-3 code from `countries.tsv`): the actor
//!   belongs to that country — its `country` is `RUS`, or it has no country and its code
//!   starts with `RUS`. Government, ministry, president, police, army, citizens all match.
//! - `RUSCOP`, `IGONAT` (four or more capitals): the actor's CAMEO code starts with the spec
//!   (so the role is checked too).
//! - `~Hamas` (a tilde and a name): the actor's canonical name contains the text,
//!   case-insensitively — for actors without a country (IGOs, armed groups, courts).
//! - `*`: any actor or unknown; as a target it also accepts no target (the text names none,
//!   or the coder would not insist on one).
//! - `?`: unknown — the text names no actor here, so the extractor must not invent one with a
//!   country: matches only an actor whose `country` is empty and whose code does not start
//!   with a country code (and, as a target, no target at all). For agentless passives.
//! - `-` (target only): the event has no target.
//!
//! For the symmetric types `consult`, `phone_call`, `negotiate`, `sign_agreement` and
//! `ceasefire` the source and target may come out swapped.
//!
//! A row matches when the extracted events and the expected items pair up one to one — every
//! required item is matched by its own event (same type, same modality, source and target
//! comparing as above) and every event is matched by some item (no extra events; duplicates
//! count as extra). Every `pass` row must match; every `pending` row must still fail (a strict
//! expected failure: when a pending row starts to pass, this test fails and asks for the row to
//! be flipped to `pass`, so the table cannot rot). `cargo test --test events_table --
//! --nocapture` prints a per-phenomenon summary. Set `EVENTS_TABLE_REPORT=FILE` to write each
//! row's id and outcome (`match` / `nomatch`) to FILE.
//!
//! Each sentence is the whole text of a `Document` with the row's `dct`, run through
//! `demarche::events::extract` with the embedded lexicon; dates are not compared here. The
//! table itself is checked too: at least 240 rows, every taxonomy type the required event of
//! some row, known types/modalities/countries only. `tests/data/events_table_worklist.md`
//! groups the pending rows by the mechanism that fails.

use chrono::NaiveDate;
use demarche::events::extract;
use demarche::lexicon::Lexicon;
use demarche::model::{Actor, Document, Event, Modality};
use std::collections::{BTreeMap, BTreeSet};

const TABLE: &str = include_str!("data/events_table.tsv");

const SYMMETRIC: &[&str] = &[
    "consult",
    "phone_call",
    "negotiate",
    "sign_agreement",
    "ceasefire",
];

#[derive(Debug, Clone, PartialEq)]
enum Spec {
    Country(String),
    Code(String),
    Name(String),
    Any,
    Unknown,
    NoTarget,
}

#[derive(Debug, Clone)]
struct Item {
    event_type: String,
    source: Spec,
    target: Spec,
    modality: Modality,
    optional: bool,
}

#[derive(Debug)]
struct Row {
    line: usize,
    id: String,
    phenomenon: String,
    sentence: String,
    dct: NaiveDate,
    expected_text: String,
    expected: Vec<Item>,
    pending: bool,
}

fn parse_spec(s: &str, lex: &Lexicon, is_target: bool) -> Result<Spec, String> {
    if s == "*" {
        return Ok(Spec::Any);
    }
    if s == "?" {
        return Ok(Spec::Unknown);
    }
    if s == "-" {
        return if is_target {
            Ok(Spec::NoTarget)
        } else {
            Err("'-' (no actor) is for targets only".into())
        };
    }
    if let Some(name) = s.strip_prefix('~') {
        if name.trim().is_empty() {
            return Err("empty ~name".into());
        }
        return Ok(Spec::Name(name.to_lowercase()));
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Err(format!("actor spec {s:?} is not CODE, ~name, *, ? or -"));
    }
    match s.len() {
        3 if lex.country(s).is_some() => Ok(Spec::Country(s.into())),
        3 => Err(format!("{s:?} is not a country in countries.tsv")),
        n if n >= 4 => Ok(Spec::Code(s.into())),
        _ => Err(format!("actor spec {s:?} too short")),
    }
}

fn parse_item(s: &str, lex: &Lexicon) -> Result<Item, String> {
    let (s, optional) = match s.strip_suffix('?') {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let (event_type, rest) = s.split_once(':').ok_or("no ':' after the type")?;
    let (roles, modality) = rest.rsplit_once(':').ok_or("no ':modality'")?;
    let (source, target) = roles.split_once('>').ok_or("no '>' between the actors")?;
    if lex.event_type(event_type).is_none() {
        return Err(format!("unknown event type {event_type:?}"));
    }
    let modality = Modality::parse(modality).ok_or(format!("unknown modality {modality:?}"))?;
    Ok(Item {
        event_type: event_type.into(),
        source: parse_spec(source, lex, false)?,
        target: parse_spec(target, lex, true)?,
        modality,
        optional,
    })
}

fn load(lex: &Lexicon) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut ids = BTreeSet::new();
    let mut lines = TABLE.lines().enumerate();
    let (_, header) = lines
        .by_ref()
        .find(|(_, l)| !l.starts_with('#'))
        .expect("header");
    assert_eq!(
        header, "id\tphenomenon\tsentence\tdct\texpected\tstatus",
        "events_table.tsv: bad header"
    );
    for (i, line) in lines {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            6,
            "events_table.tsv line {n}: {} columns, want 6",
            cols.len()
        );
        let [id, phenomenon, sentence, dct, expected, status] = cols[..] else {
            unreachable!()
        };
        assert!(ids.insert(id.to_string()), "line {n}: duplicate id {id}");
        assert!(
            id.strip_prefix(phenomenon)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|r| !r.is_empty()),
            "line {n}: id {id} does not start with its phenomenon {phenomenon}-"
        );
        assert!(!sentence.trim().is_empty(), "line {n}: empty sentence");
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d")
            .unwrap_or_else(|_| panic!("line {n}: bad dct {dct:?}"));
        let items = if expected.trim().is_empty() {
            Vec::new()
        } else {
            expected
                .split(" | ")
                .map(|s| {
                    parse_item(s.trim(), lex)
                        .unwrap_or_else(|e| panic!("line {n} ({id}): item {s:?}: {e}"))
                })
                .collect()
        };
        let pending = match status {
            "pass" => false,
            "pending" => true,
            other => panic!("line {n}: status {other:?}, want pass or pending"),
        };
        rows.push(Row {
            line: n,
            id: id.into(),
            phenomenon: phenomenon.into(),
            sentence: sentence.into(),
            dct,
            expected_text: expected.into(),
            expected: items,
            pending,
        });
    }
    rows
}

fn actor_ok(spec: &Spec, actor: Option<&Actor>) -> bool {
    let lex = Lexicon::embedded();
    match (spec, actor) {
        (Spec::Any, _) => true,
        (Spec::Unknown, None) => true,
        (Spec::Unknown, Some(a)) => {
            a.country.is_empty() && a.code.get(..3).is_none_or(|c| lex.country(c).is_none())
        }
        (Spec::NoTarget, a) => a.is_none(),
        (_, None) => false,
        (Spec::Country(c), Some(a)) => {
            a.country == *c || (a.country.is_empty() && a.code.starts_with(c.as_str()))
        }
        (Spec::Code(c), Some(a)) => a.code.starts_with(c.as_str()),
        (Spec::Name(n), Some(a)) => a.name.to_lowercase().contains(n.as_str()),
    }
}

fn item_ok(item: &Item, e: &Event) -> bool {
    if item.event_type != e.event_type || item.modality != e.modality {
        return false;
    }
    let direct =
        actor_ok(&item.source, Some(&e.source)) && actor_ok(&item.target, e.target.as_ref());
    direct
        || (SYMMETRIC.contains(&e.event_type.as_str())
            && e.target.is_some()
            && actor_ok(&item.source, e.target.as_ref())
            && actor_ok(&item.target, Some(&e.source)))
}

/// Pair every event with a distinct item (backtracking; rows are small), so that all required
/// items are used.
fn pairs_up(items: &[Item], events: &[Event]) -> bool {
    fn go(items: &[Item], events: &[Event], k: usize, used: &mut Vec<bool>) -> bool {
        if k == events.len() {
            return items
                .iter()
                .zip(used.iter())
                .all(|(it, u)| *u || it.optional);
        }
        for j in 0..items.len() {
            if !used[j] && item_ok(&items[j], &events[k]) {
                used[j] = true;
                if go(items, events, k + 1, used) {
                    return true;
                }
                used[j] = false;
            }
        }
        false
    }
    if events.len() > items.len() {
        return false;
    }
    go(items, events, 0, &mut vec![false; items.len()])
}

fn show(e: &Event) -> String {
    let actor = |a: &Actor| format!("{}[{}]", a.code, a.name);
    format!(
        "{}:{}>{}:{} «{}»",
        e.event_type,
        actor(&e.source),
        e.target.as_ref().map(actor).unwrap_or_else(|| "-".into()),
        e.modality,
        e.trigger
    )
}

#[test]
fn events_table() {
    let lex = Lexicon::embedded();
    let rows = load(lex);
    assert!(rows.len() >= 240, "only {} rows", rows.len());

    // Every taxonomy type is the required expectation of at least one row.
    let covered: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.expected.iter())
        .filter(|i| !i.optional)
        .map(|i| i.event_type.as_str())
        .collect();
    let missing: Vec<&String> = lex
        .types
        .keys()
        .filter(|t| !covered.contains(t.as_str()))
        .collect();
    assert!(missing.is_empty(), "types with no row: {missing:?}");

    let mut summary: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut report = String::new();
    for r in &rows {
        let doc = Document {
            id: r.id.clone(),
            origin: "events_table".into(),
            dct: Some(r.dct),
            title: String::new(),
            url: String::new(),
            text: r.sentence.clone(),
        };
        let got = extract(&doc, lex);
        let ok = pairs_up(&r.expected, &got);
        report.push_str(&format!(
            "{}\t{}\n",
            r.id,
            if ok { "match" } else { "nomatch" }
        ));
        let s = summary.entry(r.phenomenon.as_str()).or_default();
        s.0 += 1;
        if r.pending {
            s.2 += 1;
        } else {
            s.1 += 1;
        }
        let got_text = if got.is_empty() {
            "(no event)".to_string()
        } else {
            got.iter().map(show).collect::<Vec<_>>().join(" | ")
        };
        let expected = if r.expected_text.is_empty() {
            "(no event)"
        } else {
            r.expected_text.as_str()
        };
        if !r.pending && !ok {
            failures.push(format!(
                "FAIL {} (line {}): {}\n    expected: {}\n    got:      {}",
                r.id, r.line, r.sentence, expected, got_text
            ));
        } else if r.pending && ok {
            failures.push(format!(
                "NOW PASSES {} (line {}): flip its status to pass\n    sentence: {}\n    expected: {}\n    got:      {}",
                r.id, r.line, r.sentence, expected, got_text
            ));
        }
    }
    if let Ok(path) = std::env::var("EVENTS_TABLE_REPORT") {
        std::fs::write(&path, &report).expect("write EVENTS_TABLE_REPORT");
    }

    println!(
        "{:<14} {:>5} {:>5} {:>8}",
        "phenomenon", "rows", "pass", "pending"
    );
    let mut total = (0, 0, 0);
    for (p, (n, pass, pend)) in &summary {
        println!("{p:<14} {n:>5} {pass:>5} {pend:>8}");
        total = (total.0 + n, total.1 + pass, total.2 + pend);
    }
    println!(
        "{:<14} {:>5} {:>5} {:>8}",
        "total", total.0, total.1, total.2
    );
    assert!(
        failures.is_empty(),
        "{} row(s) disagree with their status:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
