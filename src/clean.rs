//! Boilerplate detection: the spans of a page that are not the article (donation appeals,
//! newsletter promos, "Read more" lists, photo captions, cookie notices). They are skipped by
//! segmentation, so no event is ever taken from them, while byte offsets stay those of the text.

use crate::lexicon::Lexicon;
use crate::model::Span;
use crate::text::paragraphs;

static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*[A-Z][A-Z .'/-]+(?:,\s*[A-Z][A-Za-z .]+)?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{1,40}\))?\s*[—–-]+")
        .expect("dateline regex")
});

/// The dateline at the start of a wire story ("DUSHANBE, April 29 —"): its date is the
/// filing date, not the date of any event, so time expressions inside it are ignored.
pub fn dateline_span(text: &str) -> Option<Span> {
    DATELINE.find(text).map(|m| Span::new(m.start(), m.end()))
}

/// Whether the cue found at `[start, end)` of `hay` starts and ends at word boundaries
/// (a cue ending in punctuation, like "photo:", may run into the next word).
fn cue_at(hay: &str, start: usize, end: usize) -> bool {
    let bytes = hay.as_bytes();
    let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    let cue_ends_in_word = bytes[end - 1].is_ascii_alphanumeric();
    let after_ok = !cue_ends_in_word || end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
    before_ok && after_ok
}

fn is_list_like(p: &str) -> bool {
    let p = p.trim();
    p.lines().all(|l| {
        let l = l.trim();
        l.starts_with(['-', '*', '•', '·'])
            || (!l.ends_with(['.', '!', '?', '"', '”']) && l.len() < 140)
    })
}

fn is_separator(p: &str) -> bool {
    let p = p.trim();
    !p.is_empty()
        && p.chars()
            .all(|c| matches!(c, '-' | '*' | '_' | '=' | '—' | '–' | ' '))
}

/// Spans of `text` that are boilerplate: paragraphs holding a cue phrase, separator lines,
/// and list-like paragraphs that follow a dropped heading ending in ':'.
pub fn boilerplate_spans(text: &str, lex: &Lexicon) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut in_list = false;
    for p in paragraphs(text) {
        let raw = &text[p.start..p.end];
        let lower = raw.to_lowercase();
        let cue = lex
            .boilerplate_ac
            .find_overlapping_iter(&lower)
            .any(|m| cue_at(&lower, m.start(), m.end()));
        if cue || is_separator(raw) || (in_list && is_list_like(raw)) {
            in_list = cue && raw.trim_end().ends_with(':') || (in_list && is_list_like(raw)) || {
                // A dropped paragraph whose first line is a heading ("Read more:") starts a list.
                raw.lines()
                    .next()
                    .is_some_and(|l| l.trim_end().ends_with(':'))
            };
            out.push(p);
        } else {
            in_list = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<String> {
        boilerplate_spans(text, Lexicon::embedded())
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn boilerplate_table() {
        let cases: &[(&str, usize)] = &[
            (
                "Russia expelled two diplomats.\n\nSubscribe to our newsletter for more.",
                1,
            ),
            ("Please consider a donation to keep us online.", 1),
            ("The aid was donated by Japan.", 0),
            (
                "Read more:\n\nEU leaders condemn attack\n\nSummit ends without deal",
                3,
            ),
            (
                "Photo: The ambassador in Dushanbe. (Photo credit: archive)",
                1,
            ),
            ("We use cookies to improve your experience.", 1),
            ("The ministry said it summoned the ambassador.", 0),
            ("State-sponsored hackers attacked the ministry.", 0),
            ("---", 1),
        ];
        for (text, n) in cases {
            assert_eq!(dropped(text).len(), *n, "{text}: {:?}", dropped(text));
        }
    }

    #[test]
    fn datelines_are_found() {
        let cases = [
            (
                "DUSHANBE, April 29 — Tajikistan's foreign ministry",
                Some("DUSHANBE, April 29 —"),
            ),
            (
                "BEIRUT/JERUSALEM, Nov 28 — Israel's military",
                Some("BEIRUT/JERUSALEM, Nov 28 —"),
            ),
            (
                "WASHINGTON, Jan. 5 (Reuters) - The U.S.",
                Some("WASHINGTON, Jan. 5 (Reuters) -"),
            ),
            ("On April 29 the ministry said", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                dateline_span(text).map(|s| &text[s.start..s.end]),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn list_ends_at_a_real_paragraph() {
        let text =
            "Read more:\n\nEU leaders condemn attack\n\nThe talks resumed on Monday in Geneva.";
        assert_eq!(dropped(text).len(), 2);
    }
}
