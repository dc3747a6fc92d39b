//! `demarche query`: a family of questions asked of the event graph.

use super::{Ctx, filter_from};
use crate::cli::{Query, TableFormat};
use anyhow::{Result, bail};
use demarche::graph::EventGraph;
use demarche::query::{self, Counterpart};

/// Run the command.
pub fn run(ctx: &Ctx, q: Query) -> Result<i32> {
    match q {
        Query::Who {
            name,
            input,
            filter,
            format,
        } => {
            let f = filter_from(&filter, ctx.lex)?;
            let loaded = ctx.load(&input)?;
            let g = EventGraph::from_events(&loaded.events);
            let who = query::resolve_name(&g, ctx.lex, &name);
            if who.is_empty() {
                match query::suggest(&g, &name) {
                    Some(s) => bail!("no actor named {name:?}; did you mean {s:?}?"),
                    None => bail!("no actor named {name:?} in these events"),
                }
            }
            let rows = query::who(&g, &who, &f);
            print!("{}", format_rows(&rows, format)?);
            Ok(loaded.code)
        }
    }
}

fn format_rows(rows: &[Counterpart], format: TableFormat) -> Result<String> {
    Ok(match format {
        TableFormat::Json => serde_json::to_string_pretty(rows)? + "\n",
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            for r in rows {
                let mut r = r.clone();
                r.actor = demarche::export::csv::guard(&r.actor);
                w.serialize(r)?;
            }
            if rows.is_empty() {
                w.write_record([
                    "actor",
                    "code",
                    "outgoing",
                    "incoming",
                    "first",
                    "last",
                    "types",
                    "mean_goldstein",
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        TableFormat::Table => {
            let head = [
                "counterpart",
                "out",
                "in",
                "first",
                "last",
                "goldstein",
                "types",
            ];
            let cells: Vec<[String; 7]> = rows
                .iter()
                .map(|r| {
                    [
                        r.actor.clone(),
                        r.outgoing.to_string(),
                        r.incoming.to_string(),
                        r.first.clone(),
                        r.last.clone(),
                        format!("{:+.1}", r.mean_goldstein),
                        r.types.clone(),
                    ]
                })
                .collect();
            let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
            for c in &cells {
                for (i, v) in c.iter().enumerate() {
                    widths[i] = widths[i].max(v.chars().count());
                }
            }
            let line = |vals: Vec<String>| {
                vals.iter()
                    .enumerate()
                    .map(|(i, v)| format!("{v:<w$}", w = widths[i]))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
                    + "\n"
            };
            let mut out = line(head.iter().map(|s| s.to_string()).collect());
            for c in cells {
                out.push_str(&line(c.to_vec()));
            }
            if rows.is_empty() {
                out.push_str("(no interactions)\n");
            }
            out
        }
    })
}
