package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/followup"
	"anteroom/internal/atomicfile"
)

// minutesCommands are the verbs of `anteroom minutes`.
var minutesCommands = []subcommand{
	{"edit", "Write or change the draft minutes of a meeting", runMinutesEdit},
	{"show", "Show minutes and their trail", runMinutesShow},
	{"list", "List the minutes of the leader's meetings", runMinutesList},
	{"submit", "Hand draft minutes up for sign-off", runMinutesSubmit},
	{"sign", "Record that the minutes were signed", runMinutesSign},
	{"issue", "Record the minutes as issued under a document number", runMinutesIssue},
	{"print", "Write the minutes as an A4 HTML page", runMinutesPrint},
}

// runMinutes runs one of minutesCommands.
func runMinutes(env *env, args []string) error {
	return dispatch(env, "minutes", minutesCommands, args)
}

// minutesFlags names the flag behind each field a minutes problem names.
var minutesFlags = map[string]string{"who": "by"}

// minutesJSON is minutes as the minutes commands print them.
type minutesJSON struct {
	ID           int64          `json:"id"`
	State        string         `json:"state"`
	EngagementID int64          `json:"engagement_id"`
	RecurrenceID string         `json:"recurrence_id,omitempty"`
	Meeting      string         `json:"meeting"`
	Start        string         `json:"start"`
	End          string         `json:"end"`
	Location     string         `json:"location,omitempty"`
	MeetingState string         `json:"meeting_state"` // live, cancelled or deleted
	ChairedBy    string         `json:"chaired_by,omitempty"`
	Attendees    []string       `json:"attendees"`
	Decisions    []decisionJSON `json:"decisions"`
	Text         string         `json:"text,omitempty"`
	SignedBy     string         `json:"signed_by,omitempty"`
	SignedAt     string         `json:"signed_at,omitempty"`
	Number       string         `json:"number,omitempty"`
	IssuedOn     string         `json:"issued_on,omitempty"`
	IssuedTo     []string       `json:"issued_to,omitempty"`
	Trail        []auditJSON    `json:"trail,omitempty"`
}

type decisionJSON struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

func toMinutesJSON(m followup.Minutes, loc *time.Location) minutesJSON {
	j := minutesJSON{ID: m.ID, State: string(m.State), EngagementID: m.Meeting.EngagementID,
		RecurrenceID: timeJSON(m.Meeting.RecurrenceID, time.UTC), Meeting: m.Meeting.Title,
		Start: timeJSON(m.Meeting.Start, loc), End: timeJSON(m.Meeting.End, loc), Location: m.Meeting.Location,
		MeetingState: meetingState(m.Meeting), ChairedBy: m.ChairedBy, Attendees: orEmpty(m.Attendees),
		Decisions: []decisionJSON{}, Text: m.Text, SignedBy: m.SignedBy, SignedAt: timeJSON(m.SignedAt, loc),
		Number: m.DocNumber, IssuedTo: m.IssuedTo}
	for _, d := range m.Decisions {
		j.Decisions = append(j.Decisions, decisionJSON{N: d.N, Text: d.Text})
	}
	if !m.IssuedOn.IsZero() {
		j.IssuedOn = m.IssuedOn.String()
	}
	return j
}

func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// meetingState says whether the minutes' meeting is still in the calendar.
func meetingState(m followup.Meeting) string {
	switch {
	case m.Gone:
		return "deleted"
	case m.Cancelled:
		return "cancelled"
	}
	return "live"
}

// runMinutesEdit creates or changes the draft minutes of a meeting.
func runMinutesEdit(env *env, args []string) error {
	fs := newFlagSet(env, "minutes edit")
	var decisions listFlag
	fs.Var(&decisions, "decision", lang.L("a decision (议定事项); repeat in order; replaces the decisions"))
	attendees := fs.String("attendees", "", lang.L("who attended, separated by commas; replaces the list"))
	chair := fs.String("chair", "", lang.L("who chaired the meeting"))
	text := fs.String("text", "", lang.L("the minutes' text"))
	occurrence := fs.String("occurrence", "", lang.L("the occurrence of a series, as recurrence_id in agenda --json"))
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	var rec time.Time
	if *occurrence != "" {
		if rec, err = time.Parse(time.RFC3339, *occurrence); err != nil {
			return flagError("occurrence", *occurrence, fmt.Errorf("%s", lang.L("is not an instant in RFC 3339")))
		}
	}
	var d followup.Draft
	set := setFlags(fs)
	if set["decision"] {
		d.Decisions = decisions
	}
	if set["attendees"] {
		d.Attendees = followup.SplitNames(*attendees)
	}
	if set["chair"] {
		d.ChairedBy = chair
	}
	if set["text"] {
		d.Text = text
	}
	ctx := context.Background()
	m, err := env.followSvc.EditMinutes(ctx, id, rec, d, cliUser())
	if err != nil {
		return describe(err, about{what: lang.L("Engagement"), id: id, fields: minutesFlags})
	}
	return printMinutesMove(env, m, *asJSON)
}

// runMinutesShow prints minutes with their trail.
func runMinutesShow(env *env, args []string) error {
	fs := newFlagSet(env, "minutes show")
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	m, loc, err := loadMinutes(ctx, env, id)
	if err != nil {
		return err
	}
	trail, err := env.followSvc.Audit(ctx, m.Subject())
	if err != nil {
		return err
	}
	j := toMinutesJSON(m, loc)
	j.Trail = toAuditJSON(followup.DeskTrail(trail), loc)
	return emit(env, *asJSON, j, func() { printMinutes(env.stdout, m, trail, loc) })
}

// runMinutesList lists the minutes of a leader's meetings, latest first.
func runMinutesList(env *env, args []string) error {
	fs := newFlagSet(env, "minutes list")
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
	ms, err := env.followSvc.ListMinutes(ctx, leader.ID)
	if err != nil {
		return err
	}
	return emit(env, *asJSON, jsonList(ms, func(m followup.Minutes) minutesJSON { return toMinutesJSON(m, loc) }), func() {
		if len(ms) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No minutes."))
		}
		for _, m := range ms {
			fmt.Fprintf(env.stdout, "%d\t%s\t%s\t%s\t%s\n", m.ID, minutesStateName(m.State),
				timeText(m.Meeting.Start, loc), terminalText(m.Meeting.Title), terminalText(m.DocNumber))
		}
	})
}

// runMinutesSubmit hands draft minutes up for sign-off.
func runMinutesSubmit(env *env, args []string) error {
	return minutesStep(env, "minutes submit", args, nil, func(ctx context.Context, id int64) (followup.Minutes, error) {
		return env.followSvc.SubmitMinutes(ctx, id, cliUser())
	})
}

// runMinutesSign records who signed the minutes.
func runMinutesSign(env *env, args []string) error {
	var by *string
	return minutesStep(env, "minutes sign", args, func(fs *flag.FlagSet) {
		by = fs.String("by", "", lang.L("who signed them (签批)"))
	}, func(ctx context.Context, id int64) (followup.Minutes, error) {
		return env.followSvc.SignMinutes(ctx, id, *by, cliUser())
	})
}

// runMinutesIssue records the minutes as issued.
func runMinutesIssue(env *env, args []string) error {
	var number, to, on *string
	return minutesStep(env, "minutes issue", args, func(fs *flag.FlagSet) {
		number = fs.String("number", "", lang.L("the document number (文号)"))
		to = fs.String("to", "", lang.L("the units they go to, separated by commas"))
		on = fs.String("date", "", lang.L("the day they are issued, YYYY-MM-DD (default: today)"))
	}, func(ctx context.Context, id int64) (followup.Minutes, error) {
		day, err := issueDay(ctx, env, id, *on)
		if err != nil {
			return followup.Minutes{}, err
		}
		return env.followSvc.IssueMinutes(ctx, id, *number, day, followup.SplitNames(*to), cliUser())
	})
}

// issueDay is --date, or today where the minutes' leader is.
func issueDay(ctx context.Context, env *env, id int64, on string) (calendar.Date, error) {
	if on != "" {
		return requiredDate("date", on)
	}
	_, loc, err := loadMinutes(ctx, env, id)
	if err != nil {
		return calendar.Date{}, err
	}
	return calendar.DateOf(env.svc.Now().In(loc)), nil
}

// minutesStep parses the ID and the flags extra declares, runs step and
// prints where the minutes stand.
func minutesStep(env *env, name string, args []string, extra func(*flag.FlagSet), step func(context.Context, int64) (followup.Minutes, error)) error {
	fs := newFlagSet(env, name)
	if extra != nil {
		extra(fs)
	}
	asJSON := jsonFlag(fs)
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	m, err := step(context.Background(), id)
	if err != nil {
		return describe(err, about{what: lang.L("Minutes"), id: id, fields: minutesFlags})
	}
	return printMinutesMove(env, m, *asJSON)
}

// printMinutesMove reports where minutes stand after a change.
func printMinutesMove(env *env, m followup.Minutes, asJSON bool) error {
	loc, err := zoneOf(context.Background(), env, m.Meeting.LeaderID)
	if err != nil {
		return err
	}
	return emit(env, asJSON, toMinutesJSON(m, loc), func() {
		fmt.Fprintln(env.stdout, lang.L("Minutes {{.ID}} of “{{.Meeting}}” are now “{{.State}}”.",
			map[string]any{"ID": m.ID, "Meeting": terminalText(m.Meeting.Title), "State": minutesStateName(m.State)}))
	})
}

// runMinutesPrint writes the minutes as an A4 HTML page.
func runMinutesPrint(env *env, args []string) error {
	fs := newFlagSet(env, "minutes print")
	output := fs.String("o", "", lang.L("write to this file instead of standard output"))
	level := fs.String("level", "full", lang.L("what a confidential meeting's minutes show: full, or limited (only that it took place)"))
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	full, err := fullLevel(*level)
	if err != nil {
		return err
	}
	m, loc, err := loadMinutes(context.Background(), env, id)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if full {
			return followup.WriteMinutesHTML(w, m, lang.X, loc)
		}
		return followup.WriteMinutesHTMLShared(w, m, lang.X, loc)
	}
	return writeDocument(env, *output, write)
}

// fullLevel reads --level: full, or a level below it.
func fullLevel(v string) (bool, error) {
	switch v {
	case "full":
		return true, nil
	case "limited", "busy":
		return false, nil
	}
	return false, flagError("level", v, fmt.Errorf("%s", lang.L("is not full, limited or busy")))
}

// writeDocument writes a printed document to path, through a temporary
// file, or to standard output when path is empty.
func writeDocument(env *env, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(env.stdout)
	}
	if err := atomicfile.Write(path, 0o644, write); err != nil {
		return err
	}
	fmt.Fprintln(env.stderr, lang.L("Wrote {{.File}}.", map[string]any{"File": terminalText(path)}))
	return nil
}

// loadMinutes reads minutes and their leader's zone.
func loadMinutes(ctx context.Context, env *env, id int64) (followup.Minutes, *time.Location, error) {
	m, err := env.followSvc.Minutes(ctx, id)
	if err != nil {
		return m, nil, describe(err, about{what: lang.L("Minutes"), id: id})
	}
	loc, err := zoneOf(ctx, env, m.Meeting.LeaderID)
	return m, loc, err
}

// zoneOf is a leader's zone.
func zoneOf(ctx context.Context, env *env, leaderID int64) (*time.Location, error) {
	leader, err := env.svc.Leader(ctx, leaderID)
	if err != nil {
		return nil, err
	}
	return leader.Location()
}

// printMinutes writes minutes, their details one a line, and their trail.
func printMinutes(w io.Writer, m followup.Minutes, trail []followup.AuditEntry, loc *time.Location) {
	fmt.Fprintf(w, "%d  %s  %s\n", m.ID, minutesStateName(m.State), terminalText(m.Meeting.Title))
	fmt.Fprintf(w, "  %s: %s–%s\n", lang.L("Time"), m.Meeting.Start.In(loc).Format("2006-01-02 15:04"), m.Meeting.End.In(loc).Format("15:04"))
	switch {
	case m.Meeting.Gone:
		fmt.Fprintf(w, "  %s\n", lang.L("The meeting was deleted from the calendar."))
	case m.Meeting.Cancelled:
		fmt.Fprintf(w, "  %s\n", lang.L("The meeting was cancelled."))
	}
	if m.ChairedBy != "" {
		fmt.Fprintf(w, "  %s: %s\n", lang.L("Chaired by"), terminalText(m.ChairedBy))
	}
	fmt.Fprintf(w, "  %s: %s\n", lang.L("Attendees"), terminalText(strings.Join(m.Attendees, ", ")))
	for _, d := range m.Decisions {
		fmt.Fprintf(w, "  %d. %s\n", d.N, terminalText(d.Text))
	}
	if m.SignedBy != "" {
		fmt.Fprintf(w, "  %s: %s\n", lang.L("Signed by"), terminalText(m.SignedBy))
	}
	if m.DocNumber != "" {
		fmt.Fprintf(w, "  %s: %s → %s\n", lang.L("Issued"), terminalText(m.DocNumber), terminalText(strings.Join(m.IssuedTo, ", ")))
	}
	fmt.Fprintln(w, lang.L("Trail:"))
	for i, e := range trail {
		if e.To == string(followup.MinutesDraft) {
			trail[i].Note = followup.EditNote(e.Note, lang.X)
		}
	}
	printAudit(w, followup.DeskTrail(trail), loc, func(s string) string { return minutesStateName(followup.MinutesState(s)) })
}

// minutesStateName is a state of minutes in the user's language.
func minutesStateName(s followup.MinutesState) string {
	return lang.X(followup.LabelKey(s.StateCode()), followup.English(s.StateCode()))
}
