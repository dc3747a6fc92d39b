//! `demarche timex` driven as a binary: both formats parse back and agree.

use assert_cmd::Command;
use std::path::PathBuf;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/samples/2024-04-29-tajikistan-summons-russian-envoy.txt")
}

/// Run `cmd`, which must succeed; its standard output.
fn succeed(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn run(args: &[&str]) -> String {
    succeed(demarche().arg("timex").arg(sample()).args(args))
}

#[test]
fn json_lists_typed_values_and_intervals() {
    let v: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).expect("json");
    let rows = v.as_array().expect("array");
    let by_text = |t: &str| {
        rows.iter()
            .find(|r| r["text"] == t)
            .unwrap_or_else(|| panic!("{t} in {rows:?}"))
    };
    let friday = by_text("On Friday");
    assert_eq!(
        (
            &friday["type"],
            &friday["value"],
            &friday["date_start"],
            &friday["basis"]
        ),
        (
            &serde_json::json!("DATE"),
            &serde_json::json!("2024-04-26"),
            &serde_json::json!("2024-04-26"),
            &serde_json::json!("relative")
        )
    );
    let march = by_text("in March");
    assert_eq!(
        (&march["value"], &march["date_end"], &march["precision"]),
        (
            &serde_json::json!("2024-03"),
            &serde_json::json!("2024-03-31"),
            &serde_json::json!("month")
        )
    );
    assert_eq!(
        by_text("more than a month after the attack")["basis"],
        "anchored"
    );
}

#[test]
fn tsv_has_a_header_and_the_same_rows_as_json() {
    let tsv = run(&[]);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("start\tend\ttext\ttype\tvalue\tdate_start\tdate_end\tprecision\tbasis")
    );
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).expect("json");
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let json = json.as_array().expect("array");
    assert_eq!(rows.len(), json.len());
    for (r, j) in rows.iter().zip(json) {
        assert_eq!(r.len(), 9);
        assert_eq!(r[0], j["span"]["start"].to_string());
        assert_eq!(r[2], j["text"].as_str().expect("text"));
        assert_eq!(r[4], j["value"].as_str().expect("value"));
    }
}

#[test]
fn the_date_flag_moves_relative_values() {
    let tsv = run(&["--date", "2024-05-06"]);
    let friday = tsv
        .lines()
        .find(|l| l.contains("\tOn Friday\t"))
        .expect("On Friday listed");
    assert!(friday.contains("\t2024-05-03\t"), "{friday}");
}

fn demarche() -> Command {
    Command::cargo_bin("demarche").expect("binary builds")
}

#[test]
fn timeml_output_keeps_the_text_and_scores_itself_perfectly() {
    let xml = run(&["--format", "timeml"]);
    assert!(xml.starts_with("<?xml") && xml.contains("<TEXT>") && xml.contains("</TimeML>"));
    assert!(xml.contains("functionInDocument=\"CREATION_TIME\""));
    // The article's text comes back with the tags removed (the own-tags round trip).
    let dir = tempfile::tempdir().expect("temp dir");
    let own = dir.path().join("own.tml");
    std::fs::write(&own, &xml).expect("write");
    let out = succeed(
        demarche()
            .args(["timex", "--score", "--format", "json"])
            .arg(&own),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let t = &v["total"];
    assert!(t["gold"].as_u64().unwrap() >= 3, "{v}");
    for k in ["strict", "relaxed", "type_ok", "value_ok"] {
        assert_eq!(t[k], t["gold"], "{k}: {v}");
    }
}

#[test]
fn the_bundled_timeml_documents_are_scored_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/timeml");
    let broken = dir.path().join("broken.tml");
    std::fs::write(
        &broken,
        "<TimeML>\n<TEXT>It happened\non <TIMEX3 type=\"DATE\" value=\"2024\">2024</TEXT>\n",
    )
    .expect("write");
    let out = demarche()
        .args(["timex", "--score"])
        .arg(&corpus)
        .arg(&broken)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "a broken file fails the run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("broken.tml:3:") && err.contains("never closed"),
        "{err}"
    );
    let table = String::from_utf8(out.stdout).expect("utf-8");
    let total: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("TOTAL\t"))
        .expect("a total row")
        .split('\t')
        .collect();
    assert_eq!(
        table.lines().count(),
        2 + 3,
        "header, three documents, total"
    );
    let gold: usize = total[1].parse().unwrap();
    assert_eq!(gold, 30, "the bundled TIMEX3 count");
    // Floors on the bundled documents (measured 0.966 relaxed F1, 0.862 value F1).
    let relaxed: f64 = total[4].parse().unwrap();
    let value_f1: f64 = total[7].parse().unwrap();
    assert!(relaxed >= 0.9 && value_f1 >= 0.8, "{table}");
}
