//! Post-processing of plotters' SVG: element groups with ids, classes, presentation
//! attributes and `<title>` tooltips, and rounded font sizes.
//!
//! While drawing, a renderer calls [`Groups::open`] to get a sentinel string, draws it as a
//! text element, draws the group's elements, then draws [`Groups::CLOSE`]. [`Groups::apply`]
//! turns each sentinel `<text>` element back into `<g …><title>…</title>` or `</g>`. The
//! sentinel starts with a private-use character that [`super::clean_text`] removes from all
//! other text, so article text can never forge one.

use super::escape_xml;
use std::fmt::Write;

const MARK: char = '\u{E000}';

/// The groups of one SVG, in the order they were opened.
#[derive(Debug, Default)]
pub struct Groups {
    tags: Vec<String>,
}

impl Groups {
    /// The sentinel text that closes the innermost open group.
    pub const CLOSE: &'static str = "\u{E000}/";

    /// No groups yet.
    pub fn new() -> Self {
        Groups::default()
    }

    /// Register a group and return the sentinel text that opens it. `id` and `class` may be
    /// empty; `attrs` are extra presentation attributes (names must be plain ASCII, values
    /// are escaped); `title` becomes the group's tooltip when not empty.
    pub fn open(&mut self, id: &str, class: &str, attrs: &[(&str, &str)], title: &str) -> String {
        let mut tag = String::from("<g");
        if !id.is_empty() {
            write!(tag, " id=\"{}\"", escape_xml(id)).ok();
        }
        if !class.is_empty() {
            write!(tag, " class=\"{}\"", escape_xml(class)).ok();
        }
        for (k, v) in attrs {
            debug_assert!(k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
            write!(tag, " {k}=\"{}\"", escape_xml(v)).ok();
        }
        tag.push('>');
        if !title.is_empty() {
            // Tooltips keep their line breaks: escape each line, join with newlines.
            let lines: Vec<String> = title.split('\n').map(escape_xml).collect();
            write!(tag, "<title>{}</title>", lines.join("\n")).ok();
        }
        self.tags.push(tag);
        format!("{MARK}{}", self.tags.len() - 1)
    }

    /// Replace the sentinels in plotters' output with the group tags, and round font sizes
    /// to two decimals.
    pub fn apply(&self, svg: &str) -> String {
        let mut out =
            String::with_capacity(svg.len() + self.tags.iter().map(String::len).sum::<usize>());
        let lines: Vec<&str> = svg.split_inclusive('\n').collect();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if line.starts_with("<text")
                && i + 2 < lines.len()
                && lines[i + 1].starts_with(MARK)
                && lines[i + 2].starts_with("</text>")
            {
                let body = lines[i + 1].trim_end_matches('\n');
                if body == Self::CLOSE {
                    out.push_str("</g>\n");
                } else if let Some(tag) = body[MARK.len_utf8()..]
                    .parse::<usize>()
                    .ok()
                    .and_then(|k| self.tags.get(k))
                {
                    out.push_str(tag);
                    out.push('\n');
                }
                i += 3;
                continue;
            }
            if line.starts_with("<text") {
                out.push_str(&round_font_size(line));
            } else {
                out.push_str(line);
            }
            i += 1;
        }
        out
    }
}

/// `font-size="11.000000000000002"` → `font-size="11"`.
fn round_font_size(line: &str) -> String {
    const KEY: &str = "font-size=\"";
    let Some(at) = line.find(KEY) else {
        return line.to_string();
    };
    let start = at + KEY.len();
    let Some(len) = line[start..].find('"') else {
        return line.to_string();
    };
    let Ok(v) = line[start..start + len].parse::<f64>() else {
        return line.to_string();
    };
    let mut n = format!("{:.2}", v);
    while n.ends_with('0') {
        n.pop();
    }
    if n.ends_with('.') {
        n.pop();
    }
    format!("{}{}{}", &line[..start], n, &line[start + len..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentinels_become_groups() {
        let mut g = Groups::new();
        let open = g.open(
            "m1",
            "marker alleged",
            &[("stroke-dasharray", "3 2")],
            "a<b\nc",
        );
        let svg = format!(
            "<svg>\n<text x=\"0\" font-size=\"1\">\n{open}\n</text>\n<circle/>\n<text x=\"0\" font-size=\"10.000000000000002\">\n{}\n</text>\n<text font-size=\"8.870967741935484\">\nhi\n</text>\n</svg>\n",
            Groups::CLOSE
        );
        let out = g.apply(&svg);
        assert_eq!(
            out,
            "<svg>\n<g id=\"m1\" class=\"marker alleged\" stroke-dasharray=\"3 2\"><title>a&lt;b\nc</title>\n<circle/>\n</g>\n<text font-size=\"8.87\">\nhi\n</text>\n</svg>\n"
        );
    }

    #[test]
    fn forged_sentinels_are_impossible() {
        // Article text is cleaned before drawing, so the mark never reaches plotters.
        assert_eq!(super::super::clean_text("\u{E000}0"), "0");
    }
}
