#!/usr/bin/env python3
"""Checks corpus JSONL files against the taxonomy contract. Usage: check_corpus.py FILE..."""
import json, sys, collections
TYPES = {"statement","targeted_sanctions","economic_measures","diplomatic_measures","support",
         "resolution","investigation","not_a_response","irrelevant"}
ATYPES = {"state","igo","ngo","business","other","none"}
STANCES = {"critical","supportive","easing",None}
bad = 0; counts = collections.Counter(); langs = collections.Counter(); ids = set()
for path in sys.argv[1:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip(): continue
        where = f"{path}:{n}"
        try: o = json.loads(line)
        except Exception as e: print(where, "not JSON:", e); bad += 1; continue
        errs = []
        for k in ("id","text","language","response_types","actor","actor_type","co_actors","binding","stance"):
            if k not in o: errs.append(f"missing {k}")
        if errs: print(where, errs); bad += 1; continue
        if o["id"] in ids: errs.append("duplicate id")
        ids.add(o["id"])
        rt = o["response_types"]
        if not rt or any(t not in TYPES for t in rt): errs.append(f"bad response_types {rt}")
        if o["actor_type"] not in ATYPES: errs.append(f"bad actor_type {o['actor_type']}")
        if o["stance"] not in STANCES: errs.append(f"bad stance {o['stance']}")
        if o["binding"] not in (True, False, None): errs.append("bad binding")
        if rt and rt[0] in ("not_a_response","irrelevant"):
            if o["actor"] != "none" or o["actor_type"] != "none": errs.append("non-response must have actor none/none")
        elif o["actor"] == "none": errs.append("a response needs an actor (or unknown)")
        if len(o["text"]) < 20: errs.append("text too short")
        if errs: print(where, errs); bad += 1
        else:
            counts[rt[0]] += 1; langs[o["language"]] += 1
print("primary:", dict(counts)); print("languages:", dict(langs)); print("total ok:", sum(counts.values()), "bad:", bad)
sys.exit(1 if bad else 0)
