package remind

import (
	"context"
	"slices"
	"time"
)

// Window is what one check covers: reminders that fire by To about items
// not yet over at From, the previous check.
type Window struct{ From, To time.Time }

// Source finds the reminders its items ask for in a window. Engagements
// and materials are sources; any other item with a time or a due date
// plugs in with one more (see DueOn for items with a due date).
type Source interface {
	Reminders(ctx context.Context, w Window, s Settings) ([]Reminder, error)
}

// MaxSingle is the most reminders sent one by one at a time; more come
// as one summary, so a busy hour does not stack a dozen notifications.
const MaxSingle = 3

// Batch is what one check has to tell.
type Batch struct {
	At     time.Time
	Fresh  []Reminder // still ahead of their item: each told on its own
	Missed []Reminder // their item began while nobody looked: told in a summary
}

// Empty reports whether there is nothing to tell.
func (b Batch) Empty() bool { return len(b.Fresh) == 0 && len(b.Missed) == 0 }

// Summary reports whether the batch is told as one summary notification:
// after a gap (sleep, the app closed) or when many fire at once.
func (b Batch) Summary() bool { return len(b.Missed) > 0 || len(b.Fresh) > MaxSingle }

// All returns the batch's reminders, missed first, each in order of firing.
func (b Batch) All() []Reminder { return append(slices.Clone(b.Missed), b.Fresh...) }

// Fired returns the batch as it is recorded once sent.
func (b Batch) Fired() []Fired {
	var out []Fired
	for _, r := range b.All() {
		out = append(out, Fired{Reminder: r, FiredAt: b.At, Summary: b.Summary()})
	}
	return out
}

// Keep returns the batch with only the reminders whose keys keep accepts.
func (b Batch) Keep(keep func(key string) bool) Batch {
	pick := func(rs []Reminder) []Reminder {
		var out []Reminder
		for _, r := range rs {
			if keep(r.Key) {
				out = append(out, r)
			}
		}
		return out
	}
	return Batch{At: b.At, Fresh: pick(b.Fresh), Missed: pick(b.Missed)}
}

// Plan decides what a check at w.To sends, from the sources' candidates
// and what already fired: each key once; a reminder whose time has come
// and whose item is still ahead is fresh, one whose item began during the
// window is missed; anything else waits or is long gone.
func Plan(w Window, candidates []Reminder, fired func(key string) bool) Batch {
	b := Batch{At: w.To}
	seen := map[string]bool{}
	for _, r := range candidates {
		if seen[r.Key] || r.At.After(w.To) || !r.Stale.After(w.From) || fired(r.Key) {
			continue
		}
		seen[r.Key] = true
		if r.Stale.After(w.To) {
			b.Fresh = append(b.Fresh, r)
		} else {
			b.Missed = append(b.Missed, r)
		}
	}
	byTime := func(a, b Reminder) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return a.Starts.Compare(b.Starts)
	}
	slices.SortStableFunc(b.Fresh, byTime)
	slices.SortStableFunc(b.Missed, byTime)
	return b
}
