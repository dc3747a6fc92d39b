//! The HTML report: one self-contained file with both charts inline, counts by type and by
//! actor, a sortable and filterable event table whose rows link to their evidence sentences,
//! and the evidence itself. No network requests (a Content-Security-Policy of
//! `default-src 'none'` forbids them) and no script but one small inline one, allowed by its
//! SHA-256 hash, for sorting and filtering the table; without it the table still reads, in
//! date order. Every article-derived string is cleaned and HTML-escaped.

use super::{QUAD_NAMES, cap, clean_text, date_label, escape_xml as esc, type_label};
use crate::model::{Event, Modality};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

const STYLE: &str = r#"
:root{--fg:#1d2329;--muted:#5b6570;--line:#d9dee4;--bg:#fff;--band:#f4f6f8;--accent:#0072b2}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 "DejaVu Sans",Verdana,Arial,Helvetica,sans-serif;color:var(--fg);background:var(--bg)}
header,section,footer{max-width:1240px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.summary{color:var(--muted);margin:0 0 8px}
nav a{margin-right:14px;color:var(--accent)}
.chart{overflow:auto;border:1px solid var(--line);border-radius:4px;max-height:80vh}
.chart svg{display:block;max-width:100%;height:auto}
.chart.wide svg{max-width:none}
.cols{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
table{border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--band);position:sticky;top:0}
#ev th{cursor:pointer;user-select:none;white-space:nowrap}
#ev th[aria-sort=ascending]::after{content:" \25B2"}
#ev th[aria-sort=descending]::after{content:" \25BC"}
#ev td:first-child{white-space:nowrap}
td.n,th.n{text-align:right}
tbody tr:nth-child(even){background:#fafbfc}
.q{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:4px;vertical-align:-1px}
.q1{background:#0072b2}.q2{background:#009e73}.q3{background:#e69f00}.q4{background:#d55e00}
.mod{color:var(--muted);font-style:italic}
.filter{margin:0 0 8px}
.filter input{font:inherit;padding:4px 8px;width:min(420px,100%)}
#evidence ol{padding-left:0;list-style:none}
#evidence li{padding:8px 10px;border-left:3px solid var(--line);margin:0 0 10px}
#evidence li:target,#ev tr:target{background:#fff6d6;border-color:#e69f00}
#evidence .meta{color:var(--muted);font-size:13px;margin:0 0 4px}
#evidence blockquote{margin:0}
mark{background:#ffe9a8}
g.marker:target circle,g.marker:target polygon,g.marker:target polyline{stroke:#000;stroke-width:3px}
footer{color:var(--muted);font-size:13px;padding:24px 20px 40px}
"#;

const SCRIPT: &str = r#"(function(){
var t=document.getElementById('ev');if(!t)return;
var b=t.tBodies[0],q=document.getElementById('q'),n=document.getElementById('shown');
var rows=Array.prototype.slice.call(b.rows),heads=t.tHead.rows[0].cells;
function key(r,i){var c=r.cells[i];var s=c.getAttribute('data-sort');return s===null?c.textContent.toLowerCase():s;}
Array.prototype.forEach.call(heads,function(th,i){
th.tabIndex=0;
function sort(){
var asc=th.getAttribute('aria-sort')!=='ascending',num=th.classList.contains('n');
Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
rows.sort(function(a,c){var x=key(a,i),y=key(c,i);if(num){x=+x;y=+y;}return(x<y?-1:x>y?1:0)*(asc?1:-1);});
rows.forEach(function(r){b.appendChild(r);});}
th.addEventListener('click',sort);
th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});});
q.addEventListener('input',function(){
var s=q.value.toLowerCase(),k=0;
rows.forEach(function(r){var ok=r.textContent.toLowerCase().indexOf(s)>=0;r.hidden=!ok;if(ok)k++;});
n.textContent=k+' of '+rows.length+' events';});
})();"#;

/// Whether an SVG string is safe to inline: it starts with `<svg`, and no tag is a script,
/// `foreignObject`, link, embedded document or image, or has an event handler (`on…`) or an
/// `href`. Text is escaped in our SVGs, so every `<` starts a tag.
fn safe_svg(svg: &str) -> bool {
    const BANNED: [&str; 9] = [
        "script",
        "foreignobject",
        "a",
        "iframe",
        "object",
        "embed",
        "image",
        "use",
        "!entity",
    ];
    if !svg.trim_start().starts_with("<svg") {
        return false;
    }
    svg.split('<').skip(1).all(|part| {
        let tag = part.split('>').next().unwrap_or("").to_ascii_lowercase();
        let mut words = tag.split_whitespace();
        let name = words.next().unwrap_or("").trim_matches('/');
        !BANNED.contains(&name)
            && !name.starts_with("!doctype")
            && !tag.contains("href")
            && words.all(|w| !w.starts_with("on"))
    })
}

/// The `width` attribute of the root `<svg>` element.
fn svg_width(svg: &str) -> Option<f64> {
    let tag = &svg[svg.find("<svg")?..];
    let tag = &tag[..tag.find('>')?];
    let at = tag.find(" width=\"")? + 8;
    tag[at..].split('"').next()?.parse().ok()
}

/// Ids of the timeline's marker groups, to link table rows to markers that exist.
fn marker_ids(svg: &str) -> BTreeSet<usize> {
    svg.match_indices("id=\"tl-e")
        .filter_map(|(at, m)| {
            let rest = &svg[at + m.len()..];
            let end = rest.find('"')?;
            rest[..end].parse().ok()
        })
        .collect()
}

/// The evidence sentence, escaped, with the trigger marked where it occurs verbatim.
fn evidence_html(e: &Event) -> String {
    let ev = cap(&e.evidence, 2000);
    let trig = clean_text(&e.trigger);
    if !trig.is_empty()
        && let Some(at) = ev.find(&trig)
    {
        return format!(
            "{}<mark>{}</mark>{}",
            esc(&ev[..at]),
            esc(&trig),
            esc(&ev[at + trig.len()..])
        );
    }
    esc(&ev)
}

/// The whole report as one HTML document: `title`, the two SVGs (as rendered by
/// [`super::timeline::render`] and [`super::network::render`] from the same `events`, in the
/// same order, so that rows can link to timeline markers), counts, the event table and the
/// evidence. An SVG that is not safe to inline is replaced by a note.
pub fn render(events: &[Event], timeline_svg: &str, graph_svg: &str, title: &str) -> String {
    let title = cap(title, 300);
    let mut h =
        String::with_capacity(8192 + events.len() * 1200 + timeline_svg.len() + graph_svg.len());
    let csp = format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{}'; img-src data:; base-uri 'none'; form-action 'none'",
        base64(&sha256(SCRIPT.as_bytes()))
    );
    write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"demarche\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    )
    .ok();

    // Summary.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        (x.time.start.is_none(), x.time.start, x.time.end, &x.id, a).cmp(&(
            y.time.start.is_none(),
            y.time.start,
            y.time.end,
            &y.id,
            b,
        ))
    });
    let mut actors: BTreeMap<String, (String, String, usize, usize)> = BTreeMap::new();
    for e in events {
        actors
            .entry(e.source.key())
            .or_insert_with(|| (e.source.name.clone(), e.source.code.clone(), 0, 0))
            .2 += 1;
        if let Some(t) = &e.target {
            actors
                .entry(t.key())
                .or_insert_with(|| (t.name.clone(), t.code.clone(), 0, 0))
                .3 += 1;
        }
    }
    let docs: BTreeSet<&str> = events.iter().map(|e| e.doc_id.as_str()).collect();
    let first = events.iter().filter_map(|e| e.time.start).min();
    let last = events.iter().filter_map(|e| e.time.end).max();
    let range = match (first, last) {
        (Some(a), Some(b)) => format!(" · {} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y")),
        _ => String::new(),
    };
    write!(
        h,
        "<header>\n<h1>{}</h1>\n<p class=\"summary\">{} events · {} actors · {} articles{}</p>\n\
         <nav><a href=\"#timeline\">Timeline</a><a href=\"#relations\">Relationships</a>\
         <a href=\"#counts\">Counts</a><a href=\"#events\">Events</a><a href=\"#evidence\">Evidence</a></nav>\n</header>\n",
        esc(&title),
        events.len(),
        actors.len(),
        docs.len(),
        range
    )
    .ok();

    // Charts.
    for (id, heading, svg) in [
        ("timeline", "Timeline", timeline_svg),
        ("relations", "Who did what to whom", graph_svg),
    ] {
        // Charts up to about twice the page width are scaled to fit; wider ones scroll.
        let wide = svg_width(svg).is_some_and(|w| w > 2400.0);
        write!(
            h,
            "<section id=\"{id}\">\n<h2>{heading}</h2>\n<div class=\"chart{}\">\n",
            if wide { " wide" } else { "" }
        )
        .ok();
        if safe_svg(svg) {
            h.push_str(svg.trim());
        } else {
            h.push_str(
                "<p>This chart was left out: it held content that is not allowed inline.</p>",
            );
        }
        h.push_str("\n</div>\n</section>\n");
    }

    // Counts by type and by actor.
    let mut types: BTreeMap<&str, (u8, usize)> = BTreeMap::new();
    for e in events {
        types
            .entry(e.event_type.as_str())
            .or_insert((e.quad_class, 0))
            .1 += 1;
    }
    let mut types: Vec<(&str, u8, usize)> =
        types.into_iter().map(|(t, (q, n))| (t, q, n)).collect();
    types.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    h.push_str("<section id=\"counts\">\n<h2>Counts</h2>\n<div class=\"cols\">\n");
    h.push_str("<table>\n<caption>By event type</caption>\n<thead><tr><th>Type</th><th>Quad class</th><th class=\"n\">Events</th></tr></thead>\n<tbody>\n");
    for (t, q, n) in &types {
        let q = q.clamp(&1, &4);
        writeln!(
            h,
            "<tr><td><span class=\"q q{q}\"></span>{}</td><td>{}</td><td class=\"n\">{n}</td></tr>",
            esc(&type_label(&cap(t, 80))),
            QUAD_NAMES[(*q - 1) as usize]
        )
        .ok();
    }
    h.push_str("</tbody>\n</table>\n");
    let mut by_actor: Vec<&(String, String, usize, usize)> = actors.values().collect();
    by_actor.sort_by(|a, b| {
        (b.2 + b.3)
            .cmp(&(a.2 + a.3))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    h.push_str("<table>\n<caption>By actor</caption>\n<thead><tr><th>Actor</th><th>Code</th><th class=\"n\">As source</th><th class=\"n\">As target</th><th class=\"n\">Total</th></tr></thead>\n<tbody>\n");
    for (name, code, s, t) in by_actor {
        writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{s}</td><td class=\"n\">{t}</td><td class=\"n\">{}</td></tr>",
            esc(&cap(name, 120)),
            esc(&cap(code, 20)),
            s + t
        )
        .ok();
    }
    h.push_str("</tbody>\n</table>\n</div>\n</section>\n");

    // The event table.
    let markers = marker_ids(timeline_svg);
    write!(
        h,
        "<section id=\"events\">\n<h2>Events</h2>\n<p class=\"filter\"><label>Filter \
         <input id=\"q\" type=\"search\" placeholder=\"actor, type, date, word…\" autocomplete=\"off\"></label> \
         <span id=\"shown\" aria-live=\"polite\">{n} of {n} events</span></p>\n\
         <table id=\"ev\">\n<thead><tr><th>Date</th><th>Source</th><th>Event</th><th>Target</th>\
         <th>Modality</th><th class=\"n\">Reports</th><th>Article</th><th>Evidence</th></tr></thead>\n<tbody>\n",
        n = events.len()
    )
    .ok();
    for &i in &order {
        let e = &events[i];
        let sort_date = e
            .time
            .start
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "9999".into());
        let modality = if e.modality == Modality::Asserted {
            "asserted".to_string()
        } else {
            format!("<span class=\"mod\">{}</span>", e.modality.as_str())
        };
        let chart = if markers.contains(&i) {
            format!(" · <a href=\"#tl-e{i}\">chart</a>")
        } else {
            String::new()
        };
        writeln!(
            h,
            "<tr id=\"row-{i}\"><td data-sort=\"{sort_date}\">{}</td><td>{}</td><td><span class=\"q q{q}\" title=\"{qn}\"></span>{}</td>\
             <td>{}</td><td>{modality}</td><td class=\"n\">{}</td><td>{}</td><td><a href=\"#ev-{i}\">sentence</a>{chart}</td></tr>",
            esc(&date_label(e)),
            esc(&cap(&e.source.name, 120)),
            esc(&type_label(&cap(&e.event_type, 80))),
            e.target.as_ref().map(|t| esc(&cap(&t.name, 120))).unwrap_or_default(),
            e.mentions,
            esc(&cap(&e.doc_id, 120)),
            q = e.quad_class.clamp(1, 4),
            qn = QUAD_NAMES[(e.quad_class.clamp(1, 4) - 1) as usize],
        )
        .ok();
    }
    h.push_str("</tbody>\n</table>\n</section>\n");

    // Evidence.
    h.push_str("<section id=\"evidence\">\n<h2>Evidence</h2>\n<ol>\n");
    for &i in &order {
        let e = &events[i];
        let when = if e.time.text.is_empty() {
            format!("{} ({})", date_label(e), e.time.basis.as_str())
        } else {
            format!(
                "{} ({}: “{}”)",
                date_label(e),
                e.time.basis.as_str(),
                cap(&e.time.text, 80)
            )
        };
        writeln!(
            h,
            "<li id=\"ev-{i}\"><p class=\"meta\">{} · {} · {} bytes {}–{} · confidence {:.2} · <a href=\"#row-{i}\">table</a></p>\
             <blockquote>{}</blockquote></li>",
            esc(&cap(&e.id, 140)),
            esc(&when),
            esc(&cap(&e.doc_id, 120)),
            e.span.start,
            e.span.end,
            e.confidence,
            evidence_html(e)
        )
        .ok();
    }
    h.push_str("</ol>\n</section>\n");
    h.push_str("<footer>Made by demarche from the articles listed above. Hover a marker, node or edge in the charts for its details.</footer>\n");
    write!(h, "<script>{SCRIPT}</script>\n</body>\n</html>\n").ok();
    h
}

/// SHA-256 (FIPS 180-4), for the script hash of the Content-Security-Policy.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut hs: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = hs;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (h, x) in hs.iter_mut().zip(v) {
            *h = h.wrapping_add(x);
        }
    }
    let mut out = [0u8; 32];
    for (i, h) in hs.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&h.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_known_answers() {
        let cases: [(&[u8], &str); 3] = [
            (b"", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
            (b"abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
            (
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=",
            ),
        ];
        for (data, want) in cases {
            assert_eq!(base64(&sha256(data)), want);
        }
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }

    #[test]
    fn unsafe_svgs_are_refused() {
        assert!(safe_svg("<svg width=\"1\"><rect/></svg>"));
        for bad in [
            "<svg><script>x</script></svg>",
            "<svg><foreignObject/></svg>",
            "<svg><a href=\"https://x\"/></svg>",
            "<svg onload=\"x\"></svg>",
            "<p>not svg</p>",
        ] {
            assert!(!safe_svg(bad), "{bad}");
        }
    }

    fn hostile() -> Vec<Event> {
        let mut e = crate::render::synthetic::events(6, 4, 2);
        e[0].source.name = "<script>alert('x')</script>".into();
        e[1].evidence = "He said \"<img src=x onerror=alert(1)>\" & left.\u{0}".into();
        e[1].trigger = "said".into();
        e[2].target.as_mut().unwrap().name = "وزارة الخارجية \u{202E}🚀".into();
        e[3].doc_id = "</td></tr><tr><td>".into();
        e[4].event_type = "a\"b".into();
        e
    }

    #[test]
    fn report_is_self_contained_and_escaped() {
        use crate::render::{network, timeline};
        let e = hostile();
        let tl = timeline::render(&e, &Default::default()).unwrap();
        let gr = network::render(&e, &Default::default()).unwrap();
        let html = render(&e, &tl, &gr, "Report <of> \"events\"");
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the inline sorting script"
        );
        assert!(!html.contains("<img"));
        assert!(!html.contains(" src=\""));
        assert!(!html.contains("href=\"http"));
        assert!(!html.contains("url("));
        assert!(html.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
        assert!(html.contains(
            "He <mark>said</mark> &quot;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; left."
        ));
        assert!(html.contains("وزارة الخارجية 🚀"));
        assert!(html.contains("&lt;/td&gt;&lt;/tr&gt;"));
        assert!(html.contains("<title>Report &lt;of&gt; &quot;events&quot;</title>"));
        // Both charts inline, with distinct ids for their titles.
        assert!(html.contains("id=\"tl-title\"") && html.contains("id=\"gr-title\""));
        // The script is allowed by its hash, and nothing else is.
        let csp = format!("script-src 'sha256-{}'", base64(&sha256(SCRIPT.as_bytes())));
        assert!(html.contains(&csp));
        assert!(html.contains("default-src 'none'"));
        assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn rows_link_to_evidence_and_markers() {
        let e = crate::render::synthetic::events(40, 8, 4);
        let tl = crate::render::timeline::render(&e, &Default::default()).unwrap();
        let html = render(&e, &tl, "<svg></svg>", "t");
        for i in 0..e.len() {
            assert!(html.contains(&format!("<tr id=\"row-{i}\"")));
            assert!(html.contains(&format!("href=\"#ev-{i}\"")));
            assert!(html.contains(&format!("<li id=\"ev-{i}\"")));
            assert!(html.contains(&format!("href=\"#tl-e{i}\"")));
        }
        assert_eq!(html, render(&e, &tl, "<svg></svg>", "t"), "deterministic");
    }

    #[test]
    fn counts_by_type_and_actor() {
        let e = crate::render::synthetic::events(30, 5, 8);
        let html = render(&e, "<svg></svg>", "<svg></svg>", "t");
        assert!(html.contains("<caption>By event type</caption>"));
        assert!(html.contains("<caption>By actor</caption>"));
        let total: usize = e.len();
        assert!(html.contains(&format!("{total} events ·")));
    }

    #[test]
    fn svg_width_is_read() {
        assert_eq!(svg_width("<svg width=\"1590\" height=\"9\">"), Some(1590.0));
        assert_eq!(svg_width("<p>"), None);
    }

    #[test]
    fn marker_ids_are_found() {
        let s = "<g id=\"tl-e3\" class=\"marker\"></g><g id=\"tl-e12\"></g><g id=\"gr-n1\">";
        assert_eq!(marker_ids(s).into_iter().collect::<Vec<_>>(), vec![3, 12]);
    }
}
