#!/usr/bin/env python3
"""Validate the evaluation sets in out/ and private/ (standard library only)."""
import csv, json, os, re, sys, glob, collections, datetime
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT, PRIV, INP = (os.path.join(ROOT, d) for d in ('out', 'private', 'input'))
QKINDS = {'ordinary','typo','slang','symptom','rambling','voice','city','near-miss-handoff','near-miss-answer','handoff'}
CKINDS = {'ordinary','date-changed','address-corrected','two-addresses','another-city','wrong-number','price-only','declined-name','interval'}
errors = []
def err(m): errors.append(m)
def fold(s):
    s = s.lower().replace('ё', 'е')
    s = re.sub(r'[^\w\s]', ' ', s)
    return ' '.join(s.split())
def load_base(path):
    titles = {}; variants = set(); per = collections.Counter()
    with open(path, newline='', encoding='utf-8') as f:
        r = csv.reader(f); head = next(r)
        if head != ['category','title','question','answer','city']: err(f'{path}: bad header {head}')
        for i, row in enumerate(r, 2):
            if len(row) != 5: err(f'{path}:{i}: {len(row)} fields'); continue
            cat, t, q, a, c = (x.strip() for x in row)
            if not (cat and t and q and a): err(f'{path}:{i}: empty field')
            if t in titles and titles[t] != c: err(f'{path}:{i}: title {t} with two cities')
            titles[t] = c; per[t] += 1; variants.add(fold(q))
    for t, n in per.items():
        if not 1 <= n <= 3: err(f'{path}: title {t!r} has {n} variants')
    return titles, variants, len(per)
bases = {}
for name, path in [('fifth', os.path.join(OUT, 'kb-fifth.csv'))] + [(n, os.path.join(INP, f'kb-{n}.csv')) for n in ('repair','cleaning','third','fourth')]:
    if os.path.exists(path):
        bases[name] = load_base(path); print(f'{os.path.relpath(path, ROOT)}: {bases[name][2]} titles')
    else: err(f'missing base {path}')
if 'fifth' in bases:
    t5 = bases['fifth'][0]; cities5 = {c for c in t5.values() if c}
    if not 25 <= len(t5) <= 35: err(f'kb-fifth: {len(t5)} titles')
    if not 3 <= len(cities5) <= 4: err(f'kb-fifth: {len(cities5)} cities')
    other = {c for n, b in bases.items() if n != 'fifth' for c in b[0].values() if c}
    if cities5 & other: err(f'kb-fifth shares cities with input bases: {cities5 & other}')
seen = {}
def qfile(path):
    m = re.match(r'questions-(\w+?)-(dev|test|test3)\.jsonl$', os.path.basename(path))
    if not m or m.group(1) not in bases: err(f'{path}: cannot map to a base'); return
    titles, variants, _ = bases[m.group(1)]
    kinds = collections.Counter(); hand = 0; n = 0
    for i, line in enumerate(open(path, encoding='utf-8'), 1):
        where = f'{os.path.basename(path)}:{i}'
        try: o = json.loads(line)
        except Exception as e: err(f'{where}: bad json {e}'); continue
        if not isinstance(o, dict) or set(o) != {'question','city','expected','kind'}: err(f'{where}: keys {list(o)}'); continue
        n += 1; q, c, e, k = o['question'], o['city'], o['expected'], o['kind']
        if not all(isinstance(x, str) and x.strip() for x in (q, c, e, k)): err(f'{where}: empty/non-string field')
        if k not in QKINDS: err(f'{where}: bad kind {k}')
        kinds[k] += 1
        if e == 'handoff': hand += 1
        elif e not in titles: err(f'{where}: expected {e!r} is not a title')
        elif titles[e] and titles[e] != c: err(f'{where}: city-specific {e!r} but line city {c}')
        if k in ('handoff','near-miss-handoff') and e != 'handoff': err(f'{where}: kind {k} must expect handoff')
        if k == 'near-miss-answer' and e == 'handoff': err(f'{where}: near-miss-answer must expect a title')
        f = fold(q)
        if f in variants: err(f'{where}: question equals a base variant')
        if f in seen: err(f'{where}: question repeats {seen[f]}')
        seen[f] = where
    print(f'{os.path.relpath(path, ROOT)}: {n} lines, handoff {hand} ({100*hand/max(n,1):.0f}%), ' + ', '.join(f'{k} {kinds[k]}' for k in sorted(kinds)))
    for k in QKINDS:
        if not 6 <= kinds[k] <= 12: err(f'{path}: kind {k} has {kinds[k]} lines (want 6-12)')
    if n and not 0.25 <= hand / n <= 0.42: err(f'{path}: handoff share {hand/n:.2f}')
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$')
ctexts = {}
def cfile(path):
    kinds = collections.Counter(); labelled = 0; n = 0
    for i, line in enumerate(open(path, encoding='utf-8'), 1):
        where = f'{os.path.basename(path)}:{i}'
        try: o = json.loads(line)
        except Exception as e: err(f'{where}: bad json {e}'); continue
        if set(o) != {'text','callTime','city','expected','kind'}: err(f'{where}: keys {list(o)}'); continue
        n += 1; t, ex, k = o['text'], o['expected'], o['kind']
        if k not in CKINDS: err(f'{where}: bad kind {k}')
        kinds[k] += 1
        if re.search(r'\d', t): err(f'{where}: digit in text')
        if t != t.lower(): err(f'{where}: uppercase in text')
        if re.search(r'[^\w\s:]', t.replace('оператор:', '').replace('клиент:', '')) or re.search(r'[.,!?;]', t): err(f'{where}: punctuation in text')
        if t.startswith('оператор:') or t.startswith('клиент:'): labelled += 1
        if t in ctexts: err(f'{where}: text repeats {ctexts[t]}')
        ctexts[t] = where
        try:
            ct = datetime.datetime.fromisoformat(o['callTime'])
            if ct.utcoffset() is None: err(f'{where}: callTime without offset')
        except Exception: err(f'{where}: bad callTime {o["callTime"]}')
        if not isinstance(ex, dict) or set(ex) != {'city','address','equipmentType','problem','visitDate','clientName'}: err(f'{where}: expected keys'); continue
        for key, v in ex.items():
            if v is not None and not (isinstance(v, str) and v.strip()): err(f'{where}: {key} must be null or non-empty string')
        if k == 'wrong-number' and any(v is not None for v in ex.values()): err(f'{where}: wrong-number needs all null')
        if k == 'price-only' and (ex['address'] or ex['visitDate']): err(f'{where}: price-only with address/date')
        if k == 'declined-name' and ex['clientName']: err(f'{where}: declined-name with a name')
        if k == 'another-city' and ex['city'] == o['city']: err(f'{where}: another-city keeps line city')
        if k not in ('wrong-number','another-city','price-only') and ex['city'] != o['city']: err(f'{where}: city differs from line city')
        if ex['visitDate'] and not DATE.match(ex['visitDate']): err(f'{where}: bad visitDate {ex["visitDate"]}')
    print(f'{os.path.relpath(path, ROOT)}: {n} calls, labelled {labelled}, ' + ', '.join(f'{k} {kinds[k]}' for k in sorted(kinds)))
    return kinds, n
qfiles = sorted(glob.glob(os.path.join(OUT, 'questions-*.jsonl')) + glob.glob(os.path.join(PRIV, 'questions-*.jsonl')))
cfiles = sorted(glob.glob(os.path.join(OUT, 'calls-*.jsonl')) + glob.glob(os.path.join(PRIV, 'calls-*.jsonl')))
for p in qfiles: qfile(p)
tot = collections.Counter(); N = 0
for p in cfiles:
    k, n = cfile(p); tot += k; N += n
if N:
    hard = N - tot['ordinary']
    print(f'calls total {N}, hard {hard} ({100*hard/N:.0f}%)')
    if hard / N < 0.45: err('hard calls below 45%')
    for k in CKINDS - {'ordinary'}:
        if tot[k] < 8: err(f'calls: only {tot[k]} {k}')
fifth = [p for p in qfiles if 'fifth' in p]
if fifth:
    total = sum(1 for p in fifth for _ in open(p, encoding='utf-8'))
    print(f'fifth questions total {total}')
    if not 160 <= total <= 170: err(f'fifth total {total} not in 160-170')
for p in qfiles:
    if p.endswith('-test3.jsonl'):
        c = sum(1 for _ in open(p, encoding='utf-8'))
        if not 70 <= c <= 80: err(f'{p}: {c} lines (want 70-80)')
if errors:
    print('\n'.join(errors)); print(f'FAILED: {len(errors)} errors'); sys.exit(1)
print('OK')
