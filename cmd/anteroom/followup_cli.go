package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// followupCommands are the verbs of `anteroom followup`.
var followupCommands = []subcommand{
	{"add", "Put a matter on the follow-up board", runFollowupAdd},
	{"list", "List follow-up items, overdue first", runFollowupList},
	{"show", "Show a follow-up item, its progress and its trail", runFollowupShow},
	{"report", "Log a progress report on a follow-up item", runFollowupReport},
	{"feedback", "Record that the outcome was reported back to the leader", runFollowupFeedback},
	{"close", "Close a follow-up item", runFollowupClose},
	{"print", "Write the follow-up list as an A4 HTML page", runFollowupPrint},
}

// runFollowup runs one of followupCommands.
func runFollowup(env *env, args []string) error {
	return dispatch(env, "followup", followupCommands, args)
}

// followupFlags names the flag behind each field an item's problem names.
var followupFlags = map[string]string{"who": "by"}

// itemJSON is a follow-up item as the followup commands print it.
type itemJSON struct {
	ID           int64        `json:"id"`
	State        string       `json:"state"`
	Overdue      bool         `json:"overdue"`
	Due          string       `json:"due"`
	Unit         string       `json:"unit"`
	Person       string       `json:"person,omitempty"`
	Priority     string       `json:"priority"`
	Text         string       `json:"text"`
	Source       string       `json:"source"` // minutes:ID/N, materials:ID or direct
	SourceTitle  string       `json:"source_title,omitempty"`
	Confidential bool         `json:"confidential"`
	Reports      []reportJSON `json:"reports"`
	CloseReason  string       `json:"close_reason,omitempty"`
	Closed       string       `json:"closed,omitempty"`
	Trail        []auditJSON  `json:"trail,omitempty"`
}

type reportJSON struct {
	At   string `json:"at"`
	By   string `json:"by"`
	Text string `json:"text"`
}

func toItemJSON(it followup.Item, today calendar.Date, loc *time.Location) itemJSON {
	j := itemJSON{ID: it.ID, State: string(it.State), Overdue: it.Overdue(today), Due: it.Due.String(),
		Unit: it.Unit, Person: it.Person, Priority: string(it.Priority), Text: it.Text, Source: sourceRef(it.Source),
		SourceTitle: it.Source.Title, Confidential: it.Confidential, CloseReason: it.CloseReason,
		Closed: timeJSON(it.Closed, loc)}
	j.Reports = jsonList(it.Reports, func(r followup.Report) reportJSON {
		return reportJSON{At: timeJSON(r.At, loc), By: r.By, Text: r.Text}
	})
	return j
}

// sourceRef writes where an item came from as --from takes it.
func sourceRef(s followup.Source) string {
	switch s.Kind {
	case followup.FromMinutes:
		return fmt.Sprintf("minutes:%d/%d", s.MinutesID, s.Decision)
	case followup.FromMaterials:
		return fmt.Sprintf("materials:%d", s.MaterialID)
	}
	return string(followup.FromDirect)
}

// parseSource reads --from: minutes:ID/N, materials:ID, or nothing for a
// matter handed down directly.
func parseSource(v string) (followup.Source, error) {
	bad := flagError("from", v, errors.New(lang.L("is not minutes:ID/N or materials:ID")))
	kind, rest, _ := strings.Cut(strings.TrimSpace(v), ":")
	switch kind {
	case "", string(followup.FromDirect):
		return followup.Source{Kind: followup.FromDirect}, nil
	case string(followup.FromMinutes):
		id, n, ok := strings.Cut(rest, "/")
		mid, err1 := strconv.ParseInt(id, 10, 64)
		dn, err2 := strconv.Atoi(n)
		if !ok || err1 != nil || err2 != nil || mid <= 0 || dn <= 0 {
			return followup.Source{}, bad
		}
		return followup.Source{Kind: followup.FromMinutes, MinutesID: mid, Decision: dn}, nil
	case string(followup.FromMaterials):
		id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimPrefix(rest, "M"), "m"), 10, 64)
		if err != nil || id <= 0 {
			return followup.Source{}, bad
		}
		return followup.Source{Kind: followup.FromMaterials, MaterialID: id}, nil
	}
	return followup.Source{}, bad
}

// runFollowupAdd puts a matter on the board and prints its id.
func runFollowupAdd(env *env, args []string) error {
	fs := newFlagSet(env, "followup add")
	text := fs.String("text", "", lang.L("what is to be done (default: the decision's or the instructions' text)"))
	unit := fs.String("unit", "", lang.L("the responsible unit"))
	person := fs.String("person", "", lang.L("the responsible person"))
	due := fs.String("due", "", lang.L("due date, YYYY-MM-DD"))
	priority := fs.String("priority", "normal", lang.L("urgent, important or normal"))
	from := fs.String("from", "", lang.L("where it comes from: minutes:ID/N (decision N) or materials:ID; none for a matter handed down directly"))
	confidential := fs.Bool("confidential", false, lang.L("show it only at the full level"))
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	src, err := parseSource(*from)
	if err != nil {
		return err
	}
	day, err := requiredDate("due", *due)
	if err != nil {
		return err
	}
	prio, err := followup.ParsePriority(*priority)
	if err != nil {
		return flagError("priority", *priority, errors.New(lang.L("is not urgent, important or normal")))
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	it, err := env.followSvc.AddItem(ctx, followup.NewItem{LeaderID: leader.ID, Text: *text, Source: src, Unit: *unit,
		Person: *person, Due: day, Priority: prio, Confidential: *confidential}, cliUser())
	if err != nil {
		return describeItemErr(err, src)
	}
	return emit(env, *asJSON, toItemJSON(it, env.followSvc.Today(loc), loc), func() {
		fmt.Fprintln(env.stdout, it.ID)
	})
}

// describeItemErr names the record behind --from when it does not exist.
func describeItemErr(err error, src followup.Source) error {
	switch src.Kind {
	case followup.FromMinutes:
		return describe(err, about{what: lang.L("Minutes"), id: src.MinutesID, fields: followupFlags})
	case followup.FromMaterials:
		return describe(err, about{what: lang.L("Briefing materials"), id: src.MaterialID, fields: followupFlags})
	}
	return describe(err, about{fields: followupFlags})
}

// runFollowupList lists items, overdue first, then by due date.
func runFollowupList(env *env, args []string) error {
	fs := newFlagSet(env, "followup list")
	state := fs.String("state", "", lang.L("only this state: open, in_progress, reported, closed"))
	overdue := fs.Bool("overdue", false, lang.L("only items past their due date"))
	unit := fs.String("unit", "", lang.L("only this responsible unit"))
	search := fs.String("search", "", lang.L("only items containing this text"))
	week := fs.String("week", "", lang.L("only items due in this week (2026-W49, or a day of it)"))
	leaderName := fs.String("leader", "", lang.L("only this leader's items (default: every leader)"))
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := parseStateFilter[followup.State](*state, lang.L("is not a follow-up state"))
	if err != nil {
		return err
	}
	ctx := context.Background()
	f, loc, err := itemFilter(ctx, env, *leaderName, *week)
	if err != nil {
		return err
	}
	f.State, f.Overdue, f.Unit, f.Text = st, *overdue, *unit, *search
	items, err := env.followSvc.Items(ctx, f)
	if err != nil {
		return err
	}
	return emit(env, *asJSON, jsonList(items, func(it followup.Item) itemJSON { return toItemJSON(it, f.Today, loc) }), func() {
		if len(items) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No follow-up items."))
		}
		for _, it := range items {
			due := it.Due.String()
			if it.Overdue(f.Today) {
				due += " " + lang.L("OVERDUE")
			}
			text := it.Text
			fmt.Fprintf(env.stdout, "%d\t%s\t%s\t%s\t%s\t%s\n", it.ID, itemStateName(it.State), due,
				priorityName(it.Priority), terminalText(it.Unit), terminalText(text))
		}
	})
}

// itemFilter starts a list's filter: the leader (every leader when
// name is empty), the week's days when week is given, and today in the
// zone of the leader (the first leader's when every leader).
func itemFilter(ctx context.Context, env *env, name, week string) (followup.Filter, *time.Location, error) {
	leader, loc, err := leaderAndZone(ctx, env.svc, name)
	if err != nil {
		return followup.Filter{}, nil, err
	}
	f := followup.Filter{Today: env.followSvc.Today(loc)}
	if name != "" {
		f.LeaderID = leader.ID
	}
	if week != "" {
		w, err := parseWeekFlag(week, calendar.Week{})
		if err != nil {
			return f, nil, err
		}
		f.DueFrom, f.DueTo = w.Monday(), w.Sunday()
	}
	return f, loc, nil
}

// runFollowupShow prints an item with its progress and trail.
func runFollowupShow(env *env, args []string) error {
	fs := newFlagSet(env, "followup show")
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	it, loc, err := loadItem(ctx, env, id)
	if err != nil {
		return err
	}
	trail, err := env.followSvc.Audit(ctx, it.Subject())
	if err != nil {
		return err
	}
	today := env.followSvc.Today(loc)
	j := toItemJSON(it, today, loc)
	j.Trail = toAuditJSON(followup.DeskTrail(trail), loc)
	return emit(env, *asJSON, j, func() {
		w := env.stdout
		fmt.Fprintf(w, "%d  %s  %s\n", it.ID, itemStateName(it.State), terminalText(it.Text))
		fmt.Fprintf(w, "  %s: %s  %s: %s\n", lang.L("Unit"), terminalText(it.Unit), lang.L("Person"), terminalText(it.Person))
		due := it.Due.String()
		if it.Overdue(today) {
			due += " " + lang.L("OVERDUE")
		}
		fmt.Fprintf(w, "  %s: %s  %s: %s\n", lang.L("Due"), due, lang.L("Priority"), priorityName(it.Priority))
		fmt.Fprintf(w, "  %s: %s %s\n", lang.L("Source"), sourceRef(it.Source), terminalText(it.Source.Title))
		for _, r := range it.Reports {
			fmt.Fprintf(w, "  %s  %s  %s\n", timeText(r.At, loc), terminalText(r.By), terminalText(r.Text))
		}
		fmt.Fprintln(w, lang.L("Trail:"))
		printAudit(w, followup.DeskTrail(trail), loc, func(s string) string { return itemStateName(followup.State(s)) })
	})
}

// runFollowupReport logs a progress report.
func runFollowupReport(env *env, args []string) error {
	var text, by *string
	return itemStep(env, "followup report", args, func(fs *flag.FlagSet) {
		text = fs.String("text", "", lang.L("what was reported"))
		by = fs.String("by", "", lang.L("who reported it (default: you)"))
	}, func(ctx context.Context, id int64) (followup.Item, error) {
		return env.followSvc.ReportProgress(ctx, id, *text, *by, cliUser())
	})
}

// runFollowupFeedback records that the outcome went back to the leader.
func runFollowupFeedback(env *env, args []string) error {
	return itemStep(env, "followup feedback", args, nil, func(ctx context.Context, id int64) (followup.Item, error) {
		return env.followSvc.Feedback(ctx, id, cliUser())
	})
}

// runFollowupClose closes an item; --force with --reason before feedback.
func runFollowupClose(env *env, args []string) error {
	var o override
	return itemStep(env, "followup close", args, func(fs *flag.FlagSet) {
		o = override{force: fs.Bool("force", false, lang.L("close it although it was not reported back (needs --reason)")),
			reason: fs.String("reason", "", lang.L("why it is closed without feedback"))}
	}, func(ctx context.Context, id int64) (followup.Item, error) {
		if err := o.check(); err != nil {
			return followup.Item{}, err
		}
		return env.followSvc.Close(ctx, id, *o.force, *o.reason, cliUser())
	})
}

// itemStep parses the ID and the flags extra declares, runs step and
// prints where the item stands.
func itemStep(env *env, name string, args []string, extra func(*flag.FlagSet), step func(context.Context, int64) (followup.Item, error)) error {
	fs := newFlagSet(env, name)
	if extra != nil {
		extra(fs)
	}
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	it, err := step(ctx, id)
	if err != nil {
		return describe(err, about{what: lang.L("Follow-up item"), id: id, fields: followupFlags})
	}
	loc, err := zoneOf(ctx, env, it.LeaderID)
	if err != nil {
		return err
	}
	return emit(env, *asJSON, toItemJSON(it, env.followSvc.Today(loc), loc), func() {
		fmt.Fprintln(env.stdout, lang.L("Follow-up item {{.ID}} is now “{{.State}}”.", map[string]any{"ID": id, "State": itemStateName(it.State)}))
	})
}

// runFollowupPrint writes the follow-up list: the items not closed, or
// with --week those due that week and those overdue.
func runFollowupPrint(env *env, args []string) error {
	fs := newFlagSet(env, "followup print")
	week := fs.String("week", "", lang.L("only items due in this week (2026-W49, or a day of it), and the overdue"))
	level := fs.String("level", "full", lang.L("what confidential items show: full, or limited (“official matter” only)"))
	output := fs.String("o", "", lang.L("write to this file instead of standard output"))
	leaderName := fs.String("leader", "", lang.L("only this leader's items (default: every leader)"))
	if err := noArgs(fs, args); err != nil {
		return err
	}
	full, err := fullLevel(*level)
	if err != nil {
		return err
	}
	ctx := context.Background()
	f, loc, err := itemFilter(ctx, env, *leaderName, *week)
	if err != nil {
		return err
	}
	var items []followup.Item
	if f.DueFrom.IsZero() {
		all, err := env.followSvc.Items(ctx, f)
		if err != nil {
			return err
		}
		for _, it := range all {
			if it.State != followup.StateClosed {
				items = append(items, it)
			}
		}
	} else if items, err = env.followSvc.DueBetween(ctx, f.LeaderID, f.DueFrom, f.DueTo, f.Today); err != nil {
		return err
	}
	return writeDocument(env, *output, func(w io.Writer) error {
		return followup.WriteBoardHTML(w, items, full, lang.X, f.Today, loc)
	})
}

// loadItem reads an item and its leader's zone.
func loadItem(ctx context.Context, env *env, id int64) (followup.Item, *time.Location, error) {
	it, err := env.followSvc.Item(ctx, id)
	if err != nil {
		return it, nil, describe(err, about{what: lang.L("Follow-up item"), id: id})
	}
	loc, err := zoneOf(ctx, env, it.LeaderID)
	return it, loc, err
}

// itemStateName is an item's state in the user's language.
func itemStateName(s followup.State) string {
	return lang.X(followup.LabelKey(s.StateCode()), followup.English(s.StateCode()))
}

// priorityName is a priority in the user's language.
func priorityName(p followup.Priority) string {
	return lang.X(followup.LabelKey(p.Code()), followup.English(p.Code()))
}
