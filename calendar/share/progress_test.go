package share_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"anteroom/calendar/share"
	"anteroom/dav/davtest"
)

// The first sync of a book tells how far it is, and stops when cancelled.
func TestFirstSyncReportsProgressAndStopsWhenCancelled(t *testing.T) {
	srv := davtest.Start(t)
	a := newDesk(t, srv, davtest.Password)
	for i := range 5 {
		a.meeting(fmt.Sprintf("会议 %d", i), 1+i, 9)
	}
	var pushed []share.Progress
	a.engine.SetProgress(func(p share.Progress) {
		if p.Phase == share.PhasePush {
			pushed = append(pushed, p)
		}
	})
	a.sync()
	if len(pushed) != 6 || pushed[0].Done != 0 || pushed[5].Done != 5 || pushed[5].Total != 5 {
		t.Errorf("push progress: %+v", pushed)
	}

	b := newDesk(t, srv, davtest.Password)
	var pulled []share.Progress
	b.engine.SetProgress(func(p share.Progress) {
		if p.Phase == share.PhasePull {
			pulled = append(pulled, p)
		}
	})
	b.sync()
	if len(pulled) < 2 || pulled[0].Total != 5 || pulled[len(pulled)-1].Done != 5 {
		t.Errorf("pull progress: %+v", pulled)
	}

	// Cancelled while pushing: what was sent stays recorded, the rest goes next time.
	for i := range 3 {
		b.meeting(fmt.Sprintf("第二批 %d", i), 1+i, 14)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.engine.SetProgress(func(p share.Progress) {
		if p.Phase == share.PhasePush && p.Done == 1 {
			cancel()
		}
	})
	rep, err := b.engine.Sync(ctx, b.book())
	if !errors.Is(err, context.Canceled) || rep.PushedCreated != 1 {
		t.Fatalf("cancelled sync: %+v, %v", rep, err)
	}
	b.engine.SetProgress(nil)
	if rep := b.sync(); rep.PushedCreated != 2 {
		t.Errorf("the sync after a cancel pushed %d, want the 2 left", rep.PushedCreated)
	}
}
