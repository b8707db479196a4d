#!/usr/bin/env python3
"""Validate the test2 evaluation sets (stdlib only).

Checks:
  * every knowledge base parses as RFC 4180 CSV with header category,title,question,answer,city,
    1-3 variants per title, one city per title;
  * every question file: one JSON object per line with exactly the keys
    question, city, expected, kind; non-empty strings; kind from the allowed list;
  * every non-handoff `expected` is an existing title of the matching base;
  * a city-specific expected title matches the line's city;
  * no question is a copy of a knowledge-base variant (lowercase, ё→е, punctuation folded);
  * no question repeats within or across files.
Usage: python3 validate.py   (run from any directory)
"""
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.dirname(HERE)  # the bases live beside their first sets: ../chats, ../chats-dev2

KINDS = {"ordinary", "typo", "slang", "symptom", "rambling", "voice", "city",
         "near-miss-handoff", "near-miss-answer", "handoff"}
KEYS = {"question", "city", "expected", "kind"}

BASES = {
    "repair": os.path.join(SETS, "chats", "kb-repair.csv"),
    "cleaning": os.path.join(SETS, "chats", "kb-cleaning.csv"),
    "third": os.path.join(SETS, "chats-dev2", "kb-third.csv"),
    "fourth": os.path.join(HERE, "kb-fourth.csv"),
}
FILES = {
    "questions-repair-test2.jsonl": "repair",
    "questions-cleaning-test2.jsonl": "cleaning",
    "questions-third-test2.jsonl": "third",
    "questions-fourth-dev.jsonl": "fourth",
    "questions-fourth-test.jsonl": "fourth",
}

errors = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = s.lower().replace("ё", "е")
    s = re.sub(r"[^\w\s]", " ", s)
    s = s.replace("_", " ")
    return " ".join(s.split())


def load_base(name, path):
    titles = {}          # title -> city ("" = every city)
    variants = set()
    per_title = Counter()
    with open(path, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd, None)
        if header != ["category", "title", "question", "answer", "city"]:
            err(f"{name}: bad header {header}")
        for i, row in enumerate(rd, start=2):
            if len(row) != 5:
                err(f"{name}:{i}: expected 5 fields, got {len(row)}")
                continue
            cat, title, q, ans, city = (x.strip() for x in row)
            if not (cat and title and q and ans):
                err(f"{name}:{i}: empty category/title/question/answer")
            if title in titles and titles[title] != city:
                err(f"{name}:{i}: title {title!r} has two cities")
            titles[title] = city
            per_title[title] += 1
            variants.add(fold(q))
    for t, n in per_title.items():
        if not 1 <= n <= 3:
            err(f"{name}: title {t!r} has {n} variants (need 1-3)")
    return titles, variants


def main():
    bases = {n: load_base(n, p) for n, p in BASES.items()}
    n4 = len(bases["fourth"][0])
    if not 25 <= n4 <= 35:
        err(f"kb-fourth.csv: {n4} titles (need 25-35)")
    seen = {}
    report = []
    for fname, base in FILES.items():
        path = os.path.join(HERE, fname)
        titles, variants = bases[base]
        if not os.path.exists(path):
            err(f"{fname}: missing")
            continue
        kinds = Counter()
        total = hand = 0
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, start=1):
                where = f"{fname}:{ln}"
                if not line.strip():
                    err(f"{where}: empty line")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    err(f"{where}: bad JSON ({e})")
                    continue
                if not isinstance(obj, dict) or set(obj) != KEYS:
                    err(f"{where}: keys must be exactly {sorted(KEYS)}")
                    continue
                if not all(isinstance(obj[k], str) for k in KEYS):
                    err(f"{where}: all values must be strings")
                    continue
                q, city, exp, kind = (obj[k].strip() for k in ("question", "city", "expected", "kind"))
                if not q or not exp:
                    err(f"{where}: empty question or expected")
                if not city:
                    err(f"{where}: empty city")
                if kind not in KINDS:
                    err(f"{where}: unknown kind {kind!r}")
                total += 1
                kinds[kind] += 1
                if exp == "handoff":
                    hand += 1
                    if kind == "near-miss-answer":
                        err(f"{where}: near-miss-answer line must not be handoff")
                else:
                    if kind in ("handoff", "near-miss-handoff"):
                        err(f"{where}: kind {kind} must have expected=handoff")
                    if exp not in titles:
                        err(f"{where}: expected {exp!r} is not a title of {base}")
                    elif titles[exp] and titles[exp] != city:
                        err(f"{where}: {exp!r} is for {titles[exp]}, line city is {city!r}")
                fq = fold(q)
                if fq in variants:
                    err(f"{where}: question copies a knowledge-base variant: {q!r}")
                if fq in seen:
                    err(f"{where}: question repeats {seen[fq]}")
                else:
                    seen[fq] = where
        share = hand / total if total else 0
        if not 0.25 <= share <= 0.42:
            err(f"{fname}: hand-off share {share:.2f} is far from one third")
        report.append((fname, total, hand, kinds))
    for fname, total, hand, kinds in report:
        print(f"{fname}: {total} lines, {hand} handoff ({hand / max(total, 1):.0%}); "
              + ", ".join(f"{k}={kinds[k]}" for k in sorted(kinds)))
    if errors:
        print(f"\nFAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
