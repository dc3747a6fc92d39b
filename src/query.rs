//! Questions asked of the event graph, shared by the `query` subcommand and the renderers'
//! filters: [`who`] (every counterpart of an actor), [`between`] (a dyad's history),
//! [`path`] (the shortest chain of interactions), [`top`] (the most active or central
//! actors) and [`events`] (the filtered list). Names given by users are matched like the
//! extractor matches them ([`resolve`]).

use crate::actors::{DocActors, skeleton};
use crate::export::csv::EventRow;
use crate::graph::{EventEdge, EventGraph};
use crate::lexicon::Lexicon;
use crate::model::{Actor, Event, Modality};
use chrono::{Datelike, NaiveDate};
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use thiserror::Error;

/// What can go wrong when asking a question.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// A name that matches no actor of the graph.
    #[error("no actor named {name:?}{}", suggestion.as_ref().map(|s| format!("; did you mean {s:?}?")).unwrap_or_else(|| " in these events".into()))]
    UnknownActor {
        /// The name as given.
        name: String,
        /// The closest actor name, if any is close.
        suggestion: Option<String>,
    },
    /// A name that is no country of the lexicon.
    #[error(
        "no country named {0:?}; give an ISO 3166 alpha-3 code (RUS) or a name (Russia, Russian, Moscow)"
    )]
    UnknownCountry(String),
    /// An event type that is neither a taxonomy name, a CAMEO code nor a quad class.
    #[error(
        "--type {0:?} is not an event type, CAMEO root (e.g. 11), CAMEO code (114) or quad class (q1–q4)"
    )]
    UnknownType(String),
}

impl From<QueryError> for crate::Error {
    fn from(e: QueryError) -> Self {
        crate::Error::Invalid(e.to_string())
    }
}

/// Filters common to every query and to the renderers. Empty lists accept everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Earliest day (inclusive) the event may reach.
    pub from: Option<NaiveDate>,
    /// Latest day (inclusive) the event may start.
    pub to: Option<NaiveDate>,
    /// Event types: taxonomy names, CAMEO roots (`11`) or codes (`114`), quad classes (`q3`).
    pub types: Vec<String>,
    /// Keys of actors ([`Actor::key`]) of which the source or target must be one.
    pub actors: BTreeSet<String>,
    /// ISO3 codes of which the source's or target's country must be one.
    pub countries: BTreeSet<String>,
    /// Accepted modalities.
    pub modalities: Vec<Modality>,
    /// Fewest reports merged into the event.
    pub min_mentions: u32,
}

impl Filter {
    /// Whether an event passes.
    pub fn accepts(&self, e: &Event) -> bool {
        if let (Some(from), Some(end)) = (self.from, e.time.end) {
            if end < from {
                return false;
            }
        }
        if let (Some(to), Some(start)) = (self.to, e.time.start) {
            if start > to {
                return false;
            }
        }
        if (self.from.is_some() || self.to.is_some()) && !e.time.is_known() {
            return false;
        }
        if e.mentions < self.min_mentions {
            return false;
        }
        if !self.modalities.is_empty() && !self.modalities.contains(&e.modality) {
            return false;
        }
        let actors = || std::iter::once(&e.source).chain(e.target.as_ref());
        if !self.actors.is_empty() && !actors().any(|a| self.actors.contains(&a.key())) {
            return false;
        }
        if !self.countries.is_empty() && !actors().any(|a| self.countries.contains(&a.country)) {
            return false;
        }
        self.types.is_empty() || self.types.iter().any(|t| type_matches(t, e))
    }
}

fn is_cameo(t: &str) -> bool {
    (2..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
}

fn type_matches(t: &str, e: &Event) -> bool {
    t == e.event_type
        || (is_cameo(t) && e.cameo.starts_with(t))
        || t.strip_prefix('q').and_then(|q| q.parse::<u8>().ok()) == Some(e.quad_class)
}

/// Check a `--type` value against the taxonomy: a type name, a CAMEO root `01`–`20`, a
/// CAMEO code that begins some type's code, or a quad class `q1`–`q4`.
pub fn check_type(t: &str, lex: &Lexicon) -> Result<(), QueryError> {
    let ok = lex.event_type(t).is_some()
        || matches!(t, "q1" | "q2" | "q3" | "q4")
        || (is_cameo(t) && t.len() == 2 && (1..=20).contains(&t.parse::<u8>().unwrap_or(0)))
        || (is_cameo(t) && lex.types.values().any(|i| i.cameo.starts_with(t)));
    if ok {
        Ok(())
    } else {
        Err(QueryError::UnknownType(t.to_string()))
    }
}

/// Normalize a user-given name for matching: case, apostrophes, a possessive `'s`, a
/// leading "the", repeated spaces.
fn norm(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    let lower = s.to_lowercase().replace(['’', '\''], "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// The ISO3 code of a country given by code or by any of its names, adjectives, capitals or
/// seats of government.
pub fn resolve_country(lex: &Lexicon, name: &str) -> Result<String, QueryError> {
    let n = norm(name);
    lex.countries
        .iter()
        .find(|c| {
            norm(&c.iso3) == n
                || std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .chain(&c.adjectives)
                    .chain(&c.capitals)
                    .chain(&c.metonyms)
                    .any(|f| norm(f) == n)
        })
        .map(|c| c.iso3.clone())
        .ok_or_else(|| QueryError::UnknownCountry(name.to_string()))
}

/// The actors the extractor would find in `text`, tried as written and in title case.
fn recognize(lex: &Lexicon, text: &str) -> Vec<Actor> {
    let title: String = text
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    for t in [text.trim().to_string(), title] {
        let mut doc = DocActors::new(lex, None, &t);
        let found: Vec<Actor> = crate::text::sentences(&t, &[])
            .iter()
            .flat_map(|s| doc.mentions(lex, &t, s))
            .filter(|m| !m.weak)
            .map(|m| m.actor)
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The actors a user-given name refers to, tried in turn until one step finds some:
/// 1. an actor's name or code, ignoring case;
/// 2. a lexicon form (country name, alias, adjective, capital, seat of government;
///    organization name, alias or code; person name or alias) → the actor it stands for
///    (for a country: its government, else all of its actors);
/// 3. what the extractor recognizes in the name ("Tajik foreign ministry" → Tajikistan);
/// 4. a transliteration of a person's full name or surname (Grigoriev → Semyon Grigoryev;
///    names of one word are left to "did you mean").
pub fn resolve_name<'a>(g: &'a EventGraph, lex: &Lexicon, name: &str) -> Vec<&'a Actor> {
    let n = norm(name);
    if n.is_empty() {
        return Vec::new();
    }
    let actors = g.actors();
    let direct: Vec<&Actor> = actors
        .iter()
        .copied()
        .filter(|a| norm(&a.name) == n || norm(&a.code) == n)
        .collect();
    if !direct.is_empty() {
        return direct;
    }
    // Lexicon forms: names and codes wanted, and countries.
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut codes: BTreeSet<String> = BTreeSet::new();
    let mut isos: BTreeSet<String> = BTreeSet::new();
    for p in &lex.people {
        if std::iter::once(&p.name)
            .chain(&p.aliases)
            .any(|f| norm(f) == n)
        {
            names.insert(p.name.clone());
        }
    }
    for o in &lex.organizations {
        if norm(&o.code) == n
            || std::iter::once(&o.name)
                .chain(&o.aliases)
                .any(|f| norm(f) == n)
        {
            names.insert(o.name.clone());
            codes.insert(o.code.clone());
        }
    }
    if let Ok(iso) = resolve_country(lex, name) {
        isos.insert(iso);
    }
    let by_lexicon = |names: &BTreeSet<String>, codes: &BTreeSet<String>| -> Vec<&'a Actor> {
        g.actors()
            .into_iter()
            .filter(|a| names.contains(&a.name) || codes.contains(&a.code))
            .collect()
    };
    let found = by_lexicon(&names, &codes);
    if !found.is_empty() {
        return found;
    }
    let found = country_actors(g, lex, &isos);
    if !found.is_empty() {
        return found;
    }
    // What the extractor finds in the name.
    let recognized = recognize(lex, name);
    let keys: BTreeSet<String> = recognized.iter().map(Actor::key).collect();
    let found: Vec<&Actor> = actors
        .iter()
        .copied()
        .filter(|a| keys.contains(&a.key()))
        .collect();
    if !found.is_empty() {
        return found;
    }
    let codes: BTreeSet<String> = recognized.iter().map(|a| a.code.clone()).collect();
    let found: Vec<&Actor> = actors
        .iter()
        .copied()
        .filter(|a| codes.contains(&a.code))
        .collect();
    if !found.is_empty() {
        return found;
    }
    let isos: BTreeSet<String> = recognized.iter().map(|a| a.country.clone()).collect();
    let found = country_actors(g, lex, &isos);
    if !found.is_empty() {
        return found;
    }
    // Transliterations of a full name or of a surname.
    let sk = skeleton(name);
    if sk.len() >= 4 {
        let one_word = name.split_whitespace().count() == 1;
        return actors
            .into_iter()
            .filter(|a| {
                a.name.split_whitespace().count() > 1
                    && if one_word {
                        a.name.split_whitespace().last().map(skeleton) == Some(sk.clone())
                    } else {
                        skeleton(&a.name) == sk
                    }
            })
            .collect();
    }
    Vec::new()
}

/// The actors standing for these countries: the government (or the country itself at the
/// country level) when present, else every actor of the country.
fn country_actors<'a>(g: &'a EventGraph, lex: &Lexicon, isos: &BTreeSet<String>) -> Vec<&'a Actor> {
    let mut out = Vec::new();
    for iso in isos.iter().filter(|i| !i.is_empty()) {
        let cname = lex.country(iso).map(|c| c.name.as_str()).unwrap_or("");
        let of_country: Vec<&Actor> = g
            .actors()
            .into_iter()
            .filter(|a| &a.country == iso)
            .collect();
        let gov: Vec<&Actor> = of_country
            .iter()
            .copied()
            .filter(|a| a.name == cname || a.code == *iso || a.code == format!("{iso}GOV"))
            .collect();
        out.extend(if gov.is_empty() { of_country } else { gov });
    }
    out.sort();
    out.dedup();
    out
}

/// The actors a name refers to ([`resolve_name`]), or an error that suggests the closest
/// name.
pub fn resolve<'a>(
    g: &'a EventGraph,
    lex: &Lexicon,
    name: &str,
) -> Result<Vec<&'a Actor>, QueryError> {
    let found = resolve_name(g, lex, name);
    if found.is_empty() {
        return Err(QueryError::UnknownActor {
            name: name.to_string(),
            suggestion: suggest(g, lex, name),
        });
    }
    Ok(found)
}

/// The closest actor name (or country form of an actor's country) to an unknown one, for
/// "did you mean".
pub fn suggest(g: &EventGraph, lex: &Lexicon, name: &str) -> Option<String> {
    let n = norm(name);
    let mut forms: BTreeSet<String> = BTreeSet::new();
    let mut isos: BTreeSet<&str> = BTreeSet::new();
    for a in g.graph.node_weights() {
        forms.insert(a.name.clone());
        isos.insert(&a.country);
    }
    for iso in isos {
        if let Some(c) = lex.country(iso) {
            forms.extend(
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .chain(&c.capitals)
                    .cloned(),
            );
        }
    }
    forms
        .into_iter()
        .map(|f| (edit_distance(&norm(&f), &n), f))
        .min()
        .filter(|(d, _)| *d <= 3.max(n.chars().count() / 3))
        .map(|(_, s)| s)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Chronological order: earliest possible day (undated last), then latest day, then id.
pub fn chronological(a: &Event, b: &Event) -> Ordering {
    let k = |e: &Event| (e.time.start.is_none(), e.time.start, e.time.end);
    k(a).cmp(&k(b))
        .then_with(|| a.id.cmp(&b.id))
        .then_with(|| a.source.cmp(&b.source))
}

fn nodes_of(g: &EventGraph, actors: &[&Actor]) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = actors.iter().filter_map(|a| g.find(&a.key())).collect();
    v.sort_by(|a, b| g.graph[*a].cmp(&g.graph[*b]));
    v.dedup();
    v
}

/// Every accepted edge touching `n`, out then in, self-loops once, with the other end.
fn incident<'a>(
    g: &'a EventGraph,
    n: NodeIndex,
    filter: &Filter,
) -> impl Iterator<Item = (EdgeIndex, NodeIndex, bool, &'a EventEdge)> {
    let out = g
        .graph
        .edges_directed(n, Direction::Outgoing)
        .map(|e| (e.id(), e.target(), true, e.weight()));
    let inc = g
        .graph
        .edges_directed(n, Direction::Incoming)
        .filter(|e| e.source() != e.target())
        .map(|e| (e.id(), e.source(), false, e.weight()));
    out.chain(inc)
        .filter(|(_, _, _, e)| filter.accepts(&e.event))
}

/// The events of a filter, chronologically.
pub fn events<'a>(g: &'a EventGraph, filter: &Filter) -> Vec<&'a EventEdge> {
    let mut v: Vec<&EventEdge> = g
        .edges()
        .into_iter()
        .filter(|e| filter.accepts(&e.event))
        .collect();
    sort_chronologically(&mut v);
    v
}

/// Sort edges by [`chronological`], comparing precomputed day numbers first.
fn sort_chronologically(v: &mut [&EventEdge]) {
    // Undated starts last, undated ends first: the order of `Option` in `chronological`.
    let day = |d: Option<NaiveDate>, none: i32| d.map_or(none, |d| d.num_days_from_ce());
    let mut keyed: Vec<(i32, i32, &EventEdge)> = v
        .iter()
        .map(|e| {
            let t = &e.event.time;
            (day(t.start, i32::MAX), day(t.end, i32::MIN), *e)
        })
        .collect();
    keyed.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| chronological(&a.2.event, &b.2.event))
    });
    for (slot, (_, _, e)) in v.iter_mut().zip(keyed) {
        *slot = e;
    }
}

/// One counterpart of the queried actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Counterpart {
    /// Counterpart name.
    pub actor: String,
    /// Counterpart code.
    pub code: String,
    /// Counterpart country (ISO3).
    pub country: String,
    /// Events from the queried actor to the counterpart.
    pub outgoing: usize,
    /// Events from the counterpart to the queried actor.
    pub incoming: usize,
    /// Events either way.
    pub events: usize,
    /// Reports of those events (merged events count each report).
    pub mentions: u32,
    /// First day of any event between them.
    pub first: String,
    /// Last day of any event between them.
    pub last: String,
    /// Events of quad classes 1–2 (verbal and material cooperation).
    pub cooperation: usize,
    /// Events of quad classes 3–4 (verbal and material conflict).
    pub conflict: usize,
    /// Sum of Goldstein scores (negative = conflict).
    pub sum_goldstein: f64,
    /// Mean Goldstein score.
    pub mean_goldstein: f64,
    /// Event types with counts, most frequent first ("summon_ambassador×2").
    pub types: String,
}

fn round2(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Earliest start and latest end of some events.
fn span_of<'a>(evs: impl Iterator<Item = &'a Event>) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut first: Option<NaiveDate> = None;
    let mut last: Option<NaiveDate> = None;
    for e in evs {
        first = match (first, e.time.start) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        last = match (last, e.time.end) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
    }
    (first, last)
}

/// Every counterpart of the actors in `who` (as a group: events among them are left out),
/// sorted by events either way (most first), then name.
pub fn who(g: &EventGraph, who: &[&Actor], filter: &Filter) -> Vec<Counterpart> {
    let nodes = nodes_of(g, who);
    let mine: HashSet<NodeIndex> = nodes.iter().copied().collect();
    #[derive(Default)]
    struct Acc<'a> {
        out: usize,
        inc: usize,
        events: Vec<&'a Event>,
    }
    let mut acc: BTreeMap<NodeIndex, Acc> = BTreeMap::new();
    for &n in &nodes {
        for (_, other, outgoing, e) in incident(g, n, filter) {
            if mine.contains(&other) {
                continue;
            }
            let a = acc.entry(other).or_default();
            if outgoing {
                a.out += 1;
            } else {
                a.inc += 1;
            }
            a.events.push(&e.event);
        }
    }
    let mut out: Vec<Counterpart> = acc
        .into_iter()
        .map(|(other, a)| {
            let actor = &g.graph[other];
            let mut types: BTreeMap<&str, usize> = BTreeMap::new();
            for e in &a.events {
                *types.entry(&e.event_type).or_default() += 1;
            }
            let mut types: Vec<(&str, usize)> = types.into_iter().collect();
            types.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
            let n = a.events.len();
            let sum: f64 = a.events.iter().map(|e| e.goldstein).sum();
            let (first, last) = span_of(a.events.iter().copied());
            Counterpart {
                actor: actor.name.clone(),
                code: actor.code.clone(),
                country: actor.country.clone(),
                outgoing: a.out,
                incoming: a.inc,
                events: n,
                mentions: a.events.iter().map(|e| e.mentions.max(1)).sum(),
                first: first.map(|d| d.to_string()).unwrap_or_default(),
                last: last.map(|d| d.to_string()).unwrap_or_default(),
                cooperation: a.events.iter().filter(|e| e.quad_class <= 2).count(),
                conflict: a.events.iter().filter(|e| e.quad_class >= 3).count(),
                sum_goldstein: round2(sum),
                mean_goldstein: round2(sum / n as f64),
                types: types
                    .iter()
                    .map(|(t, c)| {
                        if *c > 1 {
                            format!("{t}×{c}")
                        } else {
                            t.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.actor.cmp(&b.actor))
            .then_with(|| a.code.cmp(&b.code))
    });
    out
}

/// The history of a dyad: every event from an actor of `a` to one of `b` or back,
/// chronologically.
pub fn between<'a>(
    g: &'a EventGraph,
    a: &[&Actor],
    b: &[&Actor],
    filter: &Filter,
) -> Vec<&'a EventEdge> {
    let theirs: HashSet<NodeIndex> = nodes_of(g, b).into_iter().collect();
    let mut seen: HashSet<EdgeIndex> = HashSet::new();
    let mut out: Vec<&EventEdge> = Vec::new();
    for n in nodes_of(g, a) {
        for (id, other, _, e) in incident(g, n, filter) {
            if other != n && theirs.contains(&other) && seen.insert(id) {
                out.push(e);
            }
        }
    }
    sort_chronologically(&mut out);
    out
}

/// One link of a chain: two actors and the events between them (both ways).
#[derive(Debug, Clone)]
pub struct Hop<'a> {
    /// The actor nearer the start.
    pub from: &'a Actor,
    /// The actor nearer the end.
    pub to: &'a Actor,
    /// Their events, chronologically.
    pub events: Vec<&'a EventEdge>,
}

/// The shortest chain of interactions between two actors.
#[derive(Debug, Clone)]
pub struct Chain<'a> {
    /// The actors along the chain, from start to end.
    pub actors: Vec<&'a Actor>,
    /// The links, one fewer than the actors.
    pub hops: Vec<Hop<'a>>,
}

/// The shortest chain of interactions (events either way, self-loops ignored) linking an
/// actor of `a` to one of `b`: breadth-first, neighbours in name order, so the same graph
/// always gives the same chain. `None` when no chain links them.
pub fn path<'a>(
    g: &'a EventGraph,
    a: &[&Actor],
    b: &[&Actor],
    filter: &Filter,
) -> Option<Chain<'a>> {
    let starts = nodes_of(g, a);
    let goals: HashSet<NodeIndex> = nodes_of(g, b).into_iter().collect();
    let mut parent: HashMap<NodeIndex, Option<NodeIndex>> = HashMap::new();
    let mut queue: VecDeque<NodeIndex> = VecDeque::new();
    let mut end = None;
    for &s in &starts {
        parent.insert(s, None);
        queue.push_back(s);
        if goals.contains(&s) && end.is_none() {
            end = Some(s);
        }
    }
    while end.is_none() {
        let Some(v) = queue.pop_front() else { break };
        let mut next: Vec<NodeIndex> = incident(g, v, filter)
            .map(|(_, o, _, _)| o)
            .filter(|o| *o != v && !parent.contains_key(o))
            .collect();
        next.sort_by(|x, y| g.graph[*x].cmp(&g.graph[*y]));
        next.dedup();
        for w in next {
            parent.insert(w, Some(v));
            if goals.contains(&w) {
                end = Some(w);
                break;
            }
            queue.push_back(w);
        }
    }
    let mut nodes = vec![end?];
    while let Some(Some(p)) = parent.get(nodes.last().expect("non-empty")) {
        nodes.push(*p);
    }
    nodes.reverse();
    let hops = nodes
        .windows(2)
        .map(|w| {
            let (x, y) = (&g.graph[w[0]], &g.graph[w[1]]);
            Hop {
                from: x,
                to: y,
                events: between(g, &[x], &[y], filter),
            }
        })
        .collect();
    Some(Chain {
        actors: nodes.iter().map(|&n| &g.graph[n]).collect(),
        hops,
    })
}

/// What [`top`] ranks actors by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rank {
    /// Number of distinct counterparts.
    Degree,
    /// Number of events the actor took part in.
    #[default]
    Events,
    /// Number of conflict events (quad classes 3–4).
    Conflict,
    /// Number of cooperation events (quad classes 1–2).
    Cooperation,
    /// Betweenness centrality: how often the actor lies on shortest chains between others.
    Betweenness,
}

/// How [`top`] ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopOptions {
    /// The measure.
    pub by: Rank,
    /// How many actors (0 = all).
    pub limit: usize,
    /// Always compute betweenness exactly, however large the graph.
    pub exact: bool,
}

/// One actor of the ranking.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopRow {
    /// Rank, from 1.
    pub rank: usize,
    /// Actor name.
    pub actor: String,
    /// Actor code.
    pub code: String,
    /// Actor country (ISO3).
    pub country: String,
    /// Distinct counterparts.
    pub degree: usize,
    /// Events the actor took part in (as source or target).
    pub events: usize,
    /// Reports of those events.
    pub mentions: u32,
    /// Events of quad classes 1–2.
    pub cooperation: usize,
    /// Events of quad classes 3–4.
    pub conflict: usize,
    /// Sum of Goldstein scores.
    pub sum_goldstein: f64,
    /// Normalized betweenness (0–1), computed only when ranking by it.
    pub betweenness: Option<f64>,
}

/// The ranking and how betweenness was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Top {
    /// The actors, best first.
    pub rows: Vec<TopRow>,
    /// When betweenness was estimated: (pivots used, actors linked).
    pub sampled: Option<(usize, usize)>,
}

/// Above this many steps (actors × (actors + 2 × links)) betweenness is estimated from
/// evenly spread pivots instead of every actor (about 50 ms on two cores).
pub const BETWEENNESS_BUDGET: usize = 12_000_000;

/// The most active or central actors over the accepted events, ties broken by name.
pub fn top(g: &EventGraph, opts: &TopOptions, filter: &Filter) -> Top {
    #[derive(Default, Clone)]
    struct Acc {
        events: usize,
        mentions: u32,
        coop: usize,
        conf: usize,
        gold: f64,
    }
    let bound = g.graph.node_bound();
    let mut acc: Vec<Acc> = vec![Acc::default(); bound];
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for e in (&g.graph).edge_references() {
        let ev = &e.weight().event;
        if !filter.accepts(ev) {
            continue;
        }
        let (s, t) = (e.source().index(), e.target().index());
        let ends: &[usize] = if s == t { &[s] } else { &[s, t] };
        for &n in ends {
            let a = &mut acc[n];
            a.events += 1;
            a.mentions += ev.mentions.max(1);
            a.gold += ev.goldstein;
            if ev.quad_class <= 2 {
                a.coop += 1;
            } else {
                a.conf += 1;
            }
        }
        if s != t {
            pairs.push((s.min(t) as u32, s.max(t) as u32));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut degree = vec![0usize; bound];
    for &(s, t) in &pairs {
        degree[s as usize] += 1;
        degree[t as usize] += 1;
    }
    let mut sampled = None;
    let mut between: Vec<Option<f64>> = vec![None; bound];
    if opts.by == Rank::Betweenness {
        // Dense ids over linked actors, in name order (so pivots do not depend on input order).
        let mut linked: Vec<NodeIndex> = g
            .graph
            .node_indices()
            .filter(|n| degree[n.index()] > 0)
            .collect();
        linked.sort_by(|a, b| g.graph[*a].cmp(&g.graph[*b]));
        let mut dense = vec![u32::MAX; bound];
        for (i, n) in linked.iter().enumerate() {
            dense[n.index()] = i as u32;
        }
        let n = linked.len();
        let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
        for &(s, t) in &pairs {
            let (s, t) = (dense[s as usize], dense[t as usize]);
            adj[s as usize].push(t);
            adj[t as usize].push(s);
        }
        for l in &mut adj {
            l.sort_unstable();
        }
        let per_source = n + 2 * pairs.len();
        let pivots: Option<Vec<usize>> = if opts.exact || n * per_source <= BETWEENNESS_BUDGET {
            None
        } else {
            let k = (BETWEENNESS_BUDGET / per_source.max(1)).clamp(16, n);
            sampled = Some((k, n));
            Some((0..k).map(|i| i * n / k).collect())
        };
        let cb = betweenness(&adj, pivots.as_deref());
        let norm = if n > 2 {
            ((n - 1) * (n - 2)) as f64 / 2.0
        } else {
            1.0
        };
        for (i, node) in linked.iter().enumerate() {
            between[node.index()] = Some((cb[i] / norm * 10_000.0).round() / 10_000.0);
        }
    }
    let mut rows: Vec<(NodeIndex, TopRow)> = g
        .graph
        .node_indices()
        .filter(|n| acc[n.index()].events > 0)
        .map(|n| {
            let a = &acc[n.index()];
            let actor = &g.graph[n];
            (
                n,
                TopRow {
                    rank: 0,
                    actor: actor.name.clone(),
                    code: actor.code.clone(),
                    country: actor.country.clone(),
                    degree: degree[n.index()],
                    events: a.events,
                    mentions: a.mentions,
                    cooperation: a.coop,
                    conflict: a.conf,
                    sum_goldstein: round2(a.gold),
                    betweenness: between[n.index()].or(if opts.by == Rank::Betweenness {
                        Some(0.0)
                    } else {
                        None
                    }),
                },
            )
        })
        .collect();
    let measure = |r: &TopRow| -> f64 {
        match opts.by {
            Rank::Degree => r.degree as f64,
            Rank::Events => r.events as f64,
            Rank::Conflict => r.conflict as f64,
            Rank::Cooperation => r.cooperation as f64,
            Rank::Betweenness => r.betweenness.unwrap_or(0.0),
        }
    };
    rows.sort_by(|(na, a), (nb, b)| {
        measure(b)
            .total_cmp(&measure(a))
            .then_with(|| b.events.cmp(&a.events))
            .then_with(|| g.graph[*na].cmp(&g.graph[*nb]))
    });
    if opts.limit > 0 {
        rows.truncate(opts.limit);
    }
    Top {
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, (_, mut r))| {
                r.rank = i + 1;
                r
            })
            .collect(),
        sampled,
    }
}

/// Betweenness centrality of an undirected, unweighted graph given as adjacency lists
/// (Brandes 2001): for each node, the sum over pairs of other nodes of the share of their
/// shortest paths that pass through it, each unordered pair counted once. With `sources`,
/// only shortest paths from those nodes are followed and the sums are scaled by
/// n / |sources| (Brandes & Pich 2007), an unbiased estimate. Large runs are spread over the
/// available cores in a fixed number of chunks summed in order, so the result does not
/// depend on the number of cores.
pub fn betweenness(adj: &[Vec<u32>], sources: Option<&[usize]>) -> Vec<f64> {
    const CHUNKS: usize = 8;
    let n = adj.len();
    // Compressed adjacency: neighbours of v are nbr[off[v]..off[v + 1]].
    let mut off: Vec<usize> = Vec::with_capacity(n + 1);
    off.push(0);
    for l in adj {
        off.push(off[off.len() - 1] + l.len());
    }
    let nbr: Vec<u32> = adj.iter().flatten().copied().collect();
    let all: Vec<usize>;
    let sources = match sources {
        Some(s) => s,
        None => {
            all = (0..n).collect();
            &all
        }
    };
    if sources.is_empty() {
        return vec![0.0; n];
    }
    let work = sources.len() * (n + nbr.len());
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .min(CHUNKS);
    let chunk = sources.len().div_ceil(CHUNKS);
    let parts: Vec<&[usize]> = sources.chunks(chunk).collect();
    let partials: Vec<Vec<f64>> = if threads > 1 && work > 4_000_000 {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let slots: Vec<std::sync::Mutex<Vec<f64>>> = parts
            .iter()
            .map(|_| std::sync::Mutex::new(Vec::new()))
            .collect();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(part) = parts.get(i) else { break };
                        let cb = brandes(&off, &nbr, part);
                        *slots[i].lock().expect("no panics while held") = cb;
                    }
                });
            }
        });
        slots
            .into_iter()
            .map(|m| m.into_inner().expect("no panics while held"))
            .collect()
    } else {
        parts.iter().map(|p| brandes(&off, &nbr, p)).collect()
    };
    let scale = n as f64 / sources.len() as f64 / 2.0;
    let mut cb = vec![0.0f64; n];
    for p in partials {
        for (c, x) in cb.iter_mut().zip(p) {
            *c += x;
        }
    }
    cb.into_iter().map(|c| c * scale).collect()
}

/// Brandes' accumulation from each of `sources` over a compressed adjacency.
fn brandes(off: &[usize], nbr: &[u32], sources: &[usize]) -> Vec<f64> {
    let n = off.len() - 1;
    let mut cb = vec![0.0f64; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    for &s in sources {
        order.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let dv = dist[v] + 1;
            let sv = sigma[v];
            for &w in &nbr[off[v]..off[v + 1]] {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dv;
                    order.push(w as u32);
                }
                if dist[w] == dv {
                    sigma[w] += sv;
                }
            }
        }
        // `order` is non-decreasing in distance: walk it backwards to accumulate.
        for &w in order.iter().rev() {
            let w = w as usize;
            let dw = dist[w];
            let coef = (1.0 + delta[w]) / sigma[w];
            for &v in &nbr[off[w]..off[w + 1]] {
                let v = v as usize;
                if dist[v].wrapping_add(1) == dw {
                    delta[v] += sigma[v] * coef;
                }
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
        for &v in &order {
            let v = v as usize;
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            delta[v] = 0.0;
        }
    }
    cb
}

/// An event for programs: the events CSV columns plus every reporting article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EdgeRow {
    /// The contract's columns.
    #[serde(flatten)]
    pub event: EventRow,
    /// Ids of the articles that reported it, earliest first.
    pub doc_ids: Vec<String>,
    /// The article whose sentence is the evidence (`span_start`/`span_end` point into it).
    pub evidence_doc_id: String,
}

impl EdgeRow {
    /// The row of an edge.
    pub fn from_edge(e: &EventEdge) -> Self {
        EdgeRow {
            event: EventRow::from_event(&e.event),
            doc_ids: e.doc_ids.clone(),
            evidence_doc_id: e.evidence_doc_id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, DateBasis, Precision, Span, TimeValue};

    #[test]
    fn edit_distance_table() {
        for (a, b, d) in [
            ("russia", "rusia", 1),
            ("", "abc", 3),
            ("tajikistan", "tajikistan", 0),
        ] {
            assert_eq!(edit_distance(a, b), d);
        }
    }

    fn actor(name: &str, code: &str) -> Actor {
        Actor {
            name: name.into(),
            code: code.into(),
            country: code.get(..3).unwrap_or("").into(),
            kind: ActorKind::State,
        }
    }

    /// A hand-built graph with known answers (dates in April 2024):
    ///
    /// ```text
    /// TJK ─summon(1), protest(1)→ RUS ─criticize(3)→ TJK     RUS ─expel(10)→ CZE
    /// CZE ─consult(12)→ DEU      DEU ─visit(20)→ FRA           IRN ─attack(5)→ (none)
    /// ```
    fn graph() -> EventGraph {
        let mut evs = Vec::new();
        type Row<'a> = (
            &'a str,
            &'a str,
            Option<(&'a str, &'a str)>,
            &'a str,
            &'a str,
            u8,
            f64,
            u32,
        );
        let rows: &[Row] = &[
            (
                "Tajikistan",
                "TJKGOV",
                Some(("Russia", "RUSGOV")),
                "summon_ambassador",
                "114",
                3,
                -2.0,
                3,
            ),
            (
                "Tajikistan",
                "TJKGOV",
                Some(("Russia", "RUSGOV")),
                "protest_officially",
                "114",
                3,
                -2.0,
                1,
            ),
            (
                "Russia",
                "RUSGOV",
                Some(("Tajikistan", "TJKGOV")),
                "criticize",
                "111",
                3,
                -2.0,
                1,
            ),
            (
                "Russia",
                "RUSGOV",
                Some(("Czech Republic", "CZEGOV")),
                "expel_diplomats",
                "161",
                4,
                -4.0,
                2,
            ),
            (
                "Czech Republic",
                "CZEGOV",
                Some(("Germany", "DEUGOV")),
                "consult",
                "040",
                1,
                1.0,
                1,
            ),
            (
                "Germany",
                "DEUGOV",
                Some(("France", "FRAGOV")),
                "visit",
                "042",
                1,
                1.9,
                1,
            ),
            ("Iran", "IRNGOV", None, "attack", "180", 4, -9.0, 1),
        ];
        let days = [1, 1, 3, 10, 12, 20, 5];
        for (i, (s, sc, t, ty, cameo, quad, gold, mentions)) in rows.iter().enumerate() {
            let d = NaiveDate::from_ymd_opt(2024, 4, days[i]).unwrap();
            evs.push(Event {
                id: format!("e{i}"),
                time: TimeValue {
                    value: d.to_string(),
                    start: Some(d),
                    end: Some(d),
                    precision: Precision::Day,
                    basis: DateBasis::Explicit,
                    text: String::new(),
                },
                source: actor(s, sc),
                target: t.map(|(n, c)| actor(n, c)),
                event_type: ty.to_string(),
                cameo: cameo.to_string(),
                plover: String::new(),
                quad_class: *quad,
                goldstein: *gold,
                modality: if i == 2 {
                    Modality::Alleged
                } else {
                    Modality::Asserted
                },
                doc_id: format!("d{i}"),
                doc_date: Some(d),
                trigger: String::new(),
                pattern: String::new(),
                threatened: String::new(),
                evidence: String::new(),
                span: Span::default(),
                confidence: 0.8,
                mentions: *mentions,
            });
        }
        EventGraph::from_events(&evs)
    }

    fn one<'a>(g: &'a EventGraph, name: &str) -> Vec<&'a Actor> {
        resolve(g, Lexicon::embedded(), name).unwrap()
    }

    #[test]
    fn names_resolve_like_the_extractor() {
        let g = graph();
        let lex = Lexicon::embedded();
        for (name, want) in [
            ("Tajikistan", "Tajikistan"),
            ("tajikistan", "Tajikistan"),
            ("TJKGOV", "Tajikistan"),
            ("Dushanbe", "Tajikistan"),
            ("Tajik", "Tajikistan"),
            ("the Kremlin", "Russia"),
            ("Russian Federation", "Russia"),
            ("Russia's", "Russia"),
            ("Tajik foreign ministry", "Tajikistan"),
            ("Czechia", "Czech Republic"),
        ] {
            let got: Vec<&str> = resolve_name(&g, lex, name)
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            assert_eq!(got, [want], "{name}");
        }
        let err = resolve(&g, lex, "Tajikstan").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no actor named \"Tajikstan\"; did you mean \"Tajikistan\"?"
        );
        let err = resolve(&g, lex, "Atlantis").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no actor named \"Atlantis\" in these events"
        );
    }

    #[test]
    fn who_table() {
        let g = graph();
        let rus = one(&g, "Russia");
        let rows = who(&g, &rus, &Filter::default());
        let got: Vec<(&str, usize, usize, u32, &str, &str, f64)> = rows
            .iter()
            .map(|r| {
                (
                    r.actor.as_str(),
                    r.outgoing,
                    r.incoming,
                    r.mentions,
                    r.first.as_str(),
                    r.last.as_str(),
                    r.sum_goldstein,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Tajikistan", 1, 2, 5, "2024-04-01", "2024-04-03", -6.0),
                ("Czech Republic", 1, 0, 2, "2024-04-10", "2024-04-10", -4.0),
            ]
        );
        assert_eq!(
            rows[0].types,
            "criticize, protest_officially, summon_ambassador"
        );
        assert_eq!(rows[0].conflict, 3);
        // Filters: only asserted events, only material conflict, at least 2 reports.
        let cases: &[(Filter, usize)] = &[
            (
                Filter {
                    modalities: vec![Modality::Asserted],
                    ..Filter::default()
                },
                3,
            ),
            (
                Filter {
                    types: vec!["q4".into()],
                    ..Filter::default()
                },
                1,
            ),
            (
                Filter {
                    min_mentions: 2,
                    ..Filter::default()
                },
                2,
            ),
            (
                Filter {
                    from: NaiveDate::from_ymd_opt(2024, 4, 2),
                    ..Filter::default()
                },
                2,
            ),
            (
                Filter {
                    countries: ["CZE".to_string()].into(),
                    ..Filter::default()
                },
                1,
            ),
        ];
        for (f, events) in cases {
            let n: usize = who(&g, &rus, f).iter().map(|r| r.events).sum();
            assert_eq!(n, *events, "{f:?}");
        }
    }

    #[test]
    fn between_is_chronological_both_ways() {
        let g = graph();
        let evs = between(
            &g,
            &one(&g, "Tajikistan"),
            &one(&g, "Russia"),
            &Filter::default(),
        );
        let ids: Vec<&str> = evs.iter().map(|e| e.event.id.as_str()).collect();
        assert_eq!(ids, ["e0", "e1", "e2"]);
        assert!(
            between(
                &g,
                &one(&g, "Tajikistan"),
                &one(&g, "France"),
                &Filter::default()
            )
            .is_empty()
        );
    }

    #[test]
    fn path_table() {
        let g = graph();
        let cases: &[(&str, &str, Option<&[&str]>)] = &[
            (
                "Tajikistan",
                "France",
                Some(&[
                    "Tajikistan",
                    "Russia",
                    "Czech Republic",
                    "Germany",
                    "France",
                ]),
            ),
            (
                "France",
                "Tajikistan",
                Some(&[
                    "France",
                    "Germany",
                    "Czech Republic",
                    "Russia",
                    "Tajikistan",
                ]),
            ),
            (
                "Russia",
                "Czech Republic",
                Some(&["Russia", "Czech Republic"]),
            ),
            ("Russia", "Russia", Some(&["Russia"])),
            ("Tajikistan", "Iran", None),
        ];
        for (a, b, want) in cases {
            let got = path(&g, &one(&g, a), &one(&g, b), &Filter::default());
            let names = got
                .as_ref()
                .map(|c| c.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>());
            assert_eq!(names.as_deref(), *want, "{a} → {b}");
        }
        let c = path(
            &g,
            &one(&g, "Tajikistan"),
            &one(&g, "Czech Republic"),
            &Filter::default(),
        )
        .unwrap();
        assert_eq!(c.hops.len(), 2);
        assert_eq!(c.hops[0].events.len(), 3);
        assert_eq!(c.hops[1].events[0].event.event_type, "expel_diplomats");
        // Without conflict events the chain breaks.
        let f = Filter {
            types: vec!["q1".into(), "q2".into()],
            ..Filter::default()
        };
        assert!(path(&g, &one(&g, "Tajikistan"), &one(&g, "France"), &f).is_none());
    }

    #[test]
    fn top_table() {
        let g = graph();
        let cases: &[(Rank, &[(&str, f64)])] = &[
            (
                Rank::Events,
                &[
                    ("Russia", 4.0),
                    ("Tajikistan", 3.0),
                    ("Czech Republic", 2.0),
                ],
            ),
            (
                Rank::Degree,
                &[("Russia", 2.0), ("Czech Republic", 2.0), ("Germany", 2.0)],
            ),
            (
                Rank::Conflict,
                &[
                    ("Russia", 4.0),
                    ("Tajikistan", 3.0),
                    ("Czech Republic", 1.0),
                ],
            ),
            (
                Rank::Cooperation,
                &[("Germany", 2.0), ("Czech Republic", 1.0), ("France", 1.0)],
            ),
            // Path TJK–RUS–CZE–DEU–FRA: CZE lies on 4 of the 6 pairs of others, RUS and DEU
            // on 3 (ties go to the busier actor).
            (
                Rank::Betweenness,
                &[
                    ("Czech Republic", 0.6667),
                    ("Russia", 0.5),
                    ("Germany", 0.5),
                ],
            ),
        ];
        for (by, want) in cases {
            let t = top(
                &g,
                &TopOptions {
                    by: *by,
                    limit: 3,
                    exact: false,
                },
                &Filter::default(),
            );
            let got: Vec<(&str, f64)> = t
                .rows
                .iter()
                .map(|r| {
                    let v = match by {
                        Rank::Events => r.events as f64,
                        Rank::Degree => r.degree as f64,
                        Rank::Conflict => r.conflict as f64,
                        Rank::Cooperation => r.cooperation as f64,
                        Rank::Betweenness => r.betweenness.unwrap(),
                    };
                    (r.actor.as_str(), v)
                })
                .collect();
            assert_eq!(&got, want, "{by:?}");
        }
    }

    #[test]
    fn betweenness_table() {
        // (adjacency, expected raw betweenness)
        let cases: Vec<(Vec<Vec<u32>>, Vec<f64>)> = vec![
            // path a–b–c
            (vec![vec![1], vec![0, 2], vec![1]], vec![0.0, 1.0, 0.0]),
            // star: centre 0 with four leaves
            (
                vec![vec![1, 2, 3, 4], vec![0], vec![0], vec![0], vec![0]],
                vec![6.0, 0.0, 0.0, 0.0, 0.0],
            ),
            // square a–b–c–d–a: each node carries half of one pair
            (
                vec![vec![1, 3], vec![0, 2], vec![1, 3], vec![0, 2]],
                vec![0.5, 0.5, 0.5, 0.5],
            ),
            // two components
            (vec![vec![1], vec![0], vec![]], vec![0.0, 0.0, 0.0]),
        ];
        for (adj, want) in cases {
            assert_eq!(betweenness(&adj, None), want, "{adj:?}");
            // All nodes as pivots is the exact value.
            let all: Vec<usize> = (0..adj.len()).collect();
            assert_eq!(betweenness(&adj, Some(&all)), want);
        }
    }

    #[test]
    fn type_check_table() {
        let lex = Lexicon::embedded();
        for (t, ok) in [
            ("summon_ambassador", true),
            ("11", true),
            ("114", true),
            ("q3", true),
            ("q5", false),
            ("21", false),
            ("999", false),
            ("summon", false),
        ] {
            assert_eq!(check_type(t, lex).is_ok(), ok, "{t}");
        }
    }
}
