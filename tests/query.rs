//! Integration tests of the merged event graph and `demarche query`: run the real binary on
//! files in a temporary directory and parse its output (CSV, JSON) back before comparing.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const TAJIK: &str = "data/samples/2024-04-29-tajikistan-summons-russian-envoy.txt";

const CONTRACT: &str = "event_id,date,date_start,date_end,date_precision,date_basis,date_text,source,source_code,source_country,target,target_code,target_country,event_type,cameo,plover,quad_class,goldstein,modality,doc_id,doc_date,trigger,evidence,span_start,span_end,confidence,mentions";

fn bin() -> Command {
    Command::cargo_bin("demarche").expect("binary builds")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run demarche in `cwd`; stdout on success, a panic with stderr otherwise.
fn run(cwd: &Path, args: &[&str]) -> String {
    let out = bin().current_dir(cwd).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "demarche {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn run_json(cwd: &Path, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&run(cwd, &a)).unwrap()
}

/// Stderr of a run that must fail.
fn fail(cwd: &Path, args: &[&str]) -> String {
    let out = bin().current_dir(cwd).args(args).output().unwrap();
    assert!(!out.status.success(), "demarche {args:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

fn parse_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let header = rd.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rd.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

fn names(v: &Value, field: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r[field].as_str().unwrap().to_string())
        .collect()
}

/// Three differently worded reports of the summons of 29 April 2024, and a second summons a
/// week later.
fn summons_articles(dir: &Path) {
    for (name, text) in [
        (
            "a.txt",
            "Title: Tajikistan summons Russian envoy\nDate: 2024-04-29\n\nTajikistan's foreign ministry on Monday summoned Russia's ambassador, Semyon Grigoryev, over the treatment of Tajik migrants.\n",
        ),
        (
            "b.txt",
            "Title: Dushanbe protests\nDate: 2024-04-30\n\nDushanbe summoned the Russian ambassador on Monday to complain about the treatment of its citizens.\n",
        ),
        (
            "c.txt",
            "Title: Envoy called in\nDate: 2024-05-02\n\nRussia's ambassador was summoned by the Tajik foreign ministry on April 29 and handed a note.\n",
        ),
        (
            "d.txt",
            "Title: Second summons\nDate: 2024-05-06\n\nTajikistan's foreign ministry on Monday summoned the Russian ambassador again.\n",
        ),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn three_reports_of_one_summons_are_one_edge_with_three_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    summons_articles(d);
    // Per document, extract keeps every report.
    let (_, rows) = parse_csv(&run(d, &["extract", "a.txt", "b.txt", "c.txt", "d.txt"]));
    assert_eq!(rows.len(), 4);
    let v = run_json(d, &["query", "events", "a.txt", "b.txt", "c.txt", "d.txt"]);
    let evs = v.as_array().unwrap();
    assert_eq!(evs.len(), 2, "{v:#}");
    let first = &evs[0];
    assert_eq!(first["event_type"], "summon_ambassador");
    assert_eq!(first["date"], "2024-04-29");
    assert_eq!(first["mentions"], 3);
    assert_eq!(first["doc_id"], "a");
    assert_eq!(first["doc_ids"], serde_json::json!(["a", "b", "c"]));
    assert_eq!(first["evidence_doc_id"], "a");
    // Two of three reports name the state as the target, one the ambassador: the state wins.
    assert_eq!(first["target"], "Russia");
    // The summons a week later stays its own event.
    assert_eq!(evs[1]["date"], "2024-05-06");
    assert_eq!(evs[1]["mentions"], 1);

    // `build` writes the merged rows in the contract's columns.
    let out = d.join("out");
    run(
        d,
        &[
            "build",
            "a.txt",
            "b.txt",
            "c.txt",
            "d.txt",
            "-q",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(out.join("events.csv")).unwrap();
    assert_eq!(text.lines().next().unwrap(), CONTRACT);
    let (h, rows) = parse_csv(&text);
    let cells: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.get(col(&h, "doc_id")).unwrap(),
                r.get(col(&h, "mentions")).unwrap(),
            )
        })
        .collect();
    assert_eq!(cells, [("a", "3"), ("d", "1")]);
    // Reading the merged CSV back keeps the counts, and adding it to more reports adds up.
    let csv_path = out.join("events.csv");
    let back = run_json(d, &["query", "events", csv_path.to_str().unwrap()]);
    assert_eq!(back[0]["mentions"], 3);
}

#[test]
fn two_summonses_a_week_apart_stay_two() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    summons_articles(d);
    // At the actor level the first summons is of the ambassador (a person); the country
    // level counts every Russian actor as Russia.
    let v = run_json(
        d,
        &[
            "query",
            "between",
            "Tajikistan",
            "Russia",
            "a.txt",
            "d.txt",
            "--level",
            "country",
        ],
    );
    let dates: Vec<String> = names(&v, "date");
    assert_eq!(dates, ["2024-04-29", "2024-05-06"]);
    assert!(v.as_array().unwrap().iter().all(|e| e["mentions"] == 1));
}

#[test]
fn the_same_article_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    summons_articles(d);
    let v = run_json(d, &["query", "events", "a.txt", "a.txt", "."]);
    assert_eq!(v[0]["mentions"], 3, "{v:#}");
}

#[test]
fn an_article_and_its_edited_csv_count_once_and_the_edit_wins() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    summons_articles(d);
    let csv = run(d, &["extract", "a.txt"]);
    let edited = csv.replace(
        "over the treatment of Tajik migrants",
        "over migrants (checked)",
    );
    assert_ne!(csv, edited);
    std::fs::write(d.join("a.csv"), &edited).unwrap();
    let v = run_json(d, &["query", "events", "a.txt", "a.csv"]);
    assert_eq!(v.as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v[0]["mentions"], 1);
    assert!(v[0]["evidence"].as_str().unwrap().contains("(checked)"));
}

/// The questions asked in the round-trip test.
const QUESTIONS: &[&[&str]] = &[
    &["query", "events"],
    &["query", "who", "Tajikistan"],
    &["query", "who", "Russia", "--level", "country"],
    &["query", "between", "Tajikistan", "Russia"],
    &["query", "path", "Czech Republic", "Tajikistan"],
    &["query", "top", "--by", "events"],
    &["query", "top", "--by", "betweenness", "--level", "country"],
    &["query", "events", "--type", "q3", "--min-mentions", "2"],
];

#[test]
fn round_trip_extract_csv_query_answers_like_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    summons_articles(d);
    for f in std::fs::read_dir(root().join("data/samples")).unwrap() {
        let p = f.unwrap().path();
        std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
    }
    let csv = run(d, &["extract", "."]);
    let csv_path = d.join("extracted.csv");
    std::fs::write(&csv_path, &csv).unwrap();
    let articles = d.join("articles");
    std::fs::create_dir(&articles).unwrap();
    for f in std::fs::read_dir(d).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::rename(&p, articles.join(p.file_name().unwrap())).unwrap();
        }
    }
    for q in QUESTIONS {
        let (head, tail) = q.split_at(if q[1] == "who" {
            3
        } else if q[1] == "between" || q[1] == "path" {
            4
        } else {
            2
        });
        let ask = |input: &str| {
            let mut a: Vec<&str> = head.to_vec();
            a.push(input);
            a.extend(tail);
            run_json(d, &a)
        };
        let from_articles = ask(articles.to_str().unwrap());
        let from_csv = ask(csv_path.to_str().unwrap());
        assert_eq!(from_articles, from_csv, "{q:?}");
        assert!(
            from_articles != Value::Null && from_articles != serde_json::json!([]),
            "{q:?} answered nothing"
        );
    }
}

/// A hand-built events CSV with known answers:
///
/// ```text
/// Tajikistan → Russia   summon (h-1 and i-1: one event, 2 mentions), protest (h-2)  1 Apr
/// Russia → Tajikistan   criticize, alleged (h-3)                                     3 Apr
/// Russia → Czech Republic  expel (j-1) 10 Apr;  Maria Zakharova → Czech Republic  criticize 11 Apr
/// Czech Republic → Germany consult 12 Apr;  Germany → France visit 20 Apr
/// ```
fn hand_csv(dir: &Path) -> PathBuf {
    /// (event_id, date, source, target, event_type, modality); actors as (name, code, ISO3).
    type Row<'a> = (
        &'a str,
        &'a str,
        (&'a str, &'a str, &'a str),
        (&'a str, &'a str, &'a str),
        &'a str,
        &'a str,
    );
    let rows: &[Row] = &[
        (
            "h-1",
            "2024-04-01",
            ("Tajikistan", "TJKGOV", "TJK"),
            ("Russia", "RUSGOV", "RUS"),
            "summon_ambassador",
            "asserted",
        ),
        (
            "h-2",
            "2024-04-01",
            ("Tajikistan", "TJKGOV", "TJK"),
            ("Russia", "RUSGOV", "RUS"),
            "protest_officially",
            "asserted",
        ),
        (
            "i-1",
            "2024-04-01",
            ("Tajikistan", "TJKGOV", "TJK"),
            ("Russia", "RUSGOV", "RUS"),
            "summon_ambassador",
            "asserted",
        ),
        (
            "h-3",
            "2024-04-03",
            ("Russia", "RUSGOV", "RUS"),
            ("Tajikistan", "TJKGOV", "TJK"),
            "criticize",
            "alleged",
        ),
        (
            "j-1",
            "2024-04-10",
            ("Russia", "RUSGOV", "RUS"),
            ("Czech Republic", "CZEGOV", "CZE"),
            "expel_diplomats",
            "asserted",
        ),
        (
            "l-1",
            "2024-04-11",
            ("Maria Zakharova", "RUSGOV", "RUS"),
            ("Czech Republic", "CZEGOV", "CZE"),
            "criticize",
            "asserted",
        ),
        (
            "j-2",
            "2024-04-12",
            ("Czech Republic", "CZEGOV", "CZE"),
            ("Germany", "DEUGOV", "DEU"),
            "consult",
            "asserted",
        ),
        (
            "k-1",
            "2024-04-20",
            ("Germany", "DEUGOV", "DEU"),
            ("France", "FRAGOV", "FRA"),
            "visit",
            "asserted",
        ),
    ];
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CONTRACT.split(',')).unwrap();
    for (id, date, s, t, ty, modality) in rows {
        let doc = id.split('-').next().unwrap();
        w.write_record([
            id, date, date, date, "day", "explicit", "", s.0, s.1, s.2, t.0, t.1, t.2, ty, "", "",
            "", "", modality, doc, date, "", "", "0", "0", "0.8", "1",
        ])
        .unwrap();
    }
    let p = dir.join("hand.csv");
    std::fs::write(&p, w.into_inner().unwrap()).unwrap();
    p
}

#[test]
fn queries_on_a_hand_built_graph_give_known_answers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = hand_csv(d);
    let c = csv.to_str().unwrap();

    let v = run_json(d, &["query", "events", c]);
    assert_eq!(v.as_array().unwrap().len(), 7);
    assert_eq!(v[0]["event_id"], "h-1");
    assert_eq!(v[0]["mentions"], 2);
    assert_eq!(v[0]["doc_ids"], serde_json::json!(["h", "i"]));

    let v = run_json(d, &["query", "who", "Russia", c]);
    assert_eq!(names(&v, "actor"), ["Tajikistan", "Czech Republic"]);
    let tjk = &v[0];
    assert_eq!(
        (&tjk["outgoing"], &tjk["incoming"]),
        (&Value::from(1), &Value::from(2))
    );
    assert_eq!(tjk["mentions"], 4);
    assert_eq!(tjk["conflict"], 3);
    assert_eq!(tjk["sum_goldstein"], -6.0);
    assert_eq!(tjk["first"], "2024-04-01");
    assert_eq!(tjk["last"], "2024-04-03");

    let v = run_json(d, &["query", "between", "Tajikistan", "the Kremlin", c]);
    assert_eq!(names(&v, "event_id"), ["h-1", "h-2", "h-3"]);

    let v = run_json(d, &["query", "path", "Tajikistan", "France", c]);
    let chain: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(
        chain,
        [
            "Tajikistan",
            "Russia",
            "Czech Republic",
            "Germany",
            "France"
        ]
    );
    assert_eq!(v["hops"][1]["events"][0]["event_type"], "expel_diplomats");
    let v = run_json(
        d,
        &["query", "path", "Tajikistan", "France", c, "--type", "q1"],
    );
    assert_eq!(v, Value::Null);

    for (by, want) in [
        ("events", ["Russia", "Czech Republic", "Tajikistan"]),
        ("degree", ["Czech Republic", "Russia", "Germany"]),
        ("conflict", ["Russia", "Tajikistan", "Czech Republic"]),
        ("cooperation", ["Germany", "Czech Republic", "France"]),
        ("betweenness", ["Czech Republic", "Russia", "Germany"]),
    ] {
        let v = run_json(d, &["query", "top", "--by", by, "-n", "3", c]);
        assert_eq!(names(&v, "actor"), want, "--by {by}");
    }
    let v = run_json(d, &["query", "top", "--by", "betweenness", "-n", "1", c]);
    assert_eq!(v[0]["betweenness"], 0.8);

    // The filters, on `events`.
    for (args, n) in [
        (&["--min-mentions", "2"][..], 1),
        (&["--modality", "alleged"][..], 1),
        (&["--country", "CZE"][..], 3),
        (&["--country", "Czech"][..], 3),
        (&["--actor", "Zakharova"][..], 1),
        (&["--actor", "Germany", "--actor", "Tajik"][..], 5),
        (&["--type", "11"][..], 4),
        (&["--type", "summon_ambassador", "--type", "q1"][..], 3),
        (&["--from", "2024-04-10", "--to", "2024-04-12"][..], 3),
    ] {
        let mut a = vec!["query", "events", c];
        a.extend(args);
        let v = run_json(d, &a);
        assert_eq!(v.as_array().unwrap().len(), n, "{args:?}");
    }

    // The country level: Maria Zakharova's criticism is Russia's.
    let v = run_json(d, &["query", "who", "Russia", c, "--level", "country"]);
    assert_eq!(names(&v, "actor"), ["Tajikistan", "Czech Republic"]);
    assert_eq!(v[1]["outgoing"], 2);
    assert_eq!(v[1]["code"], "CZE");
}

#[test]
fn output_formats_table_csv_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = hand_csv(d);
    let c = csv.to_str().unwrap();
    // Not a terminal: CSV by default.
    let text = run(d, &["query", "who", "Russia", c]);
    let (h, rows) = parse_csv(&text);
    assert_eq!(h[0], "actor");
    assert_eq!(rows.len(), 2);
    // The aligned table: every column starts at the same offset on every line.
    let t = run(d, &["query", "who", "Russia", c, "--format", "table"]);
    let lines: Vec<&str> = t.lines().collect();
    assert!(lines[0].starts_with("counterpart"), "{t}");
    let pos = |l: &str| l.find("2024-04").unwrap();
    assert_eq!(pos(lines[1]), pos(lines[2]), "{t}");
    // `events` as CSV is the events CSV contract, and reads back as input.
    let ev = run(
        d,
        &["query", "events", c, "--format", "csv", "--type", "q4"],
    );
    assert_eq!(ev.lines().next().unwrap(), CONTRACT);
    let back = d.join("q4.csv");
    std::fs::write(&back, &ev).unwrap();
    let v = run_json(d, &["query", "events", back.to_str().unwrap()]);
    assert_eq!(names(&v, "event_type"), ["expel_diplomats"]);
    // `path` as CSV: hop, from, to and the contract.
    let p = run(
        d,
        &[
            "query",
            "path",
            "Tajikistan",
            "Germany",
            c,
            "--format",
            "csv",
        ],
    );
    let (h, rows) = parse_csv(&p);
    assert_eq!(&h[..4], ["hop", "from", "to", "event_id"]);
    assert_eq!(rows.last().unwrap().get(0).unwrap(), "3");
    // Table output of every query runs.
    for q in [
        &["query", "between", "Russia", "Czech Republic"][..],
        &["query", "path", "France", "Tajikistan"][..],
        &["query", "top", "--by", "betweenness"][..],
        &["query", "events"][..],
    ] {
        let mut a = q.to_vec();
        a.extend([c, "--format", "table"]);
        assert!(run(d, &a).lines().count() >= 2, "{q:?}");
    }
}

#[test]
fn names_match_like_the_extractor_and_unknown_names_get_suggestions() {
    let r = root();
    let who = |name: &str| run_json(&r, &["query", "who", name, TAJIK]);
    let tajikistan = who("Tajikistan");
    for form in [
        "tajikistan",
        "Dushanbe",
        "Tajik",
        "Tajikistan's foreign ministry",
        "TJKGOV",
    ] {
        assert_eq!(who(form), tajikistan, "{form}");
    }
    // A transliteration of the ambassador's name, and his surname alone.
    let envoy = who("Semyon Grigoryev");
    assert_eq!(who("Semyon Grigoriev"), envoy);
    assert_eq!(who("Grigoriev"), envoy);
    let err = fail(&r, &["query", "between", "Tajikstan", "Russia", TAJIK]);
    assert!(
        err.contains("no actor named \"Tajikstan\"; did you mean \"Tajikistan\"?"),
        "{err}"
    );
    let err = fail(&r, &["query", "events", TAJIK, "--actor", "Rusia"]);
    assert!(err.contains("did you mean \"Russia\""), "{err}");
    let err = fail(&r, &["query", "events", TAJIK, "--country", "Narnia"]);
    assert!(err.contains("no country named \"Narnia\""), "{err}");
    let err = fail(&r, &["query", "events", TAJIK, "--type", "q7"]);
    assert!(err.contains("--type \"q7\""), "{err}");
}

#[test]
fn filters_apply_to_timeline_and_graph() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = hand_csv(d);
    let c = csv.to_str().unwrap();
    for cmd in ["timeline", "graph"] {
        let out = d.join(format!("{cmd}.svg"));
        run(
            d,
            &[cmd, c, "-o", out.to_str().unwrap(), "--actor", "Germany"],
        );
        let svg = std::fs::read_to_string(&out).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(
            text.contains("France") && text.contains("Czech Republic"),
            "{cmd}"
        );
        assert!(
            !text.contains("Tajikistan"),
            "{cmd} shows a filtered-out actor"
        );
        // The country level rolls Maria Zakharova into Russia.
        run(
            d,
            &[
                cmd,
                c,
                "-o",
                out.to_str().unwrap(),
                "--level",
                "country",
                "--country",
                "RUS",
            ],
        );
        let svg = std::fs::read_to_string(&out).unwrap();
        assert!(
            svg.contains("Russia") && !svg.contains("Zakharova"),
            "{cmd}"
        );
        let err = fail(
            d,
            &[cmd, c, "-o", out.to_str().unwrap(), "--actor", "Narnia"],
        );
        assert!(err.contains("no actor named \"Narnia\""), "{err}");
    }
}
