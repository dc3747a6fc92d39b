//! Sentence and token segmentation with byte spans into the document text.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes) followed by a capitalised word,
//! except after abbreviations (Mr., Gen., Jan.), initials and dotted acronyms (U.S.), and at
//! paragraph breaks and list lines.

use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots.
    Word,
    /// Digits, possibly with inner separators.
    Number,
    /// The possessive `'s`.
    Possessive,
    /// Anything else that is not white space.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the document text.
    pub span: Span,
    /// Lower-cased text (curly apostrophes made straight).
    pub lower: String,
    /// What kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// Whether the token is a word or number.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// A sentence with its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte span in the document text (trimmed).
    pub span: Span,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "rep", "sen", "gov", "pres",
    "st", "jr", "sr", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "inc", "ltd", "co", "corp", "adm", "brig", "cmdr", "rev",
    "hon", "amb", "approx", "fig", "dept", "univ", "mt", "ft", "cpl", "pvt", "supt", "insp",
];

const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "A",
    "An",
    "But",
    "This",
    "That",
    "Its",
    "His",
    "Her",
    "Their",
    "After",
    "Earlier",
    "Later",
    "Meanwhile",
    "However",
    "There",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// The word (letters and dots) that ends right before byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let bytes = text.as_bytes();
    let mut i = end;
    while i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.') {
        i -= 1;
    }
    &text[i..end]
}

/// Whether a period at byte `dot` ends an abbreviation rather than a sentence.
fn is_abbreviation(text: &str, dot: usize, next_word: &str) -> bool {
    let w = word_before(text, dot);
    if w.is_empty() {
        return false;
    }
    let bare = w.trim_matches('.');
    if bare.contains('.') {
        // Dotted acronym (U.S., U.N.): a sentence ends only before a typical sentence opener.
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    if bare.len() == 1 && bare.chars().all(|c| c.is_ascii_uppercase()) {
        // An initial (J. Smith), or the last letter of "U.S" written without its final dot.
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    ABBREVIATIONS.contains(&bare.to_ascii_lowercase().as_str())
}

/// Split a paragraph `[start, end)` of `text` into sentence spans.
fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let para = &text[start..end];
    let mut sent_start = 0usize;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let mut boundary_end = None;
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && (is_closing(chars[j].1) || matches!(chars[j].1, '.' | '!' | '?'))
            {
                j += 1;
            }
            let after_punct = if j < chars.len() {
                chars[j].0
            } else {
                para.len()
            };
            let mut k = j;
            let mut saw_space = false;
            while k < chars.len() && chars[k].1.is_whitespace() {
                saw_space = true;
                k += 1;
            }
            if k >= chars.len() {
                boundary_end = Some(after_punct);
            } else if saw_space {
                let mut m = k;
                while m < chars.len() && is_opening(chars[m].1) {
                    m += 1;
                }
                let next = chars.get(m).map(|x| x.1).unwrap_or(' ');
                if next.is_uppercase() || next.is_ascii_digit() || m > k {
                    let next_word: String = para[chars[m.min(chars.len() - 1)].0..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric())
                        .collect();
                    if c != '.' || !is_abbreviation(para, pos, &next_word) {
                        boundary_end = Some(after_punct);
                    }
                }
            }
            if let Some(be) = boundary_end {
                push_trimmed(text, start + sent_start, start + be, out);
                sent_start = be;
                i = j;
                continue;
            }
        } else if c == '\n' {
            // A line break inside a paragraph ends a sentence when it ends a short line
            // (a heading, a list item) or precedes a bullet.
            let line_start = para[..pos].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let line = para[line_start..pos].trim();
            let next_line = para[pos + 1..].trim_start();
            let bullet = next_line.starts_with(['-', '*', '•', '·']);
            let ends_clause = line.ends_with([':', '.', '!', '?', '"', '”']);
            if bullet || ends_clause || line.chars().count() < 50 {
                push_trimmed(text, start + sent_start, start + pos, out);
                sent_start = pos + 1;
            }
        }
        i += 1;
    }
    push_trimmed(text, start + sent_start, end, out);
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// Paragraph spans: text separated by blank lines.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            push_trimmed(text, start, pos, &mut out);
            start = pos + line.len();
        }
        pos += line.len();
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Split `text` into sentences, skipping any whose span lies inside one of `skip`.
pub fn sentences(text: &str, skip: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs(text).into_iter().enumerate() {
        if skip.iter().any(|s| s.contains(p)) {
            continue;
        }
        let mut spans = Vec::new();
        split_paragraph(text, p.start, p.end, &mut spans);
        for s in spans {
            if skip.iter().any(|k| k.contains(s)) {
                continue;
            }
            out.push(Sentence {
                span: s,
                tokens: tokenize(text, s),
                paragraph: pi,
            });
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize the part of `text` covered by `span`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                } else if matches!(cj, '-' | '\'' | '’' | '.' | '‐')
                    && j + 1 < chars.len()
                    && is_word_char(chars[j + 1].1)
                {
                    // Keep "'s" as its own token.
                    if matches!(cj, '\'' | '’')
                        && matches!(chars[j + 1].1, 's' | 'S')
                        && chars.get(j + 2).is_none_or(|c| !is_word_char(c.1))
                    {
                        break;
                    }
                    if cj == '.' {
                        // Only dotted acronyms (U.S) and decimal numbers keep inner dots.
                        let prev_single =
                            j >= 1 && (j == i + 1 || chars.get(j - 2).is_some_and(|x| x.1 == '.'));
                        if !(prev_single || chars[j - 1].1.is_ascii_digit()) {
                            break;
                        }
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            // A dotted acronym keeps its final dot (U.S.).
            let mut end_idx = j;
            if j < chars.len() && chars[j].1 == '.' {
                let w: String = chars[i..j].iter().map(|x| x.1).collect();
                if w.contains('.') && w.split('.').all(|p| p.chars().count() == 1) {
                    end_idx = j + 1;
                }
            }
            let end = chars.get(end_idx).map(|x| x.0).unwrap_or(s.len());
            let raw = &s[pos..end];
            let kind = if raw.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(span.start + pos, span.start + end),
                lower: raw.to_lowercase().replace('’', "'"),
                kind,
            });
            i = end_idx;
            continue;
        }
        if matches!(c, '\'' | '’')
            && chars.get(i + 1).is_some_and(|x| matches!(x.1, 's' | 'S'))
            && chars.get(i + 2).is_none_or(|x| !is_word_char(x.1))
            && !out.is_empty()
        {
            let end = chars.get(i + 2).map(|x| x.0).unwrap_or(s.len());
            out.push(Token {
                span: Span::new(span.start + pos, span.start + end),
                lower: "'s".into(),
                kind: TokenKind::Possessive,
            });
            i += 2;
            continue;
        }
        let end = pos + c.len_utf8();
        out.push(Token {
            span: Span::new(span.start + pos, span.start + end),
            lower: c.to_string(),
            kind: TokenKind::Punct,
        });
        i += 1;
    }
    out
}

/// Lower-case word tokens of a short phrase (for dictionary entries).
pub fn word_tokens_lower(phrase: &str) -> Vec<String> {
    tokenize(phrase, Span::new(0, phrase.len()))
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct || t.lower == "'")
        .map(|t| t.lower)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &[])
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn sentence_splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Blinken met Dr. Wang on Jan. 5. The U.S. side said little.",
                &[
                    "Mr. Blinken met Dr. Wang on Jan. 5.",
                    "The U.S. side said little.",
                ],
            ),
            (
                "He said \"we will respond.\" Moscow was silent.",
                &["He said \"we will respond.\"", "Moscow was silent."],
            ),
            (
                "Sanctions hit the U.S. The next day talks resumed.",
                &["Sanctions hit the U.S.", "The next day talks resumed."],
            ),
            (
                "Gen. Abdourahamane Tchiani spoke. It was brief.",
                &["Gen. Abdourahamane Tchiani spoke.", "It was brief."],
            ),
            (
                "First para.\n\nSecond para",
                &["First para.", "Second para"],
            ),
            (
                "Read more:\n- One headline\n- Another",
                &["Read more:", "- One headline", "- Another"],
            ),
            (
                "Is it over? Nobody knows!",
                &["Is it over?", "Nobody knows!"],
            ),
            (
                "The vote was 3.5 per cent higher.",
                &["The vote was 3.5 per cent higher."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "{text}");
        }
    }

    #[test]
    fn tokens_carry_byte_spans() {
        let text = "Russia’s envoy, Semyon Grigoryev, left the U.S. in 2024.";
        let toks = tokenize(text, Span::new(0, text.len()));
        for t in &toks {
            let raw = &text[t.span.start..t.span.end];
            assert_eq!(raw.to_lowercase().replace('’', "'"), t.lower);
        }
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "russia",
                "'s",
                "envoy",
                ",",
                "semyon",
                "grigoryev",
                ",",
                "left",
                "the",
                "u.s.",
                "in",
                "2024",
                "."
            ]
        );
    }

    #[test]
    fn hyphens_and_apostrophes_inside_words() {
        let text = "Kim Jong-un met charge d'affaires al-Sabah.";
        let words: Vec<String> = tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| t.lower)
            .collect();
        assert_eq!(
            words,
            [
                "kim",
                "jong-un",
                "met",
                "charge",
                "d'affaires",
                "al-sabah",
                "."
            ]
        );
    }

    #[test]
    fn skipped_paragraphs_are_left_out() {
        let text = "Real news here.\n\nSubscribe to our newsletter.";
        let skip = [Span::new(17, text.len())];
        assert_eq!(sentences(text, &skip).len(), 1);
    }
}
