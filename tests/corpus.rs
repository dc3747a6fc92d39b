//! The annotated corpus is checked like code: every gold file must parse, use known types,
//! give sensible windows and quote evidence that is really in its article; the corpus must
//! cover every event type at least twice; and `demarche eval` must meet the stored floors.

use assert_cmd::Command;
use chrono::NaiveDate;
use demarche::eval::{Gold, load_corpus};
use demarche::lexicon::Lexicon;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    data("corpus")
}

fn data(dir: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(dir)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("bad date {s:?}"))
}

/// The corpus, the development cases and the blind held-out cases obey one format (checked
/// without running the extractor, so the held-out set stays unseen).
#[test]
fn every_gold_file_is_valid() {
    for (dir, min_cases) in [("corpus", 40), ("dev", 12), ("heldout", 6)] {
        check_gold_dir(&data(dir), min_cases);
    }
}

fn check_gold_dir(dir: &std::path::Path, min_cases: usize) {
    let lex = Lexicon::embedded();
    let cases = load_corpus(dir).expect("corpus loads");
    assert!(cases.len() >= min_cases, "only {} cases", cases.len());
    for c in &cases {
        let raw = std::fs::read_to_string(&c.article).unwrap();
        let dct = day(&c.gold.dct);
        assert!(
            raw.contains(&format!("Date: {}", c.gold.dct)),
            "{}: dct differs from the Date: header",
            c.name
        );
        let body = raw.split_once("\n\n").map(|x| x.1).unwrap_or(&raw);
        let words = body.split_whitespace().count();
        assert!((150..=420).contains(&words), "{}: {words} words", c.name);
        for (i, e) in c.gold.events.iter().enumerate() {
            let at = format!("{} event {i}", c.name);
            assert!(
                lex.event_type(&e.event_type).is_some(),
                "{at}: unknown type {}",
                e.event_type
            );
            for t in &e.alt_types {
                assert!(lex.event_type(t).is_some(), "{at}: unknown alt type {t}");
            }
            assert!(!e.source.is_empty(), "{at}: no source");
            for a in e.source.iter().chain(&e.target) {
                assert!(
                    a.starts_with('~') || lex.country(a).is_some(),
                    "{at}: actor {a:?} is neither ISO3 nor ~name"
                );
            }
            let (ws, we) = (day(&e.window[0]), day(&e.window[1]));
            assert!(ws <= we, "{at}: window reversed");
            assert!(
                ws >= dct - chrono::Duration::days(365 * 100),
                "{at}: window starts too early"
            );
            let horizon = if matches!(e.modality.as_str(), "future" | "hypothetical") {
                365 * 10
            } else {
                365 * 2
            };
            assert!(
                we <= dct + chrono::Duration::days(horizon),
                "{at}: window ends too late"
            );
            if e.modality == "asserted" || e.modality == "alleged" {
                assert!(
                    ws <= dct,
                    "{at}: a past event whose window starts after publication"
                );
            }
            assert!(
                ["asserted", "alleged", "negated", "future", "hypothetical"]
                    .contains(&e.modality.as_str()),
                "{at}: modality"
            );
            assert!(
                raw.contains(&e.evidence),
                "{at}: evidence {:?} not in article",
                e.evidence
            );
        }
        for f in &c.gold.forbidden {
            assert!(
                raw.contains(&f.evidence),
                "{}: forbidden evidence {:?} not in article",
                c.name,
                f.evidence
            );
        }
    }
}

#[test]
fn every_event_type_appears_twice() {
    let lex = Lexicon::embedded();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for c in load_corpus(&corpus()).unwrap() {
        for e in c.gold.events.iter().filter(|e| !e.optional) {
            *counts.entry(e.event_type.clone()).or_default() += 1;
        }
    }
    for t in lex.types.keys() {
        assert!(
            counts.get(t).copied().unwrap_or(0) >= 2,
            "{t} appears {} times",
            counts.get(t).copied().unwrap_or(0)
        );
    }
}

#[test]
fn a_quarter_of_the_corpus_carries_boilerplate() {
    let cases = load_corpus(&corpus()).unwrap();
    let with: usize = cases
        .iter()
        .filter(|c| {
            c.gold
                .events
                .iter()
                .any(|e| e.phenomena.iter().any(|p| p == "boilerplate_nearby"))
                || !c.gold.forbidden.is_empty()
        })
        .count();
    assert!(with * 4 >= cases.len(), "{with} of {}", cases.len());
}

#[test]
fn gold_format_rejects_unknown_fields() {
    let bad = r#"{"dct":"2024-01-01","events":[{"type":"attack","source":["RUS"],"window":["2024-01-01","2024-01-01"],"evidence":"x","colour":"red"}]}"#;
    assert!(serde_json::from_str::<Gold>(bad).is_err());
}

#[test]
fn eval_meets_the_floors() {
    let out = Command::cargo_bin("demarche")
        .unwrap()
        .arg("eval")
        .arg(corpus())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    assert!(
        out.status.success(),
        "below floors: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("event F1"));
}
