//! Events: trigger patterns matched on tokens, roles found from the clause around the trigger
//! (active and passive voice, possessives, "by" phrases, coordination, pronouns), modality from
//! cue words, and a time expression attached from the clause; then a document pass that dates
//! narrative and event-anchored expressions and removes repeats.

use crate::actors::{DocActors, LOCATIVE, Mention};
use crate::clean::boilerplate_spans;
use crate::dating::{
    Anchor, Candidate, attach_time, date_candidates, is_simple_past, sentence_times,
};
use crate::lexicon::{Lexicon, PatElem, Pattern, TriggerPos};
use crate::model::{Actor, ActorKind, DateBasis, Document, Event, Modality, Span, TimeValue};
use crate::text::{Sentence, Token, TokenKind, sentences};
use crate::timex::{self, Tense, TimeRef, Timex};

/// A pattern match in a sentence.
#[derive(Debug, Clone)]
pub struct TriggerMatch {
    /// Index of the pattern in the lexicon.
    pub pattern: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The token whose voice and position decide the roles (the verb or noun).
    pub head: usize,
}

fn match_words(toks: &[Token], at: usize, words: &[String]) -> Option<usize> {
    let mut i = at;
    for w in words {
        let t = toks.get(i)?;
        if t.lower != *w && !number_at_least(t, w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Whether a pattern word `#N` ("#20") stands for this token: a number of at least N
/// ("killed more than 100 people"; the integer part of a decimal).
fn number_at_least(t: &Token, w: &str) -> bool {
    let Some(min) = w.strip_prefix('#').and_then(|n| n.parse::<u64>().ok()) else {
        return false;
    };
    if t.kind != TokenKind::Number {
        return false;
    }
    let whole: String = t
        .lower
        .split('.')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    whole.parse::<u64>().is_ok_and(|n| n >= min)
}

fn match_from(lex: &Lexicon, toks: &[Token], elems: &[PatElem], at: usize) -> Option<usize> {
    let Some((first, rest)) = elems.split_first() else {
        return Some(at);
    };
    match first {
        PatElem::Words(alts, optional) => {
            for a in alts {
                if let Some(next) = match_words(toks, at, a) {
                    if let Some(end) = match_from(lex, toks, rest, next) {
                        return Some(end);
                    }
                }
            }
            if *optional {
                match_from(lex, toks, rest, at)
            } else {
                None
            }
        }
        PatElem::Class(c) => {
            let mut best = None;
            for e in lex.classes.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                if let Some(next) = match_words(toks, at, e) {
                    if let Some(end) = match_from(lex, toks, rest, next) {
                        best = best.max(Some(end));
                    }
                }
            }
            best
        }
        PatElem::Gap(min, max) => {
            for k in *min..=*max {
                if at + k > toks.len() {
                    break;
                }
                // A gap spans words only: punctuation ends it, except commas, hyphens, quote
                // marks, brackets and a plural possessive ("called the move \"a farce\"",
                // "asked the Collective Security Treaty Organization (CSTO) for",
                // "closed member states' borders").
                if k > 0 {
                    let t = &toks[at + k - 1];
                    if t.kind == TokenKind::Punct && !GAP_PUNCT.contains(&t.lower.as_str()) {
                        break;
                    }
                }
                if let Some(end) = match_from(lex, toks, rest, at + k) {
                    return Some(end);
                }
            }
            None
        }
    }
}

/// Punctuation a pattern's gap may run through: commas, hyphens, quote marks, brackets, currency
/// signs ("pledged $500 million in aid") and the apostrophe of a plural possessive.
const GAP_PUNCT: &[&str] = &[
    ",", "-", "\"", "\u{201c}", "\u{201d}", "'", "(", ")", "$", "\u{20ac}", "\u{a3}",
];

/// Whether token `i` is a capitalised word (part of a proper name when it is not the first).
fn name_word(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.kind == TokenKind::Word
            && text[t.span.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

/// All trigger matches of a sentence, longest first where they overlap.
pub fn find_triggers(lex: &Lexicon, text: &str, toks: &[Token]) -> Vec<TriggerMatch> {
    let mut all = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // A capitalised word inside a name ("Popular Mobilisation Forces") is no trigger.
        if i > 0
            && name_word(text, toks, i)
            && (name_word(text, toks, i - 1) || name_word(text, toks, i + 1))
        {
            continue;
        }
        let Some(list) = lex.pattern_index.get(&t.lower) else {
            continue;
        };
        let noun_reading = noun_context(text, toks, i);
        for &p in list {
            // "the deadliest clash", "from Israeli jails": a verb pattern's present forms
            // used as nouns are left to the noun patterns.
            if noun_reading && lex.patterns[p].pos == TriggerPos::Verb {
                continue;
            }
            if let Some(end) = match_from(lex, toks, &lex.patterns[p].elems, i) {
                all.push(TriggerMatch {
                    pattern: p,
                    start: i,
                    end,
                    head: i,
                });
            }
            // Passive order: "Russian diplomats were expelled" for "expelled … @DIPLOMAT".
            let pat = &lex.patterns[p];
            if pat.pos == TriggerPos::Verb && pat.elems.len() >= 2 && is_passive(toks, i) {
                let rest: Vec<PatElem> = pat.elems[1..]
                    .iter()
                    .skip_while(|e| matches!(e, PatElem::Gap(..)))
                    .cloned()
                    .collect();
                let Some(be) = (0..i).rev().find(|&k| BE.contains(&toks[k].lower.as_str())) else {
                    continue;
                };
                // The verb may be a phrasal one: "the talks were called off", "the hostages
                // were set free".
                let Some(verb_end) = match_from(lex, toks, &pat.elems[..1], i) else {
                    continue;
                };
                if rest.is_empty() {
                    continue;
                }
                for j in be.saturating_sub(8)..be {
                    if match_from(lex, toks, &rest, j).is_some_and(|end| end <= be) {
                        all.push(TriggerMatch {
                            pattern: p,
                            start: j,
                            end: verb_end,
                            head: i,
                        });
                        break;
                    }
                }
            }
        }
    }
    // Prefer longer, then earlier, then verb patterns; drop overlapping shorter ones.
    all.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
            .then(
                (lex.patterns[a.pattern].pos != TriggerPos::Verb)
                    .cmp(&(lex.patterns[b.pattern].pos != TriggerPos::Verb)),
            )
            .then(a.pattern.cmp(&b.pattern))
    });
    let mut kept: Vec<TriggerMatch> = Vec::new();
    for m in all {
        if kept.iter().all(|k| m.end <= k.start || k.end <= m.start) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

/// Whether the word at `i`, in a form a verb shares with a noun (base, -s, -ing), stands
/// after a determiner ("the clash", "an emergency meeting") or a preposition ("from Israeli
/// jails") with no verb between: a noun here, not a verb.
fn noun_context(text: &str, toks: &[Token], i: usize) -> bool {
    let w = toks[i].lower.as_str();
    if w.ends_with("ed") || crate::inflect::is_irregular_past(w) {
        return false;
    }
    // A modal is never a noun: "any attack would amount to…", "the strike on its consulate
    // could not have happened…" start verb patterns even after a determiner.
    if MODALS.contains(&w) {
        return false;
    }
    for k in 1..=2 {
        let Some(j) = i.checked_sub(k) else { break };
        let p = toks[j].lower.as_str();
        // "The Kremlin denies": a determiner before a name belongs to the name.
        let through_name =
            k == 2 && text[toks[i - 1].span.start..].starts_with(|c: char| c.is_uppercase());
        // "with each side accusing the other": a quantifier and a noun before an -ing form
        // make a participle clause, not a noun phrase.
        let quantified_subject =
            k == 2 && w.ends_with("ing") && matches!(p, "no" | "any" | "every" | "each");
        if !through_name
            && !quantified_subject
            && matches!(
                p,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "these"
                    | "those"
                    | "no"
                    | "any"
                    | "every"
                    | "each"
            )
            || toks[j].kind == TokenKind::Possessive
        {
            return true;
        }
        if !w.ends_with("ing")
            && matches!(
                p,
                "from"
                    | "in"
                    | "into"
                    | "on"
                    | "of"
                    | "over"
                    | "with"
                    | "for"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "by"
                    | "amid"
                    | "against"
                    | "since"
                    | "despite"
                    | "following"
                    | "without"
                    | "including"
                    | "among"
                    | "between"
                    | "across"
            )
        {
            return true;
        }
        if toks[j].kind == TokenKind::Punct
            || p.ends_with("ed")
            || BE.contains(&p)
            || matches!(
                p,
                "to" | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
                    | "not"
                    | "and"
                    | "or"
            )
        {
            break;
        }
    }
    false
}

/// Modal verbs: never the head of a noun phrase.
const MODALS: &[&str] = &[
    "would", "will", "could", "might", "should", "must", "shall", "can",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "got", "get", "gets",
];
const ADVERBS: &[&str] = &[
    "also",
    "reportedly",
    "allegedly",
    "later",
    "then",
    "formally",
    "officially",
    "subsequently",
    "previously",
    "already",
    "not",
    "never",
    "swiftly",
    "quickly",
    "publicly",
    "recently",
    "again",
    "jointly",
    "separately",
    "repeatedly",
    "strongly",
    "sharply",
    "immediately",
    "eventually",
    "had",
    "has",
    "have",
    "just",
    "firmly",
    "further",
];
const CLAUSE_WORDS: &[&str] = &[
    "which", "who", "whom", "while", "whereas", "but", "although", "though", "because", "when",
    "after", "before", "as", "since", "whose", "where", "whom",
];
/// Verbs of saying, after which a pronoun is the speaker.
pub(crate) const REPORTING: &[&str] = &[
    "said",
    "says",
    "announced",
    "stated",
    "added",
    "insisted",
    "claimed",
    "warned",
    "told",
    "noted",
];
/// Words that introduce a time clause or phrase ("hours after the EU imposed…").
const TEMPORAL: &[&str] = &[
    "after", "before", "since", "until", "as", "when", "while", "once",
];

/// Prepositions that end the search for a target: what follows is a cause, place or time.
pub(crate) const STOP_PREPS: &[&str] = &[
    "over",
    "about",
    "amid",
    "because",
    "for",
    "after",
    "in",
    "at",
    "during",
    "despite",
    "following",
    "since",
    "while",
    "when",
    "as",
    "near",
    "outside",
    "before",
    "until",
    "under",
    "within",
    "following",
    "where",
    "which",
    "who",
    "that",
    "said",
    "says",
    "told",
    "according",
];
const NON_AGENT_PREPS: &[&str] = &[
    "in", "at", "near", "of", "from", "to", "with", "for", "over", "against", "on", "into", "by",
    "about", "amid", "outside", "inside", "toward", "towards", "across", "between", "among",
    "than", "like", "through", "under", "after", "before", "during", "since",
];
const PRONOUNS: &[&str] = &["it", "he", "she", "they", "him", "her", "them", "its"];

fn is_clause_break(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if matches!(
        t.lower.as_str(),
        ";" | "—" | "–" | ":" | "(" | ")" | "\"" | "“" | "”"
    ) {
        return true;
    }
    if t.lower == "as" && !(i > 0 && toks[i - 1].lower == ",") {
        // "described as intelligence officers", "as well as": not a clause.
        return false;
    }
    if CLAUSE_WORDS.contains(&t.lower.as_str()) {
        // "since 1994", "after the attack" are phrases, not clauses.
        let next = toks.get(i + 1);
        if matches!(t.lower.as_str(), "since" | "after" | "before" | "as")
            && next.is_some_and(|n| {
                n.kind == TokenKind::Number
                    || matches!(
                        n.lower.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "well"
                            | "part"
                            | "of"
                            | "early"
                            | "late"
                    )
            })
        {
            return false;
        }
        return true;
    }
    // A reporting verb opens the reported clause: "the ministry said it had summoned…".
    if matches!(
        t.lower.as_str(),
        "said" | "says" | "announced" | "stated" | "added" | "noted" | "insisted" | "claimed"
    ) && toks.get(i + 1).is_some_and(|n| {
        !matches!(
            n.lower.as_str(),
            "in" | "on" | "at" | "." | "," | "by" | "the" | "a"
        )
    }) {
        return true;
    }
    // ", and" / ", but" start a new clause.
    t.lower == ","
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "and" | "but" | "while" | "which" | "who"))
}

/// The first token of the clause holding `head`, stepping over an embedded relative clause
/// ("Lukashenko, who has ruled Belarus since 1994, freed…").
pub(crate) fn clause_start(toks: &[Token], head: usize) -> usize {
    let mut i = head;
    while i > 0 {
        i -= 1;
        if toks[i].lower == ")" {
            // A parenthesis ("ECOWAS (the bloc) imposed…"): step over it.
            if let Some(open) = (i.saturating_sub(12)..i)
                .rev()
                .find(|&j| toks[j].lower == "(")
            {
                i = open;
                continue;
            }
        }
        if toks[i].lower == "," {
            // ", who … ," right before: skip it.
            let lo = i.saturating_sub(20);
            if let Some(j) = (lo..i).rev().find(|&j| {
                matches!(toks[j].lower.as_str(), "who" | "which")
                    && j > 0
                    && toks[j - 1].lower == ","
            }) {
                if !toks[j + 1..i]
                    .iter()
                    .any(|t| t.lower == "," || t.lower == ";")
                {
                    i = j - 1;
                    continue;
                }
            }
        }
        if is_clause_break(toks, i) {
            return i + 1;
        }
    }
    0
}

/// Whether token `at` lies inside a ", which … ," or ", who … ," clause that closes before
/// `head` (so it cannot hold the subject of `head`).
fn inside_relative_clause(toks: &[Token], at: usize, head: usize) -> bool {
    let open = (at.saturating_sub(20)..at).rev().find(|&j| {
        matches!(toks[j].lower.as_str(), "which" | "who" | "whose")
            && j > 0
            && toks[j - 1].lower == ","
    });
    let Some(open) = open else { return false };
    if toks[open..at].iter().any(|t| t.lower == ",") {
        return false;
    }
    (at..head).any(|k| toks[k].lower == ",")
}

/// The preposition governing the phrase that starts at `start`, looking past determiners.
fn governing_prep(toks: &[Token], start: usize) -> Option<&str> {
    let mut i = start;
    while i > 0 {
        i -= 1;
        let w = toks[i].lower.as_str();
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "this"
                | "that"
                | "these"
                | "those"
        ) || REGION_ADJECTIVES.contains(&w)
        {
            // "in eastern Ukraine", "in the northern Gaza Strip".
            continue;
        }
        // "thousands of people", "tens of thousands of protesters": a quantity, not a
        // preposition; look further left.
        if w == "of"
            && i > 0
            && matches!(
                toks[i - 1].lower.as_str(),
                "thousands"
                    | "hundreds"
                    | "dozens"
                    | "millions"
                    | "scores"
                    | "tens"
                    | "group"
                    | "groups"
                    | "crowd"
                    | "crowds"
                    | "number"
                    | "some"
                    | "many"
                    | "most"
                    | "all"
                    | "several"
                    | "both"
            )
        {
            i -= 1;
            while i > 0
                && (toks[i - 1].kind == TokenKind::Number
                    || matches!(
                        toks[i - 1].lower.as_str(),
                        "tens" | "of" | "thousands" | "hundreds" | "a" | "the"
                    ))
            {
                i -= 1;
            }
            continue;
        }
        // "called in the Chinese ambassador", "hauled in the envoy": a particle, not a place.
        if w == "in"
            && i > 0
            && (is_form_of(&toks[i - 1].lower, "call") || is_form_of(&toks[i - 1].lower, "haul"))
        {
            return None;
        }
        return Some(w);
    }
    None
}

pub(crate) fn clause_end(toks: &[Token], head: usize) -> usize {
    ((head + 1)..toks.len())
        .find(|&i| is_clause_break(toks, i))
        .unwrap_or(toks.len())
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "any", "'s", "of", "no",
];
const NOUN_MODIFIERS: &[&str] = &[
    "alleged",
    "reported",
    "suspected",
    "apparent",
    "latest",
    "new",
    "recent",
    "brutal",
    "deadly",
    "fresh",
    "further",
    "possible",
    "planned",
    "renewed",
    "large",
    "massive",
    "major",
    "first",
    "second",
    "unprecedented",
    "fatal",
    "systematic",
    "widespread",
    "continued",
    "ongoing",
];

/// Whether a word that can be a verb is used as a noun here ("the alleged torture of").
fn used_as_noun(toks: &[Token], head: usize) -> bool {
    let before = |k: usize| head.checked_sub(k).map(|i| toks[i].lower.as_str());
    let participle_after_prep = toks[head].lower.ends_with("ed")
        && before(1).is_some_and(|w| {
            matches!(
                w,
                "from" | "in" | "into" | "across" | "on" | "of" | "over" | "with"
            )
        });
    participle_after_prep
        || before(1).is_some_and(|w| DETERMINERS.contains(&w))
        || (before(1).is_some_and(|w| NOUN_MODIFIERS.contains(&w))
            && before(2).is_some_and(|w| DETERMINERS.contains(&w)))
}

fn is_passive(toks: &[Token], head: usize) -> bool {
    let h = &toks[head].lower;
    let participle = h.ends_with("ed")
        || matches!(
            h.as_str(),
            "shot"
                | "struck"
                | "hit"
                | "beaten"
                | "held"
                | "taken"
                | "seized"
                | "brought"
                | "sent"
                | "given"
                | "shut"
                | "cut"
                | "freed"
                | "told"
                | "broken"
                | "stolen"
                | "kept"
                | "put"
                | "caught"
                | "found"
                | "made"
                | "set"
                | "let"
                | "overrun"
                | "withdrawn"
                | "drawn"
                | "thrown"
        );
    if !participle {
        return false;
    }
    if toks.get(head + 1).is_some_and(|t| t.lower == "by") {
        return true;
    }
    let mut i = head;
    while i > 0 {
        i -= 1;
        let w = toks[i].lower.as_str();
        if BE.contains(&w) {
            return true;
        }
        // "the ambassador was summoned and handed a protest note": a verb of giving or telling
        // joined to a passive shares its voice (and its subject, the one acted upon).
        if w == "and"
            && i + 1 == head
            && i > 0
            && SHARED_PASSIVE.contains(&h.as_str())
            && is_passive(toks, i - 1)
        {
            return true;
        }
        if !ADVERBS.contains(&w) && toks[i].kind != TokenKind::Punct {
            return false;
        }
    }
    false
}

/// Verbs of giving or telling that take the voice of a passive they are joined to
/// ("was summoned and handed a note", "were detained and told to leave").
const SHARED_PASSIVE: &[&str] = &[
    "handed",
    "given",
    "told",
    "informed",
    "warned",
    "served",
    "issued",
    "presented",
    "shown",
    "sent",
    "reprimanded",
];

/// Actors found for the trigger's roles.
struct Roles {
    sources: Vec<Actor>,
    targets: Vec<Actor>,
    via_context: bool,
    /// The modality an attribution gives the act ("blamed India for the bombing": alleged),
    /// overriding the one read from the clause.
    modality: Option<Modality>,
}

/// Expand a chosen mention to the mentions coordinated with it ("Britain and France").
/// The mention an apposition describes: "The Czech Republic, a NATO member, expelled…" and
/// "Andrei Belousov, Russia's defence minister, visited…" name one actor, the first.
fn apposition_head(mentions: &[Mention], toks: &[Token], mi: usize) -> Option<usize> {
    let m = &mentions[mi];
    let plain = |i: usize| {
        let w = toks[i].lower.as_str();
        toks[i].kind == TokenKind::Word && !matches!(w, "and" | "or" | "but" | "who" | "which")
    };
    let c1 = (m.tok_start.saturating_sub(3)..m.tok_start)
        .rev()
        .find(|&i| toks[i].lower == ",")?;
    if !(c1 + 1..m.tok_start).all(|i| {
        matches!(
            toks[i].lower.as_str(),
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "fellow"
        )
    }) {
        return None;
    }
    let c2 = (m.tok_end..toks.len().min(m.tok_end + 4)).find(|&i| toks[i].lower == ",")?;
    if !(m.tok_end..c2).all(|i| plain(i) || toks[i].kind == TokenKind::Possessive) {
        return None;
    }
    mentions
        .iter()
        .position(|x| x.tok_end == c1 && !x.weak && x.actor.key() != m.actor.key())
}

/// The list that starts at mention `mi`: it and the members coordinated after it.
///
/// A list of objects may end in a possessed description: "a meeting between Wang Yi and his
/// Japanese counterpart".
fn list_from(mentions: &[Mention], toks: &[Token], mi: usize) -> Vec<usize> {
    coordinated_with(mentions, toks, mi, true)
        .into_iter()
        .filter(|&k| k >= mi)
        .collect()
}

fn coordinated(mentions: &[Mention], toks: &[Token], idx: usize) -> Vec<usize> {
    coordinated_with(mentions, toks, idx, false)
}

/// The mentions coordinated with mention `idx`; with `possessive_joins`, "X and his Y" too.
fn coordinated_with(
    mentions: &[Mention],
    toks: &[Token],
    idx: usize,
    possessive_joins: bool,
) -> Vec<usize> {
    if let Some(h) = apposition_head(mentions, toks, idx) {
        return vec![h];
    }
    let mut out = vec![idx];
    // "to Trump and to Kim", "with Paris and with Berlin": the preposition of the first member
    // repeated before the next one.
    let repeated_prep = |a: usize, words: &[&str]| {
        let (["and", p] | [",", "and", p]) = words else {
            return false;
        };
        matches!(*p, "to" | "with" | "against" | "on" | "for")
            && mentions
                .iter()
                .find(|m| m.tok_end == a)
                .and_then(|m| governing_prep(toks, m.tok_start))
                == Some(*p)
    };
    let joiner = |a: usize, b: usize| {
        if a > b {
            // Two mentions over the same words ("the four governments").
            return true;
        }
        let words: Vec<&str> = toks[a..b]
            .iter()
            .map(|t| t.lower.as_str())
            .filter(|w| *w != "the")
            .collect();
        matches!(
            words.as_slice(),
            [","]
                | ["and"]
                | [",", "and"]
                | ["or"]
                | [",", "or"]
                | ["as", "well", "as"]
                | [",", "as", "well", "as"]
                | ["and", "also"]
        ) || repeated_prep(a, &words)
            || (possessive_joins
                && matches!(words.as_slice(), ["and", "his" | "her" | "its" | "their"]))
    };
    // A place phrase is no partner: "In Washington, President Joe Biden …".
    let placed = |k: usize| {
        governing_prep(toks, mentions[k].tok_start).is_some_and(|p| LOCATIVE.contains(&p))
    };
    let mut i = idx;
    while i > 0
        && joiner(mentions[i - 1].tok_end, mentions[i].tok_start)
        && placed(i - 1) == placed(idx)
    {
        i -= 1;
        out.insert(0, i);
    }
    // Rightwards a list shares its first member's preposition ("at Israel and the United
    // States").
    let mut j = idx;
    while j + 1 < mentions.len() && joiner(mentions[j].tok_end, mentions[j + 1].tok_start) {
        j += 1;
        out.push(j);
    }
    // "X, Y, …" with no "and" closing the list: Y describes X.
    if let Some(&last) = out.last() {
        if apposition_head(mentions, toks, last) == Some(out[out.len() - 2.min(out.len())]) {
            out.pop();
        }
    }
    out
}

struct Ctx<'a> {
    /// Keys of the current trigger's sources: an object pronoun ("thanked her") is someone else.
    exclude: std::cell::RefCell<Vec<String>>,
    /// Set while the subject of a passive is sought: a pronoun there is acted upon, so it is
    /// not the sources either ("…, where he was handed a protest").
    passive_subject: std::cell::Cell<bool>,
    lex: &'a Lexicon,
    /// The document text the tokens index into.
    text: &'a str,
    toks: &'a [Token],
    mentions: &'a [Mention],
    /// Actors of earlier sentences, most recent last (for pronouns).
    history: &'a [Actor],
    /// Trigger heads of this sentence.
    heads: &'a [usize],
    /// The subject of the sentence before, when it was one actor: a pronoun opening this
    /// sentence continues it.
    prev_subject: Option<&'a Actor>,
    /// The country of the story's dateline, for arrivals with no place named.
    dateline_country: Option<&'a str>,
}

impl Ctx<'_> {
    fn pronoun_actor(&self, at: usize) -> Option<Actor> {
        let w = self.toks[at].lower.as_str();
        let person = matches!(w, "he" | "she" | "him" | "her");
        // "The 27 leaders asked for sanctions. They demanded…": a subject pronoun opening a
        // sentence continues the subject of the one before, when the two agree.
        if at == 0 {
            if let Some(s) = self.prev_subject {
                let agrees = match w {
                    "he" | "she" => s.kind == ActorKind::Person,
                    "they" => {
                        s.kind == ActorKind::Igo
                            || s.kind == ActorKind::NonState
                            || (s.kind == ActorKind::State && !s.code.ends_with("GOV"))
                    }
                    "it" => {
                        matches!(s.kind, ActorKind::State | ActorKind::Igo)
                            && (s.code.ends_with("GOV") || s.kind == ActorKind::Igo)
                    }
                    _ => false,
                };
                if agrees {
                    return Some(s.clone());
                }
            }
        }
        // "The kingdom … announced the recall of its own envoy": a possessive with "own" is
        // the subject of its clause, never the party acted upon.
        if matches!(w, "its" | "their" | "his" | "her")
            && self.toks.get(at + 1).is_some_and(|t| t.lower == "own")
        {
            // (With no subject found, no guess: the nearest actor is usually the object.)
            return self
                .previous_clause_subject(at)
                .and_then(|(subj, _)| subj.into_iter().next());
        }
        // "Qatar, which brokered …, said it regretted": after a reporting verb the pronoun is
        // its subject.
        let mut r = at;
        if r > 0 && self.toks[r - 1].lower == "that" {
            r -= 1;
        }
        if r > 0 && REPORTING.contains(&self.toks[r - 1].lower.as_str()) {
            if let Some((subj, _)) = self.left_agent(r - 1, false) {
                if let Some(a) = subj
                    .into_iter()
                    .find(|a| (a.kind == ActorKind::Person) == person || !person)
                {
                    return Some(a);
                }
            }
        }
        // A place ("at a summit in Abuja") is not what "it" or "he" refers to.
        let earlier = self
            .mentions
            .iter()
            .filter(|m| {
                m.tok_end <= at
                    && !m.weak
                    && !governing_prep(self.toks, m.tok_start)
                        .is_some_and(|p| LOCATIVE.contains(&p))
            })
            .map(|m| &m.actor)
            .rev()
            .chain(self.history.iter().rev());
        let object = matches!(w, "him" | "her" | "them") || self.passive_subject.get();
        let exclude = self.exclude.borrow();
        let candidates: Vec<&Actor> = earlier
            .filter(|a| a.kind != ActorKind::Media && !(object && exclude.contains(&a.key())))
            .collect();
        // "They" stands for people more often than for a state: armed groups, troops, police,
        // crowds named lately come before governments.
        let plural = matches!(w, "they" | "them" | "their");
        let group = |a: &&&Actor| {
            a.kind == ActorKind::NonState
                || (matches!(a.kind, ActorKind::State | ActorKind::Other)
                    && !a.code.ends_with("GOV")
                    && !a.code.is_empty())
        };
        // "Reporter X and former Marine Y … freed them": two people named last are "them".
        let two_people = plural
            && candidates.len() >= 2
            && candidates[..2].iter().all(|a| a.kind == ActorKind::Person)
            && candidates[0].key() != candidates[1].key();
        plural
            .then(|| {
                candidates
                    .iter()
                    .take(6)
                    .find(group)
                    .filter(|_| !two_people)
                    .or_else(|| two_people.then(|| &candidates[0]))
            })
            .flatten()
            .or_else(|| {
                candidates
                    .iter()
                    .find(|a| (a.kind == ActorKind::Person) == person)
            })
            .or_else(|| if person { candidates.first() } else { None })
            .map(|a| (*a).clone())
    }

    /// "Thirteen embassies, among them those of the United States and Britain, said that
    /// they…": a plural pronoun after a verb of saying is every member of its subject.
    fn plural_speaker(&self, at: usize) -> Option<Vec<Actor>> {
        if !matches!(self.toks[at].lower.as_str(), "they" | "them") {
            return None;
        }
        if self.toks[at].lower == "them" && (at == 0 || self.toks[at - 1].lower != "that") {
            return self.speakers_as_object(at);
        }
        if at == 0 || self.toks[at - 1].lower != "that" {
            return None;
        }
        // "said in a joint statement on Tuesday that they…"
        let r = (at.saturating_sub(12)..at - 1)
            .rev()
            .take_while(|&i| self.toks[i].lower != "," && !is_clause_break(self.toks, i))
            .find(|&i| REPORTING.contains(&self.toks[i].lower.as_str()))?;
        let (subj, _) = self.left_agent(r, false)?;
        (subj.len() >= 2).then_some(subj)
    }

    /// "Mali and Burkina Faso warned that any intervention against Niger would be a declaration
    /// of war against them": "them" in what plural speakers report is the speakers, when no
    /// other group or pair was named since the verb of saying.
    fn speakers_as_object(&self, at: usize) -> Option<Vec<Actor>> {
        let r = (0..at)
            .rev()
            .find(|&i| REPORTING.contains(&self.toks[i].lower.as_str()))?;
        let named_since = self.mentions.iter().enumerate().any(|(mi, m)| {
            m.tok_start > r
                && m.tok_end <= at
                && !m.weak
                && (m.actor.kind == ActorKind::NonState
                    || !m.actor.code.ends_with("GOV")
                    || coordinated(self.mentions, self.toks, mi).len() > 1)
        });
        if named_since {
            return None;
        }
        let (subj, _) = self.left_agent(r, false)?;
        (subj.len() >= 2).then_some(subj)
    }

    /// The subject on the left of `head` within its clause.
    fn left_agent(&self, head: usize, stop_at_other_trigger: bool) -> Option<(Vec<Actor>, bool)> {
        let cs = clause_start(self.toks, head);
        if stop_at_other_trigger && self.heads.iter().any(|&h| h < head && h >= cs) {
            // The noun is an argument of another trigger ("condemned the torture"): its own
            // agent is not the clause subject.
            return None;
        }
        let lower_bound = cs;
        // Nearest mention (or pronoun) left of the head, not governed by a preposition.
        let mut best: Option<(usize, Option<usize>)> = None; // (token pos, mention idx)
        for (mi, m) in self.mentions.iter().enumerate() {
            if m.tok_end <= head
                && m.tok_start >= lower_bound
                && !inside_relative_clause(self.toks, m.tok_start, head)
                && m.actor.kind != ActorKind::Media
                && !m.weak
            {
                let prev = governing_prep(self.toks, m.tok_start);
                let starts_clause = (cs..m.tok_start)
                    .all(|k| matches!(self.toks[k].lower.as_str(), "the" | "a" | "an"));
                // "after the European Union imposed …": the subject of a time clause.
                // "after a U.S. fighter jet shot down…": the mention may name the subject's
                // nationality, a noun or two before its verb.
                let time_clause_subject = prev.is_some_and(|p| TEMPORAL.contains(&p))
                    && (self.toks[m.tok_end..head].iter().all(|t| {
                        ADVERBS.contains(&t.lower.as_str()) || BE.contains(&t.lower.as_str())
                    }) || (head - m.tok_end <= 2
                        && self.toks[m.tok_end..head].iter().all(|t| {
                            t.kind == TokenKind::Word
                                && !NON_AGENT_PREPS.contains(&t.lower.as_str())
                                && !STOP_PREPS.contains(&t.lower.as_str())
                                && !DETERMINERS.contains(&t.lower.as_str())
                                && t.lower != "and"
                        })));
                if !starts_clause
                    && !time_clause_subject
                    && !named_members(self.toks, m.tok_start)
                    && !partitive_subject(self.toks, cs, m.tok_start)
                    && prev.is_some_and(|p| NON_AGENT_PREPS.contains(&p))
                {
                    continue;
                }
                if best.is_none_or(|(p, _)| m.tok_start > p) {
                    best = Some((m.tok_start, Some(mi)));
                }
            }
        }
        for p in lower_bound..head {
            if matches!(self.toks[p].lower.as_str(), "it" | "he" | "she" | "they")
                && head - p <= 4
                && best.is_none_or(|(bp, _)| p > bp)
            {
                best = Some((p, None));
            }
        }
        if best.is_none()
            && cs >= 2
            && matches!(self.toks[cs - 1].lower.as_str(), "which" | "who" | "whose")
            && self.toks[cs - 2].lower == ","
        {
            // "Russia, which denies any involvement": the antecedent right before.
            if let Some(mi) = self
                .mentions
                .iter()
                .position(|m| m.tok_end == cs - 2 && !m.weak)
            {
                best = Some((self.mentions[mi].tok_start, Some(mi)));
            }
        }
        if best.is_none() {
            if let Some(a) = self.chaired_body(cs, head) {
                return Some((vec![a], true));
            }
        }
        match best? {
            (_, Some(mi)) => Some(self.group(&coordinated(self.mentions, self.toks, mi), None)),
            (p, None) => self
                .plural_speaker(p)
                .or_else(|| self.pronoun_actor(p).map(|a| vec![a]))
                .map(|a| (a, true)),
        }
    }

    /// The subject a verb coordinated with "and" shares with the verb before it: the nearest
    /// mention of the clause that is neither governed by a preposition nor the object of a
    /// verb in the past tense ("Israel captured the Golan Heights from Syria and annexed it":
    /// Israel, not the Heights nor Syria).
    fn shared_subject(&self, head: usize) -> Option<(Vec<Actor>, bool)> {
        let cs = clause_start(self.toks, head);
        let mi = (0..self.mentions.len()).rev().find(|&mi| {
            let m = &self.mentions[mi];
            if m.tok_end > head
                || m.tok_start < cs
                || m.weak
                || m.actor.kind == ActorKind::Media
                || inside_relative_clause(self.toks, m.tok_start, head)
            {
                return false;
            }
            let starts_clause = (cs..m.tok_start)
                .all(|k| matches!(self.toks[k].lower.as_str(), "the" | "a" | "an"));
            if starts_clause {
                return true;
            }
            let prev = governing_prep(self.toks, m.tok_start);
            !prev.is_some_and(|p| NON_AGENT_PREPS.contains(&p)) && !self.object_of_verb(m.tok_start)
        })?;
        Some(self.group(&coordinated(self.mentions, self.toks, mi), None))
    }

    /// Whether the phrase at `start` is the object of a verb in the past tense: a plain
    /// lower-case "-ed" or irregular past form before it (over determiners and "most of"),
    /// which is no verb of saying and no adjective after a determiner ("the exiled leader").
    fn object_of_verb(&self, start: usize) -> bool {
        let Some(w) = governing_prep(self.toks, start) else {
            return false;
        };
        let Some(v) = (0..start).rev().find(|&i| self.toks[i].lower == w) else {
            return false;
        };
        let past = (w.ends_with("ed") && w.len() > 4 && !w.contains('-'))
            || crate::inflect::is_irregular_past(w);
        let cap = self.text[self.toks[v].span.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        past && !cap
            && !REPORTING.contains(&w)
            && v > 0
            && !DETERMINERS.contains(&self.toks[v - 1].lower.as_str())
            && self.toks[v - 1].kind != TokenKind::Punct
    }

    /// "the National Security Committee, chaired by Prime Minister X, …": a body the
    /// dictionaries do not know, described by who chairs or leads it, is that person's (or
    /// country's) government. Looks between `from` and `head` for ", chaired|headed|led|
    /// presided over by ACTOR," right after the subject phrase.
    fn chaired_body(&self, from: usize, head: usize) -> Option<Actor> {
        let toks = self.toks;
        let k = (from + 1..head.saturating_sub(2)).find(|&k| {
            toks[k - 1].lower == ","
                && matches!(
                    toks[k].lower.as_str(),
                    "chaired" | "headed" | "led" | "presided" | "convened"
                )
        })?;
        let by = (k + 1..(k + 3).min(head)).find(|&i| toks[i].lower == "by")?;
        // The subject phrase before the comma: a few words, no actor, no verb of saying.
        if (from..k - 1).any(|i| {
            REPORTING.contains(&toks[i].lower.as_str())
                || is_clause_break(toks, i)
                || self.mentions.iter().any(|m| m.tok_start == i && !m.weak)
        }) || k - 1 - from > 8
        {
            return None;
        }
        let mi = self.mentions.iter().position(|m| {
            (m.tok_start == by + 1
                || (m.tok_start == by + 2 && DETERMINERS.contains(&toks[by + 1].lower.as_str())))
                && !m.weak
        })?;
        let m = &self.mentions[mi];
        // The apposition closes before the verb.
        if toks.get(m.tok_end).is_none_or(|t| t.lower != ",") || m.tok_end >= head {
            return None;
        }
        (!m.actor.country.is_empty() && m.actor.kind != ActorKind::Media)
            .then(|| crate::actors::country_actor(self.lex, &m.actor.country, "GOV", ""))
    }

    /// The first actor after position `from`, before a stop word, comma or clause break.
    fn right_actor(
        &self,
        from: usize,
        skip_by: bool,
        avoid: &[String],
    ) -> Option<(Vec<Actor>, bool)> {
        self.right_actor_through(from, skip_by, avoid, false)
    }

    /// As [`Self::right_actor`]; with `through_places`, place phrases ("at the air base in
    /// Erbil") do not end the search: the target of an attack often follows them.
    fn right_actor_through(
        &self,
        from: usize,
        skip_by: bool,
        avoid: &[String],
        through_places: bool,
    ) -> Option<(Vec<Actor>, bool)> {
        let mut i = from;
        let mut saw_prep = false;
        while i < self.toks.len() {
            if let Some(mi) = self.mentions.iter().position(|m| m.tok_start == i) {
                let m = &self.mentions[mi];
                let own = m.actor.code.ends_with("GOV") && avoid.contains(&m.actor.country);
                if (m.weak && saw_prep) || own {
                    i = m.tok_end;
                    continue;
                }
                let prev = governing_prep(self.toks, i);
                let by = prev == Some("by");
                let locative =
                    prev.is_some_and(|p| LOCATIVE.contains(&p)) || owned_place(self.toks, m);
                let idx = list_from(self.mentions, self.toks, mi);
                // "reacted to a remark by Blinken", "rejected the proposal by Egypt": the "by"
                // phrase of a word or a decision names whose it is, the one answered.
                let noun_agent = by
                    && (i.saturating_sub(3)..i)
                        .rev()
                        .find(|&k| self.toks[k].lower == "by")
                        .filter(|&b| b > 0)
                        .is_some_and(|b| {
                            let w = self.toks[b - 1].lower.as_str();
                            SPEECH_NOUNS.contains(&w) || ANSWERED_NOUNS.contains(&w)
                        });
                let by = by && !noun_agent;
                if m.actor.kind != ActorKind::Media && !(skip_by && by) && !locative {
                    return Some(self.group(&idx, None));
                }
                // Skip the whole coordinated phrase ("by the United States and France").
                i = idx
                    .last()
                    .map(|&k| self.mentions[k].tok_end)
                    .unwrap_or(m.tok_end);
                continue;
            }
            let w = self.toks[i].lower.as_str();
            if let Some(a) = self.relation_actor(i, avoid) {
                return Some((vec![a], true));
            }
            let hosting = |k: usize| {
                self.toks.get(k).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "host" | "hosts" | "hosted" | "house" | "houses" | "housing" | "hosting"
                    )
                })
            };
            let place = through_places
                && (matches!(
                    w,
                    "at" | "in" | "near" | "on" | "into" | "across" | "hosting" | "housing"
                ) || (matches!(w, "that" | "which") && hosting(i + 1)));
            if !place && (STOP_PREPS.contains(&w) || is_clause_break(self.toks, i) || w == ",") {
                return None;
            }
            saw_prep |= NON_AGENT_PREPS.contains(&w);
            let after_prep = i > 0
                && matches!(
                    self.toks[i - 1].lower.as_str(),
                    "with" | "against" | "on" | "to" | "toward" | "towards" | "from"
                );
            // "rejected what it described as …": the pronoun speaks, it is not the object.
            let what_clause = i > 0 && self.toks[i - 1].lower == "what";
            // "warned it would shoot down…": a pronoun before a modal is the subject of the
            // clause, not the one acted upon.
            let subject = self.toks.get(i + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "would" | "will" | "could" | "might" | "may" | "was" | "were" | "had" | "has"
                )
            });
            if PRONOUNS.contains(&w)
                && w != "its"
                && !what_clause
                && !subject
                && (i <= from + 1 || after_prep)
            {
                return self
                    .plural_speaker(i)
                    .or_else(|| self.pronoun_actor(i).map(|a| vec![a]))
                    .map(|a| (a, true));
            }
            i += 1;
        }
        None
    }

    /// "its western neighbour", "its close ally", "their rival" at `at`: the state named
    /// last before, other than the source's own (`avoid`).
    fn relation_actor(&self, at: usize, avoid: &[String]) -> Option<Actor> {
        if !matches!(self.toks[at].lower.as_str(), "its" | "their") {
            return None;
        }
        let noun = (at + 1..self.toks.len().min(at + 4))
            .take_while(|&k| self.toks[k].kind == TokenKind::Word)
            .find(|&k| RELATION_NOUNS.contains(&self.toks[k].lower.as_str()))?;
        // Only adjectives in between: "its longtime ally", not "its ally's troops".
        if self
            .toks
            .get(noun + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
        {
            return None;
        }
        let exclude = self.exclude.borrow();
        self.mentions
            .iter()
            .filter(|x| x.tok_end <= at && !x.weak)
            .map(|x| &x.actor)
            .rev()
            .chain(self.history.iter().rev())
            .find(|a| {
                a.kind == ActorKind::State
                    && !a.country.is_empty()
                    && !avoid.contains(&a.country)
                    && !exclude.contains(&a.key())
            })
            .map(|a| crate::actors::country_actor(self.lex, &a.country, "GOV", ""))
    }

    /// The actor a trigger whose object is part of the match goes to: the mention just after
    /// the match when it ends in a preposition ("arrived on Tuesday in Washington"), or after
    /// a preposition that follows it ("pledged $2 billion in aid to Ukraine").
    fn after_trigger(
        &self,
        m: &TriggerMatch,
        head: usize,
        avoid: &[String],
    ) -> Option<(Vec<Actor>, bool)> {
        const TO: &[&str] = &["to", "for", "against", "on", "with", "into", "in", "at"];
        if m.end <= head + 1 {
            return None;
        }
        let mut k = m.end;
        if !TO.contains(&self.toks[k - 1].lower.as_str()) {
            let t = self.toks.get(k)?;
            if !TO.contains(&t.lower.as_str()) || t.lower == "in" || t.lower == "at" {
                return None;
            }
            k += 1;
        }
        if self
            .toks
            .get(k)
            .is_some_and(|t| DETERMINERS.contains(&t.lower.as_str()))
        {
            k += 1;
        }
        let mi = self.mentions.iter().position(|x| {
            x.tok_start == k
                && !x.weak
                && x.actor.kind != ActorKind::Media
                && !(x.actor.code.ends_with("GOV") && avoid.contains(&x.actor.country))
                && !owned_place(self.toks, x)
        })?;
        Some(self.group(&list_from(self.mentions, self.toks, mi), None))
    }

    /// The first actor of a complement clause, not the source's own government, up to the
    /// end of the sentence or a clause break ("warned that any intervention against Niger").
    fn complement_actor(&self, from: usize, avoid: &[String]) -> Option<(Vec<Actor>, bool)> {
        let end = clause_end(self.toks, from.saturating_sub(1));
        let mi = self.mentions.iter().position(|m| {
            m.tok_start >= from
                && m.tok_end <= end
                && !m.weak
                && m.actor.kind != ActorKind::Media
                && !(m.actor.code.ends_with("GOV") && avoid.contains(&m.actor.country))
        })?;
        Some(self.group(&list_from(self.mentions, self.toks, mi), Some(true)))
    }

    /// The first actor named as a place ("in Beirut", "at the Ukrainian border") in the clause
    /// of `head` that passes `keep`.
    fn place_in_clause(&self, head: usize, keep: impl Fn(&Mention) -> bool) -> Option<&Mention> {
        let (cs, ce) = (clause_start(self.toks, head), clause_end(self.toks, head));
        self.mentions.iter().find(|x| {
            x.tok_start >= cs
                && x.tok_end <= ce
                && !x.weak
                && governing_prep(self.toks, x.tok_start).is_some_and(|p| LOCATIVE.contains(&p))
                && keep(x)
        })
    }

    /// The country of the place an act is aimed at, for the types whose target may be a place:
    /// a visit, an embassy closed or a truce broken somewhere ("arrived in Tehran", "shut its
    /// consulate in Mumbai", "broke the truce near Kherson") take the first place after the
    /// trigger in its clause; a recalled envoy the foreign place of the post; a reaction only a
    /// place right after its object ("condemned the coup in Niger", not "criticized the decision
    /// at a meeting in Geneva").
    fn place_target(&self, m: &TriggerMatch, pattern: &Pattern, own: &[&str]) -> Option<String> {
        let foreign =
            |x: &Mention| !x.actor.country.is_empty() && !own.contains(&x.actor.country.as_str());
        let placed = |x: &Mention| {
            !x.weak && governing_prep(self.toks, x.tok_start).is_some_and(|p| LOCATIVE.contains(&p))
        };
        let ty = pattern.event_type.as_str();
        // An envoy is recalled from the foreign capital of the post: "called its ambassador in
        // Algiers back", "brought its envoy home from Tehran", "pulled its ambassador out of
        // Paris" (the place may sit inside the trigger's own words).
        if ty == "recall_ambassador" {
            let end = clause_end(self.toks, m.head).max(m.end);
            return self
                .mentions
                .iter()
                .find(|x| {
                    x.tok_start > m.head
                        && x.tok_end <= end
                        && !x.weak
                        && governing_prep(self.toks, x.tok_start)
                            .is_some_and(|p| matches!(p, "in" | "at" | "from" | "of"))
                        && foreign(x)
                })
                .map(|x| x.actor.country.clone());
        }
        if PLACE_TARGETS.contains(&ty) {
            let end = clause_end(self.toks, m.head).max(m.end);
            return self
                .mentions
                .iter()
                .find(|x| x.tok_start >= m.end && x.tok_end <= end && placed(x))
                .filter(|x| foreign(x))
                .map(|x| x.actor.country.clone());
        }
        if !REACTIONS.contains(&ty) {
            return None;
        }
        // The object: a few plain words, then "in", then the place.
        let limit = self.toks.len().min(m.end + 5);
        let inn = (m.end..limit)
            .take_while(|&i| {
                let t = &self.toks[i];
                t.lower == "in"
                    || (t.kind == TokenKind::Word
                        && !NON_AGENT_PREPS.contains(&t.lower.as_str())
                        && !STOP_PREPS.contains(&t.lower.as_str())
                        && !PRONOUNS.contains(&t.lower.as_str())
                        && !is_clause_break(self.toks, i))
            })
            .find(|&i| self.toks[i].lower == "in")?;
        if inn == m.end {
            return None;
        }
        self.mentions
            .iter()
            .find(|x| x.tok_start > inn && x.tok_start <= inn + 3 && placed(x))
            .filter(|x| {
                foreign(x) && (inn + 1..x.tok_start).all(|k| self.toks[k].kind == TokenKind::Word)
            })
            .map(|x| x.actor.country.clone())
    }

    /// "expressed concern about Algeria's role", "disappointment over the U.S. comments": an
    /// opinion's target may follow its topic preposition.
    fn opinion_target(
        &self,
        m: &TriggerMatch,
        pattern: &Pattern,
        avoid: &[String],
    ) -> Option<(Vec<Actor>, bool)> {
        let opinion = matches!(
            pattern.event_type.as_str(),
            "disapprove" | "criticize" | "praise" | "accuse" | "deny_responsibility"
        );
        if !opinion {
            return None;
        }
        let end = clause_end(self.toks, m.head);
        let p = (m.end..end)
            .find(|&i| matches!(self.toks[i].lower.as_str(), "about" | "over" | "at" | "on"))?;
        let mi = self.mentions.iter().position(|x| {
            x.tok_start > p
                && x.tok_start <= p + 3
                && x.actor.kind != ActorKind::Media
                && !avoid.contains(&x.actor.country)
        })?;
        Some(self.group(&[mi], None))
    }

    /// "would not act at Washington's behest", "support for Israel's security was unwavering":
    /// an actor named inside a long trigger, after its head, is the one acted upon.
    fn inside_trigger(&self, m: &TriggerMatch, avoid: &[String]) -> Option<(Vec<Actor>, bool)> {
        let mi = self.mention_in_trigger(m, avoid, |x| x.tok_end < m.end && !x.weak)?;
        Some(self.group(&[mi], None))
    }

    /// The first actor mention starting inside a trigger's words after its head, neither a
    /// news outlet nor of the source's own country (`avoid`), that `keep` accepts.
    fn mention_in_trigger(
        &self,
        m: &TriggerMatch,
        avoid: &[String],
        keep: impl Fn(&Mention) -> bool,
    ) -> Option<usize> {
        self.mentions.iter().position(|x| {
            x.tok_start > m.head
                && x.tok_start < m.end
                && x.actor.kind != ActorKind::Media
                && !avoid.contains(&x.actor.country)
                && keep(x)
        })
    }

    /// "demanded that the government…", "warned that any intervention against Niger…": the
    /// target of a demand or warning may sit in its complement clause.
    fn complement_target(
        &self,
        m: &TriggerMatch,
        pattern: &Pattern,
        avoid: &[String],
    ) -> Option<(Vec<Actor>, bool)> {
        let complement = matches!(
            pattern.event_type.as_str(),
            "demand"
                | "appeal"
                | "threaten"
                | "threaten_force"
                | "threaten_sanctions"
                | "ultimatum"
                | "accuse"
        );
        if !complement {
            return None;
        }
        // "that" may sit inside the pattern itself ("warned that it would impose sanctions").
        let that = (m.head + 1..self.toks.len().min(m.end + 9))
            .take_while(|&i| i < m.end || !is_clause_break(self.toks, i))
            .find(|&i| self.toks[i].lower == "that")?;
        self.complement_actor(that + 1, avoid)
    }

    /// "lodged a protest after a U.S. fighter jet shot down…": the agent of the act a time or
    /// cause clause right after the trigger names is the one answered.
    fn cause_clause_agent(&self, m: &TriggerMatch, avoid: &[String]) -> Option<Vec<Actor>> {
        let toks = self.toks;
        let cause = |i: usize| matches!(toks[i].lower.as_str(), "after" | "when" | "because");
        let c = (m.end..toks.len().min(m.end + 5))
            .take_while(|&i| cause(i) || (toks[i].lower != "," && !is_clause_break(toks, i)))
            .find(|&i| cause(i))?;
        let x = self.mentions.iter().find(|x| {
            x.tok_start > c
                && x.tok_start <= c + 2
                && x.actor.kind != ActorKind::Media
                && (c + 1..x.tok_start).all(|k| DETERMINERS.contains(&toks[k].lower.as_str()))
        })?;
        // The clause names an act: a trigger follows its subject closely.
        if !self
            .heads
            .iter()
            .any(|&h| h >= x.tok_end && h <= x.tok_end + 3)
            || (x.actor.code.ends_with("GOV") && avoid.contains(&x.actor.country))
        {
            return None;
        }
        let idx = list_from(
            self.mentions,
            toks,
            self.mentions.iter().position(|y| y == x)?,
        );
        Some(self.group(&idx, None).0)
    }

    /// "told Wang Yi that …, and warned that …": a warning, appeal or demand joined to what the
    /// same speaker told someone is addressed to that someone.
    fn addressee(
        &self,
        m: &TriggerMatch,
        pattern: &Pattern,
        sources: &[String],
        avoid: &[String],
    ) -> Option<Vec<Actor>> {
        if !matches!(
            pattern.event_type.as_str(),
            "appeal" | "demand" | "threaten" | "threaten_force" | "threaten_sanctions"
        ) {
            return None;
        }
        let toks = self.toks;
        let tell = (0..m.start).rev().find(|&i| {
            matches!(
                toks[i].lower.as_str(),
                "told" | "tells" | "telling" | "informed" | "assured"
            )
        })?;
        let (speaker, _) = self.left_agent(tell, false)?;
        if !speaker.iter().any(|a| sources.contains(&a.key())) {
            return None;
        }
        let x = self.mentions.iter().find(|x| {
            (x.tok_start == tell + 1
                || (x.tok_start == tell + 2
                    && DETERMINERS.contains(&toks[tell + 1].lower.as_str())))
                && !x.weak
                && x.actor.kind != ActorKind::Media
                && !avoid.contains(&x.actor.country)
        })?;
        Some(vec![x.actor.clone()])
    }

    /// A person's name the dictionaries do not know at `at`: two or three capitalised words
    /// in no mention, not a place's name ("Kramatorsk Station"), not opening the sentence.
    fn unknown_person_at(&self, at: usize) -> Option<Actor> {
        let toks = self.toks;
        let capital = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && self.text[t.span.start..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && !self
                        .mentions
                        .iter()
                        .any(|x| x.tok_start <= k && k < x.tok_end)
            })
        };
        let n = (at..toks.len()).take_while(|&k| capital(k)).count();
        if at == 0 || !(2..=3).contains(&n) {
            return None;
        }
        let words = &toks[at..at + n];
        if words
            .iter()
            .any(|t| PLACE_WORDS.contains(&t.lower.as_str()))
        {
            return None;
        }
        let name = &self.text[words[0].span.start..words[n - 1].span.end];
        Some(Actor {
            name: name.to_string(),
            code: String::new(),
            country: String::new(),
            kind: ActorKind::Person,
        })
    }

    /// "withdrew permission for Britain's consulate to operate", "found X, a commander of
    /// Uganda's army, guilty": a verb pattern whose gap holds its object; the object's country
    /// (a possessive, a bare adjective or a name inside the trigger's own words) is the target.
    fn owner_in_trigger(&self, m: &TriggerMatch, avoid: &[String]) -> Option<(Vec<Actor>, bool)> {
        let x =
            &self.mentions[self.mention_in_trigger(m, avoid, |x| !x.actor.country.is_empty())?];
        Some((
            vec![crate::actors::country_actor(
                self.lex,
                &x.actor.country,
                "GOV",
                "",
            )],
            false,
        ))
    }

    /// The states holding the subject of a passive, and where the holding participle stands:
    /// "prisoners held in the United States and Germany", "Americans jailed by Russia". A
    /// place ("held in Gaza") names no holder: only a country's own name or an agent does.
    fn holders(&self, head: usize) -> Option<(usize, Vec<Actor>)> {
        let cs = clause_start(self.toks, head);
        let held = (cs..head).find(|&i| {
            matches!(
                self.toks[i].lower.as_str(),
                "held" | "jailed" | "imprisoned" | "detained" | "serving" | "interned"
            )
        })?;
        let prep = (held + 1..head.min(held + 4))
            .find(|&i| matches!(self.toks[i].lower.as_str(), "in" | "by"))?;
        let mi = self.mentions.iter().position(|x| {
            !x.weak
                && x.tok_end <= head
                && (x.tok_start == prep + 1
                    || (x.tok_start == prep + 2
                        && DETERMINERS.contains(&self.toks[prep + 1].lower.as_str())))
        })?;
        let by = self.toks[prep].lower == "by";
        let country_named = |k: usize| {
            let x = &self.mentions[k];
            let surface = &self.text[x.span.start..x.span.end];
            let surface = surface.strip_prefix("the ").unwrap_or(surface);
            self.lex.countries.iter().any(|c| {
                c.iso3 == x.actor.country
                    && (c.name == surface || c.aliases.iter().any(|a| a == surface))
            })
        };
        let list = list_from(self.mentions, self.toks, mi);
        if !by && !list.iter().all(|&k| country_named(k)) {
            return None;
        }
        let (actors, _) = self.group(&list, None);
        let states: Vec<Actor> = actors
            .into_iter()
            .filter(|a| !a.country.is_empty())
            .map(|a| crate::actors::country_actor(self.lex, &a.country, "GOV", ""))
            .collect();
        (!states.is_empty()).then_some((held, states))
    }

    /// The actor of a "by X" phrase after `from` in the clause.
    fn by_agent(&self, from: usize) -> Option<(Vec<Actor>, bool)> {
        let mut i = from;
        while i < self.toks.len() {
            if is_clause_break(self.toks, i) {
                return None;
            }
            if self.toks[i].lower == "by" {
                return self.right_actor(i + 1, false, &[]);
            }
            i += 1;
        }
        None
    }

    /// The agent of a noun: "the expulsion of 23 diplomats by Britain" — but not "a truce
    /// brokered by the United States", where the "by" belongs to the participle.
    fn noun_by_agent(&self, from: usize) -> Option<(Vec<Actor>, bool)> {
        let by = (from..self.toks.len().min(from + 8)).find(|&i| self.toks[i].lower == "by")?;
        if self.toks[from..by]
            .iter()
            .any(|t| t.lower.ends_with("ed") || is_clause_break(self.toks, from))
        {
            return None;
        }
        self.right_actor(by + 1, false, &[])
    }

    /// "Belarus's foreign minister said the Latvian ambassador had been summoned": a diplomatic
    /// act told in the passive by a government is that government's own.
    fn reporting_agent(&self, head: usize, pattern: &Pattern) -> Option<(Vec<Actor>, bool)> {
        if !matches!(
            pattern.event_type.as_str(),
            "summon_ambassador"
                | "expel_diplomats"
                | "protest_officially"
                | "recall_ambassador"
                | "close_embassy"
        ) {
            return None;
        }
        let r = (0..head)
            .rev()
            .find(|&i| REPORTING.contains(&self.toks[i].lower.as_str()))?;
        let (who, _) = self.left_agent(r, false)?;
        who.iter()
            .all(|a| {
                matches!(a.kind, ActorKind::State | ActorKind::Person) && !a.country.is_empty()
            })
            .then_some((who, true))
    }

    /// "was summoned to the Russian foreign ministry": the body summoned to is the agent.
    fn to_agent(&self, head: usize, pattern: &Pattern) -> Option<(Vec<Actor>, bool)> {
        if pattern.event_type != "summon_ambassador" {
            return None;
        }
        let to = (head + 1..self.toks.len().min(head + 3)).find(|&i| self.toks[i].lower == "to")?;
        self.right_actor(to + 1, false, &[])
    }

    /// The leftmost actor of the clause before `at`, not governed by a preposition: the
    /// subject shared by coordinated verbs ("Washington ordered …, and ordered …").
    fn previous_clause_subject(&self, at: usize) -> Option<(Vec<Actor>, bool)> {
        let cs = clause_start(self.toks, at);
        // The subject of the clause before, else of the sentence ("X said …, and urged …").
        let subject = |from: usize| {
            self.mentions.iter().position(|m| {
                m.tok_start >= from
                    && m.tok_end <= at
                    && !m.weak
                    && m.actor.kind != ActorKind::Media
                    && !governing_prep(self.toks, m.tok_start)
                        .is_some_and(|p| NON_AGENT_PREPS.contains(&p))
            })
        };
        // A sentence that opens with a participle ("Addressing supporters in Caracas, Maduro …")
        // has its subject after the first comma.
        let opening = if self.toks.first().is_some_and(|t| t.lower.ends_with("ing")) {
            self.toks
                .iter()
                .position(|t| t.lower == ",")
                .map(|c| c + 1)
                .filter(|&c| c < at)
                .unwrap_or(0)
        } else {
            0
        };
        let mi = subject(cs.max(opening)).or_else(|| subject(opening))?;
        Some(self.group(&coordinated(self.mentions, self.toks, mi), Some(true)))
    }

    /// The actors of the mentions `idx`, and whether any was resolved from context (or
    /// `via` when given).
    fn group(&self, idx: &[usize], via: Option<bool>) -> (Vec<Actor>, bool) {
        let actors = idx
            .iter()
            .map(|&i| self.mentions[i].actor.clone())
            .collect();
        (
            actors,
            via.unwrap_or_else(|| idx.iter().any(|&i| self.mentions[i].resolved)),
        )
    }

    /// "the recall of its own envoy", "the closure of their own embassy": the owner a
    /// reflexive possessive inside the noun's phrase names acts (the subject of the clause).
    fn reflexive_owner(&self, m: &TriggerMatch) -> Option<(Vec<Actor>, bool)> {
        let at = (m.start..(m.end + 1).min(self.toks.len().saturating_sub(1))).find(|&i| {
            matches!(self.toks[i].lower.as_str(), "its" | "their" | "his" | "her")
                && self.toks[i + 1].lower == "own"
        })?;
        self.pronoun_actor(at).map(|a| (vec![a], true))
    }

    /// A possessive actor right before a noun trigger ("Dushanbe's note of protest").
    fn possessor(&self, start: usize) -> Option<(Vec<Actor>, bool)> {
        // Step over a date between the possessive and the noun: "their Oct. 7 assault".
        let mut start = start;
        while start > 1
            && (self.toks[start - 1].kind == TokenKind::Number
                || self.toks[start - 1].lower == "."
                || crate::timex::is_month_word(&self.toks[start - 1].lower))
        {
            start -= 1;
        }
        // A country or group naming the noun: "the US drone strike", "Israeli air strikes".
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.tok_end == start && m.actor.kind != ActorKind::Media)
        {
            return Some((vec![m.actor.clone()], m.resolved));
        }
        let mut i = start;
        // Skip adjectives between the possessive and the noun ("Russia's sweeping sanctions").
        while i > 0 && start - i < 3 {
            if self.toks[i - 1].kind == TokenKind::Possessive {
                let m = self.mentions.iter().find(|m| m.tok_end == i - 1)?;
                return Some((vec![m.actor.clone()], m.resolved));
            }
            if self.toks[i - 1].lower == "its" || self.toks[i - 1].lower == "their" {
                return self.pronoun_actor(i - 1).map(|a| (vec![a], true));
            }
            if self.toks[i - 1].kind == TokenKind::Punct {
                return None;
            }
            i -= 1;
        }
        None
    }

    /// The agent an attribution gives an act named by a noun (or a gerund) whose own phrase
    /// names none, with the modality the attribution carries: "blamed India for the bombing",
    /// "accused it of responsibility for the deportation", "officers of the GRU were involved
    /// in the blast", "sanctions on Russian officials over the poisoning" (alleged); "Islamic
    /// State claimed responsibility for the bombings" (asserted: the agent says so itself);
    /// "the killing … was carried out on behalf of the Russian state" (alleged). A denied
    /// involvement, a negated relation or a bare "the attack was condemned" gives no agent.
    fn attributed_agent(&self, m: &TriggerMatch) -> Option<(Vec<Actor>, Modality)> {
        let toks = self.toks;
        let cs = clause_start(toks, m.head);
        let low = |i: usize| toks[i].lower.as_str();
        let denied = |upto: usize| {
            (cs..upto).any(|i| {
                matches!(
                    low(i),
                    "not" | "n't" | "never" | "denied" | "denies" | "deny" | "denying" | "rejected"
                )
            })
        };
        // Left of the noun: the preposition its phrase hangs on, over determiners, numbers,
        // dates and adjectives ("for the twin bombings", "over the March 4 nerve-agent attack").
        let mut start = m.start;
        for _ in 0..2 {
            let q = (start.saturating_sub(6).max(cs)..start).rev().find(|&i| {
                matches!(low(i), "for" | "of" | "in" | "behind" | "over")
                    || is_clause_break(toks, i)
                    || low(i) == ","
                    || self.heads.contains(&i)
            })?;
            if (q + 1..start).any(|i| self.mentions.iter().any(|x| x.tok_start == i && !x.weak))
                || !matches!(low(q), "for" | "of" | "in" | "behind" | "over")
            {
                return None;
            }
            // "claimed responsibility on Thursday for": step over a date.
            let mut pq = q;
            while pq > cs + 1
                && q - pq < 4
                && (matches!(
                    low(pq - 1),
                    "on" | "last"
                        | "late"
                        | "early"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                ) || toks[pq - 1].kind == TokenKind::Number
                    || crate::timex::is_month_word(low(pq - 1)))
            {
                pq -= 1;
            }
            // "accused it of committing genocide", "of torture": a bare singular noun names a
            // charge, not a particular act (a gerund, "of shelling the plant", is one).
            if start == m.start
                && !toks[m.head].lower.ends_with('s')
                && !toks[m.head].lower.ends_with("ing")
                && (q + 1..start).all(|i| toks[i].lower.ends_with("ing"))
            {
                return None;
            }
            let rel = low(q);
            let q = if rel == "for" { pq } else { q };
            let prev = q.checked_sub(1).map(low).unwrap_or("");
            // The subject of the clause a relation verb heads: "officers of Russia's GRU were
            // involved in …" names Russia first.
            let subject = |v: usize| {
                let vs = clause_start(toks, v);
                let from = (vs..v)
                    .rev()
                    .find(|&i| low(i) == "that")
                    .map_or(vs, |i| i + 1);
                self.mentions
                    .iter()
                    .position(|x| {
                        x.tok_start >= from
                            && x.tok_end <= v
                            && !x.weak
                            && x.actor.kind != ActorKind::Media
                    })
                    .map(|mi| self.group(&coordinated(self.mentions, toks, mi), None))
                    .or_else(|| self.left_agent(v, false))
            };
            match rel {
                // "claimed responsibility for", "held X responsible for", "was responsible for",
                // "accusing him of responsibility for": the step before the act.
                "for" if matches!(prev, "responsibility" | "responsible") => {
                    let r = q - 1;
                    // ("claimed" may itself end a clause: a verb of saying.)
                    let claim = (r.saturating_sub(4)..r)
                        .rev()
                        .find(|&i| matches!(low(i), "claimed" | "claims" | "claiming" | "claim"));
                    if let Some(c) = claim {
                        let ccs = clause_start(toks, c);
                        if (ccs..c).any(|i| matches!(low(i), "not" | "n't" | "never" | "denied")) {
                            return None;
                        }
                        return subject(c).map(|(a, _)| (a, Modality::Asserted));
                    }
                    if r >= 1 && matches!(low(r - 1), "of" | "for") {
                        // "accusing him of responsibility for": the accusation one step out.
                        start = r;
                        continue;
                    }
                    if denied(r) {
                        return None;
                    }
                    // "held Moscow responsible for": the one held.
                    if let Some(h) = (r.saturating_sub(5).max(cs)..r)
                        .find(|&i| matches!(low(i), "held" | "holds" | "holding" | "hold"))
                    {
                        return self
                            .right_actor(h + 1, false, &[])
                            .map(|(a, _)| (a, Modality::Alleged));
                    }
                    return subject(r).map(|(a, _)| (a, Modality::Alleged));
                }
                // "blamed India for the bombing", "accused Russia of the strike", "Iran was
                // suspected of the attack".
                "for" | "of" => {
                    const ACCUSE: &[&str] = &[
                        "blamed",
                        "blames",
                        "blame",
                        "blaming",
                        "accused",
                        "accuses",
                        "accuse",
                        "accusing",
                        "suspected",
                        "suspects",
                        "suspect",
                        "suspecting",
                        "convicted",
                        "charged",
                    ];
                    if ACCUSE.contains(&prev) {
                        // Passive: "India was blamed for the bombing".
                        if q >= 2 && BE.contains(&low(q - 2)) || denied(q - 1) {
                            return (!denied(q - 1))
                                .then(|| subject(q - 1))
                                .flatten()
                                .map(|(a, _)| (a, Modality::Alleged));
                        }
                        return None;
                    }
                    // "accusing him of responsibility for": an object pronoun.
                    if q >= 2
                        && matches!(prev, "him" | "her" | "them" | "it")
                        && ACCUSE.contains(&low(q - 2))
                        && !denied(q - 2)
                    {
                        return self
                            .pronoun_actor(q - 1)
                            .map(|a| (vec![a], Modality::Alleged));
                    }
                    let obj = self
                        .mentions
                        .iter()
                        .rposition(|x| x.tok_end == q && !x.weak)
                        .map(|mi| list_from(self.mentions, toks, mi))?;
                    let first = self.mentions[*obj.first()?].tok_start;
                    let verb = first.checked_sub(1)?;
                    if !ACCUSE.contains(&low(verb)) || denied(verb) {
                        return None;
                    }
                    let (a, _) = self.group(&obj, None);
                    return Some((a, Modality::Alleged));
                }
                // "were involved in the blast", "its involvement in the attack".
                "in" if matches!(prev, "involved" | "involvement") => {
                    if denied(q) {
                        return None;
                    }
                    return self
                        .possessor(q - 1)
                        .or_else(|| subject(q - 1))
                        .map(|(a, _)| (a, Modality::Alleged));
                }
                // "Moscow was behind the attack".
                "behind" if q >= 1 && BE.contains(&prev) => {
                    if denied(q) {
                        return None;
                    }
                    return subject(q - 1).map(|(a, _)| (a, Modality::Alleged));
                }
                // "expelled 23 Russian diplomats over the attack", "sanctions on six Russian
                // officials over the poisoning": those punished are held to be its agents.
                "over" => {
                    let v = (cs..q).rev().find(|&i| {
                        let w = low(i);
                        w.starts_with("sanction")
                            || w.starts_with("expel")
                            || w.starts_with("expulsion")
                            || matches!(w, "freezes" | "bans")
                    })?;
                    let mi = self.mentions.iter().rposition(|x| {
                        x.tok_start > v
                            && x.tok_end <= q
                            && !x.weak
                            && !x.actor.country.is_empty()
                            && x.actor.kind != ActorKind::Media
                    })?;
                    return Some((vec![self.mentions[mi].actor.clone()], Modality::Alleged));
                }
                _ => return None,
            }
        }
        None
    }

    /// An attribution after an act: "blasts widely blamed on Israel", "the attack, which
    /// London blames on Moscow" (alleged), "the killing … was carried out on behalf of the
    /// Russian state", "an assault ordered by the junta" (alleged), "the raid was carried out
    /// by special forces" (the clause's own modality).
    fn attributed_after(&self, head: usize) -> Option<(Vec<Actor>, Option<Modality>)> {
        let low = |i: usize| self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        let end = (head + 1..self.toks.len().min(head + 20))
            .find(|&i| matches!(low(i), ";" | "."))
            .unwrap_or(self.toks.len().min(head + 20));
        let (b, md) = (head + 1..end).find_map(|i| match (low(i), low(i + 1), low(i + 2)) {
            ("blamed" | "blames" | "blame" | "attributed", "on" | "to", _) => {
                Some((i + 2, Some(Modality::Alleged)))
            }
            ("on", "behalf", "of") => Some((i + 3, Some(Modality::Alleged))),
            ("ordered" | "orchestrated" | "masterminded", "by", _) => {
                Some((i + 2, Some(Modality::Alleged)))
            }
            ("carried", "out", "by") => Some((i + 3, None)),
            _ => None,
        })?;
        self.right_actor(b, false, &[]).map(|(s, _)| (s, md))
    }

    /// The country an attributed act hit, from the act's own phrase: the first actor after
    /// the noun before the phrase ends ("the bombing of the railway station in Quetta",
    /// "twin bombings that tore through crowds in the Iranian city of Kerman") — unless the
    /// phrase names a victim the dictionaries do not know ("the attack on Sergei Skripal in
    /// Salisbury": the town is not the target).
    fn attributed_target(&self, m: &TriggerMatch, own: &[String]) -> Option<Actor> {
        let toks = self.toks;
        let end = (m.end..toks.len())
            .find(|&i| matches!(toks[i].lower.as_str(), ";" | "." | ",") || toks[i].lower == "—")
            .unwrap_or(toks.len());
        if let Some(p) = (m.end - 1..end.min(m.end + 1))
            .find(|&i| matches!(toks[i].lower.as_str(), "on" | "against" | "of"))
        {
            let next = p + 1;
            let named = toks.get(next).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && self.text[t.span.start..t.span.end]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            });
            if named && !self.mentions.iter().any(|x| x.tok_start == next) {
                return None;
            }
        }
        self.mentions
            .iter()
            .find(|x| {
                x.tok_start >= m.end
                    && x.tok_end <= end
                    && !x.resolved
                    && !x.actor.country.is_empty()
                    && !own.contains(&x.actor.country)
            })
            .map(|x| crate::actors::country_actor(self.lex, &x.actor.country, "GOV", ""))
    }

    fn roles(
        &self,
        m: &TriggerMatch,
        pattern: &Pattern,
        prev_sources: Option<&Vec<Actor>>,
    ) -> Roles {
        let head = m.head;
        let pos = if pattern.pos == TriggerPos::Verb
            && m.start == m.end - 1
            && used_as_noun(self.toks, head)
        {
            TriggerPos::Noun
        } else {
            pattern.pos
        };
        // "were deeply concerned by the violence": the one who feels is the subject, and the
        // "by" phrase names the cause, not an agent.
        let feeling = EXPERIENCER_ADJECTIVES.contains(&self.toks[head].lower.as_str());
        let passive = pos == TriggerPos::Verb && is_passive(self.toks, head) && !feeling;
        // Idioms of threat ("would not go unanswered") belong to whoever says them.
        let speaker = pattern
            .speaker
            .then(|| {
                (0..head).rev().find(|&i| {
                    REPORTING.contains(&self.toks[i].lower.as_str())
                        || matches!(
                            self.toks[i].lower.as_str(),
                            "vowed" | "warned" | "said" | "saying"
                        )
                })
            })
            .flatten()
            .and_then(|r| {
                // ", saying Moscow had failed to cooperate": a participle after a comma speaks
                // for the subject of the clause it hangs on.
                if self.toks[r].lower == "saying" && r > 0 && self.toks[r - 1].lower == "," {
                    self.previous_clause_subject(r - 1)
                } else {
                    self.left_agent(r, false)
                }
            });
        // An act named by a noun or a gerund whose agent an attribution gives ("blamed India
        // for the bombing", "claimed responsibility for the attack").
        let gerund = pos == TriggerPos::Verb
            && self.toks[head].lower.ends_with("ing")
            && m.start > 0
            && matches!(self.toks[m.start - 1].lower.as_str(), "of" | "for");
        let attributable = !REACTIONS.contains(&pattern.event_type.as_str())
            && !matches!(
                pattern.event_type.as_str(),
                "accuse" | "deny_responsibility" | "statement"
            );
        // Only hostile acts are charged to someone ("accused Qatar of backing militants" is no
        // act of Qatar against its accusers).
        let quad = self
            .lex
            .event_type(&pattern.event_type)
            .map_or(0, |i| i.quad_class);
        let attributable = attributable && quad >= 3;
        let attributed = (attributable && (pos == TriggerPos::Noun || (gerund && quad == 4)))
            .then(|| self.attributed_agent(m))
            .flatten();
        let mut attributed_modality: Option<Modality> = None;
        let has_speaker = speaker.is_some();
        let source = if speaker.is_some() {
            speaker
        } else {
            match pos {
                TriggerPos::Verb if gerund && attributed.is_some() => {
                    let (a, md) = attributed.clone().expect("checked");
                    attributed_modality = Some(md);
                    Some((a, true))
                }
                TriggerPos::Verb if passive => self
                    .by_agent(m.end)
                    .or_else(|| self.by_agent(head + 1))
                    .or_else(|| self.to_agent(head, pattern))
                    .or_else(|| self.reporting_agent(head, pattern))
                    // "the envoy was summoned to the ministry, where he was handed a protest":
                    // the one who summoned him hands it.
                    .or_else(|| {
                        (pattern.event_type == "protest_officially")
                            .then(|| prev_sources.cloned().map(|s| (s, true)))
                            .flatten()
                    }),
                TriggerPos::Verb => {
                    // "…summoned the envoy and handed him a note", "…summoned the envoy to
                    // condemn…": the subject carries over.
                    let mut k = head;
                    while k > 0 && ADVERBS.contains(&self.toks[k - 1].lower.as_str()) {
                        k -= 1;
                    }
                    let coordinated_verb =
                        k > 0 && matches!(self.toks[k - 1].lower.as_str(), "and" | "then" | "to");
                    // ", accusing its neighbour of…", ", arresting Suu Kyi": a participle after a
                    // comma shares the subject of the clause it hangs on.
                    let participle = k > 0
                        && self.toks[k - 1].lower == ","
                        && self.toks[head].lower.ends_with("ing");
                    // "a raid that prompted Mexico to sever relations": the object of a verb of
                    // causing is the subject of the act it caused.
                    let caused = (k >= 3 && self.toks[k - 1].lower == "to")
                        .then(|| {
                            self.mentions.iter().position(|x| {
                                x.tok_end == k - 1
                                    && !x.weak
                                    && x.tok_start >= 1
                                    && matches!(
                                        self.toks[x.tok_start - 1].lower.as_str(),
                                        "prompted"
                                            | "prompting"
                                            | "forced"
                                            | "forcing"
                                            | "led"
                                            | "leading"
                                            | "caused"
                                            | "pushed"
                                            | "compelled"
                                            | "persuaded"
                                            | "convinced"
                                            | "encouraged"
                                    )
                            })
                        })
                        .flatten();
                    match (coordinated_verb, prev_sources) {
                        _ if caused.is_some() => {
                            let mi = caused.expect("checked");
                            Some(self.group(&coordinated(self.mentions, self.toks, mi), None))
                        }
                        _ if participle && self.previous_clause_subject(k - 1).is_some() => {
                            self.previous_clause_subject(k - 1)
                        }
                        // "Russian television said Ukrainian forces had shelled Belgorod and
                        // condemned the attack": an actor does not condemn its own act; the one
                        // answering the reported act is the speaker.
                        (true, Some(s))
                            if REACTIONS.contains(&pattern.event_type.as_str())
                                && reacts_to_previous(pattern, self.toks, m) =>
                        {
                            let keys: Vec<String> = s.iter().map(Actor::key).collect();
                            (0..k)
                                .rev()
                                .find(|&i| REPORTING.contains(&self.toks[i].lower.as_str()))
                                .and_then(|r| self.left_agent(r, false))
                                .filter(|(sp, _)| sp.iter().all(|a| !keys.contains(&a.key())))
                                .map(|(sp, _)| (sp, true))
                                .or_else(|| Some((s.clone(), true)))
                        }
                        (true, Some(s)) => Some((s.clone(), true)),
                        (true, None) if k >= 2 && self.toks[k - 2].lower == "," => self
                            .left_agent(head, false)
                            .or_else(|| self.previous_clause_subject(k - 2)),
                        (true, None)
                            if self.toks[k - 1].lower == "and"
                                && !REACTIONS.contains(&pattern.event_type.as_str()) =>
                        {
                            self.shared_subject(k - 1)
                                .or_else(|| self.left_agent(head, false))
                        }
                        // "Syrian state television said air defences had shot down missiles and
                        // described the raids as aggression": a stance joined to what a speaker
                        // reported is the speaker's.
                        (true, None) if REACTIONS.contains(&pattern.event_type.as_str()) => {
                            self.left_agent(head, false).or_else(|| {
                                let r = (0..k)
                                    .rev()
                                    .find(|&i| REPORTING.contains(&self.toks[i].lower.as_str()))?;
                                self.left_agent(r, false).map(|(s, _)| (s, true))
                            })
                        }
                        _ => self.left_agent(head, false),
                    }
                }
                TriggerPos::Noun => {
                    let own = self
                        .possessor(m.start)
                        .or_else(|| self.noun_by_agent(m.end))
                        .or_else(|| self.reflexive_owner(m));
                    match (own, attributed.clone()) {
                        (Some(o), _) => Some(o),
                        (None, Some((a, md))) => {
                            attributed_modality = Some(md);
                            Some((a, true))
                        }
                        (None, None) => match self.attributed_after(head) {
                            Some((a, md)) if attributable => {
                                attributed_modality = md;
                                Some((a, true))
                            }
                            _ => self.left_agent(head, true),
                        },
                    }
                }
            }
        };
        *self.exclude.borrow_mut() = source
            .as_ref()
            .map(|(s, _)| s.iter().map(Actor::key).collect())
            .unwrap_or_default();
        // The target is searched after the source is known: the source's own government
        // ("Netanyahu warned that Israel would…") is passed over.
        // …but protesters and the opposition address their own government.
        let avoid: Vec<String> = source
            .as_ref()
            .map(|(s, _)| {
                s.iter()
                    .filter(|a| !is_citizenry(a))
                    .map(|a| a.country.clone())
                    .filter(|c| !c.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let target = if passive {
            self.passive_subject.set(true);
            let t = self.left_agent(head, false);
            self.passive_subject.set(false);
            t
        } else {
            // The "by" phrase of a feeling names its cause: "alarmed by Russia's buildup".
            let skip_by = !feeling;
            if pattern.event_type == "mediate" {
                // A mediator's partners come "with" it; the parties come "between", in the
                // clause or elsewhere in the sentence ("after negotiations between X and Y").
                (head + 1..self.toks.len())
                    .find(|&i| self.toks[i].lower == "between")
                    .or_else(|| (0..head).rev().find(|&i| self.toks[i].lower == "between"))
                    .and_then(|b| self.right_actor(b + 1, skip_by, &avoid))
            } else {
                let attack = matches!(
                    pattern.event_type.as_str(),
                    "attack" | "military_attack" | "airstrike" | "bombing"
                );
                // A trigger ending in a preposition ("arrest warrant for", "hit out at",
                // "arrived in") has its target right after it.
                // ("to" closes a multi-word trigger as often as an infinitive's marker:
                // "agreed to ban" — only a lone "to" element counts.)
                let ends_in_prep = matches!(pattern.elems.last(), Some(PatElem::Words(alts, false))
                    if alts.iter().all(|a| a.len() == 1 && matches!(a[0].as_str(), "for" | "with" | "to" | "against" | "on" | "of" | "from" | "into" | "at" | "by")))
                    || (m.end > m.start + 1
                        && matches!(pattern.elems.last(), Some(PatElem::Words(_, false)))
                        && matches!(
                            self.toks[m.end - 1].lower.as_str(),
                            "for"
                                | "with"
                                | "against"
                                | "on"
                                | "of"
                                | "from"
                                | "into"
                                | "at"
                                | "in"
                        ));
                // …unless a gap before it holds the object: "ordered the two neighbours to",
                // "asked Taiwan for".
                // "issued an arrest warrant for Putin": a gap with no actor in it holds none.
                let gap = pattern.elems.iter().any(|e| matches!(e, PatElem::Gap(..)))
                    && self
                        .mentions
                        .iter()
                        .any(|x| x.tok_start > head && x.tok_end < m.end);
                // A phrasal verb's particle is no preposition: "called in the Chinese
                // ambassador" looks for its object after "called in".
                let particle_end = match pattern.elems.first() {
                    Some(PatElem::Words(alts, _)) => alts
                        .iter()
                        .filter(|a| {
                            a.len() > 1
                                && (1..a.len()).all(|k| {
                                    self.toks.get(m.start + k).is_some_and(|t| t.lower == a[k])
                                        && matches!(
                                            a[k].as_str(),
                                            "in" | "out" | "off" | "up" | "down" | "back" | "away"
                                        )
                                })
                        })
                        .map(|a| m.start + a.len())
                        .max(),
                    _ => None,
                };
                let from = if ends_in_prep && !gap {
                    m.end
                } else {
                    particle_end.unwrap_or(0).max(head + 1)
                };
                // The pattern's own preposition governs what follows it, even a locative one
                // ("pointed the finger at Israel").
                let right_after = (ends_in_prep && !gap)
                    .then(|| {
                        self.mentions.iter().position(|x| {
                            !x.weak
                                && x.actor.kind != ActorKind::Media
                                && (x.tok_start == m.end
                                    || (x.tok_start == m.end + 1
                                        && DETERMINERS.contains(&self.toks[m.end].lower.as_str())))
                        })
                    })
                    .flatten()
                    .map(|mi| self.group(&list_from(self.mentions, self.toks, mi), None));
                // "called off a visit by the Dutch foreign minister": a trigger that ends on an
                // act noun in the active voice; the act's own agent is the one acted on.
                let act_noun = matches!(pattern.elems.last(), Some(PatElem::Words(alts, false))
                    if alts.iter().all(|a| a.len() == 1 && ACT_OBJECT_NOUNS.contains(&a[0].as_str())));
                let noun_agent = (act_noun
                    && pos == TriggerPos::Verb
                    && self.toks.get(m.end).is_some_and(|t| t.lower == "by"))
                .then(|| self.right_actor(m.end + 1, false, &avoid))
                .flatten();
                right_after
                    .or(noun_agent)
                    .or_else(|| self.right_actor_through(from, skip_by, &avoid, attack))
                    .or_else(|| self.after_trigger(m, head, &avoid))
                    .or_else(|| self.opinion_target(m, pattern, &avoid))
                    .or_else(|| self.complement_target(m, pattern, &avoid))
                    .or_else(|| self.inside_trigger(m, &avoid))
                    .or_else(|| {
                        (pos == TriggerPos::Verb)
                            .then(|| self.owner_in_trigger(m, &avoid))
                            .flatten()
                    })
            }
        };
        let (mut sources, mut sv) = source.unwrap_or_default();
        // "the Kenya Defence Forces had been deployed": forces deployed deploy themselves.
        if sources.is_empty() && passive && pattern.event_type == "mobilize" {
            if let Some((s, _)) = self.left_agent(head, false) {
                sources = s;
            }
        }
        // Co-mediators: "brokered the truce with Egypt and the United States".
        if pattern.event_type == "mediate" && !sources.is_empty() {
            let end = clause_end(self.toks, head);
            if let Some(w) = (head + 1..end).find(|&i| self.toks[i].lower == "with") {
                if let Some(mi) = self.mentions.iter().position(|x| {
                    x.tok_start == w + 1
                        || (x.tok_start == w + 2 && self.toks[w + 1].lower == "the")
                }) {
                    for c in coordinated(self.mentions, self.toks, mi) {
                        if !sources
                            .iter()
                            .any(|s| s.key() == self.mentions[c].actor.key())
                        {
                            sources.push(self.mentions[c].actor.clone());
                        }
                    }
                }
            }
        }
        let (mut targets, tv) = target.unwrap_or_default();
        if passive && pattern.event_type == "mobilize" {
            targets.clear();
        }
        // "opened an inquiry into the death of X": the one who died is what is looked into,
        // not the one investigated.
        if pattern.event_type == "investigate" {
            let end = clause_end(self.toks, head).max(m.end);
            targets.retain(|t| {
                !self.mentions.iter().any(|x| {
                    x.actor.key() == t.key()
                        && x.tok_start > head
                        && x.tok_start < end
                        && x.tok_start >= 2
                        && self.toks[x.tok_start - 1].lower == "of"
                        && VICTIM_NOUNS.contains(&self.toks[x.tok_start - 2].lower.as_str())
                })
            });
        }
        // "Soleimani was killed by a U.S. drone strike": the strike's target is the subject
        // of the passive it completes.
        if targets.is_empty() && pos == TriggerPos::Noun {
            let mut k = m.start;
            while k > 0 && (m.start - k) < 4 && self.toks[k - 1].lower != "by" {
                k -= 1;
            }
            if k >= 2 && self.toks[k - 1].lower == "by" && is_passive(self.toks, k - 2) {
                if let Some((t, _)) = self.left_agent(k - 2, false) {
                    targets = t;
                }
            }
        }
        // "blasts widely blamed on Israel", "the attack, which London blames on Moscow": the
        // actor blamed is the (alleged) source; "the killing … was carried out on behalf of
        // the Russian state", "an attack ordered by the junta": the one it was done for.
        if sources.is_empty() {
            if let Some((s, md)) = self.attributed_after(head) {
                sources = s;
                sv = true;
                attributed_modality = md.or(attributed_modality);
            }
        }
        // An attributed act hit the place its own phrase names ("the bombing of the railway
        // station in Quetta").
        // A target only inferred from the story ("crowds" read as the dateline's citizens)
        // gives way to one the phrase names.
        if (targets.is_empty() || tv) && !sources.is_empty() && attributed_modality.is_some() {
            let own: Vec<String> = sources.iter().map(|s| s.country.clone()).collect();
            if let Some(t) = self.attributed_target(m, &own) {
                targets = vec![t];
            }
        }
        // "accused Ankara of violating the truce": the accuser is the one wronged.
        if targets.is_empty() && !sources.is_empty() {
            let cs = clause_start(self.toks, head);
            if let Some(acc) = (cs..head).rev().find(|&i| {
                matches!(
                    self.toks[i].lower.as_str(),
                    "accused" | "accusing" | "accuses" | "accuse"
                )
            }) {
                if self.toks[acc..head].iter().any(|t| t.lower == "of") {
                    if let Some((accuser, _)) = self.left_agent(acc, false) {
                        let src_keys: Vec<String> = sources.iter().map(Actor::key).collect();
                        targets = accuser
                            .into_iter()
                            .filter(|a| !src_keys.contains(&a.key()))
                            .collect();
                    }
                }
            }
        }
        if targets.is_empty() && !sources.is_empty() {
            let src_keys: Vec<String> = sources.iter().map(Actor::key).collect();
            let answer = self
                .lex
                .event_type(&pattern.event_type)
                .is_some_and(|i| i.quad_class == 3)
                || ANSWERING_ACTS.contains(&pattern.event_type.as_str());
            if let Some(t) = answer
                .then(|| self.cause_clause_agent(m, &avoid))
                .flatten()
                .or_else(|| self.addressee(m, pattern, &src_keys, &avoid))
            {
                targets = t
                    .into_iter()
                    .filter(|a| !src_keys.contains(&a.key()))
                    .collect();
            }
        }
        // "Trump and Kim met on Tuesday on Singapore's Sentosa island": where two parties meet
        // is a place, not a third party.
        if sources.len() >= 2
            && matches!(
                pattern.event_type.as_str(),
                "consult" | "negotiate" | "sign_agreement"
            )
            && targets.iter().all(|t| {
                self.mentions.iter().any(|x| {
                    x.tok_start > head
                        && x.actor.key() == t.key()
                        && governing_prep(self.toks, x.tok_start) == Some("on")
                })
            })
        {
            targets.clear();
        }
        // "recalled the bloc's ambassador to Moscow": the envoy recalled is the source's own;
        // the one it leaves is named after "to" or "from".
        if pattern.event_type == "recall_ambassador"
            && !sources.is_empty()
            && targets.iter().all(|t| {
                sources
                    .iter()
                    .any(|s| s.key() == t.key() || s.country == t.country)
            })
        {
            let end = clause_end(self.toks, head).max(m.end);
            if let Some((t, _)) = (m.end..end)
                .find(|&i| matches!(self.toks[i].lower.as_str(), "to" | "from" | "in"))
                .and_then(|i| self.right_actor(i + 1, false, &avoid))
            {
                targets = t;
            }
        }
        // An attack with no target named hits the country where it happened ("an Israeli air
        // strike in Beirut").
        if targets.is_empty()
            && matches!(
                pattern.event_type.as_str(),
                "attack" | "military_attack" | "airstrike" | "bombing"
            )
        {
            let own: Vec<&str> = sources.iter().map(|s| s.country.as_str()).collect();
            if let Some(place) = self.place_in_clause(head, |x| {
                !x.actor.country.is_empty() && !own.contains(&x.actor.country.as_str())
            }) {
                targets.push(crate::actors::country_actor(
                    self.lex,
                    &place.actor.country,
                    "GOV",
                    "",
                ));
            }
        }
        // "Georgian protesters demanded that the government withdraw the bill": the government
        // protesters address is their own.
        if targets.is_empty() && !sources.is_empty() && sources.iter().all(is_citizenry) {
            let c = &sources[0].country;
            let end = clause_end(self.toks, m.head).max(m.end).min(m.end + 6);
            let addressed = (m.end..end).any(|i| {
                self.toks[i].lower == "the"
                    && self
                        .toks
                        .get(i + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "government" | "authorities"))
            });
            if addressed && sources.iter().all(|s| &s.country == c) {
                targets.push(crate::actors::country_actor(self.lex, c, "GOV", ""));
            }
        }
        // "asked the court to order a halt", "asked the judges for emergency measures": a
        // government's plea to its own courts is litigation, not an appeal to another party.
        if pattern.event_type == "appeal" {
            targets.retain(|t| {
                !(t.code.ends_with("JUD") && sources.iter().any(|s| s.country == t.country))
            });
        }
        // "closed its embassy in Kabul", "arrived in Tehran", "condemned the coup in Niger":
        // with no actor named as target, the act is aimed at the place it names.
        if targets.is_empty() {
            let own: Vec<&str> = sources.iter().map(|s| s.country.as_str()).collect();
            // Troops or police arriving somewhere make no visit.
            let official = sources
                .iter()
                .all(|s| s.kind == ActorKind::Person || s.code.ends_with("GOV"));
            let visiting = pattern.event_type == "visit";
            if let Some(c) = (official || !visiting)
                .then(|| self.place_target(m, pattern, &own))
                .flatten()
            {
                targets.push(crate::actors::country_actor(self.lex, &c, "GOV", ""));
            }
        }
        // "Kishida, who flew in on Sunday": an arrival with no place named is in the country
        // the story is datelined from (officials only; not a return home).
        if targets.is_empty() && pattern.dateline {
            let official = !sources.is_empty()
                && sources
                    .iter()
                    .all(|s| s.kind == ActorKind::Person || s.code.ends_with("GOV"));
            let home = self
                .toks
                .get(m.end)
                .is_some_and(|t| matches!(t.lower.as_str(), "back" | "home"));
            if let Some(c) = self
                .dateline_country
                .filter(|c| official && !home && sources.iter().all(|s| s.country.as_str() != *c))
            {
                targets.push(crate::actors::country_actor(self.lex, c, "GOV", ""));
            }
        }
        // "eight Russians held in Germany and Norway were sent home": with no agent named, the
        // states that held them let them go.
        if sources.is_empty() && passive && pattern.event_type == "release" {
            if let Some((held, h)) = self.holders(head) {
                sources = h;
                // The subject is the one the participle describes, not its place; people
                // named by nationality ("three Canadian tourists held by…") count as citizens.
                let counted = || {
                    let x = self.mentions.iter().rev().find(|x| {
                        x.weak
                            && x.tok_end < held
                            && self
                                .toks
                                .get(x.tok_end)
                                .is_some_and(|t| PEOPLE_NOUNS.contains(&t.lower.as_str()))
                    })?;
                    Some(vec![crate::actors::country_actor(
                        self.lex,
                        &x.actor.country,
                        "CVL",
                        "citizens",
                    )])
                };
                if let Some(t) = self
                    .left_agent(held, false)
                    .map(|(t, _)| t)
                    .or_else(counted)
                {
                    targets = t;
                }
            }
        }
        // "security forces killed more than 100 people": victims named only by a number are
        // the people of the place the killing reached ("crossed into southern Israel, killing
        // hundreds"), when the text names one; else of the country the story is about.
        if pattern.event_type == "mass_killing" && (tv || targets.is_empty()) {
            let own: Vec<&str> = sources.iter().map(|s| s.country.as_str()).collect();
            let place = self.mentions.iter().rfind(|x| {
                x.tok_end <= head
                    && !x.weak
                    && !x.actor.country.is_empty()
                    && !own.contains(&x.actor.country.as_str())
                    && governing_prep(self.toks, x.tok_start).is_some_and(|p| LOCATIVE.contains(&p))
            });
            if let Some(p) = place {
                targets = vec![crate::actors::country_actor(
                    self.lex,
                    &p.actor.country,
                    "CVL",
                    "citizens",
                )];
            }
        }
        // "Masimov has been detained": an arrest with no agent named is the state's, the
        // state where it happened ("in Moscow") or else the detainee's own.
        if sources.is_empty()
            && passive
            && matches!(pattern.event_type.as_str(), "arrest" | "convict")
        {
            let country = self
                .place_in_clause(head, |_| true)
                .map(|p| p.actor.country.clone())
                .or_else(|| targets.first().map(|t| t.country.clone()))
                .filter(|c| !c.is_empty());
            if let Some(c) = country {
                sources = vec![crate::actors::country_actor(self.lex, &c, "GOV", "")];
            }
        }
        // "Hamas freed 24 hostages, among them 13 Israeli women": hostages and captives are
        // counted by nationality.
        if targets.is_empty() && matches!(pattern.event_type.as_str(), "release" | "abduct") {
            let end = self.toks.len().min(head + 14);
            if let Some(x) = self.mentions.iter().find(|x| {
                x.weak
                    && x.tok_start > head
                    && x.tok_start < end
                    && !(head..x.tok_start).any(|i| is_clause_break(self.toks, i))
                    && self
                        .toks
                        .get(x.tok_end)
                        .is_some_and(|t| PEOPLE_NOUNS.contains(&t.lower.as_str()))
            }) {
                targets = vec![crate::actors::country_actor(
                    self.lex,
                    &x.actor.country,
                    "CVL",
                    "citizens",
                )];
            }
        }
        // "Russia and Belarus freed 16 people" (in a story filed from Ankara): people freed
        // with no nationality named are nobody's in particular, not the dateline's citizens.
        if pattern.event_type == "release"
            && !targets.is_empty()
            && targets.iter().all(|t| {
                self.mentions.iter().any(|x| {
                    x.tok_start > head
                        && x.resolved
                        && x.actor.key() == t.key()
                        && x.tok_end - x.tok_start == 1
                        && matches!(
                            self.toks[x.tok_start].lower.as_str(),
                            "people" | "prisoners" | "detainees" | "hostages" | "captives"
                        )
                })
            })
        {
            targets.clear();
        }
        // "the president freed dozens of political prisoners": a government that frees its
        // political prisoners frees its own citizens (a nationality named wins, above).
        if targets.is_empty()
            && pattern.event_type == "release"
            && !sources.is_empty()
            && sources.iter().all(|s| {
                !s.country.is_empty()
                    && s.country == sources[0].country
                    && (s.kind == ActorKind::Person || s.code.ends_with("GOV"))
            })
        {
            let end = clause_end(self.toks, head).max(m.end).min(head + 10);
            let political = (m.start..end).any(|i| {
                POLITICAL_DETAINEES.contains(&self.toks[i].lower.as_str())
                    && (self.toks[i].lower != "prisoners"
                        || (i > 0 && self.toks[i - 1].lower == "political"))
            });
            if political {
                targets = vec![crate::actors::country_actor(
                    self.lex,
                    &sources[0].country,
                    "CVL",
                    "citizens",
                )];
            }
        }
        // "protesters gathered outside the Swedish consulate": a street protest at an embassy
        // addresses the embassy's country.
        if targets.is_empty() && pattern.event_type == "demonstrate" {
            let end = clause_end(self.toks, head);
            if let Some(x) = self.mentions.iter().find(|x| {
                x.tok_start > head
                    && x.tok_end <= end
                    && self.toks[x.tok_start..x.tok_end]
                        .iter()
                        .any(|t| matches!(t.lower.as_str(), "embassy" | "consulate"))
            }) {
                targets = vec![x.actor.clone()];
            }
        }
        // "Israel's killing of Hezbollah leader Hassan Nasrallah": the person, not the group
        // named before the title.
        if pattern.person_target && !targets.iter().any(|t| t.kind == ActorKind::Person) {
            let end = clause_end(self.toks, head);
            if let Some(p) = self.mentions.iter().find(|x| {
                x.tok_start > head
                    && x.tok_end <= end
                    && x.actor.kind == ActorKind::Person
                    && targets.iter().all(|t| {
                        self.mentions
                            .iter()
                            .any(|y| y.actor.key() == t.key() && y.tok_end + 2 >= x.tok_start)
                    })
            }) {
                targets = vec![p.actor.clone()];
            }
        }
        // "the nerve-agent attack on Sergei Skripal": a person the dictionaries do not know,
        // named right after the act, is its target (two or three capitalised words).
        if pattern.person_target && targets.is_empty() {
            if let Some(p) = self.unknown_person_at(m.end) {
                targets = vec![p];
            }
        }
        // The envoy's country tells who acted on a diplomatic noun with no agent: "the recall
        // of the French ambassador from Niamey" (France recalls, from Niger), "the expulsions
        // of Russian diplomats from Poland" (Poland expels Russians).
        if sources.is_empty() && pos == TriggerPos::Noun {
            let from = (m.end..clause_end(self.toks, head).min(m.end + 4))
                .find(|&i| self.toks[i].lower == "from")
                .and_then(|f| self.right_actor(f + 1, false, &[]));
            match (pattern.event_type.as_str(), from) {
                ("recall_ambassador", Some((place, _))) if !targets.is_empty() => {
                    sources = std::mem::replace(&mut targets, place);
                }
                ("expel_diplomats", Some((place, _))) if !targets.is_empty() => {
                    sources = place;
                }
                _ => {}
            }
        }
        // "Dushanbe's note of protest was delivered to the Russian ambassador": in a passive
        // whose subject is a possessed noun, the possessor acted and the "to" phrase is the
        // one acted upon.
        if passive && sources.is_empty() {
            let cs = clause_start(self.toks, head);
            if let Some(ps) = (cs..head).find(|&i| self.toks[i].kind == TokenKind::Possessive) {
                if let Some(owner) = self.mentions.iter().find(|x| x.tok_end == ps && !x.weak) {
                    let to = (head + 1..clause_end(self.toks, head))
                        .find(|&i| self.toks[i].lower == "to")
                        .and_then(|t| self.right_actor(t + 1, false, &[]));
                    if let Some((t, _)) = to {
                        sources = vec![owner.actor.clone()];
                        targets = t;
                    }
                }
            }
        }
        // "vowed that Israel would face a bitter fate", "said Moscow had failed to cooperate":
        // the speaker acts on the subject of the clause it reports; with no speaker there is no
        // such event ("Israel would face a bitter fate" is a forecast).
        if pattern.subject_target {
            if !has_speaker {
                sources.clear();
            }
            let subject: Vec<Actor> = self
                .left_agent(head, false)
                .map(|(s, _)| s)
                .unwrap_or_default()
                .into_iter()
                .filter(|a| !sources.iter().any(|s| s.key() == a.key()))
                .collect();
            if !subject.is_empty() {
                targets = subject;
            }
        }
        // "negotiations between Israel and Hamas", "a truce between X and Y": both parties.
        if sources.is_empty()
            && targets.len() >= 2
            && crate::eval::SYMMETRIC.contains(&pattern.event_type.as_str())
        {
            sources = vec![targets.remove(0)];
        }
        Roles {
            sources,
            targets,
            via_context: sv || tv,
            modality: attributed_modality,
        }
    }
}

/// Nouns of a harm whose "of" phrase names the one harmed ("the death of", "the poisoning of").
const VICTIM_NOUNS: &[&str] = &[
    "death",
    "deaths",
    "killing",
    "killings",
    "murder",
    "murders",
    "poisoning",
    "disappearance",
    "shooting",
    "assassination",
    "torture",
    "drowning",
    "beating",
];

/// Two governments of different countries: the sides of a war or a truce.
fn two_states(a: &Actor, b: &Actor) -> bool {
    a.kind == ActorKind::State
        && b.kind == ActorKind::State
        && !a.country.is_empty()
        && !b.country.is_empty()
        && a.country != b.country
}

/// Whether the act is done by each of two sides to the other: an accusation "each other",
/// "one another" or "each side … the other"; fighting ("fighting erupted", "clashes broke
/// out") named as a noun with no party.
fn reciprocal_act(toks: &[Token], m: &TriggerMatch, event_type: &str) -> bool {
    let low = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    // "would refrain from criticising each other": an act renounced is none.
    if (m.start.saturating_sub(3)..m.start).any(|k| {
        let w = low(k);
        w.starts_with("refrain") || w.starts_with("avoid") || w.starts_with("stop")
    }) {
        return false;
    }
    match event_type {
        "accuse" | "criticize" | "threaten" | "threaten_force" => {
            (m.end..toks.len().min(m.end + 3)).any(|i| {
                matches!((low(i), low(i + 1)), ("each", "other") | ("one", "another"))
                    || ((low(i), low(i + 1)) == ("the", "other")
                        && (m.start.saturating_sub(4)..m.start)
                            .any(|k| matches!(low(k), "each" | "both")))
            })
        }
        "military_attack" => {
            let w = low(m.head);
            let noun = matches!(w, "fighting" | "clashes" | "hostilities")
                && (m.head == 0
                    || !matches!(
                        low(m.head - 1),
                        "of" | "in" | "end" | "ended" | "stop" | "halt" | "the"
                    ));
            // "Fighting … erupted": the noun is the subject of a verb of breaking out.
            noun && (m.head + 1..toks.len().min(m.head + 25)).any(|i| {
                matches!(
                    low(i),
                    "erupted"
                        | "broke"
                        | "flared"
                        | "resumed"
                        | "raged"
                        | "escalated"
                        | "intensified"
                )
            })
        }
        _ => false,
    }
}

/// The subject of a sentence, when it is one actor: the first mention not governed by a
/// preposition, before any verb of saying ("Meeting in Brussels, the 27 leaders asked…").
fn sentence_subject(toks: &[Token], mentions: &[Mention]) -> Option<Actor> {
    let said = toks
        .iter()
        .position(|t| REPORTING.contains(&t.lower.as_str()))
        .unwrap_or(toks.len());
    let mi = mentions.iter().position(|m| {
        !m.weak
            && m.actor.kind != ActorKind::Media
            && m.tok_end <= said
            && !governing_prep(toks, m.tok_start).is_some_and(|p| NON_AGENT_PREPS.contains(&p))
    })?;
    let m = &mentions[mi];
    // A list ("Britain and France") or two mentions over the same words is no one actor.
    let list = mentions.iter().enumerate().any(|(k, x)| {
        k != mi
            && !x.weak
            && (x.tok_start < m.tok_end + 2 && m.tok_start < x.tok_end + 2)
            && x.actor.key() != m.actor.key()
    });
    (!list).then(|| m.actor.clone())
}

/// Acts of meeting someone: what is said in their purpose clause ("to express concern") is
/// said to the one met.
const MEETING_ACTS: &[&str] = &[
    "summon_ambassador",
    "consult",
    "phone_call",
    "host_visit",
    "visit",
];

/// Verbs of causing in a participle clause (", prompting X to …").
const CAUSING_PARTICIPLES: &[&str] = &[
    "prompting",
    "forcing",
    "leading",
    "pushing",
    "provoking",
    "spurring",
    "compelling",
];

/// ", prompting Caracas to recall its envoys" after "Chile and Peru rebuked the vote": the
/// subjects of the clause the participle hangs on, when the act's agent is the object of the
/// verb of causing and none of them shares a country with that agent.
fn causers(
    toks: &[Token],
    mentions: &[Mention],
    m: &TriggerMatch,
    sources: &[Actor],
) -> Option<Vec<Actor>> {
    let mut k = m.start;
    while k > 0 && ADVERBS.contains(&toks[k - 1].lower.as_str()) {
        k -= 1;
    }
    if k < 4 || toks[k - 1].lower != "to" {
        return None;
    }
    let agent = mentions
        .iter()
        .find(|x| x.tok_end == k - 1 && !x.weak && x.tok_start >= 2)?;
    let verb = agent.tok_start - 1;
    if !CAUSING_PARTICIPLES.contains(&toks[verb].lower.as_str()) || toks[verb - 1].lower != "," {
        return None;
    }
    // The subject of the clause: its first actor, not inside a prepositional phrase.
    let cs = (0..verb - 1)
        .rev()
        .find(|&i| is_clause_break(toks, i) && toks[i].lower != ",")
        .map_or(0, |i| i + 1);
    let mi = mentions.iter().position(|x| {
        !x.weak
            && x.tok_start >= cs
            && x.tok_end < verb
            && !governing_prep(toks, x.tok_start).is_some_and(|p| NON_AGENT_PREPS.contains(&p))
    })?;
    let own: Vec<&str> = sources
        .iter()
        .map(|s| s.country.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    let group: Vec<Actor> = coordinated(mentions, toks, mi)
        .into_iter()
        .map(|i| mentions[i].actor.clone())
        .collect();
    (!group.is_empty()
        && group
            .iter()
            .all(|a| !a.country.is_empty() && !own.contains(&a.country.as_str())))
    .then_some(group)
}

/// Acts of material conflict that commonly answer another's act ("recalled its ambassador
/// after Russia expelled…"); the verbal ones (quad class 3) all may.
const ANSWERING_ACTS: &[&str] = &[
    "recall_ambassador",
    "expel_diplomats",
    "break_relations",
    "reduce_relations",
    "close_embassy",
];

/// Words that make a capitalised phrase a place or a thing, not a person's name.
const PLACE_WORDS: &[&str] = &[
    "station",
    "square",
    "street",
    "airport",
    "bridge",
    "island",
    "province",
    "city",
    "hotel",
    "mosque",
    "church",
    "hospital",
    "school",
    "market",
    "park",
    "base",
    "camp",
    "centre",
    "center",
    "port",
    "valley",
    "district",
    "region",
    "building",
    "tower",
    "palace",
    "embassy",
    "consulate",
    "ministry",
    "court",
    "university",
    "prison",
    "mall",
    "road",
    "river",
];

/// People a government holds for their politics: when it frees them, it frees its own.
const POLITICAL_DETAINEES: &[&str] = &["prisoners", "dissidents", "activists"];

/// People counted by nationality ("13 Israeli women", "three Canadian tourists").
const PEOPLE_NOUNS: &[&str] = &[
    "women",
    "children",
    "men",
    "citizens",
    "nationals",
    "hostages",
    "captives",
    "civilians",
    "soldiers",
    "workers",
    "journalists",
    "tourists",
    "prisoners",
    "detainees",
];

/// Citizens, protesters, the opposition: a source that speaks to its own government rather
/// than for it ("protesters demanded that the government drop the bill").
fn is_citizenry(a: &Actor) -> bool {
    !a.country.is_empty() && (a.code.ends_with("CVL") || a.code.ends_with("OPP"))
}

/// A news outlet: an agency or broadcaster, or a country's state media (role `MED`).
fn is_media(a: &Actor) -> bool {
    a.kind == ActorKind::Media || a.code.get(3..6) == Some("MED")
}

/// Whether the clause after the trigger names "both sides", "the two parties" and the like.
fn names_both_sides(toks: &[Token], m: &TriggerMatch) -> bool {
    let end = clause_end(toks, m.head).max(m.end).min(toks.len());
    (m.end..end.min(m.end + 4)).any(|i| {
        // "urged restraint", "called for calm": what is asked of the sides of a fight.
        matches!(
            toks[i].lower.as_str(),
            "restraint" | "calm" | "de-escalation" | "de-escalate"
        ) || (matches!(toks[i].lower.as_str(), "both" | "two" | "warring")
            && toks.get(i + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "sides"
                        | "parties"
                        | "countries"
                        | "capitals"
                        | "governments"
                        | "neighbours"
                        | "neighbors"
                        | "nations"
                )
            }))
    })
}

/// Nouns of an act another party takes, ending a trigger: "cancelled a visit by …".
const ACT_OBJECT_NOUNS: &[&str] = &[
    "visit", "visits", "trip", "trips", "meeting", "meetings", "summit", "talks",
];

/// Nouns for a state standing in a relation to another: "its western neighbour".
const RELATION_NOUNS: &[&str] = &[
    "neighbour",
    "neighbor",
    "ally",
    "rival",
    "foe",
    "adversary",
    "arch-rival",
    "archrival",
    "arch-foe",
];

/// Adjectives naming a part of a country: "in eastern Ukraine".
const REGION_ADJECTIVES: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
];

/// Places a country owns that "on X's …" names as a location: "on Singapore's Sentosa island".
const OWNED_PLACES: &[&str] = &[
    "island",
    "islands",
    "coast",
    "soil",
    "shore",
    "shores",
    "border",
    "resort",
    "peninsula",
];

/// Whether mention `m` only says where: "on Singapore's Sentosa island", "on Turkey's Aegean
/// coast" — a country owning a place, after "on".
fn owned_place(toks: &[Token], m: &Mention) -> bool {
    governing_prep(toks, m.tok_start) == Some("on")
        && toks
            .get(m.tok_end)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
        && toks[m.tok_end + 1..toks.len().min(m.tok_end + 5)]
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .any(|t| OWNED_PLACES.contains(&t.lower.as_str()))
}

/// Types whose target may be the place the act happens in (see `Ctx::place_target`).
const PLACE_TARGETS: &[&str] = &[
    "visit",
    "close_embassy",
    "violate_ceasefire",
    "mass_killing",
    "mobilize",
];

/// Whether an actor is a crowd (its name ends in "protesters", "supporters", "students", …).
fn is_crowd(a: &Actor) -> bool {
    a.name.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "protesters"
                | "protestors"
                | "demonstrators"
                | "supporters"
                | "crowds"
                | "crowd"
                | "students"
                | "activists"
                | "marchers"
                | "citizens"
                | "opposition"
        )
    })
}

/// "blamed what it called the hostile acts of Morocco", "rejected what it described as
/// absurd pretexts": a labelling verb inside the object of another trigger only quotes the
/// words of that act (the blame, the rejection); it is no criticism of its own. Without an
/// outer trigger ("drew a contrast between what he called piracy…") the label stands.
fn quoted_in_other_trigger(
    toks: &[Token],
    m: &TriggerMatch,
    pattern: &Pattern,
    triggers: &[TriggerMatch],
) -> bool {
    if pattern.event_type != "criticize"
        || !["call", "describe", "term", "brand", "label"]
            .iter()
            .any(|v| is_form_of(&toks[m.head].lower, v))
    {
        return false;
    }
    let Some(what) = (m.start.saturating_sub(3)..m.start)
        .rev()
        .find(|&i| toks[i].lower == "what")
    else {
        return false;
    };
    triggers
        .iter()
        .any(|t| !std::ptr::eq(t, m) && t.end == what && t.head < what)
}

/// Verbs whose particle is "back" ("hand back", "pull back", "fight back"): forms the word
/// before "back" takes when "back" is their particle, not the verb "to back" (support).
const BACK_PARTICLE_VERBS: &[&str] = &[
    "hand", "pull", "fight", "fought", "hit", "cut", "roll", "scale", "push", "bring", "brought",
    "give", "gave", "given", "send", "sent", "come", "came", "go", "went", "gone", "turn",
    "strike", "struck", "win", "won", "take", "took", "taken", "call", "step", "stepped", "hold",
    "held", "pay", "paid", "get", "got", "fall", "fell", "draw", "drew", "drawn", "set", "claw",
    "write", "wrote", "answer", "talk", "look", "head", "move", "fly", "flew", "flown", "ship",
    "shipped", "sail", "march", "drive", "drove", "driven", "beat", "beaten", "force",
];

/// Whether `w` is a form of the verb `verb` ("hands", "handed", "fought", "labelled"), by the
/// same inflection rules and irregular-verb table as the `lemma~` patterns.
fn is_form_of(w: &str, verb: &str) -> bool {
    crate::inflect::verb_forms(verb).iter().any(|f| f == w)
}

/// "hand back the districts", "pushed back Russian units", "pulled its troops back from the
/// border": "back" as the particle of another verb (or an adverb before "from", "to",
/// "home"…), never the verb "to back" (support).
fn is_phrasal_particle(toks: &[Token], head: usize) -> bool {
    let word = toks[head].lower.as_str();
    if !matches!(word, "back" | "backs" | "backed" | "backing") {
        return false;
    }
    let verb_before = head > 0 && {
        let w = toks[head - 1].lower.as_str();
        BACK_PARTICLE_VERBS.iter().any(|v| is_form_of(w, v))
    };
    // "troops back from the border", "back to Azerbaijan", "back home": an adverb, not "to back"
    // (the verb takes a direct object).
    let adverb = word == "back"
        && toks.get(head + 1).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "from" | "to" | "into" | "home" | "down" | "off" | "up" | "out" | "away" | "across"
            )
        });
    verb_before || adverb
}

/// "Honduras had recognised the government in Taipei for more than eight decades": a perfect
/// with a span of years describes a state of affairs, not an event.
fn is_state_not_event(toks: &[Token], head: usize) -> bool {
    let perfect = (head.saturating_sub(3)..head)
        .any(|i| matches!(toks[i].lower.as_str(), "had" | "has" | "have"));
    if !perfect {
        return false;
    }
    let (cs, ce) = (clause_start(toks, head), clause_end(toks, head));
    (cs..ce).any(|i| {
        toks[i].lower == "for"
            && toks[i + 1..ce.min(i + 5)].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "years" | "decades" | "months" | "centuries" | "generations"
                )
            })
    })
}

/// "Egypt, which has often mediated…" (a habit, not an event) and "demanded that India
/// investigate" (an act asked for, coded as the demand itself).
fn is_habitual_or_demanded(toks: &[Token], head: usize) -> bool {
    let before = |k: usize| head.checked_sub(k).map(|i| toks[i].lower.as_str());
    if (1..=2).any(|k| {
        before(k).is_some_and(|w| {
            matches!(
                w,
                "often"
                    | "usually"
                    | "frequently"
                    | "traditionally"
                    | "regularly"
                    | "typically"
                    | "sometimes"
                    | "occasionally"
                    | "historically"
                    | "routinely"
            )
        })
    }) {
        return true;
    }
    // "would refrain from criticising each other", "avoided condemning Moscow": an act held
    // back is none.
    if (before(1) == Some("from")
        && before(2).is_some_and(|w| w.starts_with("refrain") || w.starts_with("abstain")))
        || before(1).is_some_and(|w| matches!(w, "avoid" | "avoids" | "avoided" | "avoiding"))
    {
        return true;
    }
    // "powers to arrest", "a right to detain", "requires Qatar to scale back": what someone
    // may or must do, not what was done — also for the verbs coordinated with it ("powers to
    // arrest and detain").
    let mut at = head;
    while at >= 2
        && matches!(toks[at - 1].lower.as_str(), "and" | "or")
        && toks[at - 2].kind == TokenKind::Word
        && (at < 3
            || toks[at - 3].lower == "to"
            || matches!(toks[at - 3].lower.as_str(), "and" | "or" | ","))
    {
        at -= 2;
    }
    let before_at = |k: usize| at.checked_sub(k).map(|i| toks[i].lower.as_str());
    if before_at(1) == Some("to")
        && (2..=4).any(|k| {
            before_at(k).is_some_and(|w| {
                matches!(
                    w,
                    "powers"
                        | "power"
                        | "authority"
                        | "right"
                        | "mandate"
                        | "requires"
                        | "required"
                        | "require"
                        | "obliges"
                        | "obliged"
                )
            })
        })
    {
        return true;
    }
    let cs = clause_start(toks, head);
    let lo = head.saturating_sub(10);
    (lo..head).any(|i| {
        matches!(
            toks[i].lower.as_str(),
            "demanded"
                | "demands"
                | "demanding"
                | "urged"
                | "urges"
                | "urging"
                | "asked"
                | "asks"
                | "called"
                | "calls"
                | "pressed"
                | "appealed"
        ) && toks[i + 1..head]
            .iter()
            .any(|t| t.lower == "that" || t.lower == "to")
            && i + 1 < head
            && (i >= cs || toks[i + 1..head].iter().any(|t| t.lower == "that"))
    })
}

/// "agreed to impose sanctions", "pledged to start drawing up a blacklist": a pledge or
/// agreement whose object, right after it, is a hostile act (quad class 3 or 4) is no
/// cooperation with the one the act hits; the act itself is the event.
fn intends_hostile_act(
    lex: &Lexicon,
    m: &TriggerMatch,
    pattern: &Pattern,
    triggers: &[TriggerMatch],
) -> bool {
    pattern.event_type == "intent_to_cooperate"
        && triggers.iter().any(|t| {
            t.start >= m.end
                && t.start <= m.end + 3
                && lex
                    .event_type(&lex.patterns[t.pattern].event_type)
                    .is_some_and(|i| i.quad_class >= 3)
        })
}

/// "after the truce", "since the attack": a noun naming another event as a point in time is
/// a reference, not a report of the event.
/// Pairs (threat, act) of trigger indices where a threat names the act it threatens right
/// after it: "threatened to expel", "warned that it would impose", "vowed to strike".
fn threatened_acts(
    lex: &Lexicon,
    toks: &[Token],
    mentions: &[Mention],
    triggers: &[TriggerMatch],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in triggers.iter().enumerate() {
        let ty = lex.patterns[t.pattern].event_type.as_str();
        if !matches!(
            ty,
            "threaten" | "threaten_force" | "threaten_sanctions" | "ultimatum"
        ) {
            continue;
        }
        let Some((j, u)) = triggers.iter().enumerate().find(|(_, u)| u.start >= t.end) else {
            continue;
        };
        // Only the threatened party and little words may stand between: "warned Lithuania
        // that it would impose…".
        let in_mention = |k: usize| mentions.iter().any(|x| x.tok_start <= k && k < x.tok_end);
        let between = t.end..u.start;
        let linked = between.len() <= 9
            && between.clone().any(|k| {
                matches!(
                    toks[k].lower.as_str(),
                    "to" | "would" | "will" | "could" | "might"
                )
            })
            && between.clone().all(|k| {
                in_mention(k)
                    || matches!(
                        toks[k].lower.as_str(),
                        "to" | "that"
                            | "it"
                            | "they"
                            | "he"
                            | "she"
                            | "would"
                            | "will"
                            | "could"
                            | "might"
                            | "may"
                            | "also"
                            | "again"
                            | "further"
                            | "even"
                            | "'d"
                            | "the"
                    )
            });
        if linked {
            out.push((i, j));
        }
    }
    out
}

/// "It is the third Turkish incursion into Syria in three years": an ordinal after a copula
/// counts events of a kind; it reports none.
fn counts_past_events(toks: &[Token], m: &TriggerMatch, pattern: &Pattern) -> bool {
    if pattern.pos != TriggerPos::Noun {
        return false;
    }
    let lo = m.start.saturating_sub(5);
    (lo..m.start).any(|i| {
        matches!(
            toks[i].lower.as_str(),
            "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "latest"
        ) && i >= 2
            && toks[i - 1].lower == "the"
            && matches!(
                toks[i - 2].lower.as_str(),
                "is" | "was" | "be" | "been" | "marks" | "marked"
            )
    })
}

/// A one-word noun trigger used as a modifier of the noun after it: "the main protest camp",
/// "attack helicopters", "protest leaders" name things, not events.
fn modifies_a_noun(toks: &[Token], m: &TriggerMatch, pattern: &Pattern) -> bool {
    pattern.pos == TriggerPos::Noun
        && m.end == m.start + 1
        && toks.get(m.end).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "camp"
                    | "camps"
                    | "movement"
                    | "movements"
                    | "leader"
                    | "leaders"
                    | "organiser"
                    | "organisers"
                    | "organizer"
                    | "organizers"
                    | "group"
                    | "groups"
                    | "site"
                    | "sites"
                    | "song"
                    | "songs"
                    | "helicopter"
                    | "helicopters"
                    | "drone"
                    | "drones"
                    | "submarine"
                    | "submarines"
                    | "capability"
                    | "capabilities"
                    | "law"
                    | "laws"
                    | "zone"
                    | "zones"
            )
        })
}

fn is_time_reference(text: &str, toks: &[Token], m: &TriggerMatch, pattern: &Pattern) -> bool {
    if pattern.pos != TriggerPos::Noun {
        return false;
    }
    // "after Russia's invasion of Ukraine", "since the junta's crackdown": the same with the
    // agent as a possessive — a name (capitalised words, "the") then "'s", right before the
    // noun or one modifier before it.
    let possessive = (m.start.saturating_sub(2)..m.start)
        .rev()
        .find(|&i| toks[i].kind == TokenKind::Possessive);
    if let Some(p) = possessive {
        let capitalised = |i: usize| {
            text[toks[i].span.start..toks[i].span.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let mut i = p;
        while i > 0 && p - i < 4 && (capitalised(i - 1) || toks[i - 1].lower == "the") {
            i -= 1;
        }
        if i < p
            && i > 0
            && matches!(
                toks[i - 1].lower.as_str(),
                "after" | "before" | "since" | "during" | "until" | "following"
            )
        {
            return true;
        }
    }
    // "in retaliation for the drone strike": the strike is the cause, reported elsewhere.
    let lo5 = m.start.saturating_sub(5);
    if toks[lo5..m.start].windows(2).any(|w| {
        matches!(
            (w[0].lower.as_str(), w[1].lower.as_str()),
            (
                "retaliation" | "revenge" | "reprisal" | "response" | "reaction",
                "for" | "to"
            )
        )
    }) {
        return true;
    }
    let lo = m.start.saturating_sub(4);
    (lo..m.start)
        .rev()
        .find(|&i| {
            !matches!(
                toks[i].lower.as_str(),
                "the" | "a" | "its" | "their" | "this" | "that"
            ) && toks[i].kind == TokenKind::Word
                && toks[i].lower.chars().all(|c| c.is_lowercase() || c == '-')
        })
        .is_some_and(|i| {
            matches!(
                toks[i].lower.as_str(),
                "after" | "before" | "since" | "during" | "until" | "following"
            )
        })
}

/// "a resolution that would have tightened sanctions", "could have been prevented": a modal
/// perfect names an act that did not happen.
fn is_counterfactual(toks: &[Token], head: usize) -> bool {
    let mut i = head;
    // Step back over adverbs and a passive "been" to the "have".
    while i > 0 && head - i < 4 {
        i -= 1;
        let w = toks[i].lower.as_str();
        if w == "have" {
            return i > 0
                && matches!(
                    toks[i - 1].lower.as_str(),
                    "would" | "could" | "might" | "should" | "'d"
                );
        }
        if w != "been" && (!ADVERBS.contains(&w) || matches!(w, "had" | "has")) {
            return false;
        }
    }
    false
}

/// "Pal Jonson, who had been due to hold talks with Akar": a plan told in the past perfect is
/// one that did not happen (the visit was called off).
fn is_plan_fallen_through(toks: &[Token], start: usize) -> bool {
    let w = |k: usize| start.checked_sub(k).map(|i| toks[i].lower.as_str());
    w(1) == Some("to")
        && ((w(3) == Some("been")
            && w(4) == Some("had")
            && matches!(w(2), Some("due" | "scheduled" | "set" | "expected")))
            || (w(3) == Some("had") && matches!(w(2), Some("planned" | "intended" | "hoped"))))
}

/// "criticised Stockholm for tolerating demonstrations by PKK supporters": an event noun that
/// is the object of tolerating, allowing or banning names conduct, not an act of the story.
fn tolerated_conduct(toks: &[Token], start: usize) -> bool {
    let mut j = start;
    while j > 0 && start - j < 3 && DETERMINERS.contains(&toks[j - 1].lower.as_str()) {
        j -= 1;
    }
    j > 0 && {
        let w = toks[j - 1].lower.as_str();
        w.ends_with("ing")
            && [
                "tolerate",
                "allow",
                "permit",
                "harbour",
                "harbor",
                "ban",
                "prevent",
                "encourage",
                "condone",
                "host",
            ]
            .iter()
            .any(|v| is_form_of(w, v))
    }
}

/// Verbs that stop an act before it is done ("halt its offensive", "called off the talks");
/// not "end" ("ended a five-day trip" reports the trip).
const STOPPING_VERBS: &[&str] = &[
    "halt", "stop", "suspend", "pause", "cease", "abandon", "postpone", "cancel", "scrap", "shelve",
];

/// What an act's noun does when it ends: "the truce expired", "the talks collapsed".
const ENDING_WORDS: &[&str] = &[
    "expired",
    "expires",
    "lapsed",
    "lapses",
    "collapsed",
    "collapses",
];

/// The same in the passive only ("a meeting … had been postponed"; "the attack delayed the
/// vote" is an attack).
const ENDED_PARTICIPLES: &[&str] = &[
    "postponed",
    "cancelled",
    "canceled",
    "scrapped",
    "shelved",
    "delayed",
    "suspended",
    "called",
];

/// An event noun named only as what stops or ends: the object of a stopping verb ("agreed to
/// halt its offensive") or the subject of an ending one ("The truce expired on Friday", "a
/// meeting planned for February had been postponed"). The act itself is reported elsewhere
/// (or is the stopping, coded by its own pattern); the noun reports no new one.
fn names_what_stops(toks: &[Token], m: &TriggerMatch, pattern: &Pattern) -> bool {
    if pattern.pos != TriggerPos::Noun {
        return false;
    }
    // Step left over the noun's determiners and modifiers ("its", "a three-way", "the 60-day").
    let mut j = m.start;
    while j > 0
        && m.start - j < 4
        && (DETERMINERS.contains(&toks[j - 1].lower.as_str())
            || NOUN_MODIFIERS.contains(&toks[j - 1].lower.as_str())
            || toks[j - 1].kind == TokenKind::Number
            || toks[j - 1].lower.contains('-'))
    {
        j -= 1;
    }
    let before = |k: usize| j.checked_sub(k).map(|i| toks[i].lower.as_str());
    let stopped = |w: &str| STOPPING_VERBS.iter().any(|v| is_form_of(w, v));
    if before(1).is_some_and(stopped)
        || (before(1) == Some("off") && before(2).is_some_and(|w| is_form_of(w, "call")))
    {
        return true;
    }
    // The subject of the clause: nothing but a clause opening before it.
    let subject = j == 0
        || matches!(
            toks[j - 1].lower.as_str(),
            "," | "that" | "said" | "says" | "and" | "but" | "when" | "after" | "before"
        )
        || toks[j - 1].kind == TokenKind::Punct;
    if !subject {
        return false;
    }
    let end = clause_end(toks, m.end.saturating_sub(1)).min(m.end + 12);
    (m.end..end)
        .take_while(|&k| !matches!(toks[k].lower.as_str(), "," | "which" | "who" | "that"))
        .any(|k| {
            let w = toks[k].lower.as_str();
            let passive = k > 0 && BE.contains(&toks[k - 1].lower.as_str());
            ENDING_WORDS.contains(&w)
                || (passive
                    && ENDED_PARTICIPLES.contains(&w)
                    && (w != "called" || toks.get(k + 1).is_some_and(|t| t.lower == "off")))
                || (matches!(toks[k].lower.as_str(), "down" | "apart")
                    && k > 0
                    && matches!(toks[k - 1].lower.as_str(), "broke" | "fell" | "falls"))
        })
}

/// "Islamic State has struck in Iran before", "Russia has expelled diplomats in the past": a
/// perfect with "before" or "in the past" and no date tells what has happened at some time,
/// not an event of the story.
fn happened_before(toks: &[Token], head: usize) -> bool {
    let perfect = (head.saturating_sub(3)..head)
        .any(|i| matches!(toks[i].lower.as_str(), "has" | "have" | "had"));
    if !perfect {
        return false;
    }
    // Within the verb's own short clause: "before" ends the clause, so it is looked at first.
    let ends_here = |k: usize| toks.get(k + 1).is_none_or(|t| t.kind == TokenKind::Punct);
    for k in head + 1..toks.len().min(head + 7) {
        let w = toks[k].lower.as_str();
        let in_the_past =
            w == "past" && k >= 2 && toks[k - 1].lower == "the" && toks[k - 2].lower == "in";
        if (w == "before" || in_the_past) && ends_here(k) {
            return true;
        }
        if toks[k].kind == TokenKind::Punct || is_clause_break(toks, k) {
            return false;
        }
    }
    false
}

/// Whether an actor (or a pronoun for one) is the direct object starting at `at`: "received
/// the Chinese minister", "received him" — not "receive far less", "received a letter".
fn object_is_actor(toks: &[Token], mentions: &[Mention], at: usize) -> bool {
    if toks
        .get(at)
        .is_some_and(|t| matches!(t.lower.as_str(), "him" | "her" | "them" | "us"))
    {
        return true;
    }
    mentions.iter().any(|x| {
        !x.weak
            && x.tok_start >= at
            && x.tok_start <= at + 2
            && toks[at..x.tok_start]
                .iter()
                .all(|t| DETERMINERS.contains(&t.lower.as_str()))
    })
}

/// The person or people welcomed when the object of "welcome" names them ("welcomed
/// Gershkovich", "welcomed the freed prisoners"), rather than a decision or deal.
fn welcomed_person<'m>(toks: &[Token], mentions: &'m [Mention], at: usize) -> Option<&'m Actor> {
    let m = mentions.iter().find(|x| {
        !x.weak
            && x.tok_start >= at
            && x.tok_start <= at + 2
            && toks[at..x.tok_start].iter().all(|t| {
                DETERMINERS.contains(&t.lower.as_str())
                    || NOUN_MODIFIERS.contains(&t.lower.as_str())
                    || t.lower.ends_with("ed")
            })
    })?;
    // "welcomed Germany's decision": the actor only owns the thing welcomed.
    if toks
        .get(m.tok_end)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
    {
        return None;
    }
    let a = &m.actor;
    (a.kind == ActorKind::Person || is_citizenry(a) || is_crowd(a)).then_some(a)
}

/// "will see 2,000 Russian peacekeepers deployed": a peacekeeping or monitoring force sent
/// to keep a truce is no show of force.
fn peacekeeping(toks: &[Token], head: usize) -> bool {
    let (cs, ce) = (clause_start(toks, head), clause_end(toks, head));
    toks[cs..ce].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "peacekeepers"
                | "peacekeeper"
                | "peacekeeping"
                | "peace-keepers"
                | "peace-keeping"
                | "monitors"
                | "observers"
        )
    })
}

/// The agent of an absolute "with X doing" phrase: "…agreed to settle the dispute, with
/// Tokyo offering an apology" — Tokyo offers it, not the subject of the sentence.
fn with_absolute_agent<'m>(
    toks: &[Token],
    mentions: &'m [Mention],
    m: &TriggerMatch,
) -> Option<&'m Actor> {
    if !toks[m.start].lower.ends_with("ing") {
        return None;
    }
    let x = mentions
        .iter()
        .find(|x| !x.weak && x.tok_end == m.start && x.tok_start > 0)?;
    (toks[x.tok_start - 1].lower == "with").then_some(&x.actor)
}

/// Prepositions whose object a participle may describe ("linked to militants fighting…").
const DESCRIBED_AFTER: &[&str] = &[
    "to", "with", "of", "against", "on", "for", "from", "among", "between",
];

/// "Ankara views the YPG as a group linked to Kurdish militants fighting inside Turkey": an
/// "-ing" verb right after the noun of a prepositional phrase describes that group (a reduced
/// relative clause); it reports no act.
fn describes_a_group(toks: &[Token], head: usize) -> bool {
    if !toks[head].lower.ends_with("ing") || head < 2 {
        return false;
    }
    let noun = &toks[head - 1];
    if noun.kind != TokenKind::Word
        || !noun.lower.ends_with('s')
        || BE.contains(&noun.lower.as_str())
        || ADVERBS.contains(&noun.lower.as_str())
        || PRONOUNS.contains(&noun.lower.as_str())
    {
        return false;
    }
    // Back over the noun's modifiers to the preposition.
    (head.saturating_sub(5)..head - 1)
        .rev()
        .take_while(|&i| toks[i].kind == TokenKind::Word)
        .any(|i| DESCRIBED_AFTER.contains(&toks[i].lower.as_str()))
}

/// Whether an agreement's or pledge's complement punishes: sanctions named after the trigger
/// in its clause, and no lifting or easing of them.
fn agrees_to_sanctions(lex: &Lexicon, toks: &[Token], m: &TriggerMatch) -> bool {
    let end = toks.len().min(m.end + 20);
    let words: Vec<&str> = toks[m.end..end]
        .iter()
        .take_while(|t| !matches!(t.lower.as_str(), ";" | "." | "but" | "while"))
        .map(|t| t.lower.as_str())
        .collect();
    let sanction = lex.classes.get("SANCTION").is_some_and(|alts| {
        alts.iter().any(|alt| {
            words
                .windows(alt.len())
                .any(|w| w.iter().zip(alt).all(|(a, b)| *a == b.as_str()))
        })
    });
    let eased = words.iter().any(|w| {
        [
            "lift", "ease", "remove", "relax", "drop", "scrap", "end", "suspend", "waive",
        ]
        .iter()
        .any(|v| is_form_of(w, v))
    });
    sanction && !eased
}

/// Types that can have a target of the source's own country (arrests, crackdowns, trials).
const DOMESTIC_OK: &[&str] = &[
    "arrest",
    "convict",
    "repress",
    "torture",
    "assault",
    "mass_killing",
    "attack",
    "bombing",
    "investigate",
    "sue",
    "demonstrate",
    "state_of_emergency",
    "deport",
    "abduct",
    "release",
    "assassinate",
    "impose_restrictions",
    "accuse",
    "criticize",
    "demand",
    "appeal",
    "threaten",
    "reject",
    "consult",
    "phone_call",
];

/// Types whose missing target is the source's own country: (type, role of the target).
const DOMESTIC_TARGETS: &[(&str, &str)] = &[
    ("repress", "CVL"),
    ("mass_killing", "CVL"),
    ("arrest", "CVL"),
    ("convict", "CVL"),
    ("demonstrate", "GOV"),
];

/// Whether two CAMEO roots name the same kind of act; the uses of force (18 assault, 19
/// fight, 20 mass violence) are one kind: "Israel carried out air strikes… The raids killed…".
fn same_kind_of_act(a: &str, b: &str) -> bool {
    let force = |r: &str| matches!(r, "18" | "19" | "20");
    a == b || (force(a) && force(b))
}

/// Participles that describe how the subject feels ("concerned by", "dismayed at"): never
/// passives of an act.
const EXPERIENCER_ADJECTIVES: &[&str] = &[
    "concerned",
    "alarmed",
    "dismayed",
    "troubled",
    "disappointed",
    "shocked",
    "worried",
    "outraged",
    "saddened",
    "appalled",
];

/// Whether the mention at `start` names members of a group just mentioned: "…embassies, among
/// them those of the United States and Britain,", "…countries, including France,".
/// "Part of the crowd stormed…", "Some of the protesters…": a share of a group that opens the
/// clause makes the group its subject.
fn partitive_subject(toks: &[Token], cs: usize, start: usize) -> bool {
    let mut k = start;
    while k > cs && matches!(toks[k - 1].lower.as_str(), "the" | "a" | "an") {
        k -= 1;
    }
    if k < cs + 2 || toks[k - 1].lower != "of" {
        return false;
    }
    let share = k - 2;
    matches!(
        toks[share].lower.as_str(),
        "part"
            | "parts"
            | "some"
            | "many"
            | "most"
            | "several"
            | "members"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "scores"
            | "groups"
            | "sections"
            | "elements"
            | "units"
    ) && toks[cs..share]
        .iter()
        .all(|t| matches!(t.lower.as_str(), "the" | "a" | "an"))
}

fn named_members(toks: &[Token], start: usize) -> bool {
    let words: Vec<&str> = toks[start.saturating_sub(5)..start]
        .iter()
        .map(|t| t.lower.as_str())
        .filter(|w| *w != "the")
        .collect();
    words.ends_with(&[",", "among", "them"])
        || words.ends_with(&[",", "among", "them", "those", "of"])
        || words.ends_with(&[",", "including"])
        || words.ends_with(&[",", "including", "those", "of"])
}

/// The CAMEO root of the event a verb's subject names, when that subject is a definite event
/// noun and nothing else ("The strikes killed…", "These raids also destroyed…").
fn event_noun_subject(
    lex: &Lexicon,
    toks: &[Token],
    mentions: &[Mention],
    head: usize,
) -> Option<String> {
    let cs = clause_start(toks, head);
    let mut end = head;
    while end > cs
        && matches!(
            toks[end - 1].lower.as_str(),
            "also" | "had" | "have" | "has"
        )
    {
        end -= 1;
    }
    let words = toks.get(cs..end)?;
    if words.len() < 2
        || words.len() > 4
        || !matches!(
            words[0].lower.as_str(),
            "the" | "these" | "those" | "this" | "that"
        )
        || words.iter().any(|t| t.kind != TokenKind::Word)
        || mentions.iter().any(|x| x.tok_start < end && x.tok_end > cs)
    {
        return None;
    }
    let noun = &words[words.len() - 1].lower;
    lex.pattern_index
        .get(noun)?
        .iter()
        .map(|&p| &lex.patterns[p])
        .find(|p| p.elems.len() == 1)
        .and_then(|p| lex.event_type(&p.event_type))
        .map(|i| i.cameo.chars().take(2).collect())
}

/// Event types that answer an earlier act ("denied the charges", "condemned the strikes").
const REACTIONS: &[&str] = &[
    "deny_responsibility",
    "reject",
    "criticize",
    "disapprove",
    "praise",
];

/// Whether a trigger is a reaction whose object is a description of an earlier act
/// ("the charges", "the move", "this decision") rather than an actor.
fn reacts_to_previous(pattern: &Pattern, toks: &[Token], m: &TriggerMatch) -> bool {
    if pattern.answers {
        return true;
    }
    if !REACTIONS.contains(&pattern.event_type.as_str()) {
        return false;
    }
    // The words right after the trigger ("turned down the request": after "down").
    let particle = toks
        .get(m.end.saturating_sub(1))
        .is_some_and(|t| matches!(t.lower.as_str(), "down" | "off" | "out" | "aside" | "away"));
    let from = if particle && m.end - m.head <= 3 {
        m.end
    } else {
        m.head + 1
    };
    // Past a preposition closing the pattern: "concerned by the violence".
    let upto = (m.end + 1).max(m.head + 1).min(m.head + 4).min(toks.len());
    // "regretted a decision", "rejected an attempt": an act named with "a" is one already
    // done, too.
    let indefinite_act = toks
        .get(from)
        .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
        && toks
            .get(from + 1)
            .is_some_and(|t| ANSWERED_NOUNS.contains(&t.lower.as_str()));
    indefinite_act
        || (from..upto.max(from + 1).min(toks.len())).any(|i| {
            matches!(
                toks[i].lower.as_str(),
                "the"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "such"
                    | "its"
                    | "their"
                    | "any"
                    | "what"
                    | "it"
            )
        })
}

/// An act later sentences may answer: its sentence, its sources, whether it is itself a
/// reaction, its CAMEO root and its targets.
type Act = (usize, Vec<Actor>, bool, String, Vec<Actor>);

/// Nouns naming someone's words: a reaction to them answers the speaker ("dismissed the
/// criticism"), not the act the words were about.
const SPEECH_NOUNS: &[&str] = &[
    "criticism",
    "criticisms",
    "remarks",
    "remark",
    "comments",
    "comment",
    "statement",
    "statements",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charges",
    "claims",
    "claim",
    "condemnation",
    "warning",
    "warnings",
    "threats",
    "threat",
    "words",
    "rhetoric",
];

/// Nouns naming an act of force that are no trigger of their own ("condemned the strike"):
/// the kind of act a reaction to them answers.
const FORCE_NOUNS: &[&str] = &[
    "strike",
    "strikes",
    "bombing",
    "bombings",
    "shelling",
    "killing",
    "killings",
    "massacre",
    "blast",
    "bombardment",
    "barrage",
];

/// Nouns naming a step someone took, which a reaction answers even after "a": "regretted a
/// decision", "rejected a request".
const ANSWERED_NOUNS: &[&str] = &[
    "decision", "move", "step", "request", "demand", "proposal", "offer", "measure", "ruling",
];

/// Modality from cue words before the trigger in its clause.
fn modality(toks: &[Token], head: usize) -> Modality {
    let cs = clause_start(toks, head);
    let from = head.saturating_sub(8).max(cs);
    let window: Vec<&str> = toks[from..head].iter().map(|t| t.lower.as_str()).collect();
    let has = |w: &str| window.contains(&w);
    if has("not")
        || has("n't")
        || has("never")
        || window
            .windows(2)
            .any(|p| matches!(p, ["refused", "to"] | ["declined", "to"] | ["failed", "to"]))
        || has("denied")
        || has("denies")
    {
        return Modality::Negated;
    }
    if has("allegedly")
        || has("alleged")
        || has("reportedly")
        || has("suspected")
        || has("accused")
        || has("accusing")
        || has("accuses")
        || has("claimed")
        || has("purportedly")
        || has("blamed")
    {
        return Modality::Alleged;
    }
    // "said he would travel": reported future, not a hypothesis.
    let reported = toks[..head]
        .iter()
        .any(|t| REPORTING.contains(&t.lower.as_str()));
    if has("would") && reported && !has("if") && !has("unless") {
        return Modality::Future;
    }
    if has("would") || has("could") || has("might") || has("if") || has("unless") || has("may") {
        return Modality::Hypothetical;
    }
    if has("will")
        || has("'ll")
        || has("shall")
        || window.windows(2).any(|p| {
            matches!(
                p,
                ["plans", "to"]
                    | ["planned", "to"]
                    | ["plan", "to"]
                    | ["intends", "to"]
                    | ["expected", "to"]
                    | ["likely", "to"]
                    | ["set", "to"]
                    | ["due", "to"]
                    | ["vowed", "to"]
                    | ["threatened", "to"]
                    | ["threatens", "to"]
                    | ["pledged", "to"]
                    | ["promised", "to"]
                    | ["going", "to"]
                    | ["aims", "to"]
                    | ["wants", "to"]
                    | ["is", "to"]
                    | ["are", "to"]
                    | ["ready", "to"]
                    | ["decided", "to"]
                    | ["agreed", "to"]
                    | ["seeks", "to"]
                    | ["prepared", "to"]
            )
        })
    {
        return Modality::Future;
    }
    Modality::Asserted
}

/// Whether the act at `head` is forecast ("is expected to welcome", "are likely to condemn"):
/// without a date of its own that is a guess, not a scheduled event.
fn is_forecast(toks: &[Token], head: usize) -> bool {
    let from = head.saturating_sub(6).max(clause_start(toks, head));
    toks[from..head].windows(3).any(|w| {
        matches!(w[0].lower.as_str(), "is" | "are" | "was" | "were" | "'s")
            && matches!(w[1].lower.as_str(), "expected" | "likely")
            && w[2].lower == "to"
    })
}

fn is_future_clause(toks: &[Token], head: usize) -> bool {
    let cs = clause_start(toks, head);
    toks[cs..toks.len().min(head + 6)].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "will" | "'ll" | "shall" | "next" | "upcoming" | "tomorrow" | "scheduled"
        )
    })
}

/// Extract the events of one document.
pub fn extract(doc: &Document, lex: &Lexicon) -> Vec<Event> {
    extract_traced(doc, lex, None)
}

/// What the extractor saw in one sentence: for `demarche explain`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SentenceTrace {
    /// Byte span of the sentence.
    pub span: Span,
    /// The sentence.
    pub text: String,
    /// Actor mentions: the words, the actor, and whether it was resolved from context
    /// (a pronoun, "the ministry", a surname).
    pub actors: Vec<(String, Actor, bool)>,
    /// Time expressions: the words and their value (as resolved in a past-tense clause).
    pub times: Vec<(String, String)>,
    /// Trigger matches and what came of them.
    pub triggers: Vec<TriggerTrace>,
}

/// One trigger match and the roles found for it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TriggerTrace {
    /// Pattern id from `events.tsv`.
    pub pattern: String,
    /// Event type.
    pub event_type: String,
    /// The words matched.
    pub words: String,
    /// Sources found.
    pub sources: Vec<String>,
    /// Targets found.
    pub targets: Vec<String>,
    /// Number of events coded from it (0: no source, no target where one is needed, …).
    pub coded: usize,
    /// Why no event came of it, when none did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip)]
    start: usize,
}

/// Record on the trace entry of the trigger just seen why it yielded no event.
fn why(trace: &mut Option<&mut Vec<SentenceTrace>>, reason: &str) {
    if let Some(tr) = trace
        .as_deref_mut()
        .and_then(|t| t.last_mut())
        .and_then(|s| s.triggers.last_mut())
    {
        tr.reason = Some(reason.to_string());
    }
}

/// Extract the events of one document and explain, sentence by sentence, the actors, times
/// and triggers behind them.
pub fn explain(doc: &Document, lex: &Lexicon) -> (Vec<SentenceTrace>, Vec<Event>) {
    let mut trace = Vec::new();
    let events = extract_traced(doc, lex, Some(&mut trace));
    (trace, events)
}

fn extract_traced(
    doc: &Document,
    lex: &Lexicon,
    mut trace: Option<&mut Vec<SentenceTrace>>,
) -> Vec<Event> {
    let text = &doc.text;
    let skip = boilerplate_spans(text, lex);
    let sents = sentences(text, &skip);
    let dateline = crate::clean::dateline_span(text);
    let mut dateline_country: Option<String> = None;
    let mut actors = DocActors::new(lex, doc.dct, text);
    let mut history: Vec<Actor> = Vec::new();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut anchors: Vec<Anchor> = Vec::new();
    // Sources of every trigger so far, with their sentence: the acts later sentences answer.
    let mut acts: Vec<Act> = Vec::new();
    // The last two parties seen dealing with each other (talks, truces), for mediators.
    let mut last_pair: Option<(Actor, Actor)> = None;
    // The two sides of the latest fight or truce between states: who "each side" is, and
    // who fights when "fighting erupted" names no one.
    let mut last_sides: Option<(Actor, Actor)> = None;
    // The last dispute: the sides of the latest hostile act between states, for a mediator
    // "in the rift" or an appeal to "both sides".
    let mut last_dispute: Option<(Vec<Actor>, Vec<Actor>)> = None;
    // The same for material conflict only (fighting, sanctions): the sides "both sides" means.
    let mut last_fight: Option<(Vec<Actor>, Vec<Actor>)> = None;
    // Accusations so far (accuser, accused, whether an accusation in words), for denials.
    let mut accusations: Vec<(Vec<Actor>, Actor, bool)> = Vec::new();
    // The kind of act the last reaction named, and its sentence, for a later "it".
    let mut last_named_root: Option<(usize, String)> = None;

    // The subject of the sentence before, for a pronoun opening the next one.
    let mut last_subject: Option<Actor> = None;
    let mut sent_times = Vec::with_capacity(sents.len());
    for (si, sent) in sents.iter().enumerate() {
        let mentions = actors.mentions(lex, text, sent);
        // "DNIPRO, Ukraine, Jan 16 —": the country the story is filed from, when it names one.
        if si == 0 {
            let mut filed = mentions
                .iter()
                .filter(|x| dateline.is_some_and(|d| d.overlaps(x.span)))
                .map(|x| x.actor.country.clone())
                .filter(|c| !c.is_empty());
            dateline_country = filed.next().filter(|c| filed.all(|o| &o == c));
        }
        let timexes: Vec<Timex> = timex::find(text, sent.span)
            .into_iter()
            .filter(|t| !dateline.is_some_and(|d| d.overlaps(t.span)))
            .collect();
        sent_times.push(sentence_times(text, sent, &timexes, doc));
        if let Some(t) = trace.as_deref_mut() {
            t.push(SentenceTrace {
                span: sent.span,
                text: text[sent.span.start..sent.span.end].to_string(),
                actors: mentions
                    .iter()
                    .filter(|m| !m.weak)
                    .map(|m| {
                        (
                            text[m.span.start..m.span.end].to_string(),
                            m.actor.clone(),
                            m.resolved,
                        )
                    })
                    .collect(),
                times: timexes
                    .iter()
                    .map(|x| {
                        let v = match x.resolve(doc.dct, Tense::Past) {
                            TimeRef::Value(v) if v.is_known() => format!(
                                "{} [{}..{}] {}",
                                v.value,
                                v.start.map(|d| d.to_string()).unwrap_or_default(),
                                v.end.map(|d| d.to_string()).unwrap_or_default(),
                                v.basis.as_str()
                            ),
                            // Durations and sets have a value but no days.
                            TimeRef::Value(v) if !v.value.is_empty() => v.value,
                            TimeRef::Value(_) => "unresolved (no publication date)".to_string(),
                            TimeRef::Narrative { .. } => {
                                "relative to the previous event".to_string()
                            }
                            TimeRef::Event { noun, .. } => format!("relative to the {noun}"),
                        };
                        (x.text.clone(), format!("{} {v}", x.ty.as_str()))
                    })
                    .collect(),
                triggers: Vec::new(),
            });
        }
        // Every dated expression is a point the narrative can refer back to ("later that day").
        for x in &timexes {
            if let TimeRef::Value(v) = x.resolve(doc.dct, Tense::Past) {
                if v.is_known() && v.precision == crate::model::Precision::Day {
                    anchors.push(Anchor {
                        words: String::new(),
                        event_type: String::new(),
                        time: v,
                        start: x.span.start,
                    });
                }
            }
        }
        let triggers: Vec<TriggerMatch> = find_triggers(lex, text, &sent.tokens)
            .into_iter()
            .filter(|m| {
                // A trigger word inside a time expression ("after the attack") is an anchor,
                // not an event; a time inside a longer trigger ("agreed on Monday to") is fine.
                let sp = sent.tokens[m.head].span;
                !timexes.iter().any(|t| t.span.overlaps(sp))
            })
            .collect();
        let heads: Vec<usize> = triggers.iter().map(|m| m.head).collect();
        let ctx = Ctx {
            exclude: Default::default(),
            passive_subject: Default::default(),
            lex,
            text,
            toks: &sent.tokens,
            mentions: &mentions,
            history: &history,
            heads: &heads,
            prev_subject: last_subject.as_ref(),
            dateline_country: actors.dateline_place.as_deref(),
        };
        let mut prev_sources: Option<Vec<Actor>> = None;
        // The sources (keys) and targets of the last act of the sentence with both.
        let mut prev_act: Option<(Vec<String>, Vec<Actor>)> = None;
        // The last act of the sentence with a target: its agents' keys, its targets, whether
        // it was hostile (quad class 3 or 4), and its head.
        let mut prev_targets: Option<(Vec<String>, Vec<Actor>, bool, usize)> = None;
        // The last event noun of the sentence with a known agent, and where it ends.
        let mut prev_noun: Option<(usize, Vec<Actor>)> = None;
        // The kind of act (CAMEO root) a reaction's object names: a trigger right after it, or
        // an event noun that matched no full pattern ("the expulsions" without "of diplomats").
        let object_root = |m: &TriggerMatch| {
            let noun_type = (m.head + 1..sent.tokens.len().min(m.head + 5)).find_map(|i| {
                lex.pattern_index
                    .get(&sent.tokens[i].lower)?
                    .iter()
                    .map(|&p| &lex.patterns[p])
                    .find(|p| p.pos == TriggerPos::Noun)
                    .map(|p| p.event_type.clone())
            });
            triggers
                .iter()
                .find(|t| t.start > m.head && t.start <= m.head + 4)
                .map(|t| lex.patterns[t.pattern].event_type.clone())
                .or(noun_type)
                .and_then(|t| lex.event_type(&t))
                .map(|i| i.cameo.chars().take(2).collect::<String>())
                .or_else(|| {
                    sent.tokens[m.head + 1..sent.tokens.len().min(m.head + 5)]
                        .iter()
                        .any(|t| FORCE_NOUNS.contains(&t.lower.as_str()))
                        .then(|| "19".to_string())
                })
        };
        let threats = threatened_acts(lex, &sent.tokens, &mentions, &triggers);
        for (ti, m) in triggers.iter().enumerate() {
            let pattern = &lex.patterns[m.pattern];
            let words =
                text[sent.tokens[m.start].span.start..sent.tokens[m.end - 1].span.end].to_string();
            let filtered = if threats.iter().any(|&(_, inner)| inner == ti) {
                Some("the act a threat threatens: kept on the threat")
            } else if is_state_not_event(&sent.tokens, m.head) {
                Some("a state, not an event")
            } else if pattern.event_type == "ceasefire"
                && pattern.pos == TriggerPos::Noun
                && triggers.iter().any(|t| {
                    lex.patterns[t.pattern].event_type == "mediate"
                        && t.end <= m.start
                        && m.start - t.end <= 2
                })
            {
                // "Qatar, which brokered the truce with Egypt and the United States": those
                // named with it are co-mediators, not the parties to the truce.
                Some("a truce as the object of its mediation: coded as the mediation")
            } else if quoted_in_other_trigger(&sent.tokens, m, pattern, &triggers) {
                Some("a label inside another trigger's object ('blamed what it called…')")
            } else if is_phrasal_particle(&sent.tokens, m.head) {
                Some("a particle of a phrasal verb ('hand back'), not the verb 'back'")
            } else if intends_hostile_act(lex, m, pattern, &triggers) {
                Some(
                    "an intent to do a hostile act ('agreed to impose sanctions'): the act is coded",
                )
            } else if is_habitual_or_demanded(&sent.tokens, m.head) {
                Some("habitual, generic or only demanded")
            } else if pattern.pos == TriggerPos::Verb && is_counterfactual(&sent.tokens, m.head) {
                Some("a counterfactual ('would have tightened'): an act that did not happen")
            } else if pattern.pos == TriggerPos::Verb
                && is_plan_fallen_through(&sent.tokens, m.start)
            {
                Some("a plan in the past perfect ('had been due to hold talks'): it fell through")
            } else if pattern.pos == TriggerPos::Noun && tolerated_conduct(&sent.tokens, m.start) {
                Some("conduct tolerated or allowed ('for tolerating demonstrations'), no act")
            } else if pattern.pos == TriggerPos::Noun
                && triggers.iter().any(|t| {
                    lex.patterns[t.pattern].event_type == "intent_to_cooperate"
                        && t.end <= m.start
                        && m.start - t.end <= 8
                        && (t.end..m.start).all(|i| !is_clause_break(&sent.tokens, i))
                })
            {
                Some("an act inside an agreement or pledge: coded as the pledge")
            } else if names_what_stops(&sent.tokens, m, pattern) {
                Some("an act named only as what stops or ends ('halt its offensive')")
            } else if happened_before(&sent.tokens, m.head) {
                Some("a perfect with 'before': what has happened at some time, no event")
            } else if pattern.pos == TriggerPos::Verb && describes_a_group(&sent.tokens, m.head) {
                Some("a participle describing a group ('linked to militants fighting in…')")
            } else if pattern.event_type == "mobilize" && peacekeeping(&sent.tokens, m.head) {
                Some("peacekeepers or monitors deployed: no show of force")
            } else if is_time_reference(text, &sent.tokens, m, pattern) {
                Some("names the event a time is measured from")
            } else if counts_past_events(&sent.tokens, m, pattern) {
                Some("counts events ('the third Turkish incursion in three years')")
            } else if modifies_a_noun(&sent.tokens, m, pattern) {
                Some("a noun naming a kind of thing ('protest camp', 'attack helicopters')")
            } else {
                None
            };
            if let Some(reason) = filtered {
                if let Some(t) = trace.as_deref_mut().and_then(|t| t.last_mut()) {
                    t.triggers.push(TriggerTrace {
                        pattern: pattern.id.clone(),
                        event_type: pattern.event_type.clone(),
                        words,
                        sources: Vec::new(),
                        targets: Vec::new(),
                        coded: 0,
                        reason: Some(reason.to_string()),
                        start: sent.tokens[m.start].span.start,
                    });
                }
                continue;
            }
            let mut roles = ctx.roles(m, pattern, prev_sources.as_ref());
            // "…, with Tokyo offering an apology": in an absolute "with X doing" the agent is X.
            // With no target of its own, it is aimed at the others the sentence is about
            // ("Japan and South Korea agreed…, with Tokyo offering an apology").
            if let Some(x) = with_absolute_agent(&sent.tokens, &mentions, m) {
                let others = |v: &[Actor]| -> Vec<Actor> {
                    v.iter()
                        .filter(|a| {
                            a.key() != x.key() && (a.country.is_empty() || a.country != x.country)
                        })
                        .cloned()
                        .collect()
                };
                roles.targets = others(&roles.targets);
                if roles.targets.is_empty() {
                    roles.targets = others(&roles.sources);
                }
                roles.sources = vec![x.clone()];
            }
            // "would withdraw its ambassador from Tegucigalpa and halt all cooperation
            // projects": a second act joined by "and" to the first, with the same agent and no
            // object of its own, is aimed where the first was (acts of one kind only: both
            // hostile or both cooperative).
            if roles.targets.is_empty()
                && pattern.needs_target
                && !crate::eval::SYMMETRIC.contains(&pattern.event_type.as_str())
            {
                if let Some((keys, targets, hostile, prev_head)) = &prev_targets {
                    let toks = &sent.tokens;
                    let mut k = m.head;
                    while k > 0 && ADVERBS.contains(&toks[k - 1].lower.as_str()) {
                        k -= 1;
                    }
                    // …in one clause: "…and told carriers to avoid Belarus, after Minsk forced
                    // a jet to land and arrested…" joins two clauses, not two acts.
                    // "summoned the Russian ambassador to express concern": words said in
                    // the purpose clause of a summons or meeting are aimed at the one met.
                    let purpose = k > prev_head + 1
                        && toks[k - 1].lower == "to"
                        && triggers.iter().any(|t| {
                            t.head == *prev_head
                                && MEETING_ACTS
                                    .contains(&lex.patterns[t.pattern].event_type.as_str())
                        })
                        && lex
                            .event_type(&pattern.event_type)
                            .is_some_and(|i| matches!(i.quad_class, 1 | 3))
                        && !(prev_head + 1..k - 1).any(|i| is_clause_break(toks, i));
                    let joined = k > prev_head + 1
                        && toks[k - 1].lower == "and"
                        && !(prev_head + 1..k - 1).any(|i| is_clause_break(toks, i) && i + 2 != k);
                    let same_agent = !roles.sources.is_empty()
                        && roles.sources.iter().map(Actor::key).collect::<Vec<_>>() == *keys;
                    let this_hostile = lex
                        .event_type(&pattern.event_type)
                        .is_some_and(|i| i.quad_class >= 3);
                    if same_agent && ((joined && this_hostile == *hostile) || purpose) {
                        roles.targets = targets.clone();
                        roles.via_context = true;
                    }
                }
            }
            // "…issued a joint rebuke, prompting Caracas to recall its ambassadors": an act
            // some earlier act caused answers the ones who did that act.
            if roles.targets.is_empty() && pattern.needs_target && !roles.sources.is_empty() {
                if let Some(t) = causers(&sent.tokens, &mentions, m, &roles.sources) {
                    roles.targets = t;
                    roles.via_context = true;
                }
            }
            // "threatened to expel British diplomats": the threat is aimed at whom the act
            // would hit, and keeps the act's type.
            let threatened = threats
                .iter()
                .find(|&&(t, _)| t == ti)
                .map(|&(_, inner)| &triggers[inner]);
            let mut threatened_type = String::new();
            let mut event_type = pattern.event_type.clone();
            if let Some(inner) = threatened {
                let inner_pattern = &lex.patterns[inner.pattern];
                threatened_type = inner_pattern.event_type.clone();
                if event_type == "threaten" {
                    // Force is CAMEO 18-20 (assault, fight, mass violence).
                    let root: String = lex
                        .event_type(&threatened_type)
                        .map(|i| i.cameo.chars().take(2).collect())
                        .unwrap_or_default();
                    event_type = match root.as_str() {
                        _ if threatened_type == "impose_sanctions" => "threaten_sanctions",
                        "18" | "19" | "20" => "threaten_force",
                        _ => "threaten",
                    }
                    .to_string();
                }
                if roles.targets.is_empty() {
                    let own: Vec<String> = roles.sources.iter().map(Actor::key).collect();
                    roles.targets = ctx
                        .roles(inner, inner_pattern, Some(&roles.sources))
                        .targets
                        .into_iter()
                        .filter(|t| !own.contains(&t.key()))
                        .collect();
                }
            }
            let reaction_root = REACTIONS
                .contains(&pattern.event_type.as_str())
                .then(|| object_root(m))
                .flatten();
            // "an Israeli air strike in Beirut killed…": a verb whose subject is an event noun
            // takes that event's agent.
            if roles.sources.is_empty()
                && pattern.pos == TriggerPos::Verb
                && !is_passive(&sent.tokens, m.head)
            {
                if let Some((end, s)) = &prev_noun {
                    if *end <= m.head
                        && (*end..m.head).all(|i| !is_clause_break(&sent.tokens, i))
                        && m.head - *end <= 6
                    {
                        roles.sources = s.clone();
                        roles.via_context = true;
                    }
                }
            }
            // "Israel launched strikes on Iran. The strikes killed the commander…": a verb whose
            // subject is a definite event noun takes the agent of the latest act of that kind.
            if roles.sources.is_empty()
                && pattern.pos == TriggerPos::Verb
                && !is_passive(&sent.tokens, m.head)
            {
                if let Some(root) = event_noun_subject(lex, &sent.tokens, &mentions, m.head) {
                    if let Some((_, s, _, _, _)) =
                        acts.iter().rev().find(|(s, _, reaction, r, _)| {
                            si - *s <= 2 && !reaction && same_kind_of_act(r, &root)
                        })
                    {
                        roles.sources = s.clone();
                        roles.via_context = true;
                    }
                }
            }
            // "a four-day truce": with no party named, a truce holds between the last two
            // parties seen dealing with each other; so does an agreement signed with no signer
            // named ("The treaty was signed in Pyongyang on Wednesday").
            if roles.sources.is_empty()
                && roles.targets.is_empty()
                && (pattern.event_type == "ceasefire"
                    || (pattern.event_type == "sign_agreement" && is_passive(&sent.tokens, m.head)))
            {
                if let Some((a, b)) = &last_pair {
                    roles.sources = vec![a.clone()];
                    roles.targets = vec![b.clone()];
                    roles.via_context = true;
                }
            }
            // "with each side accusing the other", "fighting erupted on Sept. 27": an act
            // between the two sides, each way.
            // ("each side", "both sides" right before the verb are those sides, whatever
            // the clause's subject was.)
            let each_side = (m.start.saturating_sub(3)..m.start).any(|k| {
                matches!(sent.tokens[k].lower.as_str(), "each" | "both")
                    && sent
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "side" | "sides"))
            });
            let reciprocal = reciprocal_act(&sent.tokens, m, &pattern.event_type)
                && roles.targets.is_empty()
                && (roles.sources.len() == 2 || roles.sources.is_empty() || each_side);
            let reciprocal = reciprocal
                && match (&roles.sources[..], &last_sides) {
                    (_, Some((a, b))) if each_side => {
                        roles.sources = vec![a.clone(), b.clone()];
                        roles.via_context = true;
                        true
                    }
                    ([_, _], _) => true,
                    ([], Some((a, b))) => {
                        roles.sources = vec![a.clone(), b.clone()];
                        roles.via_context = true;
                        true
                    }
                    _ => false,
                };
            if pattern.pos == TriggerPos::Noun && !roles.sources.is_empty() {
                prev_noun = Some((m.end, roles.sources.clone()));
            }
            if roles.targets.is_empty() && !roles.sources.is_empty() {
                match pattern.event_type.as_str() {
                    // A mediator mediates, and a truce holds, between the last two parties in
                    // the story.
                    "mediate" | "ceasefire" => {
                        if let Some((a, b)) = &last_pair {
                            roles.targets = vec![a.clone(), b.clone()];
                            roles.via_context = true;
                        } else if let Some((a, b)) = last_dispute
                            .as_ref()
                            .filter(|_| pattern.event_type == "mediate")
                        {
                            roles.targets = a.iter().chain(b).cloned().collect();
                            roles.via_context = true;
                        }
                    }
                    // "said the war would resume": a threat of force with no one named is aimed
                    // at the speaker's opponent in the last fight it was a side of.
                    "threaten_force" | "ultimatum" | "threaten" => {
                        if let Some((a, b)) = last_fight
                            .as_ref()
                            .filter(|_| pattern.event_type != "threaten" || pattern.answers)
                        {
                            let own: Vec<&str> = roles
                                .sources
                                .iter()
                                .map(|s| s.country.as_str())
                                .filter(|c| !c.is_empty())
                                .collect();
                            let side_of = |side: &Vec<Actor>| {
                                !own.is_empty()
                                    && side.iter().any(|x| own.contains(&x.country.as_str()))
                            };
                            let other = match (side_of(a), side_of(b)) {
                                (true, false) => Some(b),
                                (false, true) => Some(a),
                                _ => None,
                            };
                            if let Some(o) = other {
                                roles.targets = o.clone();
                                roles.via_context = true;
                            }
                        }
                    }
                    // "Hamas had broken the pause": a truce is broken against the other party
                    // to it, the last seen dealing with the one breaking it.
                    "violate_ceasefire" => {
                        if let Some((a, b)) = &last_pair {
                            let other: Vec<Actor> = [a, b]
                                .into_iter()
                                .filter(|x| {
                                    roles.sources.iter().all(|s| {
                                        s.key() != x.key()
                                            && (s.country.is_empty() || s.country != x.country)
                                    })
                                })
                                .cloned()
                                .collect();
                            if other.len() == 1 {
                                roles.targets = other;
                                roles.via_context = true;
                            }
                        }
                    }
                    // "called on both sides to show restraint": the sides of the last fight,
                    // else the two parties last seen dealing with each other.
                    _ if names_both_sides(&sent.tokens, m) => {
                        if let Some((a, b)) = &last_fight {
                            roles.targets = a.iter().chain(b).cloned().collect();
                            roles.via_context = true;
                        } else if let Some((a, b)) = &last_pair {
                            roles.targets = vec![a.clone(), b.clone()];
                            roles.via_context = true;
                        }
                    }
                    // A denial answers the last accusation against the one denying.
                    "deny_responsibility" | "reject" => {
                        let own: Vec<&str> = roles
                            .sources
                            .iter()
                            .map(|s| s.country.as_str())
                            .filter(|c| !c.is_empty())
                            .collect();
                        let against = |(acc, tgt, _): &&(Vec<Actor>, Actor, bool)| {
                            own.contains(&tgt.country.as_str())
                                && acc.iter().all(|a| !own.contains(&a.country.as_str()))
                        };
                        // "denies any involvement": an accusation in words first, before the
                        // acts (expulsions, recalls) taken over it.
                        if let Some((accusers, _, _)) = accusations
                            .iter()
                            .rev()
                            .filter(|x| x.2)
                            .find(against)
                            .or_else(|| accusations.iter().rev().find(against))
                        {
                            roles.targets = accusers.clone();
                            roles.via_context = true;
                        }
                    }
                    _ => {}
                }
            }
            // "Brazil and Colombia denounced it": "it" is the act, not an actor.
            if REACTIONS.contains(&pattern.event_type.as_str())
                && sent.tokens.get(m.head + 1).is_some_and(|t| t.lower == "it")
            {
                roles.targets.clear();
            }
            // "concerned about a wave of arrests of Saudi activists", "condemned the jailing of
            // Iranian dissidents": a reaction to a state's act against its own people, its agent
            // unnamed, is aimed at the victims' government.
            if roles.targets.is_empty()
                && !roles.sources.is_empty()
                && REACTIONS.contains(&pattern.event_type.as_str())
            {
                let own: Vec<&str> = roles.sources.iter().map(|a| a.country.as_str()).collect();
                let inner = triggers.iter().find(|t| {
                    t.start >= m.end
                        && t.start <= m.end + 6
                        && DOMESTIC_TARGETS
                            .iter()
                            .any(|(ty, _)| *ty == lex.patterns[t.pattern].event_type)
                });
                if let Some(t) = inner {
                    let r = ctx.roles(t, &lex.patterns[t.pattern], None);
                    let victims: Vec<&str> = r
                        .targets
                        .iter()
                        .map(|a| a.country.as_str())
                        .filter(|c| !c.is_empty())
                        .collect();
                    if let Some(c) = victims.first().filter(|c| {
                        r.sources.is_empty() && victims.iter().all(|v| v == *c) && !own.contains(c)
                    }) {
                        roles.targets = vec![crate::actors::country_actor(lex, c, "GOV", "")];
                        roles.via_context = true;
                    }
                }
            }
            if roles.targets.is_empty()
                && !roles.sources.is_empty()
                && reacts_to_previous(pattern, &sent.tokens, m)
            {
                // "Doha denies the charges", "The Kremlin dismissed the move": the target is
                // whoever did the act being answered, the latest other party in the text.
                let own: Vec<&str> = roles.sources.iter().map(|a| a.country.as_str()).collect();
                let other_party = |act: &Vec<Actor>| {
                    act.iter().all(|a| {
                        !own.contains(&a.country.as_str())
                            && !roles.sources.iter().any(|s| s.key() == a.key())
                    })
                };
                // "dismissed the aid operation as a show staged by Washington", "welcomed the
                // offer by Qatar": the object itself names who acted.
                let toks = &sent.tokens;
                let object_agent = (m.end..toks.len().min(m.end + 12))
                    .take_while(|&i| {
                        !is_clause_break(toks, i) && !matches!(toks[i].lower.as_str(), "," | "and")
                    })
                    .find(|&i| toks[i].lower == "by")
                    .and_then(|i| ctx.right_actor(i + 1, false, &[]))
                    .map(|(a, _)| a)
                    .filter(|a| !a.is_empty() && other_party(a));
                // Prefer the act itself over other reactions to it.
                let recent = |span: usize| {
                    acts.iter().rev().filter(move |(s, act, _, _, _)| {
                        si.saturating_sub(*s) <= span && other_party(act)
                    })
                };
                // "condemned the assault": the act named by the object, when it is one; "it"
                // after a reaction that named one ("…condemned the raid. Brazil denounced it").
                // Already worked out for reactions; patterns flagged `answers` work it out here.
                let object = if REACTIONS.contains(&pattern.event_type.as_str()) {
                    reaction_root.clone()
                } else {
                    object_root(m)
                };
                let named_root = object.or_else(|| {
                    sent.tokens
                        .get(m.head + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "it" | "this" | "that"))
                        .then(|| last_named_root.clone())
                        .flatten()
                        .filter(|(s, _)| si.saturating_sub(*s) <= 2)
                        .map(|(_, r)| r)
                });
                let names_step = sent.tokens[m.head + 1..sent.tokens.len().min(m.head + 7)]
                    .iter()
                    .any(|t| ANSWERED_NOUNS.contains(&t.lower.as_str()));
                // "condemned the strike": an act of force answers only an act of force, never a
                // pledge of aid or a phone call that came between.
                let force = |r: &str| same_kind_of_act(r, "19");
                // (Only when the text has such an act: else the old reading stands.)
                let force_object = named_root.as_deref().is_some_and(force)
                    && acts
                        .iter()
                        .any(|(_, act, reaction, r, _)| !reaction && force(r) && other_party(act));
                // "dismissed the criticism": the object is someone's words, so the target is who
                // spoke them; otherwise ("described it as…") it is the act they answered.
                let names_speech = sent.tokens[m.head + 1..sent.tokens.len().min(m.head + 5)]
                    .iter()
                    .any(|t| SPEECH_NOUNS.contains(&t.lower.as_str()));
                let answered = named_root
                    .and_then(|root| {
                        recent(usize::MAX)
                            .find(|(_, _, reaction, r, _)| !reaction && same_kind_of_act(r, &root))
                    })
                    .or_else(|| {
                        recent(3)
                            .find(|(_, _, reaction, r, _)| !reaction && (!force_object || force(r)))
                    })
                    // "hailed what he called a historic decision": a step taken is no one
                    // else's reaction.
                    .or_else(|| recent(3).next().filter(|_| !names_step && !force_object))
                    // Else the story's lead act: what the article is about — one whose target
                    // was found first (an act left without one is too uncertain a reading).
                    .or_else(|| {
                        let lead = |need_target: bool| {
                            acts.iter().find(move |(_, act, reaction, r, t)| {
                                !reaction
                                    && other_party(act)
                                    && (!force_object || force(r))
                                    && (!need_target || !t.is_empty())
                            })
                        };
                        lead(true).or_else(|| lead(false))
                    });
                if let Some(agent) = object_agent {
                    roles.targets = agent;
                } else if let Some((_, act, reaction, root, answered_targets)) = answered {
                    // "Blinken called it an affront. Truss described it as an appalling
                    // attempt…": both answer the same act, so Truss aims where Blinken did.
                    // A denial or rejection answered is aimed at the accuser: whoever condemns
                    // the act after it aims at the one denying ("Russia denied its jets had
                    // entered Estonian airspace. Kallas called the incursion a provocation").
                    let same_act = *reaction
                        && !matches!(root.as_str(), "01" | "12")
                        && !names_speech
                        && !answered_targets.is_empty()
                        && other_party(answered_targets);
                    roles.targets = if same_act {
                        answered_targets.clone()
                    } else {
                        act.clone()
                    };
                    roles.via_context = true;
                }
            }
            // "The four states broke off relations with Qatar … and cut its air and sea links":
            // a later material act of the same actors on "its …" or "their …" is aimed where
            // the one before was.
            let source_keys: Vec<String> = roles.sources.iter().map(Actor::key).collect();
            let quad = lex
                .event_type(&pattern.event_type)
                .map_or(0, |i| i.quad_class);
            if roles.targets.is_empty() && !roles.sources.is_empty() && quad == 4 {
                let toks = &sent.tokens;
                let possessed_object = (m.head + 1..toks.len().min(m.end.max(m.head + 1) + 2))
                    .any(|i| matches!(toks[i].lower.as_str(), "its" | "their"));
                if let Some((_, t)) = prev_act
                    .as_ref()
                    .filter(|(k, t)| possessed_object && *k == source_keys && !t.is_empty())
                {
                    roles.targets = t.clone();
                    roles.via_context = true;
                }
            }
            // "Hamas fired rockets into Israel… They attacked army posts and towns": an act of
            // force that names no one it hit goes on against whom the same actors' latest act
            // of force (in this sentence or the two before) was aimed.
            let force_act = !pattern.person_target
                && lex
                    .event_type(&pattern.event_type)
                    .is_some_and(|i| same_kind_of_act(i.cameo.get(..2).unwrap_or(""), "19"));
            if roles.targets.is_empty() && !roles.sources.is_empty() && force_act {
                let own: Vec<&str> = roles
                    .sources
                    .iter()
                    .map(|a| a.country.as_str())
                    .filter(|c| !c.is_empty())
                    .collect();
                let aimed = |act: &[Actor], t: &[Actor]| {
                    !t.is_empty()
                        && act.iter().map(Actor::key).collect::<Vec<_>>() == source_keys
                        && t.iter().all(|a| !own.contains(&a.country.as_str()))
                };
                let before = acts
                    .iter()
                    .rev()
                    .find(|(s, act, reaction, r, t)| {
                        si - *s <= 3 && !reaction && same_kind_of_act(r, "19") && aimed(act, t)
                    })
                    .map(|(_, _, _, _, t)| t.clone());
                // "were taken captive by Hamas gunmen during their assault on southern Israel":
                // or a later act of force of the same actors in the sentence.
                let after = || {
                    triggers.iter().skip(ti + 1).find_map(|t| {
                        let p = &lex.patterns[t.pattern];
                        let force = lex.event_type(&p.event_type).is_some_and(|i| {
                            same_kind_of_act(i.cameo.get(..2).unwrap_or(""), "19")
                        });
                        if !force || p.person_target {
                            return None;
                        }
                        let r = ctx.roles(t, p, Some(&roles.sources));
                        aimed(&r.sources, &r.targets).then_some(r.targets)
                    })
                };
                if let Some(t) = before.or_else(after) {
                    roles.targets = t;
                    roles.via_context = true;
                }
            }
            if !roles.sources.is_empty() && !roles.targets.is_empty() {
                prev_act = Some((source_keys, roles.targets.clone()));
            }
            if let Some(r) = reaction_root {
                last_named_root = Some((si, r));
            }
            // "Germany and France each expelled four diplomats, as did Poland".
            if !roles.sources.is_empty() {
                let toks = &sent.tokens;
                let end = clause_end(toks, m.head).max(m.end);
                for k in end..toks.len().saturating_sub(2) {
                    let w = (toks[k].lower.as_str(), toks[k + 1].lower.as_str());
                    if matches!(
                        w,
                        ("as", "did") | ("as", "have") | ("as", "has") | ("so", "did")
                    ) {
                        if let Some(mi) = mentions
                            .iter()
                            .position(|x| x.tok_start == k + 2 && !x.weak)
                        {
                            for c in coordinated(&mentions, toks, mi) {
                                if !roles
                                    .sources
                                    .iter()
                                    .any(|s| s.key() == mentions[c].actor.key())
                                {
                                    roles.sources.push(mentions[c].actor.clone());
                                }
                            }
                        }
                    }
                }
                // An act others may answer: a verb with its agent, or anything with a target
                // (a bare noun's agent is too uncertain).
                if pattern.pos == TriggerPos::Verb || !roles.targets.is_empty() {
                    acts.push((
                        si,
                        roles.sources.clone(),
                        REACTIONS.contains(&pattern.event_type.as_str()),
                        lex.event_type(&pattern.event_type)
                            .map(|i| i.cameo.chars().take(2).collect())
                            .unwrap_or_default(),
                        roles.targets.clone(),
                    ));
                }
            }
            let names = |v: &[Actor]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
            let trace_entry = TriggerTrace {
                pattern: pattern.id.clone(),
                event_type: pattern.event_type.clone(),
                words,
                sources: names(&roles.sources),
                targets: names(&roles.targets),
                coded: 0,
                reason: None,
                start: sent.tokens[m.start].span.start,
            };
            if let Some(t) = trace.as_deref_mut().and_then(|t| t.last_mut()) {
                t.triggers.push(trace_entry);
            }
            let trig_span = Span::new(
                sent.tokens[m.start].span.start,
                sent.tokens[m.end - 1].span.end,
            );
            // An idiom that belongs to its speaker ("told reporters on Friday that … the
            // offensive would restart", "warned that the enemy would pay a price") is the act
            // of saying: its modality and date are those of the verb of saying, not of what
            // was said.
            let said_at = pattern
                .speaker
                .then(|| {
                    (0..m.head).rev().find(|&i| {
                        REPORTING.contains(&sent.tokens[i].lower.as_str())
                            || matches!(
                                sent.tokens[i].lower.as_str(),
                                "vowed" | "warned" | "said" | "saying"
                            )
                    })
                })
                .flatten();
            let modality = roles
                .modality
                .unwrap_or_else(|| modality(&sent.tokens, said_at.unwrap_or(m.head)));
            let tense = if modality == Modality::Future || is_future_clause(&sent.tokens, m.head) {
                Tense::Future
            } else {
                Tense::Past
            };
            // An attributed act is dated by its own phrase ("the October 2014 blast", "the
            // bombings … a day earlier"), not by the accusation or claim around it.
            let own_times: Vec<Timex>;
            let times: &[Timex] = if roles.modality.is_some() && pattern.pos == TriggerPos::Noun {
                let from = sent.tokens[m.start.saturating_sub(3)].span.start;
                own_times = timexes
                    .iter()
                    .filter(|t| t.span.start >= from)
                    .cloned()
                    .collect();
                &own_times
            } else {
                &timexes
            };
            let time = match said_at {
                Some(r) => attach_time(&sent.tokens, times, r, doc, Tense::Past),
                None => attach_time(&sent.tokens, times, m.head, doc, tense),
            };
            if time.is_none() && is_forecast(&sent.tokens, m.head) {
                why(
                    &mut trace,
                    "a forecast (\"is expected to\") with no date of its own: not an event",
                );
                continue;
            }
            if let Some(TimeRef::Value(v)) = &time {
                if v.is_known() {
                    anchors.push(Anchor {
                        words: text[trig_span.start..trig_span.end].to_lowercase(),
                        event_type: pattern.event_type.clone(),
                        time: v.clone(),
                        start: trig_span.start,
                    });
                }
            }
            if roles.sources.is_empty() {
                why(&mut trace, "no source: no actor stands as its agent");
                continue;
            }
            // Troops or police arriving somewhere are deployed, not visiting.
            if pattern.event_type == "visit"
                && roles
                    .sources
                    .iter()
                    .all(|a| a.code.ends_with("MIL") || a.code.ends_with("COP"))
            {
                why(
                    &mut trace,
                    "armed forces or police arriving are deployed, not visiting",
                );
                continue;
            }
            // "EU ministers agreed to draw up a list of officials to be hit with sanctions": an
            // agreement to punish someone is a threat of sanctions, not cooperation with them.
            if event_type == "intent_to_cooperate" && agrees_to_sanctions(lex, &sent.tokens, m) {
                event_type = "threaten_sanctions".to_string();
            }
            // "supporters of Imran Khan clashed with police": a crowd fighting police is a
            // violent protest, not a military attack.
            if event_type == "military_attack" && roles.sources.iter().all(is_crowd) {
                event_type = "demonstrate".to_string();
            }
            if pattern.crowd && !roles.sources.iter().any(is_crowd) {
                why(&mut trace, "the source is no crowd");
                continue;
            }
            // A finite passive only: "were sent home", not "the prisoners freed by Israel".
            let finite = (m.head.saturating_sub(3)..m.head).any(|k| {
                BE.contains(&sent.tokens[k].lower.as_str())
                    && sent.tokens[k + 1..m.head].iter().all(|t| {
                        ADVERBS.contains(&t.lower.as_str()) || BE.contains(&t.lower.as_str())
                    })
            });
            if pattern.passive
                && !(finite
                    && is_passive(&sent.tokens, m.head)
                    && !roles.targets.is_empty()
                    && roles.targets.iter().all(|t| {
                        t.kind == ActorKind::Person
                                || t.code.ends_with("CVL")
                                // "two journalists were picked up": reporters are people too.
                                || t.code.ends_with("MED")
                    }))
            {
                why(
                    &mut trace,
                    "a passive-only pattern: not a passive whose subject is people",
                );
                continue;
            }
            prev_sources = Some(roles.sources.clone());
            // "Pakistani officials said they receive far less": to host is to receive someone.
            if pattern.event_type == "host_visit"
                && is_form_of(&sent.tokens[m.head].lower, "receive")
                && !is_passive(&sent.tokens, m.head)
                && !object_is_actor(&sent.tokens, &mentions, m.end)
            {
                why(&mut trace, "receives a thing, not a visitor");
                continue;
            }
            // "Biden welcomed Gershkovich and Whelan at Andrews": to welcome people is to greet
            // them, not praise; a foreign official welcomed is a visitor hosted.
            if pattern.event_type == "praise" && is_form_of(&sent.tokens[m.head].lower, "welcome") {
                if let Some(guest) = welcomed_person(&sent.tokens, &mentions, m.end) {
                    let foreign = guest.kind == ActorKind::Person
                        && !guest.country.is_empty()
                        && roles
                            .sources
                            .iter()
                            .all(|s| !s.country.is_empty() && s.country != guest.country);
                    if !foreign {
                        why(
                            &mut trace,
                            "people welcomed in person: a greeting, not praise",
                        );
                        continue;
                    }
                    event_type = "host_visit".to_string();
                    roles.targets = vec![guest.clone()];
                }
            }
            let Some(info) = lex.event_type(&event_type) else {
                why(&mut trace, "event type not in the taxonomy");
                continue;
            };
            // "Lebanon's state news agency reported Israeli tank fire": media report material
            // acts (aid, force), they do not carry them out; their words may count.
            if matches!(info.quad_class, 2 | 4) && roles.sources.iter().all(is_media) {
                why(
                    &mut trace,
                    "a news outlet reports material acts, it does not do them",
                );
                continue;
            }
            if !roles.targets.is_empty() {
                prev_targets = Some((
                    roles.sources.iter().map(Actor::key).collect(),
                    roles.targets.clone(),
                    info.quad_class >= 3,
                    m.head,
                ));
            }
            // A target is never one of the sources, nor the source's own government.
            let source_keys: Vec<String> = roles.sources.iter().map(Actor::key).collect();
            let mut found_targets: Vec<Actor> = roles
                .targets
                .iter()
                // …unless an attribution names the victim by nationality ("the killing of a
                // Georgian man was carried out on behalf of the Russian state").
                .filter(|t| {
                    !pattern.person_target
                        || t.kind == ActorKind::Person
                        || roles.modality.is_some()
                })
                // A case is taken to a court, against someone else.
                .filter(|t| {
                    pattern.event_type != "sue"
                        || !(t.name.contains("Court") || t.name.contains("Tribunal"))
                })
                .filter(|t| {
                    let same_country = roles
                        .sources
                        .iter()
                        .any(|s| s.country == t.country && !s.country.is_empty());
                    let own_government = t.code.ends_with("GOV")
                        && same_country
                        && t.kind != ActorKind::Person
                        && !roles.sources.iter().all(is_citizenry);
                    // Diplomacy happens between states: a president praising his own country is
                    // a parsing slip, an arrest of one's own citizens is not.
                    let own_official = same_country
                        && t.kind == ActorKind::Person
                        && !DOMESTIC_OK.contains(&pattern.event_type.as_str());
                    // "Scholz met the freed Germans at the airport": meeting one's own people
                    // is no diplomacy.
                    let own_people = same_country
                        && (is_citizenry(t) || is_crowd(t))
                        && matches!(
                            event_type.as_str(),
                            "consult" | "phone_call" | "negotiate" | "host_visit"
                        );
                    // "Abiy urged Ethiopians to take up arms": a leader's call on his own
                    // citizens is no appeal between parties.
                    let own_citizens_appealed =
                        same_country && event_type == "appeal" && t.code.ends_with("CVL");
                    !source_keys.contains(&t.key())
                        && !own_government
                        && !own_official
                        && !own_people
                        && !own_citizens_appealed
                })
                .cloned()
                .collect();
            // "Saturday's Russian missile strike" in a story filed from Dnipro, Ukraine: an
            // attack with no target and no place named hits the country the story is filed
            // from, when that is not the attacker's own.
            if found_targets.is_empty()
                && roles.targets.is_empty()
                && matches!(
                    pattern.event_type.as_str(),
                    "attack" | "military_attack" | "airstrike" | "bombing"
                )
            {
                if let Some(c) = dateline_country
                    .as_ref()
                    .filter(|c| roles.sources.iter().all(|s| &s.country != *c))
                {
                    found_targets.push(crate::actors::country_actor(lex, c, "GOV", ""));
                }
            }
            if found_targets.is_empty() {
                // Domestic types: a crackdown or massacre hits the source's own people, a
                // street protest addresses its own government.
                if let Some((_, role)) = DOMESTIC_TARGETS
                    .iter()
                    .find(|(t, _)| *t == pattern.event_type)
                {
                    let s = &roles.sources[0];
                    // A news agency reports, it does not fire; only a state represses its
                    // own people (an armed group firing on people attacks them); and in a story
                    // filed from another country the act is not taken to be at home ("Israeli
                    // forces opened fire on suspects" in a story from Beirut).
                    let agent = !is_media(s)
                        && (pattern.event_type != "repress" || s.kind == ActorKind::State);
                    let at_home = pattern.event_type == "demonstrate"
                        || dateline_country.as_ref().is_none_or(|c| *c == s.country);
                    if !s.country.is_empty()
                        && roles.sources.iter().all(|x| x.country == s.country)
                        && agent
                        && at_home
                    {
                        let t = crate::actors::country_actor(
                            lex,
                            &s.country,
                            role,
                            if *role == "CVL" { "citizens" } else { "" },
                        );
                        if t.key() != s.key() {
                            found_targets.push(t);
                        }
                    }
                }
            }
            let targets: Vec<Option<Actor>> = if found_targets.is_empty() {
                vec![None]
            } else {
                found_targets.into_iter().map(Some).collect()
            };
            let mutual_possible = (roles.sources.len() >= 2
                && info.quad_class <= 2
                && info.goldstein > 0.0
                && pattern.event_type != "mediate")
                || reciprocal;
            if pattern.needs_target && targets.iter().all(Option::is_none) && !mutual_possible {
                why(
                    &mut trace,
                    if roles.targets.is_empty() {
                        "no target found, and the pattern needs one"
                    } else {
                        "its only targets were the sources themselves or their own government"
                    },
                );
                continue;
            }
            // "India and China agreed to cool the situation": with no other party named,
            // coordinated sources of a cooperative act are each other's counterparts.
            let mutual = targets.iter().all(Option::is_none) && mutual_possible;
            let symmetric = crate::eval::SYMMETRIC.contains(&pattern.event_type.as_str());
            // "Armenia and Azerbaijan agreed to a truce": the two are the pair dealing.
            if mutual
                && matches!(
                    pattern.event_type.as_str(),
                    "negotiate" | "ceasefire" | "consult" | "phone_call" | "sign_agreement"
                )
            {
                last_pair = Some((roles.sources[0].clone(), roles.sources[1].clone()));
            }
            if mutual && pattern.event_type == "ceasefire" {
                let (a, b) = (&roles.sources[0], &roles.sources[1]);
                if two_states(a, b) {
                    last_sides = Some((a.clone(), b.clone()));
                }
            }
            for t in targets.iter().flatten() {
                let s = &roles.sources[0];
                if (pattern.event_type == "ceasefire" || info.quad_class == 4) && two_states(s, t) {
                    last_sides = Some((s.clone(), t.clone()));
                }
            }
            let hostile: Vec<Actor> = targets
                .iter()
                .flatten()
                .filter(|t| {
                    matches!(info.quad_class, 3 | 4)
                        && !t.country.is_empty()
                        && roles.sources.iter().all(|s| s.country != t.country)
                })
                .cloned()
                .collect();
            if !hostile.is_empty() {
                if info.quad_class == 4 {
                    last_fight = Some((roles.sources.clone(), hostile.clone()));
                }
                last_dispute = Some((roles.sources.clone(), hostile));
            }
            for t in targets.iter().flatten() {
                for s in &roles.sources {
                    if matches!(
                        pattern.event_type.as_str(),
                        "negotiate" | "ceasefire" | "consult" | "phone_call" | "sign_agreement"
                    ) || (matches!(info.quad_class, 4) || pattern.event_type == "release")
                        && s.country != t.country
                    {
                        // Parties that talk or fight with each other are the ones a truce or a
                        // mediator later stands between.
                        last_pair = Some((s.clone(), t.clone()));
                    }
                    if matches!(info.quad_class, 3 | 4)
                        && s.country != t.country
                        && s.key() == roles.sources[0].key()
                    {
                        accusations.push((
                            roles.sources.clone(),
                            t.clone(),
                            pattern.event_type == "accuse",
                        ));
                    }
                }
            }
            for (si_, s) in roles.sources.iter().enumerate() {
                let pairs: Vec<Option<Actor>> = if mutual {
                    roles
                        .sources
                        .iter()
                        .enumerate()
                        .filter(|(j, o)| {
                            (if symmetric { *j > si_ } else { *j != si_ }) && o.key() != s.key()
                        })
                        .map(|(_, o)| Some(o.clone()))
                        .collect()
                } else {
                    targets.clone()
                };
                for t in &pairs {
                    let t = t.clone().filter(|t| t.key() != s.key());
                    if pattern.needs_target && t.is_none() {
                        continue;
                    }
                    let mut confidence: f64 = 0.55;
                    if m.end - m.start > 1 {
                        confidence += 0.2;
                    }
                    if !roles.via_context {
                        confidence += 0.1;
                    }
                    if t.is_none() {
                        confidence -= 0.1;
                    }
                    cands.push(Candidate {
                        event: Event {
                            id: String::new(),
                            time: TimeValue::unknown(),
                            source: s.clone(),
                            target: t,
                            event_type: info.name.clone(),
                            cameo: info.cameo.clone(),
                            plover: info.plover.clone(),
                            quad_class: info.quad_class,
                            goldstein: info.goldstein,
                            modality,
                            doc_id: doc.id.clone(),
                            doc_date: doc.dct,
                            trigger: text[trig_span.start..trig_span.end].to_string(),
                            pattern: pattern.id.clone(),
                            threatened: threatened_type.clone(),
                            evidence: text[sent.span.start..sent.span.end].to_string(),
                            span: sent.span,
                            confidence: confidence.clamp(0.0, 1.0),
                            mentions: 1,
                        },
                        time: time.clone(),
                        sentence: si,
                        pos: trig_span.start,
                        paragraph: sent.paragraph,
                        sent_start: sent.span.start,
                        simple_past: is_simple_past(&sent.tokens, m.head),
                    });
                }
            }
        }
        history.extend(mentions.iter().filter(|m| !m.weak).map(|m| m.actor.clone()));
        last_subject = sentence_subject(&sent.tokens, &mentions);
    }

    if let Some(t) = trace {
        for st in t.iter_mut() {
            for tr in st.triggers.iter_mut() {
                tr.coded = cands.iter().filter(|c| c.pos == tr.start).count();
            }
        }
    }
    date_candidates(&mut cands, &anchors, &sent_times, doc);
    let mut events = finish(cands);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("{}-{}", doc.id, i + 1);
    }
    events
}

/// Drop statements that only report another event of the same sentence and source, and
/// merge repeats of one event within the document.
fn finish(cands: Vec<Candidate>) -> Vec<Event> {
    let mut keep: Vec<Candidate> = Vec::new();
    for c in &cands {
        if c.event.event_type == "statement"
            && cands.iter().any(|o| {
                o.sentence == c.sentence
                    && o.event.event_type != "statement"
                    && o.event.source.key() == c.event.source.key()
            })
        {
            continue;
        }
        keep.push(c.clone());
    }
    let mut out: Vec<Event> = Vec::new();
    for c in keep {
        let e = c.event;
        let dup = out.iter_mut().find(|o| {
            o.event_type == e.event_type
                && o.source.key() == e.source.key()
                && o.target.as_ref().map(Actor::key) == e.target.as_ref().map(Actor::key)
                && intervals_overlap(&o.time, &e.time)
                && o.modality == e.modality
        });
        match dup {
            Some(o) => {
                // Keep the better-dated, more confident report.
                if rank(&e) > rank(o) {
                    *o = e;
                }
            }
            None => out.push(e),
        }
    }
    out
}

fn rank(e: &Event) -> (u8, i64) {
    let basis = match e.time.basis {
        DateBasis::Explicit => 4,
        DateBasis::Relative => 3,
        DateBasis::Anchored => 2,
        DateBasis::Publication => 1,
        DateBasis::None => 0,
    };
    (basis, (e.confidence * 100.0) as i64)
}

/// Whether two date intervals share a day (unknown dates overlap everything).
pub fn intervals_overlap(a: &TimeValue, b: &TimeValue) -> bool {
    match (a.start, a.end, b.start, b.end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

/// Sentences of a document after boilerplate removal (for `explain` and tests).
pub fn document_sentences(doc: &Document, lex: &Lexicon) -> Vec<Sentence> {
    sentences(&doc.text, &boilerplate_spans(&doc.text, lex))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn number_words_match_numbers_at_least_n() {
        for (text, word, want) in [
            ("100", "#20", true),
            ("1300", "#20", true),
            ("2.5", "#2", true),
            ("20", "#20", true),
            ("12", "#20", false),
            ("dozens", "#20", false),
            ("100", "people", false),
        ] {
            let toks = crate::text::tokenize(text, Span::new(0, text.len()));
            assert_eq!(number_at_least(&toks[0], word), want, "{text} / {word}");
        }
    }

    fn doc(text: &str) -> Document {
        Document {
            id: "t".into(),
            origin: "t".into(),
            dct: NaiveDate::from_ymd_opt(2024, 4, 29),
            title: String::new(),
            url: String::new(),
            text: text.into(),
        }
    }

    fn coded(text: &str) -> Vec<(String, String, String, String)> {
        extract(&doc(text), Lexicon::embedded())
            .into_iter()
            .map(|e| {
                (
                    e.event_type,
                    e.source.country.clone(),
                    e.target.map(|t| t.country).unwrap_or_default(),
                    e.modality.as_str().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn every_verb_form_triggers_and_nouns_stay_nouns() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Venezuela is breaking relations with Colombia.",
                Some("break_relations"),
            ),
            (
                "Venezuela broke relations with Colombia.",
                Some("break_relations"),
            ),
            (
                "Venezuela has broken off relations with Colombia.",
                Some("break_relations"),
            ),
            (
                "Belarus is summoning the Polish ambassador.",
                Some("summon_ambassador"),
            ),
            (
                "Belarus summons the Polish ambassador.",
                Some("summon_ambassador"),
            ),
            (
                "Poland is expelling two Russian diplomats.",
                Some("expel_diplomats"),
            ),
            (
                "Indian troops clashed with Chinese forces.",
                Some("military_attack"),
            ),
            (
                "The Kremlin denies any role in the attack on Ukraine.",
                None,
            ),
            ("It was the deadliest clash between India and China.", None),
            ("They were released from Israeli jails, Qatar said.", None),
            (
                "Russia will call an emergency meeting of the UN Security Council.",
                None,
            ),
        ];
        for (text, want) in cases {
            let got = coded(text);
            match want {
                Some(t) => assert!(got.iter().any(|e| e.0 == *t), "{text}: {got:?}"),
                None => assert!(
                    got.iter()
                        .all(|e| !matches!(e.0.as_str(), "military_attack" | "arrest" | "consult")),
                    "{text}: {got:?}"
                ),
            }
        }
    }

    #[test]
    fn gaps_run_through_quotes_brackets_currency_and_plural_possessives() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "Hungary called Germany's decision \"blatant interference\".",
                "criticize",
                "HUN",
                "DEU",
            ),
            (
                "Kazakhstan asked the Shanghai Cooperation Organisation (SCO) and Russia for help.",
                "appeal",
                "KAZ",
                "",
            ),
            (
                "ECOWAS closed member states' land and air borders with Niger.",
                "blockade",
                "",
                "NER",
            ),
            (
                "Japan pledged $2 billion in aid to Ukraine.",
                "provide_aid",
                "JPN",
                "UKR",
            ),
            (
                "Zelenskiy arrived on Tuesday in Washington.",
                "visit",
                "UKR",
                "USA",
            ),
        ];
        for (text, ty, src, tgt) in cases {
            let got = coded(text);
            assert!(
                got.iter().any(|e| e.0 == *ty
                    && (src.is_empty() || e.1 == *src)
                    && (tgt.is_empty() || e.2 == *tgt)),
                "{text}: {got:?}"
            );
        }
        // "each side accusing": a participle after a quantified subject is still a verb.
        let text = "Both ceasefires collapsed, with each side accusing the other of violations.";
        let lex = Lexicon::embedded();
        let toks = crate::text::tokenize(text, Span::new(0, text.len()));
        assert!(
            find_triggers(lex, text, &toks)
                .iter()
                .any(|m| lex.patterns[m.pattern].event_type == "accuse")
        );
        // After "since", "despite", "following" a verb's -s form is a noun.
        let got = coded("Hundreds of Belarusians have fled since protests began in Minsk.");
        assert!(got.iter().all(|e| e.0 != "protest_officially"), "{got:?}");
    }

    #[test]
    fn threats_keep_the_act_they_threaten() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "Russia threatened to expel British diplomats on Friday.",
                "threaten",
                "GBR",
                "expel_diplomats",
            ),
            (
                "China warned Lithuania that it would impose sanctions.",
                "threaten_sanctions",
                "LTU",
                "impose_sanctions",
            ),
            (
                "Moscow threatened to strike Kyiv.",
                "threaten_force",
                "UKR",
                "military_attack",
            ),
        ];
        for (text, ty, target, act) in cases {
            let evs = extract(&doc(text), Lexicon::embedded());
            assert_eq!(
                evs.len(),
                1,
                "{text}: the threatened act is no event of its own"
            );
            let e = &evs[0];
            assert_eq!(e.event_type, *ty, "{text}");
            assert_eq!(e.threatened, *act, "{text}");
            assert_eq!(
                e.target.as_ref().map(|t| t.country.as_str()),
                Some(*target),
                "{text}"
            );
        }
    }

    #[test]
    fn who_did_what_to_whom_table() {
        type Coded<'a> = &'a [(&'a str, &'a str, &'a str, &'a str)];
        let cases: &[(&str, Coded)] = &[
            (
                "Tajikistan's foreign ministry summoned Russia's ambassador on Monday.",
                &[("summon_ambassador", "TJK", "RUS", "asserted")],
            ),
            (
                "Russian diplomats were expelled by Poland.",
                &[("expel_diplomats", "POL", "RUS", "asserted")],
            ),
            // A state arresting unnamed or unknown people arrests its own citizens.
            (
                "Myanmar's army seized power on Monday, arresting Suu Kyi.",
                &[("arrest", "MMR", "MMR", "asserted")],
            ),
            (
                "The decree gave Sri Lanka's security forces powers to arrest suspects.",
                &[],
            ),
            (
                "The decree gave Sri Lanka's security forces powers to arrest and detain suspects.",
                &[],
            ),
            (
                "Sri Lankan demonstrators at the main protest camp sang songs.",
                &[],
            ),
            (
                "Sudan has taken the United Arab Emirates to the International Court of Justice.",
                &[("sue", "SDN", "ARE", "asserted")],
            ),
            (
                "Iran pointed the finger at Israel on Thursday.",
                &[("accuse", "IRN", "ISR", "asserted")],
            ),
            // "They" after a group and a state: the group.
            (
                "Hamas fighters crossed into Israel on Saturday. They attacked Israeli army posts.",
                &[
                    ("military_attack", "PSE", "ISR", "asserted"),
                    ("attack", "PSE", "ISR", "asserted"),
                ],
            ),
            // "it" is the act the reaction before it named, however far back that act was.
            (
                "Ecuadorian police stormed the Mexican embassy on Friday. Mexico sued Ecuador. \
                 Governments across Latin America condemned the raid. Brazil denounced it.",
                &[
                    ("attack", "ECU", "MEX", "asserted"),
                    ("sue", "MEX", "ECU", "asserted"),
                    ("criticize", "BRA", "ECU", "asserted"),
                ],
            ),
            (
                "Ecuadorian police raided the Mexican embassy, which prompted Mexico to sever relations with Ecuador.",
                &[
                    ("attack", "ECU", "MEX", "asserted"),
                    ("break_relations", "MEX", "ECU", "asserted"),
                ],
            ),
            // An event noun as subject lends its agent to the verb.
            (
                "An Israeli air strike in Beirut killed Hezbollah leader Hassan Nasrallah.",
                &[
                    ("airstrike", "ISR", "LBN", "asserted"),
                    ("assassinate", "ISR", "LBN", "asserted"),
                ],
            ),
            // A government telling its own diplomatic act in the passive.
            (
                "Belarusian Foreign Minister Vladimir Makei said the Latvian ambassador had been summoned.",
                &[("summon_ambassador", "BLR", "LVA", "asserted")],
            ),
            // A truce with no party named: the two sides last seen fighting.
            (
                "Israeli troops attacked Hamas fighters in Gaza. A four-day truce began on Friday.",
                &[
                    ("attack", "ISR", "PSE", "asserted"),
                    ("ceasefire", "ISR", "PSE", "asserted"),
                ],
            ),
            // Hostages by nationality; a list after a pattern's preposition; a mediator
            // between parties named before it.
            (
                "Hamas freed 24 hostages on Friday, among them 13 Israeli women and children.",
                &[("release", "PSE", "ISR", "asserted")],
            ),
            (
                "Iran pointed the finger at Israel and the United States.",
                &[
                    ("accuse", "IRN", "ISR", "asserted"),
                    ("accuse", "IRN", "USA", "asserted"),
                ],
            ),
            (
                "A truce between Israel and Hezbollah, brokered by the United States, held.",
                &[
                    ("ceasefire", "ISR", "LBN", "asserted"),
                    ("mediate", "USA", "ISR", "asserted"),
                    ("mediate", "USA", "LBN", "asserted"),
                ],
            ),
            (
                "Iran fired barrages of ballistic missiles at Israel. The United States destroyed an Iranian drone.",
                &[
                    ("military_attack", "IRN", "ISR", "asserted"),
                    ("airstrike", "USA", "IRN", "asserted"),
                ],
            ),
            (
                "The Kurdish-led SDF said it would respect the truce with Turkey.",
                &[("ceasefire", "SYR", "TUR", "future")],
            ),
            // A count of events reports none; congratulations praise; an apology offered.
            (
                "It is the third Turkish incursion into Syria in three years.",
                &[],
            ),
            (
                "President Moon Jae-in offered his congratulations to Donald Trump on Tuesday.",
                &[("praise", "KOR", "USA", "asserted")],
            ),
            (
                "Prime Minister Shinzo Abe offered his apology to South Korea.",
                &[("apologize", "JPN", "KOR", "asserted")],
            ),
            (
                "China came to the defence of Pakistan.",
                &[("defend", "CHN", "PAK", "asserted")],
            ),
            (
                "Honduras said it was ending all official contact with Taiwan.",
                &[("break_relations", "HND", "TWN", "asserted")],
            ),
            (
                "The Gulf states' list requires Qatar to scale back its relations with Iran.",
                &[],
            ),
            (
                "Britain and France condemned Russia.",
                &[
                    ("criticize", "GBR", "RUS", "asserted"),
                    ("criticize", "FRA", "RUS", "asserted"),
                ],
            ),
            (
                "The Czech Republic expelled 18 Russian diplomats.",
                &[("expel_diplomats", "CZE", "RUS", "asserted")],
            ),
            (
                "Russia did not expel any Czech diplomats.",
                &[("expel_diplomats", "RUS", "CZE", "negated")],
            ),
            (
                "Moscow will expel Czech diplomats, the Kremlin said.",
                &[("expel_diplomats", "RUS", "CZE", "future")],
            ),
            (
                "Subscribe to our newsletter: Russia condemned Ukraine.",
                &[],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String, String, String)> = want
                .iter()
                .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
                .collect();
            assert_eq!(coded(text), want, "{text}");
        }
    }

    #[test]
    fn coordinated_verb_keeps_its_subject() {
        let got =
            coded("Tajikistan summoned Russia's ambassador and handed him a note of protest.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "protest_officially");
        assert_eq!((got[1].1.as_str(), got[1].2.as_str()), ("TJK", "RUS"));
    }

    #[test]
    fn dates_come_from_the_clause() {
        let evs = extract(
            &doc("On Friday, Tajikistan summoned Russia's ambassador."),
            Lexicon::embedded(),
        );
        assert_eq!(evs[0].time.value, "2024-04-26");
        let evs = extract(
            &doc("Tajikistan summoned Russia's ambassador."),
            Lexicon::embedded(),
        );
        assert_eq!(evs[0].time.basis, DateBasis::Publication);
        // The publication week (22–29 April), valued at the month that holds it.
        assert_eq!(evs[0].time.value, "2024-04");
    }

    #[test]
    fn after_clauses_shift_the_main_date() {
        let mut d = doc(
            "Mexico's diplomats flew home from Quito on Sunday, two days after Ecuadorian police stormed the Mexican embassy.",
        );
        d.dct = NaiveDate::from_ymd_opt(2024, 4, 8);
        let evs = extract(&d, Lexicon::embedded());
        let raid = evs
            .iter()
            .find(|e| e.event_type == "attack")
            .expect("the raid");
        assert_eq!(raid.time.value, "2024-04-05");
        assert_eq!(raid.time.basis, DateBasis::Anchored);
    }

    #[test]
    fn anchored_dates_use_the_other_event() {
        let text = "Gunmen attacked a concert hall on March 22. Two days later, Russia summoned Tajikistan's envoy.";
        let evs = extract(&doc(text), Lexicon::embedded());
        let s = evs
            .iter()
            .find(|e| e.event_type == "summon_ambassador")
            .expect("summons");
        assert_eq!(s.time.value, "2024-03-24");
        assert_eq!(s.time.basis, DateBasis::Anchored);
    }
}
