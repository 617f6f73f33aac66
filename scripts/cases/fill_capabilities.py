#!/usr/bin/env python3
"""Write every case actor's capability from the COW National Material Capabilities table (data/cow).

Each actor of a case file in scenarios/cases/ names its figure in a machine-readable reference,

    capability_unit: "CINC"
    capability_source: "COW NMC 6.0 CINC, ccode 365, 1962"
    capability_source: "COW NMC 6.0 CINC, ccode 2+200+220, 1950"          # a bloc: the sum of its members
    capability_source: "COW NMC 6.0 CINC, ccode 365, 2016 (latest year; crisis of 2017)"

and this script writes the `capability:` value from data/cow/NMC-60-abridged.csv (CINC as printed in the
table; a sum rounded to 9 decimals). The year must be the year of `metadata.start_date`, or 2016 (the last
year of NMC v6.0) for later crises, with the parenthesised note saying so. An organisation or alliance actor
is coded as the sum of its member states' CINC (docs/validation.md, "Capabilities"). The script also writes
data/cases_cinc.csv: each case actor's CINC in the trigger year and ten years earlier (for a later model of
expected power trends; not used by the scenarios yet).

    scripts/cases/fill_capabilities.py          # rewrite the values (idempotent)
    scripts/cases/fill_capabilities.py --check  # exit 1 if any file or data/cases_cinc.csv differs

Standard library only.
"""

import argparse
import csv
import glob
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icb  # noqa: E402

CASES = os.path.join(icb.REPO, "scenarios", "cases")
TREND_FILE = os.path.join(icb.REPO, "data", "cases_cinc.csv")
REFERENCE = re.compile(r'^"COW NMC 6\.0 CINC, ccode (\d+(?:\+\d+)*), (\d{4})(?: \(([^)]*)\))?"$')
TREND_YEARS = 10


def format_cinc(value):
    return ("%.9f" % value).rstrip("0").rstrip(".")


def cinc_of(table, codes, year):
    """Sum of the members' CINC in `year`, or None (and the missing codes) when one has no record."""
    missing = [c for c in codes if (c, year) not in table]
    if missing:
        return None, missing
    return round(sum(table[(c, year)] for c in codes), 9), []


def process(path, table, problems, trend_rows):
    """The file's text with its capabilities filled in."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    case = os.path.splitext(os.path.basename(path))[0]
    start = next((re.match(r"^  start_date:\s*(\d{4})", l) for l in lines if re.match(r"^  start_date:", l)), None)
    trigger_year = int(start.group(1)) if start else None
    in_actors, actor, block = False, None, {}

    def finish(actor, block):
        if actor is None:
            return
        if "source" not in block:
            problems.append("%s: actor %s has no capability_source" % (case, actor))
            return
        match = REFERENCE.match(block["source"][1])
        if not match:
            problems.append("%s: actor %s: capability_source is not 'COW NMC 6.0 CINC, ccode N[+N...], YEAR'"
                            % (case, actor))
            return
        codes = [int(c) for c in match.group(1).split("+")]
        year = int(match.group(2))
        expected_year = min(trigger_year, icb.NMC_LAST_YEAR) if trigger_year else year
        if year != expected_year:
            problems.append("%s: actor %s: CINC year %d, expected %d (the trigger year, or %d after it)"
                            % (case, actor, year, expected_year, icb.NMC_LAST_YEAR))
        if trigger_year and trigger_year > icb.NMC_LAST_YEAR and not match.group(3):
            problems.append("%s: actor %s: a crisis after %d must say in the reference that %d is used"
                            % (case, actor, icb.NMC_LAST_YEAR, icb.NMC_LAST_YEAR))
        if block.get("unit", (None, ""))[1] != '"CINC"':
            problems.append('%s: actor %s: capability_unit must be "CINC"' % (case, actor))
        value, missing = cinc_of(table, codes, year)
        if value is None or value <= 0:
            problems.append("%s: actor %s: no positive CINC for ccode %s in %d" % (case, actor, missing, year))
            return
        if "capability" not in block:
            problems.append("%s: actor %s has no capability line" % (case, actor))
            return
        index, _ = block["capability"]
        old = lines[index]
        prefix, rest = old.split("capability:", 1)
        comment = rest[rest.index("#"):] if "#" in rest else ""
        lines[index] = prefix + "capability: " + format_cinc(value) + ("   " + comment if comment else "")
        earlier, earlier_missing = cinc_of(table, codes, year - TREND_YEARS)
        trend_rows.append({
            "case": case, "actor_id": actor, "ccodes": "+".join(str(c) for c in codes),
            "trigger_year": str(trigger_year), "year": str(year), "cinc": format_cinc(value),
            "year_earlier": str(year - TREND_YEARS),
            "cinc_earlier": format_cinc(earlier) if earlier is not None else "",
            "note": ("no COW record for ccode %s in %d" % ("+".join(map(str, earlier_missing)),
                                                          year - TREND_YEARS)) if earlier is None else "",
        })

    for number, line in enumerate(lines):
        if re.match(r"^\S", line):
            if in_actors:
                finish(actor, block)
                actor, block = None, {}
            in_actors = line.startswith("actors:")
            continue
        if not in_actors:
            continue
        key = re.match(r"^  ([a-z][a-z0-9_]*):", line)
        if key:
            finish(actor, block)
            actor, block = key.group(1), {}
            continue
        field = re.match(r"^    (capability|capability_unit|capability_source):\s*(.*?)\s*(#.*)?$", line)
        if field and actor:
            name = {"capability": "capability", "capability_unit": "unit", "capability_source": "source"}
            block[name[field.group(1)]] = (number, field.group(2))
    if in_actors:
        finish(actor, block)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any value differs from the table")
    args = parser.parse_args()
    table = icb.load_cinc()
    problems, trend_rows, changed = [], [], []
    for path in sorted(glob.glob(os.path.join(CASES, "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            before = handle.read()
        after = process(path, table, problems, trend_rows)
        if after != before:
            changed.append(os.path.relpath(path, icb.REPO))
            if not args.check:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(after)
    buffer = io.StringIO()
    fields = ["case", "actor_id", "ccodes", "trigger_year", "year", "cinc", "year_earlier", "cinc_earlier", "note"]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(trend_rows)
    try:
        with open(TREND_FILE, encoding="utf-8") as handle:
            trend_before = handle.read()
    except FileNotFoundError:
        trend_before = None
    if trend_before != buffer.getvalue():
        changed.append(os.path.relpath(TREND_FILE, icb.REPO))
        if not args.check:
            with open(TREND_FILE, "w", encoding="utf-8") as handle:
                handle.write(buffer.getvalue())
    for problem in problems:
        print("fill_capabilities: " + problem, file=sys.stderr)
    if args.check:
        for path in changed:
            print("fill_capabilities: %s differs from the COW table; rerun scripts/cases/fill_capabilities.py"
                  % path, file=sys.stderr)
        if changed or problems:
            return 1
        print("fill_capabilities: %d actors in %d case files agree with data/cow"
              % (len(trend_rows), len({r["case"] for r in trend_rows})))
        return 0
    print("fill_capabilities: %d actors; %d files rewritten" % (len(trend_rows), len(changed)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
