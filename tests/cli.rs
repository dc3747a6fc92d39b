//! Integration tests: run the real binary on files in a temporary directory and parse its
//! output back before comparing.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const TAJIK: &str = "data/samples/2024-04-29-tajikistan-summons-russian-envoy.txt";

fn bin() -> Command {
    Command::cargo_bin("demarche").expect("binary builds")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Parse CSV output into header + records.
fn parse_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let header = rd.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rd.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn extract_csv(args: &[&str]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let out = bin()
        .current_dir(root())
        .arg("extract")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_csv(&String::from_utf8(out.stdout).unwrap())
}

const CONTRACT: &str = "event_id,date,date_start,date_end,date_precision,date_basis,date_text,source,source_code,source_country,target,target_code,target_country,event_type,cameo,plover,quad_class,goldstein,modality,doc_id,doc_date,trigger,evidence,span_start,span_end,confidence,mentions";

#[test]
fn csv_header_is_exactly_the_contract() {
    let out = bin()
        .current_dir(root())
        .args(["extract", TAJIK])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().next().unwrap(), CONTRACT);
}

#[test]
fn tajik_sample_summons_is_dated_from_the_text() {
    let (h, rows) = extract_csv(&[TAJIK]);
    let get = |r: &csv::StringRecord, c: &str| r.get(col(&h, c)).unwrap().to_string();
    let summons: Vec<_> = rows
        .iter()
        .filter(|r| get(r, "event_type") == "summon_ambassador")
        .collect();
    assert!(
        summons.iter().any(|r| get(r, "source_country") == "TJK"
            && get(r, "target_country") == "RUS"
            && get(r, "date") == "2024-04-29"),
        "no TJK→RUS summons on 2024-04-29"
    );
    // The earlier meeting over denials of entry, "on Friday" = 2024-04-26.
    assert!(
        rows.iter()
            .any(|r| get(r, "source_country") == "TJK" && get(r, "date") == "2024-04-26"),
        "no 2024-04-26 meeting"
    );
    // Every row points at its evidence in the text.
    let full = std::fs::read_to_string(root().join(TAJIK)).unwrap();
    let body = full.split_once("\n\n").unwrap().1;
    for r in &rows {
        let (s, e): (usize, usize) = (
            get(r, "span_start").parse().unwrap(),
            get(r, "span_end").parse().unwrap(),
        );
        assert_eq!(&body[s..e], get(r, "evidence"));
    }
}

#[test]
fn attack_is_dated_in_march_not_on_publication_day() {
    // The Crocus City Hall attack and the arrests that followed fall in March 2024.
    let (h, rows) = extract_csv(&[TAJIK]);
    let get = |r: &csv::StringRecord, c: &str| r.get(col(&h, c)).unwrap().to_string();
    let march: Vec<_> = rows
        .iter()
        .filter(|r| matches!(get(r, "event_type").as_str(), "attack" | "arrest"))
        .collect();
    assert!(!march.is_empty(), "no attack or arrest event");
    for r in march {
        assert!(get(r, "date_start").starts_with("2024-03"), "{:?}", r);
        assert!(get(r, "date_end").starts_with("2024-03"), "{:?}", r);
    }
}

#[test]
fn boilerplate_yields_no_event() {
    let (h, rows) = extract_csv(&[TAJIK]);
    for r in &rows {
        let ev = r.get(col(&h, "evidence")).unwrap();
        assert!(
            !ev.contains("foreign agent"),
            "event from donation appeal: {ev}"
        );
        assert!(!ev.contains("Read more"), "event from read-more list: {ev}");
    }
}

#[test]
fn json_and_jsonl_carry_the_same_events() {
    let json = bin()
        .current_dir(root())
        .args(["extract", TAJIK, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let jsonl = bin()
        .current_dir(root())
        .args(["extract", TAJIK, "--format", "jsonl"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v.as_array().unwrap().len(), lines.len());
    assert_eq!(
        v.as_array().unwrap()[0]["event_type"],
        lines[0]["event_type"]
    );
}

#[test]
fn build_writes_three_files_that_parse() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .current_dir(root())
        .args(["build", "data/samples", "-o"])
        .arg(&out)
        .assert()
        .success();
    let csv_text = std::fs::read_to_string(out.join("events.csv")).unwrap();
    let (_, rows) = parse_csv(&csv_text);
    assert!(rows.len() >= 10, "only {} events", rows.len());
    for svg in ["timeline.svg", "graph.svg"] {
        let text = std::fs::read_to_string(out.join(svg)).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{svg}: {e}"));
        let all_text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(all_text.contains("Tajikistan"), "{svg} lacks Tajikistan");
        assert!(all_text.contains("Russia"), "{svg} lacks Russia");
        assert_eq!(doc.root_element().attribute("role"), Some("img"));
    }
}

#[test]
fn output_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for d in [&a, &b] {
        bin()
            .current_dir(root())
            .args(["build", "data/samples", "-q", "-o"])
            .arg(d)
            .assert()
            .success();
    }
    for f in ["events.csv", "timeline.svg", "graph.svg"] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn edited_csv_rerenders() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(root())
        .args(["extract", TAJIK])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // An analyst renames an actor and fixes a type by hand.
    let edited = text.replacen("Tajikistan,", "Republic of Tajikistan,", 1);
    let csv_path = dir.path().join("edited.csv");
    std::fs::write(&csv_path, &edited).unwrap();
    let svg = dir.path().join("t.svg");
    bin()
        .args(["timeline"])
        .arg(&csv_path)
        .arg("-o")
        .arg(&svg)
        .assert()
        .success();
    let t = std::fs::read_to_string(&svg).unwrap();
    roxmltree::Document::parse(&t).unwrap();
    assert!(t.contains("Republic of Tajikistan"));
    let g = dir.path().join("g.svg");
    bin()
        .args(["graph"])
        .arg(&csv_path)
        .arg("-o")
        .arg(&g)
        .assert()
        .success();
    // Round trip: extract from the CSV gives the same rows back.
    let back = bin().args(["extract"]).arg(&csv_path).output().unwrap();
    assert_eq!(String::from_utf8(back.stdout).unwrap(), edited);
}

#[test]
fn query_who_lists_counterparts() {
    let out = bin()
        .current_dir(root())
        .args(["query", "who", "Tajikistan", TAJIK, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert!(
        rows.iter()
            .any(|r| r["types"].as_str().unwrap().contains("summon_ambassador")),
        "{v}"
    );
    // Country forms work as names: the capital finds the same actor.
    let out2 = bin()
        .current_dir(root())
        .args(["query", "who", "Dushanbe", TAJIK, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, out2.stdout);
    // A date filter that excludes everything leaves nothing.
    let out3 = bin()
        .current_dir(root())
        .args([
            "query",
            "who",
            "Tajikistan",
            TAJIK,
            "--format",
            "json",
            "--to",
            "2020-01-01",
        ])
        .output()
        .unwrap();
    let v3: serde_json::Value = serde_json::from_slice(&out3.stdout).unwrap();
    assert!(v3.as_array().unwrap().is_empty());
}

#[test]
fn unknown_actor_gets_a_suggestion() {
    let out = bin()
        .current_dir(root())
        .args(["query", "who", "Tajikstan", TAJIK])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean \"Tajikistan\""), "{err}");
}

fn run_err(args: &[&str], cwd: &Path) -> (bool, String, String) {
    let out = bin().current_dir(cwd).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn bad_inputs_get_one_line_errors_and_others_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("binary.txt"), b"\x00\x01\x02abc").unwrap();
    // Bytes that neither UTF-8 nor Windows-1252 explain (0x81 and 0x8D are undefined in both).
    std::fs::write(
        d.join("undecodable.txt"),
        b"Date: 2024-01-01\n\nCaf\x81\x8d talks",
    )
    .unwrap();
    std::fs::write(d.join("bad.csv"), "not,an,events,csv\n1,2,3,4\n").unwrap();
    std::fs::copy(root().join(TAJIK), d.join("good.txt")).unwrap();
    let cases: &[(&str, &str)] = &[
        ("missing.txt", "missing.txt"),
        ("empty.txt", "empty file"),
        ("binary.txt", "binary"),
        ("undecodable.txt", "neither valid UTF-8 nor windows-1252"),
        ("bad.csv", "missing column"),
    ];
    for (file, msg) in cases {
        let (ok, stdout, stderr) = run_err(&["extract", file, "good.txt"], d);
        assert!(!ok, "{file}: should exit non-zero");
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(msg)).collect();
        assert_eq!(lines.len(), 1, "{file}: {stderr}");
        assert!(
            lines[0].contains(file),
            "{file}: error does not name the file: {}",
            lines[0]
        );
        // The good article is still processed.
        assert!(
            stdout.contains("summon_ambassador"),
            "{file}: good input lost"
        );
    }
    // Nothing usable at all: non-zero exit, nothing on stdout.
    let (ok, stdout, stderr) = run_err(&["extract", "empty.txt"], d);
    assert!(!ok && stdout.is_empty(), "{stderr}");
}

#[test]
fn bad_date_argument_is_refused() {
    let (ok, _, stderr) = run_err(&["extract", TAJIK, "--date", "29/04/2024"], &root());
    assert!(!ok);
    assert!(
        stderr.contains("29/04/2024") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
}

#[test]
fn unreadable_directory_is_reported() {
    let (ok, _, stderr) = run_err(
        &["build", "no-such-dir", "-o", "/tmp/demarche-never"],
        &root(),
    );
    assert!(!ok);
    assert!(stderr.contains("no-such-dir"), "{stderr}");
    assert!(!Path::new("/tmp/demarche-never/events.csv").exists());
}

#[test]
fn missing_date_warns_and_leaves_relative_dates_unresolved() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nodate.txt");
    std::fs::write(
        &p,
        "Tajikistan's foreign ministry on Monday summoned Russia's ambassador.",
    )
    .unwrap();
    let out = bin().arg("extract").arg(&p).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("nodate.txt") && err.contains("no publication date"),
        "{err}"
    );
    let (h, rows) = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].get(col(&h, "date_basis")).unwrap(), "none");
    assert_eq!(rows[0].get(col(&h, "date")).unwrap(), "");
    // With --date the same text resolves.
    let (h, rows) = extract_csv(&[p.to_str().unwrap(), "--date", "2024-04-29"]);
    assert_eq!(rows[0].get(col(&h, "date")).unwrap(), "2024-04-29");
}

#[test]
fn stdin_is_an_input() {
    let out = bin()
        .args(["extract", "-", "--date", "2021-04-19"])
        .write_stdin("The Czech Republic expelled 18 Russian diplomats on Saturday.")
        .output()
        .unwrap();
    let (h, rows) = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(
        rows[0].get(col(&h, "event_type")).unwrap(),
        "expel_diplomats"
    );
    assert_eq!(rows[0].get(col(&h, "date")).unwrap(), "2021-04-17");
    assert_eq!(rows[0].get(col(&h, "doc_id")).unwrap(), "stdin");
}

#[test]
fn hostile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.txt");
    std::fs::write(&p, "Date: 2024-01-02\n\n=HYPERLINK(\"http://x\") <script>alert(1)</script> Russia condemned Ukraine & \u{7}Poland on Monday.").unwrap();
    let out = bin().arg("extract").arg(&p).output().unwrap();
    let (h, rows) = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert!(!rows.is_empty());
    assert!(rows[0].get(col(&h, "evidence")).unwrap().starts_with("'="));
    let svg = dir.path().join("t.svg");
    bin()
        .arg("timeline")
        .arg(&p)
        .arg("-o")
        .arg(&svg)
        .assert()
        .success();
    let g = dir.path().join("g.svg");
    bin()
        .arg("graph")
        .arg(&p)
        .arg("-o")
        .arg(&g)
        .assert()
        .success();
    for f in [&svg, &g] {
        let t = std::fs::read_to_string(f).unwrap();
        roxmltree::Document::parse(&t).unwrap();
        assert!(!t.contains("<script>"));
    }
}

#[test]
fn lexicon_overlay_adds_an_alias() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("countries.tsv"),
        "iso3\tname\taliases\tadjectives\tcapitals\tmetonyms\nRUS\tRussia\tRussian Federation\tRussian|Russians\tMoscow\tKremlin|Smolenskaya Square\n",
    )
    .unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(
        &art,
        "Smolenskaya Square summoned Poland's ambassador on Monday.",
    )
    .unwrap();
    let out = bin()
        .arg("--lexicon")
        .arg(dir.path())
        .args(["extract", "--date", "2024-04-29"])
        .arg(&art)
        .output()
        .unwrap();
    let (h, rows) = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(rows[0].get(col(&h, "source_country")).unwrap(), "RUS");
}

#[test]
fn lexicon_overlay_with_a_repeated_pattern_id_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("events.tsv"),
        "id\tevent_type\tpos\tpattern\tflags\n\
         my_rebuke\tcriticize\tv\trebuke~\n\
         my_rebuke\tcriticize\tv\tscold~\n",
    )
    .unwrap();
    let art = dir.path().join("a.txt");
    std::fs::write(&art, "Poland rebuked Russia on Monday.").unwrap();
    let out = bin()
        .arg("--lexicon")
        .arg(dir.path())
        .args(["extract", "--date", "2024-04-29"])
        .arg(&art)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("events.tsv") && err.contains('3') && err.contains("my_rebuke"),
        "{err}"
    );
    // A single use overrides nothing and is accepted.
    std::fs::write(
        dir.path().join("events.tsv"),
        "id\tevent_type\tpos\tpattern\tflags\nmy_rebuke\tcriticize\tv\trebuke~\n",
    )
    .unwrap();
    let ok = bin()
        .arg("--lexicon")
        .arg(dir.path())
        .args(["extract", "--date", "2024-04-29"])
        .arg(&art)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn help_text_explains_every_subcommand() {
    for sub in [
        "extract", "build", "timeline", "graph", "query", "eval", "explain", "text",
    ] {
        let out = bin().args([sub, "--help"]).output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8(out.stdout).unwrap().len() > 200, "{sub}");
    }
}

#[test]
fn explain_shows_resolutions_and_verdicts() {
    let out = bin()
        .current_dir(root())
        .args(["explain", TAJIK])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // "the ministry" is resolved from context to Tajikistan, and the summons is coded.
    assert!(
        text.contains("\"ministry\" → Tajikistan (TJKGOV, from context)"),
        "{text}"
    );
    assert!(
        text.contains("summon_ambassador: Tajikistan → Semyon Grigoryev — coded ×1"),
        "{text}"
    );
    let json = bin()
        .current_dir(root())
        .args(["explain", TAJIK, "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["sentences"].as_array().unwrap().len() >= 8);
    assert!(!v["events"].as_array().unwrap().is_empty());
}

#[test]
fn build_writes_a_self_contained_report_and_views_take_their_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .current_dir(root())
        .args(["build", "data/samples", "-q", "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(html.matches("<svg").count(), 2, "both charts inline");
    assert!(html.contains("Semyon Grigoryev"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "no network requests"
    );
    // The ego view finds the actor by any of its names; lanes and widths are options.
    let g = dir.path().join("ego.svg");
    bin()
        .current_dir(root())
        .args(["graph", "data/samples", "--focus", "Dushanbe", "-o"])
        .arg(&g)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&g).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
    assert!(
        svg.contains("Tajikistan") && !svg.contains("Nigeria"),
        "ego view keeps only the neighbourhood"
    );
    let t = dir.path().join("lanes.svg");
    bin()
        .current_dir(root())
        .args([
            "timeline",
            "data/samples",
            "--lanes",
            "country",
            "--width",
            "900",
            "-o",
        ])
        .arg(&t)
        .assert()
        .success();
    let tl = std::fs::read_to_string(&t).unwrap();
    assert!(tl.starts_with("<svg width=\"900\""), "{}", &tl[..80]);
    let bad = bin()
        .current_dir(root())
        .args(["graph", "data/samples", "--focus", "Tajikstan", "-o"])
        .arg(dir.path().join("x.svg"))
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean"));
}
