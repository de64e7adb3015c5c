"""Proposes bench/data/identity/persons.tsv from the gold names (run from the root; review by hand)."""

from collections import defaultdict

from bench.identity.__main__ import gold_items
from graph.keys import text_key

names = defaultdict(int)
for _article, ex in gold_items():
    for m in ex.meetings:
        for p in m.participants:
            if p.name:
                names[(text_key(p.name), p.country or "")] += 1
groups = defaultdict(list)
for name, country in names:
    groups[(name.split()[-1].replace("\u200c", ""), country)].append(name)
rows = []
amb = []
for (_surname, country), members in sorted(groups.items()):
    full = sorted({n for n in members if len(n.split()) > 1})
    # a full name at the end of a longer one is the same person ("عباس عراقچی", "سید عباس عراقچی")
    heads = [
        n for n in full if not any(o != n and o.replace(" ", "").endswith(n.replace(" ", "")) for o in full)
    ]
    pid = {}
    for h in heads:
        pid[h] = f"{country}:{h}"
    for n in full:
        if n not in pid:
            owners = [h for h in heads if h.replace(" ", "").endswith(n.replace(" ", ""))]
            pid[n] = f"{country}:{owners[0]}" if len(owners) == 1 else f"{country}:{n}"
    for n in members:
        if n in pid:
            continue
        if len(heads) == 1:
            pid[n] = f"{country}:{heads[0]}"
        else:
            pid[n] = f"{country}:{n}"
            if heads:
                amb.append((n, country, heads))
    for n in members:
        rows.append((n, country, pid[n]))
with open("bench/data/identity/persons.tsv", "w") as f:
    f.write("name\tcountry\tperson\n")
    for r in sorted(rows, key=lambda r: (r[2], r[0])):
        f.write("\t".join(r) + "\n")
print(len(rows), "names", len({r[2] for r in rows}), "persons")
for a in amb:
    print("AMBIGUOUS", a)
