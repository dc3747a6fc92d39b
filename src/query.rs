//! Questions asked of the event graph: `who` (every counterpart of an actor). Shared by the
//! `query` subcommand and the renderers' filters.

use crate::graph::EventGraph;
use crate::lexicon::Lexicon;
use crate::model::{Actor, Event};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Filters common to every query.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Earliest day (inclusive) the event may reach.
    pub from: Option<NaiveDate>,
    /// Latest day (inclusive) the event may start.
    pub to: Option<NaiveDate>,
    /// Event types (taxonomy names, CAMEO root codes like `11`, or quad classes `q3`).
    pub types: Vec<String>,
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
        self.types.is_empty()
            || self.types.iter().any(|t| {
                t == &e.event_type
                    || (t.len() == 2
                        && t.chars().all(|c| c.is_ascii_digit())
                        && e.cameo.starts_with(t.as_str()))
                    || t.strip_prefix('q').and_then(|q| q.parse::<u8>().ok()) == Some(e.quad_class)
            })
    }
}

/// One counterpart of the queried actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Counterpart {
    /// Counterpart name.
    pub actor: String,
    /// Counterpart code.
    pub code: String,
    /// Events from the queried actor to the counterpart.
    pub outgoing: usize,
    /// Events from the counterpart to the queried actor.
    pub incoming: usize,
    /// First day of any event between them.
    pub first: String,
    /// Last day of any event between them.
    pub last: String,
    /// Event types with counts, most frequent first ("summon_ambassador×2").
    pub types: String,
    /// Mean Goldstein score (negative = conflict).
    pub mean_goldstein: f64,
}

/// Normalize a user-given name for matching.
fn norm(s: &str) -> String {
    s.to_lowercase().replace(['’', '\''], "").trim().to_string()
}

/// The actors a user-given name refers to: exact names, codes, or any lexicon form of a
/// country (name, alias, adjective, capital) that maps to the actor's country.
pub fn resolve_name<'a>(g: &'a EventGraph, lex: &Lexicon, name: &str) -> Vec<&'a Actor> {
    let n = norm(name);
    let mut isos: Vec<String> = Vec::new();
    for c in &lex.countries {
        let forms = std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.adjectives)
            .chain(&c.capitals)
            .chain(&c.metonyms);
        if forms.into_iter().any(|f| norm(f) == n) || norm(&c.iso3) == n {
            isos.push(c.iso3.clone());
        }
    }
    let direct: Vec<&Actor> = g
        .actors()
        .into_iter()
        .filter(|a| norm(&a.name) == n || norm(&a.code) == n)
        .collect();
    if !direct.is_empty() {
        return direct;
    }
    g.actors()
        .into_iter()
        .filter(|a| isos.contains(&a.country))
        .collect()
}

/// The closest actor names to an unknown one, for "did you mean".
pub fn suggest(g: &EventGraph, name: &str) -> Option<String> {
    let n = norm(name);
    g.actors()
        .into_iter()
        .map(|a| (edit_distance(&norm(&a.name), &n), a.name.clone()))
        .min()
        .filter(|(d, _)| *d <= 3.max(n.len() / 3))
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

/// Every counterpart of the actors in `who`, sorted by total events then name.
pub fn who(g: &EventGraph, who: &[&Actor], filter: &Filter) -> Vec<Counterpart> {
    let keys: Vec<String> = who.iter().map(|a| a.key()).collect();
    #[derive(Default)]
    struct Acc {
        code: String,
        out: usize,
        inc: usize,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        types: BTreeMap<String, usize>,
        gold: f64,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for e in g.events() {
        if !filter.accepts(e) {
            continue;
        }
        let Some(t) = &e.target else { continue };
        let (other, outgoing) = if keys.contains(&e.source.key()) && !keys.contains(&t.key()) {
            (t, true)
        } else if keys.contains(&t.key()) && !keys.contains(&e.source.key()) {
            (&e.source, false)
        } else {
            continue;
        };
        let a = acc.entry(other.name.clone()).or_default();
        a.code = other.code.clone();
        if outgoing {
            a.out += 1;
        } else {
            a.inc += 1;
        }
        a.first = match (a.first, e.time.start) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        a.last = match (a.last, e.time.end) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        *a.types.entry(e.event_type.clone()).or_default() += 1;
        a.gold += e.goldstein;
    }
    let mut out: Vec<Counterpart> = acc
        .into_iter()
        .map(|(name, a)| {
            let mut types: Vec<(String, usize)> = a.types.into_iter().collect();
            types.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let n = a.out + a.inc;
            Counterpart {
                actor: name,
                code: a.code,
                outgoing: a.out,
                incoming: a.inc,
                first: a.first.map(|d| d.to_string()).unwrap_or_default(),
                last: a.last.map(|d| d.to_string()).unwrap_or_default(),
                types: types
                    .iter()
                    .map(|(t, c)| {
                        if *c > 1 {
                            format!("{t}×{c}")
                        } else {
                            t.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                mean_goldstein: ((a.gold / n as f64) * 100.0).round() / 100.0,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.outgoing + b.incoming)
            .cmp(&(a.outgoing + a.incoming))
            .then(a.actor.cmp(&b.actor))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
