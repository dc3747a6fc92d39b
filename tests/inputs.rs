//! Real inputs: saved HTML pages, JSONL feeds, mixed folders, globs, standard input, every
//! supported encoding, duplicates, parallel runs, and the map-reduce recipe of the README.
//! Each test runs the real binary on files and parses its output back.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("demarche").expect("binary builds")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn data(rel: &str) -> PathBuf {
    root().join("tests/data").join(rel)
}

const CZECH: &str = "pages/czech-expulsions.html";
const FINLAND: &str = "pages/finland-nato-windows1252.html";
const KENYA: &str = "pages/kenya-haiti-mission.html";
const WIRE: &str = "feeds/wire.jsonl";
const TAJIK: &str = "data/samples/2024-04-29-tajikistan-summons-russian-envoy.txt";

/// Run the binary; (exit success, stdout, stderr).
fn run(args: &[&str], cwd: &Path) -> (bool, String, String) {
    let out = bin().current_dir(cwd).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// CSV text as maps from column to cell.
fn rows(csv_text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut rd = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn html_pages_give_the_article_body_and_not_the_furniture() {
    /// (page, date line, url line, text that must be there, boilerplate that must not).
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            CZECH,
            "Date: 2021-04-18", // JSON-LD datePublished
            "Url: https://meridianwire.example/europe/2021/04/18/czech-russia-expulsions",
            &[
                "Title: Czech Republic expels 18 Russian diplomats over 2014 depot blasts\n",
                "\n\nCzech Republic expels 18 Russian diplomats over 2014 depot blasts\n\nPRAGUE, April 18 — The Czech Republic on Saturday expelled 18 Russian diplomats,",
                "village of Vrbětice that killed two people.",
                "Moscow rejected the accusations as absurd and said it would respond.",
                "a second blast followed in December.\n",
            ],
            &[
                "cookies",
                "Accept all",
                "World",
                "Share on",
                "Email",
                "Photo:",
                "Advertisement",
                "Europe briefing",
                "Sign up",
                "Read more",
                "Related stories",
                "tit-for-tat",
                "Bulgaria",
                "blocked our website",
                "Donate",
                "All rights reserved",
                "Staff reporter",
                "Privacy",
                "dataLayer",
            ],
        ),
        (
            FINLAND,
            "Date: 2023-04-04", // article:published_time
            "Url: https://northernledger.example/2023/04/04/finland-nato",
            &[
                "BRUSSELS, April 4 — Finland became the 31st member of NATO on Tuesday",
                "President Sauli Niinistö looking on.",
                "Russia would take “counter-measures” to ensure",
            ],
            &[
                "Northern Ledger",
                "cookies",
                "Copy link",
                "Advertisement",
                "Flags outside",
                "Most read",
                "Sweden",
            ],
        ),
        (
            KENYA,
            "Date: 2024-06-26", // <time datetime>
            "Url: https://harbourtimes.example/americas/kenya-police-haiti", // canonical link
            &[
                "\n\nKenyan police arrive in Haiti to lead multinational mission\n\n",
                "help the country's police fight armed gangs.\n\nKenya offered last year to lead the mission.\n\nThe Security Council authorised",
            ],
            &[
                "Harbour Times",
                "Tweet",
                "Published",
                "podcast",
                "Most read",
                "Gangs seize",
                "Contact",
            ],
        ),
    ];
    for (page, date, url, wanted, unwanted) in cases {
        let (ok, text, err) = run(&["text", "--meta", page], &data(""));
        assert!(ok, "{page}: {err}");
        assert!(text.contains(date), "{page}: {text}");
        assert!(text.contains(url), "{page}: {text}");
        for w in *wanted {
            assert!(text.contains(w), "{page}: missing {w:?} in\n{text}");
        }
        let body = text.split_once("\n\n").unwrap().1;
        for u in *unwanted {
            assert!(!body.contains(u), "{page}: boilerplate {u:?} in\n{body}");
        }
    }
}

#[test]
fn spans_point_into_the_text_that_demarche_text_prints() {
    for page in [CZECH, FINLAND, KENYA] {
        let (ok, text, _) = run(&["text", page], &data(""));
        assert!(ok);
        let (ok, csv_text, err) = run(&["extract", page], &data(""));
        assert!(ok, "{err}");
        let rows = rows(&csv_text);
        if page == CZECH {
            let expel = rows
                .iter()
                .find(|r| r["event_type"] == "expel_diplomats")
                .expect("the expulsion is coded");
            assert_eq!(
                (
                    expel["source_country"].as_str(),
                    expel["target_country"].as_str()
                ),
                ("CZE", "RUS")
            );
            assert_eq!(expel["date"], "2021-04-17", "Saturday before 18 April 2021");
            assert_eq!(expel["doc_date"], "2021-04-18");
        }
        for r in &rows {
            let (s, e): (usize, usize) = (
                r["span_start"].parse().unwrap(),
                r["span_end"].parse().unwrap(),
            );
            assert_eq!(text[s..e], r["evidence"], "{page}");
            for trap in ["blocked our website", "tit-for-tat", "Photo"] {
                assert!(
                    !r["evidence"].contains(trap),
                    "{page}: event from boilerplate: {r:?}"
                );
            }
        }
    }
}

#[test]
fn jsonl_feed_reports_bad_lines_by_number_and_keeps_the_rest() {
    let (ok, out, err) = run(&["extract", WIRE], &data(""));
    assert!(!ok, "a bad line makes the exit code non-zero");
    let errors: Vec<&str> = err.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 2, "{err}");
    assert!(errors[0].contains("wire.jsonl:3: not JSON"), "{err}");
    assert!(errors[1].contains("wire.jsonl:4: no article text"), "{err}");
    let rows = rows(&out);
    let docs: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["doc_id"].as_str()).collect();
    // Lines 1, 2, 5 (HTML) and 7 (no id: file stem and line) survive; line 6 is blank.
    assert_eq!(
        docs.into_iter().collect::<Vec<_>>(),
        ["wire-001", "wire-002", "wire-005", "wire-7"]
    );
    let by_doc = |d: &str| rows.iter().find(|r| r["doc_id"] == d).unwrap();
    assert_eq!(
        by_doc("wire-001")["date"],
        "2022-04-04",
        "'published' field"
    );
    assert_eq!(
        by_doc("wire-005")["doc_date"],
        "2023-03-16",
        "RFC 2822 date"
    );
    assert!(
        rows.iter().all(|r| !r["evidence"].contains("North Korea")),
        "related link in the html field"
    );
    // The text command shows a feed line's text: spans refer to it.
    let (ok, text, _) = run(&["text", WIRE, "--id", "wire-002", "-q"], &data(""));
    assert!(!ok, "the bad lines are still reported");
    assert!(!text.contains('\r'), "CRLF inside a feed text becomes LF");
    let r = by_doc("wire-002");
    let (s, e): (usize, usize) = (
        r["span_start"].parse().unwrap(),
        r["span_end"].parse().unwrap(),
    );
    assert_eq!(text[s..e], r["evidence"]);
}

#[test]
fn feed_field_names_are_configurable() {
    let feed = "feeds/custom-fields.jsonl";
    let (ok, _, err) = run(&["extract", feed], &data(""));
    assert!(!ok);
    assert!(
        err.contains("custom-fields.jsonl:1: no article text"),
        "{err}"
    );
    let (ok, out, err) = run(
        &[
            "extract",
            feed,
            "--field",
            "id=uid",
            "--field",
            "text=body",
            "--field",
            "date=meta.published",
        ],
        &data(""),
    );
    assert!(ok, "{err}");
    let rows = rows(&out);
    assert_eq!(rows[0]["doc_id"], "c-1");
    assert_eq!(rows[0]["date"], "2022-04-04");
    let (ok, _, err) = run(&["extract", feed, "--field", "body"], &data(""));
    assert!(!ok && err.contains("expected KEY=NAME"), "{err}");
}

#[test]
fn mixed_folders_globs_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("pages/2021")).unwrap();
    std::fs::create_dir_all(d.join("feeds")).unwrap();
    std::fs::copy(data(CZECH), d.join("pages/2021/czech.html")).unwrap();
    std::fs::copy(data(KENYA), d.join("pages/kenya.htm")).unwrap();
    std::fs::copy(data("feeds/custom-fields.jsonl"), d.join("feeds/a.jsonl")).unwrap();
    std::fs::copy(root().join(TAJIK), d.join("tajik.txt")).unwrap();
    std::fs::write(
        d.join("notes.json"),
        "{\"text\": \"Russia condemned Poland on Monday.\"}",
    )
    .unwrap();
    std::fs::write(d.join(".hidden.txt"), "Russia condemned Poland on Monday.").unwrap();
    std::fs::write(d.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let (_, csv_text, _) = run(&["extract", "-q", "tajik.txt"], d);
    std::fs::write(
        d.join("feeds/edited.csv"),
        csv_text.replace("Semyon Grigoryev", "S. Grigoryev"),
    )
    .unwrap();
    let (ok, out, err) = run(&["extract", ".", "--field", "text=body", "-q"], d);
    assert!(ok, "{err}");
    let rows = rows(&out);
    let mut docs: Vec<&str> = rows.iter().map(|r| r["doc_id"].as_str()).collect();
    docs.dedup();
    // Sorted walk: feeds/ (a.jsonl, edited.csv), pages/ (2021/czech.html, kenya.htm: no
    // event), tajik.txt; notes.json, photo.png and hidden files are not inputs.
    assert_eq!(docs, ["a-1", "tajik", "czech", "tajik"]);
    assert!(
        rows.iter().any(|r| r["target"] == "S. Grigoryev"),
        "the events CSV is imported"
    );
    // A quoted glob, expanded by demarche.
    let (ok, out, err) = run(&["extract", "pages/**/*.htm*"], d);
    assert!(ok, "{err}");
    let docs: std::collections::BTreeSet<String> = rows_of(&out)
        .into_iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["czech"]);
    let (ok, _, err) = run(&["extract", "nothing/*.html"], d);
    assert!(
        !ok && err.contains("nothing/*.html: no file matches"),
        "{err}"
    );
    // Standard input: an HTML page is recognized by its content, a feed by its first '{'.
    let out = bin()
        .args(["extract", "-"])
        .write_stdin(std::fs::read(data(CZECH)).unwrap())
        .output()
        .unwrap();
    let r = rows_of(&String::from_utf8(out.stdout).unwrap());
    assert!(r.iter().any(|r| r["event_type"] == "expel_diplomats"
        && r["doc_id"] == "stdin"
        && r["doc_date"] == "2021-04-18"));
    let out = bin()
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin(std::fs::read(data(WIRE)).unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("-:3: not JSON"), "{err}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().any(|v| v["doc_id"] == "wire-001"));
    assert!(lines.iter().any(|v| v["doc_id"] == "stdin-7"));
}

#[test]
fn an_empty_shard_on_stdin_is_no_error() {
    for (format, want) in [("jsonl", ""), ("csv", "event_id,date,")] {
        let out = bin()
            .args(["extract", "-", "--format", format])
            .write_stdin("\n")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with(want) && text.lines().count() <= 1,
            "{format}: {text}"
        );
    }
}

fn rows_of(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    rows(text)
}

#[test]
fn every_encoding_gives_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = std::fs::read_to_string(root().join(TAJIK)).unwrap();
    let utf16 = |le: bool| -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in utf8.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    };
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&utf8);
    assert!(!lossy, "the sample is representable in Windows-1252");
    assert!(
        cp1252.iter().any(|&b| b >= 0x80),
        "and uses bytes beyond ASCII"
    );
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf8", utf8.clone().into_bytes()),
        (
            "utf8-bom",
            [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat(),
        ),
        ("utf16le", utf16(true)),
        ("utf16be", utf16(false)),
        ("windows-1252", cp1252.into_owned()),
        ("crlf", utf8.replace('\n', "\r\n").into_bytes()),
    ];
    let mut outputs = Vec::new();
    for (name, bytes) in &variants {
        let sub = dir.path().join(name);
        std::fs::create_dir_all(&sub).unwrap();
        let p = sub.join("2024-04-29-tajik.txt");
        std::fs::write(&p, bytes).unwrap();
        let (ok, out, err) = run(&["extract", p.to_str().unwrap()], dir.path());
        assert!(ok, "{name}: {err}");
        assert!(out.contains("summon_ambassador"), "{name}");
        outputs.push((name, out));
    }
    for (name, out) in &outputs[1..] {
        assert_eq!(out, &outputs[0].1, "{name} differs from UTF-8");
    }
    // A feed in UTF-16 with CRLF line ends, and one in Windows-1252.
    let feed = "{\"id\": \"k\", \"date\": \"2023-04-04\", \"text\": \"Finland joined NATO on Tuesday, President Sauli Niinistö said.\"}\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in feed.repeat(2).replacen("\"k\"", "\"k2\"", 1).encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("utf16.jsonl"), utf16).unwrap();
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(feed);
    std::fs::write(dir.path().join("cp1252.jsonl"), &cp1252[..]).unwrap();
    for f in ["utf16.jsonl", "cp1252.jsonl"] {
        let (ok, text, err) = run(&["text", f], dir.path());
        assert!(ok, "{f}: {err}");
        assert!(
            text.contains("President Sauli Niinistö said."),
            "{f}: {text}"
        );
    }
    // A page in Windows-1252 that declares it.
    let (ok, text, _) = run(&["text", FINLAND], &data(""));
    assert!(ok && text.contains("Niinistö") && text.contains("“counter-measures”"));
}

#[test]
fn duplicate_articles_are_processed_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = "The Czech Republic expelled 18 Russian diplomats on Saturday.";
    std::fs::write(d.join("a.txt"), format!("Date: 2021-04-19\n\n{body}")).unwrap();
    std::fs::write(d.join("b.txt"), format!("Date: 2021-04-19\n\n{body}")).unwrap();
    std::fs::write(
        d.join("c.jsonl"),
        format!("{{\"id\": \"c\", \"date\": \"2021-04-19\", \"text\": \"{body}\"}}\n"),
    )
    .unwrap();
    let (ok, out, err) = run(&["extract", "."], d);
    assert!(ok, "{err}");
    let rows = rows(&out);
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(rows[0]["doc_id"], "a");
    assert!(err.contains("b.txt: same text as ./a.txt"), "{err}");
    assert!(err.contains("c.jsonl:1: same text as ./a.txt"), "{err}");
}

#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        "data/samples",
        "tests/data/pages",
        "tests/data/feeds/wire.jsonl",
    ];
    let mut builds = Vec::new();
    for jobs in ["1", "2", "5"] {
        let out = dir.path().join(jobs);
        let (ok, _, err) = run(
            &[
                &["build", "-q", "--jobs", jobs, "-o", out.to_str().unwrap()][..],
                &inputs[..],
            ]
            .concat(),
            &root(),
        );
        // Exit code 1: the feed's two bad lines; everything else is written.
        assert!(!ok && err.lines().count() == 2, "{err}");
        let (_, csv_text, _) = run(
            &[&["extract", "-q", "-j", jobs][..], &inputs[..]].concat(),
            &root(),
        );
        builds.push((out, csv_text));
    }
    assert!(rows(&builds[0].1).len() > 20);
    for (out, csv_text) in &builds[1..] {
        assert_eq!(
            csv_text,
            &builds[0].1,
            "extract differs with {}",
            out.display()
        );
        for f in ["events.csv", "timeline.svg", "graph.svg", "report.html"] {
            assert_eq!(
                std::fs::read(out.join(f)).unwrap(),
                std::fs::read(builds[0].0.join(f)).unwrap(),
                "{f} differs with {}",
                out.display()
            );
        }
    }
    let (ok, _, err) = run(&["extract", "-j", "0", TAJIK], &root());
    assert!(!ok && err.contains("--jobs"), "{err}");
}

#[test]
fn streamed_output_is_whole_and_quiet_in_pipes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = d.join("events.jsonl");
    // Nothing usable: no file at all, and no temporary file left behind.
    std::fs::write(d.join("bad.jsonl"), "{broken\n").unwrap();
    let (ok, _, err) = run(
        &[
            "extract",
            "bad.jsonl",
            "--format",
            "jsonl",
            "-o",
            "events.jsonl",
        ],
        d,
    );
    assert!(!ok && err.contains("bad.jsonl:1"), "{err}");
    assert_eq!(std::fs::read_dir(d).unwrap().count(), 1, "only bad.jsonl");
    let (ok, _, err) = run(
        &[
            "extract",
            data(WIRE).to_str().unwrap(),
            "--format",
            "jsonl",
            "-o",
            out.to_str().unwrap(),
        ],
        d,
    );
    assert!(!ok, "bad lines in the feed");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().count() >= 4);
    for l in text.lines() {
        serde_json::from_str::<serde_json::Value>(l).unwrap();
    }
    // stderr is a pipe here: no progress bar, only the error lines.
    assert!(
        !err.contains('\r') && !err.contains("ETA") && !err.contains('\u{1b}'),
        "{err:?}"
    );
    assert!(err.lines().all(|l| l.starts_with("demarche: ")), "{err}");
}

/// The README's map-reduce recipe: GNU parallel runs `extract` on each shard of a feed (the
/// map), `build` merges the shards' CSVs (the reduce), and the result is the same as one run
/// over the whole feed.
#[test]
fn gnu_parallel_map_stage_and_build_merge() {
    if std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "SKIPPED gnu_parallel_map_stage_and_build_merge: GNU parallel is not installed (apt-get install parallel; .ci/run installs it)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A feed of the good lines of the wire feed and the four sample articles, in 3 shards.
    let mut lines: Vec<String> = std::fs::read_to_string(data(WIRE))
        .unwrap()
        .lines()
        .filter(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .is_ok_and(|v| v.get("text").is_some() || v.get("html").is_some())
        })
        .map(String::from)
        .collect();
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("data/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    for p in samples {
        let (_, text, _) = run(&["text", "--meta", p.to_str().unwrap()], &root());
        let (head, body) = text.split_once("\n\n").unwrap();
        let field = |k: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(k))
                .unwrap_or("")
                .to_string()
        };
        lines.push(serde_json::json!({"id": field("Id: "), "date": field("Date: "), "title": field("Title: "), "text": body}).to_string());
    }
    std::fs::create_dir_all(d.join("shards")).unwrap();
    std::fs::create_dir_all(d.join("events")).unwrap();
    for (i, chunk) in lines.chunks(3).enumerate() {
        std::fs::write(
            d.join(format!("shards/part-{i:02}.jsonl")),
            chunk.join("\n") + "\n",
        )
        .unwrap();
    }
    std::fs::write(d.join("all.jsonl"), lines.join("\n") + "\n").unwrap();
    let exe = assert_cmd::cargo::cargo_bin("demarche");
    let n_shards = lines.len().div_ceil(3);
    // GNU parallel runs COMMAND once per shard ({} the shard, {/.} its name).
    let map = |command: String| {
        let status = std::process::Command::new("parallel")
            .current_dir(d)
            .args(["--will-cite", "--halt", "now,fail=1", &command, ":::"])
            .args((0..n_shards).map(|i| format!("shards/part-{i:02}.jsonl")))
            .status()
            .unwrap();
        assert!(status.success(), "{command}");
    };
    map(format!(
        "{} extract -q --jobs 1 --format csv -o events/{{/.}}.csv {{}}",
        exe.display()
    ));
    let shards: Vec<String> = (0..n_shards)
        .map(|i| format!("events/part-{i:02}.csv"))
        .collect();
    assert!(shards.len() >= 3);
    let (ok, _, err) = run(
        &[
            &["build", "-q", "-o", "merged"][..],
            &shards.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ]
        .concat(),
        d,
    );
    assert!(ok, "{err}");
    let (ok, _, err) = run(&["build", "-q", "-o", "direct", "all.jsonl"], d);
    assert!(ok, "{err}");
    let merged = std::fs::read_to_string(d.join("merged/events.csv")).unwrap();
    assert!(rows(&merged).len() >= 15, "{merged}");
    assert_eq!(
        merged,
        std::fs::read_to_string(d.join("direct/events.csv")).unwrap()
    );
    assert_eq!(
        std::fs::read(d.join("merged/timeline.svg")).unwrap(),
        std::fs::read(d.join("direct/timeline.svg")).unwrap()
    );
    // The same with JSON Lines from the map stage, in part files without an extension (as
    // Spark's saveAsTextFile and Hadoop Streaming name them; Hadoop adds a trailing tab).
    std::fs::create_dir_all(d.join("parts")).unwrap();
    map(format!(
        "{} extract -q --format jsonl {{}} | sed 's/$/\t/' > parts/{{/.}}",
        exe.display()
    ));
    let parts: Vec<String> = (0..n_shards)
        .map(|i| format!("parts/part-{i:02}"))
        .collect();
    let (ok, _, err) = run(
        &[
            &["build", "-q", "-o", "from-jsonl"][..],
            &parts.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ]
        .concat(),
        d,
    );
    assert!(ok, "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("from-jsonl/events.csv")).unwrap(),
        merged
    );
}
