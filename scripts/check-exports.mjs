// check-exports.mjs FILE.ics FROM TO: reads an Anteroom export with ical.js
// and prints, as JSON, every occurrence that meets [FROM, TO) (RFC 3339
// instants): series expanded with their exceptions (RECURRENCE-ID),
// cancelled items left out. Timed items have UTC instants, all-day items
// dates (end exclusive). scripts/check-exports compares the lists.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [file, fromArg, toArg] = process.argv.slice(2);
const from = new Date(fromArg), to = new Date(toArg);
const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));

// The file's own zones, so that TZID=Europe/Berlin means what it says.
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtz);
}

const masters = new Map();
const exceptions = [];
for (const c of root.getAllSubcomponents("vevent")) {
  (c.hasProperty("recurrence-id") ? exceptions : []).push(c);
  if (!c.hasProperty("recurrence-id")) masters.set(c.getFirstPropertyValue("uid"), new ICAL.Event(c));
}
for (const c of exceptions) {
  const m = masters.get(c.getFirstPropertyValue("uid"));
  if (m) m.relateException(c);
  else masters.set(c.getFirstPropertyValue("uid") + "#" + c.getFirstPropertyValue("recurrence-id"), new ICAL.Event(c));
}

const pad = (n) => String(n).padStart(2, "0");
const day = (t) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const instant = (t) => t.toJSDate().toISOString().replace(/\.000Z$/, "Z");

const out = [];
function add(item, start, end) {
  if ((item.component.getFirstPropertyValue("status") || "").toUpperCase() === "CANCELLED") return;
  const allDay = start.isDate;
  const s = start.toJSDate(), e = end.toJSDate();
  if (!(s < to && e > from)) return;
  out.push({
    start: allDay ? day(start) : instant(start),
    end: allDay ? day(end) : instant(end),
    all_day: allDay,
    title: item.summary || "",
    location: item.location || "",
  });
}

for (const ev of masters.values()) {
  if (!ev.isRecurring()) {
    add(ev, ev.startDate, ev.endDate);
    continue;
  }
  const it = ev.iterator();
  for (let next = it.next(); next; next = it.next()) {
    if (next.toJSDate() >= to) break;
    const d = ev.getOccurrenceDetails(next);
    add(d.item, d.startDate, d.endDate);
  }
}
out.sort((a, b) => (a.start + a.title).localeCompare(b.start + b.title));
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
