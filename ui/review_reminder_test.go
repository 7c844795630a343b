package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// The reminder is driven by its clock, never by waiting: each check is one
// look at the time the test sets.
func TestReminderFiresOnFridayAfternoonForAnUnreviewedWeekOnly(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	now := friday16
	r := newReviewReminder(d.rv, func() time.Time { return now }, fyne.CurrentApp().SendNotification)
	want := fyne.NewNotification(tr("Friday review"), lang.L("This week of {{.Leaders}} is not reviewed yet: Week → Friday review…", map[string]any{"Leaders": "张书记"}))

	for _, at := range []time.Time{
		time.Date(2026, 11, 27, 10, 0, 0, 0, monday10.Location()), // Friday morning
		time.Date(2026, 11, 26, 16, 0, 0, 0, monday10.Location()), // Thursday afternoon
		time.Date(2026, 11, 28, 16, 0, 0, 0, monday10.Location()), // Saturday
	} {
		now = at
		test.AssertNotificationSent(t, nil, func() {
			if sent, err := r.check(ctx); sent || err != nil {
				t.Errorf("%v: reminded (%v, %v)", at, sent, err)
			}
		})
	}

	now = friday16
	test.AssertNotificationSent(t, want, func() {
		if sent, err := r.check(ctx); !sent || err != nil {
			t.Errorf("Friday 16:00: not reminded (%v)", err)
		}
	})
	// Ten minutes on: reminded once is enough.
	now = friday16.Add(reminderEvery)
	test.AssertNotificationSent(t, nil, func() {
		if sent, _ := r.check(ctx); sent {
			t.Error("reminded twice the same afternoon")
		}
	})

	// A reviewed week needs no reminder, even for a reminder that never sent one.
	if _, err := d.rv.CloseReview(ctx, d.leader.ID, w48, "", "秘书甲", true); err != nil {
		t.Fatal(err)
	}
	fresh := newReviewReminder(d.rv, func() time.Time { return friday16 }, fyne.CurrentApp().SendNotification)
	test.AssertNotificationSent(t, nil, func() {
		if sent, _ := fresh.check(ctx); sent {
			t.Error("reminded of a reviewed week")
		}
	})

	// Next Friday the new week is due again.
	now = friday16.AddDate(0, 0, 7)
	test.AssertNotificationSent(t, want, func() { r.check(ctx) })
}
