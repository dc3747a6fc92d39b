//! The relationship diagram: actors as nodes sized by √(events), coloured and shaped by kind;
//! one directed edge per dyad and valence (conflict vermillion, cooperation bluish green,
//! neutral grey), 1 + log2(count) wide, bowed apart when several join the same pair, with
//! arrowheads; node labels with a white halo that never overlap, edge labels ("summon
//! ambassador ×3") moved along the edge or dropped on collision; tooltips on every node and
//! edge listing its events. [`ego`] cuts the events down to an actor's neighbourhood.
//!
//! [`network_layout`] computes every position without drawing, so tests can check the label
//! boxes; [`render`] draws it with plotters and post-processes the SVG.

use super::layout::layout_in;
use super::post::Groups;
use super::timeline::{draw_shape, draw_text, sentinel};
use super::{
    Rect, Shape, cap, clean_text, date_label, finish_svg_with, text_width, truncate_to, type_label,
};
use crate::error::{Error, Result};
use crate::model::{Actor, ActorKind, Event};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Options of the relationship diagram.
#[derive(Debug, Clone)]
pub struct NetworkOptions {
    /// Chart title; empty: "Who did what to whom: N actors, M events".
    pub title: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Draw only this actor's neighbourhood (a name or code, any case; see [`ego`]).
    pub focus: Option<String>,
    /// With `focus`: how many steps away from it actors are kept.
    pub depth: usize,
    /// At most this many actors, the most active first; the rest are counted in a note.
    pub max_nodes: usize,
    /// At most this many edges, those with the most events first; the rest are counted in a
    /// note (their events still count in the node sizes).
    pub max_edges: usize,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            title: String::new(),
            width: 1000,
            height: 760,
            focus: None,
            depth: 1,
            max_nodes: 50,
            max_edges: 200,
        }
    }
}

/// Whether an actor answers to `name`: its canonical name, code or node key, ignoring case.
fn answers_to(a: &Actor, name: &str) -> bool {
    let n = name.trim().to_lowercase();
    !n.is_empty()
        && (a.name.to_lowercase() == n || a.code.to_lowercase() == n || a.key().to_lowercase() == n)
}

/// The ego network of `focus`: the events among actors at most `depth` steps (over events
/// between two actors, either direction) from any actor whose name or code is `focus`
/// (case-insensitive), plus those actors' events without a target. `None` when no actor
/// answers to `focus`.
pub fn ego(events: &[Event], focus: &str, depth: usize) -> Option<Vec<Event>> {
    let mut adj: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut seeds: BTreeSet<String> = BTreeSet::new();
    for e in events {
        for a in std::iter::once(&e.source).chain(e.target.as_ref()) {
            if answers_to(a, focus) {
                seeds.insert(a.key());
            }
        }
        if let Some(t) = &e.target {
            let (s, t) = (e.source.key(), t.key());
            if s != t {
                adj.entry(s.clone()).or_default().insert(t.clone());
                adj.entry(t).or_default().insert(s);
            }
        }
    }
    if seeds.is_empty() {
        return None;
    }
    let mut dist: BTreeMap<String, usize> = seeds.iter().map(|s| (s.clone(), 0)).collect();
    let mut queue: VecDeque<String> = seeds.into_iter().collect();
    while let Some(k) = queue.pop_front() {
        let d = dist[&k];
        if d >= depth {
            continue;
        }
        for n in adj.get(&k).into_iter().flatten() {
            if !dist.contains_key(n) {
                dist.insert(n.clone(), d + 1);
                queue.push_back(n.clone());
            }
        }
    }
    Some(
        events
            .iter()
            .filter(|e| {
                dist.contains_key(&e.source.key())
                    && e.target
                        .as_ref()
                        .is_none_or(|t| dist.contains_key(&t.key()))
            })
            .cloned()
            .collect(),
    )
}

/// Sign of the Goldstein score: what an edge aggregates besides its dyad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Valence {
    /// Goldstein below zero: vermillion.
    Conflict,
    /// Goldstein zero: grey.
    Neutral,
    /// Goldstein above zero: bluish green.
    Cooperation,
}

impl Valence {
    /// The valence of a Goldstein score.
    pub fn of(goldstein: f64) -> Valence {
        if goldstein < 0.0 {
            Valence::Conflict
        } else if goldstein > 0.0 {
            Valence::Cooperation
        } else {
            Valence::Neutral
        }
    }
    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Valence::Conflict => "conflict",
            Valence::Neutral => "neutral",
            Valence::Cooperation => "cooperation",
        }
    }
    fn color(self) -> RGBColor {
        match self {
            Valence::Conflict => RGBColor(213, 94, 0),
            Valence::Neutral => RGBColor(140, 140, 140),
            Valence::Cooperation => RGBColor(0, 158, 115),
        }
    }
    fn text_color(self) -> RGBColor {
        match self {
            Valence::Conflict => RGBColor(168, 64, 0),
            Valence::Neutral => RGBColor(85, 85, 85),
            Valence::Cooperation => RGBColor(0, 112, 80),
        }
    }
}

fn kind_style(k: ActorKind) -> (Shape, RGBColor, &'static str) {
    match k {
        ActorKind::State => (Shape::Circle, RGBColor(0, 114, 178), "state"),
        ActorKind::Igo => (Shape::Square, RGBColor(86, 180, 233), "international org."),
        ActorKind::Ngo => (Shape::Hexagon, RGBColor(230, 159, 0), "NGO"),
        ActorKind::NonState => (
            Shape::TriangleUp,
            RGBColor(204, 121, 167),
            "non-state group",
        ),
        ActorKind::Person => (Shape::Diamond, RGBColor(240, 228, 66), "person"),
        ActorKind::Media | ActorKind::Other => (Shape::Circle, RGBColor(170, 170, 170), "other"),
    }
}

/// One actor on the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The actor.
    pub actor: Actor,
    /// Events touching it (before any cut to `max_nodes`).
    pub events: usize,
    /// As source.
    pub out: usize,
    /// As target.
    pub inc: usize,
    /// Centre.
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// Radius.
    pub r: f64,
    /// Whether it is the focus of an ego view.
    pub focus: bool,
    /// Its label and box, unless dropped for lack of room.
    pub label: Option<(String, Rect)>,
}

/// One edge: the events of one dyad and valence.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Source node.
    pub from: usize,
    /// Target node.
    pub to: usize,
    /// Conflict, neutral or cooperation.
    pub valence: Valence,
    /// Indices of its events in the slice given to [`network_layout`] (after [`ego`]).
    pub events: Vec<usize>,
    /// Mean Goldstein score.
    pub mean: f64,
    /// Stroke width.
    pub width: u32,
    /// The curve, source rim to target rim.
    pub points: Vec<(f64, f64)>,
    /// The arrowhead triangle.
    pub arrow: [(f64, f64); 3],
    /// Its label and box, unless dropped on collision.
    pub label: Option<(String, Rect)>,
}

/// Everything the diagram draws, positioned.
#[derive(Debug, Clone)]
pub struct NetworkLayout {
    /// Canvas width.
    pub width: f64,
    /// Canvas height.
    pub height: f64,
    /// The title.
    pub title: String,
    /// The events drawn from (after the ego cut).
    pub events: Vec<Event>,
    /// Nodes, most active first.
    pub nodes: Vec<Node>,
    /// Edges, by (source, target, valence).
    pub edges: Vec<Edge>,
    /// Top of the legend.
    pub legend_y: f64,
    /// Lines of the note under the legend.
    pub notes: Vec<String>,
}

impl NetworkLayout {
    /// Every label box (node labels, then edge labels), for overlap checks.
    pub fn label_rects(&self) -> Vec<Rect> {
        self.nodes
            .iter()
            .filter_map(|n| n.label.as_ref().map(|l| l.1))
            .chain(
                self.edges
                    .iter()
                    .filter_map(|e| e.label.as_ref().map(|l| l.1)),
            )
            .collect()
    }
}

const NODE_PX: f64 = 12.0;
const EDGE_PX: f64 = 10.0;

/// Place nodes, edges and labels.
pub fn network_layout(events: &[Event], opts: &NetworkOptions) -> Result<NetworkLayout> {
    let events: Vec<Event> = match &opts.focus {
        Some(f) if !f.trim().is_empty() => ego(events, f, opts.depth).ok_or_else(|| {
            Error::Invalid(format!(
                "no actor named “{}” among the events",
                clean_text(f)
            ))
        })?,
        _ => events.to_vec(),
    };
    let (w, h) = (opts.width.max(400) as f64, opts.height.max(300) as f64);
    let related: Vec<usize> = (0..events.len())
        .filter(|&i| {
            let e = &events[i];
            e.target.as_ref().is_some_and(|t| t.key() != e.source.key())
        })
        .collect();

    // Actors by activity, then by name.
    let mut actors: BTreeMap<String, (Actor, usize, usize)> = BTreeMap::new();
    for &i in &related {
        let e = &events[i];
        let t = e.target.as_ref().expect("related");
        actors
            .entry(e.source.key())
            .or_insert((e.source.clone(), 0, 0))
            .1 += 1;
        actors.entry(t.key()).or_insert((t.clone(), 0, 0)).2 += 1;
    }
    let mut all_keys: BTreeSet<String> = BTreeSet::new();
    for e in &events {
        all_keys.insert(e.source.key());
        if let Some(t) = &e.target {
            all_keys.insert(t.key());
        }
    }
    let alone = all_keys.len() - actors.len();
    let mut order: Vec<(String, Actor, usize, usize)> = actors
        .into_iter()
        .map(|(k, (a, o, i))| (k, a, o, i))
        .collect();
    order.sort_by(|a, b| (b.2 + b.3).cmp(&(a.2 + a.3)).then(a.1.cmp(&b.1)));
    let cut = order.len().saturating_sub(opts.max_nodes.max(2));
    order.truncate(opts.max_nodes.max(2));
    let index: BTreeMap<String, usize> = order
        .iter()
        .enumerate()
        .map(|(i, o)| (o.0.clone(), i))
        .collect();
    let focus_key = opts.focus.as_deref().filter(|f| !f.trim().is_empty());

    // Edges per (source, target, valence).
    let mut groups: BTreeMap<(usize, usize, Valence), Vec<usize>> = BTreeMap::new();
    for &i in &related {
        let e = &events[i];
        let t = e.target.as_ref().expect("related");
        if let (Some(&a), Some(&b)) = (index.get(&e.source.key()), index.get(&t.key())) {
            groups
                .entry((a, b, Valence::of(e.goldstein)))
                .or_default()
                .push(i);
        }
    }
    // Past the edge cap, the edges with fewest events go (ties: later keys first).
    let mut edge_cut = 0;
    if groups.len() > opts.max_edges.max(1) {
        let mut by_count: Vec<((usize, usize, Valence), usize)> =
            groups.iter().map(|(k, v)| (*k, v.len())).collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, _) in by_count.split_off(opts.max_edges.max(1)) {
            groups.remove(&k);
            edge_cut += 1;
        }
    }
    let shown_events: usize = groups.values().map(Vec::len).sum();

    // Geometry: the plot area, node sizes, the layout.
    let title = if opts.title.trim().is_empty() {
        format!(
            "Who did what to whom: {} actors, {} events",
            order.len(),
            shown_events
        )
    } else {
        clean_text(&opts.title)
    };
    let (top, legend_h) = (64.0, 96.0);
    let (px0, px1) = (96.0, w - 96.0);
    let (py0, py1) = (top + 16.0, h - legend_h - 16.0);
    let (pw, ph) = (px1 - px0, (py1 - py0).max(80.0));
    // Radius 5 + k·√events: k = 4.5 unless the busiest node would then outgrow its share of
    // the area.
    let busiest = order.iter().map(|o| o.2 + o.3).max().unwrap_or(1).max(1) as f64;
    let r_max = (0.22 * (pw * ph / order.len().max(1) as f64).sqrt()).clamp(12.0, 32.0);
    let k = 4.5f64.min((r_max - 5.0) / busiest.sqrt());
    let radius: Vec<f64> = order
        .iter()
        .map(|o| 5.0 + k * ((o.2 + o.3) as f64).sqrt())
        .collect();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &(a, b, _) in groups.keys() {
        pairs.insert((a.min(b), a.max(b)));
    }
    let pair_list: Vec<(usize, usize)> = pairs.iter().copied().collect();
    let unit_r: Vec<f64> = radius.iter().map(|r| (r + 12.0) / pw.min(ph)).collect();
    let pos = layout_in(order.len(), &pair_list, &unit_r, pw / ph);
    let xy: Vec<(f64, f64)> = pos
        .iter()
        .map(|(x, y)| ((px0 + x * pw).round(), (py0 + y * ph).round()))
        .collect();

    // Edge curves: several edges on one pair bow apart; reciprocal ones to either side.
    let mut per_dir: BTreeMap<(usize, usize), Vec<Valence>> = BTreeMap::new();
    for &(a, b, v) in groups.keys() {
        per_dir.entry((a, b)).or_default().push(v);
    }
    let mut edges = Vec::with_capacity(groups.len());
    for ((a, b, v), evs) in &groups {
        let (a, b, v) = (*a, *b, *v);
        let (p, q) = (xy[a], xy[b]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (nx, ny) = (-dy / len, dx / len);
        let same = &per_dir[&(a, b)];
        let k = same.iter().position(|x| *x == v).unwrap_or(0) as f64;
        let reciprocal = per_dir.contains_key(&(b, a));
        let unit = 0.16 * len.min(260.0);
        let bow = if reciprocal {
            (k + 1.0) * unit
        } else {
            (k - (same.len() as f64 - 1.0) / 2.0) * unit * 1.2
        };
        let ctrl = ((p.0 + q.0) / 2.0 + nx * bow, (p.1 + q.1) / 2.0 + ny * bow);
        let bez = |t: f64| {
            let u = 1.0 - t;
            (
                u * u * p.0 + 2.0 * u * t * ctrl.0 + t * t * q.0,
                u * u * p.1 + 2.0 * u * t * ctrl.1 + t * t * q.1,
            )
        };
        let dist =
            |pt: (f64, f64), c: (f64, f64)| ((pt.0 - c.0).powi(2) + (pt.1 - c.1).powi(2)).sqrt();
        let mut t1 = 1.0;
        while t1 > 0.5 && dist(bez(t1), q) < radius[b] + 2.0 {
            t1 -= 0.005;
        }
        let mut t0 = 0.0;
        while t0 < 0.5 && dist(bez(t0), p) < radius[a] {
            t0 += 0.005;
        }
        let points: Vec<(f64, f64)> = (0..=24)
            .map(|k| bez(t0 + (t1 - t0) * k as f64 / 24.0))
            .collect();
        let count = evs.len();
        let width = (1.0 + (count as f64).log2()).round().max(1.0) as u32;
        let tip = bez(t1);
        let back = bez(t1 - 0.04);
        let (ax, ay) = (tip.0 - back.0, tip.1 - back.1);
        let al = (ax * ax + ay * ay).sqrt().max(1e-6);
        let (ux, uy) = (ax / al, ay / al);
        let size = 7.0 + width as f64 * 1.5;
        let arrow = [
            tip,
            (
                tip.0 - ux * size + uy * size * 0.45,
                tip.1 - uy * size - ux * size * 0.45,
            ),
            (
                tip.0 - ux * size - uy * size * 0.45,
                tip.1 - uy * size + ux * size * 0.45,
            ),
        ];
        let mean = evs.iter().map(|&i| events[i].goldstein).sum::<f64>() / count as f64;
        edges.push(Edge {
            from: a,
            to: b,
            valence: v,
            events: evs.clone(),
            mean,
            width,
            points,
            arrow,
            label: None,
        });
    }

    // Node labels, most active actor first: never over another label, preferably over no
    // node; dropped when there is no such place.
    let bounds = Rect::new(4.0, top, w - 4.0, h - legend_h);
    let discs: Vec<Rect> = xy
        .iter()
        .zip(&radius)
        .map(|(&(x, y), r)| Rect::new(x - r, y - r, x + r, y + r))
        .collect();
    let edge_boxes: Vec<Rect> = edges
        .iter()
        .map(|e| {
            let (mut b, pad) = (
                Rect::new(f64::MAX, f64::MAX, f64::MIN, f64::MIN),
                e.width as f64,
            );
            for &(x, y) in e.points.iter().chain(e.arrow.iter()) {
                b = Rect::new(
                    b.x0.min(x - pad),
                    b.y0.min(y - pad),
                    b.x1.max(x + pad),
                    b.y1.max(y + pad),
                );
            }
            b
        })
        .collect();
    // How many edges pass through a rectangle (sampled every few pixels along each curve).
    let crossing = |r: &Rect| -> usize {
        edges
            .iter()
            .zip(&edge_boxes)
            .filter(|(e, b)| {
                b.overlaps(r)
                    && e.points
                        .iter()
                        .chain(std::iter::once(&e.arrow[0]))
                        .collect::<Vec<_>>()
                        .windows(2)
                        .any(|s| {
                            let (p, q) = (*s[0], *s[1]);
                            let steps = ((q.0 - p.0).abs().max((q.1 - p.1).abs()) / 3.0)
                                .ceil()
                                .max(1.0) as usize;
                            (0..=steps).any(|k| {
                                let t = k as f64 / steps as f64;
                                let (x, y) = (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
                                x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1
                            })
                        })
            })
            .count()
    };
    let mut labels: Vec<Rect> = Vec::new();
    let mut node_labels: Vec<Option<(String, Rect)>> = vec![None; order.len()];
    for (i, o) in order.iter().enumerate() {
        let text = truncate_to(&clean_text(&o.1.name), 170.0, NODE_PX);
        let lw = text_width(&text, NODE_PX) + 2.0;
        let lh = 15.0;
        let (x, y) = xy[i];
        let r = radius[i];
        // Score: nodes covered weigh most, then edges crossed, then distance from the node.
        let mut best: Option<(usize, Rect)> = None;
        for (ring, far) in [1.0, 1.8, 2.8].into_iter().enumerate() {
            let g = 3.0 + (far - 1.0) * 8.0;
            let cands = [
                (x - lw / 2.0, y + r + g),
                (x - lw / 2.0, y - r - g - lh),
                (x + r + g, y - lh / 2.0),
                (x - r - g - lw, y - lh / 2.0),
                (x + r * 0.7 + g, y + r * 0.7 + g * 0.5),
                (x - r * 0.7 - g - lw, y + r * 0.7 + g * 0.5),
                (x + r * 0.7 + g, y - r * 0.7 - g * 0.5 - lh),
                (x - r * 0.7 - g - lw, y - r * 0.7 - g * 0.5 - lh),
            ];
            for (cx, cy) in cands {
                let rect = Rect::new(cx, cy, cx + lw, cy + lh);
                if !(rect.x0 >= bounds.x0
                    && rect.x1 <= bounds.x1
                    && rect.y0 >= bounds.y0
                    && rect.y1 <= bounds.y1)
                {
                    continue;
                }
                if labels.iter().any(|l| l.overlaps(&rect)) {
                    continue;
                }
                let hits = discs
                    .iter()
                    .filter(|d| d.overlaps(&rect))
                    .count()
                    .saturating_sub(usize::from(ring > 0 && discs[i].overlaps(&rect)));
                let score = hits * 100 + crossing(&rect) * 10 + ring * 3;
                if best.as_ref().is_none_or(|b| score < b.0) {
                    best = Some((score, rect));
                }
            }
            if best.as_ref().is_some_and(|b| b.0 < 10 * (ring + 1)) {
                break;
            }
        }
        if let Some((_, rect)) = best {
            labels.push(rect);
            node_labels[i] = Some((text, rect));
        }
    }

    // Edge labels: the main type and count, at the midpoint or moved along the curve.
    for edge in edges.iter_mut() {
        let mut types: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &edge.events {
            *types.entry(events[i].event_type.as_str()).or_default() += 1;
        }
        let (top_type, n) = types
            .iter()
            .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
            .map(|(t, n)| (*t, *n))
            .unwrap_or(("", 0));
        let mut text = type_label(&clean_text(top_type));
        if n > 1 {
            text.push_str(&format!(" ×{n}"));
        }
        if edge.events.len() > n {
            text.push_str(&format!(" +{}", edge.events.len() - n));
        }
        let text = truncate_to(&text, 160.0, EDGE_PX);
        let lw = text_width(&text, EDGE_PX) + 2.0;
        let lh = 13.0;
        for k in [12usize, 9, 15, 7, 17] {
            let (x, y) = edge.points[k];
            let rect = Rect::new(x - lw / 2.0, y - lh / 2.0, x + lw / 2.0, y + lh / 2.0);
            if !(rect.x0 >= bounds.x0
                && rect.x1 <= bounds.x1
                && rect.y0 >= bounds.y0
                && rect.y1 <= bounds.y1)
            {
                continue;
            }
            if labels.iter().any(|l| l.overlaps(&rect)) || discs.iter().any(|d| d.overlaps(&rect)) {
                continue;
            }
            labels.push(rect);
            edge.label = Some((text, rect));
            break;
        }
    }

    let nodes: Vec<Node> = order
        .into_iter()
        .enumerate()
        .map(|(i, (_, actor, out, inc))| Node {
            focus: focus_key.is_some_and(|f| answers_to(&actor, f)),
            actor,
            events: out + inc,
            out,
            inc,
            x: xy[i].0,
            y: xy[i].1,
            r: radius[i],
            label: node_labels[i].take(),
        })
        .collect();
    let dropped_node_labels = nodes.iter().filter(|n| n.label.is_none()).count();
    let mut notes = vec![format!(
        "{} actors, {} events between actors; edge width grows with the number of events (1 + log2 n), node area with the events touching the actor.",
        nodes.len(),
        shown_events
    )];
    let mut missing = Vec::new();
    if let Some(f) = focus_key {
        missing.push(format!(
            "actors within {} step{} of “{}”",
            opts.depth,
            if opts.depth == 1 { "" } else { "s" },
            cap(f, 60)
        ));
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if cut > 0 {
        missing.push(format!(
            "{} not shown",
            plural(cut, "less active actor", "less active actors")
        ));
    }
    if edge_cut > 0 {
        missing.push(format!(
            "{} with the fewest events not shown",
            plural(edge_cut, "edge", "edges")
        ));
    }
    if alone > 0 {
        missing.push(format!(
            "{} not shown",
            plural(
                alone,
                "actor without a counterpart",
                "actors without a counterpart"
            )
        ));
    }
    if dropped_node_labels > 0 {
        missing.push(format!(
            "{} left off for room (hover a node)",
            plural(dropped_node_labels, "name", "names")
        ));
    }
    if !missing.is_empty() {
        let mut s = missing.join("; ");
        if let Some(c) = s.get(..1) {
            s = c.to_uppercase() + &s[1..];
        }
        notes.push(s + ".");
    }
    Ok(NetworkLayout {
        width: w,
        height: h,
        title,
        events,
        nodes,
        edges,
        legend_y: h - legend_h + 22.0,
        notes,
    })
}

/// The tooltip of an edge: dyad, count, mean Goldstein, then its events (at most 25).
fn edge_tooltip(lay: &NetworkLayout, e: &Edge) -> String {
    let (a, b) = (&lay.nodes[e.from].actor, &lay.nodes[e.to].actor);
    let mut s = format!(
        "{} → {}: {} {} event{}, mean Goldstein {:+.1}",
        cap(&a.name, 100),
        cap(&b.name, 100),
        e.events.len(),
        e.valence.name(),
        if e.events.len() == 1 { "" } else { "s" },
        e.mean
    );
    let mut evs: Vec<&Event> = e.events.iter().map(|&i| &lay.events[i]).collect();
    evs.sort_by(|x, y| x.time.start.cmp(&y.time.start).then(x.id.cmp(&y.id)));
    for ev in evs.iter().take(25) {
        s.push_str(&format!(
            "\n{} {} — “{}” ({})",
            date_label(ev),
            type_label(&cap(&ev.event_type, 60)),
            cap(&ev.trigger, 60),
            cap(&ev.doc_id, 80)
        ));
    }
    if evs.len() > 25 {
        s.push_str(&format!("\n… and {} more", evs.len() - 25));
    }
    s
}

/// Render the relationship diagram of `events` as an SVG string.
pub fn render(events: &[Event], opts: &NetworkOptions) -> Result<String> {
    let lay = network_layout(events, opts)?;
    let (w, h) = (lay.width, lay.height);
    let mut groups = Groups::new();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w as u32, h as u32)).into_drawing_area();
        let e = |err: DrawingAreaErrorKind<std::io::Error>| {
            Error::Invalid(format!("drawing graph: {err}"))
        };
        let left_mid = Pos::new(HPos::Left, VPos::Center);
        let center = Pos::new(HPos::Center, VPos::Center);
        let pt = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
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

        // Many edges are drawn lighter, so that crossings stay legible.
        let alpha = (0.85 * (60.0 / lay.edges.len().max(1) as f64).sqrt()).clamp(0.35, 0.85);
        for (k, edge) in lay.edges.iter().enumerate() {
            let color = edge.valence.color();
            let open = groups.open(&format!("gr-e{k}"), "edge", &[], &edge_tooltip(&lay, edge));
            sentinel(&root, &open).map_err(e)?;
            let pts: Vec<(i32, i32)> = edge.points.iter().map(|&p| pt(p)).collect();
            root.draw(&PathElement::new(
                pts,
                color.mix(alpha).stroke_width(edge.width),
            ))
            .map_err(e)?;
            root.draw(&Polygon::new(
                edge.arrow.iter().map(|&p| pt(p)).collect::<Vec<_>>(),
                color.filled(),
            ))
            .map_err(e)?;
            sentinel(&root, Groups::CLOSE).map_err(e)?;
        }

        for (k, n) in lay.nodes.iter().enumerate() {
            let (shape, color, kind) = kind_style(n.actor.kind);
            let tip = format!(
                "{} ({}{}): {} events, {} as source, {} as target",
                cap(&n.actor.name, 120),
                if n.actor.code.is_empty() {
                    String::new()
                } else {
                    format!("{}, ", cap(&n.actor.code, 20))
                },
                kind,
                n.events,
                n.out,
                n.inc
            );
            let open = groups.open(
                &format!("gr-n{k}"),
                if n.focus { "node focus" } else { "node" },
                &[],
                &tip,
            );
            sentinel(&root, &open).map_err(e)?;
            let outline = if n.focus {
                (BLACK.to_rgba(), 3)
            } else {
                (RGBColor(40, 40, 40).to_rgba(), 1)
            };
            draw_shape(
                &root,
                shape,
                (n.x, n.y),
                n.r,
                Some(color.to_rgba()),
                Some(outline),
            )
            .map_err(e)?;
            sentinel(&root, Groups::CLOSE).map_err(e)?;
        }

        // Labels with a white halo: stroke painted under the fill.
        let halo = [
            ("stroke", "#ffffff"),
            ("stroke-width", "3"),
            ("stroke-linejoin", "round"),
            ("paint-order", "stroke"),
        ];
        let open = groups.open("", "labels", &halo, "");
        sentinel(&root, &open).map_err(e)?;
        for n in &lay.nodes {
            if let Some((text, r)) = &n.label {
                draw_text(
                    &root,
                    text,
                    ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0),
                    NODE_PX,
                    &BLACK,
                    center,
                )
                .map_err(e)?;
            }
        }
        for edge in &lay.edges {
            if let Some((text, r)) = &edge.label {
                draw_text(
                    &root,
                    text,
                    ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0),
                    EDGE_PX,
                    &edge.valence.text_color(),
                    center,
                )
                .map_err(e)?;
            }
        }
        sentinel(&root, Groups::CLOSE).map_err(e)?;

        // Legend.
        let ly = lay.legend_y;
        let mut x = 20.0;
        for v in [Valence::Conflict, Valence::Cooperation, Valence::Neutral] {
            root.draw(&PathElement::new(
                vec![pt((x, ly)), pt((x + 24.0, ly))],
                v.color().stroke_width(3),
            ))
            .map_err(e)?;
            draw_text(&root, v.name(), (x + 30.0, ly), 11.0, &BLACK, left_mid).map_err(e)?;
            x += 44.0 + text_width(v.name(), 11.0);
        }
        x += 8.0;
        for k in [
            ActorKind::State,
            ActorKind::Igo,
            ActorKind::Ngo,
            ActorKind::NonState,
            ActorKind::Person,
            ActorKind::Other,
        ] {
            let (shape, color, name) = kind_style(k);
            if x + 40.0 + text_width(name, 11.0) > w - 10.0 {
                break;
            }
            draw_shape(
                &root,
                shape,
                (x + 6.0, ly),
                5.5,
                Some(color.to_rgba()),
                Some((RGBColor(40, 40, 40).to_rgba(), 1)),
            )
            .map_err(e)?;
            draw_text(&root, name, (x + 16.0, ly), 11.0, &BLACK, left_mid).map_err(e)?;
            x += 30.0 + text_width(name, 11.0);
        }
        for (k, note) in lay.notes.iter().enumerate() {
            draw_text(
                &root,
                &truncate_to(note, w - 40.0, 11.0),
                (20.0, ly + 24.0 + 16.0 * k as f64),
                11.0,
                &RGBColor(90, 90, 90),
                left_mid,
            )
            .map_err(e)?;
        }
        root.present().map_err(e)?;
    }
    let desc = format!(
        "Relationship diagram of {} actors and {} edges; arrows point from the actor to the target, colour gives conflict or cooperation.",
        lay.nodes.len(),
        lay.edges.len()
    );
    Ok(finish_svg_with(groups.apply(&svg), &lay.title, &desc, "gr"))
}

#[cfg(test)]
mod tests {
    use super::super::{first_overlap, synthetic};
    use super::*;

    /// Events between named actors: (source, target, Goldstein).
    fn evs(rows: &[(&str, &str, f64)]) -> Vec<Event> {
        let proto = synthetic::events(1, 2, 1).remove(0);
        rows.iter()
            .enumerate()
            .map(|(k, &(s, t, g))| {
                let mut e = proto.clone();
                e.id = format!("d-{k}");
                e.source.name = s.into();
                e.source.code = s.to_uppercase();
                let tgt = e.target.as_mut().unwrap();
                tgt.name = t.into();
                tgt.code = t.to_uppercase();
                e.goldstein = g;
                e
            })
            .collect()
    }

    #[test]
    fn ego_keeps_the_neighbourhood() {
        let chain = evs(&[
            ("A", "B", -2.0),
            ("B", "C", -2.0),
            ("C", "D", -2.0),
            ("E", "F", 1.0),
        ]);
        let names = |v: Vec<Event>| {
            let mut n: Vec<String> = v
                .iter()
                .flat_map(|e| {
                    [
                        e.source.name.clone(),
                        e.target.as_ref().unwrap().name.clone(),
                    ]
                })
                .collect();
            n.sort();
            n.dedup();
            n
        };
        assert_eq!(names(ego(&chain, "b", 1).unwrap()), vec!["A", "B", "C"]);
        assert_eq!(names(ego(&chain, "A", 2).unwrap()), vec!["A", "B", "C"]);
        assert_eq!(
            names(ego(&chain, "a", 3).unwrap()),
            vec!["A", "B", "C", "D"]
        );
        assert_eq!(ego(&chain, "B", 0).unwrap().len(), 0);
        assert!(ego(&chain, "Nobody", 2).is_none());
        let o = NetworkOptions {
            focus: Some("Nobody".into()),
            ..Default::default()
        };
        assert!(render(&chain, &o).is_err());
        let o = NetworkOptions {
            focus: Some("c".into()),
            ..Default::default()
        };
        let lay = network_layout(&chain, &o).unwrap();
        assert_eq!(lay.nodes.len(), 3);
        assert_eq!(lay.nodes.iter().filter(|n| n.focus).count(), 1);
    }

    #[test]
    fn edges_split_by_valence_and_bow_apart() {
        let e = evs(&[
            ("A", "B", -2.0),
            ("A", "B", -5.0),
            ("A", "B", -2.0),
            ("A", "B", -2.0),
            ("A", "B", 3.0),
            ("B", "A", -2.0),
            ("B", "C", 0.0),
        ]);
        let lay = network_layout(&e, &NetworkOptions::default()).unwrap();
        assert_eq!(lay.edges.len(), 4);
        let ab_conflict = lay
            .edges
            .iter()
            .find(|x| x.valence == Valence::Conflict && x.events.len() == 4)
            .unwrap();
        assert_eq!(ab_conflict.width, 3);
        assert!((ab_conflict.mean + 2.75).abs() < 1e-9);
        // The three edges between A and B have distinct midpoints.
        let mids: Vec<(i64, i64)> = lay
            .edges
            .iter()
            .filter(|x| lay.nodes[x.from].actor.name != "C" && lay.nodes[x.to].actor.name != "C")
            .map(|x| (x.points[12].0 as i64, x.points[12].1 as i64))
            .collect();
        assert_eq!(mids.len(), 3);
        assert!(
            mids[0] != mids[1] && mids[1] != mids[2] && mids[0] != mids[2],
            "{mids:?}"
        );
        let svg = render(&e, &NetworkOptions::default()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let tips: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("edge"))
            .map(|n| n.first_element_child().unwrap().text().unwrap())
            .collect();
        assert_eq!(tips.len(), 4);
        assert!(
            tips.iter()
                .any(|t| t.starts_with("A → B: 4 conflict events") && t.lines().count() == 5)
        );
    }

    #[test]
    fn labels_never_overlap() {
        for (n, actors, max_nodes) in [
            (3, 3, 60),
            (40, 12, 60),
            (600, 60, 60),
            (5000, 300, 60),
            (5000, 300, 150),
        ] {
            let e = synthetic::events(n, actors, 21);
            let o = NetworkOptions {
                max_nodes,
                ..Default::default()
            };
            let lay = network_layout(&e, &o).unwrap();
            let rects = lay.label_rects();
            assert_eq!(first_overlap(&rects), None, "{n} events");
            assert!(rects.iter().all(|r| r.inside(lay.width, lay.height)));
            assert!(lay.nodes.len() <= max_nodes);
        }
    }

    #[test]
    fn hostile_names_survive_as_text() {
        let e = evs(&[
            ("<script>alert(1)</script>", "\"Quoted\" & 'single'", -2.0),
            ("مجلس الأمن\u{202E}", "🚀 Rocket\u{1}", 2.0),
        ]);
        let svg = render(&e, &NetworkOptions::default()).unwrap();
        let doc = roxmltree::Document::parse(&svg).expect("valid XML");
        assert!(
            doc.descendants()
                .all(|n| !n.has_tag_name("script") && !n.has_tag_name("foreignObject"))
        );
        assert!(!svg.contains("href"));
        let texts: String = doc.descendants().filter_map(|n| n.text()).collect();
        for want in [
            "<script>alert(1)</script>",
            "\"Quoted\" & 'single'",
            "مجلس الأمن",
            "🚀 Rocket",
        ] {
            assert!(texts.contains(want), "{want}");
        }
    }

    #[test]
    fn output_is_byte_identical_across_runs() {
        let e = synthetic::events(500, 50, 9);
        let o = NetworkOptions::default();
        assert_eq!(render(&e, &o).unwrap(), render(&e, &o).unwrap());
    }

    #[test]
    fn no_events_still_draws() {
        let svg = render(&[], &NetworkOptions::default()).unwrap();
        roxmltree::Document::parse(&svg).expect("valid XML");
    }
}
