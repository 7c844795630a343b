package ui

import (
	"context"
	"image/color"
	"strconv"

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
func gridMarks(items []calendar.Engagement, overrides []calendar.OverrideRecord) map[string]blockMark {
	marks := map[string]blockMark{}
	live := func(e calendar.Engagement) bool { return !e.AllDay && e.Status != calendar.StatusCancelled }
	for i, a := range items {
		if !live(a) {
			continue
		}
		for _, b := range items[i+1:] {
			if live(b) && a.Start.Before(b.End) && b.Start.Before(a.End) {
				ka, kb := markKey(a.UID, a.Start.Unix()), markKey(b.UID, b.Start.Unix())
				ma, mb := marks[ka], marks[kb]
				ma.clash, mb.clash = true, true
				ma.clashWith, mb.clashWith = append(ma.clashWith, b.Title), append(mb.clashWith, a.Title)
				marks[ka], marks[kb] = ma, mb
			}
		}
	}
	booked := map[string]calendar.OverrideRecord{}
	for _, r := range overrides { // newest first: the latest reason stands
		if k := markKey(r.EngagementUID, r.Start.Unix()); booked[k].EngagementUID == "" {
			booked[k] = r
		}
	}
	for _, e := range items {
		k := markKey(e.UID, e.Start.Unix())
		if r, ok := booked[k]; ok && live(e) {
			m := marks[k]
			m.overridden, m.reason = true, overrideReasonText(r)
			marks[k] = m
		}
	}
	return marks
}

// markOf is the mark of e in the grid.
func (g *weekGrid) markOf(e calendar.Engagement) blockMark {
	return g.marks[markKey(e.UID, e.Start.Unix())]
}

// loadMarks reads the leader's override log and marks the shown items.
func (m *mainWindow) loadMarks(ctx context.Context, items []calendar.Engagement) {
	log, err := m.svc.OverrideLog(ctx, m.leader.ID)
	if err != nil {
		log = nil // the clashes are marked still; the log is a nicety here
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
