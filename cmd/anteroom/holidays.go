package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar/ics"
	"anteroom/internal/userfile"
)

// runHolidays handles "holidays import FILE...": each holiday calendar's
// days off and make-up workdays become date overrides of the leader's
// available time. A file that cannot be read changes nothing.
func runHolidays(env *env, args []string) error {
	if len(args) > 0 && asksForHelp(args[:1]) {
		fmt.Fprintln(env.stdout, lang.L("usage: anteroom holidays import [--leader NAME] FILE.ics..."))
		return nil
	}
	if len(args) == 0 || args[0] != "import" {
		return fmt.Errorf("%w: %s", errUsage, lang.L("usage: anteroom holidays import [--leader NAME] FILE.ics..."))
	}
	fs := newFlagSet(env, "holidays import")
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: %s", errUsage, lang.L("name at least one .ics file"))
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	type result struct {
		File  string `json:"file"`
		Days  int    `json:"days"`
		Timed int    `json:"skipped_timed"`
	}
	var results []result
	for _, path := range fs.Args() {
		f, err := userfile.Open(path)
		if err != nil {
			return err
		}
		cal, err := ics.Decode(f, path, ics.Options{Zone: loc})
		f.Close()
		if err != nil {
			return err
		}
		items, timed := ics.HolidayItems(cal)
		if len(items) == 0 {
			return errors.New(lang.L("{{.File}}: no all-day holidays in this calendar", map[string]any{"File": path}))
		}
		n, err := env.svc.ImportHolidays(ctx, leader.ID, items)
		if err != nil {
			return fmt.Errorf("%s: %w", path, describe(err, about{}))
		}
		results = append(results, result{File: path, Days: n, Timed: timed})
	}
	if *asJSON {
		// Compact, unlike writeJSON: holidays import has always printed one line.
		return json.NewEncoder(env.stdout).Encode(results)
	}
	for _, r := range results {
		fmt.Fprintln(env.stdout, lang.L("{{.File}}: {{.Days}} days set for {{.Leader}}.", map[string]any{"File": terminalText(r.File), "Days": r.Days, "Leader": terminalText(leader.Name)}))
	}
	return nil
}
