package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

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
		week:   fs.String("week", "", lang.L("ISO week, e.g. 2026-W49 (default: next week)")),
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
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	ids, w, err := pf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	tr := plan.Translator(lang.X)
	if *output == "" {
		p, err := plan.Build(ctx, env.svc, ids, w)
		if err != nil {
			return describe(err, about{})
		}
		loc, err := p.Leaders[0].Location()
		if err != nil {
			return err
		}
		return plan.WriteHTML(env.stdout, p, tr, env.svc.Now(), loc)
	}
	p, err := plan.WritePlan(ctx, env.svc, ids, w, *output, tr)
	if err != nil {
		return describe(err, about{})
	}
	wrote := map[string]any{"week": w.String(), "file": *output, "rows": p.Rows()}
	return emit(env, *pf.asJSON, wrote, func() {
		fmt.Fprintln(env.stdout, lang.L("Wrote the plan of {{.Week}} ({{.Rows}} rows) to {{.File}}.", map[string]any{"Week": w.String(), "Rows": p.Rows(), "File": terminalText(*output)}))
	})
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
