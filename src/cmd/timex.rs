//! `demarche timex`: every time expression of an article, with its TIMEX3 type and value, the
//! days it covers, its precision and where the value came from; or, with `--score`, the
//! tagger scored against annotated TimeML documents.

use super::Ctx;
use crate::cli::TimexFormat;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use demarche::model::Document;
use demarche::timex::timeml::{self, TimexScores};
use demarche::{clean, ingest, timex};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Run the command.
pub fn run(
    ctx: &Ctx,
    files: &[PathBuf],
    score: bool,
    date: Option<NaiveDate>,
    format: TimexFormat,
) -> Result<i32> {
    if score {
        return run_score(files, date, format);
    }
    let [file] = files else {
        bail!("timex lists one article at a time (use --score to score several TimeML files)");
    };
    list(ctx, file, date, format)
}

fn list(ctx: &Ctx, file: &Path, date: Option<NaiveDate>, format: TimexFormat) -> Result<i32> {
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
        TimexFormat::Timeml => print!("{}", timeml::write(&doc.text, doc.dct, &tags)),
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

/// One scored TimeML document.
#[derive(Serialize)]
struct Scored {
    file: String,
    #[serde(flatten)]
    scores: TimexScores,
}

/// The TimeML files named, folders expanded (`*.tml`, `*.xml`, sorted).
fn timeml_files(files: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for f in files {
        if f.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(f)
                .with_context(|| format!("{}: cannot read the folder", f.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("tml") || x == "xml")
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(f.clone());
        }
    }
    Ok(out)
}

fn run_score(files: &[PathBuf], date: Option<NaiveDate>, format: TimexFormat) -> Result<i32> {
    let mut rows = Vec::new();
    let mut total = TimexScores::default();
    let mut failed = false;
    for path in timeml_files(files)? {
        let name = path.display().to_string();
        let parsed = ingest::read_text(&path).and_then(|xml| timeml::parse(&xml, &name));
        let doc = match parsed {
            Ok(d) => d,
            Err(e) => {
                eprintln!("demarche: {e}");
                failed = true;
                continue;
            }
        };
        let document = Document {
            id: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            origin: name.clone(),
            dct: date.or(doc.dct),
            title: String::new(),
            url: String::new(),
            text: doc.text,
        };
        let tags = timex::tag(&document, &[]);
        let s = timeml::score(&document.text, &doc.timexes, &tags);
        total.add(&s);
        rows.push(Scored {
            file: name,
            scores: s,
        });
    }
    if rows.is_empty() {
        bail!("no TimeML document could be read");
    }
    if format == TimexFormat::Json {
        #[derive(Serialize)]
        struct Report<'a> {
            documents: &'a [Scored],
            total: TimexScores,
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&Report {
                documents: &rows,
                total
            })?
        );
    } else {
        println!("file\tgold\tpredicted\tstrict_f1\trelaxed_f1\ttype_acc\tvalue_acc\tvalue_f1");
        for r in &rows {
            println!("{}", line(&r.file, &r.scores));
        }
        println!("{}", line("TOTAL", &total));
    }
    Ok(if failed { 1 } else { 0 })
}

/// One row of the score table: strict and relaxed span F1; type and value accuracy on the
/// relaxed matches; value F1 (relaxed match with the right value), TempEval-3's main figure.
fn line(name: &str, s: &TimexScores) -> String {
    format!(
        "{name}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
        s.gold,
        s.predicted,
        s.f1(s.strict),
        s.f1(s.relaxed),
        s.accuracy(s.type_ok),
        s.accuracy(s.value_ok),
        s.f1(s.value_ok)
    )
}
