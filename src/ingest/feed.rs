//! One line of a JSON Lines news feed to an article record: `id`, `date`/`published`,
//! `title`, `text` or `html`, `url`, under field names the user can change.

use chrono::{DateTime, NaiveDate};
use serde_json::Value;

/// Which JSON fields hold what. Each entry lists the names tried in order; a name may be a
/// dotted path into nested objects (`meta.published`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The article's id.
    pub id: Vec<String>,
    /// The publication date (ISO 8601, RFC 2822 or Unix seconds).
    pub date: Vec<String>,
    /// The headline.
    pub title: Vec<String>,
    /// The plain text of the article.
    pub text: Vec<String>,
    /// The article as HTML (used when there is no plain text).
    pub html: Vec<String>,
    /// The article's address.
    pub url: Vec<String>,
}

impl Default for Fields {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        Fields {
            id: v(&["id"]),
            date: v(&["date", "published"]),
            title: v(&["title"]),
            text: v(&["text"]),
            html: v(&["html"]),
            url: v(&["url"]),
        }
    }
}

impl Fields {
    /// Apply `KEY=NAME[,NAME…]` (e.g. `text=body`, `date=meta.published,pubDate`): the
    /// names replace the defaults of KEY.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (key, names) = spec
            .split_once('=')
            .ok_or_else(|| format!("--field {spec:?}: expected KEY=NAME, e.g. text=body"))?;
        let names: Vec<String> = names
            .split(',')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Err(format!("--field {spec:?}: no field name after '='"));
        }
        let slot = match key.trim() {
            "id" => &mut self.id,
            "date" => &mut self.date,
            "title" => &mut self.title,
            "text" => &mut self.text,
            "html" => &mut self.html,
            "url" => &mut self.url,
            other => {
                return Err(format!(
                    "--field {spec:?}: unknown key {other:?} (one of id, date, title, text, html, url)"
                ));
            }
        };
        *slot = names;
        Ok(())
    }
}

/// An article as a feed line gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The id, when the line has one.
    pub id: Option<String>,
    /// The publication date as written, when the line has one.
    pub date: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Plain text.
    pub text: Option<String>,
    /// HTML, when there is no plain text.
    pub html: Option<String>,
    /// The address.
    pub url: Option<String>,
}

/// Parse one line of a feed. The error says what is wrong, without file or line.
pub fn parse_line(line: &str, fields: &Fields) -> Result<Record, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        let what = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        format!("not JSON: {what} (column {})", e.column())
    })?;
    if !v.is_object() {
        return Err("not a JSON object".into());
    }
    let get = |names: &[String]| -> Option<String> {
        names.iter().find_map(|n| {
            let mut cur = &v;
            for part in n.split('.') {
                cur = cur.get(part)?;
            }
            match cur {
                Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        })
    };
    let rec = Record {
        id: get(&fields.id),
        date: get(&fields.date),
        title: get(&fields.title),
        text: get(&fields.text),
        html: get(&fields.html),
        url: get(&fields.url),
    };
    if rec.text.is_none() && rec.html.is_none() {
        return Err(format!(
            "no article text (expected a non-empty {} or {} field)",
            names(&fields.text),
            names(&fields.html)
        ));
    }
    Ok(rec)
}

fn names(list: &[String]) -> String {
    list.iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// A publication date as feeds write it: ISO 8601 (`2024-04-29`, `2024-04-29T10:00:00Z`),
/// RFC 2822 (`Mon, 29 Apr 2024 10:00:00 +0000`) or Unix seconds.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    super::parse_iso_date(s)
        .or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| {
            s.parse::<i64>()
                .ok()
                .and_then(|secs| DateTime::from_timestamp(secs, 0))
                .map(|d| d.date_naive())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_and_configured_fields() {
        let f = Fields::default();
        let r = parse_line(
            r#"{"id": 17, "published": "2024-04-29T08:00:00Z", "title": "T", "text": "Body.", "url": "u"}"#,
            &f,
        )
        .unwrap();
        assert_eq!(r.id.as_deref(), Some("17"));
        assert_eq!(r.date.as_deref(), Some("2024-04-29T08:00:00Z"));
        assert_eq!(r.text.as_deref(), Some("Body."));
        let mut g = Fields::default();
        g.set("text=content.body").unwrap();
        g.set("date=meta.when,pubDate").unwrap();
        let r = parse_line(r#"{"content": {"body": "B"}, "pubDate": "x"}"#, &g).unwrap();
        assert_eq!(
            (r.text.as_deref(), r.date.as_deref()),
            (Some("B"), Some("x"))
        );
        assert!(Fields::default().set("body").is_err());
        assert!(
            Fields::default()
                .set("colour=x")
                .unwrap_err()
                .contains("unknown key")
        );
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let f = Fields::default();
        let cases = [
            (r#"{"text": "a""#, "not JSON"),
            ("[1, 2]", "not a JSON object"),
            (r#"{"title": "only"}"#, "no article text"),
            (r#"{"text": "   "}"#, "no article text"),
        ];
        for (line, want) in cases {
            let e = parse_line(line, &f).unwrap_err();
            assert!(e.contains(want), "{line}: {e}");
        }
    }

    #[test]
    fn dates_as_feeds_write_them() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 29);
        for s in [
            "2024-04-29",
            "2024-04-29T23:00:00-04:00",
            "Mon, 29 Apr 2024 10:00:00 +0000",
            "1714384800",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("last Monday"), None);
    }
}
