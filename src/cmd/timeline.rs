//! `demarche timeline`: the timeline SVG of the merged, filtered events.

use super::{Ctx, default_title, filtered_events};
use crate::cli::{FilterArgs, InputArgs};
use anyhow::{Context, Result};
use demarche::fsutil::write_atomic;
use demarche::render::timeline;
use std::path::Path;

/// How the timeline should look.
pub struct Look<'a> {
    /// Chart title.
    pub title: Option<&'a str>,
    /// Fixed width, or automatic.
    pub width: Option<u32>,
    /// Lane mode name (actor, country, dyad, type).
    pub lanes: &'a str,
    /// Whether to mark publication dates.
    pub publication_dates: bool,
}

/// Run the command.
pub fn run(
    ctx: &Ctx,
    input: &InputArgs,
    filter: &FilterArgs,
    out: &Path,
    look: &Look,
) -> Result<i32> {
    let loaded = ctx.load_graph(input, filter)?;
    let events = filtered_events(&loaded.graph, &loaded.filter);
    let title = look
        .title
        .map(str::to_string)
        .unwrap_or_else(|| default_title("Timeline", &events));
    let lanes =
        timeline::Lanes::parse(look.lanes).with_context(|| format!("--lanes {:?}", look.lanes))?;
    let svg = timeline::render(
        &events,
        &timeline::TimelineOptions {
            title,
            width: look.width.unwrap_or(0),
            lanes,
            publication_dates: look.publication_dates,
            ..Default::default()
        },
    )?;
    write_atomic(out, svg.as_bytes()).with_context(|| format!("writing {}", out.display()))?;
    Ok(loaded.code)
}
