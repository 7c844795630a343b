package share

import (
	"context"
	"fmt"
	"slices"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// dropMissingOverrides deletes the overrides of uid held here that the
// server's object no longer has (another desk put the occurrence back as
// the series has it), so the occurrence follows its series again. It
// returns how many it deleted.
func dropMissingOverrides(ctx context.Context, tx Store, svc *calendar.Service, uid string, items []imports.Incoming) (int, error) {
	var kept []time.Time
	for _, in := range items {
		if in.Engagement.UID == uid && !in.Engagement.RecurrenceID.IsZero() {
			kept = append(kept, in.Engagement.RecurrenceID)
		}
	}
	rows, err := tx.ObjectRows(ctx, uid)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range rows {
		if r.SeriesID == 0 || r.RecurrenceID.IsZero() || slices.ContainsFunc(kept, r.RecurrenceID.Equal) {
			continue
		}
		if err := svc.Delete(ctx, r.ID); err != nil {
			return n, fmt.Errorf("remove the override of %q at %s: %w", r.Title, r.RecurrenceID.Format(time.RFC3339), err)
		}
		n++
	}
	return n, nil
}
