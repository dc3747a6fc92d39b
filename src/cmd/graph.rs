//! `demarche graph`: the relationship diagram SVG.

use super::{Ctx, default_title, filter_from};
use crate::cli::{FilterArgs, InputArgs};
use anyhow::{Context, Result};
use demarche::fsutil::write_atomic;
use demarche::model::Event;
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
    let f = filter_from(filter, ctx.lex)?;
    let loaded = ctx.load(input)?;
    let events: Vec<Event> = loaded.events.into_iter().filter(|e| f.accepts(e)).collect();
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
