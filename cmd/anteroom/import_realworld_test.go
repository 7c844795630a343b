package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// Real-world iCalendar cases (issue 13): each fixture is cut down from
// the source it names.

// rawICS writes body, lines joined with CRLF, as a file in the test's folder.
func rawICS(t *testing.T, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// agendaStarts imports file for a leader in Asia/Shanghai and lists the
// starts (MM-DDTHH:MM) and titles of the agenda from from to to.
func agendaStarts(t *testing.T, db, from, to string) string {
	t.Helper()
	var got []string
	for _, it := range agenda(t, db, "--from", from, "--to", to) {
		got = append(got, it.Start[5:16]+" "+it.Title)
	}
	return strings.Join(got, "|")
}

// usEastern1987 is the VTIMEZONE of RFC 2445 §4.6.5 (also libical's
// test-data/2445.ics): TZID US-Eastern, no IANA name, daylight saving from
// the first Sunday of April to the last Sunday of October, for ever. In
// 2026 no IANA zone has these rules.
var usEastern1987 = []string{
	"BEGIN:VTIMEZONE", "TZID:US-Eastern", "LAST-MODIFIED:19870101T000000Z",
	"TZURL:http://zones.stds_r_us.net/tz/US-Eastern",
	"BEGIN:STANDARD", "DTSTART:19671029T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
	"TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST", "END:STANDARD",
	"BEGIN:DAYLIGHT", "DTSTART:19870405T020000", "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4",
	"TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT", "END:DAYLIGHT",
	"END:VTIMEZONE",
}

// A weekly series in US-Eastern across the zone's DST change of 5 April
// 2026 repeats at 09:00 US-Eastern: 22:00 in Shanghai before, 21:00 after.
func TestImportSeriesInFileOnlyZoneFollowsItsDaylightSaving(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	lines := append([]string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//RFC 2445//EN"}, usEastern1987...)
	lines = append(lines, "BEGIN:VEVENT", "UID:weekly-us-eastern@example.com", "DTSTAMP:20260301T000000Z",
		"DTSTART;TZID=US-Eastern:20260323T090000", "DTEND;TZID=US-Eastern:20260323T100000",
		"RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Board call", "END:VEVENT", "END:VCALENDAR")
	file := rawICS(t, "us-eastern.ics", lines...)
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	want := "03-23T22:00 Board call|03-30T22:00 Board call|04-06T21:00 Board call|04-13T21:00 Board call"
	if got := agendaStarts(t, db, "2026-03-01", "2026-04-30"); got != want {
		t.Fatalf("agenda\n got %s\nwant %s", got, want)
	}
}

// EXDATE;VALUE=DATE on a timed series, the case of RFC 5545 erratum 6316
// (open since 2020; Google Calendar writes such EXDATEs): every
// occurrence that starts on 6 January 2026 in New York is excluded, and
// only those.
func TestImportDateExdateExcludesTheDaysOccurrencesOfATimedSeries(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "erratum-6316.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
		"BEGIN:VEVENT", "UID:erratum-6316@example.com", "DTSTAMP:20260101T000000Z",
		"DTSTART;TZID=America/New_York:20260105T090000", "DTEND;TZID=America/New_York:20260105T093000",
		"RRULE:FREQ=HOURLY;INTERVAL=6;COUNT=8", "EXDATE;VALUE=DATE:20260106", "SUMMARY:Watch", "END:VEVENT",
		"BEGIN:VEVENT", "UID:daily-standup@example.com", "DTSTAMP:20260101T000000Z",
		"DTSTART;TZID=America/New_York:20260105T200000", "DTEND;TZID=America/New_York:20260105T203000",
		"RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20260106", "SUMMARY:Standup", "END:VEVENT", "END:VCALENDAR")
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	// New York is 13 hours behind Shanghai in January.
	// Watch: 09:00, 15:00, 21:00 on the 5th and 03:00 on the 7th (New
	// York) remain of eight; Standup: the 5th and the 7th at 20:00.
	want := "01-05T22:00 Watch|01-06T04:00 Watch|01-06T09:00 Standup|01-06T10:00 Watch|" +
		"01-07T16:00 Watch|01-08T09:00 Standup"
	got := agendaStarts(t, db, "2026-01-01", "2026-01-31")
	if got != want {
		t.Fatalf("agenda\n got %s\nwant %s", got, want)
	}
}

// RECURRENCE-ID;VALUE=DATE on an override of a timed series: a value type
// other than DTSTART's, which RFC 5545 §3.8.4.4 forbids and producers that
// keep all-day and timed occurrences alike write anyway (the date form is
// the one RFC 5545 erratum 6316 discusses for EXDATE). It names the
// series' occurrence on that date, which the override replaces.
func TestImportDateRecurrenceIDReplacesItsOccurrence(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "date-rid.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//EN",
		"BEGIN:VEVENT", "UID:override-date@example.com", "DTSTAMP:20261001T000000Z", "RECURRENCE-ID;VALUE=DATE:20261012",
		"DTSTART;TZID=Europe/Berlin:20261013T150000", "DTEND;TZID=Europe/Berlin:20261013T160000", "SUMMARY:Moved", "END:VEVENT",
		"BEGIN:VEVENT", "UID:override-date@example.com", "DTSTAMP:20261001T000000Z",
		"DTSTART;TZID=Europe/Berlin:20261005T100000", "DTEND;TZID=Europe/Berlin:20261005T110000",
		"RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Meeting", "END:VEVENT", "END:VCALENDAR")
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	want := "10-05T16:00 Meeting|10-13T21:00 Moved|10-19T16:00 Meeting"
	if got := agendaStarts(t, db, "2026-10-01", "2026-10-31"); got != want {
		t.Fatalf("agenda\n got %s\nwant %s", got, want)
	}
}

// RDATE;VALUE=PERIOD: the example of RFC 5545 §3.8.5.2,
// "RDATE;VALUE=PERIOD:19960403T020000Z/19960403T040000Z,19960404T010000Z/PT3H",
// added to a one-hour series: the extra occurrences last two and three
// hours.
func TestImportPeriodRdateTakesThePeriodsLength(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "rdate-period.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//RFC 5545//EN",
		"BEGIN:VEVENT", "UID:rdate-period@example.com", "DTSTAMP:19960401T000000Z",
		"DTSTART:19960402T010000Z", "DTEND:19960402T020000Z",
		"RDATE;VALUE=PERIOD:19960403T020000Z/19960403T040000Z,19960404T010000Z/PT3H",
		"SUMMARY:Review", "END:VEVENT", "END:VCALENDAR")
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	var got []string
	for _, it := range agenda(t, db, "--from", "1996-04-01", "--to", "1996-04-30") {
		got = append(got, it.Start[5:16]+"/"+it.End[11:16])
	}
	want := "04-02T09:00/10:00|04-03T10:00/12:00|04-04T09:00/12:00"
	if strings.Join(got, "|") != want {
		t.Fatalf("agenda\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A file whose one item cannot be read: its DTSTART line has no colon
// (RFC 5545 §3.1 requires one after the name and parameters), so the
// line is joined to the one before as a broken fold and the item has no
// start. The import fails naming the file and the line; it does not
// report an empty calendar.
func TestImportUnreadableFileIsAnErrorNamingTheLine(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "no-colon.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//EN",
		"BEGIN:VEVENT", "UID:no-colon@example.com", "DTSTART 20261124T010000Z", "SUMMARY:Lost", "END:VEVENT", "END:VCALENDAR")
	code, out, errOut := anteroom(t, "--db", db, "import", file)
	if code == 0 || !strings.Contains(errOut, "no-colon.ics") || !regexp.MustCompile(`\b[56]\b`).MatchString(errOut) {
		t.Fatalf("exit %d, stdout %q, stderr %q; want a failure naming no-colon.ics and line 5 or 6", code, out, errOut)
	}
}

// DTEND before DTSTART, the case of python-recurring-ical-events issue 132
// (its test calendar issue_132_swapped_start_and_end: 23:45 to 23:30 on 18
// December 2023), here with the 12-hour-clock slip of 15:00 to 03:30. No
// end can be guessed, so the CLI refuses the file naming the file, the
// line and why, and imports the rest only with --skip-bad.
func TestImportEndBeforeStartIsRefusedUnlessSkipped(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "swapped.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//EN",
		"BEGIN:VEVENT", "UID:swapped@example.com", "DTSTAMP:20231201T000000Z",
		"DTSTART;TZID=Asia/Shanghai:20231218T150000", "DTEND;TZID=Asia/Shanghai:20231218T033000",
		"SUMMARY:Budget review", "END:VEVENT",
		"BEGIN:VEVENT", "UID:fine@example.com", "DTSTAMP:20231201T000000Z",
		"DTSTART;TZID=Asia/Shanghai:20231219T090000", "DTEND;TZID=Asia/Shanghai:20231219T100000",
		"SUMMARY:Staff meeting", "END:VEVENT", "END:VCALENDAR")
	code, out, errOut := anteroom(t, "--db", db, "import", file)
	if code == 0 || !strings.Contains(errOut, "swapped.ics:8") || !strings.Contains(errOut, "Budget review") ||
		!strings.Contains(errOut, "before it starts") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want a refusal naming swapped.ics:8, the item and the reason", code, out, errOut)
	}
	if got := agendaStarts(t, db, "2023-12-01", "2023-12-31"); got != "" {
		t.Fatalf("a refused file stored %s", got)
	}
	if code, out, errOut := anteroom(t, "--db", db, "import", "--skip-bad", file); code != 0 || !strings.Contains(out, "1 skipped") {
		t.Fatalf("import --skip-bad: exit %d, %s %s", code, out, errOut)
	}
	if got, want := agendaStarts(t, db, "2023-12-01", "2023-12-31"), "12-19T09:00 Staff meeting"; got != want {
		t.Fatalf("agenda\n got %s\nwant %s", got, want)
	}
}

// Sub-daily series from the examples of RFC 5545 §3.8.5.3: "every 15
// minutes for 6 occurrences" (FREQ=MINUTELY;INTERVAL=15;COUNT=6) and
// "every 20 minutes from 9:00 AM to 4:40 PM every day"
// (FREQ=DAILY;BYHOUR=9,…,16;BYMINUTE=0,20,40), both from 2 September
// 1997 in New York (12 hours behind Shanghai). Frequent is valid: both
// import. A rule that repeats every second for ever cannot be expanded
// within the calendar's bounds: the file is refused naming the item.
func TestImportSubDailySeriesAreImportedAndAnUnboundedOneRefused(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	head := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//RFC 5545//EN"}
	file := rawICS(t, "minutely.ics", append(head,
		"BEGIN:VEVENT", "UID:every-15@example.com", "DTSTAMP:19970901T000000Z",
		"DTSTART;TZID=America/New_York:19970902T090000", "DURATION:PT10M",
		"RRULE:FREQ=MINUTELY;INTERVAL=15;COUNT=6", "SUMMARY:Quarter", "END:VEVENT",
		"BEGIN:VEVENT", "UID:every-20@example.com", "DTSTAMP:19970901T000000Z",
		"DTSTART;TZID=America/New_York:19970902T090000", "DURATION:PT10M",
		"RRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "SUMMARY:Twenty", "END:VEVENT", "END:VCALENDAR")...)
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 || strings.Contains(out, "skipped Quarter") || strings.Contains(out, "skipped Twenty") {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	got := agendaStarts(t, db, "1997-09-02", "1997-09-03")
	quarter, twenty := strings.Count(got, "Quarter"), strings.Count(got, "Twenty")
	if quarter != 6 || !strings.HasPrefix(got, "09-02T21:00 Quarter|09-02T21:00 Twenty|09-02T21:15 Quarter") {
		t.Fatalf("agenda of 2 September (Shanghai) has %d Quarter: %s", quarter, got)
	}
	// 2 September in New York: 09:00–16:40, 21:00 to 04:40 in Shanghai, 24
	// in all; the agenda's 3 September adds the 9 of 09:00–11:40 of the 3rd.
	if twenty != 24+9 || !strings.Contains(got, "09-03T04:40 Twenty|09-03T21:00 Twenty") {
		t.Fatalf("agenda of 2–3 September (Shanghai) has %d Twenty, want 33: %s", twenty, got)
	}
	bad := rawICS(t, "secondly.ics", append(head,
		"BEGIN:VEVENT", "UID:every-second@example.com", "DTSTAMP:19970901T000000Z",
		"DTSTART:19970902T130000Z", "DURATION:PT1S", "RRULE:FREQ=SECONDLY", "SUMMARY:Tick", "END:VEVENT", "END:VCALENDAR")...)
	code, out, errOut := anteroom(t, "--db", db, "import", bad)
	if code == 0 || !strings.Contains(errOut, "secondly.ics:4") || !strings.Contains(errOut, "Tick") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want a refusal naming secondly.ics:4 and Tick", code, out, errOut)
	}
}

// A counted series whose DTSTART is not on its rule: RFC 5545
// §3.8.5.3's "every Friday the 13th", which starts on Tuesday 2
// September 1997 (the RFC adds an EXDATE for that reason), here with
// COUNT=3. This calendar counts DTSTART as the first of the three
// (§3.8.5.3); recurring_ical_events adds DTSTART to python-dateutil's
// three Fridays, and khal takes dateutil's set, which leaves DTSTART out.
// Read back by dateutil in both ways, the export yields exactly the
// agenda's occurrences.
func TestExportOfACountedSeriesOffItsRuleReadsAlikeElsewhere(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import dateutil.rrule").Run() != nil {
		t.Skip("python3 with dateutil is not installed")
	}
	db := tempDB(t)
	file := rawICS(t, "friday13.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//RFC 5545//EN",
		"BEGIN:VEVENT", "UID:friday13@example.com", "DTSTAMP:19970901T000000Z",
		"DTSTART;TZID=America/New_York:19970902T090000", "DTEND;TZID=America/New_York:19970902T100000",
		"RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3", "SUMMARY:Friday", "END:VEVENT", "END:VCALENDAR")
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	var want []string
	for _, it := range agenda(t, db, "--from", "1997-01-01", "--to", "1999-12-31") {
		want = append(want, it.Start[:16])
	}
	code, ics, errOut := anteroom(t, "--db", db, "export", "--privacy", "full", "--from", "1997-01-01", "--to", "1999-12-31")
	if code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	// The reader unfolds the file, takes DTSTART and RRULE of the series
	// and prints its starts in Shanghai.
	const reader = `import sys, re
from datetime import datetime
from zoneinfo import ZoneInfo
from dateutil.rrule import rrulestr
text = re.sub(r"\r?\n[ \t]", "", sys.stdin.read())
ev = text[text.index("BEGIN:VEVENT"):]
m = re.search(r"^DTSTART(?:;TZID=([^:;]+))?:(\d{8}T\d{6})(Z?)", ev, re.M)
zone = ZoneInfo("UTC" if m.group(3) else m.group(1))
start = datetime.strptime(m.group(2), "%Y%m%dT%H%M%S").replace(tzinfo=zone)
rule = re.search(r"^RRULE:(.*)$", ev, re.M).group(1).strip()
rdates = [datetime.strptime(v, "%Y%m%dT%H%M%S").replace(tzinfo=ZoneInfo(z))
          for z, vs in re.findall(r"^RDATE;TZID=([^:;]+):(.*)$", ev, re.M) for v in vs.strip().split(",")]
ruled = list(rrulestr(rule, dtstart=start))
for reader in (ruled + [start] + rdates, ruled + rdates):
    print(" ".join(s.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%dT%H:%M") for s in sorted(set(reader))))
`
	cmd := exec.Command(py, "-c", reader)
	cmd.Stdin = strings.NewReader(ics)
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, ics)
	}
	if len(want) != 3 {
		t.Fatalf("the agenda shows %v, want 3 occurrences", want)
	}
	for i, g := range strings.Split(strings.TrimSpace(string(got)), "\n") {
		if g != strings.Join(want, " ") {
			t.Fatalf("dateutil reads (%s) %s, the agenda shows %v\n%s", []string{"as recurring_ical_events", "as khal"}[i], g, want, ics)
		}
	}
}

// The exported VTIMEZONE of Asia/Shanghai carries China's daylight saving
// of 1986–1991 (the IANA tz database, file asia, "Rule Shanghai": from
// mid-April to mid-September) for as long as a series runs through it.
// python-dateutil's VTIMEZONE reader (dateutil.tz.tzical), given the
// export, puts every occurrence of a weekly series of 1985–1992 at the
// offset the agenda shows.
func TestExportedZoneCarriesChinasDaylightSavingForTheSeriesSpan(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import dateutil.tz").Run() != nil {
		t.Skip("python3 with dateutil is not installed")
	}
	db := tempDB(t)
	file := rawICS(t, "shanghai-1985.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//EN",
		"BEGIN:VEVENT", "UID:weekly-1985@example.com", "DTSTAMP:19850101T000000Z",
		"DTSTART;TZID=Asia/Shanghai:19850703T090000", "DTEND;TZID=Asia/Shanghai:19850703T100000",
		"RRULE:FREQ=WEEKLY;COUNT=400", "SUMMARY:Weekly", "END:VEVENT", "END:VCALENDAR")
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	code, exported, errOut := anteroom(t, "--db", db, "export", "--privacy", "full", "--from", "1985-07-01", "--to", "1985-07-31")
	if code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	var want []string
	for _, it := range agenda(t, db, "--from", "1985-07-01", "--to", "1993-12-31") {
		want = append(want, it.Start)
	}
	if len(want) != 400 || !slices.Contains(want, "1988-07-20T09:00:00+09:00") {
		t.Fatalf("agenda has %d occurrences; 20 July 1988 is not 09:00 +09:00", len(want))
	}
	// The reader takes the wall clocks of the agenda and gives each the
	// offset the exported VTIMEZONE says.
	const reader = `import sys, io
from datetime import datetime
from dateutil.tz import tzical
text, starts = sys.stdin.read().split("\f")
tz = tzical(io.StringIO(text[:text.index("BEGIN:VEVENT")] + "END:VCALENDAR\r\n")).get("Asia/Shanghai")
for s in starts.split():
    print(datetime.fromisoformat(s[:19]).replace(tzinfo=tz).isoformat())
`
	cmd := exec.Command(py, "-c", reader)
	cmd.Stdin = strings.NewReader(exported + "\f" + strings.Join(want, " "))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s\n%s", err, out, exported)
	}
	got := strings.Fields(string(out))
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Fatalf("occurrence %d: the export reads %v, the agenda %s\n%s", i, got[min(i, len(got)-1)], want[i], exported)
		}
	}
}

// Several VCALENDAR objects in one file, as Mozilla Calendar V1.0 wrote
// its exports: ical4j's test sample SwedishHolidays2003-2006.ics holds
// 52 of them, each with one holiday and its names folded away from their
// values. Every object is read, not only the first.
func TestImportReadsEveryCalendarOfAConcatenatedFile(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	holiday := func(uid, summary, day, next string) []string {
		return []string{"BEGIN:VCALENDAR", "VERSION", " :2.0", "PRODID", " :-//Mozilla.org/NONSGML Mozilla Calendar V1.0//EN",
			"METHOD", " :PUBLISH", "BEGIN:VEVENT", "UID", " :" + uid, "SUMMARY", " :" + summary, "STATUS", " :TENTATIVE",
			"DTSTART", " ;VALUE=DATE", " :" + day, "DTEND", " ;VALUE=DATE", " :" + next, "DTSTAMP", " :20030809T112521Z",
			"END:VEVENT", "END:VCALENDAR"}
	}
	var lines []string
	lines = append(lines, holiday("315030d0-ca5c-11d7-9a03-f88dd56dba2f", "Nyårsdagen", "20030101", "20030102")...)
	lines = append(lines, holiday("919664825", "Trettondedag jul", "20030106", "20030107")...)
	lines = append(lines, holiday("1527010400", "Första maj", "20030501", "20030502")...)
	file := rawICS(t, "swedish-holidays.ics", lines...)
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 || !strings.Contains(out, "3 new") {
		t.Fatalf("import: exit %d, %s %s", code, out, errOut)
	}
	var got []string
	for _, it := range agenda(t, db, "--from", "2003-01-01", "--to", "2003-12-31") {
		got = append(got, it.Start+" "+it.Title)
	}
	if want := "2003-01-01 Nyårsdagen|2003-01-06 Trettondedag jul|2003-05-01 Första maj"; strings.Join(got, "|") != want {
		t.Fatalf("agenda\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A Latin-1 file without a charset: Thunderbird's import test data
// importLatin1.ics (calendar/test/unit/data in comm-central), whose
// "Två" is the single byte 0xE5. It is decoded, never stored with U+FFFD,
// and the user is told how it was read.
func TestImportDecodesALatin1FileWithoutCharset(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "importLatin1.ics", "BEGIN:VCALENDAR", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN", "VERSION:2.0",
		"BEGIN:VEVENT", "SUMMARY:Event One", "DTSTART:20190101T150000", "DTEND:20190101T160000", "END:VEVENT",
		"BEGIN:VEVENT", "SUMMARY:Event Tv\xe5", "DTSTART:20190101T160000", "DTEND:20190101T170000", "END:VEVENT", "END:VCALENDAR")
	code, out, errOut := anteroom(t, "--db", db, "import", file)
	if code != 0 || !strings.Contains(out, "not UTF-8") {
		t.Fatalf("import: exit %d, %s %s; want a note that the file is not UTF-8", code, out, errOut)
	}
	if got, want := agendaStarts(t, db, "2019-01-01", "2019-01-01"), "01-01T15:00 Event One|01-01T16:00 Event Två"; got != want {
		t.Fatalf("agenda\n got %q\nwant %q", got, want)
	}
}

// RFC 5545 §3.8.5.3, "Every 20 minutes from 9:00 AM to 4:40 PM every
// day": 24 occurrences a day. Two years of it (17,520) in one agenda hold
// every occurrence the same two years hold ten days at a time; the
// agenda once showed such a series as its first occurrence alone when a
// query's window held more than 10,000 of it.
func TestAgendaOfAFrequentSeriesOverYearsLosesNoOccurrence(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := rawICS(t, "every-20-minutes.ics", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//RFC 5545//EN",
		"BEGIN:VEVENT", "UID:every-20-minutes@example.com", "DTSTAMP:19970901T000000Z",
		"DTSTART;TZID=America/New_York:19970902T090000", "DTEND;TZID=America/New_York:19970902T091000",
		"RRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "SUMMARY:Check the queue",
		"END:VEVENT", "END:VCALENDAR")
	if code, out, errOut := anteroom(t, "--db", db, "import", file); code != 0 {
		t.Fatalf("import: exit %d: %s%s", code, out, errOut)
	}
	first := time.Date(1997, 9, 3, 0, 0, 0, 0, time.UTC)
	const days, step = 730, 10
	whole := len(agenda(t, db, "--from", first.Format(time.DateOnly), "--to", first.AddDate(0, 0, days-1).Format(time.DateOnly)))
	pieces := 0
	for d := 0; d < days; d += step {
		pieces += len(agenda(t, db, "--from", first.AddDate(0, 0, d).Format(time.DateOnly), "--to", first.AddDate(0, 0, d+step-1).Format(time.DateOnly)))
	}
	if whole != pieces || whole < 17000 {
		t.Fatalf("two years in one agenda: %d occurrences; ten days at a time: %d", whole, pieces)
	}
}
