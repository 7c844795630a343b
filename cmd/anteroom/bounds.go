package main

import (
	"flag"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// What the command line asks to confirm with --force: a booking of
// unusual length or distance, a review decision far from this week (the
// bounds are calendar's). Each refusal names the flag to check.

// checkBookingBounds refuses, unless forced, an engagement longer than a
// month or starting more than five years from now.
func checkBookingBounds(sl slot, now time.Time, forced bool) error {
	if forced {
		return nil
	}
	if calendar.UnusuallyLong(sl.start, sl.end) {
		return fmt.Errorf("%w: --end %s: %s", errUsage, sl.end.In(sl.loc).Format("2006-01-02 15:04"),
			lang.L("the engagement would last {{.Days}} days, more than {{.Max}}; check --start and --end, or add --force --reason to book it anyway",
				map[string]any{"Days": int(sl.end.Sub(sl.start).Hours() / 24), "Max": int(calendar.LongestUsualEngagement.Hours() / 24)}))
	}
	if calendar.UnusuallyFar(sl.start, now) {
		return fmt.Errorf("%w: --start %s: %s", errUsage, sl.start.In(sl.loc).Format("2006-01-02 15:04"),
			lang.L("is more than five years from today; check --start, or add --force --reason to book it anyway"))
	}
	return nil
}

// reviewForceFlag declares --force of done, carry and close.
func reviewForceFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("force", false, lang.L("decide on a review more than a year from this week"))
}

// checkReviewWeek refuses, unless forced, a review week more than a year
// from this week.
func checkReviewWeek(w, this calendar.Week, forced bool) error {
	if forced || !calendar.UnusualReviewWeek(w, this) {
		return nil
	}
	return fmt.Errorf("%w: --week %s: %s", errUsage, w,
		lang.L("is more than a year from this week, {{.This}}; check --week, or add --force to decide on it anyway", map[string]any{"This": this.String()}))
}
