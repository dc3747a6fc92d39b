//! `demarche build`: events.csv, timeline.svg, graph.svg and report.html in one run, from the merged
//! graph (reports of one event from several articles are one row, `mentions` = reports).

use super::{Ctx, default_title};
use crate::cli::InputArgs;
use anyhow::{Context, Result};
use demarche::export::csv;
use demarche::fsutil::write_atomic;
use demarche::graph::{EventGraph, Level};
use demarche::model::Event;
use demarche::render::{network, report, timeline};
use std::path::Path;

/// Run the command.
pub fn run(ctx: &Ctx, input: &InputArgs, out: &Path, title: Option<&str>) -> Result<i32> {
    let loaded = ctx.load(input)?;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let graph = EventGraph::build(&loaded.events, Level::Actor, ctx.lex);
    let events: &Vec<Event> = &graph.events().into_iter().cloned().collect();
    let prefix = title.map(|t| format!("{t}: ")).unwrap_or_default();
    let csv_text = csv::to_string(events)?;
    let tl = timeline::render(
        events,
        &timeline::TimelineOptions {
            title: format!("{prefix}{}", default_title("Timeline", events)),
            width: 0,
            ..Default::default()
        },
    )?;
    let gr = network::render(
        events,
        &network::NetworkOptions {
            title: format!("{prefix}{}", default_title("Who did what to whom", events)),
            width: 1000,
            height: 760,
            ..Default::default()
        },
    )?;
    let report_title = format!("{prefix}{}", default_title("Events", events));
    let html = report::render(events, &tl, &gr, &report_title);
    for (name, body) in [
        ("events.csv", csv_text.as_bytes()),
        ("timeline.svg", tl.as_bytes()),
        ("graph.svg", gr.as_bytes()),
        ("report.html", html.as_bytes()),
    ] {
        let p = out.join(name);
        write_atomic(&p, body).with_context(|| format!("writing {}", p.display()))?;
    }
    if !ctx.quiet {
        eprintln!(
            "demarche: {} events ({} reports) from {} articles → {}",
            events.len(),
            loaded.events.len(),
            loaded.documents,
            out.display()
        );
    }
    Ok(loaded.code)
}
