package ui

import (
	"context"
	"time"
)

// otherWritesEvery is how often the window asks whether another program
// changed the database: soon enough that a slot booked elsewhere is not
// shown free for long, rarely enough to cost nothing.
const otherWritesEvery = 2 * time.Second

// otherWrites notices that another program (a second window, the command
// line, a script) changed the database, for the window to show it: the
// window reads the database only when it changes it itself or moves.
type otherWrites struct {
	version func(context.Context) (int64, error)
	last    int64
	known   bool
}

// moved reports whether the database was changed by another program
// since the last call; the first call only takes note. An error, such as
// the connection busy past ctx's end with this window's own long write,
// says no: the next call asks again.
func (o *otherWrites) moved(ctx context.Context) bool {
	v, err := o.version(ctx)
	if err != nil {
		return false
	}
	moved := o.known && v != o.last
	o.last, o.known = v, true
	return moved
}

// watchOtherWrites asks every interval, off the UI thread, and calls
// changed (from that goroutine) when another program changed the
// database; stop ends it.
func watchOtherWrites(version func(context.Context) (int64, error), every time.Duration, changed func()) (stop func()) {
	o := &otherWrites{version: version}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			ctx, cancel := context.WithTimeout(context.Background(), every)
			moved := o.moved(ctx)
			cancel()
			if moved {
				changed()
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done) }
}

// othersChanged shows the database as another program left it: the
// leaders (one may have been added, renamed or archived), the shown week,
// its counts and side panels, and the lists of the desks' open windows.
func (m *mainWindow) othersChanged() {
	m.switchLeader(m.leader.ID)
	if m.accounts != nil {
		m.accounts.refresh()
	}
	if m.visits != nil {
		m.visits.reread()
	}
	if m.week != nil && m.week.review != nil {
		m.week.review.reload()
	}
	if m.follow != nil {
		m.follow.changed()
	}
}
