package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// visitCommands are the verbs of `anteroom visit`.
var visitCommands = []subcommand{
	{"add", "Record a visit request; prints its ID", runVisitAdd},
	{"list", "List visit requests", runVisitList},
	{"show", "Show a visit request and its trail", runVisitShow},
	{"book", "Book a requested visit, checked against the rules", runVisitBook},
	{"decline", "Decline a visit request; its briefing materials become expected", runVisitDecline},
	{"withdraw", "Record that the visitor withdrew the request", visitMover(desk.MoveWithdraw)},
	{"done", "Record that a booked visit took place", visitMover(desk.MoveComplete)},
	{"cancel", "Cancel a booked visit, freeing its slot", visitMover(desk.MoveCancel)},
	{"no-show", "Record that nobody came to a booked visit", visitMover(desk.MoveNoShow)},
}

// runVisit runs one of visitCommands.
func runVisit(env *env, args []string) error { return dispatch(env, "visit", visitCommands, args) }

// visitFlags names the flag behind each field a visit problem names.
var visitFlags = map[string]string{
	"org": "org", "person": "person", "purpose": "purpose", "visitors": "visitors", "want": "want",
	"reason": "reason", "due": "materials-due", "file": "file", "leader": "leader", "end": "end", "start": "start",
}

// visitJSON is a visit request as the visit commands print it.
type visitJSON struct {
	ID            int64         `json:"id"`
	State         string        `json:"state"`
	Leader        string        `json:"leader"`
	Org           string        `json:"org"`
	People        []personJSON  `json:"people"`
	Phone         string        `json:"phone,omitempty"`
	ReferredBy    string        `json:"referred_by,omitempty"`
	Purpose       string        `json:"purpose"`
	Visitors      int           `json:"visitors"`
	Want          []slotJSON    `json:"want"`
	Files         []fileJSON    `json:"files"`
	EngagementID  int64         `json:"engagement_id,omitempty"`
	DeclineReason string        `json:"decline_reason,omitempty"`
	Decided       string        `json:"decided,omitempty"`
	DecidedBy     string        `json:"decided_by,omitempty"`
	Created       string        `json:"created"`
	Updated       string        `json:"updated"`
	Trail         []auditJSON   `json:"trail,omitempty"`
	Materials     *materialJSON `json:"materials,omitempty"`
}

type personJSON struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Phone string `json:"phone,omitempty"`
}

func toVisitJSON(r desk.VisitRequest, leader calendar.Leader, loc *time.Location) visitJSON {
	j := visitJSON{ID: r.ID, State: string(r.State), Leader: leader.Name, Org: r.Org, Phone: r.Phone, ReferredBy: r.ReferredBy,
		Purpose: r.Purpose, Visitors: r.Visitors, Files: toFilesJSON(r.Files), EngagementID: r.EngagementID,
		DeclineReason: r.DeclineReason, Decided: timeJSON(r.Decided, loc), DecidedBy: r.DecidedBy,
		Created: timeJSON(r.Created, loc), Updated: timeJSON(r.Updated, loc), People: []personJSON{}, Want: []slotJSON{}}
	for _, p := range r.People {
		j.People = append(j.People, personJSON{Name: p.Name, Title: p.Title, Phone: p.Phone})
	}
	for _, w := range r.Windows {
		j.Want = append(j.Want, toSlotJSON(calendar.Slot(w), loc))
	}
	return j
}

// runVisitAdd records a request and prints its ID.
func runVisitAdd(env *env, args []string) error {
	fs := newFlagSet(env, "visit add")
	org := fs.String("org", "", lang.L("the organisation that asks"))
	var people, wants, files listFlag
	fs.Var(&people, "person", lang.L("who comes, as NAME or NAME:TITLE; repeat for each person"))
	purpose := fs.String("purpose", "", lang.L("what the visit is about"))
	phone := fs.String("phone", "", lang.L("contact phone"))
	referred := fs.String("referred-by", "", lang.L("the department that passed the request on"))
	visitors := fs.Int("visitors", 0, lang.L("how many come (default: the people named)"))
	fs.Var(&wants, "want", lang.L("a preferred time START/END (YYYY-MM-DD HH:MM/HH:MM); repeatable"))
	fs.Var(&files, "file", lang.L("a local file sent with the request; repeatable"))
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	r := desk.VisitRequest{LeaderID: leader.ID, Org: *org, Phone: *phone, ReferredBy: *referred, Purpose: *purpose, Visitors: *visitors}
	for _, p := range people {
		r.People = append(r.People, parsePerson(p))
	}
	for _, w := range wants {
		tw, err := parseWindow(w, loc)
		if err != nil {
			return err
		}
		r.Windows = append(r.Windows, tw)
	}
	if err := env.deskSvc.AddVisitRequest(ctx, &r, files, cliUser()); err != nil {
		return describe(err, about{fields: visitFlags})
	}
	return emit(env, *asJSON, toVisitJSON(r, leader, loc), func() { fmt.Fprintln(env.stdout, r.ID) })
}

// parsePerson reads NAME or NAME:TITLE; a full-width colon works too.
func parsePerson(s string) desk.Visitor {
	s = strings.Replace(s, "：", ":", 1)
	name, title, _ := strings.Cut(s, ":")
	return desk.Visitor{Name: strings.TrimSpace(name), Title: strings.TrimSpace(title)}
}

// parseWindow reads START/END; an END of only HH:MM is on START's day.
func parseWindow(v string, loc *time.Location) (desk.TimeWindow, error) {
	s, e, ok := strings.Cut(v, "/")
	if !ok {
		return desk.TimeWindow{}, flagError("want", v, errors.New(lang.L("is not START/END")))
	}
	start, err := parseWhen("want", strings.TrimSpace(s), loc)
	if err != nil {
		return desk.TimeWindow{}, err
	}
	e = strings.TrimSpace(e)
	if c, err := time.Parse("15:04", e); err == nil {
		st := start.In(loc)
		return desk.TimeWindow{Start: start, End: time.Date(st.Year(), st.Month(), st.Day(), c.Hour(), c.Minute(), 0, 0, loc)}, nil
	}
	end, err := parseWhen("want", e, loc)
	if err != nil {
		return desk.TimeWindow{}, err
	}
	return desk.TimeWindow{Start: start, End: end}, nil
}

// runVisitList lists the leader's requests, newest first.
func runVisitList(env *env, args []string) error {
	fs := newFlagSet(env, "visit list")
	state := fs.String("state", "", lang.L("only this state: requested, booked, declined, withdrawn, done, cancelled, no_show"))
	search := fs.String("search", "", lang.L("only requests containing this text"))
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := parseStateFilter[desk.VisitState](*state, lang.L("is not a visit state"))
	if err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	rs, err := env.deskSvc.VisitRequests(ctx, leader.ID, st)
	if err != nil {
		return err
	}
	var shown []desk.VisitRequest
	for _, r := range rs {
		if r.Matches(*search) {
			shown = append(shown, r)
		}
	}
	out := jsonList(shown, func(r desk.VisitRequest) visitJSON { return toVisitJSON(r, leader, loc) })
	return emit(env, *asJSON, out, func() {
		if len(shown) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No visit requests."))
		}
		for _, r := range shown {
			fmt.Fprintf(env.stdout, "%d\t%s\t%s\t%s\t%s\n", r.ID, visitStateName(string(r.State)), terminalText(r.Org), terminalText(r.PeopleText()), terminalText(r.Purpose))
		}
	})
}

// runVisitShow prints one request with its trail.
func runVisitShow(env *env, args []string) error {
	fs := newFlagSet(env, "visit show")
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	r, leader, loc, err := loadVisit(ctx, env, id)
	if err != nil {
		return err
	}
	trail, err := env.deskSvc.Audit(ctx, r.Subject())
	if err != nil {
		return err
	}
	j := toVisitJSON(r, leader, loc)
	j.Trail = toAuditJSON(trail, loc)
	return emit(env, *asJSON, j, func() { printVisit(env.stdout, r, trail, loc) })
}

// printVisit writes a request, its details one a line, and its trail.
func printVisit(w io.Writer, r desk.VisitRequest, trail []desk.AuditEntry, loc *time.Location) {
	fmt.Fprintf(w, "%d  %s  %s\n", r.ID, visitStateName(string(r.State)), terminalText(r.Org))
	fmt.Fprintf(w, "  %s: %s\n", lang.L("People"), terminalText(r.PeopleText()))
	fmt.Fprintf(w, "  %s: %s\n", lang.L("Purpose"), terminalText(r.Purpose))
	for _, tw := range r.Windows {
		fmt.Fprintf(w, "  %s: %s – %s\n", lang.L("Preferred time"), timeText(tw.Start, loc), timeText(tw.End, loc))
	}
	for _, a := range r.Files {
		fmt.Fprintf(w, "  %s: %s\n", lang.L("File"), terminalText(a.Name))
	}
	if r.DeclineReason != "" {
		fmt.Fprintf(w, "  %s: %s\n", lang.L("Reason"), terminalText(r.DeclineReason))
	}
	fmt.Fprintln(w, lang.L("Trail:"))
	printAudit(w, trail, loc, visitStateName)
}

// runVisitBook books a requested visit; a blocking finding refuses it with
// exit 3 unless --force comes with a --reason.
func runVisitBook(env *env, args []string) error {
	fs := newFlagSet(env, "visit book")
	when := timeRangeFlags(fs)
	ov := overrideFlags(fs)
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	_, leader, loc, err := loadVisit(ctx, env, id)
	if err != nil {
		return err
	}
	s, e, err := when.read(loc)
	if err != nil {
		return err
	}
	if err := ov.check(); err != nil {
		return err
	}
	slot := calendar.Slot{Start: s, End: e}
	var findings []calendar.Finding
	if *ov.force {
		findings, err = env.deskSvc.BookVisitOverride(ctx, id, slot, *ov.reason, cliUser())
	} else {
		findings, err = env.deskSvc.BookVisit(ctx, id, slot, cliUser())
	}
	if errors.Is(err, calendar.ErrConflict) {
		return refuse(env, *asJSON, findings, notBooked())
	}
	if err != nil {
		return describe(err, about{what: lang.L("Visit request"), id: id, fields: map[string]string{"reason": "reason", "end": "end", "start": "start"}})
	}
	r, err := env.deskSvc.VisitRequest(ctx, id)
	if err != nil {
		return err
	}
	saved := map[string]any{"saved": true, "visit": toVisitJSON(r, leader, loc), "findings": toFindingsJSON(findings)}
	return emit(env, *asJSON, saved, func() {
		fmt.Fprintln(env.stdout, lang.L("Booked visit request {{.ID}}: {{.Org}}, {{.When}}.",
			map[string]any{"ID": id, "Org": terminalText(r.Org), "When": timeText(s, loc) + "–" + e.In(loc).Format("15:04")}))
		printFindings(env.stdout, findings)
	})
}

// runVisitDecline declines a request and prints the materials now expected.
func runVisitDecline(env *env, args []string) error {
	fs := newFlagSet(env, "visit decline")
	reason := fs.String("reason", "", lang.L("why the visit is declined (required)"))
	due := fs.String("materials-due", "", lang.L("when the briefing materials are due, YYYY-MM-DD (default: in a week)"))
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	d, err := parseDue("materials-due", *due)
	if err != nil {
		return err
	}
	ctx := context.Background()
	m, err := env.deskSvc.DeclineVisit(ctx, id, *reason, d, cliUser())
	if err != nil {
		return describe(err, about{what: lang.L("Visit request"), id: id, fields: visitFlags})
	}
	r, leader, loc, err := loadVisit(ctx, env, id)
	if err != nil {
		return err
	}
	j := toVisitJSON(r, leader, loc)
	mj := toMaterialJSON(m, loc, env.svc.Now())
	j.Materials = &mj
	return emit(env, *asJSON, j, func() {
		fmt.Fprintln(env.stdout, lang.L("Declined visit request {{.ID}}; briefing materials {{.Materials}} are expected by {{.Due}}.",
			map[string]any{"ID": id, "Materials": m.ID, "Due": m.Due.String()}))
	})
}

// visitMover returns a command taking one move that needs only a note.
func visitMover(move desk.VisitMove) func(env *env, args []string) error {
	return func(env *env, args []string) error {
		fs := newFlagSet(env, "visit "+string(move))
		note := fs.String("note", "", lang.L("a note for the trail"))
		asJSON := jsonFlag(fs)
		id, err := parseWithID(fs, args)
		if err != nil {
			return err
		}
		ctx := context.Background()
		if err := env.deskSvc.MoveVisit(ctx, id, move, *note, cliUser()); err != nil {
			return describe(err, about{what: lang.L("Visit request"), id: id, fields: visitFlags})
		}
		r, leader, loc, err := loadVisit(ctx, env, id)
		if err != nil {
			return err
		}
		return emit(env, *asJSON, toVisitJSON(r, leader, loc), func() {
			fmt.Fprintln(env.stdout, lang.L("Visit request {{.ID}} is now “{{.State}}”.", map[string]any{"ID": id, "State": visitStateName(string(r.State))}))
		})
	}
}

// loadVisit reads a request with its leader and the leader's zone.
func loadVisit(ctx context.Context, env *env, id int64) (desk.VisitRequest, calendar.Leader, *time.Location, error) {
	r, err := env.deskSvc.VisitRequest(ctx, id)
	if err != nil {
		return r, calendar.Leader{}, nil, describe(err, about{what: lang.L("Visit request"), id: id})
	}
	leader, err := env.svc.Leader(ctx, r.LeaderID)
	if err != nil {
		return r, leader, nil, err
	}
	loc, err := leader.Location()
	return r, leader, loc, err
}

// visitStateName is a visit state in the user's language.
func visitStateName(s string) string {
	code := desk.VisitState(s).StateCode()
	return lang.X(code, desk.English(code))
}
