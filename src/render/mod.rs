//! SVG rendering with plotters' SVG backend: the timeline, the relationship diagram and the
//! HTML report that holds both. Only this module knows about plotters.
//!
//! Plotters cannot emit groups, ids, `<title>` tooltips or dash patterns, so the renderers
//! draw a *sentinel* text element before and after each element group (a marker, an edge, a
//! halo'd label set) and [`post`] replaces the sentinels with `<g …>` / `</g>` afterwards.
//! Every string that reaches an SVG or the report goes through [`clean_text`] first: control
//! characters (plotters passes them through, which makes invalid XML), bidirectional
//! overrides, private-use characters (the sentinel lives there) and non-characters go.

pub mod layout;
pub mod network;
pub mod post;
pub mod report;
pub mod synthetic;
pub mod timeline;

use crate::model::Event;
use plotters::style::{FontDesc, IntoFont};

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

/// The font stack of every text element. The width estimates of [`text_width`] are those of
/// DejaVu Sans, among the widest of common sans-serif fonts, so that labels measured with it
/// fit in any of the others.
pub const FONT_FAMILY: &str = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

/// The colour of an event's quad class.
pub fn quad_color(q: u8) -> plotters::style::RGBColor {
    let (r, g, b) = QUAD_COLORS[(q.clamp(1, 4) - 1) as usize];
    plotters::style::RGBColor(r, g, b)
}

/// A font of `px` CSS pixels (plotters divides sizes by 1.24 when writing SVG; this undoes
/// it, and [`post::Groups::apply`] rounds the result).
pub fn font(px: f64) -> FontDesc<'static> {
    (FONT_FAMILY, px * 1.24).into_font()
}

/// The family of an event type, drawn as the marker shape: a second cue beside the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Statements, appeals, consultations, accusations, threats (CAMEO 01–05, 09–13): circle.
    Verbal,
    /// Aid, releases, ceasefires, easing of sanctions (CAMEO 06–08): square.
    Cooperation,
    /// Diplomatic sanctions: downgraded or broken ties, expulsions, sanctions (CAMEO 16):
    /// triangle pointing down.
    Sanction,
    /// Coercion: protests, shows of force, arrests, seizures, blockades (CAMEO 14, 15, 17,
    /// 191): diamond.
    Coercion,
    /// Violence: assaults, attacks, military force, mass killing (CAMEO 18–20): star.
    Violence,
}

impl Family {
    /// Every family, in legend order.
    pub const ALL: [Family; 5] = [
        Family::Verbal,
        Family::Cooperation,
        Family::Sanction,
        Family::Coercion,
        Family::Violence,
    ];

    /// The family of an event, from its CAMEO root (quad class when the code is unusable).
    pub fn of(e: &Event) -> Family {
        Family::from_cameo(&e.cameo, e.quad_class)
    }

    /// The family of a CAMEO code; `quad_class` decides when the code has no known root.
    pub fn from_cameo(cameo: &str, quad_class: u8) -> Family {
        if cameo.starts_with("191") {
            return Family::Coercion;
        }
        match cameo.get(..2).and_then(|r| r.parse::<u8>().ok()) {
            Some(1..=5 | 9..=13) => Family::Verbal,
            Some(6..=8) => Family::Cooperation,
            Some(16) => Family::Sanction,
            Some(14 | 15 | 17) => Family::Coercion,
            Some(18..=20) => Family::Violence,
            _ => match quad_class {
                2 => Family::Cooperation,
                4 => Family::Coercion,
                _ => Family::Verbal,
            },
        }
    }

    /// Its name in legends.
    pub fn name(self) -> &'static str {
        match self {
            Family::Verbal => "verbal",
            Family::Cooperation => "material help",
            Family::Sanction => "diplomatic sanction",
            Family::Coercion => "coercion",
            Family::Violence => "violence",
        }
    }

    /// The marker shape.
    pub fn shape(self) -> Shape {
        match self {
            Family::Verbal => Shape::Circle,
            Family::Cooperation => Shape::Square,
            Family::Sanction => Shape::TriangleDown,
            Family::Coercion => Shape::Diamond,
            Family::Violence => Shape::Star,
        }
    }
}

/// A marker or node shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shape {
    /// A disc.
    Circle,
    /// An axis-aligned square.
    Square,
    /// A square standing on a corner.
    Diamond,
    /// A triangle pointing up.
    TriangleUp,
    /// A triangle pointing down.
    TriangleDown,
    /// A five-pointed star.
    Star,
    /// A hexagon.
    Hexagon,
}

impl Shape {
    /// How far the shape reaches from its centre, in units of `r` (see [`Shape::points`]).
    pub fn extent(self) -> f64 {
        match self {
            Shape::Circle => 1.0,
            Shape::Square => 1.26,
            Shape::Diamond => 1.25,
            Shape::TriangleUp | Shape::TriangleDown => 1.45,
            Shape::Star => 1.55,
            Shape::Hexagon => 1.1,
        }
    }

    /// The outline of the shape centred on (`x`, `y`) with about the area of a disc of radius
    /// `r`, as integer points (the first point not repeated); `None` for a circle.
    pub fn points(self, x: f64, y: f64, r: f64) -> Option<Vec<(i32, i32)>> {
        let polar = |k: usize, n: usize, rad: f64, phase: f64| {
            let a = phase + std::f64::consts::TAU * k as f64 / n as f64;
            (x + rad * a.cos(), y + rad * a.sin())
        };
        let up = -std::f64::consts::FRAC_PI_2;
        let pts: Vec<(f64, f64)> = match self {
            Shape::Circle => return None,
            Shape::Square => {
                let h = r * 0.886;
                vec![
                    (x - h, y - h),
                    (x + h, y - h),
                    (x + h, y + h),
                    (x - h, y + h),
                ]
            }
            Shape::Diamond => {
                let h = r * 1.25;
                vec![(x, y - h), (x + h, y), (x, y + h), (x - h, y)]
            }
            Shape::TriangleUp => (0..3).map(|k| polar(k, 3, r * 1.45, up)).collect(),
            Shape::TriangleDown => (0..3).map(|k| polar(k, 3, r * 1.45, -up)).collect(),
            Shape::Hexagon => (0..6).map(|k| polar(k, 6, r * 1.1, 0.0)).collect(),
            Shape::Star => (0..10)
                .map(|k| polar(k, 10, if k % 2 == 0 { r * 1.55 } else { r * 0.7 }, up))
                .collect(),
        };
        Some(
            pts.into_iter()
                .map(|(a, b)| (a.round() as i32, b.round() as i32))
                .collect(),
        )
    }
}

/// An axis-aligned rectangle in pixels, `x0 ≤ x1`, `y0 ≤ y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// A rectangle from its corners.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Rect { x0, y0, x1, y1 }
    }
    /// Whether the two rectangles share interior points (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    /// Whether the rectangle lies inside `0..w` × `0..h`.
    pub fn inside(&self, w: f64, h: f64) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= w && self.y1 <= h
    }
}

/// The first pair of overlapping rectangles, if any (a sweep over `x0`; for tests and checks).
pub fn first_overlap(rects: &[Rect]) -> Option<(usize, usize)> {
    let mut order: Vec<usize> = (0..rects.len()).collect();
    order.sort_by(|&a, &b| rects[a].x0.total_cmp(&rects[b].x0));
    let mut active: Vec<usize> = Vec::new();
    for &i in &order {
        active.retain(|&j| rects[j].x1 > rects[i].x0);
        if let Some(&j) = active.iter().find(|&&j| rects[j].overlaps(&rects[i])) {
            return Some((j.min(i), j.max(i)));
        }
        active.push(i);
    }
    None
}

/// Whether a character may appear in SVG or HTML text: not a control character, not a
/// bidirectional embedding/override/isolate, not private-use (the renderers' sentinel lives
/// there) and not a Unicode non-character.
fn allowed(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || (0x202A..=0x202E).contains(&u)
        || (0x2066..=0x2069).contains(&u)
        || (0xE000..=0xF8FF).contains(&u)
        || (0xF0000..).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE)
}

/// Text safe for SVG and HTML: tabs, newlines and line separators become spaces, runs of
/// white space one space, and disallowed characters (control characters, bidirectional
/// overrides, private-use and non-characters) are removed. Plotters escapes `<>&"'` itself
/// but passes control characters through, which makes invalid XML.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => ' ',
            c => c,
        };
        if !allowed(c) {
            continue;
        }
        if c == ' ' {
            if space {
                continue;
            }
            space = true;
        } else {
            space = false;
        }
        out.push(c);
    }
    out
}

/// [`clean_text`] cut to at most `max` characters, "…" marking a cut.
pub fn cap(s: &str, max: usize) -> String {
    let s = clean_text(s);
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Escape text for direct insertion into SVG/XML/HTML (for elements added after plotters):
/// cleaned with [`clean_text`], then `<>&"'` escaped.
pub fn escape_xml(s: &str) -> String {
    escape_markup(&clean_text(s))
}

/// Escape `<>&"'` and nothing else, keeping every other character (and so every byte offset
/// of the text around it) as it is: for TimeML, whose spans point into the raw text.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
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

/// Advance widths of DejaVu Sans for ASCII 32–126, in em (rounded up).
const ASCII_EM: [f64; 95] = [
    0.319, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.319, 0.361,
    0.319, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337,
    0.337, 0.838, 0.838, 0.838, 0.531, 1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752,
    0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732,
    0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635, 0.55,
    0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635,
    0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636,
    0.838,
];

/// Estimated width in pixels of `s` at font size `px`: DejaVu Sans advances for ASCII, and
/// generous estimates elsewhere (plotters' own estimate counts bytes, which overstates
/// non-Latin text two- or threefold).
pub fn text_width(s: &str, px: f64) -> f64 {
    s.chars()
        .map(|c| {
            let u = c as u32;
            match u {
                32..=126 => ASCII_EM[(u - 32) as usize],
                0x300..=0x36F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0.0,
                0x2026 | 0x2014 => 1.0,
                0x2190..=0x21FF | 0xD7 => 0.84,
                0x2E80..=0xD7FF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF => 1.0,
                0x2600..=0x27BF | 0x1F000.. => 1.3,
                _ => 0.78,
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
    let ell = text_width("…", px);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width(c.encode_utf8(&mut [0; 4]), px);
        if w + cw + ell > max_px {
            break;
        }
        w += cw;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// An event type as people read it: `summon_ambassador` → "summon ambassador".
pub fn type_label(t: &str) -> String {
    t.replace('_', " ")
}

/// "type: source → target" label of an event.
pub fn event_label(e: &Event) -> String {
    match &e.target {
        Some(t) => format!(
            "{}: {} → {}",
            type_label(&e.event_type),
            e.source.name,
            t.name
        ),
        None => format!("{}: {}", type_label(&e.event_type), e.source.name),
    }
}

/// The date of an event as written in tooltips and tables: the ISO value at its precision,
/// else the interval, else "date unknown".
pub fn date_label(e: &Event) -> String {
    if !e.time.value.is_empty() {
        return e.time.value.clone();
    }
    match (e.time.start, e.time.end) {
        (Some(s), Some(t)) if s == t => s.format("%Y-%m-%d").to_string(),
        (Some(s), Some(t)) => format!("{} – {}", s.format("%Y-%m-%d"), t.format("%Y-%m-%d")),
        _ => "date unknown".to_string(),
    }
}

/// The tooltip of one event: date (with the words it came from), actors, type and codes,
/// modality, the evidence sentence (capped) and the document.
pub fn event_tooltip(e: &Event) -> String {
    let mut s = date_label(e);
    if !e.time.text.is_empty() {
        s.push_str(&format!(
            " ({}: “{}”)",
            e.time.basis.as_str(),
            cap(&e.time.text, 60)
        ));
    } else if e.time.basis != crate::model::DateBasis::None {
        s.push_str(&format!(" ({})", e.time.basis.as_str()));
    }
    s.push('\n');
    s.push_str(&cap(&e.source.name, 120));
    if let Some(t) = &e.target {
        s.push_str(" → ");
        s.push_str(&cap(&t.name, 120));
    }
    s.push('\n');
    s.push_str(&format!(
        "{} (CAMEO {}, {}, Goldstein {:+.1}), {}",
        type_label(&cap(&e.event_type, 60)),
        cap(&e.cameo, 8),
        QUAD_NAMES[(e.quad_class.clamp(1, 4) - 1) as usize],
        e.goldstein,
        e.modality.as_str()
    ));
    if e.mentions > 1 {
        s.push_str(&format!(", {} reports", e.mentions));
    }
    s.push('\n');
    if !e.evidence.is_empty() {
        s.push_str(&format!("“{}”\n", cap(&e.evidence, 400)));
    }
    s.push_str(&format!("{} · {}", cap(&e.doc_id, 120), cap(&e.id, 140)));
    s
}

/// Insert a `<style>` element right after the `<svg>` tag. `css` is the renderer's own
/// constant, never article text; `<` and `&` are dropped so it cannot end the element.
pub fn insert_style(svg: String, css: &str) -> String {
    let css: String = css.chars().filter(|&c| c != '<' && c != '&').collect();
    let Some(pos) = svg.find("<svg") else {
        return svg;
    };
    let Some(close) = svg[pos..].find('>') else {
        return svg;
    };
    let at = pos + close + 1;
    format!("{}\n<style>{css}</style>{}", &svg[..at], &svg[at..])
}

/// Add accessibility to plotters' SVG: `role="img"`, a `<title>` and a
/// `<desc>`.
pub fn finish_svg(svg: String, title: &str, desc: &str) -> String {
    finish_svg_with(svg, title, desc, "")
}

/// [`finish_svg`] with `aria-labelledby` and ids `PREFIX-title`, `PREFIX-desc`, unique when
/// several SVGs share one HTML page (an empty prefix gives [`finish_svg`]).
pub fn finish_svg_with(svg: String, title: &str, desc: &str, prefix: &str) -> String {
    let Some(pos) = svg.find("<svg") else {
        return svg;
    };
    let Some(close) = svg[pos..].find('>') else {
        return svg;
    };
    let at = pos + close;
    let mut out = String::with_capacity(svg.len() + 256);
    out.push_str(&svg[..at]);
    if prefix.is_empty() {
        out.push_str(" role=\"img\">");
        out.push_str(&format!(
            "<title>{}</title><desc>{}</desc>",
            escape_xml(title),
            escape_xml(desc)
        ));
    } else {
        out.push_str(&format!(
            " role=\"img\" aria-labelledby=\"{prefix}-title {prefix}-desc\">"
        ));
        out.push_str(&format!(
            "<title id=\"{prefix}-title\">{}</title><desc id=\"{prefix}-desc\">{}</desc>",
            escape_xml(title),
            escape_xml(desc)
        ));
    }
    out.push_str(&svg[at + 1..]);
    out
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
            ("line\nbreak\t tab", "line break tab"),
            ("rlo\u{202E}evil\u{2066}", "rloevil"),
            ("pua\u{E000}x\u{FFFF}", "puax"),
            ("وزارة الخارجية", "وزارة الخارجية"),
            ("🚀 launch", "🚀 launch"),
        ];
        for (raw, want) in cases {
            assert_eq!(escape_xml(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn truncation_fits() {
        let s = truncate_to("summon_ambassador: Tajikistan → Russia", 100.0, 12.0);
        assert!(s.ends_with('…'));
        assert!(text_width(&s, 12.0) <= 100.0);
        assert_eq!(truncate_to("short", 100.0, 12.0), "short");
        let w = truncate_to("中华人民共和国外交部发言人", 60.0, 12.0);
        assert!(text_width(&w, 12.0) <= 60.0, "{w}");
    }

    #[test]
    fn cap_counts_characters() {
        assert_eq!(cap("abcdef", 4), "abc…");
        assert_eq!(cap("ab\u{1}c", 4), "abc");
        assert_eq!(cap("€€€€€", 3), "€€…");
    }

    #[test]
    fn finish_adds_title_after_svg_tag() {
        let s = finish_svg("<svg width=\"1\">x</svg>".into(), "T<", "D");
        assert_eq!(
            s,
            "<svg width=\"1\" role=\"img\"><title>T&lt;</title><desc>D</desc>x</svg>"
        );
    }

    #[test]
    fn families_by_cameo_root() {
        let cases = [
            ("114", 3, Family::Verbal),
            ("010", 1, Family::Verbal),
            ("0841", 2, Family::Cooperation),
            ("161", 4, Family::Sanction),
            ("173", 4, Family::Coercion),
            ("191", 4, Family::Coercion),
            ("195", 4, Family::Violence),
            ("183", 4, Family::Violence),
            ("", 4, Family::Coercion),
            ("x", 2, Family::Cooperation),
        ];
        for (code, q, want) in cases {
            assert_eq!(Family::from_cameo(code, q), want, "{code}");
        }
    }

    #[test]
    fn shapes_are_centred() {
        for s in [
            Shape::Square,
            Shape::Diamond,
            Shape::TriangleUp,
            Shape::TriangleDown,
            Shape::Star,
            Shape::Hexagon,
        ] {
            let p = s.points(100.0, 50.0, 6.0).expect("polygon");
            let (sx, sy) = p.iter().fold((0, 0), |a, q| (a.0 + q.0, a.1 + q.1));
            let n = p.len() as i32;
            assert!(
                (sx / n - 100).abs() <= 2 && (sy / n - 50).abs() <= 2,
                "{s:?}"
            );
        }
        assert!(Shape::Circle.points(0.0, 0.0, 1.0).is_none());
    }

    #[test]
    fn overlap_sweep_finds_pairs() {
        let r = |x: f64, y: f64| Rect::new(x, y, x + 10.0, y + 10.0);
        assert_eq!(
            first_overlap(&[r(0.0, 0.0), r(10.0, 0.0), r(0.0, 10.0)]),
            None
        );
        assert_eq!(
            first_overlap(&[r(0.0, 0.0), r(30.0, 0.0), r(35.0, 5.0)]),
            Some((1, 2))
        );
    }
}
