package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

// TestVTimezoneExport writes the VTIMEZONE of zones with awkward
// histories, reads it back with the reader's own VTIMEZONE evaluation,
// and checks every offset over the exported span and the years after,
// where the RRULEs carry on.
func TestVTimezoneExport(t *testing.T) {
	zones := []string{"America/New_York", "Europe/London", "Australia/Sydney", "Asia/Shanghai", "Asia/Kolkata",
		"America/Sao_Paulo", "Pacific/Chatham", "Africa/Casablanca", "Europe/Moscow", "Asia/Tehran", "Australia/Lord_Howe", "America/Santiago"}
	from := time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range zones {
		t.Run(name, func(t *testing.T) {
			loc, ok := loadIANA(name)
			if !ok {
				t.Skip("zone not installed")
			}
			var buf bytes.Buffer
			cal := goical.NewCalendar()
			setRaw(cal.Props, goical.PropVersion, "2.0")
			setRaw(cal.Props, goical.PropProductID, ProdID)
			cal.Children = append(cal.Children, vtimezoneComponent(loc, from, to))
			fw := newFoldingWriter(&buf)
			if err := goical.NewEncoder(fw).Encode(cal); err != nil {
				t.Fatal(err)
			}
			if err := fw.Flush(); err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(buf.String(), "TZID:"+name, "TZID:exported")
			d := &decoder{cal: &Calendar{}, lines: newLineReader(text), res: newResolver(nil)}
			if err := d.run(); err != nil {
				t.Fatal(err)
			}
			v := d.res.vtz["exported"]
			if v == nil {
				t.Fatal("no VTIMEZONE read back")
			}
			fz, err := v.evaluate("exported")
			if err != nil {
				t.Fatal(err)
			}
			end := to
			if name == "America/New_York" || name == "Europe/London" || name == "Australia/Sydney" {
				end = to.AddDate(10, 0, 0) // the RRULEs go on
			}
			if !sameOffsets(fz.loc, loc, from, end) {
				t.Errorf("offsets differ between %v and %v:\n%s", from, end, buf.String())
			}
			if strings.Count(buf.String(), "BEGIN:STANDARD")+strings.Count(buf.String(), "BEGIN:DAYLIGHT") > 40 {
				t.Errorf("VTIMEZONE has too many observances:\n%s", buf.String())
			}
		})
	}
}

// TestFolding checks every written line: at most 75 octets, CRLF, no
// character split, and unfolding gives back the line.
func TestFolding(t *testing.T) {
	var buf bytes.Buffer
	lw := newLineWriter(&buf)
	long := strings.Repeat("市委常委会议纪要，", 30) + strings.Repeat("a", 200) + strings.Repeat("é", 100)
	for _, s := range []string{long, strings.Repeat("x", 74), strings.Repeat("x", 75), strings.Repeat("x", 76), "短"} {
		buf.Reset()
		lw.textProp("DESCRIPTION", s)
		if err := lw.flush(); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("no CRLF at the end: %q", out)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > maxLineOctets {
				t.Errorf("line of %d octets: %q", len(l), l)
			}
			if !utf8Valid(l) {
				t.Errorf("line splits a character: %q", l)
			}
		}
		if got := readAllLines(out); len(got) != 1 || unescapeText(strings.TrimPrefix(got[0].text, "DESCRIPTION:")) != s {
			t.Errorf("unfolded %+v", got)
		}
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
