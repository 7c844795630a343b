package calendar

import "time"

// pastFinding warns when c is booked into time already gone: new, or its
// start moved, and starting before now. An all-day item is in the past
// only from the day after. Editing an old engagement's notes without
// moving it says nothing. It is a warning: the secretary may be recording
// what happened.
func pastFinding(c Engagement, moved bool, now time.Time, loc *time.Location) (Finding, bool) {
	if !moved {
		return Finding{}, false
	}
	past := c.Start.Before(now)
	if c.AllDay {
		past = c.StartDay.Before(DateOf(now.In(loc)))
	}
	if !past {
		return Finding{}, false
	}
	return Finding{Rule: RulePast, Severity: SeverityWarn, Code: "conflict.past", At: c.Start, loc: loc, date: DateOf(c.Start.In(loc))}, true
}
