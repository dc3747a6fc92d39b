//! Property test: extraction never panics on any text, and every span it reports is a valid
//! slice of the text.

use demarche::events::extract;
use demarche::lexicon::Lexicon;
use demarche::model::Document;
use proptest::prelude::*;

fn doc(text: String) -> Document {
    Document {
        id: "p".into(),
        origin: "p".into(),
        dct: chrono::NaiveDate::from_ymd_opt(2024, 4, 29),
        title: String::new(),
        url: String::new(),
        text,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,300}") {
        let evs = extract(&doc(text.clone()), Lexicon::embedded());
        for e in evs {
            prop_assert!(text.get(e.span.start..e.span.end).is_some());
        }
    }

    #[test]
    fn never_panics_on_newsy_text(words in prop::collection::vec(prop::sample::select(vec![
        "Russia", "summoned", "the", "ambassador", "on", "Friday", ",", ".", "said", "U.S.", "Mr.",
        "expelled", "diplomats", "by", "Poland", "in", "March", "2024", "two", "days", "later",
        "after", "attack", "it", "he", "and", "\n\n", "Read more:", "'s", "—", "\"", "Kremlin",
    ]), 0..60)) {
        let text = words.join(" ");
        let evs = extract(&doc(text.clone()), Lexicon::embedded());
        for e in evs {
            prop_assert_eq!(&text[e.span.start..e.span.end], e.evidence.as_str());
        }
    }
}
