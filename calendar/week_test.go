package calendar_test

import (
	"errors"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// weekCases seed FuzzParseWeek as well.
var weekCases = []struct {
	in     string
	monday string // "" when refused
	code   string // the problem's code when refused
}{
	{"2026-W48", "2026-11-23", ""},
	{"2026W48", "2026-11-23", ""},
	{"2026-w01", "2025-12-29", ""}, // week 1 holds 4 January, here starting in December
	{"2026-W53", "2026-12-28", ""}, // 2026 begins on a Thursday: 53 weeks
	{"2020-W53", "2020-12-28", ""},
	{" 2027-W01 ", "2027-01-04", ""},
	{"2026-W54", "", "review.week_range"},
	{"2027-W53", "", "review.week_range"}, // 2027 has 52
	{"2026-W00", "", "review.week_range"},
	{"2026-48", "", "review.week_format"},
	{"W48", "", "review.week_format"},
	{"2026-W4", "", "review.week_format"},
	{"", "", "review.week_format"},
	{"２０２６-W48", "", "review.week_format"}, // full-width digits are not ISO 8601
}

func TestParseWeek(t *testing.T) {
	for _, c := range weekCases {
		w, err := calendar.ParseWeek(c.in)
		if c.monday == "" {
			var ve *calendar.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, calendar.ErrInvalid) {
				t.Errorf("ParseWeek(%q) = %v, %v; want a validation error", c.in, w, err)
				continue
			}
			if p, ok := ve.Field("week"); !ok || p.Code != c.code {
				t.Errorf("ParseWeek(%q): problems %+v, want %s on week", c.in, ve.Problems, c.code)
			}
			continue
		}
		if err != nil || w.Monday().String() != c.monday {
			t.Errorf("ParseWeek(%q) = %v (Monday %s), %v; want Monday %s", c.in, w, w.Monday(), err, c.monday)
		}
	}
}

func TestWeekArithmetic(t *testing.T) {
	cases := []struct {
		day  calendar.Date
		week string
	}{
		{calendar.NewDate(2026, 11, 23), "2026-W48"},
		{calendar.NewDate(2026, 11, 29), "2026-W48"},
		{calendar.NewDate(2026, 11, 30), "2026-W49"},
		{calendar.NewDate(2027, 1, 1), "2026-W53"}, // the ISO year lags the calendar year
		{calendar.NewDate(2025, 12, 29), "2026-W01"},
	}
	for _, c := range cases {
		w := calendar.WeekOf(c.day)
		if w.String() != c.week || !w.Contains(c.day) || w.Contains(w.Monday().AddDays(7)) {
			t.Errorf("WeekOf(%s) = %s, want %s", c.day, w, c.week)
		}
	}
	w, _ := calendar.ParseWeek("2026-W53")
	if got := w.Next().String(); got != "2027-W01" {
		t.Errorf("the week after 2026-W53 is %s", got)
	}
	if got := w.AddWeeks(-5).String(); got != "2026-W48" {
		t.Errorf("five weeks before 2026-W53 is %s", got)
	}
	from, to := w.Span(shanghai)
	if to.Sub(from) != 7*24*time.Hour || from.Weekday() != time.Monday || from.Hour() != 0 {
		t.Errorf("span of %s: %v – %v", w, from, to)
	}
}

// FuzzParseWeek: whatever parses prints back as itself, normalized, and
// is a real week.
func FuzzParseWeek(f *testing.F) {
	for _, c := range weekCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := calendar.ParseWeek(s)
		if err != nil {
			return
		}
		if !w.Valid() {
			t.Fatalf("%q parsed as %v, which does not exist", s, w)
		}
		again, err := calendar.ParseWeek(w.String())
		if err != nil || again != w || calendar.WeekOf(w.Monday()) != w {
			t.Fatalf("%q → %v → %v, %v", s, w, again, err)
		}
	})
}

func TestItemRefs(t *testing.T) {
	occ := time.Date(2026, 11, 25, 9, 0, 0, 0, shanghai)
	cases := []struct {
		in   string
		want review.ItemRef
		text string
	}{
		{"E12", review.ItemRef{Kind: review.RefEngagement, ID: 12}, "E12"},
		{"e12", review.ItemRef{Kind: review.RefEngagement, ID: 12}, "E12"},
		{"M3", review.ItemRef{Kind: review.RefMaterial, ID: 3}, "M3"},
		{"T5", review.ItemRef{Kind: review.RefToSchedule, ID: 5}, "T5"},
		{"S7@2026-11-25T09:00", review.ItemRef{Kind: review.RefOccurrence, ID: 7, At: occ}, "S7@2026-11-25T09:00"},
		{"S7@2026-11-25 09:00", review.ItemRef{Kind: review.RefOccurrence, ID: 7, At: occ}, "S7@2026-11-25T09:00"},
		{"S7@20261125T010000Z", review.ItemRef{Kind: review.RefOccurrence, ID: 7, At: occ}, "S7@2026-11-25T09:00"},
		{"S7@2026-11-25T09:00:00+08:00", review.ItemRef{Kind: review.RefOccurrence, ID: 7, At: occ}, "S7@2026-11-25T09:00"},
	}
	for _, c := range cases {
		r, err := review.ParseItemRef(c.in, shanghai)
		if err != nil || !r.Same(c.want) || r.Text(shanghai) != c.text {
			t.Errorf("ParseItemRef(%q) = %+v (%s), %v; want %s", c.in, r, r.Text(shanghai), err, c.text)
			continue
		}
		if k, err := review.ParseKey(r.Key()); err != nil || !k.Same(r) {
			t.Errorf("key %s of %q reads back as %+v, %v", r.Key(), c.in, k, err)
		}
	}
	for _, bad := range []string{"", "E", "E0", "E-1", "X12", "12", "S7", "S7@", "S7@tomorrow", "Sx@2026-11-25T09:00"} {
		if _, err := review.ParseItemRef(bad, shanghai); !errors.Is(err, calendar.ErrInvalid) {
			t.Errorf("ParseItemRef(%q) = %v, want ErrInvalid", bad, err)
		}
	}
}
