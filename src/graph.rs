//! The event graph: actors are nodes, events are directed edges (source → target), many
//! documents merged. Events without a target hang on the source as self-loops so that no
//! event is lost from the graph.
//!
//! [`EventGraph::build`] is the analysts' graph: reports of the same event from several
//! articles are merged into one edge by [`merge`], and `--level country` rolls persons and
//! institutions up to their country with [`roll_up`] before merging.
//! [`EventGraph::from_events`] keeps one edge per event, unmerged.

use crate::actors::skeleton;
use crate::lexicon::Lexicon;
use crate::model::{Actor, ActorKind, Event, Modality, Precision, TimeValue};
use chrono::NaiveDate;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

/// Which actors become nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Level {
    /// Every actor as extracted (persons, institutions, states, organizations).
    #[default]
    Actor,
    /// Persons and state institutions rolled up to their country.
    Country,
}

/// One edge of the graph: an event, merged from one or more reports.
#[derive(Debug, Clone, PartialEq)]
pub struct EventEdge {
    /// The event. When merged: actors, type and evidence as most reports give them, the
    /// tightest date interval all reports allow, `doc_id`/`event_id` of the earliest report
    /// and `mentions` = number of reports.
    pub event: Event,
    /// Ids of the articles that reported it, earliest publication first.
    pub doc_ids: Vec<String>,
    /// Ids of the merged reports, in the same order.
    pub event_ids: Vec<String>,
    /// The article the evidence (sentence, trigger, span) comes from: the most confident
    /// report's, which need not be `event.doc_id` (the earliest report's).
    pub evidence_doc_id: String,
}

impl EventEdge {
    /// An edge for a single, unmerged event.
    pub fn single(event: Event) -> Self {
        EventEdge {
            doc_ids: vec![event.doc_id.clone()],
            event_ids: vec![event.id.clone()],
            evidence_doc_id: event.doc_id.clone(),
            event,
        }
    }
}

/// Actors and their events, with an index from actor key to node.
#[derive(Debug, Default, Clone)]
pub struct EventGraph {
    /// The graph: node weights are actors, edge weights events.
    pub graph: StableDiGraph<Actor, EventEdge>,
    index: BTreeMap<String, NodeIndex>,
}

impl EventGraph {
    /// Build a graph from events, in their order, one edge per event (no merging).
    pub fn from_events(events: &[Event]) -> Self {
        let mut g = EventGraph::default();
        for e in events {
            g.add(e.clone());
        }
        g
    }

    /// The analysts' graph: actors at `level`, reports of one event merged into one edge
    /// (see [`merge`]). `lex` names the countries of the country level.
    pub fn build(events: &[Event], level: Level, lex: &Lexicon) -> Self {
        let events: Cow<[Event]> = match level {
            Level::Actor => Cow::Borrowed(events),
            Level::Country => Cow::Owned(
                events
                    .iter()
                    .map(|e| {
                        let mut e = e.clone();
                        e.source = roll_up(&e.source, lex);
                        e.target = e.target.as_ref().map(|t| roll_up(t, lex));
                        e
                    })
                    .collect(),
            ),
        };
        Self::from_edges(merge(&events))
    }

    /// A graph from ready-made edges, in their order.
    pub fn from_edges(edges: Vec<EventEdge>) -> Self {
        let mut g = EventGraph::default();
        for e in edges {
            g.add_edge(e);
        }
        g
    }

    /// The node of an actor, created on first sight.
    pub fn node(&mut self, actor: &Actor) -> NodeIndex {
        let key = actor.key();
        if let Some(&n) = self.index.get(&key) {
            return n;
        }
        let n = self.graph.add_node(actor.clone());
        self.index.insert(key, n);
        n
    }

    /// Add one event as an edge of its own.
    pub fn add(&mut self, e: Event) -> EdgeIndex {
        self.add_edge(EventEdge::single(e))
    }

    /// Add one (possibly merged) edge.
    pub fn add_edge(&mut self, e: EventEdge) -> EdgeIndex {
        let s = self.node(&e.event.source);
        let t = match &e.event.target {
            Some(t) => self.node(t),
            None => s,
        };
        self.graph.add_edge(s, t, e)
    }

    /// All actors, sorted by name then code.
    pub fn actors(&self) -> Vec<&Actor> {
        let mut v: Vec<&Actor> = self.graph.node_weights().collect();
        v.sort();
        v
    }

    /// All edges, in insertion order.
    pub fn edges(&self) -> Vec<&EventEdge> {
        self.graph.edge_indices().map(|i| &self.graph[i]).collect()
    }

    /// All events, in insertion order.
    pub fn events(&self) -> Vec<&Event> {
        self.edges().into_iter().map(|e| &e.event).collect()
    }

    /// The node of an actor key.
    pub fn find(&self, key: &str) -> Option<NodeIndex> {
        self.index.get(key).copied()
    }

    /// Number of events touching a node (in or out, self-loops once).
    pub fn degree(&self, n: NodeIndex) -> usize {
        self.graph
            .edges_directed(n, petgraph::Direction::Outgoing)
            .count()
            + self
                .graph
                .edges_directed(n, petgraph::Direction::Incoming)
                .filter(|e| e.source() != e.target())
                .count()
    }

    /// Events between distinct actors, aggregated per ordered dyad: (source, target) → events.
    pub fn dyads(&self) -> BTreeMap<(NodeIndex, NodeIndex), Vec<&Event>> {
        let mut m: BTreeMap<(NodeIndex, NodeIndex), Vec<&Event>> = BTreeMap::new();
        for e in (&self.graph).edge_references() {
            if e.source() != e.target() {
                m.entry((e.source(), e.target()))
                    .or_default()
                    .push(&e.weight().event);
            }
        }
        m
    }
}

/// The actor at the country level: persons, state institutions and unnamed groups of a
/// country become the country itself (code = ISO3); organizations, armed groups and actors
/// without a country stay as they are.
pub fn roll_up(a: &Actor, lex: &Lexicon) -> Actor {
    let rolls = matches!(
        a.kind,
        ActorKind::State | ActorKind::Person | ActorKind::Other
    );
    if !rolls || a.country.len() != 3 {
        return a.clone();
    }
    Actor {
        name: lex
            .country(&a.country)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| a.country.clone()),
        code: a.country.clone(),
        country: a.country.clone(),
        kind: ActorKind::State,
    }
}

/// Merge reports of the same event from different articles into one edge each.
///
/// Reports are first deduplicated (the same `event_id` and evidence span twice: the same
/// article given twice, or an article and its edited events CSV — the CSV row wins), and
/// actors whose names differ only in transliteration (same code, same consonant skeleton:
/// Grigoryev/Grigoriev) become one. A report then joins an earlier edge when
/// - both name the same source and target actor code (a person stands for their office:
///   "Semyon Grigoryev" and "Russia" are both `RUSGOV`),
/// - both have the same CAMEO root (so "summoned the ambassador" and "lodged a protest"
///   match) and the same modality (a denial is not a report of the act),
/// - their date intervals overlap every report already merged (unknown dates never merge),
/// - and the edge holds no report from the same article (an article reports an event
///   once: two events of one article stay two).
///
/// The merged event takes the source, target and type most reports give (ties: the most
/// confident report), the evidence of the most confident report of that type, the
/// intersection of the date intervals, `event_id`, `doc_id` and `doc_date` of the earliest
/// report, and `mentions` = the sum of the reports' mentions. Edges come in the order of
/// their first report.
pub fn merge(reports: &[Event]) -> Vec<EventEdge> {
    let reports = dedupe(reports);
    let actors = ActorTable::new(&reports);
    // Interned merge keys: actor identities and CAMEO roots.
    let mut interned: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: String| -> u32 {
        let n = interned.len() as u32;
        *interned.entry(s).or_insert(n)
    };
    let ident: Vec<u32> = actors
        .canonical
        .iter()
        .map(|&c| {
            let a = actors.actors[c];
            intern(if a.code.is_empty() {
                format!("={}", a.key())
            } else {
                a.code.clone()
            })
        })
        .collect();

    struct Cluster {
        members: Vec<usize>,
        start: NaiveDate,
        end: NaiveDate,
    }
    enum Slot {
        Cluster(usize),
        Undated(usize),
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut order: Vec<Slot> = Vec::new();
    let mut buckets: HashMap<(u32, u32, u32, Modality), Vec<usize>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        let (Some(start), Some(end)) = (r.time.start, r.time.end) else {
            order.push(Slot::Undated(i));
            continue;
        };
        let (s, t) = actors.ends[i];
        let root = if r.cameo.len() >= 2 && r.cameo.is_char_boundary(2) {
            &r.cameo[..2]
        } else {
            r.event_type.as_str()
        };
        let key = (
            ident[s],
            t.map_or(u32::MAX, |t| ident[t]),
            intern(format!("#{root}")),
            r.modality,
        );
        let cands = buckets.entry(key).or_default();
        let mut chosen: Option<usize> = None;
        for &c in cands.iter() {
            let cl = &clusters[c];
            if start.max(cl.start) > end.min(cl.end)
                || cl.members.iter().any(|&m| reports[m].doc_id == r.doc_id)
            {
                continue;
            }
            if cl
                .members
                .iter()
                .any(|&m| reports[m].event_type == r.event_type)
            {
                chosen = Some(c);
                break;
            }
            chosen = chosen.or(Some(c));
        }
        match chosen {
            Some(c) => {
                let cl = &mut clusters[c];
                cl.members.push(i);
                cl.start = cl.start.max(start);
                cl.end = cl.end.min(end);
            }
            None => {
                cands.push(clusters.len());
                order.push(Slot::Cluster(clusters.len()));
                clusters.push(Cluster {
                    members: vec![i],
                    start,
                    end,
                });
            }
        }
    }
    order
        .into_iter()
        .map(|slot| match slot {
            Slot::Cluster(c) => combine(&reports, &actors, &clusters[c].members),
            Slot::Undated(i) => combine(&reports, &actors, &[i]),
        })
        .collect()
}

/// Drop repeated reports (same `event_id` and evidence span); a row read from an events
/// CSV (no pattern) replaces an extracted one, being the analyst's edit.
fn dedupe(reports: &[Event]) -> Vec<&Event> {
    let mut out: Vec<&Event> = Vec::with_capacity(reports.len());
    let mut seen: HashMap<(&str, usize, usize), usize> = HashMap::new();
    for e in reports {
        if e.id.is_empty() {
            out.push(e);
            continue;
        }
        match seen.get(&(e.id.as_str(), e.span.start, e.span.end)) {
            Some(&i) => {
                if !out[i].pattern.is_empty() && e.pattern.is_empty() {
                    out[i] = e;
                }
            }
            None => {
                seen.insert((e.id.as_str(), e.span.start, e.span.end), out.len());
                out.push(e);
            }
        }
    }
    out
}

/// The distinct actors of the reports, each mapped to its canonical spelling.
struct ActorTable<'a> {
    /// Distinct actors (by key), in order of first appearance.
    actors: Vec<&'a Actor>,
    /// For each actor, the index of its canonical actor.
    canonical: Vec<usize>,
    /// For each report, its source and target (indices of canonical actors).
    ends: Vec<(usize, Option<usize>)>,
}

impl<'a> ActorTable<'a> {
    /// One canonical actor per transliteration group (same code, same consonant skeleton):
    /// the most frequent spelling, then the smallest.
    fn new(reports: &[&'a Event]) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut actors: Vec<&Actor> = Vec::new();
        let mut uses: Vec<usize> = Vec::new();
        let mut id = |a: &'a Actor| -> usize {
            let n = actors.len();
            let i = *index.entry(a.key()).or_insert(n);
            if i == n {
                actors.push(a);
                uses.push(0);
            }
            uses[i] += 1;
            i
        };
        let raw: Vec<(usize, Option<usize>)> = reports
            .iter()
            .map(|e| (id(&e.source), e.target.as_ref().map(&mut id)))
            .collect();
        let mut groups: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
        for (i, a) in actors.iter().enumerate() {
            let sk = skeleton(&a.name);
            let sk = if sk.len() >= 3 && !a.code.is_empty() {
                sk
            } else {
                format!("={}", a.name)
            };
            groups.entry((a.code.as_str(), sk)).or_default().push(i);
        }
        let mut canonical: Vec<usize> = (0..actors.len()).collect();
        for members in groups.values() {
            let best = *members
                .iter()
                .max_by(|&&x, &&y| uses[x].cmp(&uses[y]).then_with(|| actors[y].cmp(actors[x])))
                .expect("non-empty group");
            for &m in members {
                canonical[m] = best;
            }
        }
        let ends = raw
            .into_iter()
            .map(|(s, t)| (canonical[s], t.map(|t| canonical[t])))
            .collect();
        ActorTable {
            actors,
            canonical,
            ends,
        }
    }
}

/// Ordering of reports by confidence (to two decimals, as written in the CSV), most
/// confident first, then earliest.
fn by_confidence(a: &Event, b: &Event) -> Ordering {
    let c = |e: &Event| (e.confidence * 100.0).round() as i64;
    c(b).cmp(&c(a)).then_with(|| by_earliest(a, b))
}

/// Ordering of reports by publication: dated before undated, then article and event id.
fn by_earliest(a: &Event, b: &Event) -> Ordering {
    let d = |e: &Event| (e.doc_date.is_none(), e.doc_date);
    d(a).cmp(&d(b))
        .then_with(|| a.doc_id.cmp(&b.doc_id))
        .then_with(|| a.id.cmp(&b.id))
}

/// The value most members give; ties go to the earliest member's value (members come
/// most confident first).
fn vote<T: Ord + Copy>(values: impl Iterator<Item = T>) -> T {
    let mut counts: BTreeMap<T, (usize, usize)> = BTreeMap::new();
    for (rank, v) in values.enumerate() {
        counts.entry(v).or_insert((0, rank)).0 += 1;
    }
    counts
        .into_iter()
        .max_by(|x, y| x.1.0.cmp(&y.1.0).then(y.1.1.cmp(&x.1.1)))
        .expect("non-empty cluster")
        .0
}

/// One edge from the reports at `idx`, with canonical actors.
fn combine(reports: &[&Event], actors: &ActorTable, idx: &[usize]) -> EventEdge {
    let actor = |i: usize| actors.actors[i].clone();
    if let [i] = idx {
        let (s, t) = actors.ends[*i];
        let mut e = reports[*i].clone();
        e.source = actor(s);
        e.target = t.map(actor);
        e.mentions = e.mentions.max(1);
        return EventEdge::single(e);
    }
    let mut members: Vec<usize> = idx.to_vec();
    members.sort_by(|&a, &b| by_confidence(reports[a], reports[b]));
    let source = vote(members.iter().map(|&m| actors.ends[m].0));
    let target = vote(members.iter().map(|&m| actors.ends[m].1));
    let event_type = vote(members.iter().map(|&m| reports[m].event_type.as_str()));
    let rep = reports[*members
        .iter()
        .find(|&&m| reports[m].event_type == event_type)
        .expect("voted type is a member's")];
    let evs: Vec<&Event> = members.iter().map(|&m| reports[m]).collect();
    let mut chrono: Vec<&Event> = evs.clone();
    chrono.sort_by(|a, b| by_earliest(a, b));
    let first = chrono[0];
    let mut doc_ids: Vec<String> = Vec::new();
    for e in &chrono {
        if !doc_ids.contains(&e.doc_id) {
            doc_ids.push(e.doc_id.clone());
        }
    }
    let event = Event {
        id: first.id.clone(),
        time: merged_time(&evs),
        source: actor(source),
        target: target.map(actor),
        event_type: rep.event_type.clone(),
        cameo: rep.cameo.clone(),
        plover: rep.plover.clone(),
        quad_class: rep.quad_class,
        goldstein: rep.goldstein,
        modality: rep.modality,
        doc_id: first.doc_id.clone(),
        doc_date: first.doc_date,
        trigger: rep.trigger.clone(),
        pattern: rep.pattern.clone(),
        threatened: rep.threatened.clone(),
        evidence: rep.evidence.clone(),
        span: rep.span,
        confidence: rep.confidence,
        mentions: evs.iter().map(|e| e.mentions.max(1)).sum(),
    };
    EventEdge {
        event,
        doc_ids,
        event_ids: chrono.iter().map(|e| e.id.clone()).collect(),
        evidence_doc_id: rep.doc_id.clone(),
    }
}

/// The tightest interval every report allows: the intersection. When a report gives exactly
/// that interval its date is kept (value, precision, basis, text); otherwise the interval
/// is written as a day or a window.
fn merged_time(members: &[&Event]) -> TimeValue {
    let start = members.iter().filter_map(|e| e.time.start).max();
    let end = members.iter().filter_map(|e| e.time.end).min();
    if let Some(e) = members
        .iter()
        .filter(|e| e.time.start == start && e.time.end == end)
        .min_by_key(|e| e.time.precision)
    {
        return e.time.clone();
    }
    let tightest = members
        .iter()
        .filter(|e| e.time.is_known())
        .min_by_key(|e| {
            (
                e.time
                    .end
                    .zip(e.time.start)
                    .map(|(b, a)| (b - a).num_days()),
                e.time.precision,
            )
        })
        .expect("merged reports are dated");
    let day = start == end;
    TimeValue {
        value: if day {
            start.map(|d| d.to_string()).unwrap_or_default()
        } else {
            String::new()
        },
        start,
        end,
        precision: if day {
            Precision::Day
        } else {
            Precision::Unknown
        },
        basis: tightest.time.basis,
        text: tightest.time.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateBasis, Span};

    fn actor(n: &str) -> Actor {
        Actor {
            name: n.into(),
            code: format!("{n}GOV"),
            country: n.into(),
            kind: ActorKind::State,
        }
    }

    fn ev(s: &str, t: Option<&str>) -> Event {
        Event {
            id: "x".into(),
            time: TimeValue::unknown(),
            source: actor(s),
            target: t.map(actor),
            event_type: "criticize".into(),
            cameo: "111".into(),
            plover: "ACCUSE".into(),
            quad_class: 3,
            goldstein: -2.0,
            modality: Modality::Asserted,
            doc_id: "d".into(),
            doc_date: None,
            trigger: "t".into(),
            pattern: String::new(),
            threatened: String::new(),
            evidence: "e".into(),
            span: Span::default(),
            confidence: 1.0,
            mentions: 1,
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A report: doc, type (cameo), source → target, interval, confidence.
    fn report(
        doc: &str,
        ty: (&str, &str),
        st: (&str, &str),
        from: &str,
        to: &str,
        conf: f64,
    ) -> Event {
        let mut e = ev(st.0, Some(st.1));
        e.id = format!("{doc}-1");
        e.doc_id = doc.into();
        e.doc_date = Some(day(to));
        e.event_type = ty.0.into();
        e.cameo = ty.1.into();
        e.time = TimeValue {
            value: if from == to {
                from.into()
            } else {
                String::new()
            },
            start: Some(day(from)),
            end: Some(day(to)),
            precision: if from == to {
                Precision::Day
            } else {
                Precision::Month
            },
            basis: DateBasis::Relative,
            text: String::new(),
        };
        e.confidence = conf;
        e.evidence = format!("evidence of {doc}");
        e
    }

    const SUMMON: (&str, &str) = ("summon_ambassador", "114");
    const PROTEST: (&str, &str) = ("protest_officially", "114");
    const THREATEN: (&str, &str) = ("threaten", "130");
    const EXPEL: (&str, &str) = ("expel_diplomats", "161");

    #[test]
    fn actors_are_one_node_each() {
        let g = EventGraph::from_events(&[
            ev("TJK", Some("RUS")),
            ev("RUS", Some("TJK")),
            ev("TJK", None),
        ]);
        assert_eq!(g.graph.node_count(), 2);
        assert_eq!(g.graph.edge_count(), 3);
        let tjk = g.find(&actor("TJK").key()).unwrap();
        assert_eq!(g.degree(tjk), 3);
        assert_eq!(g.dyads().len(), 2);
    }

    #[test]
    fn merge_table() {
        let tr = ("TJK", "RUS");
        // (case, reports, expected edges, expected mentions of the first edge)
        let cases: Vec<(&str, Vec<Event>, usize, u32)> = vec![
            (
                "three reports of one summons",
                vec![
                    report("a", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85),
                    report("b", SUMMON, tr, "2024-04-29", "2024-04-29", 0.75),
                    report("c", PROTEST, tr, "2024-04-01", "2024-04-30", 0.65),
                ],
                1,
                3,
            ),
            (
                "two summonses a week apart",
                vec![
                    report("a", SUMMON, tr, "2024-04-22", "2024-04-22", 0.85),
                    report("b", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85),
                ],
                2,
                1,
            ),
            (
                "two events of one article stay two",
                vec![report("a", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85), {
                    let mut e = report("a", PROTEST, tr, "2024-04-29", "2024-04-29", 0.75);
                    e.id = "a-2".into();
                    e
                }],
                2,
                1,
            ),
            (
                "other CAMEO root",
                vec![
                    report("a", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85),
                    report("b", THREATEN, tr, "2024-04-29", "2024-04-29", 0.85),
                ],
                2,
                1,
            ),
            (
                "other direction",
                vec![
                    report("a", EXPEL, tr, "2024-04-29", "2024-04-29", 0.85),
                    report("b", EXPEL, ("RUS", "TJK"), "2024-04-29", "2024-04-29", 0.85),
                ],
                2,
                1,
            ),
            (
                "the same report twice counts once",
                vec![
                    report("a", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85),
                    report("a", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85),
                ],
                1,
                1,
            ),
        ];
        for (name, reports, edges, mentions) in cases {
            let merged = merge(&reports);
            assert_eq!(merged.len(), edges, "{name}");
            assert_eq!(merged[0].event.mentions, mentions, "{name}");
        }
    }

    #[test]
    fn merged_edge_keeps_tightest_date_best_evidence_and_earliest_id() {
        let tr = ("TJK", "RUS");
        let mut c = report("c", PROTEST, tr, "2024-04-01", "2024-04-30", 0.95);
        c.doc_date = Some(day("2024-05-02"));
        let reports = vec![
            report("b", SUMMON, tr, "2024-04-22", "2024-04-30", 0.75),
            report("a", SUMMON, tr, "2024-04-29", "2024-04-29", 0.85),
            c,
        ];
        let m = merge(&reports);
        assert_eq!(m.len(), 1);
        let e = &m[0].event;
        assert_eq!(e.time.start, Some(day("2024-04-29")));
        assert_eq!(e.time.end, Some(day("2024-04-29")));
        assert_eq!(e.time.value, "2024-04-29");
        // Two of three reports say summon; the most confident summons gives the evidence.
        assert_eq!(e.event_type, "summon_ambassador");
        assert_eq!(e.evidence, "evidence of a");
        // The earliest report (published 2024-04-29) gives the id.
        assert_eq!(e.doc_id, "a");
        assert_eq!(m[0].doc_ids, ["a", "b", "c"]);
        assert_eq!(m[0].evidence_doc_id, "a");
        assert_eq!(e.mentions, 3);
    }

    #[test]
    fn person_and_office_merge_and_transliterations_unify() {
        let mut a = report(
            "a",
            SUMMON,
            ("TJK", "RUS"),
            "2024-04-29",
            "2024-04-29",
            0.85,
        );
        a.target = Some(Actor {
            name: "Semyon Grigoryev".into(),
            code: "RUSGOV".into(),
            country: "RUS".into(),
            kind: ActorKind::Person,
        });
        let mut b = a.clone();
        b.id = "b-1".into();
        b.doc_id = "b".into();
        b.target.as_mut().unwrap().name = "Semyon Grigoriev".into();
        b.time.start = Some(day("2024-05-06"));
        b.time.end = Some(day("2024-05-06"));
        let c = report(
            "c",
            SUMMON,
            ("TJK", "RUS"),
            "2024-04-29",
            "2024-04-29",
            0.85,
        );
        let m = merge(&[a, b, c]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].event.mentions, 2);
        let g = EventGraph::from_edges(m);
        let names: Vec<&str> = g.actors().iter().map(|a| a.name.as_str()).collect();
        // One spelling for both; the office report ties with the person and yields to it.
        assert_eq!(names, ["Semyon Grigoriev", "TJK"]);
    }

    #[test]
    fn country_level_rolls_up_people_and_institutions() {
        let lex = Lexicon::embedded();
        let person = Actor {
            name: "Maria Zakharova".into(),
            code: "RUSGOV".into(),
            country: "RUS".into(),
            kind: ActorKind::Person,
        };
        let police = Actor {
            name: "Russian police".into(),
            code: "RUSCOP".into(),
            country: "RUS".into(),
            kind: ActorKind::State,
        };
        let un = Actor {
            name: "United Nations".into(),
            code: "IGOUNO".into(),
            country: String::new(),
            kind: ActorKind::Igo,
        };
        for (a, want) in [
            (&person, "Russia"),
            (&police, "Russia"),
            (&un, "United Nations"),
        ] {
            assert_eq!(roll_up(a, lex).name, want);
        }
        let mut e1 = ev("TJK", None);
        e1.source = person.clone();
        e1.target = Some(un.clone());
        let mut e2 = e1.clone();
        e2.source = police;
        e2.id = "y".into();
        let g = EventGraph::build(&[e1, e2], Level::Country, lex);
        assert_eq!(g.graph.node_count(), 2);
        assert_eq!(g.dyads().values().next().unwrap().len(), 2);
    }
}
