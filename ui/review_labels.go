package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// reviewWeekTitle names a review's week: its dates and ISO week.
func reviewWeekTitle(w calendar.Week) string {
	return weekTitle(w.Monday()) + " · " + w.String()
}

// itemWhen says when an item of the review is, or what it is when it has
// no time: briefing materials and their state, an entry to schedule.
func itemWhen(it review.ReviewItem, loc *time.Location) string {
	switch it.Ref.Kind {
	case review.RefMaterial:
		if it.Material.State == "" {
			return lang.L("Briefing materials")
		}
		return lang.L("Briefing materials") + " · " + materialStateLabel(it.Material.State)
	case review.RefToSchedule:
		return lang.L("To schedule") + " · " + kindLabel(it.Engagement.Kind)
	}
	e := it.Engagement
	if e.AllDay {
		return dayHeader(e.StartDay) + " " + lang.L("All day")
	}
	return dayHeader(calendar.DateOf(e.Start.In(loc))) + " " + clock(e.Start.In(loc)) + "–" + clock(e.End.In(loc))
}

// carriedText is the count of an item's carries: ×2, flagged ‼ from
// three on.
func carriedText(it review.ReviewItem) string {
	n := it.CarriedTimes()
	switch {
	case n == 0:
		return ""
	case it.StandsOut():
		return "‼ ×" + strconv.Itoa(n)
	}
	return "×" + strconv.Itoa(n)
}

// carriedImportance makes an item carried three times or more stand out.
func carriedImportance(it review.ReviewItem) widget.Importance {
	if it.StandsOut() {
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// carryPlace says where a carried item went: a time, or the list.
type carryPlace struct {
	over   review.CarryOver
	booked *calendar.Engagement // nil unless booked and still there
}

// outcomeText says what the review decided of an item, and its note.
func outcomeText(it review.ReviewItem, place *carryPlace, loc *time.Location) string {
	if it.Mark == nil {
		return lang.L("To decide")
	}
	s := lang.L("Done")
	if it.Mark.Outcome == review.OutcomeCarried {
		s = lang.L("Carried over")
		switch {
		case it.Ref.Kind == review.RefMaterial:
			s += " · " + lang.L("stays open")
		case place != nil && place.booked != nil:
			b := place.booked
			if b.AllDay {
				s += " → " + dayHeader(b.StartDay)
			} else {
				s += " → " + dayHeader(calendar.DateOf(b.Start.In(loc))) + " " + clock(b.Start.In(loc))
			}
		case place != nil && place.over.State == review.CarryToSchedule:
			s += " → " + lang.L("to-schedule list") + " (" + place.over.Ref().Key() + ")"
		}
	}
	if it.Mark.Note != "" {
		s += ": " + it.Mark.Note
	}
	return s
}

// outcomeImportance colours a decision: done recedes, a carry warns,
// what waits for a decision is plain.
func outcomeImportance(it review.ReviewItem) widget.Importance {
	switch {
	case it.Mark == nil:
		return widget.MediumImportance
	case it.Mark.Outcome == review.OutcomeDone:
		return widget.SuccessImportance
	}
	return widget.WarningImportance
}

// recordText describes a closed review.
func recordText(r review.ReviewRecord, loc *time.Location) string {
	return lang.L("Reviewed {{.When}} by {{.Who}}: {{.Done}} done, {{.Carried}} carried over, {{.Archived}} briefing materials filed. The review can be read, not changed.",
		map[string]any{"When": longDate(calendar.DateOf(r.Closed.In(loc))) + " " + clock(r.Closed.In(loc)), "Who": r.By,
			"Done": r.Done, "Carried": r.Carried, "Archived": r.Archived})
}

// slotText names an offered slot: its day and time, or its days.
func slotText(s calendar.Slot, allDay bool, loc *time.Location) string {
	start := s.Start.In(loc)
	if allDay {
		last := calendar.DateOf(s.End.In(loc)).AddDays(-1)
		if last == calendar.DateOf(start) {
			return longDate(last) + " · " + lang.L("All day")
		}
		return longDate(calendar.DateOf(start)) + " – " + longDate(last)
	}
	return longDate(calendar.DateOf(start)) + " " + clock(start) + "–" + clock(s.End.In(loc))
}
