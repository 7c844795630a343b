package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"anteroom/calendar"
)

// leakVEvent is one VEVENT of a leak test file; times are Shanghai
// wall-clock "YYYYMMDDTHHMMSS".
type leakVEvent struct {
	uid, recurrenceID, start, end string
	props                         []string // SUMMARY, CLASS, X-… as written
}

func (e leakVEvent) String() string {
	var b strings.Builder
	b.WriteString("BEGIN:VEVENT\r\nUID:" + e.uid + "\r\nDTSTAMP:20260101T000000Z\r\n")
	if e.recurrenceID != "" {
		b.WriteString("RECURRENCE-ID;TZID=Asia/Shanghai:" + e.recurrenceID + "\r\n")
	}
	b.WriteString("DTSTART;TZID=Asia/Shanghai:" + e.start + "\r\nDTEND;TZID=Asia/Shanghai:" + e.end + "\r\n")
	for _, p := range e.props {
		b.WriteString(p + "\r\n")
	}
	b.WriteString("END:VEVENT\r\n")
	return b.String()
}

// writeLeakFile writes a VCALENDAR of events, with extra calendar
// properties, into dir and returns its path.
func writeLeakFile(t *testing.T, dir, name string, calProps []string, events ...leakVEvent) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Leak test//EN\r\n")
	for _, p := range calProps {
		b.WriteString(p + "\r\n")
	}
	for _, e := range events {
		b.WriteString(e.String())
	}
	b.WriteString("END:VCALENDAR\r\n")
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// secret returns the SUMMARY, LOCATION and DESCRIPTION of an item whose
// words must never reach another office, and adds them to secrets.
func secret(secrets *[]string, tag string) []string {
	title, place, notes := "机密标题"+tag, "机密地点"+tag, "机密备注"+tag
	*secrets = append(*secrets, title, place, notes)
	return []string{"SUMMARY:" + title, "LOCATION:" + place, "DESCRIPTION:" + notes}
}

// TestConfidentialWordsReachNoOtherOffice imports confidential series with
// overrides that say no CLASS (in the same file and later in their own
// file), overrides that claim to be public, a series made confidential
// after its override was stored, CLASS:PRIVATE items, and items Outlook
// and Apple mark private in their own properties; then it runs every
// output meant for other offices and looks in each for every word of
// those items. None may be there.
func TestConfidentialWordsReachNoOtherOffice(t *testing.T) {
	db, monday := deskDB(t)
	week := calendar.WeekOf(monday).String()
	at := func(dayN int, hhmm string) string {
		return strings.ReplaceAll(monday.AddDays(dayN).String(), "-", "") + "T" + hhmm + "00"
	}
	dir := t.TempDir()
	var secrets []string // words of confidential items: hidden below full
	publicTitle, publicPlace := "公开会议对照", "公开会场对照"
	public := leakVEvent{uid: "public-control@leak", start: at(3, "0900"), end: at(3, "0930"),
		props: []string{"SUMMARY:" + publicTitle, "LOCATION:" + publicPlace, "CLASS:PUBLIC"}}

	// 1. A confidential series with, in the same file, an override that
	// says no CLASS and one that claims PUBLIC.
	seriesA := leakVEvent{uid: "series-a@leak", start: at(0, "0700"), end: at(0, "0745"),
		props: append(secret(&secrets, "A"), "CLASS:CONFIDENTIAL", "RRULE:FREQ=DAILY;COUNT=5", "ORGANIZER;CN=机密发起人A:mailto:a@leak.example")}
	secrets = append(secrets, "机密发起人A", "a@leak.example")
	movedA := leakVEvent{uid: "series-a@leak", recurrenceID: at(1, "0700"), start: at(1, "1000"), end: at(1, "1045"),
		props: secret(&secrets, "A改期")}
	publicA := leakVEvent{uid: "series-a@leak", recurrenceID: at(2, "0700"), start: at(2, "0800"), end: at(2, "0845"),
		props: append(secret(&secrets, "A称公开"), "CLASS:PUBLIC")}
	fileA := writeLeakFile(t, dir, "a.ics", nil, seriesA, movedA, publicA, public)

	// 2. A confidential series; its moved occurrence comes later, alone.
	seriesB := leakVEvent{uid: "series-b@leak", start: at(0, "1600"), end: at(0, "1630"),
		props: append(secret(&secrets, "B"), "CLASS:CONFIDENTIAL", "RRULE:FREQ=DAILY;COUNT=5")}
	fileB := writeLeakFile(t, dir, "b.ics", nil, seriesB)
	movedB := leakVEvent{uid: "series-b@leak", recurrenceID: at(2, "1600"), start: at(2, "1730"), end: at(2, "1800"),
		props: secret(&secrets, "B改期")}
	fileBLater := writeLeakFile(t, dir, "b-moved.ics", nil, movedB)

	// 3. A series stored internal with its override, then made
	// confidential by a newer version of the series alone.
	seriesC := func(seq string, class ...string) leakVEvent {
		return leakVEvent{uid: "series-c@leak", start: at(0, "1900"), end: at(0, "1930"),
			props: append([]string{"SUMMARY:机密标题C", "SEQUENCE:" + seq, "RRULE:FREQ=DAILY;COUNT=5"}, class...)}
	}
	secrets = append(secrets, "机密标题C")
	movedC := leakVEvent{uid: "series-c@leak", recurrenceID: at(3, "1900"), start: at(3, "2000"), end: at(3, "2030"),
		props: secret(&secrets, "C改期")}
	fileC := writeLeakFile(t, dir, "c.ics", nil, seriesC("0"), movedC)
	fileCLater := writeLeakFile(t, dir, "c-confidential.ics", nil, seriesC("1", "CLASS:CONFIDENTIAL"))

	// 4. CLASS:PRIVATE: an item, and a series whose override says nothing.
	privateItem := leakVEvent{uid: "private@leak", start: at(1, "1200"), end: at(1, "1300"),
		props: append(secret(&secrets, "私"), "CLASS:PRIVATE")}
	privateSeries := leakVEvent{uid: "private-series@leak", start: at(0, "1300"), end: at(0, "1330"),
		props: append(secret(&secrets, "私系列"), "CLASS:PRIVATE", "RRULE:FREQ=DAILY;COUNT=3")}
	privateMoved := leakVEvent{uid: "private-series@leak", recurrenceID: at(1, "1300"), start: at(1, "1400"), end: at(1, "1430"),
		props: secret(&secrets, "私改期")}
	fileP := writeLeakFile(t, dir, "private.ics", nil, privateItem, privateSeries, privateMoved)

	// 5. Outlook's sensitivity (1 personal, 2 private, 3 confidential),
	// with no CLASS or with a CLASS that says less.
	var outlook []leakVEvent
	for i, mark := range []string{"1", "2", "3"} {
		props := append(secret(&secrets, "Outlook"+mark), "X-MICROSOFT-CDO-SENSITIVITY:"+mark)
		if mark == "2" {
			props = append(props, "CLASS:PUBLIC")
		}
		outlook = append(outlook, leakVEvent{uid: "outlook-" + mark + "@leak", start: at(4, fmt.Sprintf("%02d00", 9+i)), end: at(4, fmt.Sprintf("%02d30", 9+i)), props: props})
	}
	fileO := writeLeakFile(t, dir, "outlook.ics", nil, outlook...)

	// 6. Apple Calendar Server's access: on the calendar, and on an item.
	fileApple := writeLeakFile(t, dir, "apple.ics", []string{"X-CALENDARSERVER-ACCESS:CONFIDENTIAL"},
		leakVEvent{uid: "apple-cal@leak", start: at(4, "1500"), end: at(4, "1530"), props: secret(&secrets, "Apple日历")})
	fileAppleItem := writeLeakFile(t, dir, "apple-item.ics", nil,
		leakVEvent{uid: "apple-item@leak", start: at(4, "1600"), end: at(4, "1630"),
			props: append(secret(&secrets, "Apple条目"), "X-CALENDARSERVER-ACCESS:RESTRICTED")})

	// 7. A confidential series made here, with the office that runs it.
	mustRun(t, "--db", db, "add", "--title", "机密标题手工", "--location", "机密地点手工", "--organiser", "机密主办手工",
		"--class", "confidential", "--rrule", "FREQ=DAILY;COUNT=3", "--start", day(monday, 0)+" 18:00", "--end", day(monday, 0)+" 18:30", "--force", "--reason", "leak test")
	secrets = append(secrets, "机密标题手工", "机密地点手工", "机密主办手工")

	for _, file := range []string{fileA, fileB, fileBLater, fileC, fileCLater, fileP, fileO, fileApple, fileAppleItem} {
		code, rep, errOut := importJSON(t, db, file)
		if code != 0 || len(rep) != 1 || !rep[0].OK || rep[0].New+rep[0].Updated == 0 {
			t.Fatalf("import %s: exit %d %+v %s", filepath.Base(file), code, rep, errOut)
		}
	}

	// The calendar itself: every occurrence of those items is confidential,
	// overrides included (the agenda is the secretary's own, full view).
	confidentialTitles := 0
	for _, it := range agenda(t, db, "--from", day(monday, 0), "--to", day(monday, 6)) {
		if strings.HasPrefix(it.Title, "机密标题") {
			confidentialTitles++
			if it.Classification != string(calendar.ClassConfidential) {
				t.Errorf("agenda: %q on %s is %s, want confidential", it.Title, it.Start, it.Classification)
			}
		}
	}
	if confidentialTitles < 20 {
		t.Fatalf("the agenda has %d occurrences of the confidential items; the imports did not all land", confidentialTitles)
	}

	// Every output meant for other offices.
	outputs := map[string]string{}
	for _, level := range []string{"limited", "busy"} {
		outputs["export --privacy "+level] = mustRun(t, "--db", db, "export", "--leader", "all", "--from", day(monday, 0), "--to", day(monday, 6), "--privacy", level)
	}
	outputs["week print"] = mustRun(t, "--db", db, "week", "print", "--week", week)
	printed := filepath.Join(t.TempDir(), "plan.html")
	outputs["week print -o --json"] = mustRun(t, "--db", db, "week", "print", "--week", week, "-o", printed, "--json")
	outputs["week print -o: "+filepath.Base(printed)] = readFile(t, printed)
	for _, level := range []string{"limited", "busy"} {
		folder := t.TempDir()
		outputs["week circulate --privacy "+level] = mustRun(t, "--db", db, "week", "circulate", "--week", week, "--privacy", level, "--dir", folder, "--json")
		entries, err := os.ReadDir(folder)
		if err != nil || len(entries) != 2 {
			t.Fatalf("week circulate --privacy %s wrote %v (%v)", level, entries, err)
		}
		for _, e := range entries {
			outputs["week circulate --privacy "+level+": "+e.Name()] = readFile(t, filepath.Join(folder, e.Name()))
		}
	}
	// At full the .ics is for the leader's own devices and shows all; the
	// plan beside it is still the one other offices read.
	full := t.TempDir()
	mustRun(t, "--db", db, "week", "circulate", "--week", week, "--privacy", "full", "--dir", full)
	outputs["week circulate --privacy full: plan .html"] = readFile(t, filepath.Join(full, "plan-"+week+".html"))

	names := make([]string, 0, len(outputs))
	for name := range outputs {
		names = append(names, name)
	}
	sort.Strings(names)
	leaks, checks := 0, 0
	for _, name := range names {
		text := unfoldLines(outputs[name])
		hidden := secrets
		if strings.Contains(name, "busy") {
			hidden = append(append([]string(nil), secrets...), publicTitle, publicPlace)
		} else if strings.Contains(name, ".ics") || strings.Contains(name, ".html") || name == "week print" || strings.HasPrefix(name, "export") {
			// The outputs that list items show the public one: the
			// search looks at real content.
			if !strings.Contains(text, publicTitle) {
				t.Errorf("%s lacks the public %q: the outputs are not what they should be", name, publicTitle)
			}
		}
		for _, s := range hidden {
			checks++
			if strings.Contains(text, s) {
				leaks++
				t.Errorf("%s shows %q", name, s)
			}
		}
	}
	t.Logf("%d outputs × %d confidential strings (plus the public item at busy): %d checks, %d leaks", len(outputs), len(secrets), checks, leaks)
}

// unfoldLines undoes iCalendar line folding (RFC 5545 §3.1), so a string
// split over two lines of an .ics is still found; other text is unchanged.
func unfoldLines(s string) string {
	return strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(s)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
