#!/usr/bin/env python3
"""Derive the observed outcomes of the case library from ICB v14 into scenarios/cases/observed.csv.

Reads scenarios/cases/cases.csv (the library's index: case, file, source, ICB crisis number, and the map from
state codes to the case file's actor ids), data/icb/icb1v14.csv and icb2v14.csv, and the hand-sourced
supplement scenarios/cases/observed_supplement.csv (crises outside ICB v14: July 1914, Ukraine 2022). Writes
one row per case and principal actor (long format; the case-level columns repeat on each row). No value is
typed by hand except in the supplement, where every row carries its citation. docs/validation.md documents
every column and every ICB code used.

    scripts/cases/derive_observed.py           # (re)write scenarios/cases/observed.csv
    scripts/cases/derive_observed.py --check   # exit 1 if the file differs from what the data give

It also checks each case file against the index: the actor ids exist, `metadata.start_date` is the ICB
trigger date and the horizon runs past the ICB termination date. Standard library only.
"""

import argparse
import csv
import datetime
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icb  # noqa: E402

INDEX = os.path.join(icb.REPO, "scenarios", "cases", "cases.csv")
SUPPLEMENT = os.path.join(icb.REPO, "scenarios", "cases", "observed_supplement.csv")
OUTPUT = os.path.join(icb.REPO, "scenarios", "cases", "observed.csv")

COLUMNS = [
    "case", "source", "crisno", "crisis_name",
    "start_date", "trigger_date", "trigger_date_rule", "termination_date", "termination_date_rule",
    "war", "max_violence", "icb_viol", "first_violence_by", "first_violence_date",
    "days_to_violence", "days_to_termination",
    "actor_id", "actor_icb", "actor_ccode", "actor_trigger_date", "actor_sevvio", "outcome", "outcome_code",
    "citation",
]

SUPPLEMENT_CITATION_NOTE = "hand-sourced supplement (scenarios/cases/observed_supplement.csv)"


def parse_actor_map(text):
    """'2=usa 365=ussr' -> {2: 'usa', 365: 'ussr'}."""
    mapping = {}
    for item in text.split():
        code, actor_id = item.split("=")
        mapping[int(code)] = actor_id
    return mapping


def read_case_file(path):
    """(start_date, horizon, actor ids) read from a scenario file's text (no YAML library needed)."""
    with open(os.path.join(icb.REPO, path), encoding="utf-8") as handle:
        text = handle.read()
    start = re.search(r"^  start_date:\s*(\d{4}-\d{2}-\d{2})", text, re.M)
    horizon = re.search(r"^  horizon:\s*([0-9.]+)", text, re.M)
    section = re.search(r"^actors:\n(.*?)(?=^\S)", text, re.M | re.S)
    ids = re.findall(r"^  ([a-z][a-z0-9_]*):", section.group(1), re.M) if section else []
    return (datetime.date.fromisoformat(start.group(1)) if start else None,
            float(horizon.group(1)) if horizon else None, ids)


def days_between(start, later):
    return "" if (start is None or later is None) else str((later - start).days)


def iso(date):
    return date.isoformat() if date else ""


def icb_rows(case, crisno, actor_map, system, actors, problems):
    system_row = system[crisno]
    rows = actors[crisno]
    trigger, trigger_rule = icb.icb_date(system_row["yrtrig"], system_row["motrig"], system_row["datrig"])
    termination, termination_rule = icb.icb_date(system_row["yrterm"], system_row["moterm"], system_row["daterm"])
    sevvio = [icb.as_int(r["sevvio"]) for r in rows]

    # First use of violence, where ICB says: the earliest actor-level trigger coded as a violent act
    # (triggr 9); its triggering entity (trigent) used violence first.
    violent = []
    for r in rows:
        if icb.as_int(r["triggr"]) == icb.TRIGGER_VIOLENT:
            date, _ = icb.icb_date(r["yrtrig"], r["motrig"], r["datrig"])
            if date is not None:
                violent.append((date, icb.as_int(r["cracno"]), icb.as_int(r["trigent"])))
    first_by, first_date = "", None
    if violent:
        first_date, _, trigent = min(violent)
        first_by = actor_map.get(trigent, "icb:%d" % trigent)
        if first_by.startswith("icb:"):
            problems.append("%s: first violence by ICB code %d, not mapped in cases.csv" % (case, trigent))

    out = []
    for r, level in zip(rows, sevvio):
        code = icb.as_int(r["cracid"])
        if code not in actor_map:
            problems.append("%s: ICB crisis actor %s (%d) not mapped in cases.csv" % (case, r["actor"], code))
        actor_trigger, _ = icb.icb_date(r["yrtrig"], r["motrig"], r["datrig"])
        outcome_code = icb.as_int(r["outcom"])
        out.append({
            "case": case, "source": "icb", "crisno": str(crisno), "crisis_name": system_row["crisname"].strip(),
            "start_date": iso(trigger), "trigger_date": iso(trigger), "trigger_date_rule": trigger_rule or "",
            "termination_date": iso(termination), "termination_date_rule": termination_rule or "",
            "war": "1" if max(sevvio) == 4 else "0", "max_violence": str(max(sevvio)),
            "icb_viol": system_row["viol"].strip(),
            "first_violence_by": first_by, "first_violence_date": iso(first_date),
            "days_to_violence": days_between(trigger, first_date),
            "days_to_termination": days_between(trigger, termination),
            "actor_id": actor_map.get(code, ""), "actor_icb": r["actor"].strip(), "actor_ccode": str(code),
            "actor_trigger_date": iso(actor_trigger), "actor_sevvio": str(level),
            "outcome": icb.OUTCOME.get(outcome_code, "") if outcome_code else "",
            "outcome_code": str(outcome_code) if outcome_code else "",
            "citation": "ICB v14 (data/icb), crisis %d" % crisno,
        })
    return out, trigger, termination


def supplement_rows(case):
    out, start, termination = [], None, None
    for r in icb.read_csv(SUPPLEMENT):
        if r["case"] != case:
            continue
        start = datetime.date.fromisoformat(r["start_date"])
        termination = datetime.date.fromisoformat(r["termination_date"]) if r["termination_date"] else None
        first_date = datetime.date.fromisoformat(r["first_violence_date"]) if r["first_violence_date"] else None
        out.append({
            "case": case, "source": "supplement", "crisno": "", "crisis_name": r["crisis_name"],
            "start_date": r["start_date"], "trigger_date": r["trigger_date"], "trigger_date_rule": "exact",
            "termination_date": r["termination_date"], "termination_date_rule": "exact" if termination else "",
            "war": r["war"], "max_violence": r["max_violence"], "icb_viol": "",
            "first_violence_by": r["first_violence_by"], "first_violence_date": r["first_violence_date"],
            "days_to_violence": days_between(start, first_date),
            "days_to_termination": days_between(start, termination),
            "actor_id": r["actor_id"], "actor_icb": "", "actor_ccode": r["actor_ccode"], "actor_trigger_date": "",
            "actor_sevvio": r["actor_sevvio"], "outcome": r["outcome"],
            "outcome_code": {v: str(k) for k, v in icb.OUTCOME.items()}.get(r["outcome"], ""),
            "citation": r["citation"],
        })
    return out, start, termination


def derive():
    system, actors = icb.load_icb()
    problems, rows = [], []
    for entry in icb.read_csv(INDEX):
        case, source = entry["case"], entry["source"]
        start, horizon, ids = read_case_file(entry["file"])
        if source == "icb":
            actor_map = parse_actor_map(entry["actors"])
            case_rows, trigger, termination = icb_rows(case, int(entry["crisno"]), actor_map, system, actors,
                                                       problems)
            for actor_id in actor_map.values():
                if actor_id not in ids:
                    problems.append("%s: cases.csv names actor '%s', not in %s" % (case, actor_id, entry["file"]))
            if start != trigger:
                problems.append("%s: metadata.start_date %s is not the ICB trigger date %s" % (case, start, trigger))
        else:
            case_rows, trigger, termination = supplement_rows(case)
            if not case_rows:
                problems.append("%s: no rows in %s" % (case, SUPPLEMENT))
            for r in case_rows:
                if r["actor_id"] not in ids:
                    problems.append("%s: supplement names actor '%s', not in %s" % (case, r["actor_id"], entry["file"]))
            if start != trigger:
                problems.append("%s: metadata.start_date %s is not the supplement's start %s" % (case, start, trigger))
        if termination is not None and start is not None and horizon is not None \
                and horizon <= (termination - start).days and source == "icb":
            problems.append("%s: horizon %g does not run past the termination (day %d)"
                            % (case, horizon, (termination - start).days))
        rows.extend(case_rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue(), problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if observed.csv is not what the data give")
    args = parser.parse_args()
    text, problems = derive()
    for problem in problems:
        print("derive_observed: " + problem, file=sys.stderr)
    if args.check:
        try:
            with open(OUTPUT, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print("derive_observed: %s differs from what data/icb and the supplement give; rerun "
                  "scripts/cases/derive_observed.py" % os.path.relpath(OUTPUT, icb.REPO), file=sys.stderr)
            return 1
        if problems:
            return 1
        print("derive_observed: %s is up to date (%d rows)" % (os.path.relpath(OUTPUT, icb.REPO),
                                                              text.count("\n") - 1))
        return 0
    with open(OUTPUT, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    print("derive_observed: wrote %s (%d rows)" % (os.path.relpath(OUTPUT, icb.REPO), text.count("\n") - 1))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
