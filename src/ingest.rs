//! Reading inputs: article files, directories of them, standard input, and events CSVs.
//! The only stage that touches the file system for input.

use crate::error::{Error, Result};
use crate::model::Document;
use chrono::NaiveDate;
use regex::Regex;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// One input named on the command line, after expanding directories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An article file (or `-` for standard input).
    Article(PathBuf),
    /// An events CSV written by `extract` (possibly edited by hand).
    EventsCsv(PathBuf),
}

impl Input {
    /// The path as given.
    pub fn path(&self) -> &Path {
        match self {
            Input::Article(p) | Input::EventsCsv(p) => p,
        }
    }
}

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// Expand the paths given by the user: files are taken as they are (`.csv` as events),
/// directories are walked recursively in sorted order for articles and events CSVs.
/// Problems with one path are returned beside the inputs found elsewhere.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Article(p.clone()));
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => errors.push(Error::Io {
                path: p.clone(),
                source: e,
            }),
            Ok(m) if m.is_dir() => walk(p, &mut inputs, &mut errors),
            Ok(_) => inputs.push(classify(p)),
        }
    }
    (inputs, errors)
}

fn classify(p: &Path) -> Input {
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "csv" {
        Input::EventsCsv(p.to_path_buf())
    } else {
        Input::Article(p.to_path_buf())
    }
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Error::Io {
                path: dir.to_path_buf(),
                source: e,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, inputs, errors);
            continue;
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let ext = p
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if ext == "csv" {
            inputs.push(Input::EventsCsv(p));
        } else if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
            inputs.push(Input::Article(p));
        }
    }
}

/// Read a whole file (or standard input for `-`) as UTF-8 text, refusing empty, binary and
/// non-UTF-8 content. A byte-order mark is dropped and CRLF line ends become LF.
pub fn read_text(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    let io = |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        bytes = std::fs::read(path).map_err(io)?;
    }
    decode(path, bytes)
}

fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String> {
    let bad = |message: String| Error::BadInput {
        path: path.to_path_buf(),
        message,
    };
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(bad("empty file".into()));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(bad(format!(
            "binary file (NUL byte at offset {pos}), not text"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        bad(format!("line {line}: not valid UTF-8 (byte offset {at})"))
    })?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(title|headline|date|published|source|url|author|byline|id)\s*:\s*(.*)$")
        .unwrap()
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").unwrap());

/// Parse a `YYYY-MM-DD` date (a longer ISO timestamp is cut to its day).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// An article after reading: the document plus any warnings about it.
#[derive(Debug)]
pub struct Loaded {
    /// The document.
    pub doc: Document,
    /// Things the user should know (no publication date, bad header).
    pub warnings: Vec<String>,
}

/// Build a document from raw text. Leading `Key: value` header lines (Title, Date,
/// Published…) followed by a blank line are taken off the body. The publication date is
/// `date_override`, else the `Date:`/`Published:` header, else an ISO date in the file name.
pub fn parse_article(path: &Path, raw: &str, date_override: Option<NaiveDate>) -> Loaded {
    let mut warnings = Vec::new();
    let mut title = String::new();
    let mut header_date = None;
    let mut id_header = None;
    let mut body_start = 0;
    let mut pos = 0;
    let mut saw_header = false;
    for line in raw.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            if saw_header {
                body_start = pos + line.len();
            }
            break;
        }
        match HEADER.captures(t) {
            Some(c) => {
                saw_header = true;
                let key = c[1].to_lowercase();
                let value = c[2].trim().to_string();
                match key.as_str() {
                    "title" | "headline" => title = value,
                    "date" | "published" => match parse_iso_date(&value) {
                        Some(d) => header_date = Some(d),
                        None => warnings.push(format!(
                            "{}: header {}: {value:?} is not a date (expected YYYY-MM-DD); ignored",
                            path.display(),
                            &c[1]
                        )),
                    },
                    "id" => id_header = Some(value),
                    _ => {}
                }
                pos += line.len();
                body_start = pos;
            }
            None => {
                if saw_header {
                    body_start = pos;
                }
                break;
            }
        }
    }
    let text = raw[body_start..].to_string();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "stdin".into());
    let name_date = ISO_DATE
        .captures(&file_name)
        .and_then(|c| parse_iso_date(&c[0]));
    let dct = date_override.or(header_date).or(name_date);
    if dct.is_none() {
        warnings.push(format!(
            "{}: no publication date (use --date, a 'Date: YYYY-MM-DD' header or a dated file name); relative dates stay unresolved",
            path.display()
        ));
    }
    let id = id_header.unwrap_or_else(|| {
        if path.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            path.file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_else(|| "doc".into())
        }
    });
    Loaded {
        doc: Document {
            id,
            origin: path.display().to_string(),
            dct,
            title,
            text,
        },
        warnings,
    }
}

/// Read and parse one article file.
pub fn load_article(path: &Path, date_override: Option<NaiveDate>) -> Result<Loaded> {
    let raw = read_text(path)?;
    let loaded = parse_article(path, &raw, date_override);
    if loaded.doc.text.trim().is_empty() {
        return Err(Error::BadInput {
            path: path.to_path_buf(),
            message: "no article text after the header lines".into(),
        });
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_taken_off_the_body() {
        let raw = "Title: A row\nDate: 2024-04-29\n\nDUSHANBE, April 29 — Text.\n";
        let l = parse_article(Path::new("x.txt"), raw, None);
        assert_eq!(l.doc.title, "A row");
        assert_eq!(l.doc.dct, NaiveDate::from_ymd_opt(2024, 4, 29));
        assert_eq!(l.doc.text, "DUSHANBE, April 29 — Text.\n");
        assert!(l.warnings.is_empty());
    }

    #[test]
    fn date_sources_in_order() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "2021-01-01-a.txt",
                "Date: 2022-02-02\n\nBody",
                Some("2023-03-03"),
                Some("2023-03-03"),
            ),
            (
                "2021-01-01-a.txt",
                "Date: 2022-02-02\n\nBody",
                None,
                Some("2022-02-02"),
            ),
            ("2021-01-01-a.txt", "Body only", None, Some("2021-01-01")),
            (
                "a.txt",
                "Published: 2020-05-06T10:00:00Z\n\nBody",
                None,
                Some("2020-05-06"),
            ),
            ("a.txt", "Body only", None, None),
        ];
        for (name, raw, over, want) in cases {
            let l = parse_article(Path::new(name), raw, over.and_then(d));
            assert_eq!(l.doc.dct, want.and_then(d), "{name} {raw}");
            assert_eq!(l.warnings.is_empty(), want.is_some(), "{name}");
        }
    }

    #[test]
    fn text_without_header_is_all_body() {
        let raw = "Dushanbe: the capital said things.\nMore.";
        let l = parse_article(Path::new("a.txt"), raw, None);
        assert_eq!(l.doc.text, raw);
    }

    #[test]
    fn bad_bytes_are_refused() {
        let p = Path::new("f.txt");
        assert!(
            decode(p, b"  \n".to_vec())
                .unwrap_err()
                .to_string()
                .contains("empty file")
        );
        assert!(
            decode(p, b"ab\0cd".to_vec())
                .unwrap_err()
                .to_string()
                .contains("binary")
        );
        let e = decode(p, b"ok\nbad \xff here".to_vec())
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("UTF-8"), "{e}");
        assert_eq!(decode(p, b"\xEF\xBB\xBFa\r\nb".to_vec()).unwrap(), "a\nb");
    }
}
