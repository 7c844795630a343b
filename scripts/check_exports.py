#!/usr/bin/python3
"""check_exports.py: the Python half of scripts/check-exports.

  expected AGENDA.json LEVEL FROM TO   what `anteroom agenda --json` says, as an export at LEVEL shows it
  icalendar FILE.ics FROM TO           an export as python3-icalendar reads it (series expanded with dateutil)
  khal LIST.txt ZONE FROM TO           `khal list` output, in the format check-exports asks for
  compare EXPECTED.json ACTUAL.json NAME

Every list is JSON: one item per occurrence meeting [FROM, TO) (RFC 3339
instants), cancelled items left out, timed items with UTC instants,
all-day items with dates (end exclusive), then title and location. Run with
Debian's /usr/bin/python3, which has python3-icalendar.
"""
import datetime as dt
import json
import re
import sys

BUSY = "忙碌 / Busy"

# What an item of each classification shows at each level (calendar/ics
# privacy.go): confidential items are busy below full.
VISIBLE = {
    "public": {"full": "full", "limited": "limited", "busy": "busy"},
    "internal": {"full": "full", "limited": "limited", "busy": "busy"},
    "confidential": {"full": "full", "limited": "busy", "busy": "busy"},
}


def parse_instant(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def utc(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def meets(start, end, lo, hi):
    return start < hi and end > lo


def window(args):
    return parse_instant(args[0]), parse_instant(args[1])


def item(start, end, all_day, title, location):
    if all_day:
        s, e = start.isoformat(), end.isoformat()
    else:
        s, e = utc(start), utc(end)
    return {"start": s, "end": e, "all_day": all_day, "title": title, "location": location}


def day_bounds(d, tz):
    """The instants an all-day date covers in the leader's zone."""
    return dt.datetime.combine(d, dt.time(), tz)


def expected(path, level, lo, hi):
    from zoneinfo import ZoneInfo

    out = []
    for x in json.load(open(path, encoding="utf-8")):
        if x["status"] == "cancelled":
            continue
        shown = VISIBLE[x["classification"]][level]
        title = BUSY if shown == "busy" else x["title"]
        location = "" if shown == "busy" else x["location"]
        if x["all_day"]:
            s, e = dt.date.fromisoformat(x["start"]), dt.date.fromisoformat(x["end"])
            out.append(item(s, e, True, title, location))
        else:
            out.append(item(parse_instant(x["start"]), parse_instant(x["end"]), False, title, location))
    return out


def localize(naive, tz):
    """A wall-clock time in tz: pytz zones need localize, others tzinfo."""
    if hasattr(tz, "localize"):
        return tz.normalize(tz.localize(naive))
    return naive.replace(tzinfo=tz)


def read_icalendar(path, lo, hi, zone):
    import icalendar
    from dateutil import rrule

    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    masters, overrides = {}, {}
    for c in cal.walk("VEVENT"):
        uid = str(c.get("UID"))
        if c.get("RECURRENCE-ID") is not None:
            overrides.setdefault(uid, {})[c.decoded("RECURRENCE-ID")] = c
        else:
            masters[uid] = c
    out = []

    def emit(c, start, end):
        if str(c.get("STATUS", "")).upper() == "CANCELLED":
            return
        all_day = not isinstance(start, dt.datetime)
        lo_, hi_ = (start, end) if not all_day else (day_bounds(start, zone), day_bounds(end, zone))
        if meets(lo_, hi_, lo, hi):
            out.append(item(start, end, all_day, str(c.get("SUMMARY", "")), str(c.get("LOCATION", ""))))

    for uid, c in masters.items():
        start = c.decoded("DTSTART")
        end = c.decoded("DTEND") if c.get("DTEND") is not None else start + c.decoded("DURATION")
        length = end - start
        if c.get("RRULE") is None and c.get("RDATE") is None:
            emit(c, start, end)
            continue
        ex = overrides.get(uid, {})
        excluded = set()
        for prop in c.get("EXDATE", []) if isinstance(c.get("EXDATE"), list) else [c.get("EXDATE")] if c.get("EXDATE") else []:
            excluded.update(d.dt for d in prop.dts)
        starts = []
        if c.get("RRULE") is not None:
            text = c.get("RRULE").to_ical().decode()
            tz = start.tzinfo if isinstance(start, dt.datetime) else None
            naive = start.replace(tzinfo=None) if tz else dt.datetime.combine(start, dt.time())

            def until_local(m):
                u = dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
                return "UNTIL=" + (u.astimezone(tz) if tz else u).strftime("%Y%m%dT%H%M%S")

            text = re.sub(r"UNTIL=(\d{8}T\d{6}Z)", until_local, text)
            for occ in rrule.rrulestr(text, dtstart=naive):
                if occ.year > hi.year + 1:
                    break
                starts.append(localize(occ, tz) if tz else occ.date())
        for prop in c.get("RDATE", []) if isinstance(c.get("RDATE"), list) else [c.get("RDATE")] if c.get("RDATE") else []:
            starts.extend(d.dt for d in prop.dts)
        for s in starts:
            if s in excluded:
                continue
            if s in ex:
                o = ex[s]
                os_ = o.decoded("DTSTART")
                oe = o.decoded("DTEND") if o.get("DTEND") is not None else os_ + length
                emit(o, os_, oe)
            else:
                emit(c, s, s + length)
    return sorted(out, key=lambda x: x["start"] + x["title"])


def read_khal(path, zone, lo, hi):
    """Lines of start, end, title, location, status (tab-separated) as
    khal lists them: times in the zone khal was told, dates for all-day
    items, the last day included; an item spanning days is listed on each."""
    out, seen = [], set()
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        start, end, title, location, status = (line.split("\t") + [""] * 5)[:5]
        if line in seen or "CANCELLED" in status.upper():
            continue
        seen.add(line)
        if len(start) == 10:
            s, e = dt.date.fromisoformat(start), dt.date.fromisoformat(end) + dt.timedelta(days=1)  # khal shows the last day
            if meets(day_bounds(s, zone), day_bounds(e, zone), lo, hi):
                out.append(item(s, e, True, title, location))
        else:
            s = dt.datetime.strptime(start, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
            e = dt.datetime.strptime(end, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
            if meets(s, e, lo, hi):
                out.append(item(s, e, False, title, location))
    return sorted(out, key=lambda x: x["start"] + x["title"])


def compare(exp_path, act_path, name):
    key = lambda x: (x["start"], x["end"], x["title"], x["location"])
    want = sorted(json.load(open(exp_path, encoding="utf-8")), key=key)
    got = sorted(json.load(open(act_path, encoding="utf-8")), key=key)
    missing = [x for x in want if x not in got]
    extra = [x for x in got if x not in want]
    if missing or extra:
        for x in missing:
            print(f"{name}: missing {x}", file=sys.stderr)
        for x in extra:
            print(f"{name}: unexpected {x}", file=sys.stderr)
        return 1
    print(f"{name}: {len(got)} occurrences as the agenda says")
    return 0


def main(argv):
    from zoneinfo import ZoneInfo

    cmd, args = argv[1], argv[2:]
    if cmd == "expected":
        lo, hi = window(args[2:4])
        result = [x for x in expected(args[0], args[1], lo, hi)]
    elif cmd == "icalendar":
        lo, hi = window(args[1:3])
        result = read_icalendar(args[0], lo, hi, ZoneInfo(args[3]))
    elif cmd == "khal":
        lo, hi = window(args[2:4])
        result = read_khal(args[0], ZoneInfo(args[1]), lo, hi)
    elif cmd == "compare":
        return compare(*args)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
