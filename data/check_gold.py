#!/usr/bin/env python3
"""Static checks for held-out cases (no use of the extractor).

usage: python3 data/check_gold.py [DIR] [--taxonomy PATH]

Checks, for every NAME.txt / NAME.gold.json pair in DIR:
  * article layout: Title:, Date:, blank line, body of 200-400 words;
  * gold parses as JSON, dct equals the Date: header;
  * every type / alt_type is an event_type of the taxonomy;
  * every event evidence and forbidden evidence occurs verbatim in the article;
  * actors are ISO alpha-3 codes or ~substrings; modality and phenomena from the README lists;
  * date is "" or ISO (YYYY, YYYY-MM, YYYY-MM-DD; also YYYY-Www, YYYY-Qn), window is two ISO days, ordered,
    and the date's period intersects the window (day dates must lie inside it);
  * no forbidden entry would hit a gold event (same sentence and type).
"""
import calendar
import datetime as dt
import json
import pathlib
import re
import sys

MODALITIES = {"asserted", "alleged", "negated", "future", "hypothetical"}
PHENOMENA = {"relative_date", "anchored_date", "metonymy", "title_name", "transliteration",
             "pronoun", "passive", "nominalization", "reported_speech", "coordination",
             "modality", "boilerplate_nearby"}
KEYS = {"type", "alt_types", "source", "target", "date", "window", "optional", "modality",
        "evidence", "phenomena"}


def period(s):
    """ISO date at any precision -> (first day, last day)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        d = dt.date.fromisoformat(s)
        return d, d
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = map(int, s.split("-"))
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    if re.fullmatch(r"\d{4}-W\d{2}", s):
        y, w = int(s[:4]), int(s[6:])
        d = dt.date.fromisocalendar(y, w, 1)
        return d, d + dt.timedelta(days=6)
    if re.fullmatch(r"\d{4}-Q[1-4]", s):
        y, q = int(s[:4]), int(s[6])
        last = 3 * q
        return dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    if re.fullmatch(r"\d{4}", s):
        y = int(s)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    raise ValueError(f"not an ISO date: {s!r}")


def sentences(text):
    return re.split(r"(?<=[.!?])\s+|\n+", text)


def check(base, types):
    errs = []
    txt = base.with_suffix(".txt").read_text(encoding="utf-8")
    lines = txt.split("\n")
    if not (lines[0].startswith("Title: ") and lines[1].startswith("Date: ") and lines[2] == ""):
        errs.append("header layout (Title:, Date:, blank line)")
    words = len(" ".join(lines[3:]).split())
    if not 200 <= words <= 400:
        errs.append(f"body has {words} words (want 200-400)")
    try:
        gold = json.loads(base.with_suffix(".gold.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"gold does not parse: {e}"]
    header_date = lines[1][len("Date: "):].strip()
    if gold.get("dct") != header_date:
        errs.append(f"dct {gold.get('dct')} != Date: {header_date}")
    dct = dt.date.fromisoformat(gold["dct"])
    for i, ev in enumerate(gold["events"]):
        tag = f"event {i} ({ev.get('type')}: {ev.get('evidence', '')[:40]!r})"
        if set(ev) != KEYS:
            errs.append(f"{tag}: keys {sorted(set(ev) ^ KEYS)}")
        for t in [ev["type"], *ev["alt_types"]]:
            if t not in types:
                errs.append(f"{tag}: type {t!r} not in taxonomy")
        if ev["evidence"] not in txt:
            errs.append(f"{tag}: evidence not verbatim in article")
        for a in ev["source"] + ev["target"]:
            if not (re.fullmatch(r"[A-Z]{3}", a) or (a.startswith("~") and len(a) > 2)):
                errs.append(f"{tag}: bad actor {a!r}")
        if not ev["source"]:
            errs.append(f"{tag}: empty source")
        if ev["modality"] not in MODALITIES:
            errs.append(f"{tag}: modality {ev['modality']!r}")
        for p in ev["phenomena"]:
            if p not in PHENOMENA:
                errs.append(f"{tag}: phenomenon {p!r}")
        if not isinstance(ev["optional"], bool):
            errs.append(f"{tag}: optional must be a boolean")
        try:
            w0, w1 = (dt.date.fromisoformat(w) for w in ev["window"])
            if not (len(ev["window"]) == 2 and w0 <= w1):
                errs.append(f"{tag}: window not ordered")
            if ev["date"]:
                d0, d1 = period(ev["date"])
                if d0 == d1 and not w0 <= d0 <= w1:
                    errs.append(f"{tag}: date outside window")
                if d1 < w0 or d0 > w1:
                    errs.append(f"{tag}: date period does not meet window")
            if ev["modality"] != "future" and w0 > dct:
                errs.append(f"{tag}: non-future event after dct")
        except ValueError as e:
            errs.append(f"{tag}: {e}")
    sents = sentences(txt)
    for f in gold.get("forbidden", []):
        if f["evidence"] not in txt:
            errs.append(f"forbidden {f['evidence'][:40]!r}: not verbatim in article")
        if "type" in f and f["type"] not in types:
            errs.append(f"forbidden {f['evidence'][:40]!r}: type not in taxonomy")
        for ev in gold["events"]:
            for s in sents:
                if ev["evidence"] in s and f["evidence"] in s and f.get("type") in (None, ev["type"]):
                    errs.append(f"forbidden {f['evidence'][:40]!r} would hit gold {ev['type']}")
    return errs


def main():
    args = sys.argv[1:]
    tax = pathlib.Path("/work/shared/taxonomy.tsv")
    if "--taxonomy" in args:
        i = args.index("--taxonomy")
        tax = pathlib.Path(args[i + 1])
        del args[i:i + 2]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).parent)
    types = {l.split("\t")[0] for l in tax.read_text().splitlines()[1:] if l.strip()}
    bad = 0
    for g in sorted(root.glob("*.gold.json")):
        base = g.with_name(g.name[:-len(".gold.json")])
        errs = check(base, types)
        n = len(json.loads(g.read_text())["events"])
        print(f"{'FAIL' if errs else 'ok  '} {base.name} ({n} events)")
        for e in errs:
            print("     -", e)
        bad += bool(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
