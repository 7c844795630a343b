package calendar

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	rrule "github.com/teambition/rrule-go"
)

// Expanding a window decades after DTSTART jumps there (fastForward, and a
// counted series bounded by its stored end): the occurrences must be those
// of rrule-go run plainly from DTSTART, EXDATEs taken out, for random
// weekly and daily rules with BYDAY, INTERVAL, COUNT and UNTIL.
func TestFarWindowsMatchPlainExpansion(t *testing.T) {
	sh := zone(t, "Asia/Shanghai")
	days := []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	rnd := rand.New(rand.NewPCG(14, 2026))
	for n := range 60 {
		start := time.Date(1990+rnd.IntN(30), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 7+rnd.IntN(12), 15*rnd.IntN(4), 0, 0, sh)
		rule := "FREQ=WEEKLY"
		if n%3 == 0 {
			rule = "FREQ=DAILY"
		}
		if k := rnd.IntN(3); k > 0 {
			rule += ";INTERVAL=" + strconv.Itoa(1+k)
		}
		if n%3 != 0 && rnd.IntN(2) == 0 {
			// DTSTART's own weekday first, so it is an occurrence and COUNT
			// counts the same for rrule-go as for RFC 5545.
			by := []string{days[(int(start.Weekday())+6)%7]}
			for _, d := range days {
				if d != by[0] && rnd.IntN(3) == 0 {
					by = append(by, d)
				}
			}
			rule += ";BYDAY=" + strings.Join(by, ",")
		}
		switch rnd.IntN(3) {
		case 0:
			rule += ";COUNT=" + strconv.Itoa(200+rnd.IntN(2000))
		case 1:
			rule += ";UNTIL=" + start.AddDate(5+rnd.IntN(30), 0, 0).UTC().Format("20060102T150405Z")
		}
		e := series(rule, start, 45*time.Minute)
		for range 1 + rnd.IntN(40) {
			// an EXDATE on some occurrence within the first decades
			wk := rnd.IntN(52 * 30)
			e.ExDates = append(e.ExDates, start.AddDate(0, 0, 7*wk))
		}
		if err := SetSeriesEnd(&e, sh); err != nil {
			t.Fatalf("%s: %v", rule, err)
		}
		r := mustRecurrence(t, e, sh)
		all := plainAll(t, e, sh, start.AddDate(45, 0, 0))
		for range 6 {
			from := start.AddDate(0, 0, rnd.IntN(40*365))
			from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, sh)
			to := from.AddDate(0, 0, 7)
			got, err := r.between(from, to)
			if err != nil {
				t.Fatalf("%s: %v", rule, err)
			}
			want := []time.Time{}
			for _, s := range all {
				if s.Before(to) && s.Add(45*time.Minute).After(from) {
					want = append(want, s)
				}
			}
			if !slices.EqualFunc(got, want, time.Time.Equal) {
				t.Errorf("%s from %v, week of %v:\n got %v\nwant %v", rule, start, from.Format(time.DateOnly), got, want)
			}
		}
	}
}

// plainAll is the series e by rrule-go from DTSTART, with its COUNT and
// UNTIL as written, up to limit, less the EXDATEs: no jump, no stored end.
func plainAll(t *testing.T, e Engagement, loc *time.Location, limit time.Time) []time.Time {
	t.Helper()
	ru, err := parseRule(e.RRule)
	if err != nil {
		t.Fatal(err)
	}
	opt := ru.opt
	dtF := floating(e.Start, loc)
	opt.Dtstart = dtF
	opt.Until = floating(limit, loc)
	if ru.untilUTC { // the rules made here end in UTC
		opt.Until = floating(ru.untilF, loc)
	}
	rr, err := rrule.NewRRule(opt)
	if err != nil {
		t.Fatal(err)
	}
	var out []time.Time
	for _, f := range rr.All() {
		s := time.Date(f.Year(), f.Month(), f.Day(), f.Hour(), f.Minute(), f.Second(), 0, loc)
		if !slices.ContainsFunc(e.ExDates, s.Equal) {
			out = append(out, s)
		}
	}
	return out
}
