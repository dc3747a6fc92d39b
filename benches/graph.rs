//! The event graph at scale: 100,000 synthetic reports (a fifth of them re-reports of an
//! earlier event by another article) over 5,000 actors, made with a fixed-seed LCG.
//! `cargo bench --bench graph` prints the build time and each query's latency.
//! `DEMARCHE_BENCH_EVENTS` and `DEMARCHE_BENCH_ACTORS` change the size.

use chrono::{Duration, NaiveDate};
use demarche::graph::{EventGraph, Level};
use demarche::lexicon::Lexicon;
use demarche::model::{Actor, ActorKind, DateBasis, Event, Modality, Precision, Span, TimeValue};
use demarche::query::{self, Filter, Rank, TopOptions};
use std::hint::black_box;
use std::time::Instant;

use demarche::render::synthetic::Lcg;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn actors(n: usize) -> Vec<Actor> {
    const ROLES: [&str; 8] = ["GOV", "MIL", "COP", "JUD", "LEG", "OPP", "MED", "BUS"];
    (0..n)
        .map(|i| {
            let country = format!(
                "{}{}{}",
                (b'A' + (i / 8 / 676 % 26) as u8) as char,
                (b'A' + (i / 8 / 26 % 26) as u8) as char,
                (b'A' + (i / 8 % 26) as u8) as char
            );
            Actor {
                name: format!("Actor {i:05}"),
                code: format!("{country}{}", ROLES[i % 8]),
                country,
                kind: ActorKind::State,
            }
        })
        .collect()
}

/// Reports: hubs are far more active than the rest (actor = n·u³).
fn reports(n: usize, actors: &[Actor], lex: &Lexicon) -> Vec<Event> {
    let types: Vec<_> = lex.types.values().collect();
    let base = NaiveDate::from_ymd_opt(2023, 1, 1).expect("date");
    let mut rng = Lcg(0x5eed_d3a2c3e);
    let mut out: Vec<Event> = Vec::with_capacity(n);
    let pick = |rng: &mut Lcg| ((actors.len() as f64) * rng.unit().powi(3)) as usize;
    for i in 0..n {
        if i > 100 && rng.below(5) == 0 {
            // Another article reports a recent event, worded its own way (a month window).
            let j = i - 1 - rng.below(100.min(i - 1));
            let mut e = out[j].clone();
            e.id = format!("r{i}-1");
            e.doc_id = format!("r{i}");
            e.confidence = 0.5 + rng.below(40) as f64 / 100.0;
            if rng.below(2) == 0 {
                let s = e.time.start.expect("dated");
                e.time.start = Some(s - Duration::days(rng.below(10) as i64));
                e.time.end = Some(s + Duration::days(rng.below(10) as i64));
                e.time.precision = Precision::Unknown;
                e.time.value = String::new();
            }
            out.push(e);
            continue;
        }
        let s = pick(&mut rng).min(actors.len() - 1);
        let mut t = rng.below(actors.len());
        if t == s {
            t = (t + 1) % actors.len();
        }
        let ty = types[rng.below(types.len())];
        let d = base + Duration::days(rng.below(730) as i64);
        out.push(Event {
            id: format!("d{}-{}", i / 4, i % 4 + 1),
            time: TimeValue {
                value: d.to_string(),
                start: Some(d),
                end: Some(d),
                precision: Precision::Day,
                basis: DateBasis::Explicit,
                text: String::new(),
            },
            source: actors[s].clone(),
            target: Some(actors[t].clone()),
            event_type: ty.name.clone(),
            cameo: ty.cameo.clone(),
            plover: ty.plover.clone(),
            quad_class: ty.quad_class,
            goldstein: ty.goldstein,
            modality: Modality::Asserted,
            doc_id: format!("d{}", i / 4),
            doc_date: Some(d),
            trigger: "trigger".into(),
            pattern: "p".into(),
            threatened: String::new(),
            evidence: "An evidence sentence of modest length.".into(),
            span: Span::new(0, 38),
            confidence: 0.85,
            mentions: 1,
        });
    }
    out
}

/// Run `f` `n` times; the median wall time in milliseconds and the last result.
fn time<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::with_capacity(n);
    let mut last = None;
    for _ in 0..n {
        let t = Instant::now();
        last = Some(black_box(f()));
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    (times[n / 2], last.expect("ran"))
}

fn main() {
    let lex = Lexicon::embedded();
    let n_events = env("DEMARCHE_BENCH_EVENTS", 100_000);
    let n_actors = env("DEMARCHE_BENCH_ACTORS", 5_000);
    let actors = actors(n_actors);
    let events = reports(n_events, &actors, lex);

    let (build_ms, g) = time(3, || EventGraph::build(&events, Level::Actor, lex));
    println!(
        "build: {} reports over {} actors → {} merged events, {} nodes in {:.0} ms (median of 3)",
        events.len(),
        n_actors,
        g.graph.edge_count(),
        g.graph.node_count(),
        build_ms
    );
    let (country_ms, gc) = time(3, || EventGraph::build(&events, Level::Country, lex));
    println!(
        "build --level country: {} events, {} nodes in {:.0} ms",
        gc.graph.edge_count(),
        gc.graph.node_count(),
        country_ms
    );

    let all = Filter::default();
    let hub = "Actor 00000";
    let second = "Actor 00001";
    let quiet = "Actor 04321";
    let conflict_2024 = Filter {
        types: vec!["q4".into()],
        from: NaiveDate::from_ymd_opt(2024, 1, 1),
        to: NaiveDate::from_ymd_opt(2024, 3, 31),
        ..Filter::default()
    };
    let runs = 9;
    let report = |name: &str, ms: f64, what: String| {
        println!("query {name:<24} {ms:>8.2} ms  ({what})");
    };
    let (ms, rows) = time(runs, || {
        let who = query::resolve(&g, lex, hub).expect("hub");
        query::who(&g, &who, &all).len()
    });
    report("who (busiest actor)", ms, format!("{rows} counterparts"));
    let (ms, rows) = time(runs, || {
        let who = query::resolve(&g, lex, quiet).expect("actor");
        query::who(&g, &who, &all).len()
    });
    report("who (ordinary actor)", ms, format!("{rows} counterparts"));
    let (ms, rows) = time(runs, || {
        let (a, b) = (
            query::resolve(&g, lex, hub).expect("hub"),
            query::resolve(&g, lex, second).expect("actor"),
        );
        query::between(&g, &a, &b, &all).len()
    });
    report("between (two hubs)", ms, format!("{rows} events"));
    let (ms, hops) = time(runs, || {
        let (a, b) = (
            query::resolve(&g, lex, quiet).expect("actor"),
            query::resolve(&g, lex, "Actor 04999").expect("actor"),
        );
        query::path(&g, &a, &b, &all).map(|c| c.hops.len())
    });
    report("path", ms, format!("{hops:?} links"));
    for (name, by) in [
        ("top --by degree", Rank::Degree),
        ("top --by events", Rank::Events),
        ("top --by conflict", Rank::Conflict),
        ("top --by cooperation", Rank::Cooperation),
        ("top --by betweenness", Rank::Betweenness),
    ] {
        let opts = TopOptions {
            by,
            limit: 20,
            exact: false,
        };
        let (ms, t) = time(runs, || query::top(&g, &opts, &all));
        let note = match t.sampled {
            Some((k, n)) => format!("estimated from {k} of {n} actors"),
            None => "exact".into(),
        };
        report(name, ms, format!("first: {}, {note}", t.rows[0].actor));
    }
    let (ms, rows) = time(runs, || query::events(&g, &conflict_2024).len());
    report("events (q4, 2024-Q1)", ms, format!("{rows} events"));
    let (ms, rows) = time(runs, || query::events(&g, &all).len());
    report("events (all)", ms, format!("{rows} events"));
    let top20 = |exact: bool| {
        query::top(
            &g,
            &TopOptions {
                by: Rank::Betweenness,
                limit: 20,
                exact,
            },
            &all,
        )
    };
    let (exact_ms, exact) = time(1, || top20(true));
    let estimate = top20(false);
    let shared = estimate
        .rows
        .iter()
        .filter(|r| exact.rows.iter().any(|x| x.actor == r.actor))
        .count();
    println!(
        "top --by betweenness --exact: {exact_ms:.0} ms; the estimate shares {shared} of the exact top 20"
    );
}
