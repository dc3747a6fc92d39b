//! `demarche graph`: the relationship diagram SVG of the merged, filtered events.

use super::{Ctx, default_title, filtered_events};
use crate::cli::{FilterArgs, InputArgs};
use anyhow::{Context, Result, bail};
use demarche::fsutil::write_atomic;
use demarche::query;
use demarche::render::network;
use std::path::Path;

/// How the diagram should look.
pub struct Look<'a> {
    /// Chart title.
    pub title: Option<&'a str>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Only the neighbourhood of this actor.
    pub focus: Option<&'a str>,
    /// Steps away from the focus.
    pub depth: usize,
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
    let mut events = filtered_events(&loaded.graph, &loaded.filter);
    if let Some(name) = look.focus {
        // Any name the extractor understands ("Dushanbe", "the Kremlin") finds the actors.
        let actors = query::resolve(&loaded.graph, ctx.lex, name)?;
        let mut kept = Vec::new();
        for a in actors {
            if let Some(evs) = network::ego(&events, &a.key(), look.depth)
                .or_else(|| network::ego(&events, &a.name, look.depth))
            {
                for e in evs {
                    if !kept
                        .iter()
                        .any(|k: &demarche::model::Event| k.id == e.id && k.doc_id == e.doc_id)
                    {
                        kept.push(e);
                    }
                }
            }
        }
        if kept.is_empty() {
            bail!("no events around {name:?} pass the filters");
        }
        events = kept;
    }
    let title = look
        .title
        .map(str::to_string)
        .unwrap_or_else(|| default_title("Who did what to whom", &events));
    let svg = network::render(
        &events,
        &network::NetworkOptions {
            title,
            width: look.width,
            height: look.height,
            ..Default::default()
        },
    )?;
    write_atomic(out, svg.as_bytes()).with_context(|| format!("writing {}", out.display()))?;
    Ok(loaded.code)
}
