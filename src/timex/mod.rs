//! Time expressions: found in running text and normalized against the publication date (DCT),
//! the tense of their clause, the narrative time, or another event ("a month after the attack").
//! Every value is an honest inclusive day interval with a precision.

mod document;
pub mod timeml;

pub use document::{Tagged, clause_tense, tag};

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
    /// Quarters (three months).
    Quarter,
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
    /// Within this far, on the side the sign says ("hours after", "days before").
    Within,
}

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("14 March 2018", "last week").
    Date,
    /// A time of day ("at 3 p.m.", "Friday evening").
    Time,
    /// A length of time ("for three weeks", "a six-month state of emergency").
    Duration,
    /// A recurring time ("every Monday", "twice a year").
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
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
    /// The TIMEX3 type.
    pub ty: TimexType,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Ymd(i32, u32, u32),
    Md(u32, u32),
    Ym(i32, u32, Part),
    Month(u32, Part, Shift),
    /// A month named alone, mostly naming something else ("the November vote"): a date, but
    /// not the time of the clause's events.
    NamedMonth(u32),
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
    /// Quarter `q` of year `y` ("the first quarter of 2024", "Q3 2023").
    Quarter(i32, u32),
    /// Quarter `q` of the DCT's year shifted by `n` years ("the third quarter of last year").
    QuarterOfYear(u32, i32),
    /// A fiscal year (and quarter): conventions differ, so the interval spans them all.
    Fiscal(i32, Option<u32>),
    /// A season of an explicit year.
    SeasonOfYear(Season, i32, Part),
    /// A season relative to the DCT.
    Season(Season, Shift),
    /// "14/03/2018" read both ways.
    Ambiguous(i32, (u32, u32), (u32, u32)),
    /// "on the 14th": a day of the DCT's month (or the one before / after, by tense).
    DayOfMonth(u32),
    /// Days `d1`–`d2` of a month, with or without a year.
    DayRange(u32, u32, u32, Option<i32>),
    /// Months `m1`–`m2`, with or without a year.
    MonthRange(u32, u32, Option<i32>),
    /// Years `y1`–`y2`.
    YearRange(i32, i32),
    /// "now", "currently".
    PresentRef,
    /// A length of time (TIMEX3 value such as `P3W`).
    Duration(String),
    /// A recurring time (TIMEX3 value such as `P1W`, `XXXX-WXX-1`).
    Set(String),
    /// A clock time without a date (`T15:00`).
    Clock(String),
    /// Claims a span that looks like a time but is not ("of 2000 people").
    NotTime,
    /// Two expressions joined into a range.
    Range(Box<Timex>, Box<Timex>),
}

/// Words that may follow a year ("in 2014 and 2016", "of 2014 when").
const FUNCTION_WORDS: &[&str] = &[
    "a", "after", "against", "amid", "an", "and", "as", "at", "before", "but", "by", "during",
    "for", "from", "in", "into", "of", "on", "or", "over", "since", "than", "that", "the",
    "through", "to", "under", "until", "when", "which", "while", "with",
];

/// A season of the northern meteorological calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November.
    Autumn,
    /// December–February.
    Winter,
}

impl Season {
    fn parse(s: &str) -> Option<Season> {
        Some(match s.to_ascii_lowercase().as_str() {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" | "fall" => Season::Autumn,
            "winter" => Season::Winter,
            _ => return None,
        })
    }
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
    /// The days of the season that starts in year `y` (winter runs into the next year).
    fn bounds(self, y: i32) -> Option<(NaiveDate, NaiveDate)> {
        let (m, len) = match self {
            Season::Spring => (3, 3),
            Season::Summer => (6, 3),
            Season::Autumn => (9, 3),
            Season::Winter => (12, 3),
        };
        let s = ymd(y, m, 1)?;
        Some((s, s.checked_add_months(Months::new(len))?.pred_opt()?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// Up to the DCT ("earlier this month").
    SoFar,
    /// From the start up to the DCT ("since 1994").
    Since,
    /// From the DCT to the end ("later this year").
    Rest,
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
/// Irregular simple pasts that show a clause follows "a day after the …" (regular ones end in
/// "-ed").
const CLAUSE_PAST: &str = "broke|took|fell|began|won|met|shot|struck|made|held|went|came|gave|left|sent|said|told|fled|brought|threw|overran|lost|spoke|ran|drove|stole|hit|swept|tore|rose|fought|froze|sold|withdrew|overthrew";
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
        Some(p) if p.starts_with("since") => Part::Since,
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

fn ordinal(s: &str) -> Option<u32> {
    Some(match s.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

fn year_shift(s: &str) -> i32 {
    match s.to_ascii_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    }
}

/// The TIMEX3 duration letter of a unit word.
fn duration_letter(u: &str) -> Option<char> {
    let u = u.to_ascii_lowercase();
    Some(match u.get(..3)? {
        "day" | "dai" => 'D',
        "wee" => 'W',
        "mon" => 'M',
        "yea" | "ann" | "dec" => 'Y',
        _ => return None,
    })
}

/// "N units after/before <clause>" (groups: count, unit, after|before): the clause's events
/// lie N units before (after) the main clause's time.
fn after_clause(c: &regex::Captures) -> Option<(Kind, bool)> {
    let (u, mult) = unit(&c[2]);
    let sign = if c[3].eq_ignore_ascii_case("after") {
        -1
    } else {
        1
    };
    Some((Kind::AfterClause(sign * number(&c[1]) * mult, u), false))
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
            re: r(format!(r"(?-u:\b)(?i:(every|each)\s+(?:({NUM})\s+)?(days?|weeks?|months?|years?|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(daily|weekly|monthly|annually|yearly|hourly|nightly)|(?:once|twice|three\s+times|\d+\s+times)\s+(?:a|per|each)\s+(day|week|month|year))(?-u:\b)")),
            build: |c| {
                let w = c.get(3).or(c.get(4)).or(c.get(5))?.as_str().to_ascii_lowercase();
                let n = c.get(2).map(|m| number(m.as_str())).unwrap_or(1);
                let v = if let Some(wd) = weekday(&w).filter(|_| w.ends_with("day") && w.len() > 5) {
                    format!("XXXX-WXX-{}", wd.number_from_monday())
                } else {
                    match w.as_str() {
                        "morning" => "XXXX-XX-XXTMO".to_string(),
                        "evening" => "XXXX-XX-XXTEV".to_string(),
                        "night" | "nightly" => "XXXX-XX-XXTNI".to_string(),
                        "hourly" => "PT1H".to_string(),
                        w => format!("P{n}{}", duration_letter(w)?),
                    }
                };
                Some((Kind::Set(v), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(\d{1,2})\.(\d{1,2})\.(\d{4})(?-u:\b)".into()),
            build: |c| Some((Kind::Ymd(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)".into()),
            build: |c| {
                let (a, b, y): (u32, u32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
                Some((match (a > 12, b > 12) {
                    (true, false) => Kind::Ymd(y, b, a),
                    (false, true) => Kind::Ymd(y, a, b),
                    (false, false) if a == b => Kind::Ymd(y, a, b),
                    (false, false) => Kind::Ambiguous(y, (a, b), (b, a)),
                    (true, true) => return None,
                }, false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:–|—|-|\s+to\s+|\s+and\s+)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})(?:,?\s+(\d{{4}}))?(?-u:\b)")),
            build: |c| {
                let (d1, d2): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
                let y = c.get(4).and_then(|m| m.as_str().parse().ok());
                (d1 < d2).then_some((Kind::DayRange(month_num(&c[3])?, d1, d2, y), y.is_none()))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)({MONTHS})\s+(\d{{1,2}})\s*(?:–|—|-|\s+to\s+|\s+and\s+)\s*(\d{{1,2}})(?:,?\s+(\d{{4}}))?(?-u:\b)")),
            build: |c| {
                let (d1, d2): (u32, u32) = (c[2].parse().ok()?, c[3].parse().ok()?);
                let y = c.get(4).and_then(|m| m.as_str().parse().ok());
                (d1 < d2).then_some((Kind::DayRange(month_num(&c[1])?, d1, d2, y), y.is_none()))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(?i:from|between)\s+({MONTHS})\s+(?i:to|and|until|through|till)\s+({MONTHS})(?:,?\s+(\d{{4}}))?(?-u:\b)")),
            build: |c| {
                let y = c.get(3).and_then(|m| m.as_str().parse().ok());
                Some((Kind::MonthRange(month_num(&c[1])?, month_num(&c[2])?, y), y.is_none()))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:from|between)\s+((?:19|20)\d{2})\s+(?i:to|and|until|through|till)\s+((?:19|20)\d{2})(?-u:\b)".into()),
            build: |c| {
                let (a, b): (i32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?);
                (a < b).then_some((Kind::YearRange(a, b), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)((?:19|20)\d{2})\s*[–—-]\s*((?:19|20)?\d{2})(?-u:\b)".into()),
            build: |c| {
                let a: i32 = c[1].parse().ok()?;
                let b: i32 = if c[2].len() == 2 { a / 100 * 100 + c[2].parse::<i32>().ok()? } else { c[2].parse().ok()? };
                (a < b).then_some((Kind::YearRange(a, b), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\s+of\s+(?:the\s+)?(?:fiscal\s+year\s+|fiscal\s+|FY\s?))((?:19|20)\d{2})(?-u:\b)".into()),
            build: |c| Some((Kind::Fiscal(c[2].parse().ok()?, Some(ordinal(&c[1])?)), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?)((?:19|20)\d{2})(?-u:\b)".into()),
            build: |c| Some((Kind::Quarter(c[2].parse().ok()?, ordinal(&c[1])?), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(last|this|next)\s+year)(?-u:\b)".into()),
            build: |c| Some((Kind::QuarterOfYear(ordinal(&c[1])?, year_shift(&c[2])), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?:Q([1-4])\s+((?:19|20)\d{2})|((?:19|20)\d{2})\s*-?\s*Q([1-4]))(?-u:\b)".into()),
            build: |c| {
                let (q, y) = match (c.get(1), c.get(2)) {
                    (Some(q), Some(y)) => (q.as_str(), y.as_str()),
                    _ => (c.get(4)?.as_str(), c.get(3)?.as_str()),
                };
                Some((Kind::Quarter(y.parse().ok()?, q.parse().ok()?), false))
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(the\s+)?(last|this|next|previous|coming|past)\s+quarter)(?-u:\b)".into()),
            build: |c| match c.get(1) {
                // "in the last quarter" is the end of a match, not a calendar quarter.
                Some(_) => None,
                None => Some((Kind::Period(Unit::Quarter, shift(Some(&c[2])), Part::Whole), false)),
            },
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:fiscal\s+(?:year\s+)?|FY\s?)((?:19|20)\d{2})|((?:19|20)\d{2})\s+fiscal\s+year)(?-u:\b)".into()),
            build: |c| Some((Kind::Fiscal(c.get(1).or(c.get(2))?.as_str().parse().ok()?, None), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:(early|late|mid-?)\s*)?(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?)((?:19|20)\d{2})(?-u:\b)".into()),
            build: |c| Some((Kind::SeasonOfYear(Season::parse(&c[2])?, c[3].parse().ok()?, part(c.get(1).map(|m| m.as_str()))), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(last|this|next|past|coming)\s+(spring|summer|autumn|fall|winter))(?-u:\b)".into()),
            build: |c| Some((Kind::Season(Season::parse(&c[2])?, shift(Some(&c[1]))), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:in|during|over|by)\s+(?:the\s+)?(spring|summer|autumn|winter)|(?:in|during|over|by)\s+the\s+(fall))(?-u:\b)".into()),
            build: |c| Some((Kind::Season(Season::parse(c.get(1).or(c.get(2))?.as_str())?, Shift::Tense), true)),
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
            re: r(r"(?-u:\b)(?i:on\s+the\s+)(\d{1,2})(?:st|nd|rd|th)(?-u:\b)".into()),
            build: |c| {
                let d: u32 = c[1].parse().ok()?;
                (1..=31).contains(&d).then_some((Kind::DayOfMonth(d), true))
            },
        },
        Rule {
            re: r(format!(r"(?i:(?-u:\b)(in|since|until|by|during|early|mid-?|late|last|next|this|earlier\s+in|later\s+in|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))(?:\s+|(?-u:\b))({MONTHS})(?-u:\b)")),
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
            // "a crowd of 2000 people", "by 2000 votes": a count, not a year.
            re: r(r"(?-u:\b)(?i:of|by|some|about)\s+(?:19|20)\d{2}\s+([a-z]+)(?-u:\b)".into()),
            build: |c| (!FUNCTION_WORDS.contains(&&c[1])).then_some((Kind::NotTime, false)),
        },
        Rule {
            re: r(r"(?i:(?-u:\b)(?:(in|since|by|during|of|between|from|early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s+|(mid|early|late)-))((?:19|20)\d{2})(?-u:\b)".into()),
            build: |c| Some((Kind::Year(c[3].parse().ok()?, part(Some(c.get(1).or(c.get(2))?.as_str()))), false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:since\s+(?:the|its|this|that|his|her|their)\s+)((?i:[a-z][a-z-]+))(?-u:\b)".into()),
            build: |c| {
                let noun = c[1].to_ascii_lowercase();
                (!is_month_word(&noun) && weekday(&noun).is_none() && !matches!(noun.as_str(), "start" | "end" | "beginning" | "time" | "same" | "first" | "last"))
                    .then_some((Kind::Event(0, Unit::Day, Bound::MoreThan, noun), false))
            },
        },
        Rule {
            // "a week after the transitional authorities demanded…", "a day after the United
            // States … expelled": a clause, not an event noun; its events lie before the main
            // clause's time.
            re: r(format!(r"(?-u:\b)(?i:({NUM})\s+({UNIT})\s+(after|before))(?P<ctx>\s+(?i:the|a|an|its|their|his|her)\s+(?:(?-i:[A-Z])|(?:[A-Za-z-]+\s+){{1,5}}(?:[a-z]+ed|{CLAUSE_PAST})(?-u:\b)))")),
            build: after_clause,
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
            re: r(r"(?-u:\b)(?i:(hours|minutes|shortly|moments|soon|just|days|weeks|months)\s+(after|before|following)\s+(?:the|a|an|its|this|that|his|her|their)\s+)([a-z][a-z-]+)(?-u:\b)".into()),
            build: |c| {
                let w = c[1].to_ascii_lowercase();
                let u = match w.as_str() {
                    "days" => Unit::Week,
                    "weeks" => Unit::Month,
                    "months" => Unit::Year,
                    _ => Unit::Day,
                };
                let sign = if c[2].eq_ignore_ascii_case("before") { -1 } else { 1 };
                Some((Kind::Event(sign, u, Bound::Within, c[3].to_ascii_lowercase()), false))
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
            // "over the previous 48 hours", "in the past two weeks": the days up to now.
            re: r(format!(r"(?-u:\b)(?i:(?:over|in|during|within)\s+the\s+(?:past|previous|last)\s+({NUM})\s+(hours|{UNIT}))(?-u:\b)")),
            build: |c| {
                let n = number(&c[1]);
                if c[2].to_ascii_lowercase().starts_with("hour") {
                    return Some((Kind::Ago((n + 23) / 24, Unit::Day, Bound::Within), false));
                }
                let (u, mult) = unit(&c[2]);
                Some((Kind::Ago(n * mult, u, Bound::Within), false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(?i:({NUM})\s+({UNIT})\s+(after|before))(?P<ctx>\s+(?-i:[A-Z]))")),
            build: after_clause,
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
                let p = match (c[1].to_ascii_lowercase().as_str(), sh) {
                    ("earlier", Shift::This) => Part::SoFar,
                    ("later", Shift::This) => Part::Rest,
                    _ => Part::Whole,
                };
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
        Rule {
            re: r(r"(?-u:\b)(?i:now|currently|at\s+present|nowadays|at\s+the\s+moment|presently)(?-u:\b)".into()),
            build: |_| Some((Kind::PresentRef, false)),
        },
        Rule {
            re: r(r"(?-u:\b)(?i:(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))|at\s+(\d{1,2}):(\d{2})(?-u:\b)(?:\s*(?:GMT|UTC|local\s+time))?|at\s+(midnight|noon|midday))".into()),
            build: |c| {
                let (h, m): (u32, u32) = if let Some(w) = c.get(6) {
                    (if w.as_str().eq_ignore_ascii_case("midnight") { 24 } else { 12 }, 0)
                } else if let Some(h) = c.get(4) {
                    (h.as_str().parse().ok()?, c.get(5)?.as_str().parse().ok()?)
                } else {
                    let h: u32 = c[1].parse().ok()?;
                    let pm = c[3].to_ascii_lowercase().starts_with('p');
                    let h = match (h, pm) {
                        (12, false) => 0,
                        (12, true) => 12,
                        (h, true) => h + 12,
                        (h, false) => h,
                    };
                    (h, c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(0))
                };
                (h <= 24 && m < 60).then(|| (Kind::Clock(format!("XXXX-XX-XXT{h:02}:{m:02}")), false))
            },
        },
        Rule {
            re: r(format!(r"(?-u:\b)(?i:(?:(?:about|nearly|almost|some|roughly|around|more\s+than|less\s+than|over|under|just\s+over|at\s+least)\s+)?({NUM}|\d+(?:\.\d+)?)(?:\s+|-)(hours?|days?|weeks?|months?|years?|decades?)(?:-long|-old)?|for\s+(hours|days|weeks|months|years|decades))(?-u:\b)")),
            build: |c| {
                if let Some(u) = c.get(3) {
                    let u = u.as_str().to_ascii_lowercase();
                    let v = if u == "hours" { "PTXH".to_string() } else { format!("PX{}", duration_letter(&u)?) };
                    return Some((Kind::Duration(v), false));
                }
                let n = &c[1];
                // "several years", "a few weeks": TIMEX3 writes an unknown count as X.
                let vague = matches!(n.to_ascii_lowercase().as_str(), "several" | "a few");
                let n = if n.chars().next()?.is_ascii_digit() { n.to_string() } else { number(n).to_string() };
                let u = c[2].to_ascii_lowercase();
                let v = if vague {
                    if u.starts_with("hour") { "PTXH".to_string() } else { format!("PX{}", duration_letter(&u)?) }
                } else if u.starts_with("hour") {
                    format!("PT{n}H")
                } else if u.starts_with("decade") {
                    format!("P{}Y", n.parse::<f64>().ok()? * 10.0)
                } else {
                    format!("P{n}{}", duration_letter(&u)?)
                };
                Some((Kind::Duration(v), false))
            },
        },
        Rule {
            // A month named alone ("the November vote", "a deal struck in talks last autumn
            // and signed November"): the nearest by tense. May and March are left out (verbs),
            // and the name must be capitalized.
            re: r(r"(?-u:\b)(January|February|April|June|July|August|September|October|November|December)(?-u:\b)".into()),
            build: |c| Some((Kind::NamedMonth(month_num(&c[1])?), true)),
        },
    ]
});

/// All rule patterns in one automaton: one pass over a sentence says which rules can match.
static RULE_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new(RULES.iter().map(|r| r.re.as_str())).expect("timex rules compile")
});

/// Whether the words before a time make it a deadline ("by Oct. 9", "by the end of Monday"),
/// not the time of the clause.
pub fn is_deadline(before: &str) -> bool {
    let words: Vec<String> = before
        .rsplit([',', ';'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(4)
        .map(str::to_ascii_lowercase)
        .collect();
    let w: Vec<&str> = words.iter().rev().map(String::as_str).collect();
    matches!(
        w.as_slice(),
        [.., "by" | "until" | "till" | "before"]
            | [.., "by", "the", "end" | "start", "of"]
            | [.., "no", "later", "than"]
    )
}

/// Find the time expressions in `text[span]`, longest first, without overlaps.
pub fn find(text: &str, span: Span) -> Vec<Timex> {
    let s = &text[span.start..span.end];
    let mut found: Vec<Timex> = Vec::new();
    let hits = RULE_SET.matches(s);
    for rule in hits.iter().map(|i| &RULES[i]) {
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
            // A rule may look at what follows (group `ctx`) without taking it.
            let m_end = c.name("ctx").map_or(m.end(), |g| g.start());
            at = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + 1
            };
            let sp = Span::new(span.start + m.start(), span.start + m_end);
            if found.iter().any(|f| f.span.overlaps(sp)) || inside_number(s, m.start(), m_end) {
                continue;
            }
            if let Some((kind, tense_sensitive)) = (rule.build)(&c) {
                let text = &s[m.start()..m_end];
                let ty = timex_type(&kind, text);
                found.push(Timex {
                    span: sp,
                    text: text.to_string(),
                    tense_sensitive,
                    ty,
                    kind,
                });
            }
        }
    }
    found.retain(|t| t.kind != Kind::NotTime);
    found.sort_by_key(|t| t.span.start);
    join_weekday_dates(text, join_ranges(text, span, found))
}

/// "on Sunday, Feb. 15": a weekday and the date it names are one expression, valued by the
/// date (its tense read at the weekday).
fn join_weekday_dates(text: &str, found: Vec<Timex>) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::with_capacity(found.len());
    for t in found {
        if let Some(a) = out.last_mut() {
            let gap = &text[a.span.end.min(t.span.start)..t.span.start];
            if matches!(a.kind, Kind::Weekday(_, Shift::Tense))
                && matches!(t.kind, Kind::Md(..) | Kind::Ymd(..) | Kind::DayOfYear(..))
                && a.span.end <= t.span.start
                && gap.trim() == ","
            {
                a.span = Span::new(a.span.start, t.span.end);
                a.text = text[a.span.start..a.span.end].to_string();
                a.kind = t.kind;
                a.ty = t.ty;
                a.tense_sensitive = t.tense_sensitive;
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// Two dates written as one range ("between November 3 last year and June 28", "from March
/// 2014 to June 2016") become one expression over both.
fn join_ranges(text: &str, span: Span, found: Vec<Timex>) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::with_capacity(found.len());
    for t in found {
        let joined = out.last().and_then(|a| {
            let plain = |x: &Timex| {
                x.ty == TimexType::Date && x.dates_events() && x.clause_shift().is_none()
            };
            if !plain(a) || !plain(&t) || a.span.end > t.span.start {
                return None;
            }
            let gap = text[a.span.end..t.span.start].trim().to_ascii_lowercase();
            let first = a
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let (before, lead) = if matches!(first.as_str(), "between" | "from") {
                (&text[..a.span.start + first.len()], first)
            } else {
                let before = text[..a.span.start].trim_end();
                let lead = before.rsplit(char::is_whitespace).next().unwrap_or("");
                (before, lead.to_ascii_lowercase())
            };
            // A dash joins only when written tight ("Monday–Wednesday"); a spaced em dash is
            // a parenthesis ("on Friday — on Monday he returned").
            let dash = matches!(&text[a.span.end..t.span.start], "-" | "–");
            let ok = match gap.as_str() {
                "and" => lead == "between",
                "to" | "until" | "till" | "through" => lead == "from",
                _ => dash,
            };
            let start = if dash {
                a.span.start
            } else {
                before.len() - lead.len()
            };
            let ok = ok && start >= span.start;
            ok.then(|| Timex {
                span: Span::new(start, t.span.end),
                text: text[start..t.span.end].to_string(),
                tense_sensitive: a.tense_sensitive || t.tense_sensitive,
                ty: TimexType::Date,
                kind: Kind::Range(Box::new(a.clone()), Box::new(t.clone())),
            })
        });
        match joined {
            Some(j) => *out.last_mut().expect("joined to the last") = j,
            None => out.push(t),
        }
    }
    out
}

/// Whether a match that starts or ends with a digit is part of a longer number, a phone number
/// or a code ("1.5 million", "555-2024", "Section 2024/3").
fn inside_number(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let digit_edge = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
    let before = start > 0
        && digit_edge(start)
        && matches!(
            b[start - 1],
            b'0'..=b'9' | b'.' | b',' | b'/' | b'-' | b'+' | b'(' | b'$'
        );
    let after = end > 0
        && digit_edge(end - 1)
        && (matches!(b.get(end), Some(b'0'..=b'9' | b'/' | b'-' | b'%'))
            || (matches!(b.get(end), Some(b'.' | b',' | b':')) && digit_edge(end + 1)));
    before || after
}

/// The TIMEX3 type of a kind of expression, as written.
fn timex_type(kind: &Kind, text: &str) -> TimexType {
    match kind {
        Kind::Duration(_) => TimexType::Duration,
        Kind::Set(_) => TimexType::Set,
        Kind::Clock(_) => TimexType::Time,
        Kind::Weekday(..) | Kind::DayWord(_) if part_of_day(text).is_some() => TimexType::Time,
        _ => TimexType::Date,
    }
}

/// The TIMEX3 part-of-day code of "morning", "tonight"…
fn part_of_day(text: &str) -> Option<&'static str> {
    let t = text.to_ascii_lowercase();
    if t.contains("morning") {
        Some("MO")
    } else if t.contains("afternoon") {
        Some("AF")
    } else if t.contains("evening") {
        Some("EV")
    } else if t.contains("night") {
        Some("NI")
    } else {
        None
    }
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
        Part::Since => (start, dct.map(|d| d.max(end)).unwrap_or(end)),
        Part::Rest => (dct.map(|d| d.clamp(start, end)).unwrap_or(start), end),
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

fn quarter_value(y: i32, q: u32, basis: DateBasis, text: &str) -> Option<TimeValue> {
    let s = ymd(y, 3 * (q - 1) + 1, 1)?;
    let e = s.checked_add_months(Months::new(3))?.pred_opt()?;
    Some(value(s, e, Precision::Quarter, basis, text))
}

/// Fiscal years end in different months by country (March, June, September): the interval
/// covers every common convention for a fiscal year named after year `y`.
fn fiscal_value(y: i32, q: Option<u32>, text: &str) -> Option<TimeValue> {
    let earliest = ymd(y - 1, 4, 1)?;
    let latest = ymd(y, 4, 1)?;
    let (s, e, v) = match q {
        None => (earliest, ymd(y + 1, 3, 31)?, format!("FY{y}")),
        Some(q) => (
            add(earliest, i64::from(q) - 1, Unit::Quarter)?,
            add(latest, i64::from(q), Unit::Quarter)?.pred_opt()?,
            format!("FY{y}-Q{q}"),
        ),
    };
    let mut tv = value(s, e, Precision::Unknown, DateBasis::Explicit, text);
    tv.value = v;
    Some(tv)
}

/// The year of a month and day without one: the latest not after the DCT in a past clause,
/// the earliest not before it in a future clause.
fn year_by_tense(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> i32 {
    let this = ymd(dct.year(), m, d.min(28)).unwrap_or(dct);
    match tense {
        Tense::Past if this > dct => dct.year() - 1,
        Tense::Future if this < dct && m < dct.month() => dct.year() + 1,
        _ => dct.year(),
    }
}

/// An interval between two dates, valued in ISO 8601 interval notation (`2014/2016`).
fn range_value(
    s: Option<NaiveDate>,
    e: Option<NaiveDate>,
    each: Precision,
    basis: DateBasis,
    text: &str,
) -> Option<TimeValue> {
    let (s, e) = (s?, e?);
    let part = |d: NaiveDate| match each {
        Precision::Year => d.format("%Y").to_string(),
        Precision::Month => d.format("%Y-%m").to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    };
    let mut v = value(s, e, Precision::Unknown, basis, text);
    v.value = format!("{}/{}", part(s), part(e));
    Some(v)
}

/// Shift a date by `n` units.
pub fn add(d: NaiveDate, n: i64, u: Unit) -> Option<NaiveDate> {
    match u {
        Unit::Day => d.checked_add_signed(chrono::Duration::days(n)),
        Unit::Week => d.checked_add_signed(chrono::Duration::days(7 * n)),
        Unit::Quarter => add(d, 3 * n, Unit::Month),
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

    /// Whether the expression can date an event by itself (durations, sets, bare clock times
    /// and "now" cannot).
    pub fn dates_events(&self) -> bool {
        !matches!(
            self.kind,
            Kind::Duration(_)
                | Kind::Set(_)
                | Kind::Clock(_)
                | Kind::PresentRef
                | Kind::NamedMonth(_)
        )
    }

    /// The TIMEX3 value when no publication date is known ("XXXX-03", "XXXX-WXX-5").
    fn underspecified(&self) -> String {
        match &self.kind {
            Kind::Md(m, d) => format!("XXXX-{m:02}-{d:02}"),
            Kind::Month(m, ..) | Kind::NamedMonth(m) => format!("XXXX-{m:02}"),
            Kind::DayRange(m, d1, d2, None) => format!("XXXX-{m:02}-{d1:02}/XXXX-{m:02}-{d2:02}"),
            Kind::MonthRange(m1, m2, None) => format!("XXXX-{m1:02}/XXXX-{m2:02}"),
            Kind::DayOfMonth(d) => format!("XXXX-XX-{d:02}"),
            Kind::Weekday(wd, _) => format!("XXXX-WXX-{}", wd.number_from_monday()),
            Kind::Season(s, _) => format!("XXXX-{}", s.code()),
            Kind::PresentRef => "PRESENT_REF".to_string(),
            _ => String::new(),
        }
    }

    /// Resolve against the publication date and the tense of the clause.
    pub fn resolve(&self, dct: Option<NaiveDate>, tense: Tense) -> TimeRef {
        let mut r = self.resolve_kind(dct, tense);
        if let TimeRef::Value(v) = &mut r {
            if v.value.is_empty() && !v.is_known() {
                v.value = self.underspecified();
            }
            if matches!(
                self.kind,
                Kind::Year(_, Part::Since)
                    | Kind::Ym(_, _, Part::Since)
                    | Kind::Month(_, Part::Since, _)
            ) {
                v.precision = Precision::Unknown;
            }
            if self.ty == TimexType::Time && v.precision == Precision::Day {
                if let Some(p) = part_of_day(&self.text) {
                    v.value = format!("{}T{p}", v.value);
                }
            }
        }
        r
    }

    fn resolve_kind(&self, dct: Option<NaiveDate>, tense: Tense) -> TimeRef {
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
                        let (s2, e2) = sub_part(s, e, *p, dct);
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
                        let (s2, e2) = sub_part(s, e, *p, dct);
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
                // A day of the week before publication named in a future clause is that day
                // ("May 9 would be remembered as a dark chapter", written on May 10).
                let near = (dct - this).num_days() <= 7;
                let x = match tense {
                    Tense::Past if this > dct => ymd(dct.year() - 1, *m, *d)?,
                    Tense::Future if this < dct && !near => ymd(dct.year() + 1, *m, *d)?,
                    _ => this,
                };
                Some(value(x, x, Precision::Day, DateBasis::Relative, t))
            }),
            Kind::NamedMonth(m) => Timex {
                kind: Kind::Month(*m, Part::Whole, Shift::Tense),
                ..self.clone()
            }
            .resolve(dct, tense),
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
                    Unit::Quarter => {
                        let first = ymd(dct.year(), (dct.month() - 1) / 3 * 3 + 1, 1)?;
                        let s = add(first, n, Unit::Quarter)?;
                        let e = add(s, 1, Unit::Quarter)?.pred_opt()?;
                        (s, e, Precision::Quarter)
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
                    Unit::Quarter => (Precision::Quarter, 30),
                    Unit::Year => (Precision::Month, 45),
                };
                let (s, e) = match bound {
                    Bound::About => (
                        x - chrono::Duration::days(slack),
                        x + chrono::Duration::days(slack),
                    ),
                    Bound::MoreThan => (x - chrono::Duration::days(slack.max(1) * 4), x),
                    Bound::LessThan | Bound::Within => (x, dct),
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
                if *bound == Bound::About {
                    v.value = value(x, x, prec, DateBasis::Relative, t).value;
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
            Kind::Quarter(y, q) => TimeRef::Value(
                quarter_value(*y, *q, DateBasis::Explicit, t).unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::QuarterOfYear(q, n) => {
                rel(&|dct| quarter_value(dct.year() + n, *q, DateBasis::Relative, t))
            }
            Kind::Fiscal(y, q) => {
                TimeRef::Value(fiscal_value(*y, *q, t).unwrap_or_else(|| unknown_with(t)))
            }
            Kind::SeasonOfYear(season, y, p) => TimeRef::Value(
                season
                    .bounds(*y)
                    .map(|(s, e)| {
                        let (s2, e2) = sub_part(s, e, *p, None);
                        let mut v = value(s2, e2, Precision::Quarter, DateBasis::Explicit, t);
                        v.value = format!("{y}-{}", season.code());
                        v
                    })
                    .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::Season(season, sh) => rel(&|dct| {
                let all: Vec<(i32, NaiveDate, NaiveDate)> = (dct.year() - 2..=dct.year() + 1)
                    .filter_map(|y| season.bounds(y).map(|(s, e)| (y, s, e)))
                    .collect();
                let last = all.iter().rev().find(|(_, _, e)| *e < dct);
                let current = all.iter().find(|(_, s, e)| *s <= dct && dct <= *e);
                let next = all.iter().find(|(_, s, _)| *s > dct);
                let (y, s, e) = *match (sh, tense) {
                    (Shift::Last, _) => last,
                    (Shift::Next, _) => next,
                    (Shift::This, Tense::Past) | (Shift::Tense, Tense::Past) => current.or(last),
                    (Shift::This, Tense::Future) | (Shift::Tense, Tense::Future) => {
                        current.or(next)
                    }
                }?;
                let e2 = if tense == Tense::Past { e.min(dct) } else { e };
                let mut v = value(s, e2, Precision::Quarter, DateBasis::Relative, t);
                v.value = format!("{y}-{}", season.code());
                Some(v)
            }),
            Kind::Ambiguous(y, (m1, d1), (m2, d2)) => TimeRef::Value(
                ymd(*y, *m1, *d1)
                    .zip(ymd(*y, *m2, *d2))
                    .map(|(a, b)| {
                        let mut v = value(
                            a.min(b),
                            a.max(b),
                            Precision::Unknown,
                            DateBasis::Explicit,
                            t,
                        );
                        v.value = format!("{y}");
                        v
                    })
                    .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::DayOfMonth(d) => rel(&|dct| {
                let first = ymd(dct.year(), dct.month(), 1)?;
                let n = match tense {
                    Tense::Past if *d > dct.day() => -1,
                    Tense::Future if *d < dct.day() => 1,
                    _ => 0,
                };
                let m = add(first, n, Unit::Month)?;
                let x = ymd(m.year(), m.month(), *d)?;
                Some(value(x, x, Precision::Day, DateBasis::Relative, t))
            }),
            Kind::DayRange(m, d1, d2, Some(y)) => TimeRef::Value(
                range_value(
                    ymd(*y, *m, *d1),
                    ymd(*y, *m, *d2),
                    Precision::Day,
                    DateBasis::Explicit,
                    t,
                )
                .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::DayRange(m, d1, d2, None) => rel(&|dct| {
                let y = year_by_tense(dct, *m, *d1, tense);
                range_value(
                    ymd(y, *m, *d1),
                    ymd(y, *m, *d2),
                    Precision::Day,
                    DateBasis::Relative,
                    t,
                )
            }),
            Kind::MonthRange(m1, m2, y) => {
                let resolve = |y: i32, basis| {
                    let (s, _) = month_bounds(y, *m1)?;
                    let (_, e) = month_bounds(if m2 < m1 { y + 1 } else { y }, *m2)?;
                    range_value(Some(s), Some(e), Precision::Month, basis, t)
                };
                match y {
                    Some(y) => TimeRef::Value(
                        resolve(*y, DateBasis::Explicit).unwrap_or_else(|| unknown_with(t)),
                    ),
                    None => {
                        rel(&|dct| resolve(year_by_tense(dct, *m1, 1, tense), DateBasis::Relative))
                    }
                }
            }
            Kind::YearRange(a, b) => TimeRef::Value(
                range_value(
                    ymd(*a, 1, 1),
                    ymd(*b, 12, 31),
                    Precision::Year,
                    DateBasis::Explicit,
                    t,
                )
                .unwrap_or_else(|| unknown_with(t)),
            ),
            Kind::PresentRef => rel(&|dct| {
                let mut v = value(dct, dct, Precision::Day, DateBasis::Relative, t);
                v.value = "PRESENT_REF".to_string();
                Some(v)
            }),
            Kind::Duration(v) | Kind::Set(v) | Kind::Clock(v) => TimeRef::Value(TimeValue {
                value: v.clone(),
                ..unknown_with(t)
            }),
            Kind::NotTime => TimeRef::Value(unknown_with(t)),
            Kind::Range(a, b) => match (a.resolve(dct, tense), b.resolve(dct, tense)) {
                (TimeRef::Value(x), TimeRef::Value(y)) if x.is_known() && y.is_known() => {
                    let basis = if x.basis == DateBasis::Explicit && y.basis == DateBasis::Explicit
                    {
                        DateBasis::Explicit
                    } else {
                        DateBasis::Relative
                    };
                    TimeRef::Value(
                        range_value(x.start, y.end, Precision::Unknown, basis, t)
                            .filter(|v| v.start <= v.end)
                            .map(|mut v| {
                                v.value = format!("{}/{}", x.value, y.value);
                                v
                            })
                            .unwrap_or_else(|| unknown_with(t)),
                    )
                }
                _ => TimeRef::Value(unknown_with(t)),
            },
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
        // "in March 2014 … eight months later": a month counted in months stays a month; a
        // year counted in years stays a year.
        Bound::About
            if (anchor.precision == Precision::Month
                && matches!(u, Unit::Month | Unit::Quarter | Unit::Year))
                || (anchor.precision == Precision::Year && u == Unit::Year) =>
        {
            let (s2, e2) = match anchor.precision {
                Precision::Month => (
                    s2.with_day(1)?,
                    add(s2.with_day(1)?, 1, Unit::Month)? - chrono::Duration::days(1),
                ),
                _ => (
                    NaiveDate::from_ymd_opt(s2.year(), 1, 1)?,
                    NaiveDate::from_ymd_opt(s2.year(), 12, 31)?,
                ),
            };
            (s2, e2, anchor.precision)
        }
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
                Unit::Quarter => 15,
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
        Bound::Within if n >= 0 => (s, dct.map_or(e2, |d| e2.min(d)).max(s), Precision::Unknown),
        Bound::Within => (s2, e, Precision::Unknown),
    };
    // A window that closes on one day is that day ("shortly after" a dated attack).
    let prec = if s3 == e3 { Precision::Day } else { prec };
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

    /// How a row of the table writes a resolved expression.
    fn show(r: &TimeRef) -> (String, String, String) {
        let unit = |u: &Unit| match u {
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
        };
        let dash = |s: String| if s.is_empty() { "-".to_string() } else { s };
        match r {
            TimeRef::Value(v) => (
                dash(v.value.clone()),
                dash(v.start.map(|x| x.to_string()).unwrap_or_default()),
                dash(v.end.map(|x| x.to_string()).unwrap_or_default()),
            ),
            TimeRef::Narrative { n, unit: u, .. } => {
                (format!("@{n:+}{}", unit(u)), "-".into(), "-".into())
            }
            TimeRef::Event {
                n,
                unit: u,
                bound,
                noun,
                ..
            } => {
                let b = match bound {
                    Bound::About => "~",
                    Bound::MoreThan => ">",
                    Bound::LessThan => "<",
                    Bound::Within => "w",
                };
                (
                    format!("@{noun}{n:+}{}{b}", unit(u)),
                    "-".into(),
                    "-".into(),
                )
            }
        }
    }

    /// Every row of `table.tsv`: the expression is found at exactly its brackets (and nothing
    /// else is), with the TIMEX3 type, value and interval written in the row.
    #[test]
    fn timex_table() {
        let (mut rows, mut failures) = (0, Vec::new());
        for (i, line) in include_str!("table.tsv").lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 7, "line {}: {line}", i + 1);
            let (open, close) = (f[0].find('['), f[0].find(']'));
            let text = f[0].replace(['[', ']'], "");
            let dct = (f[1] != "-").then(|| d(f[1]));
            let tense = if f[2] == "future" {
                Tense::Future
            } else {
                Tense::Past
            };
            let found = find(&text, Span::new(0, text.len()));
            rows += 1;
            let got = match (open, close) {
                (Some(open), Some(close)) => {
                    let want = Span::new(open, close - 1);
                    let spans: Vec<Span> = found.iter().map(|t| t.span).collect();
                    if spans != vec![want] {
                        failures.push(format!("line {}: {text}: found {spans:?}", i + 1));
                        continue;
                    }
                    let (v, s, e) = show(&found[0].resolve(dct, tense));
                    [found[0].ty.as_str().to_string(), v, s, e].join("\t")
                }
                _ => found
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ; "),
            };
            let want = if open.is_some() {
                f[3..].join("\t")
            } else {
                String::new()
            };
            if got != want {
                failures.push(format!("line {}: {text}: got {got:?} want {want:?}", i + 1));
            }
        }
        assert!(rows >= 300, "{rows} rows");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
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
    fn a_spaced_dash_is_no_range() {
        for text in [
            "He left on Friday — on Monday he returned.",
            "Friday — Friday by",
            "— Friday — Friday —",
        ] {
            let found = find(text, Span::new(0, text.len()));
            assert_eq!(found.len(), 2, "{text}: {found:?}");
            for t in &found {
                assert_eq!(&text[t.span.start..t.span.end], t.text);
            }
        }
        let text = "Talks ran Monday–Wednesday.";
        let found = find(text, Span::new(0, text.len()));
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn may_the_verb_is_no_month() {
        let text = "Russia may respond, officials said.";
        assert!(find(text, Span::new(0, text.len())).is_empty());
    }
}
