//! `demarche timeline`: the timeline SVG of the merged, filtered events.

use super::{Ctx, default_title, filtered_events};
use crate::cli::{FilterArgs, InputArgs};
use anyhow::{Context, Result};
use demarche::fsutil::write_atomic;
use demarche::render::timeline;
use std::path::Path;

/// Run the command.
pub fn run(
    ctx: &Ctx,
    input: &InputArgs,
    filter: &FilterArgs,
    out: &Path,
    title: Option<&str>,
    width: u32,
) -> Result<i32> {
    let loaded = ctx.load_graph(input, filter)?;
    let events = filtered_events(&loaded.graph, &loaded.filter);
    let title = title
        .map(str::to_string)
        .unwrap_or_else(|| default_title("Timeline", &events));
    let svg = timeline::render(&events, &timeline::TimelineOptions { title, width })?;
    write_atomic(out, svg.as_bytes()).with_context(|| format!("writing {}", out.display()))?;
    Ok(loaded.code)
}
