package review

import (
	"context"
	"time"

	"anteroom/calendar"
)

// ReminderHour is when the Friday afternoon begins, in the leader's zone:
// from then on an open app reminds the secretary of a week not reviewed.
const ReminderHour = 14

// ReviewDay returns the day of w the review falls on: the last working
// day of the week by the leader's available time, Friday in an ordinary
// week, Saturday when a make-up workday (调休) falls there, Thursday when
// Friday is a holiday; Friday when the week has no working day at all.
func ReviewDay(w calendar.Week, a calendar.Availability) calendar.Date {
	for d := w.Sunday(); !d.Before(w.Monday()); d = d.AddDays(-1) {
		if len(a.HoursOn(d)) > 0 {
			return d
		}
	}
	return w.Monday().AddDays(4)
}

// ReminderDue reports whether now, in loc, is the afternoon of the review
// day of its week (see ReviewDay) or later that day.
func ReminderDue(now time.Time, loc *time.Location, a calendar.Availability) bool {
	t := now.In(loc)
	day := calendar.DateOf(t)
	return day == ReviewDay(calendar.WeekOf(day), a) && t.Hour() >= ReminderHour
}

// ReviewsDue returns the leaders whose week, at now, wants reviewing and
// is not: it is their review day's afternoon (ReminderDue) and their
// review of the week is not closed.
func (s *Service) ReviewsDue(ctx context.Context, now time.Time) ([]calendar.Leader, error) {
	leaders, err := s.store.Leaders(ctx)
	if err != nil {
		return nil, err
	}
	var due []calendar.Leader
	for _, l := range leaders {
		loc, err := l.Location()
		if err != nil {
			return nil, err
		}
		a, err := s.book.Availability(ctx, l.ID)
		if err != nil {
			return nil, err
		}
		if !ReminderDue(now, loc, a) {
			continue
		}
		done, err := s.Reviewed(ctx, l.ID, calendar.WeekOf(calendar.DateOf(now.In(loc))))
		if err != nil {
			return nil, err
		}
		if !done {
			due = append(due, l)
		}
	}
	return due, nil
}
