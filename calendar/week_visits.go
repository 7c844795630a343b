package calendar

import "time"

// WeekVisitsIn counts what WeekVisits counts, the visits (cancelled ones
// aside) that start in the ISO week holding day, in items the caller has
// already read: a window showing that whole week need not read it again.
// items must hold every engagement of the week (Agenda over it or more).
func WeekVisitsIn(items []Engagement, day Date, loc *time.Location) int {
	week := WeekStart(day)
	from, to := week.In(loc).Unix(), week.AddDays(7).In(loc).Unix()
	n := 0
	for i := range items {
		e := &items[i]
		if e.Kind != KindVisit || e.Cancelled() {
			continue
		}
		if s := e.Start.Unix(); s >= from && s < to {
			n++
		}
	}
	return n
}
