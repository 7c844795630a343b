package ics_test

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar/ics"
)

// corpusEntry is one row of the corpus manifest.
type corpusEntry struct {
	file   string // path relative to the corpus directory
	expect string // valid, spec or malformed
}

// corpusDir finds ../shared/ics-corpus beside the module root, or skips.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "ics-corpus")
	if _, err := os.Stat(filepath.Join(corpus, "manifest.tsv")); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("iCalendar corpus not found at %s (CI is set, so it must be there): %v", corpus, err)
		}
		tb.Skipf("iCalendar corpus not found at %s: %v", corpus, err)
	}
	return corpus
}

// readManifest reads manifest.tsv: file, expect, repository, path, commit.
func readManifest(tb testing.TB, dir string) []corpusEntry {
	tb.Helper()
	f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []corpusEntry
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 2 {
			continue
		}
		out = append(out, corpusEntry{file: cols[0], expect: cols[1]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// malformedLine gives, for each deliberately broken corpus file, the line
// its *ParseError names, or 0 when the file is read: its damage is one a
// warning covers (an unknown zone, an unreadable DTSTAMP, an empty
// calendar), is in a component that is not imported (boeing's VFREEBUSY),
// or changes nothing (EXDATEs before the series starts, which Google's
// split series also write).
var malformedLine = map[string]int{
	"ical4j/boeing.ics":                                    0,
	"khal/event_dt_rrule_invalid_until.ics":                0,
	"khal/event_invalid_exdate.ics":                        0,
	"khal/invalid_tzoffset.ics":                            9,
	"libical/issue251.ics":                                 11,
	"libical/malloc.ics":                                   2,
	"node-ical/badRRULE.ics":                               50,
	"node-ical/bad_custom_ms_tz.ics":                       0,
	"node-ical/germany_at_end_of_day_repeating.ics":        0,
	"node-ical/large-file-with-late-error.ics":             360,
	"python-icalendar/big_bad_calendar.ics":                41,
	"python-icalendar/bom_calendar.ics":                    0,
	"python-icalendar/broken_ical.ics":                     4,
	"python-icalendar/fuzz_testcase_vtimezone_lone_cr.ics": 2,
	"python-icalendar/invalid_duration.ics":                8,
	"python-icalendar/issue_104_broken_calendar.ics":       13,
	"python-icalendar/issue_1081_invalid_rrule_freq.ics":   7,
	"python-icalendar/parsing_error_in_UTC_offset.ics":     7,
	"python-icalendar/timezone_same_start_and_offset.ics":  23,
	"ruby-icalendar/single_event_bad_line.ics":             20,
}

// TestCorpus reads every file of the corpus: valid and spec files without
// error, malformed ones as malformedLine says; nothing panics.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	entries := readManifest(t, dir)
	counts := map[string]int{}
	var events, todos, skipped, warnings int
	for _, e := range entries {
		path := filepath.Join(dir, e.file)
		cal, err := ics.DecodeFile(path, ics.Options{Zone: shanghai})
		var pe *ics.ParseError
		if errors.Is(err, ics.ErrInternal) && errors.As(err, &pe) {
			t.Fatalf("%s: %v\n%s", e.file, err, pe.Stack)
		}
		wantLine, known := malformedLine[e.file]
		if e.expect == "malformed" && !known {
			t.Errorf("%s: malformed file missing from malformedLine", e.file)
		}
		if err != nil {
			if !errors.As(err, &pe) {
				t.Errorf("%s: error is %T, not *ParseError: %v", e.file, err, err)
				continue
			}
			counts[e.expect+" → error"]++
			t.Logf("%-9s %v", e.expect, strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)))
			switch {
			case e.expect != "malformed":
				t.Errorf("%s (%s): %v", e.file, e.expect, err)
			case pe.File != path || pe.Line != wantLine || pe.Key == "" || pe.Reason == "":
				t.Errorf("%s: error %+v, want file %s line %d", e.file, pe, path, wantLine)
			}
			continue
		}
		n := len(cal.Warnings) + len(cal.Skipped)
		for _, ev := range cal.Events {
			n += len(ev.Warnings)
		}
		for _, td := range cal.Todos {
			n += len(td.Warnings)
		}
		events += len(cal.Events)
		todos += len(cal.Todos)
		skipped += len(cal.Skipped)
		warnings += n - len(cal.Skipped)
		outcome := "read"
		if n > 0 {
			outcome = "read with warnings or skipped parts"
		}
		counts[e.expect+" → "+outcome]++
		if e.expect == "malformed" {
			t.Logf("%-9s %s: read, %d warnings and skipped parts", e.expect, e.file, n)
			if wantLine != 0 {
				t.Errorf("%s: read, want an error on line %d", e.file, wantLine)
			}
		}
	}
	t.Logf("%d files: %v", len(entries), counts)
	t.Logf("%d events, %d to-dos, %d skipped components, %d warnings", events, todos, skipped, warnings)
}
