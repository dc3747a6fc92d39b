//! Reading inputs: article files (plain text or saved HTML pages), JSON Lines news feeds,
//! directories of them, globs, standard input, and events CSVs. The only stage that touches
//! the file system for input. [`decode`] turns bytes into text, [`page`] an HTML page into
//! plain text and metadata, [`feed`] a feed line into an article record.

pub mod decode;
pub mod feed;
pub mod page;

use crate::error::{Error, Result};
use crate::model::Document;
use chrono::NaiveDate;
use decode::Expect;
use regex::Regex;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// One input named on the command line, after expanding directories and globs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A plain-text article (an HTML page inside is recognized by its content).
    Article(PathBuf),
    /// A saved HTML page.
    Page(PathBuf),
    /// A JSON Lines news feed: one article per line.
    Feed(PathBuf),
    /// An events CSV written by `extract` (possibly edited by hand).
    EventsCsv(PathBuf),
    /// Standard input (`-`): a feed when its first character is `{`, else one article.
    Stdin,
}

impl Input {
    /// The path as given (`-` for standard input).
    pub fn path(&self) -> &Path {
        match self {
            Input::Article(p) | Input::Page(p) | Input::Feed(p) | Input::EventsCsv(p) => p,
            Input::Stdin => Path::new("-"),
        }
    }
}

/// The input kind of a file name's extension, if it is one demarche reads.
fn by_extension(p: &Path) -> Option<Input> {
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let p = p.to_path_buf();
    Some(match ext.as_str() {
        "txt" | "text" | "md" => Input::Article(p),
        "html" | "htm" | "xhtml" => Input::Page(p),
        "jsonl" | "ndjson" => Input::Feed(p),
        "csv" => Input::EventsCsv(p),
        _ => return None,
    })
}

/// A file named explicitly: by extension, else by its first bytes (an events CSV header, a
/// JSON object, an HTML tag), else a plain-text article.
fn classify(p: &Path) -> Input {
    if let Some(i) = by_extension(p) {
        return i;
    }
    let mut head = [0u8; 512];
    let n = std::fs::File::open(p)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("event_id,") {
        Input::EventsCsv(p.to_path_buf())
    } else if head.starts_with('{') {
        Input::Feed(p.to_path_buf())
    } else if looks_like_html(head) {
        Input::Page(p.to_path_buf())
    } else {
        Input::Article(p.to_path_buf())
    }
}

/// Whether text starts like an HTML document.
pub fn looks_like_html(head: &str) -> bool {
    let start: String = head
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html") || start.starts_with("<head")
}

/// Expand the paths given by the user: files are taken as they are, directories are walked
/// recursively in sorted order for `.txt`, `.html`, `.htm`, `.jsonl` and `.csv` files, a
/// path that does not exist but holds `*`, `?` or `[` is a glob, and `-` is standard input.
/// Problems with one path are returned beside the inputs found elsewhere.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut inputs, &mut errors),
            Ok(_) => inputs.push(classify(p)),
            Err(e) => {
                let pattern = p.to_string_lossy();
                if !pattern.contains(['*', '?', '[']) {
                    errors.push(Error::Io {
                        path: p.clone(),
                        source: e,
                    });
                    continue;
                }
                let matches = match glob::glob(&pattern) {
                    Ok(m) => m,
                    Err(e) => {
                        errors.push(Error::BadInput {
                            path: p.clone(),
                            message: format!("not a valid pattern: {e}"),
                        });
                        continue;
                    }
                };
                let mut found: Vec<PathBuf> = matches.filter_map(|m| m.ok()).collect();
                found.sort();
                if found.is_empty() {
                    errors.push(Error::BadInput {
                        path: p.clone(),
                        message: "no file matches this pattern".into(),
                    });
                }
                for f in found {
                    if f.is_dir() {
                        walk(&f, &mut inputs, &mut errors);
                    } else {
                        inputs.push(classify(&f));
                    }
                }
            }
        }
    }
    (inputs, errors)
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
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, inputs, errors);
        } else if let Some(i) = by_extension(&p) {
            inputs.push(i);
        }
    }
}

/// Read a whole file (or standard input for `-`) as bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(io)
    }
}

/// Read a whole file (or standard input for `-`) as text, refusing empty, binary and
/// undecodable content (see [`decode::decode`]). Line ends become LF.
pub fn read_text(path: &Path) -> Result<String> {
    decode_bytes(path, &read_bytes(path)?, Expect::Text)
}

/// Decode bytes read from `path`, naming the file in the error.
pub fn decode_bytes(path: &Path, bytes: &[u8], expect: Expect) -> Result<String> {
    decode::decode(bytes, expect).map_err(|message| Error::BadInput {
        path: path.to_path_buf(),
        message,
    })
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
    let id = id_header.unwrap_or_else(|| file_id(path));
    Loaded {
        doc: Document {
            id,
            origin: path.display().to_string(),
            dct,
            title,
            url: String::new(),
            text,
        },
        warnings,
    }
}

/// The id of a document read from `path`: its file stem, or `stdin`.
fn file_id(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| "doc".into())
    }
}

/// Build a document from a saved HTML page: the text is the page's article body; the date
/// is `date_override`, else the page's metadata, else an ISO date in the file name.
pub fn parse_page(path: &Path, html: &str, date_override: Option<NaiveDate>) -> Loaded {
    let page = page::extract(html);
    let name_date = path.file_name().and_then(|n| {
        ISO_DATE
            .captures(&n.to_string_lossy())
            .and_then(|c| parse_iso_date(&c[0]))
    });
    let dct = date_override.or(page.date).or(name_date);
    let mut warnings = Vec::new();
    if dct.is_none() {
        warnings.push(format!(
            "{}: no publication date (use --date, or a page with article:published_time, JSON-LD datePublished or <time datetime>); relative dates stay unresolved",
            path.display()
        ));
    }
    Loaded {
        doc: Document {
            id: file_id(path),
            origin: path.display().to_string(),
            dct,
            title: page.title,
            url: page.url,
            text: page.text,
        },
        warnings,
    }
}

/// Build a document from raw bytes read from `path`: an HTML page when `html` is set or the
/// content starts like one, else a plain-text article with header lines.
pub fn parse_bytes(
    path: &Path,
    bytes: &[u8],
    html: bool,
    date_override: Option<NaiveDate>,
) -> Result<Loaded> {
    let expect = if html { Expect::Html } else { Expect::Text };
    let raw = decode_bytes(path, bytes, expect)?;
    let loaded = if html || looks_like_html(&raw) {
        parse_page(path, &raw, date_override)
    } else {
        parse_article(path, &raw, date_override)
    };
    if loaded.doc.text.trim().is_empty() {
        return Err(Error::BadInput {
            path: path.to_path_buf(),
            message: if html {
                "no article text found in the page".into()
            } else {
                "no article text after the header lines".into()
            },
        });
    }
    Ok(loaded)
}

/// Read and parse one article file: a plain-text article or a saved HTML page (by its
/// extension or content); `-` reads standard input.
pub fn load_article(path: &Path, date_override: Option<NaiveDate>) -> Result<Loaded> {
    let html = matches!(by_extension(path), Some(Input::Page(_)));
    parse_bytes(path, &read_bytes(path)?, html, date_override)
}

/// Build a document from one line of a feed. The id is the line's own, else
/// `FILESTEM-LINE`; the date is `date_override`, else the line's, else the page's when the
/// line carries HTML.
pub fn parse_feed_line(
    path: &Path,
    line_no: usize,
    line: &str,
    fields: &feed::Fields,
    date_override: Option<NaiveDate>,
) -> Result<Loaded> {
    let bad = |message: String| Error::BadLine {
        path: path.display().to_string(),
        line: line_no,
        message,
    };
    let rec = feed::parse_line(line, fields).map_err(bad)?;
    let origin = format!("{}:{line_no}", path.display());
    let mut warnings = Vec::new();
    let line_date = rec.date.as_deref().and_then(|d| {
        let parsed = feed::parse_date(d);
        if parsed.is_none() {
            warnings.push(format!("{origin}: date {d:?} is not a date; ignored"));
        }
        parsed
    });
    let (text, page) = match rec.text {
        Some(t) => (decode::normalize_newlines(t), page::Page::default()),
        None => {
            let p = page::extract(rec.html.as_deref().unwrap_or_default());
            (p.text.clone(), p)
        }
    };
    if text.trim().is_empty() {
        return Err(bad("no article text found in the html field".into()));
    }
    let dct = date_override.or(line_date).or(page.date);
    if dct.is_none() {
        warnings.push(format!(
            "{origin}: no publication date (use --date or a \"date\" field); relative dates stay unresolved"
        ));
    }
    Ok(Loaded {
        doc: Document {
            id: rec
                .id
                .unwrap_or_else(|| format!("{}-{line_no}", file_id(path))),
            origin,
            dct,
            title: rec.title.unwrap_or(page.title),
            url: rec.url.unwrap_or(page.url),
            text,
        },
        warnings,
    })
}

/// The lines of a feed, read one at a time so memory stays flat however long the feed.
pub struct FeedLines {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

/// One line of a feed: its 1-based number, its size in bytes and its text (or why it could
/// not be read).
pub type FeedLine = (usize, usize, Result<String>);

impl FeedLines {
    /// Open a feed file.
    /// A feed in UTF-16 (it starts with a UTF-16 byte-order mark) is decoded whole first.
    pub fn open(path: &Path) -> Result<Self> {
        let io = |e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        };
        let f = std::fs::File::open(path).map_err(io)?;
        let mut reader = std::io::BufReader::with_capacity(1 << 16, f);
        let head = reader.fill_buf().map_err(io)?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(io)?;
            let text = decode_bytes(path, &bytes, Expect::Text)?;
            return Ok(Self::from_reader(
                path,
                Box::new(std::io::Cursor::new(text.into_bytes())),
            ));
        }
        Ok(Self::from_reader(path, Box::new(reader)))
    }

    /// Read a feed from any buffered reader (standard input); `path` names it in messages.
    pub fn from_reader(path: &Path, reader: Box<dyn BufRead + Send>) -> Self {
        FeedLines {
            path: path.to_path_buf(),
            reader,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for FeedLines {
    type Item = FeedLine;

    fn next(&mut self) -> Option<FeedLine> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some((
                        self.line_no + 1,
                        0,
                        Err(Error::Io {
                            path: self.path.clone(),
                            source: e,
                        }),
                    ));
                }
            };
            self.line_no += 1;
            let mut bytes = &self.buf[..];
            while let Some(rest) = bytes
                .strip_suffix(b"\n")
                .or_else(|| bytes.strip_suffix(b"\r"))
            {
                bytes = rest;
            }
            if self.line_no == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = decode::decode(bytes, Expect::Text).map_err(|m| Error::BadLine {
                path: self.path.display().to_string(),
                line: self.line_no,
                // The decoder counts lines inside the line it was given.
                message: m.trim_start_matches("line 1: ").to_string(),
            });
            return Some((self.line_no, n, text));
        }
    }
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
}
