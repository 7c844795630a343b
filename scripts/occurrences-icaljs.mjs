// occurrences-icaljs.mjs FILE.ics FROM TO: the occurrence starts that
// ical.js expands from FILE in [FROM, TO) (RFC 3339 instants), one a
// line with its title: UTC instants for timed items, dates for all-day ones. Every
// VCALENDAR of the file is read; overrides (RECURRENCE-ID) replace their
// occurrence. scripts/measure-occurrences compares the lists.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [file, fromArg, toArg] = process.argv.slice(2);
const from = new Date(fromArg), to = new Date(toArg);
// A file that is not UTF-8 is read as Latin-1, as Anteroom reads it.
const bytes = readFileSync(file);
let text;
try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch { text = bytes.toString("latin1"); }
const parsed = ICAL.parse(text);
// One VCALENDAR parses to one jCal component, several to a list of them.
const roots = (typeof parsed[0] === "string" ? [parsed] : parsed).map((j) => new ICAL.Component(j));

const pad = (n) => String(n).padStart(2, "0");

// ical.js knows only the zones a file defines; a TZID without a VTIMEZONE
// (America/New_York) leaves the time floating. Such wall clocks are put
// in their zone with Node's own tz database (Intl); floating times proper
// are read in the process's zone (TZ), as Anteroom reads them in the
// leader's.
function offsetMs(zone, ms) {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23",
    year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
}
function utc(t, tzid) {
  if (t.zone?.tzid !== "floating" || !tzid) return t.toJSDate();
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  let ms = wall - offsetMs(tzid, wall);
  ms = wall - offsetMs(tzid, ms);
  return new Date(ms);
}
const key = (t, tzid) => t.isDate ? `${t.year}-${pad(t.month)}-${pad(t.day)}`
  : utc(t, tzid).toISOString().replace(/\.000Z$/, "Z");
const inWindow = (t, tzid) => t.isDate ? key(t) >= fromArg.slice(0, 10) && key(t) < toArg.slice(0, 10)
  : utc(t, tzid) >= from && utc(t, tzid) < to;

const out = [];
for (const root of roots) {
  for (const vtz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  const masters = new Map(), exceptions = [];
  for (const c of root.getAllSubcomponents("vevent")) {
    if (c.hasProperty("recurrence-id")) exceptions.push(c);
    else masters.set(c.getFirstPropertyValue("uid") ?? Symbol(), new ICAL.Event(c));
  }
  for (const c of exceptions) {
    const m = masters.get(c.getFirstPropertyValue("uid"));
    if (m) m.relateException(c);
    else masters.set(Symbol(), new ICAL.Event(c));
  }
  for (const ev of masters.values()) {
    if (!ev.isRecurring()) {
      if (inWindow(ev.startDate, ev.startDate.timezone)) out.push(key(ev.startDate, ev.startDate.timezone) + " " + (ev.summary || ""));
      continue;
    }
    const it = ev.iterator();
    const tzid = ev.startDate.timezone;
    for (let next = it.next(); next; next = it.next()) {
      if (next instanceof ICAL.Period) next = next.start; // RDATE;VALUE=PERIOD
      // A day of slack for the offset of a floating wall clock.
      if (next.toJSDate() - 86400000 >= to) break;
      const d = ev.getOccurrenceDetails(next);
      const z = d.item.startDate.timezone ?? tzid;
      if (inWindow(d.startDate, z)) out.push(key(d.startDate, z) + " " + (d.item.summary || ""));
    }
  }
}
process.stdout.write(out.sort().join("\n") + (out.length ? "\n" : ""));
