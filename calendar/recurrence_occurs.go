package calendar

import "time"

// occursIn reports whether the series has an occurrence that meets
// [from, to): between's test, stopped at the first occurrence found. An
// export asks it of every series whose span meets its days, where between
// listed all their occurrences (an open-ended weekly series over the
// three years of an export: 180 of them) only to see whether there was one.
func (r *recurrence) occursIn(from, to time.Time) (bool, error) {
	meets := func(s time.Time) bool {
		return s.Before(to) && r.end(s).After(from) && !r.exclude[s.Unix()]
	}
	if meets(r.start) {
		return true, nil
	}
	for _, d := range r.rdates {
		if meets(d) {
			return true, nil
		}
	}
	if r.rule == nil {
		return false, nil
	}
	// between's window, margins and all
	lo := from.Add(-r.dur).AddDate(0, 0, -r.days)
	fromF := floating(lo, r.loc).Add(-36 * time.Hour)
	toF := floating(to, r.loc).Add(36 * time.Hour)
	found := false
	err := r.ruleStarts(fromF, toF, func(f time.Time) bool {
		found = meets(r.unfloat(f))
		return !found
	})
	if found {
		return true, nil
	}
	return false, err
}
