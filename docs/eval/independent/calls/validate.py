#!/usr/bin/env python3
"""Validate call-transcript order-draft sets. Usage: validate.py file.jsonl [...]
Checks: JSON parses, all fields present, kind allowed, text Vosk-like (lowercase, no digits,
no punctuation except the 'оператор:'/'клиент:' labels), callTime offset matches city,
visitDate format. If a line carries the authoring helper '_d' (date rule), re-derives the date."""
import json, sys, re, datetime as dt
from collections import Counter
OFF = {"Москва":"+03:00","Санкт-Петербург":"+03:00","Казань":"+03:00","Нижний Новгород":"+03:00",
"Воронеж":"+03:00","Краснодар":"+03:00","Ростов-на-Дону":"+03:00","Волгоград":"+03:00",
"Самара":"+04:00","Саратов":"+04:00","Ижевск":"+04:00","Ульяновск":"+04:00",
"Екатеринбург":"+05:00","Пермь":"+05:00","Уфа":"+05:00","Челябинск":"+05:00","Тюмень":"+05:00",
"Омск":"+06:00","Новосибирск":"+07:00","Красноярск":"+07:00","Иркутск":"+08:00",
"Владивосток":"+10:00","Хабаровск":"+10:00","Калининград":"+02:00"}
KINDS = {"ordinary","date-changed","address-corrected","two-addresses","another-city","wrong-number",
         "price-only","declined-name","interval"}
FIELDS = ["city","address","equipmentType","problem","visitDate","clientName"]
def derive(call, rule):
    t, v = rule.split(":")
    if t == "rel": return call + dt.timedelta(days=int(v))
    if t == "wd":
        k = int(v); d = (k - call.weekday()) % 7
        return call + dt.timedelta(days=d or 7)
    if t == "dom":
        n = int(v)
        if n >= call.day: return call.replace(day=n)
        y, m = (call.year + 1, 1) if call.month == 12 else (call.year, call.month + 1)
        return dt.date(y, m, n)
    if t == "abs":
        m, d = map(int, v.split("-")); x = dt.date(call.year, m, d)
        return x if x >= call else dt.date(call.year + 1, m, d)
    raise ValueError(rule)
errs = 0; kinds = Counter(); lab = 0; n = 0
for fn in sys.argv[1:]:
    for i, line in enumerate(open(fn, encoding="utf-8"), 1):
        if not line.strip(): continue
        where = f"{fn}:{i}"
        def bad(msg):
            global errs; errs += 1; print(where, msg)
        try: o = json.loads(line)
        except Exception as e: bad(f"json {e}"); continue
        n += 1
        for k in ["text","callTime","city","expected","kind"]:
            if k not in o: bad("missing " + k)
        ex = o.get("expected", {})
        for f in FIELDS:
            if f not in ex: bad("missing expected." + f)
        if o.get("kind") not in KINDS: bad("kind " + str(o.get("kind")))
        kinds[o.get("kind")] += 1
        t = o.get("text", "")
        if re.search(r"\d", t): bad("digit in text")
        if re.search(r"[A-Za-z]", t): bad("latin letters in text")
        if t != t.lower(): bad("uppercase in text")
        body = re.sub(r"(^|\n| )(оператор|клиент): ", r"\1", t)
        if re.search(r"[^\w\s]", body): bad("punctuation in text: " + repr(re.findall(r"[^\w\s]", body)))
        if "оператор:" in t: lab += 1
        try: ct = dt.datetime.fromisoformat(o["callTime"])
        except Exception as e: bad(f"callTime {e}"); continue
        if o["city"] not in OFF: bad("unknown city " + o["city"])
        elif not o["callTime"].endswith(OFF[o["city"]]): bad("offset mismatch")
        vd = ex.get("visitDate")
        if vd is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d)?", vd): bad("visitDate format " + vd)
        if vd and "T" in vd and not (9 <= int(vd[11:13]) <= 21): bad("hour outside 9-21")
        if o.get("kind") == "wrong-number" and any(ex.get(f) is not None for f in FIELDS): bad("wrong-number not all null")
        if "_d" in o:
            r = o["_d"]
            if r is None:
                if vd is not None: bad("visitDate without rule")
            else:
                want = derive(ct.date(), r).isoformat()
                if vd is None or vd[:10] != want: bad(f"visitDate {vd} != {want} ({r}, call {ct.date()} {ct.strftime('%a')})")
        a = ex.get("address")
        if a and ex.get("city") and re.search(r"\b" + re.escape(ex["city"]) + r"\b", a): bad("city inside address")
print(f"lines={n} labelled={lab} errors={errs}")
print(dict(kinds))
sys.exit(1 if errs else 0)
