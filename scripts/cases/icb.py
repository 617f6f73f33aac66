"""Shared readers for the case-library scripts: ICB v14 and COW NMC v6.0 as copied into data/.

Standard library only (csv, datetime). Every rule that turns an ICB code into a number is here, once, and is
documented in docs/validation.md ("ICB variables and codes"); the scripts import it.
"""

import calendar
import csv
import datetime
import os

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ICB1 = os.path.join(REPO, "data", "icb", "icb1v14.csv")
ICB2 = os.path.join(REPO, "data", "icb", "icb2v14.csv")
NMC = os.path.join(REPO, "data", "cow", "NMC-60-abridged.csv")

# Last year covered by COW NMC v6.0; later crises use it (said so in each case file).
NMC_LAST_YEAR = 2016

# ICB day codes above 31 mark an approximate day. The codebook's convention (checked against the data: the
# ICB's own trigger-to-termination counts `trgterra` imply these days, docs/validation.md) is 66 = early in
# the month, 77 = mid-month, 88 = late in the month. We place them on the 1st, the 15th and the last day.
APPROX_DAY = {66: "first", 77: "middle", 88: "last"}

# ICB2 `outcom`, content of the outcome for the actor: 1 victory, 2 compromise, 3 stalemate, 4 defeat. The
# data also hold 5 (12 rows) and 9 (1 row), whose labels could not be checked against the codebook text: they
# are written as an empty outcome with the raw code kept (none of the library's cases has them).
OUTCOME = {1: "victory", 2: "compromise", 3: "stalemate", 4: "defeat"}

# ICB `sevvio` (actor) / `viol` (system): 1 no violence, 2 minor clashes, 3 serious clashes, 4 full-scale war.
VIOLENCE = {1: "none", 2: "minor clashes", 3: "serious clashes", 4: "full-scale war"}

# ICB `triggr` (actor) / `break` (system), type of trigger: 9 = violent act (direct violence against the
# actor). 8 = indirect violent act (violence against an ally or client) is not counted as first use of
# violence against the crisis actor itself.
TRIGGER_VIOLENT = 9

# ICB `trigent`: the triggering entity, a state's numeric code, or 995 internal, 996 non-state actor,
# 997 multiple states (and a few organisation codes above 900). Below 900 is a state.
TRIGENT_STATE_MAX = 899

# Great powers: the Correlates of War major-power list (COW State System Membership v2016, `majors2016`):
# ccode, first year, last year. Germany (255) is a major power 1816-1918, 1925-1945 and from 1991; France
# 1816-1940 and from 1945; Japan 1895-1945 and from 1991; Russia/USSR 1816-1917 and from 1922.
GREAT_POWER_YEARS = {
    2: [(1898, 2016)],
    200: [(1816, 2016)],
    220: [(1816, 1940), (1945, 2016)],
    255: [(1816, 1918), (1925, 1945), (1991, 2016)],
    300: [(1816, 1918)],
    325: [(1860, 1943)],
    365: [(1816, 1917), (1922, 2016)],
    710: [(1950, 2016)],
    740: [(1895, 1945), (1991, 2016)],
}


def is_great_power(ccode, year):
    """True when the state is on the COW major-power list in that year (2016's list after 2016)."""
    year = min(year, NMC_LAST_YEAR)
    return any(first <= year <= last for first, last in GREAT_POWER_YEARS.get(ccode, []))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle)]


def as_int(text):
    """ICB integer field, or None when blank."""
    text = (text or "").strip()
    return int(text) if text else None


def icb_date(year, month, day):
    """ICB (year, month, day) as a date and a flag 'exact' / 'approximate:<rule>' / None when unknown.

    Day codes 66/77/88 become the 1st/15th/last day of the month; a blank day in a known month becomes the
    15th ('approximate:unknown-day'); a blank month or year is unknown (None)."""
    year, month, day = as_int(year), as_int(month), as_int(day)
    if year is None or month is None:
        return None, None
    if day is None:
        return datetime.date(year, month, 15), "approximate:unknown-day"
    if day in APPROX_DAY:
        rule = APPROX_DAY[day]
        if rule == "first":
            day = 1
        elif rule == "middle":
            day = 15
        else:
            day = calendar.monthrange(year, month)[1]
        return datetime.date(year, month, day), "approximate:" + rule
    return datetime.date(year, month, day), "exact"


def load_icb():
    """(system rows by crisno, actor rows by crisno) with blank lines dropped."""
    system = {as_int(r["crisno"]): r for r in read_csv(ICB1) if r["crisno"].strip()}
    actors = {}
    for row in read_csv(ICB2):
        if row["crisno"].strip():
            actors.setdefault(as_int(row["crisno"]), []).append(row)
    return system, actors


def load_cinc():
    """{(ccode, year): cinc} from COW NMC v6.0 (values of -9 are missing and left out)."""
    table = {}
    for row in read_csv(NMC):
        value = float(row["cinc"])
        if value >= 0:
            table[(int(row["ccode"]), int(row["year"]))] = value
    return table


def era_of(year):
    """The library's eras for spreading cases over 1918-2017."""
    if year < 1939:
        return "1918-1938"
    if year < 1946:
        return "1939-1945"
    if year < 1963:
        return "1946-1962"
    if year < 1990:
        return "1963-1989"
    return "1990-2017"


ERAS = ["1918-1938", "1939-1945", "1946-1962", "1963-1989", "1990-2017"]
