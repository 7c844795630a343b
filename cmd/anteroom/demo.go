package main

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// runDemo books the sample week for a leader, creating the leader when the
// calendar has none or the named one does not exist yet.
func runDemo(env *env, args []string) error {
	fs := newFlagSet(env, "demo")
	leaderName := leaderFlag(fs)
	week := fs.String("week", "", lang.L("a day of the week to fill, YYYY-MM-DD (default: this week)"))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	leader, err := demoLeader(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	loc, err := leader.Location()
	if err != nil {
		return err
	}
	day := calendar.DateOf(env.svc.Now().In(loc))
	if *week != "" {
		if day, err = requiredDate("week", *week); err != nil {
			return err
		}
	}
	monday := calendar.WeekStart(day)
	n, err := calendar.LoadSampleWeek(ctx, env.svc, leader, monday)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, lang.L("Added {{.Count}} engagements for {{.Leader}} in the week of {{.Monday}}.",
		map[string]any{"Count": n, "Leader": terminalText(leader.Name), "Monday": monday.String()}))
	return nil
}

func demoLeader(ctx context.Context, svc *calendar.Service, name string) (calendar.Leader, error) {
	if name == "" {
		return svc.DefaultLeader(ctx, lang.L("Leader"))
	}
	l, err := svc.LeaderByName(ctx, name)
	if errors.Is(err, calendar.ErrNotFound) {
		l = calendar.Leader{Name: name}
		err = svc.AddLeader(ctx, &l)
	}
	return l, err
}
