//! `demarche query`: questions asked of the merged event graph — `who`, `between`, `path`,
//! `top`, `events` — printed as an aligned table, CSV or JSON.

use super::Ctx;
use crate::cli::{Query, QueryArgs, RankBy, TableFormat};
use anyhow::{Context, Result};
use demarche::export::csv::{self as events_csv, guard};
use demarche::graph::EventEdge;
use demarche::model::Event;
use demarche::query::{self, Chain, Counterpart, EdgeRow, Rank, TopOptions, TopRow};
use serde::Serialize;
use std::io::{IsTerminal, Write};

/// Run the command.
pub fn run(ctx: &Ctx, q: Query) -> Result<i32> {
    match q {
        Query::Who { name, args } => {
            let (loaded, format) = load(ctx, &args)?;
            let g = &loaded.graph;
            let who = query::resolve(g, ctx.lex, &name)?;
            let rows = query::who(g, &who, &loaded.filter);
            print(&who_out(&rows, format)?)?;
            Ok(loaded.code)
        }
        Query::Between { a, b, args } => {
            let (loaded, format) = load(ctx, &args)?;
            let g = &loaded.graph;
            let (xa, xb) = (
                query::resolve(g, ctx.lex, &a)?,
                query::resolve(g, ctx.lex, &b)?,
            );
            let evs = query::between(g, &xa, &xb, &loaded.filter);
            print(&events_out(&evs, format, "(no events between them)")?)?;
            Ok(loaded.code)
        }
        Query::Path { a, b, args } => {
            let (loaded, format) = load(ctx, &args)?;
            let g = &loaded.graph;
            let (xa, xb) = (
                query::resolve(g, ctx.lex, &a)?,
                query::resolve(g, ctx.lex, &b)?,
            );
            let chain = query::path(g, &xa, &xb, &loaded.filter);
            print(&path_out(chain.as_ref(), format, &a, &b)?)?;
            Ok(loaded.code)
        }
        Query::Top {
            by,
            limit,
            exact,
            args,
        } => {
            let (loaded, format) = load(ctx, &args)?;
            let by = match by {
                RankBy::Degree => Rank::Degree,
                RankBy::Events => Rank::Events,
                RankBy::Conflict => Rank::Conflict,
                RankBy::Cooperation => Rank::Cooperation,
                RankBy::Betweenness => Rank::Betweenness,
            };
            let top = query::top(
                &loaded.graph,
                &TopOptions { by, limit, exact },
                &loaded.filter,
            );
            if let (Some((k, n)), false) = (top.sampled, ctx.quiet) {
                eprintln!(
                    "demarche: betweenness estimated from {k} of {n} actors (--exact for all)"
                );
            }
            print(&top_out(&top.rows, by, format)?)?;
            Ok(loaded.code)
        }
        Query::Events { args } => {
            let (loaded, format) = load(ctx, &args)?;
            let evs = query::events(&loaded.graph, &loaded.filter);
            print(&events_out(&evs, format, "(no events)")?)?;
            Ok(loaded.code)
        }
    }
}

fn load(ctx: &Ctx, args: &QueryArgs) -> Result<(super::LoadedGraph, TableFormat)> {
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        TableFormat::Table
    } else {
        TableFormat::Csv
    });
    Ok((ctx.load_graph(&args.input, &args.filter)?, format))
}

fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e).context("writing to standard output");
        }
    }
    Ok(())
}

fn json<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    Ok(serde_json::to_string_pretty(v)? + "\n")
}

/// An aligned table: columns padded to their widest cell, numbers right-aligned.
fn table(head: &[&str], rows: &[Vec<String>], empty: &str) -> String {
    let n = head.len();
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    let mut numeric = vec![!rows.is_empty(); n];
    for r in rows {
        for (i, v) in r.iter().enumerate() {
            widths[i] = widths[i].max(v.chars().count());
            numeric[i] &= v.is_empty() || v.parse::<f64>().is_ok();
        }
    }
    let line = |vals: &[String]| {
        let cells: Vec<String> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| {
                if numeric[i] {
                    format!("{v:>w$}", w = widths[i])
                } else {
                    format!("{v:<w$}", w = widths[i])
                }
            })
            .collect();
        cells.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(&head.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    for r in rows {
        out.push_str(&line(r));
    }
    if rows.is_empty() {
        out.push_str(empty);
        out.push('\n');
    }
    out
}

/// CSV with a header; text cells guarded against spreadsheet formulas (numbers are not).
fn csv_text(head: &[&str], rows: &[Vec<String>]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(head)?;
    for r in rows {
        w.write_record(r.iter().map(|c| {
            if c.parse::<f64>().is_ok() {
                c.clone()
            } else {
                guard(c)
            }
        }))?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn num(x: f64) -> String {
    format!("{x:?}")
}

/// The date of an event as a reader wants it: the value, else the window, else nothing.
fn date_label(e: &Event) -> String {
    if !e.time.value.is_empty() {
        return e.time.value.clone();
    }
    match (e.time.start, e.time.end) {
        (Some(s), Some(t)) => format!("{s}…{t}"),
        _ => String::new(),
    }
}

fn who_out(rows: &[Counterpart], format: TableFormat) -> Result<String> {
    match format {
        TableFormat::Json => json(rows),
        TableFormat::Csv => csv_text(
            &[
                "actor",
                "code",
                "country",
                "outgoing",
                "incoming",
                "events",
                "mentions",
                "first",
                "last",
                "cooperation",
                "conflict",
                "sum_goldstein",
                "mean_goldstein",
                "types",
            ],
            &rows
                .iter()
                .map(|r| {
                    vec![
                        r.actor.clone(),
                        r.code.clone(),
                        r.country.clone(),
                        r.outgoing.to_string(),
                        r.incoming.to_string(),
                        r.events.to_string(),
                        r.mentions.to_string(),
                        r.first.clone(),
                        r.last.clone(),
                        r.cooperation.to_string(),
                        r.conflict.to_string(),
                        num(r.sum_goldstein),
                        num(r.mean_goldstein),
                        r.types.clone(),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        TableFormat::Table => Ok(table(
            &[
                "counterpart",
                "out",
                "in",
                "mentions",
                "first",
                "last",
                "coop",
                "conflict",
                "goldstein",
                "mean",
                "types",
            ],
            &rows
                .iter()
                .map(|r| {
                    vec![
                        r.actor.clone(),
                        r.outgoing.to_string(),
                        r.incoming.to_string(),
                        r.mentions.to_string(),
                        r.first.clone(),
                        r.last.clone(),
                        r.cooperation.to_string(),
                        r.conflict.to_string(),
                        format!("{:+.1}", r.sum_goldstein),
                        format!("{:+.1}", r.mean_goldstein),
                        r.types.clone(),
                    ]
                })
                .collect::<Vec<_>>(),
            "(no interactions)",
        )),
    }
}

const EVENT_HEAD: [&str; 8] = [
    "date",
    "source",
    "event",
    "target",
    "modality",
    "mentions",
    "goldstein",
    "trigger",
];

fn event_cells(e: &Event) -> Vec<String> {
    vec![
        date_label(e),
        e.source.name.clone(),
        e.event_type.clone(),
        e.target
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default(),
        e.modality.as_str().to_string(),
        e.mentions.to_string(),
        format!("{:+.1}", e.goldstein),
        e.trigger.clone(),
    ]
}

/// An event list: the events CSV contract, JSON rows with `doc_ids`, or a table.
fn events_out(evs: &[&EventEdge], format: TableFormat, empty: &str) -> Result<String> {
    match format {
        TableFormat::Json => json(
            &evs.iter()
                .map(|e| EdgeRow::from_edge(e))
                .collect::<Vec<_>>(),
        ),
        TableFormat::Csv => Ok(events_csv::to_string(
            &evs.iter().map(|e| e.event.clone()).collect::<Vec<_>>(),
        )?),
        TableFormat::Table => Ok(table(
            &EVENT_HEAD,
            &evs.iter()
                .map(|e| event_cells(&e.event))
                .collect::<Vec<_>>(),
            empty,
        )),
    }
}

#[derive(Serialize)]
struct HopJson {
    from: String,
    to: String,
    events: Vec<EdgeRow>,
}

#[derive(Serialize)]
struct ChainJson {
    actors: Vec<String>,
    hops: Vec<HopJson>,
}

fn path_out(chain: Option<&Chain>, format: TableFormat, a: &str, b: &str) -> Result<String> {
    match format {
        TableFormat::Json => json(&chain.map(|c| {
            ChainJson {
                actors: c.actors.iter().map(|a| a.name.clone()).collect(),
                hops: c
                    .hops
                    .iter()
                    .map(|h| HopJson {
                        from: h.from.name.clone(),
                        to: h.to.name.clone(),
                        events: h.events.iter().map(|e| EdgeRow::from_edge(e)).collect(),
                    })
                    .collect(),
            }
        })),
        TableFormat::Csv => {
            // hop,from,to + the events CSV contract, so the rows read back as events.
            let evs: Vec<Event> = chain
                .iter()
                .flat_map(|c| c.hops.iter())
                .flat_map(|h| h.events.iter().map(|e| e.event.clone()))
                .collect();
            let contract = events_csv::to_string(&evs)?;
            let mut rd = csv::Reader::from_reader(contract.as_bytes());
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut head = vec!["hop".to_string(), "from".into(), "to".into()];
            head.extend(rd.headers()?.iter().map(str::to_string));
            w.write_record(&head)?;
            let mut records = rd.records();
            for (i, h) in chain.iter().flat_map(|c| c.hops.iter()).enumerate() {
                for _ in &h.events {
                    let r = records.next().context("path rows")??;
                    let mut row = vec![(i + 1).to_string(), guard(&h.from.name), guard(&h.to.name)];
                    row.extend(r.iter().map(str::to_string));
                    w.write_record(&row)?;
                }
            }
            Ok(String::from_utf8(w.into_inner()?)?)
        }
        TableFormat::Table => {
            let Some(c) = chain else {
                return Ok(format!("(no chain of interactions links {a} and {b})\n"));
            };
            let names: Vec<&str> = c.actors.iter().map(|a| a.name.as_str()).collect();
            let links = c.hops.len();
            let mut out = format!(
                "{} ({links} link{})\n\n",
                names.join(" — "),
                if links == 1 { "" } else { "s" }
            );
            let mut head = vec!["link"];
            head.extend(EVENT_HEAD);
            let rows: Vec<Vec<String>> = c
                .hops
                .iter()
                .enumerate()
                .flat_map(|(i, h)| {
                    h.events.iter().map(move |e| {
                        let mut r = vec![(i + 1).to_string()];
                        r.extend(event_cells(&e.event));
                        r
                    })
                })
                .collect();
            out.push_str(&table(&head, &rows, "(same actor)"));
            Ok(out)
        }
    }
}

fn top_out(rows: &[TopRow], by: Rank, format: TableFormat) -> Result<String> {
    let bw = |r: &TopRow| r.betweenness.map(|b| format!("{b:.4}")).unwrap_or_default();
    match format {
        TableFormat::Json => json(rows),
        TableFormat::Csv => csv_text(
            &[
                "rank",
                "actor",
                "code",
                "country",
                "degree",
                "events",
                "mentions",
                "cooperation",
                "conflict",
                "sum_goldstein",
                "betweenness",
            ],
            &rows
                .iter()
                .map(|r| {
                    vec![
                        r.rank.to_string(),
                        r.actor.clone(),
                        r.code.clone(),
                        r.country.clone(),
                        r.degree.to_string(),
                        r.events.to_string(),
                        r.mentions.to_string(),
                        r.cooperation.to_string(),
                        r.conflict.to_string(),
                        num(r.sum_goldstein),
                        bw(r),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        TableFormat::Table => {
            let mut head = vec![
                "#",
                "actor",
                "code",
                "events",
                "counterparts",
                "mentions",
                "coop",
                "conflict",
                "goldstein",
            ];
            if by == Rank::Betweenness {
                head.push("betweenness");
            }
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut c = vec![
                        r.rank.to_string(),
                        r.actor.clone(),
                        r.code.clone(),
                        r.events.to_string(),
                        r.degree.to_string(),
                        r.mentions.to_string(),
                        r.cooperation.to_string(),
                        r.conflict.to_string(),
                        format!("{:+.1}", r.sum_goldstein),
                    ];
                    if by == Rank::Betweenness {
                        c.push(bw(r));
                    }
                    c
                })
                .collect();
            Ok(table(&head, &cells, "(no actors)"))
        }
    }
}
