//! The timeline: lanes (per actor, country, dyad or event type, ordered by first appearance)
//! on an adaptive two-level time axis; markers coloured by quad class and shaped by family,
//! sized by reports, hollow over a translucent band when the date is only known to a window,
//! dashed when alleged or denied; labels placed greedily in rows so that none overlap, the
//! rest numbered and listed under the chart (or, past that list's cap, left to the tooltip);
//! a `<title>` tooltip on every marker.
//!
//! [`timeline_layout`] computes every position without drawing, so tests can check the label
//! boxes; [`render`] draws that layout with plotters and post-processes the SVG.

use super::post::Groups;
use super::{
    Family, QUAD_NAMES, Rect, Shape, cap, clean_text, date_label, event_tooltip, finish_svg_with,
    font, insert_style, quad_color, text_width, truncate_to, type_label,
};
use crate::error::{Error, Result};
use crate::model::{ActorKind, Event, Modality};
use chrono::{Datelike, Duration, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;

/// What one lane of the timeline holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lanes {
    /// One lane per source actor (connectors run to the target's lane).
    #[default]
    Actor,
    /// One lane per source country (actors without a country keep their own lane).
    Country,
    /// One lane per ordered pair source → target.
    Dyad,
    /// One lane per event type.
    Type,
}

impl Lanes {
    /// Parse `actor`, `country`, `dyad` or `type`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "actor" => Lanes::Actor,
            "country" => Lanes::Country,
            "dyad" => Lanes::Dyad,
            "type" => Lanes::Type,
            _ => return None,
        })
    }
}

/// Options of the timeline.
#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// Chart title; empty: "Timeline of N events, FIRST – LAST".
    pub title: String,
    /// Width in pixels; 0 lets the width grow with the time span and the number of events.
    pub width: u32,
    /// What a lane holds.
    pub lanes: Lanes,
    /// Mark the articles' publication dates on the time axis.
    pub publication_dates: bool,
    /// At most this many lanes; the least busy beyond it share an "other" lane.
    pub max_lanes: usize,
    /// At most this many overflow events are numbered and listed under the chart.
    pub max_notes: usize,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            title: String::new(),
            width: 0,
            lanes: Lanes::Actor,
            publication_dates: false,
            max_lanes: 40,
            max_notes: 120,
        }
    }
}

const LABEL_PX: f64 = 11.0;
const TAG_PX: f64 = 10.0;
const ROW_H: f64 = 18.0;
const LANE_PAD: f64 = 5.0;
const STRIP_H: f64 = 12.0;
const LABEL_MAX_PX: f64 = 250.0;
const LANE_NAME_PX: f64 = 12.0;
const MIN_TICK_PX: f64 = 90.0;
/// Above this many dated events the source → target connectors are left out (they would
/// only grey the chart).
const MAX_CONNECTORS: usize = 600;

/// Unit of an axis step: the calendar units of time expressions (weeks start on Monday).
pub use crate::timex::Unit;

/// The spacing of the lower row of axis labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The unit.
    pub unit: Unit,
    /// How many units between ticks.
    pub n: u32,
}

impl Step {
    const fn new(unit: Unit, n: u32) -> Self {
        Step { unit, n }
    }
    /// The shortest distance between two ticks, in days.
    fn min_days(self) -> f64 {
        let n = self.n as f64;
        match self.unit {
            Unit::Day => n,
            Unit::Week => 7.0 * n,
            Unit::Month => 28.0 * n,
            Unit::Quarter => 89.0 * n,
            Unit::Year => 365.0 * n,
        }
    }
}

/// The finest step whose ticks are at least 90 px apart, given `px_per_day`.
pub fn tick_step(px_per_day: f64) -> Step {
    const STEPS: [Step; 14] = [
        Step::new(Unit::Day, 1),
        Step::new(Unit::Day, 2),
        Step::new(Unit::Week, 1),
        Step::new(Unit::Week, 2),
        Step::new(Unit::Month, 1),
        Step::new(Unit::Month, 2),
        Step::new(Unit::Quarter, 1),
        Step::new(Unit::Year, 1),
        Step::new(Unit::Year, 2),
        Step::new(Unit::Year, 5),
        Step::new(Unit::Year, 10),
        Step::new(Unit::Year, 20),
        Step::new(Unit::Year, 50),
        Step::new(Unit::Year, 100),
    ];
    STEPS
        .into_iter()
        .find(|s| s.min_days() * px_per_day >= MIN_TICK_PX)
        .unwrap_or(Step::new(Unit::Year, 500))
}

/// Tick dates of `step` in `start..=end`, aligned to calendar boundaries.
pub fn ticks(start: NaiveDate, end: NaiveDate, step: Step) -> Vec<NaiveDate> {
    let n = step.n.max(1);
    let first = match step.unit {
        Unit::Day => {
            let epoch = start.num_days_from_ce() as i64;
            start + Duration::days((n as i64 - epoch.rem_euclid(n as i64)) % n as i64)
        }
        Unit::Week => {
            let monday = start - Duration::days(start.weekday().num_days_from_monday() as i64);
            let w = monday.iso_week().week() as i64;
            let mut d = monday;
            if n > 1 && w % n as i64 != 0 {
                d += Duration::days(7 * (n as i64 - w % n as i64));
            }
            d
        }
        Unit::Month | Unit::Quarter => {
            let m = if step.unit == Unit::Quarter { 3 * n } else { n };
            let m0 = start.month0() / m * m;
            NaiveDate::from_ymd_opt(start.year(), m0 + 1, 1).unwrap_or(start)
        }
        Unit::Year => {
            let y = start.year() - start.year().rem_euclid(n as i32);
            NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(start)
        }
    };
    let mut out = Vec::new();
    let mut d = first;
    while d <= end {
        if d >= start {
            out.push(d);
        }
        match crate::timex::add(d, i64::from(n), step.unit) {
            Some(x) => d = x,
            None => break,
        }
    }
    out
}

/// The two label rows of a tick: lower (every tick) and upper (the enclosing period; the
/// year is always in one of them).
fn tick_labels(t: NaiveDate, step: Step) -> (String, String) {
    match step.unit {
        Unit::Day | Unit::Week => (
            t.format("%-d %b").to_string(),
            t.format("%B %Y").to_string(),
        ),
        Unit::Month => (t.format("%b").to_string(), t.format("%Y").to_string()),
        Unit::Quarter => (
            format!("Q{}", t.month0() / 3 + 1),
            t.format("%Y").to_string(),
        ),
        Unit::Year => (t.format("%Y").to_string(), String::new()),
    }
}

/// One tick of the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Horizontal position.
    pub x: f64,
    /// Lower label ("Q2", "Apr", "26 Apr", "2024").
    pub lower: String,
    /// Upper label when a new period starts here ("2024", "April 2024").
    pub upper: Option<String>,
}

/// One lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Name shown on the left.
    pub name: String,
    /// Top edge.
    pub y0: f64,
    /// Bottom edge.
    pub y1: f64,
    /// Label rows used.
    pub rows: usize,
    /// Whether a strip of unlabelled markers follows the rows.
    pub strip: bool,
    /// Number of events in the lane.
    pub events: usize,
}

impl Lane {
    /// Vertical centre of label row `k`.
    pub fn row_y(&self, k: usize) -> f64 {
        self.y0 + LANE_PAD + ROW_H * (k as f64 + 0.5)
    }
    /// Vertical centre of the strip of unlabelled markers.
    pub fn strip_y(&self) -> f64 {
        self.y0 + LANE_PAD + ROW_H * self.rows as f64 + STRIP_H / 2.0
    }
}

/// What is written beside a marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text (possibly truncated with "…"), or `[n]` for a numbered overflow event.
    pub text: String,
    /// The box the text takes.
    pub rect: Rect,
    /// Text to the right of the marker (else to its left).
    pub right: bool,
    /// The number of an overflow event, listed under the chart.
    pub number: Option<usize>,
}

/// One dated event on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Index of the event in the slice given to [`timeline_layout`].
    pub event: usize,
    /// Its lane.
    pub lane: usize,
    /// The lane of its target, for the connector.
    pub target_lane: Option<usize>,
    /// Left edge of its date interval.
    pub x0: f64,
    /// Right edge of its date interval.
    pub x1: f64,
    /// Marker centre.
    pub x: f64,
    /// Marker centre.
    pub y: f64,
    /// Marker radius.
    pub r: f64,
    /// Whether the date is a single day (else a band is drawn over the interval).
    pub exact: bool,
    /// Its label, if one fitted.
    pub label: Option<Label>,
}

/// Everything the timeline draws, positioned.
#[derive(Debug, Clone)]
pub struct TimelineLayout {
    /// Canvas width.
    pub width: f64,
    /// Canvas height.
    pub height: f64,
    /// The title.
    pub title: String,
    /// Left edge of the plot.
    pub left: f64,
    /// Right edge of the plot.
    pub right: f64,
    /// First day of the axis.
    pub lo: NaiveDate,
    /// Day after the last of the axis.
    pub hi: NaiveDate,
    /// Baseline of the axis (top of the lanes).
    pub axis_y: f64,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
    /// Lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Dated events in chronological order.
    pub items: Vec<Item>,
    /// Publication dates: position and the articles published that day.
    pub publications: Vec<(f64, NaiveDate, Vec<String>)>,
    /// Lines listing the numbered overflow events.
    pub notes: Vec<String>,
    /// Lines of the footer (counts, sources).
    pub footer: Vec<String>,
    /// Top of the legend.
    pub legend_y: f64,
    /// Events without a known date (not drawn).
    pub undated: usize,
    /// Events drawn without a label or a number.
    pub unlabelled: usize,
    /// Whether connectors are drawn.
    pub connectors: bool,
}

impl TimelineLayout {
    /// Every label box (event labels and overflow numbers), for overlap checks.
    pub fn label_rects(&self) -> Vec<Rect> {
        self.items
            .iter()
            .filter_map(|i| i.label.as_ref().map(|l| l.rect))
            .collect()
    }
    /// Horizontal position of a day's start.
    pub fn x_of(&self, d: NaiveDate) -> f64 {
        let days = (self.hi - self.lo).num_days().max(1) as f64;
        self.left + (self.right - self.left) * (d - self.lo).num_days() as f64 / days
    }
}

/// The lane key of an event's source and of its target, and the label text, for a mode.
fn keys(e: &Event, mode: Lanes) -> (String, Option<String>, String) {
    let ty = type_label(&e.event_type);
    let country_key = |a: &crate::model::Actor| {
        if a.country.len() == 3 {
            format!("\u{1}{}", a.country)
        } else {
            a.name.clone()
        }
    };
    match mode {
        Lanes::Actor => (
            e.source.name.clone(),
            e.target.as_ref().map(|t| t.name.clone()),
            match &e.target {
                Some(t) => format!("{ty} → {}", t.name),
                None => ty,
            },
        ),
        Lanes::Country => (
            country_key(&e.source),
            e.target.as_ref().map(country_key),
            super::event_label(e),
        ),
        Lanes::Dyad => (
            match &e.target {
                Some(t) => format!("{} → {}", e.source.name, t.name),
                None => e.source.name.clone(),
            },
            None,
            ty,
        ),
        Lanes::Type => (
            ty,
            None,
            match &e.target {
                Some(t) => format!("{} → {}", e.source.name, t.name),
                None => e.source.name.clone(),
            },
        ),
    }
}

/// Lane names of country keys: the name of a state actor whose code is the country code
/// (the country itself), else the ISO code.
fn country_names(events: &[Event]) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for e in events {
        for a in std::iter::once(&e.source).chain(e.target.as_ref()) {
            if a.country.len() == 3 && a.kind == ActorKind::State && a.code == a.country {
                m.entry(a.country.clone()).or_insert_with(|| a.name.clone());
            }
        }
    }
    m
}

/// The default title: "Timeline of N events, 5 Jan 2020 – 29 Apr 2024".
fn default_title(n: usize, first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => {
            format!("Timeline of {n} events, {}", a.format("%-d %b %Y"))
        }
        (Some(a), Some(b)) => format!(
            "Timeline of {n} events, {} – {}",
            a.format("%-d %b %Y"),
            b.format("%-d %b %Y")
        ),
        _ => format!("Timeline of {n} events"),
    }
}

/// Plot width when the caller leaves it open: grows with the logarithm of the span and with
/// the square root of the number of events.
fn auto_plot_width(days: i64, events: usize) -> f64 {
    let by_span = (560.0 + 150.0 * (1.0 + days.max(1) as f64 / 30.0).log2()).clamp(720.0, 3000.0);
    let by_count = (events as f64 / 200.0).sqrt().clamp(1.0, 2.5);
    (by_span * by_count).min(7600.0)
}

fn marker_radius(mentions: u32) -> f64 {
    (4.5 + 1.6 * (mentions.max(1) as f64).log2()).min(8.5)
}

/// Place everything: lanes, axis, markers, labels, notes, footer.
pub fn timeline_layout(events: &[Event], opts: &TimelineOptions) -> TimelineLayout {
    let mut dated: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].time.is_known())
        .collect();
    dated.sort_by(|&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        x.time
            .start
            .cmp(&y.time.start)
            .then(x.time.end.cmp(&y.time.end))
            .then(x.id.cmp(&y.id))
            .then(a.cmp(&b))
    });
    let undated = events.len() - dated.len();
    let start = |i: usize| events[i].time.start.expect("dated");
    let end = |i: usize| events[i].time.end.expect("dated");

    // Lanes by first appearance (then key); the least busy beyond the cap share one lane.
    let mut first: BTreeMap<String, (NaiveDate, usize)> = BTreeMap::new();
    for &i in &dated {
        let (k, _, _) = keys(&events[i], opts.lanes);
        let f = first.entry(k).or_insert((start(i), 0));
        f.0 = f.0.min(start(i));
        f.1 += 1;
    }
    let mut order: Vec<(String, NaiveDate, usize)> =
        first.into_iter().map(|(k, (d, n))| (k, d, n)).collect();
    let max_lanes = opts.max_lanes.max(2);
    let mut other: Option<(usize, usize)> = None;
    if order.len() > max_lanes {
        order.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
        let rest = order.split_off(max_lanes - 1);
        other = Some((rest.len(), rest.iter().map(|r| r.2).sum()));
    }
    order.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let lane_index: BTreeMap<String, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (k, _, _))| (k.clone(), i))
        .collect();
    let countries = country_names(events);
    let mut lane_names: Vec<String> = order
        .iter()
        .map(|(k, _, _)| match k.strip_prefix('\u{1}') {
            Some(code) => countries
                .get(code)
                .cloned()
                .unwrap_or_else(|| code.to_string()),
            None => k.clone(),
        })
        .collect();
    if let Some((n, _)) = other {
        lane_names.push(format!("{n} others"));
    }
    let other_lane = other.map(|_| lane_names.len() - 1);
    let lane_of = |k: &str| lane_index.get(k).copied().or(other_lane);

    // The time range, padded.
    let lo0 = dated.iter().map(|&i| start(i)).min();
    let hi0 = dated.iter().map(|&i| end(i)).max();
    let title = if opts.title.trim().is_empty() {
        default_title(dated.len(), lo0, hi0)
    } else {
        clean_text(&opts.title)
    };
    let (lo, hi) = match (lo0, hi0) {
        (Some(l), Some(h)) => (l, h),
        _ => {
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid");
            (d, d)
        }
    };
    let span = (hi - lo).num_days().max(1);
    let pad = (span / 40).max(2);
    let (lo, hi) = (lo - Duration::days(pad), hi + Duration::days(pad + 1));
    let days = (hi - lo).num_days().max(1) as f64;

    let name_w = lane_names
        .iter()
        .map(|n| text_width(&clean_text(n), LANE_NAME_PX))
        .fold(60.0, f64::max)
        .min(210.0);
    let left = (name_w + 28.0).round();
    let width = if opts.width > 0 {
        (opts.width as f64).max(480.0)
    } else {
        ((left + 30.0 + auto_plot_width((hi - lo).num_days(), dated.len())) / 10.0).round() * 10.0
    };
    let right = width - 30.0;
    let plot_w = right - left;
    let xpos = |d: NaiveDate| left + plot_w * (d - lo).num_days() as f64 / days;

    // Markers and labels, lane by lane, first fit over rows (interval scheduling). Few lanes
    // may grow taller than many.
    let max_rows = if lane_names.len() > 20 { 4 } else { 6 };
    struct Pending {
        event: usize,
        lane: usize,
        target_lane: Option<usize>,
        x0: f64,
        x1: f64,
        x: f64,
        r: f64,
        exact: bool,
        place: Option<(usize, Label)>,
    }
    let mut rows: Vec<Vec<Vec<(f64, f64)>>> = vec![Vec::new(); lane_names.len()];
    let mut pending: Vec<Pending> = Vec::with_capacity(dated.len());
    let mut numbered = 0usize;
    let mut notes = Vec::new();
    let max_notes = opts.max_notes;
    for &i in &dated {
        let e = &events[i];
        let (k, tk, text) = keys(e, opts.lanes);
        let lane = lane_of(&k).expect("every key has a lane");
        let target_lane = tk.and_then(|t| lane_index.get(&t).copied());
        let x0 = xpos(start(i));
        let x1 = xpos(end(i) + Duration::days(1));
        let x = (x0 + x1) / 2.0;
        // Nominal radius, capped so that no shape reaches into the next row; `reach` is how
        // far the shape extends from its centre.
        let ext = Family::of(e).shape().extent();
        let r = marker_radius(e.mentions).min((ROW_H / 2.0 - 0.5) / ext);
        let reach = r * ext;
        let exact = start(i) == end(i);
        let (band0, band1) = if exact { (x, x) } else { (x0, x1) };
        let full = clean_text(&text);
        let fits =
            |row: &Vec<(f64, f64)>, s: (f64, f64)| row.iter().all(|&(a, b)| s.1 <= a || b <= s.0);
        // Candidate placements of a text of width `w`: right of the marker, then left.
        let try_place = |rows: &mut Vec<Vec<(f64, f64)>>,
                         sides: [bool; 2],
                         make: &dyn Fn(bool) -> Option<(String, f64)>| {
            for row in 0..max_rows {
                for right_side in sides {
                    let Some((t, w)) = make(right_side) else {
                        continue;
                    };
                    let (tx0, tx1) = if right_side {
                        (x + reach + 4.0, x + reach + 4.0 + w)
                    } else {
                        (x - reach - 4.0 - w, x - reach - 4.0)
                    };
                    let span = (
                        band0.min(x - reach).min(tx0) - 3.0,
                        band1.max(x + reach).max(tx1) + 3.0,
                    );
                    if row == rows.len() {
                        rows.push(Vec::new());
                    }
                    if fits(&rows[row], span) {
                        rows[row].push(span);
                        return Some((row, t, tx0, tx1, right_side));
                    }
                }
            }
            None
        };
        let room = |right_side: bool| {
            if right_side {
                right + 20.0 - (x + reach + 4.0)
            } else {
                (x - reach - 4.0) - left + 6.0
            }
        };
        let label_fit = |right_side: bool| {
            let room = room(right_side).min(LABEL_MAX_PX);
            if room < 40.0 {
                return None;
            }
            let t = truncate_to(&full, room, LABEL_PX);
            let w = text_width(&t, LABEL_PX);
            Some((t, w))
        };
        // The side where the whole label fits, right first; else the roomier side.
        let full_w = text_width(&full, LABEL_PX).min(LABEL_MAX_PX);
        let sides = if room(true) >= full_w || (room(false) < full_w && room(true) >= room(false)) {
            [true, false]
        } else {
            [false, true]
        };
        let mut place =
            try_place(&mut rows[lane], sides, &label_fit).map(|(row, t, tx0, tx1, right_side)| {
                (
                    row,
                    Label {
                        text: t,
                        rect: Rect::new(tx0, 0.0, tx1, 0.0),
                        right: right_side,
                        number: None,
                    },
                )
            });
        if place.is_none() && numbered < max_notes {
            let tag = format!("[{}]", numbered + 1);
            let tw = text_width(&tag, TAG_PX);
            let tag_fit = |right_side: bool| (room(right_side) >= tw).then(|| (tag.clone(), tw));
            if let Some((row, t, tx0, tx1, right_side)) =
                try_place(&mut rows[lane], sides, &tag_fit)
            {
                numbered += 1;
                notes.push(format!(
                    "[{numbered}] {} · {}",
                    date_label(e),
                    cap(&super::event_label(e), 160)
                ));
                place = Some((
                    row,
                    Label {
                        text: t,
                        rect: Rect::new(tx0, 0.0, tx1, 0.0),
                        right: right_side,
                        number: Some(numbered),
                    },
                ));
            }
        }
        pending.push(Pending {
            event: i,
            lane,
            target_lane,
            x0,
            x1,
            x,
            r,
            exact,
            place,
        });
    }
    // Rows that were opened but never used (a failed attempt) are dropped.
    let strip: Vec<bool> = (0..lane_names.len())
        .map(|l| pending.iter().any(|p| p.lane == l && p.place.is_none()))
        .collect();
    let used_rows: Vec<usize> = (0..lane_names.len())
        .map(|l| {
            pending
                .iter()
                .filter(|p| p.lane == l)
                .filter_map(|p| p.place.as_ref().map(|(row, _)| row + 1))
                .max()
                .unwrap_or(0)
        })
        .collect();

    // Publication dates.
    let mut pubs: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    if opts.publication_dates {
        for e in events {
            if let Some(d) = e.doc_date.filter(|d| *d >= lo && *d < hi) {
                let v = pubs.entry(d).or_default();
                if !v.contains(&e.doc_id) {
                    v.push(e.doc_id.clone());
                }
            }
        }
    }
    let publications: Vec<(f64, NaiveDate, Vec<String>)> = pubs
        .into_iter()
        .map(|(d, mut ids)| {
            ids.sort();
            ((xpos(d) + xpos(d + Duration::days(1))) / 2.0, d, ids)
        })
        .collect();

    // Vertical geometry.
    let title_h = 44.0;
    let axis_y = title_h + 40.0;
    // Publication dates get a strip of their own between the axis and the lanes.
    let mut y = axis_y + 2.0 + if publications.is_empty() { 0.0 } else { 11.0 };
    let mut lanes = Vec::with_capacity(lane_names.len());
    for (l, name) in lane_names.into_iter().enumerate() {
        let rows_l = used_rows[l].max(usize::from(!strip[l]));
        let h = 2.0 * LANE_PAD + ROW_H * rows_l as f64 + if strip[l] { STRIP_H } else { 0.0 };
        lanes.push(Lane {
            name,
            y0: y,
            y1: y + h,
            rows: rows_l,
            strip: strip[l],
            events: pending.iter().filter(|p| p.lane == l).count(),
        });
        y += h;
    }
    let lanes_bottom = y.max(axis_y + 32.0);
    let unlabelled = pending.iter().filter(|p| p.place.is_none()).count();
    let items: Vec<Item> = pending
        .into_iter()
        .map(|p| {
            let lane = &lanes[p.lane];
            let (y, label) = match p.place {
                Some((row, mut label)) => {
                    let y = lane.row_y(row);
                    label.rect.y0 = y - 7.5;
                    label.rect.y1 = y + 7.5;
                    (y, Some(label))
                }
                None => (lane.strip_y(), None),
            };
            Item {
                event: p.event,
                lane: p.lane,
                target_lane: p.target_lane.filter(|&t| t != p.lane),
                x0: p.x0,
                x1: p.x1,
                x: p.x,
                y,
                r: if label.is_some() { p.r } else { 3.0 },
                exact: p.exact,
                label,
            }
        })
        .collect();

    // Axis ticks.
    let step = tick_step(plot_w / days);
    let mut ticks_out = Vec::new();
    let mut last_upper = String::new();
    for t in ticks(lo, hi, step) {
        let (lower, upper) = tick_labels(t, step);
        let new_upper = !upper.is_empty() && upper != last_upper;
        if new_upper {
            last_upper = upper.clone();
        }
        ticks_out.push(Tick {
            x: xpos(t),
            lower,
            upper: new_upper.then_some(upper),
        });
    }
    // The first upper label gives way when the next one would collide with it.
    let uppers: Vec<usize> = (0..ticks_out.len())
        .filter(|&i| ticks_out[i].upper.is_some())
        .collect();
    if let [a, b, ..] = uppers[..] {
        let wa = text_width(ticks_out[a].upper.as_deref().unwrap_or(""), 11.0);
        if ticks_out[a].x + wa + 8.0 > ticks_out[b].x {
            ticks_out[a].upper = None;
        }
    }

    // Footer: counts, what is not drawn, sources.
    let mut docs: BTreeMap<&str, Option<NaiveDate>> = BTreeMap::new();
    for &i in &dated {
        docs.entry(events[i].doc_id.as_str())
            .or_insert(events[i].doc_date);
    }
    let mut footer = vec![format!(
        "{} events in {} lanes from {} articles{}{}{}",
        dated.len(),
        lanes.len(),
        docs.len(),
        if undated > 0 {
            format!("; {undated} without a date not shown")
        } else {
            String::new()
        },
        if unlabelled > 0 {
            format!("; {unlabelled} shown as small unlabelled markers (hover for details)")
        } else {
            String::new()
        },
        match other {
            Some((n, k)) => format!("; {n} lanes with {k} events merged into “{n} others”"),
            None => String::new(),
        }
    )];
    let mut line = String::from("Sources: ");
    let mut lines_left = 3;
    let total_docs = docs.len();
    for (k, (id, d)) in docs.iter().enumerate() {
        let item = match d {
            Some(d) => format!("{} ({})", cap(id, 80), d.format("%-d %b %Y")),
            None => cap(id, 80),
        };
        let sep = if k + 1 < total_docs { "; " } else { "" };
        if text_width(&format!("{line}{item}{sep}"), 11.0) > width - 50.0 {
            lines_left -= 1;
            footer.push(std::mem::take(&mut line));
            if lines_left == 0 {
                footer.push(format!("… and {} more articles", total_docs - k));
                break;
            }
        }
        line.push_str(&item);
        line.push_str(sep);
    }
    if !line.is_empty() && line != "Sources: " {
        footer.push(line);
    }

    let legend_y = lanes_bottom + 24.0;
    let legend_rows = legend_entries(opts.publication_dates, width).len();
    let notes_cols = ((width - 40.0) / 420.0).floor().max(1.0) as usize;
    let notes_rows = notes.len().div_ceil(notes_cols);
    let height = (legend_y
        + legend_rows as f64 * 22.0
        + 8.0
        + (notes_rows + footer.len()) as f64 * 16.0
        + 16.0)
        .round();

    TimelineLayout {
        width,
        height,
        title,
        left,
        right,
        lo,
        hi,
        axis_y,
        ticks: ticks_out,
        lanes,
        items,
        publications,
        notes,
        footer,
        legend_y,
        undated,
        unlabelled,
        connectors: dated.len() <= MAX_CONNECTORS,
    }
}

/// How a marker is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Look {
    Solid,
    Hollow,
    Light,
}

/// One legend entry: a swatch and a text.
#[derive(Debug, Clone)]
enum Swatch {
    Quad(u8),
    Family(Family),
    Window,
    Dashed,
    Dotted,
    Size,
    Publication,
}

fn legend_entries(publication: bool, width: f64) -> Vec<Vec<(Swatch, String)>> {
    let mut all: Vec<(Swatch, String)> = Vec::new();
    for (i, n) in QUAD_NAMES.iter().enumerate() {
        all.push((Swatch::Quad(i as u8 + 1), n.to_string()));
    }
    for f in Family::ALL {
        all.push((Swatch::Family(f), f.name().to_string()));
    }
    all.push((Swatch::Window, "date known to a window only".into()));
    all.push((Swatch::Dashed, "alleged or denied".into()));
    all.push((Swatch::Dotted, "planned or hypothetical".into()));
    all.push((Swatch::Size, "larger: more reports".into()));
    if publication {
        all.push((Swatch::Publication, "publication date".into()));
    }
    let mut rows: Vec<Vec<(Swatch, String)>> = vec![Vec::new()];
    let mut x = 20.0;
    for (s, t) in all {
        let w = 26.0 + text_width(&t, 11.0) + 14.0;
        let new_group = matches!(s, Swatch::Family(Family::Verbal) | Swatch::Window);
        if x + w > width - 20.0 || (new_group && x > 20.0 && x + w > width * 0.75) {
            rows.push(Vec::new());
            x = 20.0;
        }
        x += w;
        rows.last_mut().expect("a row").push((s, t));
    }
    rows
}

type DrawResult = std::result::Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Draw a marker shape: filled with `fill` (if any) and outlined with `stroke` (if any).
pub(crate) fn draw_shape(
    root: &DrawingArea<SVGBackend, Shift>,
    shape: Shape,
    (x, y): (f64, f64),
    r: f64,
    fill: Option<RGBAColor>,
    stroke: Option<(RGBAColor, u32)>,
) -> DrawResult {
    let (xi, yi) = (x.round() as i32, y.round() as i32);
    match shape.points(x, y, r) {
        None => {
            let ri = r.round().max(1.0) as i32;
            if let Some(c) = fill {
                root.draw(&Circle::new((xi, yi), ri, c.filled()))?;
            }
            if let Some((c, w)) = stroke {
                root.draw(&Circle::new((xi, yi), ri, c.stroke_width(w)))?;
            }
        }
        Some(pts) => {
            if let Some(c) = fill {
                root.draw(&Polygon::new(pts.clone(), c.filled()))?;
            }
            if let Some((c, w)) = stroke {
                let mut closed = pts.clone();
                closed.push(pts[0]);
                root.draw(&PathElement::new(closed, c.stroke_width(w)))?;
            }
        }
    }
    Ok(())
}

/// Draw cleaned text.
pub(crate) fn draw_text(
    root: &DrawingArea<SVGBackend, Shift>,
    s: &str,
    (x, y): (f64, f64),
    px: f64,
    color: &RGBColor,
    pos: Pos,
) -> DrawResult {
    root.draw(&Text::new(
        clean_text(s),
        (x.round() as i32, y.round() as i32),
        font(px).color(color).pos(pos),
    ))
}

/// Draw a group sentinel (see [`super::post`]).
pub(crate) fn sentinel(root: &DrawingArea<SVGBackend, Shift>, s: &str) -> DrawResult {
    root.draw(&Text::new(s.to_string(), (0, 0), font(1.0).color(&BLACK)))
}

fn marker_look(e: &Event, exact: bool) -> (Look, Option<&'static str>) {
    let dash = match e.modality {
        Modality::Asserted => None,
        Modality::Alleged | Modality::Negated => Some("3 2"),
        Modality::Future | Modality::Hypothetical => Some("1 2"),
    };
    let look = match (exact, dash) {
        (false, _) => Look::Hollow,
        (true, None) => Look::Solid,
        (true, Some(_)) => Look::Light,
    };
    (look, dash)
}

fn draw_marker(
    root: &DrawingArea<SVGBackend, Shift>,
    shape: Shape,
    at: (f64, f64),
    r: f64,
    color: RGBColor,
    look: Look,
) -> DrawResult {
    match look {
        Look::Solid => draw_shape(root, shape, at, r, Some(color.to_rgba()), None),
        Look::Hollow => draw_shape(
            root,
            shape,
            at,
            r,
            Some(WHITE.to_rgba()),
            Some((color.to_rgba(), 2)),
        ),
        Look::Light => draw_shape(
            root,
            shape,
            at,
            r,
            Some(color.mix(0.3)),
            Some((color.to_rgba(), 2)),
        ),
    }
}

/// Render the timeline of `events` as an SVG string.
pub fn render(events: &[Event], opts: &TimelineOptions) -> Result<String> {
    let lay = timeline_layout(events, opts);
    let (w, h) = (lay.width, lay.height);
    let mut groups = Groups::new();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w as u32, h as u32)).into_drawing_area();
        let e = |err: DrawingAreaErrorKind<std::io::Error>| {
            Error::Invalid(format!("drawing timeline: {err}"))
        };
        let left_mid = Pos::new(HPos::Left, VPos::Center);
        let right_mid = Pos::new(HPos::Right, VPos::Center);
        let grey = RGBColor(90, 90, 90);
        root.fill(&WHITE).map_err(e)?;
        draw_text(
            &root,
            &truncate_to(&lay.title, w - 40.0, 18.0),
            (20.0, 24.0),
            18.0,
            &BLACK,
            left_mid,
        )
        .map_err(e)?;

        // Lane bands and names.
        for (i, lane) in lay.lanes.iter().enumerate() {
            let shade = if i % 2 == 0 {
                RGBColor(242, 244, 247)
            } else {
                WHITE
            };
            root.draw(&Rectangle::new(
                [
                    (0, lane.y0.round() as i32),
                    (w as i32, lane.y1.round() as i32),
                ],
                shade.filled(),
            ))
            .map_err(e)?;
            let name = truncate_to(&clean_text(&lane.name), lay.left - 22.0, LANE_NAME_PX);
            let open = groups.open(
                "",
                "lane",
                &[],
                &format!("{} — {} events", cap(&lane.name, 200), lane.events),
            );
            sentinel(&root, &open).map_err(e)?;
            draw_text(
                &root,
                &name,
                (12.0, lane.row_y(0)),
                LANE_NAME_PX,
                &BLACK,
                left_mid,
            )
            .map_err(e)?;
            sentinel(&root, Groups::CLOSE).map_err(e)?;
        }
        let lanes_bottom = lay.lanes.last().map_or(lay.axis_y + 32.0, |l| l.y1);

        // Axis: grid lines, two rows of labels, the year always in one of them.
        let axis_y = lay.axis_y;
        for t in &lay.ticks {
            let x = t.x.round() as i32;
            let c = if t.upper.is_some() {
                RGBColor(185, 190, 198)
            } else {
                RGBColor(222, 225, 230)
            };
            root.draw(&PathElement::new(
                vec![(x, axis_y as i32 - 4), (x, lanes_bottom as i32)],
                c.stroke_width(1),
            ))
            .map_err(e)?;
            draw_text(
                &root,
                &t.lower,
                (t.x + 3.0, axis_y - 10.0),
                11.0,
                &grey,
                left_mid,
            )
            .map_err(e)?;
            if let Some(u) = &t.upper {
                draw_text(&root, u, (t.x + 3.0, axis_y - 27.0), 11.0, &BLACK, left_mid)
                    .map_err(e)?;
            }
        }
        root.draw(&PathElement::new(
            vec![
                (lay.left.round() as i32, axis_y as i32),
                (lay.right.round() as i32, axis_y as i32),
            ],
            grey.stroke_width(1),
        ))
        .map_err(e)?;
        for (x, d, ids) in &lay.publications {
            let tip = format!(
                "Published {}: {}",
                d.format("%-d %b %Y"),
                ids.iter()
                    .map(|i| cap(i, 100))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let open = groups.open("", "publication", &[], &tip);
            sentinel(&root, &open).map_err(e)?;
            let xi = x.round() as i32;
            let yi = axis_y as i32;
            root.draw(&Polygon::new(
                vec![(xi - 4, yi + 2), (xi + 4, yi + 2), (xi, yi + 10)],
                RGBColor(70, 70, 70).mix(0.8).filled(),
            ))
            .map_err(e)?;
            sentinel(&root, Groups::CLOSE).map_err(e)?;
        }

        // Connectors from the source's marker to the target's lane.
        if lay.connectors {
            let alpha = (0.45 * (30.0 / lay.items.len().max(1) as f64).sqrt()).clamp(0.18, 0.45);
            for it in &lay.items {
                let Some(tl) = it.target_lane else { continue };
                let c = quad_color(events[it.event].quad_class);
                let ty = lay.lanes[tl].row_y(0);
                let (x, y0) = (it.x.round() as i32, it.y.round() as i32);
                let y1 = ty.round() as i32;
                root.draw(&PathElement::new(
                    vec![(x, y0), (x, y1)],
                    c.mix(alpha).stroke_width(1),
                ))
                .map_err(e)?;
                root.draw(&Circle::new((x, y1), 2, c.mix(alpha + 0.2).filled()))
                    .map_err(e)?;
            }
        }

        // Markers, bands and labels, each in a group with its tooltip.
        for it in &lay.items {
            let ev = &events[it.event];
            let c = quad_color(ev.quad_class);
            let (look, dash) = marker_look(ev, it.exact);
            let mut class = String::from(if it.lane % 2 == 0 {
                "marker shade"
            } else {
                "marker"
            });
            if ev.modality != Modality::Asserted {
                class.push(' ');
                class.push_str(ev.modality.as_str());
            }
            let attrs: Vec<(&str, &str)> =
                dash.map(|d| ("stroke-dasharray", d)).into_iter().collect();
            let open = groups.open(&marker_id(it.event), &class, &attrs, &event_tooltip(ev));
            sentinel(&root, &open).map_err(e)?;
            if !it.exact {
                let (x0, x1) = (
                    it.x0.round() as i32,
                    (it.x1.round() as i32).max(it.x0.round() as i32 + 2),
                );
                let hh = if it.label.is_some() { 5 } else { 3 };
                let yi = it.y.round() as i32;
                root.draw(&Rectangle::new(
                    [(x0, yi - hh), (x1, yi + hh)],
                    c.mix(0.22).filled(),
                ))
                .map_err(e)?;
            }
            draw_marker(&root, Family::of(ev).shape(), (it.x, it.y), it.r, c, look).map_err(e)?;
            if let Some(l) = &it.label {
                let (x, pos) = if l.right {
                    (l.rect.x0, left_mid)
                } else {
                    (l.rect.x1, right_mid)
                };
                let (px, color) = if l.number.is_some() {
                    (TAG_PX, grey)
                } else {
                    (LABEL_PX, BLACK)
                };
                draw_text(&root, &l.text, (x, it.y), px, &color, pos).map_err(e)?;
            }
            sentinel(&root, Groups::CLOSE).map_err(e)?;
        }

        // Legend.
        let entries = legend_entries(!lay.publications.is_empty(), w);
        let mut ly = lay.legend_y;
        let swatch_grey = RGBColor(110, 110, 110);
        for row in &entries {
            let mut x = 20.0;
            for (s, t) in row {
                let at = (x + 8.0, ly);
                match s {
                    Swatch::Quad(q) => draw_shape(
                        &root,
                        Shape::Circle,
                        at,
                        5.5,
                        Some(quad_color(*q).to_rgba()),
                        None,
                    ),
                    Swatch::Family(f) => {
                        draw_shape(&root, f.shape(), at, 5.0, Some(swatch_grey.to_rgba()), None)
                    }
                    Swatch::Window => {
                        root.draw(&Rectangle::new(
                            [
                                ((x - 2.0) as i32, (ly - 4.0) as i32),
                                ((x + 18.0) as i32, (ly + 4.0) as i32),
                            ],
                            swatch_grey.mix(0.22).filled(),
                        ))
                        .map_err(e)?;
                        draw_marker(&root, Shape::Circle, at, 5.0, swatch_grey, Look::Hollow)
                    }
                    Swatch::Dashed | Swatch::Dotted => {
                        let d = if matches!(s, Swatch::Dashed) {
                            "3 2"
                        } else {
                            "1 2"
                        };
                        let open = groups.open("", "", &[("stroke-dasharray", d)], "");
                        sentinel(&root, &open).map_err(e)?;
                        draw_marker(&root, Shape::Circle, at, 5.5, swatch_grey, Look::Light)
                            .map_err(e)?;
                        sentinel(&root, Groups::CLOSE)
                    }
                    Swatch::Size => {
                        draw_shape(
                            &root,
                            Shape::Circle,
                            (x + 3.0, ly),
                            3.0,
                            Some(swatch_grey.to_rgba()),
                            None,
                        )
                        .map_err(e)?;
                        draw_shape(
                            &root,
                            Shape::Circle,
                            (x + 13.0, ly),
                            6.5,
                            Some(swatch_grey.to_rgba()),
                            None,
                        )
                    }
                    Swatch::Publication => {
                        let (xi, yi) = ((x + 8.0) as i32, ly as i32);
                        root.draw(&Polygon::new(
                            vec![(xi - 5, yi - 4), (xi + 5, yi - 4), (xi, yi + 4)],
                            RGBColor(70, 70, 70).filled(),
                        ))
                    }
                }
                .map_err(e)?;
                draw_text(&root, t, (x + 24.0, ly), 11.0, &BLACK, left_mid).map_err(e)?;
                x += 26.0 + text_width(t, 11.0) + 14.0;
            }
            ly += 22.0;
        }

        // Numbered overflow events, in columns, then the footer.
        let mut y = ly + 8.0;
        if !lay.notes.is_empty() {
            let cols = ((w - 40.0) / 420.0).floor().max(1.0) as usize;
            let per_col = lay.notes.len().div_ceil(cols);
            let col_w = (w - 40.0) / cols as f64;
            for (k, note) in lay.notes.iter().enumerate() {
                let (c, r) = (k / per_col, k % per_col);
                draw_text(
                    &root,
                    &truncate_to(note, col_w - 12.0, 11.0),
                    (20.0 + c as f64 * col_w, y + r as f64 * 16.0),
                    11.0,
                    &RGBColor(50, 50, 50),
                    left_mid,
                )
                .map_err(e)?;
            }
            y += per_col as f64 * 16.0;
        }
        for line in &lay.footer {
            draw_text(
                &root,
                &truncate_to(line, w - 40.0, 11.0),
                (20.0, y),
                11.0,
                &grey,
                left_mid,
            )
            .map_err(e)?;
            y += 16.0;
        }
        root.present().map_err(e)?;
    }
    let desc = format!(
        "Timeline of {} events in {} lanes from {} to {}; markers coloured by quad class and shaped by event family.",
        lay.items.len(),
        lay.lanes.len(),
        lay.lo.format("%Y-%m-%d"),
        (lay.hi - Duration::days(1)).format("%Y-%m-%d")
    );
    // Labels get a halo of their lane's colour, so that grid lines and connectors pass
    // behind them.
    let css = "g.marker>text{stroke:#fff;stroke-width:3px;stroke-linejoin:round;stroke-dasharray:none;paint-order:stroke}g.shade>text{stroke:#f2f4f7}";
    Ok(finish_svg_with(
        insert_style(groups.apply(&svg), css),
        &lay.title,
        &desc,
        "tl",
    ))
}

/// The id of the marker group of `events[index]` in the timeline SVG (the report links to it).
pub fn marker_id(index: usize) -> String {
    format!("tl-e{index}")
}

#[cfg(test)]
mod tests {
    use super::super::{first_overlap, synthetic};
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A few events among named actors, one per (source, target, type, start, end, modality).
    fn few(rows: &[(&str, &str, usize, &str, &str, Modality)]) -> Vec<Event> {
        let proto = synthetic::events(16, 16, 1);
        rows.iter()
            .enumerate()
            .map(|(k, &(s, t, ty, a, b, m))| {
                let mut e = proto[ty % proto.len()].clone();
                e.id = format!("doc-{k}");
                e.source.name = s.into();
                e.target.as_mut().unwrap().name = t.into();
                e.time.start = Some(d(a));
                e.time.end = Some(d(b));
                e.modality = m;
                e
            })
            .collect()
    }

    fn sample() -> Vec<Event> {
        use Modality::*;
        few(&[
            (
                "Tajikistan",
                "Russia",
                0,
                "2024-04-29",
                "2024-04-29",
                Asserted,
            ),
            (
                "Tajikistan",
                "Semyon Grigoryev",
                1,
                "2024-04-29",
                "2024-04-29",
                Asserted,
            ),
            (
                "Russian police",
                "Tajikistan",
                2,
                "2024-03-01",
                "2024-03-31",
                Asserted,
            ),
            (
                "Tajikistan",
                "Russian police",
                3,
                "2024-04-01",
                "2024-04-29",
                Alleged,
            ),
            (
                "Russia",
                "Tajikistan",
                4,
                "2024-04-26",
                "2024-04-26",
                Future,
            ),
        ])
    }

    #[test]
    fn tick_steps_keep_labels_apart() {
        let cases = [
            (100.0, Step::new(Unit::Day, 1)),
            (50.0, Step::new(Unit::Day, 2)),
            (15.0, Step::new(Unit::Week, 1)),
            (4.0, Step::new(Unit::Month, 1)),
            (2.0, Step::new(Unit::Month, 2)),
            (1.2, Step::new(Unit::Quarter, 1)),
            (0.5, Step::new(Unit::Year, 1)),
            (0.01, Step::new(Unit::Year, 50)),
        ];
        for (px, want) in cases {
            let s = tick_step(px);
            assert_eq!(s, want, "{px} px/day");
            assert!(s.min_days() * px >= MIN_TICK_PX);
        }
    }

    #[test]
    fn ticks_align_to_calendar() {
        let t = ticks(d("2024-03-15"), d("2024-07-02"), Step::new(Unit::Month, 1));
        assert_eq!(
            t,
            vec![
                d("2024-04-01"),
                d("2024-05-01"),
                d("2024-06-01"),
                d("2024-07-01")
            ]
        );
        let q = ticks(
            d("2023-11-15"),
            d("2024-08-01"),
            Step::new(Unit::Quarter, 1),
        );
        assert_eq!(q, vec![d("2024-01-01"), d("2024-04-01"), d("2024-07-01")]);
        assert_eq!(
            tick_labels(q[1], Step::new(Unit::Quarter, 1)),
            ("Q2".into(), "2024".into())
        );
        let w = ticks(d("2024-04-03"), d("2024-04-30"), Step::new(Unit::Week, 1));
        assert!(
            w.iter().all(|x| x.weekday() == chrono::Weekday::Mon),
            "{w:?}"
        );
        let y = ticks(d("2013-05-01"), d("2031-01-01"), Step::new(Unit::Year, 5));
        assert_eq!(
            y,
            vec![
                d("2015-01-01"),
                d("2020-01-01"),
                d("2025-01-01"),
                d("2030-01-01")
            ]
        );
    }

    #[test]
    fn the_year_is_always_on_the_axis() {
        for (a, b) in [
            ("2024-04-20", "2024-04-29"),
            ("2024-01-01", "2024-06-30"),
            ("2015-01-01", "2024-12-31"),
        ] {
            let mut evs = sample();
            evs[0].time.start = Some(d(a));
            evs[1].time.end = Some(d(b));
            let lay = timeline_layout(&evs, &TimelineOptions::default());
            let years = lay
                .ticks
                .iter()
                .flat_map(|t| [Some(t.lower.clone()), t.upper.clone()])
                .flatten()
                .filter(|s| s.contains("20"))
                .count();
            assert!(years > 0, "{a}..{b}: {:?}", lay.ticks);
            for w in lay.ticks.windows(2) {
                assert!(w[1].x - w[0].x >= MIN_TICK_PX - 1.0, "{a}..{b}");
            }
        }
    }

    #[test]
    fn width_grows_with_span_unless_fixed() {
        let short = timeline_layout(&sample(), &TimelineOptions::default()).width;
        let mut long = sample();
        long[0].time.start = Some(d("2019-01-01"));
        let long_w = timeline_layout(&long, &TimelineOptions::default()).width;
        assert!(long_w > short, "{short} {long_w}");
        let fixed = TimelineOptions {
            width: 900,
            ..Default::default()
        };
        assert_eq!(timeline_layout(&long, &fixed).width, 900.0);
    }

    #[test]
    fn lanes_follow_the_mode() {
        let evs = sample();
        let names = |mode| {
            let o = TimelineOptions {
                lanes: mode,
                ..Default::default()
            };
            timeline_layout(&evs, &o)
                .lanes
                .into_iter()
                .map(|l| l.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(Lanes::Actor),
            vec!["Russian police", "Tajikistan", "Russia"]
        );
        assert!(names(Lanes::Dyad).iter().all(|n| n.contains(" → ")));
        let mut types: Vec<String> = evs.iter().map(|e| type_label(&e.event_type)).collect();
        types.sort();
        types.dedup();
        let mut got = names(Lanes::Type);
        got.sort();
        assert_eq!(got, types);
    }

    #[test]
    fn country_lanes_merge_a_countrys_actors() {
        let mut evs = sample();
        for e in &mut evs {
            for a in std::iter::once(&mut e.source).chain(e.target.as_mut()) {
                let (c, code) = match a.name.as_str() {
                    "Tajikistan" => ("TJK", "TJK"),
                    "Russia" => ("RUS", "RUS"),
                    _ => ("RUS", "RUSCOP"),
                };
                a.country = c.into();
                a.code = code.into();
                a.kind = ActorKind::State;
            }
        }
        let o = TimelineOptions {
            lanes: Lanes::Country,
            ..Default::default()
        };
        let lay = timeline_layout(&evs, &o);
        let names: Vec<&str> = lay.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, vec!["Russia", "Tajikistan"]);
        assert!(lay.items.iter().all(|i| i.target_lane.is_some()));
    }

    #[test]
    fn many_lanes_share_an_other_lane() {
        let evs = synthetic::events(400, 120, 3);
        let o = TimelineOptions {
            max_lanes: 10,
            ..Default::default()
        };
        let lay = timeline_layout(&evs, &o);
        assert_eq!(lay.lanes.len(), 10);
        assert!(lay.lanes[9].name.ends_with("others"));
        assert_eq!(lay.items.len(), 400);
    }

    #[test]
    fn labels_never_overlap() {
        for (n, actors) in [(5, 4), (60, 12), (800, 40), (5000, 150)] {
            let evs = synthetic::events(n, actors, 11);
            for lanes in [Lanes::Actor, Lanes::Type] {
                let o = TimelineOptions {
                    lanes,
                    ..Default::default()
                };
                let lay = timeline_layout(&evs, &o);
                let rects = lay.label_rects();
                assert_eq!(first_overlap(&rects), None, "{n} events, {lanes:?}");
                assert!(
                    rects
                        .iter()
                        .all(|r| r.x0 >= lay.left - 1.0 && r.x1 <= lay.width)
                );
                let numbered = lay
                    .items
                    .iter()
                    .filter(|i| i.label.as_ref().is_some_and(|l| l.number.is_some()))
                    .count();
                assert_eq!(numbered, lay.notes.len());
            }
        }
    }

    #[test]
    fn every_marker_has_a_tooltip_and_alleged_ones_are_dashed() {
        let evs = sample();
        let svg = render(&evs, &TimelineOptions::default()).unwrap();
        let doc = roxmltree::Document::parse(&svg).expect("valid XML");
        let markers: Vec<_> = doc
            .descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.starts_with("marker"))
            })
            .collect();
        assert_eq!(markers.len(), evs.len());
        for m in &markers {
            let title = m.first_element_child().expect("a child");
            assert_eq!(title.tag_name().name(), "title");
            assert!(title.text().unwrap().contains(" → "));
        }
        let alleged = markers
            .iter()
            .find(|m| m.attribute("class") == Some("marker alleged"))
            .unwrap();
        assert_eq!(alleged.attribute("stroke-dasharray"), Some("3 2"));
        assert_eq!(
            markers[0].attribute("id").map(|s| s.starts_with("tl-e")),
            Some(true)
        );
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(root.children().any(|c| c.has_tag_name("desc")));
    }

    #[test]
    fn publication_dates_are_optional() {
        let evs = sample();
        let off = render(&evs, &TimelineOptions::default()).unwrap();
        assert!(!off.contains("class=\"publication\""));
        let on = render(
            &evs,
            &TimelineOptions {
                publication_dates: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(on.contains("class=\"publication\""));
        assert!(on.contains("Published "));
    }

    #[test]
    fn hostile_text_survives_as_text() {
        let mut evs = sample();
        evs[0].source.name = "<script>alert(\"x\")</script>".into();
        evs[1].source.name = "وزارة الخارجية \u{202E}evil".into();
        evs[2].target.as_mut().unwrap().name =
            "Rocket 🚀 & \"quotes\" 'single'\u{7}\u{E000}0".into();
        evs[3].evidence = "Line\nbreak\u{0}</title><script>x</script>".into();
        let opts = TimelineOptions {
            title: "<b>title</b>\u{1b}[31m".into(),
            ..Default::default()
        };
        let svg = render(&evs, &opts).unwrap();
        let doc = roxmltree::Document::parse(&svg).expect("valid XML");
        assert!(
            doc.descendants()
                .all(|n| !n.has_tag_name("script") && !n.has_tag_name("foreignObject"))
        );
        assert!(!svg.contains("href"));
        let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(texts.contains("<script>alert(\"x\")</script>"));
        assert!(texts.contains("وزارة الخارجية evil"));
        assert!(texts.contains("🚀 & \"quotes\" 'single'0"));
        assert!(texts.contains("</title><script>x</script>"));
        assert!(texts.contains("<b>title</b>[31m"));
    }

    #[test]
    fn output_is_byte_identical_across_runs() {
        let evs = synthetic::events(300, 30, 5);
        let o = TimelineOptions::default();
        assert_eq!(render(&evs, &o).unwrap(), render(&evs, &o).unwrap());
    }

    #[test]
    fn no_events_still_draws() {
        let svg = render(&[], &TimelineOptions::default()).unwrap();
        roxmltree::Document::parse(&svg).expect("valid XML");
    }
}
