package main

import (
	"context"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
	"anteroom/data"
)

// clashJSON is a booking saved offline that another desk's booking
// overlaps, as sync prints it.
type clashJSON struct {
	UID        string `json:"uid"`
	Title      string `json:"title"`
	When       string `json:"when"`
	OtherUID   string `json:"other_uid"`
	OtherTitle string `json:"other_title"`
	OtherDesk  string `json:"other_desk"`
	Message    string `json:"message"`
}

// recheckOffline checks the book's bookings saved while the server could
// not be reached against its ledger, after a sync, and tidies the ledger
// when the sync moved anything.
func recheckOffline(ctx context.Context, env *env, b state.Book, rep share.Report) ([]clashJSON, error) {
	leader, err := env.svc.Leader(ctx, b.LeaderID)
	if err != nil {
		return nil, err
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	moved := rep.PulledNew+rep.PulledUpdated+rep.PulledDeleted+rep.PushedCreated+rep.PushedUpdated+rep.PushedDeleted > 0
	ledger := share.NewLedger(thisDesk(env.db.Path()), share.SecretsFor(env.db.Path()), data.LedgerView)
	ledger.SetClock(env.svc.Now)
	clashes, err := ledger.Recheck(ctx, env.db.Sync(), b, leader, moved)
	if err != nil {
		return nil, davText(err)
	}
	return jsonList(clashes, func(c share.Clash) clashJSON {
		other := calendar.Engagement{UID: c.Other.Key, Title: c.Other.Title, Start: c.Other.Start, End: c.Other.End}
		return clashJSON{UID: c.Booking.UID, Title: c.Booking.Title, When: c.Booking.Start.In(loc).Format("2006-01-02 15:04") + "–" + c.Booking.End.In(loc).Format(time.TimeOnly[:5]),
			OtherUID: c.Other.Key, OtherTitle: c.Other.Title, OtherDesk: c.Other.DeskName, Message: findingText(calendar.OtherDeskOverlap(other, c.Other.DeskName, leader))}
	}), nil
}
