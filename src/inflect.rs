//! Verb inflection for trigger patterns: `summon~` in `events.tsv` stands for summon, summons,
//! summoned and summoning, so no pattern misses a form. Regular English spelling rules, with
//! the exceptions listed in `data/lexicon/irregular_verbs.tsv`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One row of the irregular table: its columns after the lemma (third person, past,
/// participle, -ing), each with its spellings.
type Slots = Vec<Vec<&'static str>>;

/// The irregular table: lemma → its forms by column (several spellings of one slot allowed).
static IRREGULAR: LazyLock<HashMap<&'static str, Slots>> = LazyLock::new(|| {
    include_str!("../data/lexicon/irregular_verbs.tsv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            let lemma = fields.next()?;
            Some((lemma, fields.map(|f| f.split('|').collect()).collect()))
        })
        .collect()
});

/// Whether `w` is the past or past participle of an irregular verb ("broke", "struck").
pub fn is_irregular_past(w: &str) -> bool {
    static PASTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        IRREGULAR
            .values()
            .flat_map(|slots| slots.iter().skip(1).take(2).flatten().copied())
            .collect()
    });
    PASTS.contains(w)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A one-syllable verb ending consonant–vowel–consonant doubles its last letter: ban →
/// banned, stop → stopping.
fn doubles(w: &[u8]) -> bool {
    let n = w.len();
    if n < 3 {
        return false;
    }
    let (a, b, c) = (w[n - 3], w[n - 2], w[n - 1]);
    let syllables = w
        .iter()
        .enumerate()
        .filter(|&(i, &ch)| {
            (is_vowel(ch) || (ch == b'y' && i > 0)) && (i == 0 || !is_vowel(w[i - 1]))
        })
        .count();
    syllables == 1
        && !is_vowel(a)
        && is_vowel(b)
        && !is_vowel(c)
        && !matches!(c, b'w' | b'x' | b'y')
}

/// Every form of the verb `lemma`: itself, third person singular, past, past participle and
/// present participle, without repeats. Words that are not plain lower-case ASCII letters
/// ("re-establish", "stand-off") inflect on their last part.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(slots) = IRREGULAR.get(lemma) {
        for f in slots.iter().flatten() {
            push((*f).to_string());
        }
        return out;
    }
    if let Some((prefix, last)) = lemma.rsplit_once('-') {
        for f in verb_forms(last).into_iter().skip(1) {
            push(format!("{prefix}-{f}"));
        }
        return out;
    }
    let w = lemma.as_bytes();
    let n = w.len();
    if n == 0 {
        return out;
    }
    let last = w[n - 1];
    let consonant_y = last == b'y' && n >= 2 && !is_vowel(w[n - 2]);
    let stem = &lemma[..n - 1];
    // Third person singular.
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || lemma.ends_with('o')
    {
        push(format!("{lemma}es"));
    } else if consonant_y {
        push(format!("{stem}ies"));
    } else {
        push(format!("{lemma}s"));
    }
    // Past and participle.
    if last == b'e' {
        push(format!("{lemma}d"));
    } else if consonant_y {
        push(format!("{stem}ied"));
    } else if doubles(w) {
        push(format!("{lemma}{}ed", last as char));
    } else {
        push(format!("{lemma}ed"));
    }
    // Present participle.
    if lemma.ends_with("ie") {
        push(format!("{}ying", &lemma[..n - 2]));
    } else if last == b'e'
        && !lemma.ends_with("ee")
        && !lemma.ends_with("oe")
        && !lemma.ends_with("ye")
    {
        push(format!("{stem}ing"));
    } else if doubles(w) {
        push(format!("{lemma}{}ing", last as char));
    } else {
        push(format!("{lemma}ing"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::verb_forms;

    #[test]
    fn forms_table() {
        let rows: &[(&str, &[&str])] = &[
            ("summon", &["summon", "summons", "summoned", "summoning"]),
            ("expel", &["expel", "expels", "expelled", "expelling"]),
            (
                "condemn",
                &["condemn", "condemns", "condemned", "condemning"],
            ),
            ("arrest", &["arrest", "arrests", "arrested", "arresting"]),
            ("seize", &["seize", "seizes", "seized", "seizing"]),
            ("free", &["free", "frees", "freed", "freeing"]),
            ("deny", &["deny", "denies", "denied", "denying"]),
            ("veto", &["veto", "vetoes", "vetoed", "vetoing"]),
            ("ban", &["ban", "bans", "banned", "banning"]),
            ("bar", &["bar", "bars", "barred", "barring"]),
            ("stop", &["stop", "stops", "stopped", "stopping"]),
            ("shell", &["shell", "shells", "shelled", "shelling"]),
            ("annex", &["annex", "annexes", "annexed", "annexing"]),
            ("crash", &["crash", "crashes", "crashed", "crashing"]),
            ("obey", &["obey", "obeys", "obeyed", "obeying"]),
            ("tie", &["tie", "ties", "tied", "tying"]),
            ("break", &["break", "breaks", "broke", "broken", "breaking"]),
            (
                "strike",
                &["strike", "strikes", "struck", "stricken", "striking"],
            ),
            (
                "cancel",
                &[
                    "cancel",
                    "cancels",
                    "cancelled",
                    "canceled",
                    "cancelling",
                    "canceling",
                ],
            ),
            ("visit", &["visit", "visits", "visited", "visiting"]),
            (
                "re-establish",
                &[
                    "re-establish",
                    "re-establishes",
                    "re-established",
                    "re-establishing",
                ],
            ),
            ("open", &["open", "opens", "opened", "opening"]),
            ("target", &["target", "targets", "targeted", "targeting"]),
            ("kidnap", &["kidnap", "kidnaps", "kidnapped", "kidnapping"]),
        ];
        for (lemma, want) in rows {
            let got = verb_forms(lemma);
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{lemma}: {w} missing from {got:?}"
                );
            }
        }
    }
}
