//! `demarche timex`: every time expression of an article, with its TIMEX3 type and value, the
//! days it covers, its precision and where the value came from.

use super::Ctx;
use crate::cli::TimexFormat;
use anyhow::Result;
use chrono::NaiveDate;
use demarche::{clean, ingest, timex};
use std::path::Path;

/// Run the command.
pub fn run(ctx: &Ctx, file: &Path, date: Option<NaiveDate>, format: TimexFormat) -> Result<i32> {
    let loaded = ingest::load_article(file, date)?;
    if !ctx.quiet {
        for w in &loaded.warnings {
            eprintln!("demarche: warning: {w}");
        }
    }
    let doc = &loaded.doc;
    let mut skip = clean::boilerplate_spans(&doc.text, ctx.lex);
    skip.extend(clean::dateline_span(&doc.text));
    let tags = timex::tag(doc, &skip);
    match format {
        TimexFormat::Json => println!("{}", serde_json::to_string_pretty(&tags)?),
        TimexFormat::Tsv => {
            let mut out = String::from(
                "start\tend\ttext\ttype\tvalue\tdate_start\tdate_end\tprecision\tbasis\n",
            );
            let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            for t in &tags {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    t.span.start,
                    t.span.end,
                    t.text.replace(['\t', '\n'], " "),
                    t.ty.as_str(),
                    t.value,
                    day(t.date_start),
                    day(t.date_end),
                    t.precision.as_str(),
                    t.basis.as_str()
                ));
            }
            print!("{out}");
        }
    }
    Ok(0)
}
