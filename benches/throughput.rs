//! Extraction throughput, end to end, on a corpus generated reproducibly from the bundled
//! sample and corpus articles: `cargo bench --bench throughput`.
//!
//! 1. A JSON Lines feed of `DEMARCHE_BENCH_DOCS` articles (default 10,000; every third one as
//!    a full news page in the `html` field, with navigation, share buttons, related stories
//!    and a donation appeal; every copy made unique so none is skipped as a duplicate) goes
//!    through the whole pipeline (read, decode, JSON, HTML, extract, JSONL out) on one thread
//!    and on every core: documents/s, MB/s and the scaling.
//! 2. The release binary runs `demarche extract --format jsonl` over a feed of
//!    `DEMARCHE_BENCH_MEM_MB` megabytes (default 1,024) made the same way: its wall time, CPU
//!    time and peak resident memory (from GNU time when installed, else VmHWM polled from
//!    /proc). `DEMARCHE_BENCH_MEM_MB=0` skips it.
//!
//! The generated files live in a temporary directory removed at the end.

mod common;

use demarche::export::json;
use demarche::lexicon::Lexicon;
use demarche::model::{Document, Event};
use demarche::pipeline::{self, Observer, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A saved news page around an article: what a scraper or a browser's "save as" gives.
fn page(d: &Document, reference: &str) -> String {
    let mut body = String::new();
    for p in d.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        body.push_str(&format!("<p>{}</p>\n", escape(p.trim())));
    }
    format!(
        r##"<!doctype html><html><head><meta charset="utf-8"><title>{t} | Bench Wire</title>
<meta property="og:title" content="{t}"><meta property="og:url" content="https://bench.example/{r}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{t}","datePublished":"{date}"}}</script>
</head><body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>{t}</h1><ul class="share-buttons"><li><a href="#">Share</a></li><li><a href="#">Email</a></li></ul>
{body}<p>Archive reference {r}.</p></article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Ministers meet again</a></li></ul></aside>
<section class="support-appeal"><p>Independent journalism needs your support. Donate today.</p></section>
</main><footer>© Bench Wire</footer></body></html>"##,
        t = escape(&d.title),
        r = reference,
        date = d.dct.map(|d| d.to_string()).unwrap_or_default(),
    )
}

/// One feed line: article `k` of round `round`, unique by its reference line.
fn feed_line(base: &[Document], round: usize, k: usize) -> String {
    let d = &base[k % base.len()];
    let reference = format!("{round}-{k:06}");
    let id = format!("bench-{reference}");
    let date = d.dct.map(|d| d.to_string()).unwrap_or_default();
    let v = if k % 3 == 2 {
        serde_json::json!({"id": id, "date": date, "html": page(d, &reference)})
    } else {
        let text = format!("{}\n\nArchive reference {reference}.\n", d.text.trim_end());
        serde_json::json!({"id": id, "date": date, "title": d.title, "text": text})
    };
    v.to_string()
}

/// Write a feed of `docs` articles (or of at least `min_bytes` bytes); its size in bytes.
fn write_feed(path: &Path, base: &[Document], docs: usize, min_bytes: u64) -> (u64, usize) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("temp file"));
    let (mut bytes, mut n) = (0u64, 0usize);
    let mut round = 0;
    while n < docs || bytes < min_bytes {
        for k in 0..docs.max(1) {
            let line = feed_line(base, round, k);
            w.write_all(line.as_bytes()).unwrap();
            w.write_all(b"\n").unwrap();
            bytes += line.len() as u64 + 1;
            n += 1;
            if n >= docs && bytes >= min_bytes {
                break;
            }
        }
        round += 1;
    }
    w.flush().unwrap();
    (bytes, n)
}

/// Writes events as JSON Lines into nothing, counting them.
#[derive(Default)]
struct Count {
    events: usize,
    errors: usize,
}

impl Observer for Count {
    fn warning(&mut self, _: &str) {}
    fn error(&mut self, e: demarche::Error) {
        eprintln!("bench: {e}");
        self.errors += 1;
    }
    fn events(&mut self, events: Vec<Event>) -> std::io::Result<()> {
        self.events += events.len();
        json::write_jsonl(std::io::sink(), &events)
    }
}

/// CPU seconds this process has used so far, all threads (Linux; 100 ticks a second).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = after
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    // Fields after the command: state, ppid, … utime is the 14th field of the line, stime the 15th.
    f.get(10).copied().unwrap_or(0.0) / 100.0 + f.get(11).copied().unwrap_or(0.0) / 100.0
}

/// The whole pipeline over `feed` on `threads` threads: (wall seconds, CPU seconds,
/// documents, events).
fn run(feed: &Path, threads: usize, lex: &Lexicon) -> (f64, f64, usize, usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    pool.install(|| {
        let mut count = Count::default();
        let (t, cpu) = (Instant::now(), cpu_secs());
        let s = pipeline::stream(&[feed.to_path_buf()], &Options::default(), lex, &mut count)
            .expect("pipeline");
        let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_secs() - cpu);
        assert_eq!(count.errors, 0);
        assert_eq!(s.duplicates, 0, "generated articles are unique");
        (secs, cpu, s.documents, count.events)
    })
}

/// Peak resident memory of a process, in kB, from /proc (Linux).
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// What a run of the binary took: wall seconds, CPU seconds (when known), peak kB.
struct BinaryRun {
    secs: f64,
    cpu: Option<f64>,
    peak_kb: u64,
}

/// Run the release binary over `feed`: under GNU time (`/usr/bin/time`, which reports the
/// peak resident set and CPU time) when it is installed, else polling `/proc` for VmHWM.
fn run_binary(feed: &Path) -> BinaryRun {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_demarche"));
    let gnu_time = Path::new("/usr/bin/time").exists();
    let mut cmd = if gnu_time {
        let mut c = std::process::Command::new("/usr/bin/time");
        c.args(["-f", "%M %U %S"]).arg(&exe);
        c
    } else {
        std::process::Command::new(&exe)
    };
    let t = Instant::now();
    let mut child = cmd
        .args(["extract", "-q", "--format", "jsonl"])
        .arg(feed)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("demarche runs");
    let mut peak = 0;
    let status = loop {
        if !gnu_time {
            if let Some(kb) = vm_hwm_kb(child.id()) {
                peak = peak.max(kb);
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let secs = t.elapsed().as_secs_f64();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut err).ok();
    assert!(status.success(), "demarche extract failed: {err}");
    let mut cpu = None;
    if gnu_time {
        let f: Vec<f64> = err
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        if let [kb, user, sys] = f[..] {
            peak = kb as u64;
            cpu = Some(user + sys);
        }
    }
    BinaryRun {
        secs,
        cpu,
        peak_kb: peak,
    }
}

fn main() {
    let lex = Lexicon::embedded();
    let base = common::articles();
    let docs = common::env("DEMARCHE_BENCH_DOCS", 10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = dir.path().join("feed.jsonl");
    let (bytes, n) = write_feed(&feed, &base, docs, 0);
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {n} articles from {} bundled ones ({mb:.1} MB of JSONL; a third as HTML pages)",
        base.len()
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "machine: {} cores, load average {} (other processes compete for the cores when it is above 0)",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    // Warm up: load the lexicon, compile the rules, fill the page cache.
    run(&feed, 1, lex);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut one = 0.0;
    for threads in [1, cores] {
        let (secs, cpu, documents, events) = run(&feed, threads, lex);
        assert_eq!(documents, n);
        if threads == 1 {
            one = secs;
        }
        println!(
            "extract, {threads} thread{}: {documents} documents in {secs:.2} s: {:.0} documents/s, {:.2} MB/s ({:.0} documents and {:.2} MB per CPU-second), {events} events{}",
            if threads == 1 { "" } else { "s" },
            documents as f64 / secs,
            mb / secs,
            documents as f64 / cpu,
            mb / cpu,
            if threads == 1 {
                String::new()
            } else {
                format!(" (scaling {:.2}× on {threads} cores)", one / secs)
            }
        );
        if cores == 1 {
            break;
        }
    }
    let mem_mb = common::env("DEMARCHE_BENCH_MEM_MB", 1024);
    if mem_mb > 0 {
        let big = dir.path().join("big.jsonl");
        let (bytes, n) = write_feed(&big, &base, docs, mem_mb as u64 * 1_000_000);
        let r = run_binary(&big);
        let mb = bytes as f64 / 1e6;
        let per_cpu = r.cpu.map_or(String::new(), |cpu| {
            format!(
                " ({:.0} documents and {:.2} MB per CPU-second)",
                n as f64 / cpu,
                mb / cpu
            )
        });
        println!(
            "demarche extract --format jsonl over {mb:.0} MB ({n} articles), {cores} cores: {:.1} s, {:.0} documents/s, {:.2} MB/s{per_cpu}, peak memory {:.0} MB",
            r.secs,
            n as f64 / r.secs,
            mb / r.secs,
            r.peak_kb as f64 / 1024.0
        );
    }
}
