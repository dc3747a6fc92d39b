//! TimeML in and out: reading an annotated TimeML document (TimeBank, TempEval-3 and the like)
//! into plain text with its gold `TIMEX3` spans, writing demarche's own tags as TimeML, and
//! scoring one against the other the way TempEval-3 does (strict and relaxed span match, type
//! and value accuracy on the relaxed matches).

use super::Tagged;
use crate::error::{Error, Result};
use crate::eval::{f1, ratio};
use crate::model::Span;
use crate::render::escape_markup as escape;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write as _;

/// A TimeML document: its text without tags, its creation time and its gold expressions.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMlDoc {
    /// The document creation time (the `TIMEX3` with `functionInDocument="CREATION_TIME"`).
    pub dct: Option<NaiveDate>,
    /// The text of the `TEXT` element (the whole body when there is none), tags removed and
    /// entities decoded; every span points into it.
    pub text: String,
    /// The gold `TIMEX3` expressions of the text, in order.
    pub timexes: Vec<GoldTimex>,
}

/// One gold `TIMEX3` expression.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// Byte span in [`TimeMlDoc::text`].
    pub span: Span,
    /// The `type` attribute (DATE, TIME, DURATION, SET).
    pub ty: String,
    /// The `value` attribute.
    pub value: String,
}

/// An open `TIMEX3` element while reading.
struct Open {
    /// Where the start tag stands in the XML, for errors.
    tag_at: usize,
    start: usize,
    ty: String,
    value: String,
    creation_time: bool,
}

/// Read a TimeML document. `path` only names the file in errors, which give the line.
pub fn parse(xml: &str, path: &str) -> Result<TimeMlDoc> {
    let bad = |at: usize, message: String| Error::BadLine {
        path: path.to_string(),
        line: xml[..at].matches('\n').count() + 1,
        message,
    };
    let has_text_element = xml.contains("<TEXT>") || xml.contains("<TEXT ");
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut dct = None;
    let mut open: Vec<Open> = Vec::new();
    // Inside <TEXT> (or anywhere, when the document has no TEXT element) and outside <DCT>.
    let mut in_text = !has_text_element;
    let mut in_dct = false;
    let mut at = 0;
    while at < xml.len() {
        let Some(lt) = xml[at..].find('<').map(|i| at + i) else {
            if in_text && !in_dct {
                text.push_str(&decode(&xml[at..]));
            }
            break;
        };
        if in_text && !in_dct {
            text.push_str(&decode(&xml[at..lt]));
        }
        let Some(gt) = xml[lt..].find('>').map(|i| lt + i) else {
            return Err(bad(lt, "a tag is not closed with '>'".into()));
        };
        let tag = &xml[lt + 1..gt];
        at = gt + 1;
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match (name, closing) {
            ("TEXT", false) => in_text = true,
            ("TEXT", true) => in_text = false,
            ("DCT", false) => in_dct = true,
            ("DCT", true) => in_dct = false,
            ("TIMEX3", false) if tag.ends_with('/') => {}
            ("TIMEX3", false) => open.push(Open {
                tag_at: lt,
                start: text.len(),
                ty: attribute(tag, "type").unwrap_or_default(),
                value: attribute(tag, "value").unwrap_or_default(),
                creation_time: in_dct
                    || attribute(tag, "functionInDocument").as_deref() == Some("CREATION_TIME"),
            }),
            ("TIMEX3", true) => {
                let Some(o) = open.pop() else {
                    return Err(bad(lt, "</TIMEX3> without an opening tag".into()));
                };
                if o.creation_time {
                    dct = dct.or_else(|| {
                        NaiveDate::parse_from_str(o.value.get(..10).unwrap_or(""), "%Y-%m-%d").ok()
                    });
                } else if in_text && !in_dct {
                    timexes.push(GoldTimex {
                        span: Span::new(o.start, text.len()),
                        ty: o.ty,
                        value: o.value,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open.first() {
        return Err(bad(o.tag_at, "a <TIMEX3> element is never closed".into()));
    }
    timexes.sort_by_key(|t: &GoldTimex| t.span.start);
    Ok(TimeMlDoc { dct, text, timexes })
}

/// The value of attribute `name` in a start tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = rest[..i].ends_with(char::is_whitespace);
        let after = rest[i + name.len()..].trim_start();
        if before_ok && let Some(after) = after.strip_prefix('=') {
            let after = after.trim_start();
            let quote = after.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &after[1..];
                let end = body.find(quote)?;
                return Some(decode(&body[..end]));
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// Decode the five XML entities and numeric character references.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Prepositions TimeML leaves outside a `TIMEX3` ("on [Friday]", "in [2014]").
const LEADING_PREPOSITIONS: &[&str] = &[
    "on ", "in ", "at ", "during ", "since ", "from ", "until ", "by ", "for ", "of ",
];

/// The TimeML extent of a tag: its span without a leading preposition, which demarche keeps
/// (it tells the tense and the deadline) and TimeML does not.
pub fn extent(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    for p in LEADING_PREPOSITIONS {
        if s.len() > p.len() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
            return Span::new(span.start + p.len(), span.end);
        }
    }
    span
}

/// Write `text` as a TimeML document with `tags` as `TIMEX3` elements (ids `t1`, `t2`… in text
/// order; the creation time, when known, is `t0`). Article text is escaped, so it stays text.
pub fn write(text: &str, dct: Option<NaiveDate>, tags: &[Tagged]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n");
    if let Some(d) = dct {
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (i, t) in tags.iter().enumerate() {
        if t.span.start < at || t.span.end > text.len() {
            continue;
        }
        let span = extent(text, t.span);
        out.push_str(&escape(&text[at..span.start]));
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
            i + 1,
            t.ty.as_str(),
            escape(&t.value),
            escape(&text[span.start..span.end])
        );
        at = span.end;
    }
    out.push_str(&escape(&text[at..]));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// TempEval-3 style counts of predicted against gold expressions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TimexScores {
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
    /// Predictions with exactly a gold expression's span.
    pub strict: usize,
    /// Predictions overlapping a gold expression (one-to-one).
    pub relaxed: usize,
    /// Relaxed matches with the gold type.
    pub type_ok: usize,
    /// Relaxed matches with the gold value.
    pub value_ok: usize,
}

impl TimexScores {
    /// Add another document's counts.
    pub fn add(&mut self, o: &TimexScores) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }

    /// Share of the relaxed matches that have `hits` right (type or value).
    pub fn accuracy(&self, hits: usize) -> f64 {
        ratio(hits, self.relaxed)
    }

    /// F1 of `hits` against the gold and predicted counts.
    pub fn f1(&self, hits: usize) -> f64 {
        f1(ratio(hits, self.predicted), ratio(hits, self.gold))
    }
}

/// Match predictions (tags of `text`) to gold expressions one-to-one by overlap (largest
/// overlap first) and count strict spans (TimeML extents), types and values.
pub fn score(text: &str, gold: &[GoldTimex], predicted: &[Tagged]) -> TimexScores {
    let spans: Vec<Span> = predicted.iter().map(|p| extent(text, p.span)).collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in spans.iter().enumerate() {
            let lo = g.span.start.max(p.start);
            let hi = g.span.end.min(p.end);
            if lo < hi {
                pairs.push((hi - lo, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; predicted.len()];
    let mut s = TimexScores {
        gold: gold.len(),
        predicted: predicted.len(),
        ..TimexScores::default()
    };
    for (_, gi, pi) in pairs {
        if used_g[gi] || used_p[pi] {
            continue;
        }
        used_g[gi] = true;
        used_p[pi] = true;
        let (g, p) = (&gold[gi], &predicted[pi]);
        s.relaxed += 1;
        s.strict += usize::from(g.span == spans[pi]);
        s.type_ok += usize::from(g.ty.eq_ignore_ascii_case(p.ty.as_str()));
        s.value_ok += usize::from(g.value == p.value);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Precision};
    use crate::timex::tag;

    const SAMPLE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-04-29" temporalFunction="false" functionInDocument="CREATION_TIME">April 29, 2024</TIMEX3></DCT>
<TEXT>Tajikistan <EVENT eid="e1" class="OCCURRENCE">summoned</EVENT> the envoy <TIMEX3 tid="t1" type="DATE" value="2024-04-26">on Friday</TIMEX3> &amp; talks lasted <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.</TEXT>
</TimeML>
"#;

    #[test]
    fn reads_text_dct_and_spans() {
        let d = parse(SAMPLE, "s.tml").unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2024, 4, 29));
        assert_eq!(
            d.text,
            "Tajikistan summoned the envoy on Friday & talks lasted three hours."
        );
        let spans: Vec<&str> = d
            .timexes
            .iter()
            .map(|t| &d.text[t.span.start..t.span.end])
            .collect();
        assert_eq!(spans, ["on Friday", "three hours"]);
        assert_eq!(d.timexes[0].value, "2024-04-26");
        assert_eq!(d.timexes[1].ty, "DURATION");
    }

    #[test]
    fn malformed_documents_name_the_line() {
        let e = parse(
            "<TimeML>\n<TEXT>on <TIMEX3 type=\"DATE\">Friday</TEXT>",
            "x.tml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("x.tml:2:"), "{e}");
        let e = parse("<TEXT>a\nb </TIMEX3></TEXT>", "y.tml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("y.tml:2:"), "{e}");
        let e = parse("<TEXT>a <TIMEX3", "z.tml").unwrap_err().to_string();
        assert!(e.contains("not closed"), "{e}");
    }

    #[test]
    fn extents_leave_prepositions_out() {
        let rows = [
            ("on Friday", "Friday"),
            ("In March 2014", "March 2014"),
            ("since 2014", "2014"),
            ("last week", "last week"),
            ("on", "on"),
            ("once a week", "once a week"),
        ];
        for (text, want) in rows {
            let e = extent(text, Span::new(0, text.len()));
            assert_eq!(&text[e.start..e.end], want);
        }
    }

    #[test]
    fn entities_and_attributes() {
        let rows = [
            ("a &lt;b&gt; &amp; c", "a <b> & c"),
            ("&#233;t&#xE9;", "été"),
            ("AT&T & co", "AT&T & co"),
            ("&bogus; x", "&bogus; x"),
        ];
        for (raw, want) in rows {
            assert_eq!(decode(raw), want);
        }
        let tag = r#"TIMEX3 tid="t1" type='DATE' value="2024-W17" mod="START""#;
        assert_eq!(attribute(tag, "type").as_deref(), Some("DATE"));
        assert_eq!(attribute(tag, "value").as_deref(), Some("2024-W17"));
        assert_eq!(attribute(tag, "tid").as_deref(), Some("t1"));
        assert_eq!(attribute(tag, "anchorTimeID"), None);
    }

    #[test]
    fn own_tags_round_trip_and_score_perfectly() {
        let text = "Russia <expelled> diplomats on Friday & said on Monday it would act \
                    within two weeks; talks are held every Tuesday.";
        let doc = Document {
            id: "d".into(),
            origin: "-".into(),
            dct: NaiveDate::from_ymd_opt(2024, 4, 29),
            title: String::new(),
            url: String::new(),
            text: text.into(),
        };
        let tags = tag(&doc, &[]);
        assert!(tags.len() >= 3, "{tags:?}");
        let xml = write(text, doc.dct, &tags);
        assert!(xml.contains("&lt;expelled&gt;") && xml.contains(" &amp; "));
        let back = parse(&xml, "own.tml").unwrap();
        assert_eq!(back.text, text);
        assert_eq!(back.dct, doc.dct);
        let s = score(text, &back.timexes, &tags);
        assert_eq!(
            (s.strict, s.relaxed, s.type_ok, s.value_ok),
            (tags.len(), tags.len(), tags.len(), tags.len())
        );
        assert!((s.f1(s.strict) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn scoring_counts_strict_relaxed_type_and_value() {
        let g = |a: usize, b: usize, ty: &str, v: &str| GoldTimex {
            span: Span::new(a, b),
            ty: ty.into(),
            value: v.into(),
        };
        let p = |a: usize, b: usize, ty: super::super::TimexType, v: &str| Tagged {
            span: Span::new(a, b),
            text: String::new(),
            ty,
            value: v.into(),
            date_start: None,
            date_end: None,
            precision: Precision::Day,
            basis: crate::model::DateBasis::Explicit,
        };
        use super::super::TimexType::*;
        let gold = [
            g(0, 9, "DATE", "2024-04-26"),
            g(20, 31, "DURATION", "PT3H"),
            g(40, 45, "DATE", "2024"),
        ];
        let pred = [
            p(3, 9, Date, "2024-04-26"),
            p(20, 31, Date, "PT3H"),
            p(50, 55, Date, "2023"),
        ];
        let s = score(&"x".repeat(60), &gold, &pred);
        assert_eq!((s.gold, s.predicted), (3, 3));
        assert_eq!((s.strict, s.relaxed, s.type_ok, s.value_ok), (1, 2, 1, 2));
        let mut total = TimexScores::default();
        total.add(&s);
        total.add(&s);
        assert_eq!((total.gold, total.relaxed), (6, 4));
        assert!((total.f1(total.relaxed) - 2.0 / 3.0).abs() < 1e-9);
    }
}
