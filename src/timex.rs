//! Time expressions: found in running text and normalized against the publication date (DCT),
//! the tense of their clause, the narrative time, or another event ("a month after the attack").
//! Every value is an honest inclusive day interval with a precision.

use crate::model::{DateBasis, Precision, Span, TimeValue};
use chrono::{Datelike, Months, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// The tense of the clause a time expression sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past or present perfect (the default of news).
    Past,
    /// Will, plans to, next…
    Future,
}

/// An offset in calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// How an anchored offset is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Exactly (about) this far.
    About,
    /// More than this far: an open interval up to the publication date.
    MoreThan,
    /// Less than this far.
    LessThan,
}

/// What a time expression means, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeRef {
    /// Already resolved (absolute, or relative to the DCT).
    Value(TimeValue),
    /// Relative to the previous event of the narrative: `days` (negative = before); 0 = the
    /// same time ("at the time", "the same day").
    Narrative {
        /// Offset.
        n: i64,
        /// Unit of the offset.
        unit: Unit,
        /// As written.
        text: String,
    },
    /// Relative to another event named by a noun ("a week after the attack").
    Event {
        /// Offset (negative = before).
        n: i64,
        /// Unit.
        unit: Unit,
        /// Exactly, more than or less than.
        bound: Bound,
        /// The noun naming the anchor event ("attack", "summit").
        noun: String,
        /// As written.
        text: String,
    },
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Byte span in the document.
    pub span: Span,
    /// As written.
    pub text: String,
    /// Whether resolving it needs the clause tense (weekdays, months without a year).
    pub tense_sensitive: bool,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Ymd(i32, u32, u32),
    Md(u32, u32),
    Ym(i32, u32, Part),
    Month(u32, Part, Shift),
    MonthOfYear(u32, Part, i32),
    DayOfYear(u32, u32, i32),
    Year(i32, Part),
    Decade(i32),
    Weekday(Weekday, Shift),
    DayWord(i64),
    Period(Unit, Shift, Part),
    Ago(i64, Unit, Bound),
    Narrative(i64, Unit),
    /// "two days after police stormed…": what follows is `n` units from the main clause.
    AfterClause(i64, Unit),
    Event(i64, Unit, Bound, String),
    Recently,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// Up to the DCT ("earlier this month").
    SoFar,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shift {
    /// Resolve by tense.
    Tense,
    Last,
    This,
    Next,
}

const MONTHS: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
const NUM: &str = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)";
const UNIT: &str = r"(?:days?|weeks?|months?|years?|decades?)";

fn month_num(s: &str) -> Option<u32> {
    let k = s.trim_end_matches('.').to_ascii_lowercase();
    let k = k.get(..3)?;
    Some(match k {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// Whether a lower-case word is a month name or its abbreviation.
pub fn is_month_word(s: &str) -> bool {
    s.len() >= 3
        && month_num(s).is_some()
        && [
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
        .contains(&s)
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_lowercase().get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn number(s: &str) -> i64 {
    let s = s.to_ascii_lowercase();
    match s.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "a couple of" => 2,
        "three" | "a few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => s.parse().unwrap_or(1),
    }
}

fn unit(s: &str) -> (Unit, i64) {
    let s = s.to_ascii_lowercase();
    if s.starts_with("day") {
        (Unit::Day, 1)
    } else if s.starts_with("week") {
        (Unit::Week, 1)
    } else if s.starts_with("month") {
        (Unit::Month, 1)
    } else if s.starts_with("decade") {
        (Unit::Year, 10)
    } else {
        (Unit::Year, 1)
    }
}

fn part(s: Option<&str>) -> Part {
    match s.map(|s| s.to_ascii_lowercase()) {
        Some(p) if p.starts_with("early") || p.contains("beginning") || p.contains("start") => {
            Part::Early
        }
        Some(p) if p.starts_with("mid") || p.contains("middle") => Part::Mid,
        Some(p) if p.starts_with("late") || p.contains("end") => Part::Late,
        Some(p) if p.starts_with("earlier") => Part::SoFar,
        _ => Part::Whole,
    }
}

fn shift(s: Option<&str>) -> Shift {
    match s.map(|s| s.trim().to_ascii_lowercase()) {
        Some(p) if p.starts_with("last") || p.starts_with("past") || p.starts_with("previous") => {
            Shift::Last
        }
        Some(p) if p.starts_with("next") || p.starts_with("coming") => Shift::Next,
        Some(p) if p.starts_with("this") || p.contains("this") => Shift::This,
        _ => Shift::Tense,
    }
}

struct Rule {
    re: Regex,
    build: fn(&regex::Captures) -> Option<(Kind, bool)>,
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let r = |p: String| Regex::new(&p).expect("timex rule compiles");
    vec![
        Rule {
            re: r(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)".into()),
            build: |c| Some((Kind::Ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?), false)),
        },
        Rule {
            re: r(format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS}),?\s+(\d{{4}})(?-u:\b)")),
            build: |c| Some((Kind::Ymd(c[3].parse().ok()?, month_num(&c[2])?, c[1].parse().ok()?), false)),
        },
        Rule {
            re: r(format!(r"(?-u:\b)({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)")),
            build: |c| Some((Kind::Ymd(c[3].parse().ok()?, month_num(&c[1])?, c[2].parse().ok()?), false)),
        },
        Rule {
            re: r(format!(r"(?-u:\b)(?:(?i:(early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s*)?({MONTHS}),?\s+(\d{{4}})(?-u:\b)")),
            build: |c| Some((Kind::Ym(c[3].parse().ok()?, month_num(&c[2])?, part(c.get(1).map(|m| m.as_str()))), false)),
        },
        Rule {
            re: r(format!(r"(?i:(?-u:\b)(?:(early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|in)\s*)?)({MONTHS})(?:\s+of)?\s+(?i:(last|this|next)\s+year)(?-u:\b)")),
            build: |c| {
                let lead = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
                let p = part(lead.as_deref().filter(|l| *l != "in"));
                let shift = match c[3].to_ascii_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some((Kind::MonthOfYear(month_num(&c[2])?, p, shift), false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?i:(last|this|next)\s+year)(?-u:\b)")),
            build: |c| {
                let shift = match c[3].to_ascii_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                Some((Kind::DayOfYear(month_num(&c[1])?, c[2].parse().ok()?, shift), false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})(?-u:\b)")),
            build: |c| Some((Kind::Md(month_num(&c[2])?, c[1].parse().ok()?), true)),
        },
        Rule {
            re: r(format!(r"(?-u:\b)({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)")),
            build: |c| Some((Kind::Md(month_num(&c[1])?, c[2].parse().ok()?), true)),
        },
        Rule {
            re: r(format!(r"(?i:(?-u:\b)(in|since|until|by|during|early|mid-?|late|last|next|this|earlier\s+in|later\s+in|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+({MONTHS})(?-u:\b)")),
            build: |c| {
                let lead = c[1].to_ascii_lowercase();
                Some((Kind::Month(month_num(&c[2])?, part(Some(&lead)), shift(Some(&lead))), true))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:the\s+)(\d{3})0s(?-u:\b)".into()),
            build: |c| Some((Kind::Decade(c[1].parse::<i32>().ok()? * 10), false)),
        },
        Rule {
            re: r(r"(?i:(?-u:\b)(in|since|by|during|of|early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s+)((?:19|20)\d{2})(?-u:\b)".into()),
            build: |c| Some((Kind::Year(c[2].parse().ok()?, part(Some(&c[1]))), false)),
        },
        Rule {
            re: r(format!(r"(?i:(?-u:\b)(more\s+than|over|nearly|almost|about|some|less\s+than|under|just\s+over|barely)\s+)?(?-u:\b)(?i:({NUM})\s+({UNIT})\s+(after|before|since|following)\s+(?:the|a|an|its|this|that|his|her|their)\s+)((?i:[a-z-]+))")),
            build: |c| {
                let (u, mult) = unit(&c[3]);
                let n = number(&c[2]) * mult;
                let bound = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
                    Some(b) if b.contains("more") || b.contains("over") => Bound::MoreThan,
                    Some(b) if b.contains("less") || b.contains("under") || b.contains("nearly") || b.contains("almost") || b.contains("barely") => Bound::LessThan,
                    _ => Bound::About,
                };
                let sign = if c[4].eq_ignore_ascii_case("before") { -1 } else { 1 };
                Some((Kind::Event(sign * n, u, bound, c[5].to_ascii_lowercase()), false))
            },
        },
        Rule {
            re: r(format!(r"(?i:(?-u:\b)(more\s+than|over|nearly|almost|about|some|less\s+than)\s+)?(?-u:\b)(?i:({NUM})\s+({UNIT})\s+ago)(?-u:\b)")),
            build: |c| {
                let (u, mult) = unit(&c[3]);
                let bound = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
                    Some(b) if b.contains("more") || b.contains("over") => Bound::MoreThan,
                    Some(b) if b.contains("less") || b.contains("nearly") || b.contains("almost") => Bound::LessThan,
                    _ => Bound::About,
                };
                Some((Kind::Ago(number(&c[2]) * mult, u, bound), false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(?i:({NUM})\s+({UNIT})\s+(after|before))\s+(?-i:[A-Z])")),
            build: |c| {
                let (u, mult) = unit(&c[2]);
                let sign = if c[3].eq_ignore_ascii_case("after") { -1 } else { 1 };
                Some((Kind::AfterClause(sign * number(&c[1]) * mult, u), false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(?i:({NUM})\s+({UNIT})\s+(later|earlier|before))(?-u:\b)")),
            build: |c| {
                let (u, mult) = unit(&c[2]);
                let sign = if c[3].eq_ignore_ascii_case("later") { 1 } else { -1 };
                Some((Kind::Narrative(sign * number(&c[1]) * mult, u), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:the\s+(next|following|previous|same)\s+(day|week|month|morning|evening|night)|the\s+day\s+(before|after)|that\s+(day|week)|at\s+the\s+time|days?\s+later|hours\s+later|hours\s+earlier)(?-u:\b)".into()),
            build: |c| {
                let t = c[0].to_ascii_lowercase();
                let (n, u) = if t.contains("week") {
                    (if t.contains("next") || t.contains("following") { 1 } else if t.contains("previous") { -1 } else { 0 }, Unit::Week)
                } else if t.contains("month") {
                    (if t.contains("next") || t.contains("following") { 1 } else if t.contains("previous") { -1 } else { 0 }, Unit::Month)
                } else if t.contains("next") || t.contains("following") || t.contains("after") || t.contains("days later") {
                    (1, Unit::Day)
                } else if t.contains("previous") || t.contains("before") {
                    (-1, Unit::Day)
                } else {
                    (0, Unit::Day)
                };
                Some((Kind::Narrative(n, u), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?:(?i:on|early|late)\s+)?(?:(?i:(last|next|this|coming|past))\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?(?-u:\b)".into()),
            build: |c| Some((Kind::Weekday(weekday(&c[2])?, shift(c.get(1).map(|m| m.as_str()))), c.get(1).is_none())),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|tomorrow))(?-u:\b)".into()),
            build: |c| {
                let t = c[1].to_ascii_lowercase();
                let d = if t.starts_with("yesterday") || t.starts_with("last night") {
                    -1
                } else if t.starts_with("tomorrow") {
                    1
                } else {
                    0
                };
                Some((Kind::DayWord(d), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(earlier|later)\s+(this|last)\s+(week|month|year))(?-u:\b)".into()),
            build: |c| {
                let (u, _) = unit(&c[3]);
                let sh = shift(Some(&c[2]));
                let p = if c[1].eq_ignore_ascii_case("earlier") && sh == Shift::This { Part::SoFar } else { Part::Whole };
                Some((Kind::Period(u, sh, p), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(early|late|mid-?)\s*(this|last|next)\s+(week|month|year))(?-u:\b)".into()),
            build: |c| {
                let (u, _) = unit(&c[3]);
                Some((Kind::Period(u, shift(Some(&c[2])), part(Some(&c[1]))), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(last|this|next|past|previous|coming)\s+(week|weekend|month|year))(?-u:\b)".into()),
            build: |c| {
                let u = if c[2].eq_ignore_ascii_case("weekend") { Unit::Week } else { unit(&c[2]).0 };
                Some((Kind::Period(u, shift(Some(&c[1])), Part::Whole), c[1].eq_ignore_ascii_case("this")))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:recently|in\s+recent\s+(?:days|weeks))(?-u:\b)".into()),
            build: |_| Some((Kind::Recently, false)),
        },
    ]
});

/// Find the time expressions in `text[span]`, longest first, without overlaps.
pub fn find(text: &str, span: Span) -> Vec<Timex> {
    let s = &text[span.start..span.end];
    let mut found: Vec<Timex> = Vec::new();
    for rule in RULES.iter() {
        // The fast matcher finds the spans; groups are read only where something matched.
        let mut at = 0;
        while at <= s.len() {
            let Some(found_at) = rule.re.find_at(s, at) else {
                break;
            };
            let Some(c) = rule.re.captures_at(s, found_at.start()) else {
                break;
            };
            let m = c.get(0).expect("group 0");
            at = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + 1
            };
            let sp = Span::new(span.start + m.start(), span.start + m.end());
            if found.iter().any(|f| f.span.overlaps(sp)) {
                continue;
            }
            if let Some((kind, tense_sensitive)) = (rule.build)(&c) {
                found.push(Timex {
                    span: sp,
                    text: m.as_str().to_string(),
                    tense_sensitive,
                    kind,
                });
            }
        }
    }
    found.sort_by_key(|t| t.span.start);
    found
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_bounds(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = ymd(y, m, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((start, end))
}

fn sub_part(
    start: NaiveDate,
    end: NaiveDate,
    p: Part,
    dct: Option<NaiveDate>,
) -> (NaiveDate, NaiveDate) {
    let len = (end - start).num_days();
    let third = len / 3;
    match p {
        Part::Whole => (start, end),
        Part::Early => (start, start + chrono::Duration::days(third)),
        Part::Mid => (
            start + chrono::Duration::days(third),
            end - chrono::Duration::days(third),
        ),
        Part::Late => (end - chrono::Duration::days(third), end),
        Part::SoFar => (start, dct.map(|d| d.min(end)).unwrap_or(end)),
    }
}

fn value(
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    basis: DateBasis,
    text: &str,
) -> TimeValue {
    let v = match precision {
        Precision::Day => start.format("%Y-%m-%d").to_string(),
        Precision::Month => start.format("%Y-%m").to_string(),
        Precision::Year => start.format("%Y").to_string(),
        Precision::Week => format!(
            "{}-W{:02}",
            start.iso_week().year(),
            start.iso_week().week()
        ),
        Precision::Quarter => format!("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
        Precision::Unknown => String::new(),
    };
    TimeValue {
        value: v,
        start: Some(start),
        end: Some(end),
        precision,
        basis,
        text: text.to_string(),
    }
}

/// Shift a date by `n` units.
pub fn add(d: NaiveDate, n: i64, u: Unit) -> Option<NaiveDate> {
    match u {
        Unit::Day => d.checked_add_signed(chrono::Duration::days(n)),
        Unit::Week => d.checked_add_signed(chrono::Duration::days(7 * n)),
        Unit::Month if n >= 0 => d.checked_add_months(Months::new(n as u32)),
        Unit::Month => d.checked_sub_months(Months::new((-n) as u32)),
        Unit::Year if n >= 0 => d.checked_add_months(Months::new(12 * n as u32)),
        Unit::Year => d.checked_sub_months(Months::new(12 * (-n) as u32)),
    }
}

fn unknown_with(text: &str) -> TimeValue {
    TimeValue {
        text: text.to_string(),
        ..TimeValue::unknown()
    }
}

impl Timex {
    /// For "N units after <clause>": the shift from the main clause's time to the events of
    /// the clause that follows.
    pub fn clause_shift(&self) -> Option<(i64, Unit)> {
        match self.kind {
            Kind::AfterClause(n, u) => Some((n, u)),
            _ => None,
        }
    }

    /// Resolve against the publication date and the tense of the clause.
    pub fn resolve(&self, dct: Option<NaiveDate>, tense: Tense) -> TimeRef {
        let t = &self.text;
        let rel = |f: &dyn Fn(NaiveDate) -> Option<TimeValue>| -> TimeRef {
            TimeRef::Value(dct.and_then(f).unwrap_or_else(|| unknown_with(t)))
        };
        match &self.kind {
            Kind::Ymd(y, m, d) => TimeRef::Value(
                ymd(*y, *m, *d)
                    .map(|x| value(x, x, Precision::Day, DateBasis::Explicit, t))
                    .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::Ym(y, m, p) => TimeRef::Value(
                month_bounds(*y, *m)
                    .map(|(s, e)| {
                        let (s2, e2) = sub_part(s, e, *p, None);
                        let mut v = value(s2, e2, Precision::Month, DateBasis::Explicit, t);
                        v.value = s.format("%Y-%m").to_string();
                        v
                    })
                    .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::Year(y, p) => TimeRef::Value(
                ymd(*y, 1, 1)
                    .zip(ymd(*y, 12, 31))
                    .map(|(s, e)| {
                        let (s2, e2) = sub_part(s, e, *p, None);
                        let mut v = value(s2, e2, Precision::Year, DateBasis::Explicit, t);
                        v.value = y.to_string();
                        v
                    })
                    .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::Decade(y) => TimeRef::Value(
                ymd(*y, 1, 1)
                    .zip(ymd(*y + 9, 12, 31))
                    .map(|(s, e)| {
                        let mut v = value(s, e, Precision::Year, DateBasis::Explicit, t);
                        v.value = format!("{}", y / 10);
                        v
                    })
                    .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::Md(m, d) => rel(&|dct| {
                let this = ymd(dct.year(), *m, *d)?;
                let x = match tense {
                    Tense::Past if this > dct => ymd(dct.year() - 1, *m, *d)?,
                    Tense::Future if this < dct => ymd(dct.year() + 1, *m, *d)?,
                    _ => this,
                };
                Some(value(x, x, Precision::Day, DateBasis::Relative, t))
            }),
            Kind::Month(m, p, sh) => rel(&|dct| {
                let mut y = dct.year();
                let sh = if *sh == Shift::Tense {
                    if tense == Tense::Future {
                        Shift::Next
                    } else {
                        Shift::Last
                    }
                } else {
                    *sh
                };
                match sh {
                    Shift::Last if *m > dct.month() => y -= 1,
                    Shift::Next if *m < dct.month() => y += 1,
                    _ => {}
                }
                let (s, e) = month_bounds(y, *m)?;
                let p = if s <= dct && dct <= e && tense == Tense::Past && *p == Part::Whole {
                    Part::SoFar
                } else {
                    *p
                };
                let (s2, e2) = sub_part(s, e, p, Some(dct));
                let mut v = value(s2, e2, Precision::Month, DateBasis::Relative, t);
                v.value = s.format("%Y-%m").to_string();
                Some(v)
            }),
            Kind::DayOfYear(m, d, shift) => rel(&|dct| {
                let x = ymd(dct.year() + shift, *m, *d)?;
                Some(value(x, x, Precision::Day, DateBasis::Relative, t))
            }),
            Kind::MonthOfYear(m, p, shift) => rel(&|dct| {
                let (s, e) = month_bounds(dct.year() + shift, *m)?;
                let (s2, e2) = sub_part(s, e, *p, Some(dct));
                let mut v = value(s2, e2, Precision::Month, DateBasis::Relative, t);
                v.value = s.format("%Y-%m").to_string();
                Some(v)
            }),
            Kind::Weekday(wd, sh) => rel(&|dct| {
                let diff = (dct.weekday().num_days_from_monday() as i64
                    - wd.num_days_from_monday() as i64)
                    .rem_euclid(7);
                let past = dct - chrono::Duration::days(diff);
                let fut = dct + chrono::Duration::days((7 - diff) % 7);
                let x = match (sh, tense) {
                    (Shift::Last, _) => {
                        if diff == 0 {
                            dct - chrono::Duration::days(7)
                        } else {
                            past
                        }
                    }
                    (Shift::Next, _) => {
                        if diff == 0 {
                            dct + chrono::Duration::days(7)
                        } else {
                            fut
                        }
                    }
                    (_, Tense::Future) => {
                        if diff == 0 {
                            dct
                        } else {
                            fut
                        }
                    }
                    (_, Tense::Past) => past,
                };
                Some(value(x, x, Precision::Day, DateBasis::Relative, t))
            }),
            Kind::DayWord(n) => rel(&|dct| {
                let x = dct + chrono::Duration::days(*n);
                Some(value(x, x, Precision::Day, DateBasis::Relative, t))
            }),
            Kind::Period(u, sh, p) => rel(&|dct| {
                let n = match (sh, tense) {
                    (Shift::Last, _) => -1,
                    (Shift::Next, _) => 1,
                    _ => 0,
                };
                let (s, e, prec) = match u {
                    Unit::Day => (dct, dct, Precision::Day),
                    Unit::Week => {
                        let monday = dct
                            - chrono::Duration::days(dct.weekday().num_days_from_monday() as i64);
                        let s = monday + chrono::Duration::days(7 * n);
                        (s, s + chrono::Duration::days(6), Precision::Week)
                    }
                    Unit::Month => {
                        let first = ymd(dct.year(), dct.month(), 1)?;
                        let s = add(first, n, Unit::Month)?;
                        let (s, e) = month_bounds(s.year(), s.month())?;
                        (s, e, Precision::Month)
                    }
                    Unit::Year => {
                        let y = dct.year() + n as i32;
                        (ymd(y, 1, 1)?, ymd(y, 12, 31)?, Precision::Year)
                    }
                };
                let p = if n == 0 && *p == Part::Whole {
                    if tense == Tense::Future {
                        Part::Whole
                    } else {
                        Part::SoFar
                    }
                } else {
                    *p
                };
                let (s2, e2) = sub_part(s, e, p, Some(dct));
                let mut v = value(s2, e2, prec, DateBasis::Relative, t);
                if prec != Precision::Day {
                    v.value = value(s, e, prec, DateBasis::Relative, t).value;
                }
                Some(v)
            }),
            Kind::Ago(n, u, bound) => rel(&|dct| {
                let x = add(dct, -n, *u)?;
                let (prec, slack) = match u {
                    Unit::Day => (Precision::Day, 0),
                    Unit::Week => (Precision::Week, 3),
                    Unit::Month => (Precision::Month, 15),
                    Unit::Year => (Precision::Month, 45),
                };
                let (s, e) = match bound {
                    Bound::About => (
                        x - chrono::Duration::days(slack),
                        x + chrono::Duration::days(slack),
                    ),
                    Bound::MoreThan => (x - chrono::Duration::days(slack.max(1) * 4), x),
                    Bound::LessThan => (x, dct),
                };
                let mut v = value(
                    s,
                    e.min(dct),
                    if *bound == Bound::About {
                        prec
                    } else {
                        Precision::Unknown
                    },
                    DateBasis::Relative,
                    t,
                );
                if *bound == Bound::About && prec == Precision::Day {
                    v.value = x.format("%Y-%m-%d").to_string();
                }
                Some(v)
            }),
            Kind::Recently => rel(&|dct| {
                Some(value(
                    dct - chrono::Duration::days(30),
                    dct,
                    Precision::Unknown,
                    DateBasis::Relative,
                    t,
                ))
            }),
            Kind::AfterClause(n, u) => TimeRef::Narrative {
                n: *n,
                unit: *u,
                text: t.clone(),
            },
            Kind::Narrative(n, u) => TimeRef::Narrative {
                n: *n,
                unit: *u,
                text: t.clone(),
            },
            Kind::Event(n, u, b, noun) => TimeRef::Event {
                n: *n,
                unit: *u,
                bound: *b,
                noun: noun.clone(),
                text: t.clone(),
            },
        }
    }
}

/// Shift an anchor interval by an offset, as an anchored time value.
pub fn shift_anchor(
    anchor: &TimeValue,
    n: i64,
    u: Unit,
    bound: Bound,
    dct: Option<NaiveDate>,
    text: &str,
) -> Option<TimeValue> {
    let (s, e) = (anchor.start?, anchor.end?);
    let (s2, e2) = (add(s, n, u)?, add(e, n, u)?);
    let (s3, e3, prec) = match bound {
        Bound::About => {
            let prec = if u == Unit::Day && anchor.precision == Precision::Day {
                Precision::Day
            } else {
                Precision::Unknown
            };
            let slack = match u {
                Unit::Day => 0,
                Unit::Week => 2,
                Unit::Month => 7,
                Unit::Year => 30,
            };
            (
                s2 - chrono::Duration::days(slack),
                e2 + chrono::Duration::days(slack),
                prec,
            )
        }
        Bound::MoreThan if n >= 0 => (
            s2,
            dct.unwrap_or(e2 + chrono::Duration::days(365)).max(s2),
            Precision::Unknown,
        ),
        Bound::MoreThan => (e2 - chrono::Duration::days(365), s2, Precision::Unknown),
        Bound::LessThan if n >= 0 => (s, e2, Precision::Unknown),
        Bound::LessThan => (s2, e, Precision::Unknown),
    };
    let mut v = value(s3, e3, prec, DateBasis::Anchored, text);
    if prec == Precision::Unknown {
        v.value = String::new();
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn resolve_one(expr: &str, dct: &str, tense: Tense) -> (String, String, String) {
        let text = format!("X happened {expr} here.");
        let found = find(&text, Span::new(0, text.len()));
        assert_eq!(found.len(), 1, "{expr}: {found:?}");
        match found[0].resolve(Some(d(dct)), tense) {
            TimeRef::Value(v) => (
                v.value.clone(),
                v.start.map(|x| x.to_string()).unwrap_or_default(),
                v.end.map(|x| x.to_string()).unwrap_or_default(),
            ),
            other => panic!("{expr}: {other:?}"),
        }
    }

    #[test]
    fn normalization_table() {
        use Tense::*;
        let mon = "2024-04-29"; // a Monday
        type Want<'a> = (&'a str, &'a str, &'a str);
        let cases: &[(&str, &str, Tense, Want)] = &[
            (
                "on 22 March 2024",
                mon,
                Past,
                ("2024-03-22", "2024-03-22", "2024-03-22"),
            ),
            (
                "on March 22, 2024",
                mon,
                Past,
                ("2024-03-22", "2024-03-22", "2024-03-22"),
            ),
            (
                "on 2018-03-14",
                mon,
                Past,
                ("2018-03-14", "2018-03-14", "2018-03-14"),
            ),
            (
                "on March 22",
                mon,
                Past,
                ("2024-03-22", "2024-03-22", "2024-03-22"),
            ),
            (
                "on May 2",
                mon,
                Past,
                ("2023-05-02", "2023-05-02", "2023-05-02"),
            ),
            (
                "on May 2",
                mon,
                Future,
                ("2024-05-02", "2024-05-02", "2024-05-02"),
            ),
            (
                "in March",
                mon,
                Past,
                ("2024-03", "2024-03-01", "2024-03-31"),
            ),
            (
                "in June",
                mon,
                Past,
                ("2023-06", "2023-06-01", "2023-06-30"),
            ),
            (
                "in June",
                mon,
                Future,
                ("2024-06", "2024-06-01", "2024-06-30"),
            ),
            (
                "in April",
                mon,
                Past,
                ("2024-04", "2024-04-01", "2024-04-29"),
            ),
            (
                "in March 2014",
                mon,
                Past,
                ("2014-03", "2014-03-01", "2014-03-31"),
            ),
            ("in 2014", mon, Past, ("2014", "2014-01-01", "2014-12-31")),
            (
                "on Friday",
                mon,
                Past,
                ("2024-04-26", "2024-04-26", "2024-04-26"),
            ),
            (
                "on Monday",
                mon,
                Past,
                ("2024-04-29", "2024-04-29", "2024-04-29"),
            ),
            (
                "on Thursday",
                mon,
                Future,
                ("2024-05-02", "2024-05-02", "2024-05-02"),
            ),
            (
                "last Monday",
                mon,
                Past,
                ("2024-04-22", "2024-04-22", "2024-04-22"),
            ),
            (
                "yesterday",
                mon,
                Past,
                ("2024-04-28", "2024-04-28", "2024-04-28"),
            ),
            (
                "earlier this month",
                mon,
                Past,
                ("2024-04", "2024-04-01", "2024-04-29"),
            ),
            (
                "last week",
                mon,
                Past,
                ("2024-W17", "2024-04-22", "2024-04-28"),
            ),
            (
                "last month",
                mon,
                Past,
                ("2024-03", "2024-03-01", "2024-03-31"),
            ),
            ("last year", mon, Past, ("2023", "2023-01-01", "2023-12-31")),
            (
                "next week",
                mon,
                Future,
                ("2024-W19", "2024-05-06", "2024-05-12"),
            ),
            (
                "two days ago",
                mon,
                Past,
                ("2024-04-27", "2024-04-27", "2024-04-27"),
            ),
            (
                "in the 1990s",
                mon,
                Past,
                ("199", "1990-01-01", "1999-12-31"),
            ),
            (
                "on Oct. 8 last year",
                mon,
                Past,
                ("2023-10-08", "2023-10-08", "2023-10-08"),
            ),
            (
                "in early March last year",
                mon,
                Past,
                ("2023-03", "2023-03-01", "2023-03-11"),
            ),
            (
                "in June this year",
                mon,
                Future,
                ("2024-06", "2024-06-01", "2024-06-30"),
            ),
        ];
        for (expr, dct, tense, (v, s, e)) in cases {
            let got = resolve_one(expr, dct, *tense);
            assert_eq!(got, (v.to_string(), s.to_string(), e.to_string()), "{expr}");
        }
    }

    #[test]
    fn anchored_and_narrative_expressions_wait_for_context() {
        let text = "It came more than a month after the attack, and two days later talks began.";
        let found = find(text, Span::new(0, text.len()));
        assert_eq!(found.len(), 2, "{found:?}");
        match found[0].resolve(Some(d("2024-04-29")), Tense::Past) {
            TimeRef::Event {
                n,
                unit,
                bound,
                noun,
                ..
            } => {
                assert_eq!(
                    (n, unit, bound, noun.as_str()),
                    (1, Unit::Month, Bound::MoreThan, "attack")
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            found[1].resolve(None, Tense::Past),
            TimeRef::Narrative {
                n: 2,
                unit: Unit::Day,
                ..
            }
        ));
    }

    #[test]
    fn anchor_shift_is_an_open_interval_for_more_than() {
        let attack = value(
            d("2024-03-22"),
            d("2024-03-22"),
            Precision::Day,
            DateBasis::Explicit,
            "",
        );
        let v = shift_anchor(
            &attack,
            1,
            Unit::Month,
            Bound::MoreThan,
            Some(d("2024-04-29")),
            "x",
        )
        .unwrap();
        assert_eq!(
            (v.start, v.end),
            (Some(d("2024-04-22")), Some(d("2024-04-29")))
        );
        assert_eq!(v.basis, DateBasis::Anchored);
    }

    #[test]
    fn without_dct_relative_dates_stay_unknown() {
        let text = "It happened on Friday.";
        let found = find(text, Span::new(0, text.len()));
        match found[0].resolve(None, Tense::Past) {
            TimeRef::Value(v) => assert!(!v.is_known()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn may_the_verb_is_no_month() {
        let text = "Russia may respond, officials said.";
        assert!(find(text, Span::new(0, text.len())).is_empty());
    }
}
