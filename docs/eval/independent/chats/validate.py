import csv, json, random, re, sys, collections
KINDS = {"ordinary","typo","slang","symptom","rambling","voice","city","near-miss-handoff","near-miss-answer","handoff"}
def norm(s): return re.sub(r"[^\w]+"," ",s.lower().replace("ё","е")).strip()
def load_kb(p):
    titles = {}; variants = set(); per = collections.Counter()
    with open(p, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        assert r.fieldnames == ["category","title","question","answer","city"], r.fieldnames
        for row in r:
            t = row["title"].strip(); c = row["city"].strip()
            assert titles.get(t, c) == c, ("city mismatch", t)
            titles[t] = c; variants.add(norm(row["question"])); per[t] += 1
            assert re.search(r"\d", row["answer"]), ("no figure", t)
    bad = [t for t, n in per.items() if not 1 <= n <= 3]; assert not bad, bad
    for t, c in titles.items():
        if ":" in t: assert c and t.endswith(c), (t, c)
    return titles, variants
def check(lines, titles, variants, name):
    errs = []
    for i, o in enumerate(lines, 1):
        if set(o) != {"question","city","expected","kind"}: errs.append((name,i,"keys"))
        if o["kind"] not in KINDS: errs.append((name,i,"kind"))
        e = o["expected"]
        if o["kind"] in ("handoff","near-miss-handoff") and e != "handoff": errs.append((name,i,"kind/handoff"))
        if e != "handoff":
            if e not in titles: errs.append((name,i,"unknown title "+e)); continue
            if titles[e] and titles[e] != o["city"]: errs.append((name,i,"city-specific mismatch"))
        if norm(o["question"]) in variants: errs.append((name,i,"copy of a KB variant"))
    return errs
def read_jsonl(p):
    out = []
    with open(p, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip(): raise SystemExit(f"{p}:{n} empty line")
            o = json.loads(line); assert isinstance(o, dict); out.append(o)
    return out
mode = sys.argv[1]
allerrs = []; report = []
for base in ("repair","cleaning"):
    titles, variants = load_kb(f"kb-{base}.csv")
    report.append(f"kb-{base}.csv: {len(titles)} titles ({sum(1 for c in titles.values() if c)} city-specific)")
    if mode == "split":
        lines = read_jsonl(f"_src/{base}-all.jsonl")
        qs = collections.Counter(norm(o["question"]) for o in lines)
        assert max(qs.values()) == 1, [q for q, n in qs.items() if n > 1]
        rnd = random.Random(20241207 + len(base)); dev, test = [], []
        bykind = collections.defaultdict(list)
        for o in lines: bykind[o["kind"]].append(o)
        for k in sorted(bykind):
            g = bykind[k][:]; rnd.shuffle(g)
            # stratify handoff/answer inside the kind as well
            g.sort(key=lambda o: o["expected"] == "handoff")
            first_dev = rnd.random() < 0.5
            for j, o in enumerate(g):
                ((dev if (j % 2 == 0) == first_dev else test)).append(o)
        rnd.shuffle(dev); rnd.shuffle(test)
        for nm, part in (("dev", dev), ("test", test)):
            with open(f"questions-{base}-{nm}.jsonl", "w", encoding="utf-8") as f:
                for o in part: f.write(json.dumps({k: o[k] for k in ("question","city","expected","kind")}, ensure_ascii=False) + "\n")
    for nm in ("dev","test"):
        p = f"questions-{base}-{nm}.jsonl"; part = read_jsonl(p)
        allerrs += check(part, titles, variants, p)
        kc = collections.Counter(o["kind"] for o in part)
        miss = KINDS - set(kc)
        if miss: allerrs.append((p, "missing kinds", miss))
        h = sum(o["expected"] == "handoff" for o in part)
        report.append(f"{p}: {len(part)} lines, handoff {h} ({100*h/len(part):.0f}%), covered titles {len({o['expected'] for o in part} - {'handoff'})}/{len(titles)}; " + ", ".join(f"{k} {kc[k]}" for k in sorted(kc)))
print("\n".join(report))
print("ERRORS:", allerrs if allerrs else "none")
sys.exit(1 if allerrs else 0)
