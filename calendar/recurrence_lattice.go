package calendar

import (
	"time"

	rrule "github.com/teambition/rrule-go"
)

// Most series repeat one wall-clock time every INTERVAL days or weeks:
// FREQ=DAILY or WEEKLY with no BYxxx part of their own, so that
// explicitDefaults pins DTSTART's weekday and time. Their starts are
// DTSTART plus whole steps of INTERVAL days or weeks, in floating time
// where every day has 24 hours; counting them out costs nothing next to
// making rrule-go's iterator, which a week at a million stored and a
// preview's check windows did for every series they met.

// latticeParts are the parts a rule may have and still be a lattice.
var latticeParts = map[string]bool{"FREQ": true, "INTERVAL": true, "COUNT": true, "UNTIL": true, "WKST": true}

// latticeStep returns the seconds between the rule's starts when it is
// a lattice, 0 when rrule-go must expand it.
func (r *recurrence) latticeStep() int64 {
	if r.rule == nil {
		return 0
	}
	for part := range r.rule.parts {
		if !latticeParts[part] {
			return 0
		}
	}
	n := int64(max(r.opt.Interval, 1))
	switch r.opt.Freq {
	case rrule.DAILY:
		return n * 86400
	case rrule.WEEKLY:
		return n * 7 * 86400
	}
	return 0
}

// latticeIter returns what rruleIter returns for a lattice rule: its
// starts from first to toF (floating UTC, both included); false for a
// rule that is not a lattice. A start lies on the lattice through
// DTSTART; fastForward moved first back by whole periods, so the lattice
// points from first on are the rule's.
func (r *recurrence) latticeIter(first, toF time.Time) (func() (time.Time, bool), bool) {
	step := r.latticeStep()
	if step == 0 {
		return nil, false
	}
	at := r.dtF.Unix()
	if gap := first.Unix() - at; gap > 0 {
		at += (gap + step - 1) / step * step // the first point not before first
	}
	end := toF.Unix()
	return func() (time.Time, bool) {
		if at > end {
			return time.Time{}, false
		}
		t := time.Unix(at, 0).UTC()
		at += step
		return t, true
	}, true
}
