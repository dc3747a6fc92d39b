//! The relationship diagram: actors as labelled nodes sized by how many events touch them,
//! one directed edge per dyad coloured by mean Goldstein (conflict vermillion, cooperation
//! bluish green, neutral grey), thickened by count, bowed apart when reciprocal, with
//! arrowheads, edge labels that are dropped rather than overlapped, and a legend.

use super::layout::layout;
use super::{clean_text, finish_svg, text_width, truncate_to};
use crate::error::{Error, Result};
use crate::graph::EventGraph;
use crate::model::{ActorKind, Event};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;

/// Options of the relationship diagram.
#[derive(Debug, Clone)]
pub struct NetworkOptions {
    /// Chart title.
    pub title: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

const CONFLICT: RGBColor = RGBColor(213, 94, 0);
const COOPERATION: RGBColor = RGBColor(0, 158, 115);
const NEUTRAL: RGBColor = RGBColor(140, 140, 140);

fn kind_color(k: ActorKind) -> RGBColor {
    match k {
        ActorKind::State => RGBColor(0, 114, 178),
        ActorKind::Igo => RGBColor(86, 180, 233),
        ActorKind::NonState => RGBColor(204, 121, 167),
        ActorKind::Person => RGBColor(240, 228, 66),
        _ => RGBColor(170, 170, 170),
    }
}

fn edge_color(mean: f64) -> RGBColor {
    if mean <= -0.5 {
        CONFLICT
    } else if mean >= 0.5 {
        COOPERATION
    } else {
        NEUTRAL
    }
}

type Rect = (f64, f64, f64, f64);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Render the relationship diagram of `events` as an SVG string.
pub fn render(events: &[Event], opts: &NetworkOptions) -> Result<String> {
    // Only events between two actors make relations; actors with none are counted in a note.
    let related: Vec<Event> = events
        .iter()
        .filter(|e| e.target.as_ref().is_some_and(|t| t.key() != e.source.key()))
        .cloned()
        .collect();
    let all = EventGraph::from_events(events);
    let g = EventGraph::from_events(&related);
    let alone = all.graph.node_count() - g.graph.node_count();
    let (w, h) = (opts.width.max(400) as f64, opts.height.max(300) as f64);
    // Nodes ordered by degree (desc), then name: the layout's start and so deterministic.
    let mut nodes: Vec<_> = g.graph.node_indices().collect();
    nodes.sort_by(|&a, &b| {
        g.degree(b)
            .cmp(&g.degree(a))
            .then(g.graph[a].cmp(&g.graph[b]))
    });
    let pos_of: BTreeMap<_, usize> = nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let dyads = g.dyads();
    let edges: Vec<(usize, usize)> = dyads.keys().map(|(a, b)| (pos_of[a], pos_of[b])).collect();

    let top = 56.0;
    let bottom = 70.0;
    let (pw, ph) = (w - 160.0, h - top - bottom - 30.0);
    let radius: Vec<f64> = nodes
        .iter()
        .map(|&n| 6.0 + 4.0 * (g.degree(n) as f64).sqrt())
        .collect();
    let unit_r: Vec<f64> = radius.iter().map(|r| (r + 14.0) / pw.min(ph)).collect();
    let pos = layout(nodes.len(), &edges, &unit_r);
    let xy: Vec<(f64, f64)> = pos
        .iter()
        .map(|(x, y)| (80.0 + x * pw, top + 15.0 + y * ph))
        .collect();

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w as u32, h as u32)).into_drawing_area();
        let e = |err: DrawingAreaErrorKind<std::io::Error>| {
            Error::Invalid(format!("drawing graph: {err}"))
        };
        root.fill(&WHITE).map_err(e)?;
        let font = |px: f64| ("sans-serif", px).into_font();
        let center = Pos::new(HPos::Center, VPos::Center);
        root.draw(&Text::new(
            truncate_to(&clean_text(&opts.title), w - 40.0, 18.0),
            (20, 14),
            font(18.0).color(&BLACK),
        ))
        .map_err(e)?;

        let mut taken: Vec<Rect> = xy
            .iter()
            .zip(&radius)
            .map(|(&(x, y), r)| (x - r, y - r, x + r, y + r))
            .collect();
        let mut edge_labels: Vec<(String, f64, f64, RGBColor)> = Vec::new();

        for ((a, b), evs) in &dyads {
            let (i, j) = (pos_of[a], pos_of[b]);
            let (p, q) = (xy[i], xy[j]);
            let mean = evs.iter().map(|e| e.goldstein).sum::<f64>() / evs.len() as f64;
            let color = edge_color(mean);
            let width = (1.0 + (evs.len() as f64).log2()).round() as u32;
            let reciprocal = dyads.contains_key(&(*b, *a));
            let (dx, dy) = (q.0 - p.0, q.1 - p.1);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let (nx, ny) = (-dy / len, dx / len);
            let bow = if reciprocal {
                0.18 * len.min(200.0)
            } else {
                0.0
            };
            let ctrl = ((p.0 + q.0) / 2.0 + nx * bow, (p.1 + q.1) / 2.0 + ny * bow);
            let bez = |t: f64| {
                let u = 1.0 - t;
                (
                    u * u * p.0 + 2.0 * u * t * ctrl.0 + t * t * q.0,
                    u * u * p.1 + 2.0 * u * t * ctrl.1 + t * t * q.1,
                )
            };
            // Stop the curve at the target's rim so the arrowhead shows.
            let rt = radius[j] + 2.0;
            let mut t_end = 1.0;
            while t_end > 0.5 {
                let pt = bez(t_end);
                if ((pt.0 - q.0).powi(2) + (pt.1 - q.1).powi(2)).sqrt() >= rt {
                    break;
                }
                t_end -= 0.01;
            }
            let pts: Vec<(i32, i32)> = (0..=24)
                .map(|k| {
                    let pt = bez(t_end * k as f64 / 24.0);
                    (pt.0 as i32, pt.1 as i32)
                })
                .collect();
            root.draw(&PathElement::new(pts, color.mix(0.85).stroke_width(width)))
                .map_err(e)?;
            let tip = bez(t_end);
            let back = bez(t_end - 0.05);
            let (ax, ay) = (tip.0 - back.0, tip.1 - back.1);
            let al = (ax * ax + ay * ay).sqrt().max(1e-6);
            let (ux, uy) = (ax / al, ay / al);
            let size = 7.0 + width as f64;
            let arrow = vec![
                (tip.0 as i32, tip.1 as i32),
                (
                    (tip.0 - ux * size + uy * size * 0.5) as i32,
                    (tip.1 - uy * size - ux * size * 0.5) as i32,
                ),
                (
                    (tip.0 - ux * size - uy * size * 0.5) as i32,
                    (tip.1 - uy * size + ux * size * 0.5) as i32,
                ),
            ];
            root.draw(&Polygon::new(arrow, color.filled())).map_err(e)?;

            let mut types: BTreeMap<&str, usize> = BTreeMap::new();
            for ev in evs {
                *types.entry(ev.event_type.as_str()).or_default() += 1;
            }
            let (top_type, n) = types
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(t, n)| (*t, *n))
                .unwrap_or(("", 0));
            let label = if n > 1 {
                format!("{top_type} ×{n}")
            } else {
                top_type.to_string()
            };
            let label = if types.len() > 1 {
                format!("{label} +{}", evs.len() - n)
            } else {
                label
            };
            let mid = bez(0.5);
            edge_labels.push((label, mid.0, mid.1, color));
        }

        // Node discs.
        for (i, &n) in nodes.iter().enumerate() {
            let a = &g.graph[n];
            let (x, y) = xy[i];
            root.draw(&Circle::new(
                (x as i32, y as i32),
                radius[i] as i32,
                kind_color(a.kind).filled(),
            ))
            .map_err(e)?;
            root.draw(&Circle::new(
                (x as i32, y as i32),
                radius[i] as i32,
                RGBColor(40, 40, 40).stroke_width(1),
            ))
            .map_err(e)?;
        }

        // Node labels with a white halo, placed where they collide least.
        for (i, &n) in nodes.iter().enumerate() {
            let label = truncate_to(&clean_text(&g.graph[n].name), 170.0, 12.0);
            let lw = text_width(&label, 12.0) + 6.0;
            let (x, y) = xy[i];
            let r = radius[i];
            let candidates = [
                (x, y + r + 10.0),
                (x, y - r - 10.0),
                (x + r + lw / 2.0 + 4.0, y),
                (x - r - lw / 2.0 - 4.0, y),
            ];
            let rect = |c: (f64, f64)| (c.0 - lw / 2.0, c.1 - 8.0, c.0 + lw / 2.0, c.1 + 8.0);
            let best = candidates
                .iter()
                .copied()
                .min_by_key(|&c| {
                    let r = rect(c);
                    let hits = taken.iter().filter(|t| overlaps(**t, r)).count();
                    let outside = r.0 < 0.0 || r.2 > w || r.1 < top || r.3 > h - bottom;
                    hits * 10 + usize::from(outside) * 5
                })
                .expect("four candidates");
            let rr = rect(best);
            taken.push(rr);
            root.draw(&Rectangle::new(
                [(rr.0 as i32, rr.1 as i32), (rr.2 as i32, rr.3 as i32)],
                WHITE.mix(0.85).filled(),
            ))
            .map_err(e)?;
            root.draw(&Text::new(
                label,
                (best.0 as i32, best.1 as i32),
                font(12.0).color(&BLACK).pos(center),
            ))
            .map_err(e)?;
        }

        // Edge labels: placed at the midpoint, dropped on collision.
        for (label, x, y, color) in edge_labels {
            let lw = text_width(&label, 10.0) + 6.0;
            let r = (x - lw / 2.0, y - 7.0, x + lw / 2.0, y + 7.0);
            if taken.iter().any(|t| overlaps(*t, r)) {
                continue;
            }
            taken.push(r);
            root.draw(&Rectangle::new(
                [(r.0 as i32, r.1 as i32), (r.2 as i32, r.3 as i32)],
                WHITE.mix(0.9).filled(),
            ))
            .map_err(e)?;
            root.draw(&Text::new(
                clean_text(&label),
                (x as i32, y as i32),
                font(10.0).color(&color).pos(center),
            ))
            .map_err(e)?;
        }

        // Legend.
        let ly = (h - bottom + 20.0) as i32;
        let left_mid = Pos::new(HPos::Left, VPos::Center);
        let mut x = 20;
        for (name, c) in [
            ("conflict", CONFLICT),
            ("cooperation", COOPERATION),
            ("neutral", NEUTRAL),
        ] {
            root.draw(&PathElement::new(
                vec![(x, ly), (x + 24, ly)],
                c.stroke_width(3),
            ))
            .map_err(e)?;
            root.draw(&Text::new(
                name,
                (x + 30, ly),
                font(11.0).color(&BLACK).pos(left_mid),
            ))
            .map_err(e)?;
            x += 40 + text_width(name, 11.0) as i32;
        }
        x += 10;
        for (name, k) in [
            ("state", ActorKind::State),
            ("international org.", ActorKind::Igo),
            ("non-state group", ActorKind::NonState),
            ("person", ActorKind::Person),
            ("other", ActorKind::Other),
        ] {
            root.draw(&Circle::new((x + 6, ly), 6, kind_color(k).filled()))
                .map_err(e)?;
            root.draw(&Text::new(
                name,
                (x + 16, ly),
                font(11.0).color(&BLACK).pos(left_mid),
            ))
            .map_err(e)?;
            x += 30 + text_width(name, 11.0) as i32;
        }
        let note = format!(
            "{} actors, {} events between actors{}; edge width grows with the number of events, node size with events touching the actor",
            nodes.len(),
            related.len(),
            if alone > 0 {
                format!(" ({alone} actors with no counterpart not shown)")
            } else {
                String::new()
            }
        );
        root.draw(&Text::new(
            note,
            (20, ly + 24),
            font(11.0).color(&RGBColor(90, 90, 90)).pos(left_mid),
        ))
        .map_err(e)?;
        root.present().map_err(e)?;
    }
    let desc = format!(
        "Relationship diagram of {} actors and {} events",
        g.graph.node_count(),
        events.len()
    );
    Ok(finish_svg(svg, &opts.title, &desc))
}
