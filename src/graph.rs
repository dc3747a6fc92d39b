//! The event graph: actors are nodes, events are directed edges (source → target), many
//! documents merged. Events without a target hang on the source as self-loops so that no
//! event is lost from the graph.

use crate::model::{Actor, Event};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::BTreeMap;

/// Actors and their events, with an index from actor key to node.
#[derive(Debug, Default, Clone)]
pub struct EventGraph {
    /// The graph: node weights are actors, edge weights events.
    pub graph: StableDiGraph<Actor, Event>,
    index: BTreeMap<String, NodeIndex>,
}

impl EventGraph {
    /// Build a graph from events, in their order.
    pub fn from_events(events: &[Event]) -> Self {
        let mut g = EventGraph::default();
        for e in events {
            g.add(e.clone());
        }
        g
    }

    /// The node of an actor, created on first sight.
    pub fn node(&mut self, actor: &Actor) -> NodeIndex {
        if let Some(&n) = self.index.get(&actor.key()) {
            return n;
        }
        let n = self.graph.add_node(actor.clone());
        self.index.insert(actor.key(), n);
        n
    }

    /// Add one event as an edge.
    pub fn add(&mut self, e: Event) -> EdgeIndex {
        let s = self.node(&e.source);
        let t = match &e.target {
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

    /// All events, in insertion order.
    pub fn events(&self) -> Vec<&Event> {
        let mut v: Vec<(EdgeIndex, &Event)> = self
            .graph
            .edge_indices()
            .map(|i| (i, &self.graph[i]))
            .collect();
        v.sort_by_key(|(i, _)| *i);
        v.into_iter().map(|(_, e)| e).collect()
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
                    .push(e.weight());
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Modality, Span, TimeValue};

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
            evidence: "e".into(),
            span: Span::default(),
            confidence: 1.0,
            mentions: 1,
        }
    }

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
}
