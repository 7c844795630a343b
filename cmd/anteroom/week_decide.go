package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// reviewTarget is an item named on the command line, found, with the
// week whose review decides on it.
type reviewTarget struct {
	item review.ItemWeek
	week calendar.Week
	loc  *time.Location
	id   string // as typed
}

// findTarget finds the item id names and its week: --week when given,
// else the week an engagement or occurrence is in, else this week for
// materials and to-schedule entries, which come up every week.
func findTarget(ctx context.Context, env *env, id, week string) (reviewTarget, error) {
	it, err := env.reviewSvc.FindReviewItem(ctx, id)
	if err != nil {
		return reviewTarget{}, describe(err, about{what: lang.L("Review item"), id: id, fields: reviewFields})
	}
	loc, err := it.Leader.Location()
	if err != nil {
		return reviewTarget{}, err
	}
	def := it.Week
	if def.IsZero() {
		def = thisWeek(env.svc, loc)
	}
	w, err := parseWeekFlag(week, def)
	if err != nil {
		return reviewTarget{}, err
	}
	return reviewTarget{item: it, week: w, loc: loc, id: id}, nil
}

// reviewWeekFlag declares --week of done and carry.
func reviewWeekFlag(fs *flag.FlagSet) *string {
	return fs.String("week", "", lang.L("ISO week of the review, or a day of it (default: the item's week, else this week)"))
}

// parseTarget parses the flags around an item's ID and finds the item
// and the week of --week.
func parseTarget(ctx context.Context, env *env, fs *flag.FlagSet, args []string, week *string) (reviewTarget, error) {
	id, err := parseWithItem(fs, args)
	if err != nil {
		return reviewTarget{}, err
	}
	return findTarget(ctx, env, id, *week)
}

// markJSON is a decision as done and carry print it.
type markJSON struct {
	ID        string     `json:"id"`
	Week      string     `json:"week"`
	Outcome   string     `json:"outcome"`
	Note      string     `json:"note,omitempty"`
	At        string     `json:"at"`
	Who       string     `json:"who"`
	Archived  int        `json:"archived"`
	Carried   int        `json:"carried"` // times carried over, this decision included
	StandsOut bool       `json:"stands_out"`
	CarriedTo *carryJSON `json:"carried_to,omitempty"`
	Again     bool       `json:"again,omitempty"` // decided before: nothing changed
}

func toMarkJSON(m review.ReviewMark, loc *time.Location) markJSON {
	times := m.Times
	if m.Outcome == review.OutcomeCarried {
		times++
	}
	return markJSON{ID: m.Item.Text(loc), Week: m.Week.String(), Outcome: string(m.Outcome), Note: m.Note, At: timeJSON(m.At, loc),
		Who: m.Who, Archived: m.Archived, Carried: times, StandsOut: times >= review.CarryWarnAt}
}

// runWeekDone marks an item done.
func runWeekDone(env *env, args []string) error {
	fs := newFlagSet(env, "week done")
	note := fs.String("note", "", lang.L("a note; for briefing materials not yet instructed, the leader's instructions"))
	week := reviewWeekFlag(fs)
	force := reviewForceFlag(fs)
	asJSON := jsonFlag(fs)
	ctx := context.Background()
	tg, err := parseTarget(ctx, env, fs, args, week)
	if err != nil {
		return err
	}
	if err := checkReviewWeek(tg.week, thisWeek(env.svc, tg.loc), *force); err != nil {
		return err
	}
	m, err := env.reviewSvc.MarkDone(ctx, tg.item.Leader.ID, tg.week, tg.item.Ref, *note, cliUser())
	if err != nil {
		return describe(err, about{what: lang.L("Review item"), id: tg.id, fields: reviewFields})
	}
	return emit(env, *asJSON, toMarkJSON(m, tg.loc), func() {
		fmt.Fprintln(env.stdout, lang.L("{{.ID}} is done in the review of {{.Week}}.", map[string]any{"ID": m.Item.Text(tg.loc), "Week": tg.week.String()}))
		if m.Archived > 0 {
			fmt.Fprintln(env.stdout, lang.L("Briefing materials filed: {{.Count}}.", map[string]any{"Count": m.Archived}))
		}
	})
}

// runWeekCarry carries an item over: --to a time, --to list, or by
// itself into the first free slot of the week after, else onto the list.
func runWeekCarry(env *env, args []string) error {
	fs := newFlagSet(env, "week carry")
	to := fs.String("to", "", lang.L("where to: a start, YYYY-MM-DD HH:MM (a day for all-day items), or list for the to-schedule list (default: the first free slot next week, else the list)"))
	note := fs.String("note", "", lang.L("why it was not done"))
	week := reviewWeekFlag(fs)
	force := reviewForceFlag(fs)
	asJSON := jsonFlag(fs)
	ctx := context.Background()
	tg, err := parseTarget(ctx, env, fs, args, week)
	if err != nil {
		return err
	}
	if err := checkReviewWeek(tg.week, thisWeek(env.svc, tg.loc), *force); err != nil {
		return err
	}
	dest, err := parseCarryTo(*to, tg.loc)
	if err != nil {
		return err
	}
	res, err := env.reviewSvc.Carry(ctx, tg.item.Leader.ID, tg.week, tg.item.Ref, dest, *note, cliUser())
	var ce *calendar.ConflictError
	if errors.As(err, &ce) {
		return refuse(env, *asJSON, ce.Findings, lang.L("not carried: a rule blocks that time; choose another with --to, or --to list"))
	}
	if err != nil {
		return describe(err, about{what: lang.L("Review item"), id: tg.id, fields: reviewFields})
	}
	j := toMarkJSON(res.Mark, tg.loc)
	j.Again = res.Again
	if res.CarryOver.ID != 0 {
		if j.CarriedTo, err = toCarryJSON(ctx, env, res.CarryOver, tg.loc); err != nil {
			return err
		}
	}
	carried := map[string]any{"mark": j, "findings": toFindingsJSON(res.Findings)}
	return emit(env, *asJSON, carried, func() {
		printCarry(env, j)
		printFindings(env.stdout, res.Findings)
	})
}

// parseCarryTo reads --to.
func parseCarryTo(value string, loc *time.Location) (review.CarryTo, error) {
	switch {
	case value == "":
		return review.CarryTo{}, nil
	case value == "list":
		return review.CarryTo{List: true}, nil
	case len(value) == len(time.DateOnly):
		d, err := requiredDate("to", value)
		return review.CarryTo{Start: d.In(loc)}, err
	}
	t, err := parseWhen("to", value, loc)
	return review.CarryTo{Start: t}, err
}

// printCarry says where a carried item went.
func printCarry(env *env, j markJSON) {
	var where string
	switch c := j.CarriedTo; {
	case c == nil:
		where = lang.L("it stays open and comes up again next week")
	case c.Start != "":
		where = lang.L("booked {{.When}}", map[string]any{"When": shortJSONTime(c.Start)})
	default:
		where = lang.L("on the to-schedule list as {{.ID}}", map[string]any{"ID": c.ToSchedule})
	}
	msg := lang.L("{{.ID}} carried over ({{.Times}}×): {{.Where}}.", map[string]any{"ID": j.ID, "Times": j.Carried, "Where": where})
	if j.Again {
		msg = lang.L("{{.ID}} was carried over already ({{.Times}}×): {{.Where}}.", map[string]any{"ID": j.ID, "Times": j.Carried, "Where": where})
	}
	fmt.Fprintln(env.stdout, msg)
	if j.StandsOut {
		fmt.Fprintln(env.stdout, "‼ "+lang.L("carried over {{.Times}} times: worth a word with the leader", map[string]any{"Times": j.Carried}))
	}
}

// runWeekClose closes a week's review.
func runWeekClose(env *env, args []string) error {
	fs := newFlagSet(env, "week close")
	wf := registerWeekFlags(fs)
	restDone := fs.Bool("rest-done", false, lang.L("mark every engagement not yet decided done"))
	note := fs.String("note", "", lang.L("a note on the week"))
	force := reviewForceFlag(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, w, err := wf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	if err := checkReviewWeek(w, thisWeek(env.svc, loc), *force); err != nil {
		return err
	}
	res, err := env.reviewSvc.CloseReview(ctx, leader.ID, w, *note, cliUser(), *restDone)
	if errors.Is(err, review.ErrUndecided) {
		return fmt.Errorf("%w (%s)", describe(err, about{fields: reviewFields}), lang.L("mark them with week done or week carry, or close with --rest-done"))
	}
	if err != nil {
		return describe(err, about{fields: reviewFields})
	}
	rec := toRecordJSON(res.Record, loc)
	closed := map[string]any{"week": w.String(), "leader": leader.Name, "closed": rec, "again": res.Again, "marked": len(res.Marked)}
	return emit(env, *asJSON, closed, func() {
		args := map[string]any{"Week": w.String(), "Done": rec.Done, "Carried": rec.Carried, "Archived": rec.Archived,
			"At": shortJSONTime(rec.At), "By": terminalText(rec.By)}
		if res.Again {
			fmt.Fprintln(env.stdout, lang.L("The review of {{.Week}} was closed already, {{.At}} by {{.By}}: {{.Done}} done, {{.Carried}} carried over, {{.Archived}} briefing materials filed.", args))
			return
		}
		fmt.Fprintln(env.stdout, lang.L("The review of {{.Week}} is closed: {{.Done}} done, {{.Carried}} carried over, {{.Archived}} briefing materials filed.", args))
	})
}
