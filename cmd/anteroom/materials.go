package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// materialsCommands are the verbs of `anteroom materials`.
var materialsCommands = []subcommand{
	{"list", "List briefing materials", runMaterialsList},
	{"show", "Show briefing materials and their trail", runMaterialsShow},
	{"receive", "Record briefing materials as handed in, with their files", runMaterialsReceive},
	{"schedule", "Book a slot to present briefing materials: they are scheduled, not yet presented", runMaterialsSchedule},
	{"unschedule", "Call off the slot booked to present briefing materials", runMaterialsUnschedule},
	{"present", "Record briefing materials as presented to the leader, or confirm a scheduled slot has passed", runMaterialsPresent},
	{"instruct", "Record the leader's instructions on briefing materials", runMaterialsInstruct},
	{"archive", "File briefing materials whose instructions are recorded", runMaterialsArchive},
}

// runMaterials runs one of materialsCommands.
func runMaterials(env *env, args []string) error {
	return dispatch(env, "materials", materialsCommands, args)
}

// materialFlags names the flag behind each field a materials problem names.
var materialFlags = map[string]string{"file": "file", "copies": "copies", "text": "text"}

// materialJSON is briefing materials as the materials commands print them.
type materialJSON struct {
	ID           int64       `json:"id"`
	State        string      `json:"state"`
	VisitID      int64       `json:"visit_id,omitempty"`
	Title        string      `json:"title"`
	From         string      `json:"from,omitempty"`
	Due          string      `json:"due,omitempty"`
	Overdue      bool        `json:"overdue"`
	Received     string      `json:"received,omitempty"`
	ReceivedBy   string      `json:"received_by,omitempty"`
	Copies       int         `json:"copies"`
	Pages        int         `json:"pages"`
	Files        []fileJSON  `json:"files"`
	Presented    string      `json:"presented,omitempty"`
	EngagementID int64       `json:"engagement_id,omitempty"`
	SlotStart    string      `json:"slot_start,omitempty"`
	SlotEnd      string      `json:"slot_end,omitempty"`
	Instructions string      `json:"instructions,omitempty"`
	Instructed   string      `json:"instructed,omitempty"`
	Archived     string      `json:"archived,omitempty"`
	Trail        []auditJSON `json:"trail,omitempty"`
}

func toMaterialJSON(m desk.Material, loc *time.Location, now time.Time) materialJSON {
	j := materialJSON{ID: m.ID, State: string(m.State), VisitID: m.VisitID, Title: m.Title, From: m.From,
		Overdue: m.Overdue(calendar.DateOf(now.In(loc))), Received: timeJSON(m.Received, loc), ReceivedBy: m.ReceivedBy,
		Copies: m.Copies, Pages: m.Pages, Files: toFilesJSON(m.Files), Presented: timeJSON(m.Presented, loc),
		EngagementID: m.EngagementID, SlotStart: timeJSON(m.SlotStart, loc), SlotEnd: timeJSON(m.SlotEnd, loc), Instructions: m.Instructions, Instructed: timeJSON(m.Instructed, loc),
		Archived: timeJSON(m.Archived, loc)}
	if !m.Due.IsZero() {
		j.Due = m.Due.String()
	}
	return j
}

// runMaterialsList lists the leader's materials, those due first first.
func runMaterialsList(env *env, args []string) error {
	fs := newFlagSet(env, "materials list")
	state := fs.String("state", "", lang.L("only this state: expected, received, scheduled, presented, instructed, archived"))
	overdue := fs.Bool("overdue", false, lang.L("only expected materials past their due date"))
	search := fs.String("search", "", lang.L("only materials containing this text"))
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := parseStateFilter[desk.MaterialState](*state, lang.L("is not a materials state"))
	if err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	ms, err := env.deskSvc.Materials(ctx, leader.ID, st)
	if err != nil {
		return err
	}
	today := calendar.DateOf(env.svc.Now().In(loc))
	var shown []desk.Material
	for _, m := range ms {
		if m.Matches(*search) && (!*overdue || m.Overdue(today)) {
			shown = append(shown, m)
		}
	}
	out := jsonList(shown, func(m desk.Material) materialJSON { return toMaterialJSON(m, loc, env.svc.Now()) })
	return emit(env, *asJSON, out, func() {
		if len(shown) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No briefing materials."))
		}
		for _, m := range shown {
			due := ""
			if !m.Due.IsZero() {
				due = m.Due.String()
			}
			if m.Overdue(today) {
				due += " " + lang.L("OVERDUE")
			}
			fmt.Fprintf(env.stdout, "%d\t%s\t%s\t%s\t%s\n", m.ID, materialStateName(string(m.State)), due, terminalText(m.Title), terminalText(m.From))
		}
	})
}

// runMaterialsShow prints one set of materials with its trail.
func runMaterialsShow(env *env, args []string) error {
	fs := newFlagSet(env, "materials show")
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	m, loc, err := loadMaterial(ctx, env, id)
	if err != nil {
		return err
	}
	trail, err := env.deskSvc.Audit(ctx, m.Subject())
	if err != nil {
		return err
	}
	j := toMaterialJSON(m, loc, env.svc.Now())
	j.Trail = toAuditJSON(trail, loc)
	return emit(env, *asJSON, j, func() { printMaterial(env.stdout, m, trail, loc) })
}

// printMaterial writes materials, their details one a line, and their trail.
func printMaterial(w io.Writer, m desk.Material, trail []desk.AuditEntry, loc *time.Location) {
	fmt.Fprintf(w, "%d  %s  %s\n", m.ID, materialStateName(string(m.State)), terminalText(m.Title))
	fmt.Fprintf(w, "  %s: %s\n", lang.L("From"), terminalText(m.From))
	if !m.SlotStart.IsZero() {
		fmt.Fprintf(w, "  %s: %s–%s\n", lang.L("Slot for presenting"), m.SlotStart.In(loc).Format("2006-01-02 15:04"), m.SlotEnd.In(loc).Format("15:04"))
	}
	for _, a := range m.Files {
		fmt.Fprintf(w, "  %s: %s\n", lang.L("File"), terminalText(a.Name))
	}
	if m.Instructions != "" {
		fmt.Fprintf(w, "  %s: %s\n", lang.L("Instructions"), terminalText(m.Instructions))
	}
	fmt.Fprintln(w, lang.L("Trail:"))
	printAudit(w, trail, loc, materialStateName)
}

// runMaterialsReceive records materials as handed in, copying their files.
func runMaterialsReceive(env *env, args []string) error {
	fs := newFlagSet(env, "materials receive")
	var files listFlag
	fs.Var(&files, "file", lang.L("a local file handed in; repeatable"))
	copies := fs.Int("copies", 0, lang.L("number of copies"))
	pages := fs.Int("pages", 0, lang.L("number of pages"))
	by := fs.String("by", "", lang.L("who took them in (default: you)"))
	when := fs.String("at", "", lang.L("when they came in (default: now)"))
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	return materialStep(env, id, *asJSON, func(ctx context.Context, loc *time.Location) error {
		rc := desk.Receipt{By: *by, Copies: *copies, Pages: *pages, Files: files}
		if *when != "" {
			var err error
			if rc.At, err = parseWhen("at", *when, loc); err != nil {
				return err
			}
		}
		return env.deskSvc.ReceiveMaterial(ctx, id, rc, cliUser())
	})
}

// runMaterialsPresent records received materials as presented, at --at
// or now; materials scheduled for presenting are confirmed as presented
// in their slot once it has passed. --book schedules, as schedule does.
func runMaterialsPresent(env *env, args []string) error {
	fs := newFlagSet(env, "materials present")
	when := fs.String("at", "", lang.L("when they were presented (default: now, or the start of their booked slot)"))
	book := fs.Bool("book", false, lang.L("book the leader's next free gap for presenting them (as materials schedule)"))
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	if *book && *when != "" {
		return fmt.Errorf("%w: --book %s", errUsage, lang.L("cannot go with --at"))
	}
	return materialStep(env, id, *asJSON, func(ctx context.Context, loc *time.Location) error {
		if *book {
			return scheduleMaterials(ctx, env, id, time.Time{})
		}
		var at time.Time
		if *when != "" {
			var err error
			if at, err = parseWhen("at", *when, loc); err != nil {
				return err
			}
		}
		return env.deskSvc.PresentMaterial(ctx, id, at, cliUser())
	})
}

// runMaterialsSchedule books a slot to present received materials: at
// --at, or the leader's next free gap.
func runMaterialsSchedule(env *env, args []string) error {
	fs := newFlagSet(env, "materials schedule")
	when := fs.String("at", "", lang.L("start of the slot (default: the leader's next free gap)"))
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	return materialStep(env, id, *asJSON, func(ctx context.Context, loc *time.Location) error {
		var at time.Time
		if *when != "" {
			var err error
			if at, err = parseWhen("at", *when, loc); err != nil {
				return err
			}
		}
		return scheduleMaterials(ctx, env, id, at)
	})
}

// scheduleMaterials books the slot at start (zero: the next free gap).
func scheduleMaterials(ctx context.Context, env *env, id int64, start time.Time) error {
	m, err := env.deskSvc.Material(ctx, id)
	if err != nil {
		return err
	}
	slot := calendar.Slot{Start: start, End: start.Add(desk.PresentLength)}
	if start.IsZero() {
		gaps, err := env.deskSvc.PresentationGaps(ctx, m.LeaderID, 1)
		if err != nil {
			return err
		}
		if len(gaps) == 0 {
			return errors.New(lang.L("the leader has no free gap in the next two weeks"))
		}
		slot = gaps[0]
	}
	_, err = env.deskSvc.SchedulePresenting(ctx, id, slot, presentTitle(m), cliUser())
	return err
}

// runMaterialsUnschedule calls the booked slot off.
func runMaterialsUnschedule(env *env, args []string) error {
	fs := newFlagSet(env, "materials unschedule")
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	return materialStep(env, id, *asJSON, func(ctx context.Context, _ *time.Location) error {
		return env.deskSvc.UnschedulePresenting(ctx, id, cliUser())
	})
}

// presentTitle is the title of the engagement in which materials are presented.
func presentTitle(m desk.Material) string {
	return lang.L("Presenting materials: {{.Title}}", map[string]any{"Title": m.Title})
}

// runMaterialsInstruct records the leader's instructions.
func runMaterialsInstruct(env *env, args []string) error {
	fs := newFlagSet(env, "materials instruct")
	text := fs.String("text", "", lang.L("the leader's instructions (批示), as written"))
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	return materialStep(env, id, *asJSON, func(ctx context.Context, _ *time.Location) error {
		return env.deskSvc.InstructMaterial(ctx, id, *text, cliUser())
	})
}

// runMaterialsArchive files the materials.
func runMaterialsArchive(env *env, args []string) error {
	fs := newFlagSet(env, "materials archive")
	asJSON := jsonFlag(fs)
	id, err := parseMaterialID(fs, args)
	if err != nil {
		return err
	}
	return materialStep(env, id, *asJSON, func(ctx context.Context, _ *time.Location) error {
		return env.deskSvc.ArchiveMaterial(ctx, id, cliUser())
	})
}

// materialStep runs one move on materials id and reports where they stand.
func materialStep(env *env, id int64, asJSON bool, step func(context.Context, *time.Location) error) error {
	ctx := context.Background()
	_, loc, err := loadMaterial(ctx, env, id)
	if err != nil {
		return err
	}
	if err := step(ctx, loc); err != nil {
		return describe(err, about{what: lang.L("Briefing materials"), id: id, fields: materialFlags})
	}
	m, err := env.deskSvc.Material(ctx, id)
	if err != nil {
		return err
	}
	return emit(env, asJSON, toMaterialJSON(m, loc, env.svc.Now()), func() {
		fmt.Fprintln(env.stdout, lang.L("Briefing materials {{.ID}} are now “{{.State}}”.", map[string]any{"ID": id, "State": materialStateName(string(m.State))}))
	})
}

// loadMaterial reads materials and their leader's zone.
func loadMaterial(ctx context.Context, env *env, id int64) (desk.Material, *time.Location, error) {
	m, err := env.deskSvc.Material(ctx, id)
	if err != nil {
		return m, nil, describe(err, about{what: lang.L("Briefing materials"), id: id})
	}
	leader, err := env.svc.Leader(ctx, m.LeaderID)
	if err != nil {
		return m, nil, err
	}
	loc, err := leader.Location()
	return m, loc, err
}

// materialStateName is a materials state in the user's language.
func materialStateName(s string) string {
	code := desk.MaterialState(s).StateCode()
	return lang.X(code, desk.English(code))
}
