package main

import (
	"anteroom/calendar/followup"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/plan"
)

// planFlags are what print and circulate share: the week and the leaders.
type planFlags struct {
	week   *string
	names  *leaderList
	asJSON *bool
}

func registerPlanFlags(fs *flag.FlagSet) planFlags {
	return planFlags{
		week:   fs.String("week", "", lang.L("ISO week, e.g. 2026-W49, or a day of it, YYYY-MM-DD (default: next week)")),
		asJSON: jsonFlag(fs),
		names:  leadersFlag(fs),
	}
}

// read resolves the leaders and the week, next week by default in the
// first leader's zone.
func (f planFlags) read(ctx context.Context, svc *calendar.Service) ([]int64, calendar.Week, error) {
	leaders, err := exportLeaders(ctx, svc, *f.names)
	if err != nil {
		return nil, calendar.Week{}, err
	}
	loc, err := leaders[0].Location()
	if err != nil {
		return nil, calendar.Week{}, err
	}
	w, err := parseWeekFlag(*f.week, thisWeek(svc, loc).Next())
	if err != nil {
		return nil, w, err
	}
	ids := make([]int64, len(leaders))
	for i, l := range leaders {
		ids[i] = l.ID
	}
	return ids, w, nil
}

// runWeekPrint writes the plan of a week as a self-contained HTML page, to
// -o FILE or standard output.
func runWeekPrint(env *env, args []string) error {
	fs := newFlagSet(env, "week print")
	pf := registerPlanFlags(fs)
	output := fs.String("o", "", lang.L("write to this file instead of standard output"))
	pending := fs.Bool("followups", false, lang.L("list the follow-up items awaiting feedback (待反馈事项) after the days"))
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	ids, w, err := pf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	tr := plan.Translator(lang.X)
	p, err := plan.Build(ctx, env.svc, ids, w)
	if err != nil {
		return describe(err, about{})
	}
	loc, err := p.Leaders[0].Location()
	if err != nil {
		return err
	}
	if *pending {
		if p.Pending, err = pendingItems(ctx, env, ids, loc); err != nil {
			return err
		}
	}
	if *output == "" {
		return plan.WriteHTML(env.stdout, p, tr, env.svc.Now(), loc)
	}
	if err := plan.WriteFile(*output, p, tr, env.svc.Now()); err != nil {
		return describe(err, about{})
	}
	wrote := map[string]any{"week": w.String(), "file": *output, "rows": p.Rows()}
	return emit(env, *pf.asJSON, wrote, func() {
		fmt.Fprintln(env.stdout, lang.L("Wrote the plan of {{.Week}} ({{.Rows}} rows) to {{.File}}.", map[string]any{"Week": w.String(), "Rows": p.Rows(), "File": terminalText(*output)}))
	})
}

// pendingItems are the plan's leaders' follow-up items awaiting feedback:
// open or in progress, overdue first.
func pendingItems(ctx context.Context, env *env, leaderIDs []int64, loc *time.Location) ([]plan.Pending, error) {
	today := env.followSvc.Today(loc)
	var out []plan.Pending
	for _, id := range leaderIDs {
		items, err := env.followSvc.Items(ctx, followup.Filter{LeaderID: id, Today: today})
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.State != followup.StateOpen && it.State != followup.StateInProgress {
				continue
			}
			out = append(out, plan.Pending{Text: it.Text, Unit: it.Unit, Due: it.Due, State: itemStateName(it.State),
				Overdue: it.Overdue(today), Confidential: it.Confidential})
		}
	}
	return out, nil
}

// runWeekCirculate writes the plan of a week and its .ics into a folder.
func runWeekCirculate(env *env, args []string) error {
	fs := newFlagSet(env, "week circulate")
	pf := registerPlanFlags(fs)
	privacy := fs.String("privacy", string(ics.PrivacyLimited), lang.L("what the .ics shows: full, limited (title and place) or busy (times only)"))
	dir := fs.String("dir", "", lang.L("the folder to write into"))
	if err := noArgs(fs, args); err != nil {
		return err
	}
	level, err := ics.ParsePrivacy(*privacy)
	if err != nil {
		return flagError("privacy", *privacy, errors.New(lang.L("is not full, limited or busy")))
	}
	if *dir == "" {
		return fmt.Errorf("%w: --dir %s", errUsage, lang.L("is required: the folder to write into"))
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return flagError("dir", *dir, errors.New(lang.L("is not a folder")))
	}
	ctx := context.Background()
	ids, w, err := pf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	out, err := plan.Circulate(ctx, env.svc, ids, w, level, *dir, lang.X)
	if err != nil {
		return describe(err, about{})
	}
	written := map[string]any{"week": w.String(), "html": out.HTML, "ics": out.ICS, "rows": out.Rows,
		"events": out.Events, "privacy": string(level)}
	return emit(env, *pf.asJSON, written, func() {
		fmt.Fprintln(env.stdout, lang.L("The plan of {{.Week}} is ready to circulate:", map[string]any{"Week": w.String()}))
		printFile(env.stdout, out.HTML, lang.L("{{.Rows}} rows", map[string]any{"Rows": out.Rows}))
		printFile(env.stdout, out.ICS, lang.L("{{.Events}} items, privacy {{.Privacy}}", map[string]any{"Events": out.Events, "Privacy": string(level)}))
	})
}

func printFile(w io.Writer, path, what string) {
	fmt.Fprintf(w, "  %s  (%s)\n", terminalText(path), what)
}
