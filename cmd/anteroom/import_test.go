package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// importJSON runs import --json and returns its exit code and report.
func importJSON(t *testing.T, db string, args ...string) (int, []importFile, string) {
	t.Helper()
	code, out, errOut := anteroom(t, append([]string{"--db", db, "import", "--json"}, args...)...)
	var rep struct {
		Files []importFile `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("import --json printed %q (stderr %q): %v", out, errOut, err)
	}
	return code, rep.Files, errOut
}

// dump returns every row of the tables an import writes, to compare a
// database before and after.
func dump(t *testing.T, db string) string {
	t.Helper()
	if _, err := os.Stat(db); os.IsNotExist(err) {
		return "(no database)"
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	for _, table := range []string{"leaders", "engagements", "engagement_spans", "todos"} {
		_, rows := tableRows(t, conn, table)
		for _, vals := range rows {
			fmt.Fprintln(&b, table, vals)
		}
	}
	return b.String()
}

// tableRows returns the columns of table and every row of it, by the
// first column.
func tableRows(t *testing.T, conn *sql.DB, table string) (cols []string, out [][]any) {
	t.Helper()
	rows, err := conn.Query("SELECT * FROM " + table + " ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ = rows.Columns()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return cols, out
}

// icsFile writes an iCalendar file in the test's folder.
func icsFile(t *testing.T, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	body := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VCALENDAR\r\n"
	if err := writeFile(p, body); err != nil {
		t.Fatal(err)
	}
	return p
}

// invite is a VEVENT of an hour from start (a local time in Asia/Shanghai).
func invite(method, uid string, seq int, start, title string) []string {
	end := start[:9] + fmt.Sprintf("%02d", atoi(start[9:11])+1) + start[11:]
	return []string{"METHOD:" + method, "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20261101T000000Z",
		fmt.Sprintf("SEQUENCE:%d", seq), "DTSTART;TZID=Asia/Shanghai:" + start, "DTEND;TZID=Asia/Shanghai:" + end,
		"SUMMARY:" + title, "END:VEVENT"}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// corpusFiles lists the shared corpus' files marked as expected, with
// their paths, or skips the test when the corpus is absent.
func corpusFiles(t *testing.T, expect ...string) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "ics-corpus")
	f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the shared .ics corpus is absent and CI is set: %v", err)
		}
		t.Skipf("the shared .ics corpus is absent (%v); skipping", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 {
			continue
		}
		for _, e := range expect {
			if cols[1] == e {
				out = append(out, filepath.Join(dir, cols[0]))
			}
		}
	}
	return out
}

func TestImportEveryValidCorpusFileThroughTheCommandLine(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	files := corpusFiles(t, "valid", "spec")
	var total importFile
	for _, file := range files {
		db := tempDB(t)
		code, rep, errOut := importJSON(t, db, file)
		if code != 0 || len(rep) != 1 || !rep[0].OK {
			t.Errorf("%s: exit %d, %+v, stderr %q", file, code, rep, errOut)
			continue
		}
		r := rep[0]
		total.New += r.New
		total.Updated += r.Updated
		total.Unchanged += r.Unchanged
		total.Cancelled += r.Cancelled
		total.Skipped += r.Skipped
		total.Todos += r.Todos
		total.Warnings = append(total.Warnings, r.Warnings...)
	}
	t.Logf("%d valid and spec files: %d new, %d updated, %d unchanged, %d cancelled, %d skipped, %d to-dos, %d warnings",
		len(files), total.New, total.Updated, total.Unchanged, total.Cancelled, total.Skipped, total.Todos, len(total.Warnings))
	// The broken files never crash the command: each is either read for
	// what it holds (exit 0, reported OK) or refused naming itself (exit 1).
	malformed, refused := corpusFiles(t, "malformed"), 0
	for _, file := range malformed {
		code, rep, errOut := importJSON(t, tempDB(t), file)
		switch {
		case code == 0 && len(rep) == 1 && rep[0].OK:
		case code == 1 && len(rep) == 1 && !rep[0].OK && strings.Contains(errOut, filepath.Base(file)):
			refused++
		default:
			t.Errorf("malformed %s: exit %d, %+v, %q; want 0 and read, or 1 and refused by name", file, code, rep, errOut)
		}
	}
	// Most of them cannot be read at all (14 of 20 today).
	if len(malformed) < 10 || refused < len(malformed)/2 {
		t.Errorf("%d of %d malformed files refused; want at least half", refused, len(malformed))
	}
}

func TestImportTwiceChangesNothing(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := icsFile(t, "series.ics", "METHOD:PUBLISH",
		"BEGIN:VEVENT", "UID:weekly@example.cn", "DTSTAMP:20261101T000000Z", "SEQUENCE:0",
		"DTSTART;TZID=Asia/Shanghai:20261123T090000", "DTEND;TZID=Asia/Shanghai:20261123T100000",
		"RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Asia/Shanghai:20261207T090000,20261214T090000",
		"SUMMARY:周一例会\\, 第一会议室", "END:VEVENT",
		"BEGIN:VEVENT", "UID:weekly@example.cn", "DTSTAMP:20261101T000000Z", "RECURRENCE-ID;TZID=Asia/Shanghai:20261130T090000",
		"DTSTART;TZID=Asia/Shanghai:20261130T140000", "DTEND;TZID=Asia/Shanghai:20261130T150000",
		"SUMMARY:周一例会（改在下午）", "END:VEVENT",
		"BEGIN:VTODO", "UID:todo@example.cn", "SUMMARY:准备讲话提纲", "DUE;VALUE=DATE:20261125", "PRIORITY:1", "END:VTODO",
		"BEGIN:VFREEBUSY", "UID:fb@example.cn", "END:VFREEBUSY")
	code, first, errOut := importJSON(t, db, file)
	if code != 0 || first[0].New != 2 || first[0].Todos != 1 || len(first[0].Warnings) == 0 {
		t.Fatalf("first import: exit %d, %+v, %q", code, first, errOut)
	}
	before := dump(t, db)
	code, second, _ := importJSON(t, db, file)
	if code != 0 || second[0].Unchanged != 2 || second[0].New+second[0].Updated+second[0].Cancelled != 0 || second[0].Todos != 0 {
		t.Fatalf("second import: exit %d, %+v", code, second)
	}
	if after := dump(t, db); after != before {
		t.Fatalf("importing the same file again changed the database:\nbefore %s\nafter %s", before, after)
	}
	var titles []string
	for _, it := range agenda(t, db, "--from", "2026-11-23", "--to", "2026-12-31") {
		titles = append(titles, it.Start[5:16]+" "+it.Title)
	}
	want := "11-23T09:00 周一例会, 第一会议室|11-30T14:00 周一例会（改在下午）|12-21T09:00 周一例会, 第一会议室|12-28T09:00 周一例会, 第一会议室"
	if strings.Join(titles, "|") != want {
		t.Fatalf("agenda %v\nwant %s", titles, want)
	}
}

func TestImportRequestThenCancelFreesTheSlot(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	anteroom(t, "--db", db, "demo", "--leader", "张书记", "--week", "2026-11-25")
	req := icsFile(t, "request.ics", invite("REQUEST", "visit-7@wecom.example.cn", 0, "20261127T140000", "会见客商")...)
	cancel := icsFile(t, "cancel.ics", invite("CANCEL", "visit-7@wecom.example.cn", 1, "20261127T140000", "会见客商")...)
	check := []string{"--db", db, "check", "--start", "2026-11-27 14:00", "--end", "2026-11-27 15:00", "--json"}
	if code, out, _ := anteroom(t, check...); code != 0 {
		t.Fatalf("the slot is not free to begin with: %s", out)
	}
	if code, rep, errOut := importJSON(t, db, req); code != 0 || rep[0].New != 1 {
		t.Fatalf("request: %d %+v %s", code, rep, errOut)
	}
	if code, out, _ := anteroom(t, check...); code != exitFindings || !strings.Contains(out, "会见客商") {
		t.Fatalf("the invitation does not hold its slot: exit %d %s", code, out)
	}
	if code, rep, errOut := importJSON(t, db, cancel); code != 0 || rep[0].Cancelled != 1 {
		t.Fatalf("cancel: %d %+v %s", code, rep, errOut)
	}
	if code, out, _ := anteroom(t, check...); code != 0 {
		t.Fatalf("the cancelled invitation still holds its slot: exit %d %s", code, out)
	}
	found := false
	for _, it := range agenda(t, db, "--from", "2026-11-27", "--to", "2026-11-27") {
		if it.Title == "会见客商" {
			found = it.Status == "cancelled"
		}
	}
	if !found {
		t.Fatal("the cancelled invitation is not kept as cancelled")
	}
	// A CANCEL for an item never imported is skipped with a reason.
	other := icsFile(t, "other.ics", invite("CANCEL", "nobody@example.cn", 0, "20261127T100000", "无")...)
	if code, rep, _ := importJSON(t, db, other); code != 0 || rep[0].Skipped != 1 || len(rep[0].Warnings) != 1 {
		t.Fatalf("unknown cancel: %d %+v", code, rep)
	}
}

func TestImportHigherSequenceUpdates(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	v0 := icsFile(t, "v0.ics", invite("REQUEST", "m@example.cn", 0, "20261124T090000", "专题会")...)
	v1 := icsFile(t, "v1.ics", invite("REQUEST", "m@example.cn", 1, "20261124T150000", "专题会（改期）")...)
	importJSON(t, db, v0)
	if code, rep, _ := importJSON(t, db, v1); code != 0 || rep[0].Updated != 1 {
		t.Fatalf("higher SEQUENCE: %d %+v", code, rep)
	}
	if code, rep, _ := importJSON(t, db, v0); code != 0 || rep[0].Unchanged != 1 || len(rep[0].Warnings) != 0 {
		t.Fatalf("older file again: %d %+v", code, rep)
	}
	items := agenda(t, db, "--from", "2026-11-24", "--to", "2026-11-24")
	if len(items) != 1 || items[0].Title != "专题会（改期）" || !strings.Contains(items[0].Start, "T15:00") || items[0].Sequence != 1 {
		t.Fatalf("after the update: %+v", items)
	}
}

func TestImportMalformedFileNamesFileAndLineAndChangesNothing(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	anteroom(t, "--db", db, "demo", "--leader", "张书记", "--week", "2026-11-25")
	bad := icsFile(t, "broken.ics", "BEGIN:VEVENT", "UID:b@x", "DTSTART:20261124T0900", "SUMMARY:坏", "END:VEVENT")
	good := icsFile(t, "good.ics", invite("REQUEST", "g@example.cn", 0, "20261126T160000", "好文件")...)
	agendaJSON := func() string {
		_, out, _ := anteroom(t, "--db", db, "agenda", "--json", "--from", "2026-11-01", "--to", "2026-12-31")
		return out
	}
	before, rows := agendaJSON(), dump(t, db)
	code, out, errOut := anteroom(t, "--db", db, "import", bad)
	if code != 1 || !strings.Contains(errOut, "broken.ics") || !regexp.MustCompile(`\b6\b`).MatchString(errOut) {
		t.Fatalf("malformed file: exit %d, stdout %q, stderr %q; want exit 1 naming the file and line 6", code, out, errOut)
	}
	if agendaJSON() != before || dump(t, db) != rows {
		t.Fatal("a file that cannot be read changed the database")
	}
	code, rep, errOut := importJSON(t, db, bad, good)
	if code != 1 || len(rep) != 2 || rep[0].OK || rep[0].Error == "" || !rep[1].OK || rep[1].New != 1 {
		t.Fatalf("bad and good file: exit %d, %+v, %q", code, rep, errOut)
	}
	if !strings.Contains(agendaJSON(), "好文件") {
		t.Fatal("the good file beside the bad one was not imported")
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	file := icsFile(t, "dry.ics", invite("REQUEST", "d@example.cn", 0, "20261124T090000", "试运行")...)
	code, out, errOut := anteroom(t, "--db", db, "import", "--dry-run", file)
	if code != 0 || !strings.Contains(out, "1") {
		t.Fatalf("dry run on an empty calendar: exit %d %q %q", code, out, errOut)
	}
	before := dump(t, db)
	if code, rep, _ := importJSON(t, db, "--dry-run", file); code != 0 || rep[0].New != 1 {
		t.Fatalf("dry run: %d %+v", code, rep)
	}
	if dump(t, db) != before {
		t.Fatal("--dry-run wrote to the database")
	}
	anteroom(t, "--db", db, "demo", "--week", "2026-11-25")
	before = dump(t, db)
	importJSON(t, db, "--dry-run", file)
	if dump(t, db) != before {
		t.Fatal("--dry-run wrote to the database")
	}
}

// exportFixture is a calendar with a sample week, a recurring series, a
// long Chinese title and a confidential meeting.
func exportFixture(t *testing.T) string {
	t.Helper()
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	for _, args := range [][]string{
		{"demo", "--leader", "张书记", "--week", "2026-11-25"},
		{"add", "--title", "全县安全生产暨防汛抗旱工作视频调度会议（各乡镇、各部门主要负责同志参加）", "--start", "2026-11-27 15:00", "--end", "2026-11-27 16:30", "--class", "public", "--force", "--reason", "test"},
		{"add", "--title", "周三学习会", "--start", "2026-11-25 07:30", "--end", "2026-11-25 08:00", "--rrule", "FREQ=WEEKLY;COUNT=4", "--force", "--reason", "test"},
		{"add", "--title", "绝密人事谈话", "--location", "小会议室", "--start", "2026-11-28 07:00", "--end", "2026-11-28 07:30", "--class", "confidential", "--force", "--reason", "test"},
	} {
		if code, _, errOut := anteroom(t, append([]string{"--db", db}, args...)...); code != 0 && code != exitFindings {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
	}
	return db
}

// export runs export and returns the file it wrote.
func export(t *testing.T, db string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export.ics")
	code, stdout, errOut := anteroom(t, append([]string{"--db", db, "export", "-o", out}, args...)...)
	if code != 0 || stdout != "" {
		t.Fatalf("export %v: exit %d %q %q", args, code, stdout, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// unfold joins folded lines (RFC 5545 §3.1).
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

// instants lists an agenda as sorted "start end title" lines.
func instants(items []agendaItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Start+" "+it.End+" "+it.Title+" "+it.Status)
	}
	sort.Strings(out)
	return out
}

func TestExportThenImportGivesTheSameCalendar(t *testing.T) {
	db := exportFixture(t)
	text := export(t, db, "--from", "2026-11-23", "--to", "2026-12-20", "--privacy", "full")
	for _, want := range []string{"METHOD:PUBLISH\r\n", "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n", "RRULE:FREQ=WEEKLY;COUNT=4\r\n", "X-WR-CALNAME:张书记\r\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the export lacks %q", want)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(line) > 75 || strings.Contains(line, "\n") {
			t.Fatalf("line not folded at 75 octets or not CRLF: %q", line)
		}
	}
	if strings.Count(text, "SUMMARY:周三学习会") != 1 {
		t.Error("the series is not exported once, as a series")
	}
	file := filepath.Join(t.TempDir(), "week.ics")
	if err := writeFile(file, text); err != nil {
		t.Fatal(err)
	}
	fresh := tempDB(t)
	if code, rep, errOut := importJSON(t, fresh, file); code != 0 || rep[0].Skipped != 0 {
		t.Fatalf("re-import: %d %+v %s", code, rep, errOut)
	}
	a := instants(agenda(t, db, "--from", "2026-11-23", "--to", "2026-12-20"))
	b := instants(agenda(t, fresh, "--from", "2026-11-23", "--to", "2026-12-20"))
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("re-imported calendar differs:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

func TestExportPrivacyNeverShowsAConfidentialTitle(t *testing.T) {
	db := exportFixture(t)
	const public = "全县安全生产暨防汛抗旱工作视频调度会议（各乡镇、各部门主要负责同志参加）"
	for _, level := range []string{"limited", "busy"} {
		text := unfold(export(t, db, "--from", "2026-11-23", "--to", "2026-11-29", "--privacy", level))
		if strings.Contains(text, "绝密人事谈话") || strings.Contains(text, "小会议室") {
			t.Errorf("%s export shows the confidential meeting", level)
		}
		if !strings.Contains(text, "SUMMARY:忙碌 / Busy") {
			t.Errorf("%s export has no busy item", level)
		}
		if strings.Contains(text, public) != (level == "limited") {
			t.Errorf("%s export: public title shown %v", level, strings.Contains(text, public))
		}
	}
	full := unfold(export(t, db, "--from", "2026-11-23", "--to", "2026-11-29", "--privacy", "full"))
	if !strings.Contains(full, "绝密人事谈话") {
		t.Error("a full export hides the confidential title")
	}
	// Standard output, and bad input.
	if code, out, _ := anteroom(t, "--db", db, "export", "--from", "2026-11-23", "--to", "2026-11-29"); code != 0 || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") {
		t.Fatalf("export to standard output: %d %q", code, out[:min(len(out), 40)])
	}
	for _, args := range [][]string{{"--from", "2026-11-23"}, {"--from", "2026-11-23", "--to", "2026-11-22"},
		{"--from", "2026-11-23", "--to", "2026-11-29", "--privacy", "secret"}, {"--from", "2026-11-23", "--to", "2026-11-29", "--leader", "无此人"}} {
		if code, _, errOut := anteroom(t, append([]string{"--db", db, "export"}, args...)...); code != 1 || errOut == "" {
			t.Errorf("export %v: exit %d %q", args, code, errOut)
		}
	}
}
