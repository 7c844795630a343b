package ics

import "anteroom/calendar"

// HolidayItems reads a holiday calendar, such as the PRC's published by
// date: every all-day event is a day off or, when its title says so (上班,
// 补班), a make-up workday. Timed events are not holidays and are left out;
// the count of them is returned so the caller can say so.
func HolidayItems(cal *Calendar) (items []calendar.HolidayItem, timed int) {
	for _, e := range cal.Events {
		if !e.AllDay || e.Status == calendar.StatusCancelled {
			timed++
			continue
		}
		items = append(items, calendar.HolidayItem{Start: e.StartDay, End: e.EndDay, Title: e.Summary,
			Workday: calendar.IsMakeUpWorkday(e.Summary)})
	}
	return items, timed
}
