package main

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The streamed import (the default) must say and store exactly what
// planning the whole file first and then applying it says and stores.
// Each case imports the same files, in the same order, into two
// calendars, one each way, and compares the exit codes, everything
// printed, and every row written (but for the times of writing).

func TestStreamedImportMatchesPlannedImportOnTheCorpus(t *testing.T) {
	skipWhenShort(t)
	t.Setenv("TZ", "Asia/Shanghai")
	for _, file := range corpusFiles(t, "valid", "spec", "malformed") {
		compareImports(t, [][]string{{file}, {"--json", file}})
	}
}

func TestStreamedImportMatchesPlannedImportOnGeneratedFiles(t *testing.T) {
	skipWhenShort(t)
	t.Setenv("TZ", "Asia/Shanghai")
	dir := t.TempDir()
	// More items than a batch holds, in no order: versions of one item,
	// overrides before and after their series, across batches, of series
	// in the file, stored or nowhere; cancellations; clashes everywhere.
	first := generatedFile(t, dir, "first.ics", 1, 9000, "PUBLISH", false)
	second := generatedFile(t, dir, "second.ics", 2, 9000, "REQUEST", false)
	cancel := generatedFile(t, dir, "cancel.ics", 3, 3000, "CANCEL", false)
	compareImports(t, [][]string{{first}, {"--json", second}, {cancel}, {"--json", first}})
	// Every identity once: read once, across three batches.
	unique := generatedFile(t, dir, "unique.ics", 4, 10000, "PUBLISH", true)
	again := generatedFile(t, dir, "again.ics", 5, 10000, "REQUEST", true)
	compareImports(t, [][]string{{unique}, {"--json", again}, {cancel}})
}

// skipWhenShort leaves the long comparisons to the full run: under the
// race detector (run with -short) they take minutes, and the stream's
// goroutines are raced by the shorter cases, which cross batches too.
func skipWhenShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("compares tens of thousands of items; run without -short")
	}
}

func TestStreamedImportMatchesPlannedImportOnItemsToFix(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	bad := icsFile(t, "bad.ics", "METHOD:PUBLISH",
		"BEGIN:VEVENT", "UID:ok@example.cn", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Asia/Shanghai:20261123T090000",
		"DTEND;TZID=Asia/Shanghai:20261123T100000", "SUMMARY:好的", "END:VEVENT",
		"BEGIN:VEVENT", "UID:backwards@example.cn", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Asia/Shanghai:20261123T110000",
		"DTEND;TZID=Asia/Shanghai:20261123T100000", "SUMMARY:倒着的", "END:VEVENT",
		"BEGIN:VEVENT", "UID:backwards@example.cn", "DTSTAMP:20261102T000000Z", "DTSTART;TZID=Asia/Shanghai:20261124T110000",
		"DTEND;TZID=Asia/Shanghai:20261124T100000", "SUMMARY:又倒着的", "END:VEVENT")
	compareImports(t, [][]string{{bad}, {"--details", bad}, {"--skip-bad", "--json", bad}, {bad}})
}

// A file whose series cancels what is stored as a single item, with a
// cancelled occurrence of that series: the plan of the whole file takes
// the occurrence as one of the file's series, and so must the stream,
// whichever batch the series was stored in.
func TestStreamedImportMatchesPlannedImportOnASeriesCancellingASingleItem(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	single := icsFile(t, "single.ics", "METHOD:PUBLISH",
		"BEGIN:VEVENT", "UID:one@example.cn", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Asia/Shanghai:20261123T090000",
		"DTEND;TZID=Asia/Shanghai:20261123T100000", "SUMMARY:单次", "END:VEVENT")
	var lines []string
	for i := range 5000 { // the series in the first batch, its occurrence in the second
		lines = append(lines, "BEGIN:VEVENT", fmt.Sprintf("UID:filler%d@example.cn", i), "DTSTAMP:20261101T000000Z",
			"DTSTART;TZID=Asia/Shanghai:20261201T090000", "DTEND;TZID=Asia/Shanghai:20261201T100000", "SUMMARY:填充", "END:VEVENT")
		if i == 10 {
			lines = append(lines, "BEGIN:VEVENT", "UID:one@example.cn", "DTSTAMP:20261102T000000Z", "SEQUENCE:1",
				"DTSTART;TZID=Asia/Shanghai:20261123T090000", "DTEND;TZID=Asia/Shanghai:20261123T100000",
				"RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:系列", "END:VEVENT")
		}
	}
	lines = append(lines, "BEGIN:VEVENT", "UID:one@example.cn", "DTSTAMP:20261102T000000Z", "SEQUENCE:1",
		"RECURRENCE-ID;TZID=Asia/Shanghai:20261130T090000", "DTSTART;TZID=Asia/Shanghai:20261130T090000",
		"DTEND;TZID=Asia/Shanghai:20261130T100000", "SUMMARY:系列", "END:VEVENT")
	cancel := icsFile(t, "cancel.ics", append([]string{"METHOD:CANCEL"}, lines...)...)
	compareImports(t, [][]string{{single}, {cancel}})
}

// compareImports runs each import (its arguments) on two calendars, one
// streamed and one planned whole, and compares what they did.
func compareImports(t *testing.T, imports [][]string) {
	t.Helper()
	dbs := map[bool]string{}
	for _, streamed := range []bool{false, true} {
		dbs[streamed] = tempDB(t)
		withStreaming(t, streamed, func() {
			anteroom(t, "--db", dbs[streamed], "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai")
		})
	}
	for _, args := range imports {
		var got [2]string
		for i, streamed := range []bool{false, true} {
			withStreaming(t, streamed, func() {
				code, out, errOut := anteroom(t, append([]string{"--db", dbs[streamed], "import"}, args...)...)
				got[i] = fmt.Sprintf("exit %d\n%s\nstderr:\n%s", code, out, errOut)
			})
		}
		if got[0] != got[1] {
			t.Fatalf("import %v: planned whole and streamed differ:\n--- planned\n%s\n--- streamed\n%s", args, tail(got[0]), tail(got[1]))
		}
		planned, streamed := rowsWritten(t, dbs[false]), rowsWritten(t, dbs[true])
		if planned != streamed {
			t.Fatalf("import %v: planned whole and streamed stored differently:\n%s", args, firstDifference(planned, streamed))
		}
	}
}

func withStreaming(t *testing.T, on bool, fn func()) {
	t.Helper()
	was := streamImports
	streamImports = on
	defer func() { streamImports = was }()
	fn()
}

func tail(s string) string {
	if len(s) > 4000 {
		return s[:2000] + "\n…\n" + s[len(s)-2000:]
	}
	return s
}

func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  planned  %s\n  streamed %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines planned, %d streamed", len(la), len(lb))
}

// rowsWritten lists the rows an import writes, sorted, without the times
// they were written at (the two imports run seconds apart) and with each
// engagement's ID replaced by its UID: a streamed import stores a batch's
// overrides before the next batch's items, and items held back last, so
// the IDs it gives out come in another order.
func rowsWritten(t *testing.T, db string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	uidOf := map[int64]string{}
	ids, err := conn.Query("SELECT id, uid FROM engagements")
	if err != nil {
		t.Fatal(err)
	}
	for ids.Next() {
		var id int64
		var uid string
		if err := ids.Scan(&id, &uid); err != nil {
			t.Fatal(err)
		}
		uidOf[id] = uid
	}
	ids.Close()
	var b strings.Builder
	for _, table := range []string{"engagements", "engagement_spans", "todos", "override_log"} {
		cols, rows := tableRows(t, conn, table)
		var lines []string
		for _, vals := range rows {
			for i, c := range cols {
				switch {
				case c == "created" || c == "updated" || c == "imported" || c == "at" || (table != "engagement_spans" && c == "id"):
					vals[i] = "-"
				case c == "series_id" && vals[i] != nil:
					vals[i] = uidOf[vals[i].(int64)]
				}
			}
			lines = append(lines, fmt.Sprint(table, vals))
		}
		slices.Sort(lines)
		for _, l := range lines {
			fmt.Fprintln(&b, l)
		}
	}
	return b.String()
}

// generatedFile writes n events in no order drawn from a pool of UIDs
// (so some are versions of one item), a sixth of them weekly series, a
// fifth overrides (of series in the file or not), some cancelled, some
// untitled, around today so that they clash with each other and with what
// is stored.
func generatedFile(t *testing.T, dir, name string, seed uint64, n int, method string, unique bool) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 42))
	const layout = "20060102T150405"
	day := time.Now().In(time.FixedZone("CST", 8*3600)).Truncate(24 * time.Hour)
	uids := n * 4 / 5
	startOf := func(u int) time.Time { // a series' start depends on its UID alone
		return day.AddDate(0, 0, u%60-30).Add(time.Duration(8+u%9) * time.Hour)
	}
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\nMETHOD:" + method + "\r\n")
	perm := r.Perm(n)
	for i := range n {
		u := r.IntN(uids)
		series := u%6 == 0
		if unique { // each identity once: a series, its override, or a single item
			u = perm[i]
			series = u%6 == 0 || u%6 == 3
		}
		override := series && (unique && u%6 == 3 || !unique && r.IntN(3) == 0)
		if unique && override {
			u -= 3
		}
		b.WriteString("BEGIN:VEVENT\r\n")
		fmt.Fprintf(&b, "UID:u%d@gen.example.cn\r\n", u)
		fmt.Fprintf(&b, "DTSTAMP:2026110%dT000000Z\r\nSEQUENCE:%d\r\n", 1+r.IntN(2), r.IntN(3))
		start := startOf(u)
		switch {
		case override:
			rid := start.AddDate(0, 0, 7*(1+r.IntN(3)))
			fmt.Fprintf(&b, "RECURRENCE-ID;TZID=Asia/Shanghai:%s\r\n", rid.Format(layout))
			start = rid.Add(time.Duration(r.IntN(4)) * 30 * time.Minute)
		case series:
			b.WriteString("RRULE:FREQ=WEEKLY;COUNT=5\r\n")
		case unique:
		case r.IntN(8) == 0: // an invitation to one occurrence of a series kept elsewhere
			fmt.Fprintf(&b, "RECURRENCE-ID;TZID=Asia/Shanghai:%s\r\n", start.Format(layout))
		default:
			start = start.Add(time.Duration(r.IntN(6)) * 20 * time.Minute)
		}
		fmt.Fprintf(&b, "DTSTART;TZID=Asia/Shanghai:%s\r\n", start.Format(layout))
		fmt.Fprintf(&b, "DTEND;TZID=Asia/Shanghai:%s\r\n", start.Add(time.Duration(30+r.IntN(3)*30)*time.Minute).Format(layout))
		if r.IntN(10) != 0 {
			fmt.Fprintf(&b, "SUMMARY:会议 %d\r\n", u)
		}
		if r.IntN(12) == 0 {
			b.WriteString("STATUS:CANCELLED\r\n")
		}
		b.WriteString("CLASS:" + []string{"PUBLIC", "PRIVATE", "CONFIDENTIAL"}[r.IntN(3)] + "\r\n")
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
