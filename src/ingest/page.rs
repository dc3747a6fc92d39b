//! A saved news page to plain text and metadata: the article body (headline, dateline,
//! paragraphs) without navigation, share buttons, related-story lists, captions, cookie
//! banners, advertising and donation appeals; the publication date from the page's metadata
//! (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`), the title and the
//! URL (`og:url`, canonical link). Parsed with html5ever (through `scraper`), never regexes.

use super::parse_iso_date;
use chrono::NaiveDate;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

/// What a page yields: the plain text every byte span refers to, and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Headline, then the body paragraphs, separated by blank lines.
    pub text: String,
    /// The headline (`og:title`, JSON-LD `headline`, the first `<h1>`, or `<title>`).
    pub title: String,
    /// The page's own address (`og:url`, canonical link, JSON-LD `url`), or empty.
    pub url: String,
    /// The publication date from the page's metadata.
    pub date: Option<NaiveDate>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel="canonical"][href]"#));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static BODY_CANDIDATES: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"[itemprop="articleBody"], article, main, [role="main"], body"#));
static PARAGRAPHS: LazyLock<Selector> = LazyLock::new(|| sel("p"));

/// Meta names and properties that carry the publication date, in order of trust.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
];

/// Extract the article text and metadata of an HTML page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let meta = |keys: &[&str]| -> Option<String> {
        for key in keys {
            for m in doc.select(&META) {
                let e = m.value();
                let name = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .unwrap_or("");
                if name.eq_ignore_ascii_case(key) {
                    let v = e.attr("content").unwrap_or("").trim();
                    if !v.is_empty() {
                        return Some(v.to_string());
                    }
                }
            }
        }
        None
    };
    let ld: Vec<serde_json::Value> = doc
        .select(&JSON_LD)
        .filter_map(|s| serde_json::from_str(&s.text().collect::<String>()).ok())
        .collect();
    let ld_str = |key: &str| ld.iter().find_map(|v| find_json(v, key));

    let time_attr = || {
        let times: Vec<ElementRef> = doc.select(&TIME).filter(|t| !in_boilerplate(*t)).collect();
        times
            .iter()
            .find(|t| {
                t.value().attr("itemprop") == Some("datePublished")
                    || t.value().attr("pubdate").is_some()
            })
            .or(times.first())
            .and_then(|t| t.value().attr("datetime"))
            .map(str::to_string)
    };
    let date = meta(&DATE_META[..2])
        .and_then(|d| parse_iso_date(&d))
        .or_else(|| ld_str("datePublished").and_then(|d| parse_iso_date(&d)))
        .or_else(|| time_attr().and_then(|d| parse_iso_date(&d)))
        .or_else(|| meta(&DATE_META[2..]).and_then(|d| parse_iso_date(&d)));

    let body = body_container(&doc);
    let first_h1 = |root: ElementRef| {
        root.select(&H1)
            .find(|h| !in_boilerplate(*h))
            .map(inline_text)
            .filter(|h| !h.is_empty())
    };
    let headline = body
        .and_then(first_h1)
        .or_else(|| first_h1(doc.root_element()));
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| headline.clone())
        .or_else(|| doc.select(&TITLE).next().map(inline_text))
        .map(|t| squash(&t))
        .unwrap_or_default();
    let url = meta(&["og:url"])
        .or_else(|| {
            doc.select(&CANONICAL)
                .next()
                .and_then(|l| l.value().attr("href"))
                .map(str::to_string)
        })
        .or_else(|| ld_str("url"))
        .map(|u| u.trim().to_string())
        .unwrap_or_default();

    let mut blocks = Blocks::default();
    if let Some(h) = &headline {
        blocks.out.push(h.clone());
    }
    if let Some(body) = body {
        blocks.skip_heading = headline;
        blocks.walk(body, false);
        blocks.flush();
    }
    let mut text = blocks.out.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    Page {
        text,
        title,
        url,
        date,
    }
}

/// The first string value under `key`, searching objects and arrays depth-first (JSON-LD
/// nests the article in `@graph` lists and `mainEntity` objects).
fn find_json(v: &serde_json::Value, key: &str) -> Option<String> {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(s)) = map.get(key) {
                return Some(s.clone());
            }
            map.values().find_map(|x| find_json(x, key))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|x| find_json(x, key)),
        _ => None,
    }
}

/// The element holding the article: `itemprop=articleBody`, else the `<article>`, `<main>`
/// or `<body>` with the most paragraph text (pages list teasers of other stories in small
/// `<article>` elements too).
fn body_container(doc: &Html) -> Option<ElementRef<'_>> {
    let score = |e: ElementRef| -> usize {
        e.select(&PARAGRAPHS)
            .filter(|p| !in_boilerplate(*p))
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum()
    };
    let candidates: Vec<ElementRef> = doc
        .select(&BODY_CANDIDATES)
        .filter(|e| !in_boilerplate(*e))
        .collect();
    if let Some(body) = candidates
        .iter()
        .find(|e| e.value().attr("itemprop") == Some("articleBody"))
    {
        return Some(*body);
    }
    let rank = |e: &ElementRef| match e.value().name() {
        "article" => 0,
        "main" => 1,
        _ if e.value().attr("role") == Some("main") => 1,
        _ => 2,
    };
    let scored: Vec<(ElementRef, usize)> = candidates.iter().map(|e| (*e, score(*e))).collect();
    let best_total = scored.iter().map(|(_, s)| *s).max().unwrap_or(0);
    // The most specific container that holds most of the page's paragraph text.
    scored
        .iter()
        .filter(|(_, s)| *s > 0 && *s * 2 >= best_total)
        .min_by_key(|(e, s)| (rank(e), std::cmp::Reverse(*s)))
        .or_else(|| scored.iter().max_by_key(|(_, s)| *s))
        .map(|(e, _)| *e)
}

/// Elements never part of an article's text, whatever their content.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "figure",
    "figcaption",
    "picture",
    "img",
    "video",
    "audio",
    "object",
    "embed",
    "map",
    "menu",
    "dialog",
    "head",
];

/// ARIA roles of page furniture.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Pieces of class and id names that mark page furniture (matched inside longer names).
const SKIP_NAME_PARTS: &[&str] = &[
    "share",
    "social",
    "related",
    "recommend",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "donat",
    "support-us",
    "supportus",
    "membership",
    "paywall",
    "cookie",
    "consent",
    "gdpr",
    "advert",
    "sponsor",
    "promo",
    "outbrain",
    "taboola",
    "caption",
    "credit",
    "breadcrumb",
    "toolbar",
    "popup",
    "modal",
    "sidebar",
    "widget",
    "more-stories",
    "read-more",
    "readmore",
    "most-read",
    "mostread",
    "trending",
    "byline",
    "author",
    "skip-link",
    "visually-hidden",
    "sr-only",
    "logo",
];

/// Whole words of class and id names that mark page furniture ("ad" but not "header").
const SKIP_NAME_WORDS: &[&str] = &[
    "ad", "ads", "adslot", "banner", "comment", "comments", "tags", "nav", "menu", "footer",
    "masthead", "teaser", "teasers", "appeal",
];

/// Whether an element is page furniture by its tag, role, hidden state, class or id.
fn is_boilerplate(e: ElementRef) -> bool {
    let v = e.value();
    if matches!(v.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    if SKIP_TAGS.contains(&v.name())
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    if let Some(role) = v.attr("role") {
        if SKIP_ROLES.contains(&role.to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    v.classes().chain(v.id()).any(|name| {
        let name = name.to_ascii_lowercase();
        SKIP_NAME_PARTS.iter().any(|p| name.contains(p))
            || name.split(['-', '_']).any(|w| SKIP_NAME_WORDS.contains(&w))
    })
}

/// Whether the element or one of its ancestors is page furniture.
fn in_boilerplate(e: ElementRef) -> bool {
    is_boilerplate(e)
        || e.ancestors()
            .filter_map(ElementRef::wrap)
            .any(is_boilerplate)
}

/// Elements that end the running paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "center",
    "details",
    "summary",
    "body",
];

/// Lines that stand alone on news pages and are never article text.
const FURNITURE_LINES: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored",
    "skip to content",
    "skip to main content",
    "share this article",
    "share",
    "listen to this article",
];

/// Paragraphs collected in document order.
#[derive(Default)]
struct Blocks {
    out: Vec<String>,
    /// The paragraph being collected.
    buf: String,
    /// Characters of `buf` inside links or `<time>`: a paragraph that is mostly these is a
    /// list of links or a timestamp, not text.
    meta_chars: usize,
    /// The headline, already placed first: not repeated when the body holds it.
    skip_heading: Option<String>,
}

impl Blocks {
    fn walk(&mut self, el: ElementRef, in_meta: bool) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    let before = self.buf.len();
                    push_squashed(&mut self.buf, t);
                    if in_meta {
                        self.meta_chars += self.buf.len() - before;
                    }
                }
                Node::Element(e) => {
                    let Some(ce) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_boilerplate(ce) {
                        continue;
                    }
                    let name = e.name();
                    if name == "br" {
                        self.buf.push('\n');
                    } else if BLOCK_TAGS.contains(&name) {
                        self.flush();
                        self.walk(ce, in_meta);
                        self.flush();
                    } else {
                        self.walk(ce, in_meta || name == "a" || name == "time");
                    }
                }
                _ => {}
            }
        }
    }

    /// End the paragraph being collected (a blank line from `<br><br>` splits it in two).
    fn flush(&mut self) {
        let chars = self.buf.trim().len();
        let mostly_meta = self.meta_chars * 2 > chars;
        let buf = std::mem::take(&mut self.buf);
        self.meta_chars = 0;
        if chars == 0 || mostly_meta {
            return;
        }
        let mut para: Vec<&str> = Vec::new();
        for line in buf.split('\n').map(str::trim).chain([""]) {
            if !line.is_empty() {
                para.push(line);
                continue;
            }
            if para.is_empty() {
                continue;
            }
            let p = para.join("\n");
            para.clear();
            let lower = p.to_lowercase();
            let furniture = FURNITURE_LINES.contains(&lower.trim_end_matches([':', '.']));
            if !furniture && self.skip_heading.as_deref() != Some(p.as_str()) {
                self.out.push(p);
            }
        }
    }
}

/// Append `s` with every run of whitespace as one space (line breaks come from `<br>`).
fn push_squashed(buf: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
        } else if c != '\u{ad}' {
            buf.push(c);
        }
    }
}

fn squash(s: &str) -> String {
    let mut out = String::new();
    push_squashed(&mut out, s);
    out.trim().to_string()
}

/// The text of an element, without scripts, styles and other non-text content.
fn inline_text(e: ElementRef) -> String {
    fn collect(e: ElementRef, out: &mut String) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(el) if !NON_TEXT.contains(&el.name()) => {
                    if let Some(ce) = ElementRef::wrap(child) {
                        collect(ce, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    collect(e, &mut out);
    squash(&out)
}

/// Elements whose content is never text to read.
const NON_TEXT: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html><head>
<title>Envoy summoned | The Ledger</title>
<meta property="og:title" content="Tajikistan summons Russian envoy">
<meta property="og:url" content="https://ledger.example/world/envoy">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Ledger"},{"@type":"NewsArticle","headline":"Tajikistan summons Russian envoy","datePublished":"2024-04-29T09:10:00+05:00"}]}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article class="story">
<h1>Tajikistan summons Russian envoy</h1>
<div class="byline">By A. Writer · <time datetime="2024-04-29">29 April 2024</time></div>
<ul class="share-tools"><li><a href="#">Share on X</a></li></ul>
<p>DUSHANBE, April 29 &mdash; Tajikistan&rsquo;s foreign ministry summoned Russia's ambassador on Monday.</p>
<figure><img src="a.jpg"><figcaption>The ministry building. Photo: Agency</figcaption></figure>
<p>The ministry handed him a note<br>of protest.</p>
<div class="ad-slot">Advertisement</div>
<p><a href="/a">Read more: earlier row</a></p>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/b">Border clashes</a></li></ul></aside>
<div class="donation-appeal"><p>Support independent journalism: donate today.</p></div>
</article>
<footer>© The Ledger</footer>
</body></html>"##;

    #[test]
    fn article_body_without_furniture() {
        let p = extract(PAGE);
        assert_eq!(
            p.text,
            "Tajikistan summons Russian envoy\n\nDUSHANBE, April 29 — Tajikistan’s foreign ministry summoned Russia's ambassador on Monday.\n\nThe ministry handed him a note\nof protest.\n"
        );
        assert_eq!(p.title, "Tajikistan summons Russian envoy");
        assert_eq!(p.url, "https://ledger.example/world/envoy");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2024, 4, 29));
    }

    #[test]
    fn date_sources_in_order() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let cases: &[(&str, Option<NaiveDate>)] = &[
            (
                r#"<meta property="article:published_time" content="2021-04-17T10:00:00Z"><script type="application/ld+json">{"datePublished":"2020-01-01"}</script><p>x</p>"#,
                d(2021, 4, 17),
            ),
            (
                r#"<script type="application/ld+json">[{"datePublished":"2020-01-02"}]</script><time datetime="2019-01-01">x</time><p>x</p>"#,
                d(2020, 1, 2),
            ),
            (
                r#"<p>On <time datetime="2019-05-06T08:00">Monday</time> talks.</p>"#,
                d(2019, 5, 6),
            ),
            (
                r#"<meta name="date" content="2018-03-04"><p>x</p>"#,
                d(2018, 3, 4),
            ),
            (
                r#"<script type="application/ld+json">{broken</script><p>x</p>"#,
                None,
            ),
        ];
        for (html, want) in cases {
            assert_eq!(extract(html).date, *want, "{html}");
        }
    }

    #[test]
    fn canonical_link_when_no_og_url_and_main_when_no_article() {
        let p = extract(
            r#"<link rel="canonical" href="https://x.example/a"><div class="menu">Menu</div><main><p>Kenya sent police to Haiti.</p></main><div class="teaser"><p>Other story</p></div>"#,
        );
        assert_eq!(p.url, "https://x.example/a");
        assert_eq!(p.text, "Kenya sent police to Haiti.\n");
        assert_eq!(p.title, "");
    }

    #[test]
    fn the_longest_article_wins_over_teasers() {
        let p = extract(
            "<article><p>Short teaser.</p></article><article><p>The long story runs on and on about the summit.</p><p>A second paragraph.</p></article>",
        );
        assert!(p.text.starts_with("The long story"), "{}", p.text);
        assert!(!p.text.contains("teaser"));
    }

    #[test]
    fn scripts_are_never_text_even_inside_a_headline() {
        // Regression (property test): an unclosed <h1> took the script's source as headline.
        let p = extract("<h1>Talks<script>var x = '<p>';</script></h1><p>Body.</p>");
        assert_eq!(p.text, "Talks\n\nBody.\n");
        assert_eq!(p.title, "Talks");
    }

    #[test]
    fn hostile_markup_stays_text() {
        let p = extract(
            "<article><p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p><script>evil()</script></article>",
        );
        assert_eq!(p.text, "a <script>alert(1)</script> b\n");
    }
}
