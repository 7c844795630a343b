package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// reminderEvery is how often an open app looks whether a week wants
// reviewing; the reminder comes at most this long after 14:00 on Friday.
const reminderEvery = 10 * time.Minute

// reviewReminder sends a desktop notification on the review day's
// afternoon (calendar.ReviewsDue: Friday from 14:00, in an ordinary week)
// naming the leaders whose week is not reviewed yet. It reminds once per
// leader and week while the app runs: a secretary who has read it and
// not reviewed yet knows.
type reviewReminder struct {
	svc    *review.Service
	now    func() time.Time
	notify func(*fyne.Notification)

	mu   sync.Mutex
	sent map[int64]calendar.Week // leader → the week last reminded of
}

func newReviewReminder(svc *review.Service, now func() time.Time, notify func(*fyne.Notification)) *reviewReminder {
	return &reviewReminder{svc: svc, now: now, notify: notify, sent: map[int64]calendar.Week{}}
}

// check looks once, and notifies when a leader's week is due and was not
// reminded of yet. It reports whether it notified.
func (r *reviewReminder) check(ctx context.Context) (bool, error) {
	now := r.now()
	due, err := r.svc.ReviewsDue(ctx, now)
	if err != nil {
		return false, err
	}
	r.mu.Lock()
	var names []string
	for _, l := range due {
		loc, err := l.Location()
		if err != nil {
			continue
		}
		w := calendar.WeekOf(calendar.DateOf(now.In(loc)))
		if r.sent[l.ID] == w {
			continue
		}
		r.sent[l.ID] = w
		names = append(names, l.Name)
	}
	r.mu.Unlock()
	if len(names) == 0 {
		return false, nil
	}
	r.notify(fyne.NewNotification(lang.L("Friday review"),
		lang.L("This week of {{.Leaders}} is not reviewed yet: Week → Friday review…", map[string]any{"Leaders": strings.Join(names, lang.X("review.list_sep", ", "))})))
	return true, nil
}

// startReviewReminder looks at once and then every reminderEvery while
// the app runs, on a goroutine of its own; the notification is sent on
// the UI goroutine. The returned func stops it.
func startReviewReminder(a fyne.App, svc *review.Service, now func() time.Time) (stop func()) {
	r := newReviewReminder(svc, now, func(n *fyne.Notification) { fyne.Do(func() { a.SendNotification(n) }) })
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		tick := time.NewTicker(reminderEvery)
		defer tick.Stop()
		for {
			if _, err := r.check(ctx); err != nil && ctx.Err() == nil {
				fyne.LogError("review reminder", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return cancel
}
