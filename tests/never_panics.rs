//! Property test: extraction never panics on any text, and every span it reports is a valid
//! slice of the text; reading never panics on any bytes, page or feed line.

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

    #[test]
    fn reading_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        use demarche::ingest::decode::{decode, Expect};
        for expect in [Expect::Text, Expect::Html] {
            if let Ok(text) = decode(&bytes, expect) {
                prop_assert!(!text.contains('\r'));
            }
        }
    }

    #[test]
    fn pages_and_feed_lines_never_panic(parts in prop::collection::vec(prop::sample::select(vec![
        "<p>", "</p>", "<article>", "</article>", "<nav>", "<div class=\"share related\">", "</div>",
        "<br>", "<h1>", "</h1>", "<a href=x>", "</a>", "<time datetime=\"2024-04-29\">", "</time>",
        "<script type=\"application/ld+json\">{\"datePublished\": 3}", "</script>", "&amp;", "&#0;",
        "Russia expelled diplomats on Friday.", " ", "\n", "<meta property=\"og:url\" content=\"u\">",
        "<!--", "-->", "<body>", "<main>", "\u{feff}", "é", "{", "\"text\":", "\"html\":", "}",
    ]), 0..60)) {
        let html = parts.concat();
        let page = demarche::ingest::page::extract(&html);
        prop_assert!(!page.text.contains("<p>") || html.contains("&lt;p&gt;"));
        let fields = demarche::ingest::feed::Fields::default();
        let _ = demarche::ingest::feed::parse_line(&html, &fields);
        let line = serde_json::json!({"html": html}).to_string();
        let _ = demarche::ingest::parse_feed_line(std::path::Path::new("f.jsonl"), 1, &line, &fields, None);
    }
}
