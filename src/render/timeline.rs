//! The timeline: one lane per source actor, a readable two-level time axis, markers coloured by
//! quad class (hollow with a band when the date is only known to a window), labels placed in
//! rows so that none overlap, overflow numbered and listed under the chart.

use super::{QUAD_NAMES, clean_text, event_label, finish_svg, quad_color, text_width, truncate_to};
use crate::error::{Error, Result};
use crate::model::Event;
use chrono::{Datelike, Months, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Options of the timeline.
#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// Chart title.
    pub title: String,
    /// Width in pixels.
    pub width: u32,
}

const FONT: &str = "sans-serif";
const LABEL_PX: f64 = 11.0;
const ROW_H: i32 = 17;
const MAX_ROWS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Days(i64),
    Months(u32),
}

fn tick_step(days: i64, plot_w: f64) -> Step {
    let candidates = [
        Step::Days(1),
        Step::Days(2),
        Step::Days(7),
        Step::Days(14),
        Step::Months(1),
        Step::Months(3),
        Step::Months(6),
        Step::Months(12),
        Step::Months(24),
        Step::Months(60),
        Step::Months(120),
    ];
    for s in candidates {
        let step_days = match s {
            Step::Days(d) => d as f64,
            Step::Months(m) => m as f64 * 30.4,
        };
        if plot_w * step_days / days.max(1) as f64 >= 90.0 {
            return s;
        }
    }
    Step::Months(240)
}

fn ticks(start: NaiveDate, end: NaiveDate, step: Step) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = match step {
        Step::Days(7) | Step::Days(14) => {
            start - chrono::Duration::days(start.weekday().num_days_from_monday() as i64)
        }
        Step::Days(_) => start,
        Step::Months(m) => {
            let m0 = (start.month0() / m.min(12)) * m.min(12);
            let y = if m > 12 {
                start.year() - start.year().rem_euclid((m / 12) as i32)
            } else {
                start.year()
            };
            NaiveDate::from_ymd_opt(y, m0 + 1, 1).unwrap_or(start)
        }
    };
    while d <= end {
        if d >= start {
            out.push(d);
        }
        d = match step {
            Step::Days(n) => d + chrono::Duration::days(n),
            Step::Months(m) => match d.checked_add_months(Months::new(m)) {
                Some(x) => x,
                None => break,
            },
        };
    }
    out
}

struct Placed<'a> {
    event: &'a Event,
    lane: usize,
    x0: f64,
    x1: f64,
    row: Option<usize>,
    to_left: bool,
    label: String,
    number: Option<usize>,
}

/// Render the timeline of `events` as an SVG string.
pub fn render(events: &[Event], opts: &TimelineOptions) -> Result<String> {
    let dated: Vec<&Event> = events.iter().filter(|e| e.time.is_known()).collect();
    let undated = events.len() - dated.len();
    let width = opts.width.max(480) as f64;

    // Lanes: source actors by first appearance, then name.
    let mut lanes: Vec<(String, NaiveDate)> = Vec::new();
    for e in &dated {
        let s = e.time.start.expect("dated");
        match lanes.iter_mut().find(|(n, _)| *n == e.source.name) {
            Some(l) => l.1 = l.1.min(s),
            None => lanes.push((e.source.name.clone(), s)),
        }
    }
    lanes.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let lane_of = |name: &str| lanes.iter().position(|(n, _)| n == name);

    let (lo, hi) = dated
        .iter()
        .fold((None::<NaiveDate>, None::<NaiveDate>), |(lo, hi), e| {
            let (s, t) = (e.time.start.expect("dated"), e.time.end.expect("dated"));
            (
                Some(lo.map_or(s, |l| l.min(s))),
                Some(hi.map_or(t, |h| h.max(t))),
            )
        });
    let (lo, hi) = match (lo, hi) {
        (Some(l), Some(h)) => (l, h),
        _ => {
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid");
            (d, d)
        }
    };
    let span = (hi - lo).num_days().max(1);
    let pad = (span / 25).max(2);
    let (lo, hi) = (
        lo - chrono::Duration::days(pad),
        hi + chrono::Duration::days(pad + 1),
    );
    let days = (hi - lo).num_days().max(1) as f64;

    let label_w = lanes
        .iter()
        .map(|(n, _)| text_width(n, 12.0))
        .fold(60.0, f64::max)
        .min(200.0);
    let left = label_w + 24.0;
    let right = width - 24.0;
    let plot_w = right - left;
    let xpos = |d: NaiveDate| left + plot_w * (d - lo).num_days() as f64 / days;

    // Place labels greedily in rows per lane (interval scheduling, first fit).
    let mut placed: Vec<Placed> = Vec::new();
    let mut sorted = dated.clone();
    sorted.sort_by(|a, b| a.time.start.cmp(&b.time.start).then(a.id.cmp(&b.id)));
    // Occupied x-intervals per row per lane.
    let mut rows_used: Vec<Vec<Vec<(f64, f64)>>> = vec![Vec::new(); lanes.len()];
    let mut overflow = 0;
    for e in sorted {
        let lane = lane_of(&e.source.name).expect("lane exists");
        let x0 = xpos(e.time.start.expect("dated"));
        let x1 = xpos(e.time.end.expect("dated") + chrono::Duration::days(1));
        let mx = (x0 + x1) / 2.0;
        let full = clean_text(&event_label(e));
        // Labels go right of the marker, or left of it when the right edge is too close.
        let room_right = right - mx - 12.0;
        let room_left = mx - left - 12.0;
        let to_left = text_width(&full, LABEL_PX) > room_right && room_left > room_right;
        let room = if to_left { room_left } else { room_right }.max(40.0);
        let label = truncate_to(&full, room.min(320.0), LABEL_PX);
        let w = text_width(&label, LABEL_PX) + 14.0;
        let span = if to_left {
            (mx - w, mx + 6.0)
        } else {
            (mx - 6.0, mx + w)
        };
        let rows = &mut rows_used[lane];
        let free = |row: &Vec<(f64, f64)>| row.iter().all(|&(a, b)| span.1 < a || b < span.0);
        let row = match rows.iter().position(free) {
            Some(r) => Some(r),
            None if rows.len() < MAX_ROWS => {
                rows.push(Vec::new());
                Some(rows.len() - 1)
            }
            None => None,
        };
        let (row, number) = match row {
            Some(r) => {
                rows[r].push(span);
                (Some(r), None)
            }
            None => {
                overflow += 1;
                (None, Some(overflow))
            }
        };
        placed.push(Placed {
            event: e,
            lane,
            x0,
            x1,
            row,
            label,
            number,
            to_left,
        });
    }

    let lane_rows: Vec<usize> = rows_used.iter().map(|r| r.len().max(1)).collect();
    let title_h = 40.0;
    let axis_top = title_h + 8.0;
    let axis_h = 38.0;
    let lanes_top = axis_top + axis_h;
    let lane_h: Vec<f64> = lane_rows
        .iter()
        .map(|&r| r as f64 * ROW_H as f64 + 14.0)
        .collect();
    let lane_y: Vec<f64> = lane_h
        .iter()
        .scan(lanes_top, |y, h| {
            let top = *y;
            *y += h;
            Some(top)
        })
        .collect();
    let lanes_bottom = lanes_top + lane_h.iter().sum::<f64>().max(30.0);
    let notes: Vec<String> = placed
        .iter()
        .filter_map(|p| {
            p.number.map(|n| {
                format!(
                    "[{n}] {} {}",
                    p.event.time.value,
                    clean_text(&event_label(p.event))
                )
            })
        })
        .collect();
    let mut footer = vec![format!(
        "{} events from {} documents{}",
        dated.len(),
        {
            let mut d: Vec<&str> = dated.iter().map(|e| e.doc_id.as_str()).collect();
            d.sort();
            d.dedup();
            d.len()
        },
        if undated > 0 {
            format!("; {undated} without a date not shown")
        } else {
            String::new()
        }
    )];
    footer.extend(notes);
    let legend_y = lanes_bottom + 22.0;
    let height = legend_y + 26.0 + footer.len() as f64 * 16.0 + 12.0;

    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (width as u32, height as u32)).into_drawing_area();
        let e = |err: DrawingAreaErrorKind<std::io::Error>| {
            Error::Invalid(format!("drawing timeline: {err}"))
        };
        root.fill(&WHITE).map_err(e)?;
        let font = |px: f64| (FONT, px).into_font();
        let left_mid = Pos::new(HPos::Left, VPos::Center);
        let center = Pos::new(HPos::Center, VPos::Top);
        let grey = RGBColor(90, 90, 90);

        root.draw(&Text::new(
            truncate_to(&clean_text(&opts.title), width - 40.0, 18.0),
            (20, 14),
            font(18.0).color(&BLACK),
        ))
        .map_err(e)?;

        // Lane bands and names.
        for (i, (name, _)) in lanes.iter().enumerate() {
            let (y0, y1) = (lane_y[i], lane_y[i] + lane_h[i]);
            let shade = if i % 2 == 0 {
                RGBColor(244, 246, 248)
            } else {
                WHITE
            };
            root.draw(&Rectangle::new(
                [(0, y0 as i32), (width as i32, y1 as i32)],
                shade.filled(),
            ))
            .map_err(e)?;
            let label = truncate_to(&clean_text(name), label_w, 12.0);
            root.draw(&Text::new(
                label,
                (12, (y0 + 7.0 + ROW_H as f64 / 2.0) as i32),
                font(12.0).color(&BLACK).pos(left_mid),
            ))
            .map_err(e)?;
        }

        // Axis: ticks, grid lines, two label levels.
        let step = tick_step((hi - lo).num_days(), plot_w);
        let axis_y = (lanes_top - 2.0) as i32;
        root.draw(&PathElement::new(
            vec![(left as i32, axis_y), (right as i32, axis_y)],
            grey.stroke_width(1),
        ))
        .map_err(e)?;
        let mut last_upper = String::new();
        for t in ticks(lo, hi, step) {
            let x = xpos(t) as i32;
            root.draw(&PathElement::new(
                vec![(x, axis_y), (x, lanes_bottom as i32)],
                RGBColor(220, 220, 220).stroke_width(1),
            ))
            .map_err(e)?;
            let (lower, upper) = match step {
                Step::Days(_) => (t.format("%-d %b").to_string(), t.format("%Y").to_string()),
                Step::Months(m) if m < 12 => {
                    (t.format("%b").to_string(), t.format("%Y").to_string())
                }
                Step::Months(_) => (t.format("%Y").to_string(), String::new()),
            };
            root.draw(&Text::new(
                lower,
                (x, axis_y - 16),
                font(11.0).color(&grey).pos(center),
            ))
            .map_err(e)?;
            if !upper.is_empty() && upper != last_upper {
                root.draw(&Text::new(
                    upper.clone(),
                    (x, axis_y - 32),
                    font(11.0).color(&BLACK).pos(center),
                ))
                .map_err(e)?;
                last_upper = upper;
            }
        }

        // Connectors from source lane to target lane.
        for p in &placed {
            let Some(t) = &p.event.target else { continue };
            let Some(tl) = lane_of(&t.name) else { continue };
            if tl == p.lane {
                continue;
            }
            let x = ((p.x0 + p.x1) / 2.0) as i32;
            let ys = (lane_y[p.lane] + 7.0 + ROW_H as f64 / 2.0) as i32;
            let yt = (lane_y[tl] + 7.0 + ROW_H as f64 / 2.0) as i32;
            root.draw(&PathElement::new(
                vec![(x, ys), (x, yt)],
                quad_color(p.event.quad_class).mix(0.35).stroke_width(1),
            ))
            .map_err(e)?;
        }

        // Markers and labels.
        for p in &placed {
            let c = quad_color(p.event.quad_class);
            let row = p.row.unwrap_or(0);
            let y = (lane_y[p.lane] + 7.0 + ROW_H as f64 / 2.0 + row as f64 * ROW_H as f64) as i32;
            let ym = (lane_y[p.lane] + 7.0 + ROW_H as f64 / 2.0) as i32;
            let mx = ((p.x0 + p.x1) / 2.0) as i32;
            let r = (4.0 + 1.5 * (p.event.mentions.max(1) as f64).log2()).min(9.0) as i32;
            let exact = p.event.time.start == p.event.time.end;
            if !exact {
                root.draw(&Rectangle::new(
                    [
                        (p.x0 as i32, ym - 5),
                        ((p.x1 as i32).max(p.x0 as i32 + 2), ym + 5),
                    ],
                    c.mix(0.22).filled(),
                ))
                .map_err(e)?;
                root.draw(&Circle::new((mx, ym), r, c.stroke_width(2)))
                    .map_err(e)?;
            } else {
                root.draw(&Circle::new((mx, ym), r, c.filled()))
                    .map_err(e)?;
            }
            if p.event.modality != crate::model::Modality::Asserted {
                root.draw(&Circle::new((mx, ym), r + 3, c.mix(0.6).stroke_width(1)))
                    .map_err(e)?;
            }
            match (p.row, p.number) {
                (Some(_), _) => {
                    if row > 0 {
                        root.draw(&PathElement::new(
                            vec![(mx, ym), (mx, y)],
                            c.mix(0.5).stroke_width(1),
                        ))
                        .map_err(e)?;
                    }
                    let (lx, anchor) = if p.to_left {
                        (mx - r - 4, Pos::new(HPos::Right, VPos::Center))
                    } else {
                        (mx + r + 4, left_mid)
                    };
                    root.draw(&Text::new(
                        p.label.clone(),
                        (lx, y),
                        font(LABEL_PX).color(&BLACK).pos(anchor),
                    ))
                    .map_err(e)?;
                }
                (None, Some(n)) => {
                    root.draw(&Text::new(
                        format!("[{n}]"),
                        (mx + r + 2, ym - 9),
                        font(9.0).color(&grey).pos(left_mid),
                    ))
                    .map_err(e)?;
                }
                _ => {}
            }
        }

        // Legend.
        let mut x = 20;
        let ly = legend_y as i32;
        for (i, name) in QUAD_NAMES.iter().enumerate() {
            root.draw(&Circle::new(
                (x + 5, ly),
                5,
                quad_color(i as u8 + 1).filled(),
            ))
            .map_err(e)?;
            root.draw(&Text::new(
                name.to_string(),
                (x + 14, ly),
                font(11.0).color(&BLACK).pos(left_mid),
            ))
            .map_err(e)?;
            x += 28 + text_width(name, 11.0) as i32;
        }
        root.draw(&Circle::new((x + 5, ly), 5, grey.stroke_width(2)))
            .map_err(e)?;
        let hollow = "date known to a window only";
        root.draw(&Text::new(
            hollow,
            (x + 14, ly),
            font(11.0).color(&BLACK).pos(left_mid),
        ))
        .map_err(e)?;
        x += 28 + text_width(hollow, 11.0) as i32;
        root.draw(&Circle::new((x + 5, ly), 8, grey.stroke_width(1)))
            .map_err(e)?;
        root.draw(&Text::new(
            "ring: alleged, planned or denied",
            (x + 18, ly),
            font(11.0).color(&BLACK).pos(left_mid),
        ))
        .map_err(e)?;

        for (i, line) in footer.iter().enumerate() {
            let y = (legend_y + 24.0 + i as f64 * 16.0) as i32;
            root.draw(&Text::new(
                truncate_to(line, width - 40.0, 11.0),
                (20, y),
                font(11.0).color(&grey).pos(left_mid),
            ))
            .map_err(e)?;
        }
        root.present().map_err(e)?;
    }
    let desc = format!(
        "Timeline of {} events in {} lanes from {} to {}",
        dated.len(),
        lanes.len(),
        lo.format("%Y-%m-%d"),
        hi.format("%Y-%m-%d")
    );
    Ok(finish_svg(svg, &opts.title, &desc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn tick_steps_keep_labels_apart() {
        let cases = [
            (10, 1000.0, Step::Days(1)),
            (60, 1000.0, Step::Days(7)),
            (400, 1400.0, Step::Months(1)),
            (3650, 1000.0, Step::Months(12)),
        ];
        for (days, w, want) in cases {
            assert_eq!(tick_step(days, w), want, "{days} days");
        }
    }

    #[test]
    fn ticks_are_inside_and_ordered() {
        let t = ticks(d("2024-03-15"), d("2024-07-02"), Step::Months(1));
        assert_eq!(t.first(), Some(&d("2024-04-01")));
        assert_eq!(t.last(), Some(&d("2024-07-01")));
        assert!(t.windows(2).all(|w| w[0] < w[1]));
    }
}
