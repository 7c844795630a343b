package share

import (
	"context"
	"strings"
	"time"

	"anteroom/calendar/share/state"
)

// Version is one side of a sync conflict as a person compares it.
type Version struct {
	Deleted  bool // this side deleted the item
	Title    string
	Start    time.Time
	End      time.Time
	AllDay   bool
	Location string
}

// ConflictSides is an open conflict with both versions read.
type ConflictSides struct {
	state.Conflict
	Leader        string
	Local, Server Version
}

// Conflicts lists the open conflicts with both sides read, in the
// leader's zone.
func (o *Office) Conflicts(ctx context.Context) ([]ConflictSides, error) {
	cs, err := o.Store.OpenSyncConflicts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ConflictSides, 0, len(cs))
	for _, c := range cs {
		leader, err := o.Store.Leader(ctx, c.LeaderID)
		if err != nil {
			return nil, err
		}
		loc, err := leader.Location()
		if err != nil {
			return nil, err
		}
		out = append(out, ConflictSides{Conflict: c, Leader: leader.Name, Local: version(c.Local, c.Href, loc), Server: version(c.Server, c.Href, loc)})
	}
	return out, nil
}

// version reads one side's text; an unreadable one shows its first SUMMARY.
func version(text, href string, loc *time.Location) Version {
	if text == "" {
		return Version{Deleted: true}
	}
	items, err := readObject([]byte(text), href, loc)
	if err != nil || len(items) == 0 {
		return Version{Title: summary(text)}
	}
	e := items[0].Engagement
	for _, in := range items {
		if in.Engagement.RecurrenceID.IsZero() {
			e = in.Engagement
			break
		}
	}
	return Version{Title: e.Title, Start: e.Start.In(loc), End: e.End.In(loc), AllDay: e.AllDay, Location: e.Location}
}

func summary(text string) string {
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && (name == "SUMMARY" || strings.HasPrefix(name, "SUMMARY;")) {
			return value
		}
	}
	return ""
}
