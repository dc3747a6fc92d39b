//! The rendered pictures themselves: both SVGs (and the report's inline copies) parse, render
//! to PNG with resvg using the font bundled in `tests/fonts/` (without a font resvg silently
//! drops all text), come out neither blank nor textless, and a 5,000-event timeline renders
//! in reasonable time. PNGs are written under the target directory for a look by eye.

use demarche::model::Event;
use demarche::render::{network, report, synthetic, timeline};
use resvg::{tiny_skia, usvg};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    let font = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fonts/DejaVuSans.ttf"
    ))
    .expect("the bundled font tests/fonts/DejaVuSans.ttf");
    db.load_font_data(font);
    assert_eq!(db.len(), 1, "one font face loaded");
    db.set_sans_serif_family("DejaVu Sans");
    usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: Arc::new(db),
        ..Default::default()
    }
}

/// Render an SVG to a pixmap, write it and the SVG as `NAME.png` / `NAME.svg` in the target's
/// temporary directory, and return it.
fn rasterize(svg: &str, name: &str) -> tiny_skia::Pixmap {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: invalid XML: {e}"));
    let tree = usvg::Tree::from_str(svg, &options()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let size = tree.size().to_int_size();
    let mut pix = tiny_skia::Pixmap::new(size.width(), size.height()).expect("non-empty size");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pix.as_mut());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    pix.save_png(dir.join(format!("{name}.png")))
        .expect("writing PNG");
    std::fs::write(dir.join(format!("{name}.svg")), svg).expect("writing SVG");
    pix
}

/// Share of pixels in a rectangle that are neither white nor transparent.
fn ink(pix: &tiny_skia::Pixmap, x0: u32, y0: u32, x1: u32, y1: u32) -> f64 {
    let (w, h) = (pix.width(), pix.height());
    let (x1, y1) = (x1.min(w), y1.min(h));
    let mut n = 0usize;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = pix.pixel(x, y).expect("inside");
            if p.alpha() > 0 && (p.red() < 235 || p.green() < 235 || p.blue() < 235) {
                n += 1;
            }
        }
    }
    n as f64 / ((x1 - x0) * (y1 - y0)).max(1) as f64
}

/// The picture has content, and the title (text only, top left) was drawn: the font works.
fn check_picture(pix: &tiny_skia::Pixmap, name: &str) {
    let all = ink(pix, 0, 0, pix.width(), pix.height());
    assert!(all > 0.01, "{name}: nearly blank ({all:.4})");
    let title = ink(pix, 18, 12, 300, 36);
    assert!(
        title > 0.03,
        "{name}: no title text drawn ({title:.4}): is the font loaded?"
    );
}

fn hostile() -> Vec<Event> {
    let mut e = synthetic::events(12, 6, 5);
    e[0].source.name = "<script>alert(1)</script>".into();
    e[1].target.as_mut().expect("target").name = "\"Quotes\" & 'apostrophes'".into();
    e[2].source.name = "وزارة الخارجية الإيرانية".into();
    e[3].target.as_mut().expect("target").name = "🚀 Rocket Forces\u{7}".into();
    e[4].evidence = "Bidi \u{202E}override\u{202C} and NUL\u{0} in a sentence.".into();
    e
}

#[test]
fn timeline_and_graph_render_with_text() {
    for (name, events) in [
        ("small", synthetic::events(5, 4, 1)),
        ("medium", synthetic::events(120, 20, 2)),
        ("hostile", hostile()),
    ] {
        let tl =
            timeline::render(&events, &timeline::TimelineOptions::default()).expect("timeline");
        check_picture(
            &rasterize(&tl, &format!("timeline-{name}")),
            &format!("timeline-{name}"),
        );
        let gr = network::render(&events, &network::NetworkOptions::default()).expect("graph");
        check_picture(
            &rasterize(&gr, &format!("graph-{name}")),
            &format!("graph-{name}"),
        );
    }
}

#[test]
fn every_lane_mode_renders() {
    let events = synthetic::events(300, 30, 3);
    for lanes in [
        timeline::Lanes::Actor,
        timeline::Lanes::Country,
        timeline::Lanes::Dyad,
        timeline::Lanes::Type,
    ] {
        let o = timeline::TimelineOptions {
            lanes,
            publication_dates: true,
            ..Default::default()
        };
        let svg = timeline::render(&events, &o).expect("timeline");
        check_picture(
            &rasterize(&svg, &format!("timeline-{lanes:?}")),
            &format!("{lanes:?}"),
        );
    }
}

#[test]
fn ego_view_renders() {
    let events = synthetic::events(400, 40, 4);
    let o = network::NetworkOptions {
        focus: Some("Russia".into()),
        depth: 1,
        ..Default::default()
    };
    let svg = network::render(&events, &o).expect("graph");
    assert!(svg.contains("class=\"node focus\""));
    check_picture(&rasterize(&svg, "graph-ego"), "graph-ego");
}

#[test]
fn five_thousand_events() {
    let events = synthetic::events(5000, 150, 6);
    let t = Instant::now();
    let tl = timeline::render(&events, &timeline::TimelineOptions::default()).expect("timeline");
    let t_tl = t.elapsed();
    let t = Instant::now();
    let gr = network::render(&events, &network::NetworkOptions::default()).expect("graph");
    let t_gr = t.elapsed();
    let t = Instant::now();
    let html = report::render(&events, &tl, &gr, "5,000 synthetic events");
    let t_rep = t.elapsed();
    eprintln!(
        "5,000 events: timeline {:.0} ms ({} KB), graph {:.0} ms ({} KB), report {:.0} ms ({} KB)",
        t_tl.as_secs_f64() * 1e3,
        tl.len() / 1024,
        t_gr.as_secs_f64() * 1e3,
        gr.len() / 1024,
        t_rep.as_secs_f64() * 1e3,
        html.len() / 1024
    );
    check_picture(&rasterize(&tl, "timeline-5000"), "timeline-5000");
    check_picture(&rasterize(&gr, "graph-5000"), "graph-5000");
    let doc = roxmltree::Document::parse(&tl).expect("valid XML");
    let markers = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("marker"))
        })
        .count();
    assert_eq!(markers, 5000, "a marker with a tooltip for every event");
}

#[test]
fn report_holds_both_charts_inline() {
    let events = hostile();
    let tl = timeline::render(&events, &Default::default()).expect("timeline");
    let gr = network::render(&events, &Default::default()).expect("graph");
    let html = report::render(&events, &tl, &gr, "Report");
    for svg in [&tl, &gr] {
        assert!(html.contains(svg.trim()));
        // Each inline SVG is still well-formed XML and renders.
        let start = html.find(svg.trim()).expect("inline");
        let inline = &html[start..start + svg.trim().len()];
        rasterize(inline, "report-inline");
    }
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!html.contains("https://"));
}
