#!/usr/bin/env python3
"""Validate the dev2 question sets and kb-third.csv (run from anywhere)."""
import csv, json, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT = os.path.join(HERE, "..", "chats")  # the repair and cleaning bases the writer was given
KINDS = {"ordinary", "typo", "slang", "symptom", "rambling", "voice", "city",
         "near-miss-handoff", "near-miss-answer", "handoff"}
SETS = [("questions-repair-dev2.jsonl", os.path.join(INPUT, "kb-repair.csv")),
        ("questions-cleaning-dev2.jsonl", os.path.join(INPUT, "kb-cleaning.csv")),
        ("questions-third-dev.jsonl", os.path.join(HERE, "kb-third.csv"))]
errors = []

def norm(s):
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s.lower().replace("ё", "е"))).strip()

def load_kb(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["category", "title", "question", "answer", "city"]:
        errors.append(f"{path}: bad header {rows[0]}")
    titles, variants = {}, collections.Counter()
    for i, r in enumerate(rows[1:], 2):
        if len(r) != 5:
            errors.append(f"{path}:{i}: {len(r)} fields"); continue
        cat, title, q, ans, city = (x.strip() for x in r)
        if not (cat and title and q and ans):
            errors.append(f"{path}:{i}: empty field")
        if title in titles and titles[title][0] != city:
            errors.append(f"{path}:{i}: title {title!r} has two cities")
        if title in titles and titles[title][1] != ans:
            errors.append(f"{path}:{i}: title {title!r} has differing answers")
        titles[title] = (city, ans, titles.get(title, (0, 0, []))[2] + [q])
        variants[title] += 1
    for t, n in variants.items():
        if not 1 <= n <= 3:
            errors.append(f"{path}: title {t!r} has {n} variants")
    return titles

all_q = {}
for qfile, kbfile in SETS:
    kb = load_kb(kbfile)
    kb_variants = {norm(q) for v in kb.values() for q in v[2]}
    qpath = os.path.join(HERE, qfile)
    kinds, n, nh, used = collections.Counter(), 0, 0, set()
    seen = set()
    with open(qpath, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"{qfile}:{i}: empty line"); continue
            try:
                o = json.loads(line)
            except Exception as e:
                errors.append(f"{qfile}:{i}: bad JSON {e}"); continue
            if not isinstance(o, dict) or set(o) != {"question", "city", "expected", "kind"}:
                errors.append(f"{qfile}:{i}: keys {list(o) if isinstance(o, dict) else o}"); continue
            if not all(isinstance(o[k], str) and o[k].strip() for k in o):
                errors.append(f"{qfile}:{i}: empty or non-string value")
            q, city, exp, kind = o["question"], o["city"], o["expected"], o["kind"]
            n += 1; kinds[kind] += 1
            if kind not in KINDS:
                errors.append(f"{qfile}:{i}: unknown kind {kind!r}")
            if q in seen or norm(q) in seen:
                errors.append(f"{qfile}:{i}: duplicate question {q!r}")
            seen.add(q); seen.add(norm(q))
            if q in all_q:
                errors.append(f"{qfile}:{i}: same question also in {all_q[q]}")
            all_q[q] = qfile
            if norm(q) in kb_variants:
                errors.append(f"{qfile}:{i}: copy of a knowledge-base variant {q!r}")
            if exp == "handoff":
                nh += 1
                if kind == "near-miss-answer":
                    errors.append(f"{qfile}:{i}: near-miss-answer line expects handoff")
                continue
            if kind in ("handoff", "near-miss-handoff"):
                errors.append(f"{qfile}:{i}: kind {kind} but expected a title")
            if exp not in kb:
                errors.append(f"{qfile}:{i}: expected {exp!r} is not a title of {os.path.basename(kbfile)}"); continue
            used.add(exp)
            kcity = kb[exp][0]
            if kcity and kcity != city:
                errors.append(f"{qfile}:{i}: city-specific {exp!r} ({kcity}) but line city {city!r}")
    print(f"{qfile}: {n} lines, handoff {nh} ({nh / max(n, 1):.0%}), "
          f"titles used {len(used)}/{len(kb)}")
    print("   kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    unused = sorted(set(kb) - used)
    if unused:
        print("   titles without a line: " + "; ".join(unused))

if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: all files valid")
