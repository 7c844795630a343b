package ui

import (
	"context"
	"image/color"
	"slices"
	"strconv"
	"time"

	"anteroom/calendar"
)

// The week grid marks, on the blocks themselves, what the editor would
// otherwise be the only one to say: an engagement that clashes with
// another live one, and one booked over the rules (in the override log).

// blockMark is what a block is marked with; the zero value marks nothing.
type blockMark struct {
	clash      bool // overlaps another live engagement
	overridden bool // booked although a rule blocked it

	clashWith []string // the titles of the engagements it overlaps, for the detail pane
	reason    string   // why it was booked over the rules, as the log says
}

// Colours of the marks' stripe: red for a clash, amber for an override.
var (
	colorClashMark    = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	colorOverrideMark = color.NRGBA{R: 0xe0, G: 0x8e, B: 0x00, A: 0xff}
)

// markKey names an engagement or one occurrence of it, as the override
// log and the grid both know it: its UID and its start.
func markKey(uid string, start int64) string { return uid + "@" + strconv.FormatInt(start, 10) }

// gridMarks marks each timed live engagement of items that overlaps
// another, and each one the override log says was booked over the rules.
// overrides need hold only those of the items' starts.
func gridMarks(items []calendar.Engagement, overrides []calendar.OverrideRecord) map[string]blockMark {
	marks := map[string]blockMark{}
	live := func(e calendar.Engagement) bool { return !e.AllDay && e.Status != calendar.StatusCancelled }
	// Each item's key is made once, and the marks of a key gather in one
	// slot: a busy week has thousands of clashing pairs.
	keys := make([]string, len(items))
	slot := make([]int, len(items))
	slotOf := make(map[string]int, len(items))
	var acc []blockMark
	for i, e := range items {
		keys[i] = markKey(e.UID, e.Start.Unix())
		k, ok := slotOf[keys[i]]
		if !ok {
			k = len(acc)
			slotOf[keys[i]] = k
			acc = append(acc, blockMark{})
		}
		slot[i] = k
	}
	// In start order no later item can overlap one that ends before it
	// starts; Agenda gives that order, anything else is compared in full.
	sorted := slices.IsSortedFunc(items, func(a, b calendar.Engagement) int { return a.Start.Compare(b.Start) })
	for i, a := range items {
		if !live(a) {
			continue
		}
		for j := i + 1; j < len(items); j++ {
			b := items[j]
			if sorted && !b.Start.Before(a.End) {
				break
			}
			if live(b) && a.Start.Before(b.End) && b.Start.Before(a.End) {
				ma, mb := &acc[slot[i]], &acc[slot[j]]
				ma.clash, ma.clashWith = true, append(ma.clashWith, b.Title)
				mb.clash, mb.clashWith = true, append(mb.clashWith, a.Title)
			}
		}
	}
	booked := map[string]calendar.OverrideRecord{}
	for _, r := range overrides { // newest first: the latest reason stands
		if k := markKey(r.EngagementUID, r.Start.Unix()); booked[k].EngagementUID == "" {
			booked[k] = r
		}
	}
	for i, e := range items {
		if r, ok := booked[keys[i]]; ok && live(e) {
			m := &acc[slot[i]]
			m.overridden, m.reason = true, overrideReasonText(r)
		}
	}
	for i := range items {
		if m := acc[slot[i]]; m.clash || m.overridden {
			marks[keys[i]] = m
		}
	}
	return marks
}

// markOf is the mark of e in the grid.
func (g *weekGrid) markOf(e calendar.Engagement) blockMark {
	return g.marks[markKey(e.UID, e.Start.Unix())]
}

// loadMarks reads the override log of the shown items' starts, not the
// leader's whole log, and marks them.
func (m *mainWindow) loadMarks(ctx context.Context, items []calendar.Engagement) {
	var log []calendar.OverrideRecord
	if len(items) > 0 {
		from, to := items[0].Start, items[0].Start
		for _, e := range items {
			from, to = calendar.Earlier(from, e.Start), calendar.Later(to, e.Start)
		}
		var err error
		log, err = m.svc.OverridesStarting(ctx, m.leader.ID, from, to.Add(time.Second))
		if err != nil {
			log = nil // the clashes are marked still; the log is a nicety here
		}
	}
	m.grid.marks = gridMarks(items, log)
}

// stripe is the colour of a block's mark stripe and whether it shows.
func (mk blockMark) stripe() (color.NRGBA, bool) {
	switch {
	case mk.clash:
		return colorClashMark, true
	case mk.overridden:
		return colorOverrideMark, true
	}
	return color.NRGBA{}, false
}
