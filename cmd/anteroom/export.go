package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/internal/atomicfile"
)

// leaderList collects --leader values: repeated, comma-separated, or "all".
type leaderList []string

func (l *leaderList) String() string { return strings.Join(*l, ",") }

func (l *leaderList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name != "" {
			*l = append(*l, name)
		}
	}
	return nil
}

// runExport handles "export --from D --to D [--leader L]... [--privacy P]
// [-o FILE]": the leaders' engagements on those days (both included) as an
// iCalendar file for other offices, series as series, redacted to the
// privacy level, on standard output or in FILE.
func runExport(env *env, args []string) error {
	fs := newFlagSet(env, "export")
	days := dayRangeFlags(fs)
	names := leadersFlag(fs)
	privacy := fs.String("privacy", string(ics.PrivacyLimited), lang.L("full, limited (title and place) or busy (times only)"))
	output := fs.String("o", "", lang.L("write to this file instead of standard output"))
	if err := noArgs(fs, args); err != nil {
		return err
	}
	first, last, err := days.read()
	if err != nil {
		return err
	}
	level, err := ics.ParsePrivacy(*privacy)
	if err != nil {
		return flagError("privacy", *privacy, fmt.Errorf("%s", lang.L("is not full, limited or busy")))
	}
	ctx := context.Background()
	leaders, err := exportLeaders(ctx, env.svc, *names)
	if err != nil {
		return err
	}
	ids := make([]int64, len(leaders))
	byID := make(map[int64]calendar.Leader, len(leaders))
	for i, l := range leaders {
		ids[i], byID[l.ID] = l.ID, l
	}
	items, err := env.svc.ExportItems(ctx, ids, first, last)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return ics.ExportEngagements(w, items, byID, level, env.svc.Now()) }
	if *output == "" {
		return write(env.stdout)
	}
	return atomicfile.Write(*output, 0o644, write)
}

// exportLeaders resolves --leader: the named leaders, every leader for
// "all", the first leader when none is named.
func exportLeaders(ctx context.Context, svc *calendar.Service, names []string) ([]calendar.Leader, error) {
	if len(names) == 0 {
		l, err := chooseLeader(ctx, svc, "")
		return []calendar.Leader{l}, err
	}
	if len(names) == 1 && names[0] == "all" {
		ls, err := svc.Leaders(ctx)
		if err == nil && len(ls) == 0 {
			_, err = chooseLeader(ctx, svc, "")
		}
		return ls, err
	}
	var out []calendar.Leader
	seen := map[int64]bool{}
	for _, n := range names {
		l, err := chooseLeader(ctx, svc, n)
		if err != nil {
			return nil, err
		}
		if !seen[l.ID] {
			seen[l.ID] = true
			out = append(out, l)
		}
	}
	return out, nil
}
