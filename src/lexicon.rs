//! Dictionaries: countries, organizations, people, roles, event patterns, boilerplate cues and
//! the event taxonomy. They live as TSV files under `data/lexicon/`, are embedded in the binary
//! and parsed once; `--lexicon DIR` overlays an analyst's own files at run time.

use crate::error::{Error, Result};
use crate::model::ActorKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::LazyLock;

/// The embedded files: (file name, contents).
const EMBEDDED_FILES: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../data/lexicon/countries.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../data/lexicon/organizations.tsv"),
    ),
    ("people.tsv", include_str!("../data/lexicon/people.tsv")),
    ("places.tsv", include_str!("../data/lexicon/places.tsv")),
    ("roles.tsv", include_str!("../data/lexicon/roles.tsv")),
    ("events.tsv", include_str!("../data/lexicon/events.tsv")),
    ("classes.tsv", include_str!("../data/lexicon/classes.tsv")),
    ("taxonomy.tsv", include_str!("../data/lexicon/taxonomy.tsv")),
    (
        "boilerplate.txt",
        include_str!("../data/lexicon/boilerplate.txt"),
    ),
    ("blockers.txt", include_str!("../data/lexicon/blockers.txt")),
];

/// The lexicon compiled from the embedded files, built on first use.
pub static EMBEDDED: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_sources(&embedded_sources()).expect("embedded lexicon is valid (tested)")
});

fn embedded_sources() -> BTreeMap<String, Vec<(String, String)>> {
    EMBEDDED_FILES
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                vec![(format!("data/lexicon/{name}"), text.to_string())],
            )
        })
        .collect()
}

/// A country and every way the news names it.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// Canonical short name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Adjectives and demonyms; the first is used to name institutions ("Russian police").
    pub adjectives: Vec<String>,
    /// Capitals standing for the government.
    pub capitals: Vec<String>,
    /// Seats of government standing for it (the Kremlin, Downing Street).
    pub metonyms: Vec<String>,
}

/// An international organization, armed group, NGO or news outlet.
#[derive(Debug, Clone)]
pub struct Organization {
    /// CAMEO-style code.
    pub code: String,
    /// Canonical name.
    pub name: String,
    /// Other names and abbreviations.
    pub aliases: Vec<String>,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Home country, or empty.
    pub country: String,
}

/// A named official.
#[derive(Debug, Clone)]
pub struct Person {
    /// Canonical name.
    pub name: String,
    /// Spelling variants.
    pub aliases: Vec<String>,
    /// Country (or organization code for international officials).
    pub country: String,
    /// CAMEO role code.
    pub role: String,
    /// Title (president, foreign minister…).
    pub title: String,
    /// First day in office.
    pub from: Option<NaiveDate>,
    /// Last day in office.
    pub to: Option<NaiveDate>,
}

/// How a role phrase behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// An institution ("foreign ministry", "police").
    Institution,
    /// A title that can precede a name ("ambassador", "spokeswoman").
    Title,
    /// A group of people ("protesters", "citizens"), local to the dateline unless named.
    Group,
    /// A group never assumed local to the dateline ("hostages", "diplomats", "militants").
    MobileGroup,
    /// A group too generic to refer back ("people"): local to the dateline at most.
    GenericGroup,
    /// A force's weapons ("Iranian missiles", "Russian drones"): named with their country or
    /// referred back to with "the"; never assumed local, never guessed from a bare plural.
    Weapon,
}

/// A role phrase mapped to a CAMEO role code.
#[derive(Debug, Clone)]
pub struct Role {
    /// Lower-case phrase.
    pub phrase: String,
    /// CAMEO role code (`GOV`, `MIL`, `COP`…).
    pub code: String,
    /// Label used in actor names.
    pub label: String,
    /// Institution, title or group.
    pub kind: RoleKind,
}

/// One event type of the taxonomy.
#[derive(Debug, Clone)]
pub struct EventTypeInfo {
    /// Name (`summon_ambassador`).
    pub name: String,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER category.
    pub plover: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// What the type covers.
    pub description: String,
}

/// One element of a trigger pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum PatElem {
    /// One of these lower-case word sequences; optional when the flag is set.
    Words(Vec<Vec<String>>, bool),
    /// Any entry of a word class (entries may span several tokens).
    Class(String),
    /// Skip between `min` and `max` word tokens.
    Gap(usize, usize),
}

/// Grammatical kind of a trigger, which decides how roles are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    /// A verb: active or passive voice.
    Verb,
    /// A noun: possessive or "by" phrase, else the clause subject.
    Noun,
}

/// A trigger pattern from `events.tsv`.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Unique id.
    pub id: String,
    /// Event type it yields.
    pub event_type: String,
    /// Verb or noun trigger.
    pub pos: TriggerPos,
    /// The elements in order.
    pub elems: Vec<PatElem>,
    /// Whether the event needs a target actor to be coded (all but `untargeted` patterns).
    pub needs_target: bool,
    /// Whether the target must be a named person (`person_target`: assassinations).
    pub person_target: bool,
    /// Whether the source is the speaker of the sentence (`speaker`).
    pub speaker: bool,
    /// Whether a missing target is the party of the act answered (`answers`).
    pub answers: bool,
    /// Whether the source must be a crowd — protesters, supporters, students (`crowd`): "gathered
    /// outside the embassy" is a street protest only when a crowd gathers.
    pub crowd: bool,
    /// Whether the target is the subject of the reported clause the pattern stands in, and the
    /// source its speaker (`subject_target`): "vowed that Israel would face a bitter fate".
    pub subject_target: bool,
    /// Whether the pattern fires only in the passive voice, on people (`passive`): "eight
    /// Russians held in Germany were sent home" is a release, "sent home the envoy" is not.
    pub passive: bool,
    /// Whether a missing target is the country of the dateline (`dateline`): "Kishida, who flew
    /// in on Sunday" in a story datelined SEOUL visited South Korea.
    pub dateline: bool,
}

/// What a proper-noun surface form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProperRef {
    /// A country by its name or alias.
    CountryName(usize),
    /// A country adjective or demonym.
    CountryAdj(usize),
    /// A capital or seat of government.
    CountrySeat(usize),
    /// A city, region, territory, site or camp of a country (`places.tsv`): the country where
    /// something happens or what an attack hits, never a government by metonymy.
    Place(usize),
    /// An organization.
    Org(usize),
    /// A person.
    Person(usize),
    /// A name that contains an actor's name but is no actor ("Latin America").
    Blocker,
}

/// All dictionaries, parsed and compiled for matching.
#[derive(Debug)]
pub struct Lexicon {
    /// Countries, sorted by ISO3.
    pub countries: Vec<Country>,
    /// Organizations.
    pub organizations: Vec<Organization>,
    /// People.
    pub people: Vec<Person>,
    /// Role phrases.
    pub roles: Vec<Role>,
    /// Event types by name.
    pub types: BTreeMap<String, EventTypeInfo>,
    /// Trigger patterns.
    pub patterns: Vec<Pattern>,
    /// Word classes used by patterns, lower case, each entry split into tokens.
    pub classes: HashMap<String, Vec<Vec<String>>>,
    /// Lower-case cue phrases of website boilerplate.
    pub boilerplate: Vec<String>,
    /// Consonant skeleton of each person's name (see `actors::skeleton`) → indices into
    /// `people`, for transliterated full names.
    pub people_by_skeleton: HashMap<String, Vec<usize>>,
    /// Upper-case capital or country name → ISO3, for datelines ("DUSHANBE, April 29 —").
    pub dateline_index: HashMap<String, String>,
    /// Matcher over `boilerplate` (all overlapping matches are checked for word bounds).
    pub boilerplate_ac: AhoCorasick,
    /// Surface forms of proper nouns, matched case-sensitively.
    pub proper_forms: Vec<(String, ProperRef)>,
    /// Matcher over `proper_forms`.
    pub proper_ac: AhoCorasick,
    /// Matcher over role phrases (ASCII case-insensitive), index into `roles`.
    pub role_ac: AhoCorasick,
    /// ISO3 → index into `countries`.
    pub country_index: HashMap<String, usize>,
    /// First word of a pattern → indices into `patterns` that may start there.
    pub pattern_index: HashMap<String, Vec<usize>>,
    /// Family name → indices into `people` (the last word of a name; the first word too for
    /// countries that write the family name first).
    pub surname_index: HashMap<String, Vec<usize>>,
}

/// Countries whose names are written family name first (Xi Jinping, Kim Jong Un).
pub(crate) const FAMILY_NAME_FIRST: &[&str] = &[
    "CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "HKG", "MAC", "SGP", "MNG",
];

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Rows of a TSV file after its header: (path, line number, fields).
fn tsv_rows<'a>(
    path: &'a str,
    text: &'a str,
    min_fields: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>)>> + 'a {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(i, l)| {
            let fields: Vec<&str> = l.trim_end_matches('\r').split('\t').collect();
            if fields.len() < min_fields {
                Err(Error::BadLine {
                    path: path.to_string(),
                    line: i + 1,
                    message: format!(
                        "expected {min_fields} tab-separated fields, found {}",
                        fields.len()
                    ),
                })
            } else {
                Ok((i + 1, fields))
            }
        })
}

fn parse_date_field(path: &str, line: usize, s: &str) -> Result<Option<NaiveDate>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Error::BadLine {
            path: path.to_string(),
            line,
            message: format!("bad date {s:?}, expected YYYY-MM-DD"),
        })
}

/// The word sequences one alternative stands for: each word written `lemma~` in any of the
/// verb's forms (`break~_off` → break off, breaks off, broke off, broken off, breaking off).
fn inflected(words: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for w in words {
        let forms = match w.strip_suffix('~') {
            Some(lemma) => crate::inflect::verb_forms(lemma),
            None => vec![w.clone()],
        };
        out = out
            .into_iter()
            .flat_map(|prefix| {
                forms.iter().map(move |f| {
                    let mut v = prefix.clone();
                    v.push(f.clone());
                    v
                })
            })
            .collect();
    }
    out
}

/// Parse one pattern string of `events.tsv`.
pub fn parse_pattern(s: &str) -> std::result::Result<Vec<PatElem>, String> {
    let mut out = Vec::new();
    for piece in s.split_whitespace() {
        if let Some(class) = piece.strip_prefix('@') {
            out.push(PatElem::Class(class.to_string()));
        } else if let Some(inner) = piece.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
            let (a, b) = inner
                .split_once('-')
                .ok_or_else(|| format!("gap {piece:?} must look like [0-3]"))?;
            let min: usize = a.parse().map_err(|_| format!("bad gap {piece:?}"))?;
            let max: usize = b.parse().map_err(|_| format!("bad gap {piece:?}"))?;
            if min > max {
                return Err(format!("gap {piece:?} has min > max"));
            }
            out.push(PatElem::Gap(min, max));
        } else {
            let (word, optional) = match piece.strip_suffix('?') {
                Some(w) => (w, true),
                None => (piece, false),
            };
            let alts: Vec<Vec<String>> = word
                .split('|')
                .flat_map(|w| inflected(&w.split('_').map(str::to_lowercase).collect::<Vec<_>>()))
                .collect();
            if alts.iter().flatten().any(|w| w.is_empty()) {
                return Err(format!("empty alternative in {piece:?}"));
            }
            out.push(PatElem::Words(alts, optional));
        }
    }
    match out.first() {
        None => Err("empty pattern".into()),
        Some(PatElem::Gap(..)) => Err("a pattern cannot start with a gap".into()),
        Some(PatElem::Words(_, true)) => Err("a pattern cannot start with an optional word".into()),
        _ => Ok(out),
    }
}

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> &'static Lexicon {
        &EMBEDDED
    }

    /// The embedded lexicon with the files found in `dir` laid over it: rows of an overlay
    /// file are added after the embedded rows, and a row whose key (first column) repeats an
    /// earlier one replaces it.
    pub fn with_overlay(dir: &Path) -> Result<Lexicon> {
        let mut sources = embedded_sources();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let mut found = false;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if let Some(list) = sources.get_mut(&name) {
                let path = entry.path();
                let text = std::fs::read_to_string(&path).map_err(|e| Error::Io {
                    path: path.clone(),
                    source: e,
                })?;
                list.push((path.display().to_string(), text));
                found = true;
            }
        }
        if !found {
            return Err(Error::Invalid(format!(
                "{}: no lexicon files found (expected any of {})",
                dir.display(),
                EMBEDDED_FILES
                    .iter()
                    .map(|f| f.0)
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        Lexicon::from_sources(&sources)
    }

    fn from_sources(sources: &BTreeMap<String, Vec<(String, String)>>) -> Result<Lexicon> {
        let get = |name: &str| sources.get(name).map(Vec::as_slice).unwrap_or(&[]);

        // Rows keyed by their first column; a later row with the same key replaces an earlier one.
        fn keyed<T>(rows: Vec<(String, T)>) -> Vec<T> {
            let mut order: Vec<String> = Vec::new();
            let mut map: HashMap<String, T> = HashMap::new();
            for (k, v) in rows {
                if map.insert(k.clone(), v).is_none() {
                    order.push(k);
                }
            }
            order.into_iter().filter_map(|k| map.remove(&k)).collect()
        }

        let mut countries = Vec::new();
        for (path, text) in get("countries.tsv") {
            for row in tsv_rows(path, text, 2) {
                let (line, f) = row?;
                let field = |i: usize| f.get(i).copied().unwrap_or("");
                let iso3 = field(0).trim().to_string();
                if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(Error::BadLine {
                        path: path.clone(),
                        line,
                        message: format!("{iso3:?} is not an ISO 3166-1 alpha-3 code"),
                    });
                }
                countries.push((
                    iso3.clone(),
                    Country {
                        iso3,
                        name: field(1).trim().to_string(),
                        aliases: split_list(field(2)),
                        adjectives: split_list(field(3)),
                        capitals: split_list(field(4)),
                        metonyms: split_list(field(5)),
                    },
                ));
            }
        }
        let mut countries = keyed(countries);
        countries.sort_by(|a, b| a.iso3.cmp(&b.iso3));

        let mut organizations = Vec::new();
        for (path, text) in get("organizations.tsv") {
            for row in tsv_rows(path, text, 4) {
                let (line, f) = row?;
                let kind = ActorKind::from_lexicon(f[3].trim()).ok_or_else(|| Error::BadLine {
                    path: path.clone(),
                    line,
                    message: format!("unknown kind {:?}", f[3]),
                })?;
                organizations.push((
                    f[0].trim().to_string(),
                    Organization {
                        code: f[0].trim().to_string(),
                        name: f[1].trim().to_string(),
                        aliases: split_list(f[2]),
                        kind,
                        country: f.get(4).map(|s| s.trim().to_string()).unwrap_or_default(),
                    },
                ));
            }
        }
        let organizations = keyed(organizations);

        let mut people = Vec::new();
        for (path, text) in get("people.tsv") {
            for row in tsv_rows(path, text, 4) {
                let (line, f) = row?;
                let field = |i: usize| f.get(i).copied().unwrap_or("");
                people.push((
                    format!("{}|{}|{}", field(0), field(4), field(5)),
                    Person {
                        name: field(0).trim().to_string(),
                        aliases: split_list(field(1)),
                        country: field(2).trim().to_string(),
                        role: field(3).trim().to_string(),
                        title: field(4).trim().to_string(),
                        from: parse_date_field(path, line, field(5))?,
                        to: parse_date_field(path, line, field(6))?,
                    },
                ));
            }
        }
        let people = keyed(people);

        let mut roles = Vec::new();
        for (path, text) in get("roles.tsv") {
            for row in tsv_rows(path, text, 4) {
                let (line, f) = row?;
                let kind = match f[3].trim() {
                    "institution" => RoleKind::Institution,
                    "title" => RoleKind::Title,
                    "group" => RoleKind::Group,
                    "mobile_group" => RoleKind::MobileGroup,
                    "weapon" => RoleKind::Weapon,
                    "generic_group" => RoleKind::GenericGroup,
                    other => {
                        return Err(Error::BadLine {
                            path: path.clone(),
                            line,
                            message: format!(
                                "unknown role kind {other:?} (institution, title, group, mobile_group, generic_group, weapon)"
                            ),
                        });
                    }
                };
                let phrase = f[0].trim().to_lowercase();
                roles.push((
                    phrase.clone(),
                    Role {
                        phrase,
                        code: f[1].trim().to_string(),
                        label: f[2].trim().to_string(),
                        kind,
                    },
                ));
            }
        }
        let roles = keyed(roles);

        let mut types = BTreeMap::new();
        for (path, text) in get("taxonomy.tsv") {
            for row in tsv_rows(path, text, 5) {
                let (line, f) = row?;
                let goldstein: f64 = f[3].trim().parse().map_err(|_| Error::BadLine {
                    path: path.clone(),
                    line,
                    message: format!("bad Goldstein score {:?}", f[3]),
                })?;
                let quad_class: u8 = match f[4].trim().parse() {
                    Ok(q @ 1..=4) => q,
                    _ => {
                        return Err(Error::BadLine {
                            path: path.clone(),
                            line,
                            message: format!("bad quad class {:?}", f[4]),
                        });
                    }
                };
                let name = f[0].trim().to_string();
                types.insert(
                    name.clone(),
                    EventTypeInfo {
                        name,
                        cameo: f[1].trim().to_string(),
                        plover: f[2].trim().to_string(),
                        goldstein,
                        quad_class,
                        description: f.get(5).map(|s| s.trim().to_string()).unwrap_or_default(),
                    },
                );
            }
        }

        let mut classes: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for (path, text) in get("classes.tsv") {
            for row in tsv_rows(path, text, 2) {
                let (_, f) = row?;
                let entries = split_list(f[1])
                    .into_iter()
                    .map(|e| crate::text::word_tokens_lower(&e))
                    .filter(|t| !t.is_empty())
                    .collect();
                classes.insert(f[0].trim().to_string(), entries);
            }
        }

        let mut patterns = Vec::new();
        for (path, text) in get("events.tsv") {
            // An override file replaces a pattern of the embedded table by its id; within one
            // file an id names one pattern.
            let mut ids_here: HashMap<String, usize> = HashMap::new();
            for row in tsv_rows(path, text, 4) {
                let (line, f) = row?;
                let bad = |message: String| Error::BadLine {
                    path: path.clone(),
                    line,
                    message,
                };
                if let Some(first) = ids_here.insert(f[0].trim().to_string(), line) {
                    return Err(bad(format!(
                        "pattern id {:?} already used on line {first}",
                        f[0].trim()
                    )));
                }
                let event_type = f[1].trim().to_string();
                if !types.contains_key(&event_type) {
                    return Err(bad(format!("unknown event type {event_type:?}")));
                }
                let pos = match f[2].trim() {
                    "v" => TriggerPos::Verb,
                    "n" => TriggerPos::Noun,
                    other => return Err(bad(format!("pos must be v or n, not {other:?}"))),
                };
                let elems = parse_pattern(f[3]).map_err(bad)?;
                for e in &elems {
                    if let PatElem::Class(c) = e {
                        if !classes.contains_key(c) {
                            return Err(bad(format!("unknown word class @{c}")));
                        }
                    }
                }
                let needs_target = !f.get(4).is_some_and(|s| s.contains("untargeted"));
                let person_target = f.get(4).is_some_and(|s| s.contains("person_target"));
                // A flag named as a whole word of the flags column.
                let flag = |name: &str| {
                    f.get(4)
                        .is_some_and(|s| s.split_whitespace().any(|w| w == name))
                };
                patterns.push((
                    f[0].trim().to_string(),
                    Pattern {
                        id: f[0].trim().to_string(),
                        event_type,
                        pos,
                        elems,
                        needs_target,
                        person_target,
                        speaker: flag("speaker"),
                        answers: flag("answers"),
                        crowd: flag("crowd"),
                        subject_target: flag("subject_target"),
                        passive: flag("passive"),
                        dateline: flag("dateline"),
                    },
                ));
            }
        }
        let patterns = keyed(patterns);

        let mut boilerplate = Vec::new();
        for (_, text) in get("boilerplate.txt") {
            for l in text.lines() {
                let l = l.trim();
                if !l.is_empty() && !l.starts_with('#') {
                    boilerplate.push(l.to_lowercase());
                }
            }
        }

        // Proper-noun forms, case-sensitive. Later (more specific) kinds win ties on equal text.
        let mut forms: BTreeMap<String, ProperRef> = BTreeMap::new();
        for (i, c) in countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                forms.entry(n.clone()).or_insert(ProperRef::CountryName(i));
            }
            for a in &c.adjectives {
                forms.entry(a.clone()).or_insert(ProperRef::CountryAdj(i));
            }
            for s in c.capitals.iter().chain(&c.metonyms) {
                forms.entry(s.clone()).or_insert(ProperRef::CountrySeat(i));
            }
        }
        for (i, o) in organizations.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                forms.insert(n.clone(), ProperRef::Org(i));
            }
        }
        for (i, p) in people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                forms.entry(n.clone()).or_insert(ProperRef::Person(i));
            }
        }
        let country_index: HashMap<String, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        for (path, text) in get("places.tsv") {
            for row in tsv_rows(path, text, 2) {
                let (line, f) = row?;
                let iso = f[1].trim();
                let Some(&c) = country_index.get(iso) else {
                    return Err(Error::BadLine {
                        path: path.clone(),
                        line,
                        message: format!("unknown country code {iso:?}"),
                    });
                };
                for n in split_list(f[0]) {
                    forms.entry(n).or_insert(ProperRef::Place(c));
                }
            }
        }
        for (_, text) in get("blockers.txt") {
            for l in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                forms.insert(l.to_string(), ProperRef::Blocker);
            }
        }
        let proper_forms: Vec<(String, ProperRef)> =
            forms.into_iter().filter(|(k, _)| !k.is_empty()).collect();
        let proper_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(proper_forms.iter().map(|(k, _)| k.as_str()))
            .map_err(|e| Error::Invalid(format!("lexicon matcher: {e}")))?;
        let role_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(roles.iter().map(|r| r.phrase.as_str()))
            .map_err(|e| Error::Invalid(format!("lexicon matcher: {e}")))?;

        let mut pattern_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            let firsts: Vec<String> = match &p.elems[0] {
                PatElem::Words(alts, _) => alts.iter().map(|a| a[0].clone()).collect(),
                PatElem::Class(c) => classes[c].iter().map(|e| e[0].clone()).collect(),
                PatElem::Gap(..) => Vec::new(),
            };
            for w in firsts {
                let list = pattern_index.entry(w).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }

        let mut surname_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let words: Vec<&str> = n.split_whitespace().collect();
                if words.len() < 2 {
                    continue;
                }
                let mut keys = vec![words[words.len() - 1]];
                if FAMILY_NAME_FIRST.contains(&p.country.as_str()) {
                    keys.push(words[0]);
                }
                for k in keys {
                    let list = surname_index.entry(k.to_string()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }

        let boilerplate_ac = AhoCorasick::new(&boilerplate)
            .map_err(|e| Error::Invalid(format!("lexicon matcher: {e}")))?;
        let mut dateline_index = HashMap::new();
        for (form, r) in &proper_forms {
            if let ProperRef::CountrySeat(i) | ProperRef::CountryName(i) | ProperRef::Place(i) = r {
                dateline_index
                    .entry(form.to_uppercase())
                    .or_insert_with(|| countries[*i].iso3.clone());
            }
        }
        let mut people_by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let list = people_by_skeleton
                    .entry(crate::actors::skeleton(n))
                    .or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Ok(Lexicon {
            people_by_skeleton,
            dateline_index,
            boilerplate_ac,
            surname_index,
            pattern_index,
            countries,
            organizations,
            people,
            roles,
            types,
            patterns,
            classes,
            boilerplate,
            proper_forms,
            proper_ac,
            role_ac,
            country_index,
        })
    }

    /// The country with this ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.country_index.get(iso3).map(|&i| &self.countries[i])
    }

    /// The taxonomy entry for an event type.
    pub fn event_type(&self, name: &str) -> Option<&EventTypeInfo> {
        self.types.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_every_file() {
        let lex = Lexicon::embedded();
        assert!(
            lex.countries.len() >= 197,
            "countries: {}",
            lex.countries.len()
        );
        assert_eq!(lex.types.len(), 63);
        assert!(!lex.patterns.is_empty());
        assert!(!lex.roles.is_empty());
        assert!(!lex.boilerplate.is_empty());
        for iso in ["TJK", "RUS", "TWN", "XKX", "PSE", "VAT", "USA"] {
            assert!(lex.country(iso).is_some(), "{iso} missing");
        }
    }

    #[test]
    fn every_type_in_patterns_is_in_taxonomy() {
        let lex = Lexicon::embedded();
        for p in &lex.patterns {
            assert!(lex.types.contains_key(&p.event_type), "{}", p.id);
        }
    }

    #[test]
    fn pattern_syntax() {
        let cases: &[(&str, Result<usize, ()>)] = &[
            ("summon|summoned [0-3] @ENVOY", Ok(3)),
            ("note of protest", Ok(3)),
            ("recalled its? ambassador", Ok(3)),
            ("[0-2] attack", Err(())),
            ("x [3-1] y", Err(())),
            ("maybe? x", Err(())),
            ("", Err(())),
        ];
        for (src, want) in cases {
            let got = parse_pattern(src).map(|v| v.len()).map_err(|_| ());
            assert_eq!(&got, want, "{src}");
        }
    }

    #[test]
    fn overlay_adds_and_replaces_rows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("countries.tsv"),
            "iso3\tname\taliases\tadjectives\tcapitals\tmetonyms\nRUS\tRussia\tRussian Federation\tRussian\tMoscow\tKremlin|Smolenskaya Square\n",
        )
        .unwrap();
        let lex = Lexicon::with_overlay(dir.path()).unwrap();
        let rus = lex.country("RUS").unwrap();
        assert!(rus.metonyms.iter().any(|m| m == "Smolenskaya Square"));
        assert_eq!(lex.countries.len(), Lexicon::embedded().countries.len());
    }

    #[test]
    fn overlay_reports_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("countries.tsv"),
            "iso3\tname\nrussia\tRussia\n",
        )
        .unwrap();
        let err = Lexicon::with_overlay(dir.path()).unwrap_err().to_string();
        assert!(err.contains("countries.tsv:2:"), "{err}");
    }
}
