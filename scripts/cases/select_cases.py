#!/usr/bin/env python3
"""Draw the case library's ICB crises: a seeded, stratified random draw from ICB v14 (data/icb).

The rule is written out in docs/validation.md ("Selection rule"); this script is its only implementation.
Run it with no arguments: it prints the eligible pool per stratum and the drawn list (ICB number, name,
year, stratum, era, ICB crisis actors). The same data and seed always give the same list.

    scripts/cases/select_cases.py            # the draw
    scripts/cases/select_cases.py --pool     # also list every eligible crisis
    scripts/cases/select_cases.py --check    # exit 1 unless the draw equals scenarios/cases/cases.csv's ICB list

Standard library only.
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icb  # noqa: E402

SEED = 15  # issue 15; fixed before the draw and never changed after seeing it

# Crises per (severity stratum, great power or regional). 12 + 11 + 11 = 34 ICB crises; 17 with a great power
# among the crisis actors, 17 regional. Each count leaves a margin over the floor of the brief (10 / 10 / 8 / 8).
TARGETS = [
    ("war", "great_power", 6),
    ("war", "regional", 6),
    ("clashes", "great_power", 6),
    ("clashes", "regional", 5),
    ("none", "great_power", 5),
    ("none", "regional", 6),
]

MAX_CRISIS_ACTORS = 6  # with up to two third parties, a case stays within about 8 actors

# Crises already in the library as bundled scenarios (scenarios/*.yaml), not drawn again.
BUNDLED = {196: "cuba_1962 (scenarios/cuba_1962.yaml)"}

# Drawn crises that could not be coded, each with its reason (docs/validation.md, "Replacement rule").
# A crisis listed here is replaced by the next candidate of its cell.
CANNOT_CODE = {}


def severity_stratum(max_sevvio):
    return {4: "war", 3: "clashes", 2: "clashes", 1: "none"}[max_sevvio]


def eligibility(crisno, system_row, actor_rows, cinc):
    """(eligible for the pool, reason if not). Pool = interstate, not intra-war, at least two crisis actors."""
    trigent = icb.as_int(system_row["trigent"])
    if trigent is None or trigent > icb.TRIGENT_STATE_MAX:
        return False, "triggered by a non-state, internal or multiple entity (trigent %s)" % trigent
    if len(actor_rows) < 2:
        return False, "fewer than two crisis actors"
    if any(row["iwc"].strip() != "1" for row in actor_rows):
        return False, "intra-war crisis (iwc != 1 for some actor)"
    if any(icb.as_int(row["sevvio"]) is None for row in actor_rows):
        return False, "sevvio missing"
    return True, ""


def codable(crisno, system_row, actor_rows, cinc):
    """(usable, reason) for a drawn crisis: the automatic part of the replacement rule."""
    if crisno in BUNDLED:
        return False, "already bundled: " + BUNDLED[crisno]
    if len(actor_rows) > MAX_CRISIS_ACTORS:
        return False, "%d crisis actors (more than %d)" % (len(actor_rows), MAX_CRISIS_ACTORS)
    year = min(icb.as_int(system_row["yrtrig"]), icb.NMC_LAST_YEAR)
    for row in actor_rows:
        if (icb.as_int(row["cracid"]), year) not in cinc:
            return False, "no COW CINC for %s (%s) in %d" % (row["actor"], row["cracid"], year)
    if crisno in CANNOT_CODE:
        return False, CANNOT_CODE[crisno]
    return True, ""


def build_pool(system, actors, cinc):
    pool = []
    for crisno in sorted(system):
        rows = actors.get(crisno, [])
        ok, _ = eligibility(crisno, system[crisno], rows, cinc)
        if not ok:
            continue
        year = icb.as_int(system[crisno]["yrtrig"])
        max_sevvio = max(icb.as_int(r["sevvio"]) for r in rows)
        great = any(icb.is_great_power(icb.as_int(r["cracid"]), year) for r in rows)
        pool.append({
            "crisno": crisno,
            "name": system[crisno]["crisname"].strip(),
            "year": year,
            "era": icb.era_of(year),
            "severity": severity_stratum(max_sevvio),
            "max_sevvio": max_sevvio,
            "power": "great_power" if great else "regional",
            "actors": [r["actor"] for r in rows],
        })
    return pool


def draw(pool, system, actors, cinc):
    """Per cell: candidates shuffled within each era by one seeded generator, then taken round-robin over the
    eras in chronological order, so a cell spreads over the eras before it takes a second crisis from one."""
    rng = random.Random(SEED)
    chosen, replaced = [], []
    for severity, power, count in TARGETS:
        by_era = {}
        for era in icb.ERAS:
            cell = [c for c in pool if c["severity"] == severity and c["power"] == power and c["era"] == era]
            rng.shuffle(cell)
            by_era[era] = cell
        taken = 0
        while taken < count and any(by_era.values()):
            for era in icb.ERAS:
                if taken >= count:
                    break
                while by_era[era]:
                    candidate = by_era[era].pop(0)
                    ok, reason = codable(candidate["crisno"], system[candidate["crisno"]],
                                         actors[candidate["crisno"]], cinc)
                    if ok:
                        chosen.append(candidate)
                        taken += 1
                        break
                    replaced.append((candidate, reason))
        if taken < count:
            sys.exit("cell %s/%s: only %d of %d crises available" % (severity, power, taken, count))
    return chosen, replaced


def library_crisnos():
    """ICB numbers listed in scenarios/cases/cases.csv (the library's index)."""
    path = os.path.join(icb.REPO, "scenarios", "cases", "cases.csv")
    numbers = set()
    for row in icb.read_csv(path):
        if row["source"] == "icb" and row["crisno"] and int(row["crisno"]) not in BUNDLED:
            numbers.add(int(row["crisno"]))
    return numbers


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", action="store_true", help="also list every eligible crisis")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 unless the drawn ICB numbers equal those in scenarios/cases/cases.csv")
    args = parser.parse_args()

    system, actors = icb.load_icb()
    cinc = icb.load_cinc()
    pool = build_pool(system, actors, cinc)
    chosen, replaced = draw(pool, system, actors, cinc)

    if args.check:
        drawn = {c["crisno"] for c in chosen}
        listed = library_crisnos()
        if drawn != listed:
            print("select_cases: the draw and scenarios/cases/cases.csv differ: drawn only %s, listed only %s"
                  % (sorted(drawn - listed), sorted(listed - drawn)))
            return 1
        print("select_cases: %d drawn crises, all in scenarios/cases/cases.csv" % len(drawn))
        return 0

    print("Eligible pool (interstate, not intra-war, >= 2 crisis actors): %d crises; seed %d" % (len(pool), SEED))
    cells = {}
    for c in pool:
        cells.setdefault((c["severity"], c["power"], c["era"]), 0)
        cells[(c["severity"], c["power"], c["era"])] += 1
    for key in sorted(cells):
        print("  pool %-8s %-12s %-10s %3d" % (key + (cells[key],)))
    if args.pool:
        for c in pool:
            print("  %3d %-32s %d %-8s %-12s %s" % (c["crisno"], c["name"], c["year"], c["severity"],
                                                    c["power"], " ".join(c["actors"])))
    print()
    print("Replaced or skipped while drawing (in draw order):")
    for c, reason in replaced:
        print("  %3d %-32s %d  %s" % (c["crisno"], c["name"], c["year"], reason))
    print()
    print("Drawn: %d ICB crises" % len(chosen))
    print("crisno,name,year,severity,max_sevvio,power,era,icb_actors")
    for c in sorted(chosen, key=lambda c: c["crisno"]):
        print("%d,%s,%d,%s,%d,%s,%s,%s" % (c["crisno"], c["name"], c["year"], c["severity"], c["max_sevvio"],
                                           c["power"], c["era"], " ".join(c["actors"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
