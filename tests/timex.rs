//! `demarche timex` driven as a binary: both formats parse back and agree.

use assert_cmd::Command;
use std::path::PathBuf;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/samples/2024-04-29-tajikistan-summons-russian-envoy.txt")
}

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("demarche")
        .expect("binary builds")
        .arg("timex")
        .arg(sample())
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
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
