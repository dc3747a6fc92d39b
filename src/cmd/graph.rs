//! `demarche graph`: the relationship diagram SVG of the merged, filtered events.

use super::{Ctx, default_title, filtered_events};
use crate::cli::{FilterArgs, InputArgs};
use anyhow::{Context, Result};
use demarche::fsutil::write_atomic;
use demarche::render::network;
use std::path::Path;

/// Run the command.
#[allow(clippy::too_many_arguments)]
pub fn run(
    ctx: &Ctx,
    input: &InputArgs,
    filter: &FilterArgs,
    out: &Path,
    title: Option<&str>,
    width: u32,
    height: u32,
) -> Result<i32> {
    let loaded = ctx.load_graph(input, filter)?;
    let events = filtered_events(&loaded.graph, &loaded.filter);
    let title = title
        .map(str::to_string)
        .unwrap_or_else(|| default_title("Who did what to whom", &events));
    let svg = network::render(
        &events,
        &network::NetworkOptions {
            title,
            width,
            height,
        },
    )?;
    write_atomic(out, svg.as_bytes()).with_context(|| format!("writing {}", out.display()))?;
    Ok(loaded.code)
}
