//! Synthetic events for render tests, benchmarks and demos: a fixed-seed generator, so the
//! same arguments always give the same events. A few actors are far busier than the rest
//! (actor = n·u³), dates spread over two years with some known only to a week or a month,
//! and some events are alleged, planned or denied.

use crate::model::{Actor, ActorKind, DateBasis, Event, Modality, Precision, Span, TimeValue};
use chrono::{Datelike, Duration, NaiveDate};

/// Knuth's MMIX linear congruential generator: deterministic, no dependency (shared with the
/// benches).
pub struct Lcg(pub u64);

impl Lcg {
    /// The next 31-bit value.
    pub fn next_u31(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// A value in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u31() % n.max(1) as u64) as usize
    }
    /// A value in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        self.next_u31() as f64 / (1u64 << 31) as f64
    }
}

const TYPES: [(&str, &str, u8, f64, &str); 16] = [
    ("statement", "010", 1, 0.0, "said"),
    ("appeal", "020", 1, 3.0, "urged"),
    ("consult", "040", 1, 1.0, "met"),
    ("visit", "042", 1, 1.9, "visited"),
    ("sign_agreement", "057", 1, 8.0, "signed"),
    ("provide_aid", "070", 2, 7.0, "sent aid to"),
    ("release", "0841", 2, 7.0, "released"),
    ("criticize", "111", 3, -2.0, "condemned"),
    ("accuse", "112", 3, -2.0, "accused"),
    (
        "summon_ambassador",
        "114",
        3,
        -2.0,
        "summoned the ambassador of",
    ),
    ("threaten", "130", 3, -4.4, "threatened"),
    ("expel_diplomats", "161", 4, -4.0, "expelled diplomats of"),
    ("impose_sanctions", "163", 4, -8.0, "imposed sanctions on"),
    ("arrest", "173", 4, -5.0, "arrested"),
    ("attack", "180", 4, -9.0, "attacked"),
    ("airstrike", "195", 4, -10.0, "struck"),
];

const NAMES: [&str; 24] = [
    "Tajikistan",
    "Russia",
    "United States",
    "Iran",
    "Iraq",
    "Czech Republic",
    "Nigeria",
    "Niger",
    "ECOWAS",
    "United Nations",
    "European Union",
    "Maria Zakharova",
    "Semyon Grigoryev",
    "Russian police",
    "Hezbollah",
    "Red Cross",
    "Türkiye",
    "Côte d'Ivoire",
    "Japan",
    "China",
    "Brazil",
    "Ukraine",
    "Israel",
    "Qatar",
];

fn actor(i: usize) -> Actor {
    let name = match NAMES.get(i) {
        Some(n) => n.to_string(),
        None => format!("Actor {i:04}"),
    };
    let kind = match i % 12 {
        8..=10 => ActorKind::Igo,
        11 | 12 => ActorKind::Person,
        14 => ActorKind::NonState,
        15 => ActorKind::Ngo,
        _ => ActorKind::State,
    };
    let country = format!(
        "{}{}{}",
        (b'A' + (i / 676 % 26) as u8) as char,
        (b'A' + (i / 26 % 26) as u8) as char,
        (b'A' + (i % 26) as u8) as char
    );
    Actor {
        code: if kind == ActorKind::State {
            country.clone()
        } else {
            format!("{country}GOV")
        },
        country,
        name,
        kind,
    }
}

/// `n` synthetic events among `actors` actors, from `seed`.
pub fn events(n: usize, actors: usize, seed: u64) -> Vec<Event> {
    let actors = actors.max(2);
    let mut rng = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
    let base = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid");
    let pick = |rng: &mut Lcg| ((actors as f64) * rng.unit().powi(3)) as usize % actors;
    (0..n)
        .map(|k| {
            let s = pick(&mut rng);
            let mut t = pick(&mut rng);
            if t == s {
                t = (t + 1 + rng.below(actors - 1)) % actors;
            }
            let (ty, cameo, quad, goldstein, verb) = TYPES[rng.below(TYPES.len())];
            let day = base + Duration::days(rng.below(730) as i64);
            let (start, end, precision, value) = match rng.below(20) {
                0..=13 => (day, day, Precision::Day, day.format("%Y-%m-%d").to_string()),
                14..=16 => {
                    let m0 = NaiveDate::from_ymd_opt(day.year(), day.month(), 1).expect("valid");
                    let m1 = m0
                        .checked_add_months(chrono::Months::new(1))
                        .expect("valid")
                        - Duration::days(1);
                    (m0, m1, Precision::Month, day.format("%Y-%m").to_string())
                }
                17 | 18 => {
                    let w0 = day - Duration::days(day.weekday().num_days_from_monday() as i64);
                    (w0, w0 + Duration::days(6), Precision::Week, String::new())
                }
                _ => (
                    day - Duration::days(20),
                    day,
                    Precision::Unknown,
                    String::new(),
                ),
            };
            let modality = match rng.below(25) {
                0 | 1 => Modality::Alleged,
                2 => Modality::Future,
                3 => Modality::Negated,
                _ => Modality::Asserted,
            };
            let (src, tgt) = (actor(s), actor(t));
            let doc = format!("doc-{:04}", k / 4);
            let evidence = format!("{} {verb} {} on the day in question.", src.name, tgt.name);
            Event {
                id: format!("{doc}-{}", k % 4),
                time: TimeValue {
                    value,
                    start: Some(start),
                    end: Some(end),
                    precision,
                    basis: DateBasis::Explicit,
                    text: String::new(),
                },
                source: src,
                target: Some(tgt),
                event_type: ty.to_string(),
                cameo: cameo.to_string(),
                plover: "-".to_string(),
                quad_class: quad,
                goldstein,
                modality,
                doc_id: doc,
                doc_date: Some(end + Duration::days(rng.below(3) as i64)),
                trigger: verb.to_string(),
                pattern: String::new(),
                threatened: String::new(),
                span: Span::new(0, evidence.len()),
                evidence,
                confidence: 0.8,
                mentions: 1 + (rng.unit().powi(4) * 6.0) as u32,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic_and_well_formed() {
        let a = super::events(300, 40, 7);
        assert_eq!(a, super::events(300, 40, 7));
        assert!(a.iter().all(|e| e.time.start <= e.time.end
            && e.target.as_ref().is_some_and(|t| t.key() != e.source.key())));
    }
}
