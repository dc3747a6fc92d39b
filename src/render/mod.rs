//! SVG rendering with plotters' SVG backend: the timeline and the relationship diagram.
//! Only this module knows about plotters.

pub mod layout;
pub mod network;
pub mod timeline;

use crate::model::Event;

/// Colour-blind-safe colours (Okabe–Ito) for quad classes 1–4.
pub const QUAD_COLORS: [(u8, u8, u8); 4] =
    [(0, 114, 178), (0, 158, 115), (230, 159, 0), (213, 94, 0)];

/// Names of the quad classes.
pub const QUAD_NAMES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// The colour of an event's quad class.
pub fn quad_color(q: u8) -> plotters::style::RGBColor {
    let (r, g, b) = QUAD_COLORS[(q.clamp(1, 4) - 1) as usize];
    plotters::style::RGBColor(r, g, b)
}

/// Text safe for plotters: control characters removed (plotters escapes `<>&"` itself, but
/// passes control characters through, which makes the SVG invalid XML).
pub fn clean_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// Escape text for direct insertion into SVG/XML (for elements added after plotters).
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_text(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Estimated width in pixels of `s` at font size `px`, by character class (plotters' own
/// estimate counts bytes, which overstates non-Latin text).
pub fn text_width(s: &str, px: f64) -> f64 {
    s.chars()
        .map(|c| {
            if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
                0.72
            } else if c == ' '
                || c == 'i'
                || c == 'l'
                || c == 'j'
                || c == '.'
                || c == ','
                || c == '\''
            {
                0.3
            } else if c.is_ascii() {
                0.55
            } else if (c as u32) >= 0x2E80 {
                1.0
            } else {
                0.6
            }
        })
        .sum::<f64>()
        * px
}

/// Shorten `s` with "…" so that it fits `max_px` at font size `px`.
pub fn truncate_to(s: &str, max_px: f64, px: f64) -> String {
    if text_width(s, px) <= max_px {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&format!("{out}{c}…"), px) > max_px {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// Add accessibility to plotters' SVG: `role="img"`, a `<title>` and a `<desc>`.
pub fn finish_svg(svg: String, title: &str, desc: &str) -> String {
    let Some(pos) = svg.find("<svg") else {
        return svg;
    };
    let Some(close) = svg[pos..].find('>') else {
        return svg;
    };
    let at = pos + close;
    let mut out = String::with_capacity(svg.len() + 256);
    out.push_str(&svg[..at]);
    out.push_str(" role=\"img\">");
    out.push_str(&format!(
        "<title>{}</title><desc>{}</desc>",
        escape_xml(title),
        escape_xml(desc)
    ));
    out.push_str(&svg[at + 1..]);
    out
}

/// "type: source → target" label of an event.
pub fn event_label(e: &Event) -> String {
    match &e.target {
        Some(t) => format!("{}: {} → {}", e.event_type, e.source.name, t.name),
        None => format!("{}: {}", e.event_type, e.source.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        let cases = [
            ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"),
            ("bell\u{7}", "bell"),
            ("Тегеран", "Тегеран"),
        ];
        for (raw, want) in cases {
            assert_eq!(escape_xml(raw), want);
        }
    }

    #[test]
    fn truncation_fits() {
        let s = truncate_to("summon_ambassador: Tajikistan → Russia", 100.0, 12.0);
        assert!(s.ends_with('…'));
        assert!(text_width(&s, 12.0) <= 100.0);
        assert_eq!(truncate_to("short", 100.0, 12.0), "short");
    }

    #[test]
    fn finish_adds_title_after_svg_tag() {
        let s = finish_svg("<svg width=\"1\">x</svg>".into(), "T<", "D");
        assert_eq!(
            s,
            "<svg width=\"1\" role=\"img\"><title>T&lt;</title><desc>D</desc>x</svg>"
        );
    }
}
