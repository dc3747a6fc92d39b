//! The whole pipeline over many inputs: articles, pages and feed lines are read and their
//! events extracted in parallel (rayon), duplicate articles (same text) are processed once,
//! events CSVs and events JSON Lines (the output of `extract`, e.g.
//! from the map stage of a cluster job) are imported, and problems with one input never stop
//! the others.
//!
//! Work goes in batches: a batch of inputs is read and parsed in parallel, checked for
//! duplicates in input order, extracted in parallel, and handed to an [`Observer`] in input
//! order before the next batch is read. Output is the same for any number of threads, and
//! memory stays flat however long a feed is.

use crate::error::Error;
use crate::events;
use crate::export::{csv as events_csv, json};
use crate::ingest::{self, FeedLines, Input, Loaded, feed};
use crate::lexicon::Lexicon;
use crate::model::Event;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How inputs are read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication date of every article (overrides headers, metadata and feed fields).
    pub date: Option<NaiveDate>,
    /// Field names of JSON Lines feeds.
    pub fields: feed::Fields,
}

/// How far a run has got.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Articles extracted so far.
    pub documents: usize,
    /// Input bytes consumed so far.
    pub bytes_done: u64,
    /// Input bytes in all, when known (not for standard input).
    pub bytes_total: Option<u64>,
}

/// Receives what a run produces, in input order.
pub trait Observer {
    /// Something the user should know that did not stop anything.
    fn warning(&mut self, message: &str);
    /// An input (a file, a feed line) that could not be used.
    fn error(&mut self, error: Error);
    /// The events of one batch of inputs, called once per batch that held a usable input
    /// (possibly with no events). An error stops the run (a closed pipe, a full disk).
    fn events(&mut self, events: Vec<Event>) -> std::io::Result<()>;
    /// Called after every batch.
    fn progress(&mut self, _progress: Progress) {}
}

/// Counts of a finished run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles extracted.
    pub documents: usize,
    /// Articles skipped because an earlier one had the same text.
    pub duplicates: usize,
    /// Events read from events CSVs.
    pub imported: usize,
    /// Events handed to the observer in all.
    pub events: usize,
    /// Inputs (files, feed lines, patterns) that could not be used.
    pub errors: usize,
    /// Whether any input at all could be used (an article or an events CSV).
    pub usable: bool,
}

/// What came out of a run over the inputs, collected.
#[derive(Debug, Default)]
pub struct Outcome {
    /// All events, in input order, each document's events in text order.
    pub events: Vec<Event>,
    /// Inputs that could not be used, one error each.
    pub errors: Vec<Error>,
    /// Things the user should know that did not stop anything.
    pub warnings: Vec<String>,
    /// Number of articles read (duplicates not counted).
    pub documents: usize,
}

impl Observer for Outcome {
    fn warning(&mut self, message: &str) {
        self.warnings.push(message.to_string());
    }
    fn error(&mut self, error: Error) {
        self.errors.push(error);
    }
    fn events(&mut self, events: Vec<Event>) -> std::io::Result<()> {
        self.events.extend(events);
        Ok(())
    }
}

/// Read every input and extract or import its events, collected in memory.
pub fn run(paths: &[PathBuf], date: Option<NaiveDate>, lex: &Lexicon) -> Outcome {
    let opts = Options {
        date,
        ..Default::default()
    };
    let mut out = Outcome::default();
    let summary = stream(paths, &opts, lex, &mut out).expect("collecting never fails");
    out.documents = summary.documents;
    out
}

/// One unit of work: made in input order on the calling thread, done on any thread.
enum Job {
    /// An article file or page, read by the worker.
    File { path: PathBuf, html: bool },
    /// Standard input, already read.
    Stdin(Vec<u8>),
    /// One line of a feed.
    Line {
        path: Arc<PathBuf>,
        line_no: usize,
        text: Result<String, Error>,
    },
    /// An events CSV.
    Events(PathBuf),
    /// An input that failed before any work (a feed that cannot be opened).
    Failed(Error),
}

/// A job after reading and parsing.
enum Parsed {
    Doc(Box<Loaded>),
    Events(Vec<Event>),
    Failed(Error),
    Duplicate(String),
}

/// Where a job came from, in 8 bytes: the input's index and the feed line (0 for a whole
/// file). The duplicate check keeps one per article, so it stays small on long feeds.
type Place = (u32, u32);

/// Jobs in input order; feeds are read a line at a time.
struct Jobs {
    inputs: VecDeque<(Input, u64)>,
    feed: Option<(Arc<PathBuf>, FeedLines)>,
    /// Inputs taken so far (the current one is `taken - 1`).
    taken: u32,
    /// Whether a feed was opened (an empty feed is a usable input with no articles).
    opened_feed: bool,
}

impl Jobs {
    /// The next job, the input bytes it stands for, and where it came from.
    fn next_job(&mut self) -> Option<(Job, u64, Place)> {
        loop {
            if let Some((path, lines)) = &mut self.feed {
                match lines.next() {
                    Some((line_no, n, text)) => {
                        let path = Arc::clone(path);
                        let place = (self.taken - 1, line_no as u32);
                        return Some((
                            Job::Line {
                                path,
                                line_no,
                                text,
                            },
                            n as u64,
                            place,
                        ));
                    }
                    None => self.feed = None,
                }
            }
            let (input, size) = self.inputs.pop_front()?;
            self.taken += 1;
            let place = (self.taken - 1, 0);
            let job = match input {
                Input::Article(path) => Job::File { path, html: false },
                Input::Page(path) => Job::File { path, html: true },
                Input::EventsCsv(path) => Job::Events(path),
                Input::Feed(path) => match FeedLines::open(&path) {
                    Ok(lines) => {
                        self.opened_feed = true;
                        self.feed = Some((Arc::new(path), lines));
                        continue;
                    }
                    Err(e) => Job::Failed(e),
                },
                Input::Stdin => match open_stdin() {
                    Ok(Stdin::Feed(lines)) => {
                        self.opened_feed = true;
                        self.feed = Some((Arc::new(PathBuf::from("-")), lines));
                        continue;
                    }
                    Ok(Stdin::Article(bytes)) => {
                        let n = bytes.len() as u64;
                        return Some((Job::Stdin(bytes), n, place));
                    }
                    Err(e) => Job::Failed(e),
                },
            };
            return Some((job, size, place));
        }
    }
}

enum Stdin {
    Feed(FeedLines),
    Article(Vec<u8>),
}

/// Standard input is a feed when its first non-blank character is `{` (read a line at a
/// time), else one article (read whole). Empty input is an empty feed: a map stage may be
/// handed an empty shard.
fn open_stdin() -> Result<Stdin, Error> {
    let io = |e| Error::Io {
        path: PathBuf::from("-"),
        source: e,
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut prefix = Vec::new();
    let first = loop {
        let buf = reader.fill_buf().map_err(io)?;
        if buf.is_empty() {
            break None;
        }
        let skip = |b: &u8| b.is_ascii_whitespace() || [0xEF, 0xBB, 0xBF].contains(b);
        if let Some(&b) = buf.iter().find(|b| !skip(b)) {
            break Some(b);
        }
        let n = buf.len();
        prefix.extend_from_slice(buf);
        reader.consume(n);
    };
    if first.is_none_or(|b| b == b'{') {
        let chained = std::io::Cursor::new(prefix).chain(reader);
        return Ok(Stdin::Feed(FeedLines::from_reader(
            Path::new("-"),
            Box::new(chained),
        )));
    }
    reader.read_to_end(&mut prefix).map_err(io)?;
    Ok(Stdin::Article(prefix))
}

/// Units per batch and thread: enough to keep every thread busy, few enough for flat memory
/// and a lively progress bar.
const JOBS_PER_THREAD: usize = 64;
/// Input bytes per batch at most (a batch of very long articles ends early).
const BATCH_BYTES: u64 = 16 << 20;

fn parse(job: Job, opts: &Options, lex: &Lexicon) -> Parsed {
    let loaded = match job {
        Job::File { path, html } => ingest::read_bytes(&path)
            .and_then(|bytes| ingest::parse_bytes(&path, &bytes, html, opts.date)),
        Job::Stdin(bytes) => ingest::parse_bytes(Path::new("-"), &bytes, false, opts.date),
        Job::Line {
            path,
            line_no,
            text: Ok(t),
        } => {
            let bad = |message| Error::BadLine {
                path: path.display().to_string(),
                line: line_no,
                message,
            };
            // A line that `extract --format jsonl` wrote is an event (a map stage's output).
            match json::event_from_line(&t, &bad, lex) {
                Some(Ok(ev)) => return Parsed::Events(vec![ev]),
                Some(Err(e)) => Err(e),
                None => ingest::parse_feed_line(&path, line_no, &t, &opts.fields, opts.date),
            }
        }
        Job::Line { text: Err(e), .. } => Err(e),
        Job::Events(path) => {
            return match events_csv::read_events(&path, lex) {
                Ok(evs) => Parsed::Events(evs),
                Err(e) => Parsed::Failed(e),
            };
        }
        Job::Failed(e) => Err(e),
    };
    match loaded {
        Ok(l) => Parsed::Doc(Box::new(l)),
        Err(e) => Parsed::Failed(e),
    }
}

fn text_hash(text: &str) -> u64 {
    // SipHash with fixed keys: the same on every run, so the first copy is always kept.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Read every input and extract or import its events, handing them to `obs` batch by batch
/// in input order. Fails only when the observer does.
pub fn stream(
    paths: &[PathBuf],
    opts: &Options,
    lex: &Lexicon,
    obs: &mut dyn Observer,
) -> std::io::Result<Summary> {
    let (inputs, errors) = ingest::expand_inputs(paths);
    let mut sum = Summary::default();
    if inputs.is_empty() && errors.is_empty() {
        sum.errors += 1;
        obs.error(Error::Invalid(format!(
            "no articles (.txt, .html, .jsonl) or events CSVs found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    for e in errors {
        sum.errors += 1;
        obs.error(e);
    }
    let sized: VecDeque<(Input, u64)> = inputs
        .into_iter()
        .map(|i| {
            let n = std::fs::metadata(i.path()).map(|m| m.len()).unwrap_or(0);
            (i, n)
        })
        .collect();
    let mut progress = Progress {
        bytes_total: (!sized.iter().any(|(i, _)| *i == Input::Stdin))
            .then(|| sized.iter().map(|(_, n)| n).sum()),
        ..Default::default()
    };
    let names: Vec<String> = sized
        .iter()
        .map(|(i, _)| i.path().display().to_string())
        .collect();
    let name = |(input, line): Place| match line {
        0 => names[input as usize].clone(),
        n => format!("{}:{n}", names[input as usize]),
    };
    let mut jobs = Jobs {
        inputs: sized,
        feed: None,
        taken: 0,
        opened_feed: false,
    };
    let mut seen: HashMap<u64, Place> = HashMap::new();
    let per_batch = JOBS_PER_THREAD * rayon::current_num_threads().max(1);
    loop {
        let mut batch = Vec::with_capacity(per_batch);
        let mut places = Vec::with_capacity(per_batch);
        let mut batch_bytes = 0;
        while batch.len() < per_batch && batch_bytes < BATCH_BYTES {
            match jobs.next_job() {
                Some((job, n, place)) => {
                    batch.push(job);
                    places.push(place);
                    batch_bytes += n;
                }
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        let mut parsed: Vec<Parsed> = batch
            .into_par_iter()
            .map(|job| parse(job, opts, lex))
            .collect();
        for (p, place) in parsed.iter_mut().zip(places) {
            if let Parsed::Doc(l) = p {
                match seen.entry(text_hash(&l.doc.text)) {
                    std::collections::hash_map::Entry::Occupied(first) => {
                        let msg = format!(
                            "{}: same text as {}; processed once",
                            l.doc.origin,
                            name(*first.get())
                        );
                        *p = Parsed::Duplicate(msg);
                    }
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(place);
                    }
                }
            }
        }
        let done: Vec<(Parsed, Vec<Event>)> = parsed
            .into_par_iter()
            .map(|p| {
                let evs = match &p {
                    Parsed::Doc(l) => events::extract(&l.doc, lex),
                    _ => Vec::new(),
                };
                (p, evs)
            })
            .collect();
        let mut out = Vec::new();
        let mut usable = false;
        for (p, evs) in done {
            match p {
                Parsed::Doc(l) => {
                    for w in &l.warnings {
                        obs.warning(w);
                    }
                    sum.documents += 1;
                    usable = true;
                    out.extend(evs);
                }
                Parsed::Events(evs) => {
                    sum.imported += evs.len();
                    usable = true;
                    out.extend(evs);
                }
                Parsed::Failed(e) => {
                    sum.errors += 1;
                    obs.error(e);
                }
                Parsed::Duplicate(msg) => {
                    sum.duplicates += 1;
                    obs.warning(&msg);
                }
            }
        }
        if usable {
            sum.usable = true;
            sum.events += out.len();
            obs.events(out)?;
        }
        progress.documents = sum.documents;
        progress.bytes_done += batch_bytes;
        obs.progress(progress);
    }
    // An empty feed is usable (a map stage's empty shard); a feed of bad lines is not.
    sum.usable |= jobs.opened_feed && sum.errors == 0;
    Ok(sum)
}

/// Read every input and hand each document (or why it could not be read) to `f`, in input
/// order, without extracting events: what `demarche text` prints. Events CSVs hold no
/// article text and are reported as such.
pub fn documents(paths: &[PathBuf], opts: &Options, f: &mut dyn FnMut(Result<Loaded, Error>)) {
    let (inputs, errors) = ingest::expand_inputs(paths);
    for e in errors {
        f(Err(e));
    }
    let mut jobs = Jobs {
        inputs: inputs.into_iter().map(|i| (i, 0)).collect(),
        feed: None,
        taken: 0,
        opened_feed: false,
    };
    while let Some((job, _, _)) = jobs.next_job() {
        let loaded = match job {
            Job::Events(path) => Err(Error::BadInput {
                path,
                message: "an events CSV holds no article text".into(),
            }),
            job => match parse(job, opts, Lexicon::embedded()) {
                Parsed::Doc(l) => Ok(*l),
                Parsed::Failed(e) => Err(e),
                Parsed::Events(_) | Parsed::Duplicate(_) => continue,
            },
        };
        f(loaded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, body: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        p
    }

    #[test]
    fn same_output_for_any_number_of_threads_and_duplicates_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let a = "Date: 2024-04-29\n\nTajikistan's foreign ministry on Monday summoned Russia's ambassador.\n";
        write(d, "a.txt", a.as_bytes());
        write(d, "b.txt", a.as_bytes());
        let mut feed = String::new();
        for i in 0..300 {
            feed.push_str(&format!(
                "{{\"id\": \"f{i}\", \"date\": \"2021-04-19\", \"text\": \"The Czech Republic expelled {i} Russian diplomats on Saturday.\"}}\n"
            ));
        }
        feed.push_str("{broken\n");
        write(d, "feed.jsonl", feed.as_bytes());
        let lex = Lexicon::embedded();
        let run_with = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                let mut out = Outcome::default();
                let s = stream(&[d.to_path_buf()], &Options::default(), lex, &mut out).unwrap();
                (s, out)
            })
        };
        let (s1, o1) = run_with(1);
        let (s3, o3) = run_with(3);
        assert_eq!(s1, s3);
        assert_eq!(s1.documents, 301, "{s1:?}");
        assert_eq!(s1.duplicates, 1);
        assert_eq!(s1.errors, 1);
        let ids = |o: &Outcome| o.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&o1), ids(&o3));
        assert_eq!(ids(&o1)[0], "a-1");
        assert_eq!(ids(&o1)[1], "f0-1");
        assert!(
            o1.warnings
                .iter()
                .any(|w| w.contains("b.txt: same text as"))
        );
        assert!(
            o1.errors[0]
                .to_string()
                .contains("feed.jsonl:301: not JSON"),
            "{}",
            o1.errors[0]
        );
    }
}
