package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/followup"
	"anteroom/calendar/review"
)

// weekCommands are the verbs of `anteroom week`: the Friday review and
// next week's plan.
var weekCommands = []subcommand{
	{"show", "Show the review of a week: each engagement and open briefing materials, with their IDs", runWeekShow},
	{"done", "Mark an item of the review done; its briefing materials are filed", runWeekDone},
	{"carry", "Carry an item over: into a free slot next week, or onto the to-schedule list", runWeekCarry},
	{"close", "Close the review of a week and record it", runWeekClose},
	{"print", "Write the plan of a week for other offices as a printable HTML table", runWeekPrint},
	{"circulate", "Write the plan of a week (HTML) and its .ics into a folder for other offices", runWeekCirculate},
}

// runWeek runs one of weekCommands.
func runWeek(env *env, args []string) error {
	return dispatch(env, "week", weekCommands, args)
}

// idHelp explains the review's item IDs; week show prints it.
func idHelp() string {
	return lang.L("IDs: E12 an engagement, S7@2026-11-25T09:00 an occurrence of series 7 (its original start), M3 briefing materials, T5 an entry of the to-schedule list.")
}

// parseWeekFlag reads --week: an ISO week (2026-W48), or a day of it
// (2026-11-25), since a desk names weeks by their dates as often as by
// their numbers; empty means def.
func parseWeekFlag(value string, def calendar.Week) (calendar.Week, error) {
	if value == "" {
		return def, nil
	}
	if d, err := calendar.ParseDate(strings.TrimSpace(value)); err == nil {
		return calendar.WeekOf(d), nil
	}
	w, err := calendar.ParseWeek(value)
	var ve *calendar.ValidationError
	if errors.As(err, &ve) {
		p := ve.Problems[0]
		if p.Code == "review.week_format" {
			return w, flagError("week", value, errors.New(lang.L("is neither a week such as 2026-W48 nor a day such as 2026-11-25")))
		}
		return w, flagError("week", value, errors.New(lang.X(p.Code, p.Message, p.Args)))
	}
	return w, err
}

// thisWeek is the week today is in, in loc.
func thisWeek(svc *calendar.Service, loc *time.Location) calendar.Week {
	return calendar.WeekOf(calendar.DateOf(svc.Now().In(loc)))
}

// weekFlags are --week and --leader of show and close: which leader's
// review of which week, this week by default.
type weekFlags struct{ week, leader *string }

func registerWeekFlags(fs *flag.FlagSet) weekFlags {
	return weekFlags{
		week:   fs.String("week", "", lang.L("ISO week, e.g. 2026-W48, or a day of it, YYYY-MM-DD (default: this week)")),
		leader: leaderFlag(fs),
	}
}

// read resolves the leader, the leader's zone and the week.
func (f weekFlags) read(ctx context.Context, svc *calendar.Service) (calendar.Leader, *time.Location, calendar.Week, error) {
	leader, loc, err := leaderAndZone(ctx, svc, *f.leader)
	if err != nil {
		return leader, loc, calendar.Week{}, err
	}
	w, err := parseWeekFlag(*f.week, thisWeek(svc, loc))
	return leader, loc, w, err
}

// parseWithItem parses flags around one review item ID, which may come
// before or after them, like parseWithID.
func parseWithItem(fs *flag.FlagSet, args []string) (string, error) {
	return parseAroundArg(fs, args, lang.L("name the item (anteroom week show lists their IDs)"))
}

// reviewFields maps the review's fields to the flags that set them.
var reviewFields = map[string]string{"note": "note", "week": "week"}

// reviewItemJSON is one item of a review as week show prints it.
type reviewItemJSON struct {
	ID        string     `json:"id"`
	Type      string     `json:"type"` // engagement, occurrence, materials, to_schedule
	Kind      string     `json:"kind,omitempty"`
	Title     string     `json:"title"`
	Start     string     `json:"start,omitempty"`
	End       string     `json:"end,omitempty"`
	AllDay    bool       `json:"all_day,omitempty"`
	Location  string     `json:"location,omitempty"`
	State     string     `json:"state,omitempty"` // of materials
	Carried   int        `json:"carried"`         // times carried over, this week's carry included
	StandsOut bool       `json:"stands_out"`      // carried three times or more
	Outcome   string     `json:"outcome,omitempty"`
	Note      string     `json:"note,omitempty"`
	CarriedTo *carryJSON `json:"carried_to,omitempty"`
}

// carryJSON is where a carried item went.
type carryJSON struct {
	State        string `json:"state"` // booked, to_schedule, dropped
	ToSchedule   string `json:"to_schedule_id,omitempty"`
	Week         string `json:"week"`
	EngagementID int64  `json:"engagement_id,omitempty"`
	Start        string `json:"start,omitempty"`
	End          string `json:"end,omitempty"`
	Times        int    `json:"times"`
}

// reviewRecordJSON is a closed review.
type reviewRecordJSON struct {
	At       string `json:"at"`
	By       string `json:"by"`
	Done     int    `json:"done"`
	Carried  int    `json:"carried"`
	Archived int    `json:"archived"`
	Note     string `json:"note,omitempty"`
}

// reviewJSON is a week's review.
type reviewJSON struct {
	Leader string            `json:"leader"`
	Week   string            `json:"week"`
	From   string            `json:"from"`
	To     string            `json:"to"`
	Closed *reviewRecordJSON `json:"closed"` // null while open
	Done   int               `json:"done"`
	Carry  int               `json:"carried"`
	Open   int               `json:"open"`
	Items  []reviewItemJSON  `json:"items"`
	// FollowUps are the follow-up items not closed that fall due this
	// week or are overdue: listed beside the week, never decided here.
	FollowUps []itemJSON `json:"followups"`
}

func toRecordJSON(r review.ReviewRecord, loc *time.Location) *reviewRecordJSON {
	return &reviewRecordJSON{At: timeJSON(r.Closed, loc), By: r.By, Done: r.Done, Carried: r.Carried, Archived: r.Archived, Note: r.Note}
}

// toReviewItemJSON describes it, looking up where a carried item went.
func toReviewItemJSON(ctx context.Context, env *env, it review.ReviewItem, loc *time.Location) (reviewItemJSON, error) {
	j := reviewItemJSON{ID: it.Ref.Text(loc), Title: it.Title(), Carried: it.CarriedTimes(), StandsOut: it.StandsOut()}
	switch it.Ref.Kind {
	case review.RefMaterial:
		j.Type, j.State, j.Location = "materials", string(it.Material.State), it.Material.From
	case review.RefToSchedule:
		j.Type, j.Kind, j.Location = "to_schedule", string(it.Engagement.Kind), it.Engagement.Location
	default:
		j.Type = "engagement"
		if it.Ref.Kind == review.RefOccurrence {
			j.Type = "occurrence"
		}
		e := it.Engagement
		j.Kind, j.Location, j.AllDay = string(e.Kind), e.Location, e.AllDay
		if e.AllDay {
			j.Start, j.End = e.StartDay.String(), e.EndDay.String()
		} else {
			j.Start, j.End = timeJSON(e.Start, loc), timeJSON(e.End, loc)
		}
	}
	if it.Mark == nil {
		return j, nil
	}
	j.Outcome, j.Note = string(it.Mark.Outcome), it.Mark.Note
	if it.Mark.CarryID == 0 {
		return j, nil
	}
	c, err := env.reviewSvc.CarryOver(ctx, it.Mark.CarryID)
	if err != nil {
		return j, err
	}
	j.CarriedTo, err = toCarryJSON(ctx, env, c, loc)
	return j, err
}

func toCarryJSON(ctx context.Context, env *env, c review.CarryOver, loc *time.Location) (*carryJSON, error) {
	j := &carryJSON{State: string(c.State), Week: c.ToWeek.String(), Times: c.Times}
	if c.State == review.CarryToSchedule {
		j.ToSchedule = c.Ref().Key()
	}
	if c.EngagementID != 0 {
		e, err := env.svc.Engagement(ctx, c.EngagementID)
		if err != nil && !errors.Is(err, calendar.ErrNotFound) {
			return nil, err
		}
		j.EngagementID = c.EngagementID
		if err == nil {
			if e.AllDay {
				j.Start, j.End = e.StartDay.String(), e.EndDay.String()
			} else {
				j.Start, j.End = timeJSON(e.Start, loc), timeJSON(e.End, loc)
			}
		}
	}
	return j, nil
}

// runWeekShow prints the review of a week, open or closed.
func runWeekShow(env *env, args []string) error {
	fs := newFlagSet(env, "week show")
	wf := registerWeekFlags(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, w, err := wf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	rv, err := env.reviewSvc.WeekReview(ctx, leader.ID, w)
	if err != nil {
		return describe(err, about{fields: reviewFields})
	}
	out := reviewJSON{Leader: leader.Name, Week: w.String(), From: w.Monday().String(), To: w.Sunday().String(), Items: []reviewItemJSON{}}
	out.Done, out.Carry, out.Open = rv.Counts()
	if rv.Record != nil {
		out.Closed = toRecordJSON(*rv.Record, loc)
	}
	for _, it := range rv.Items {
		j, err := toReviewItemJSON(ctx, env, it, loc)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, j)
	}
	today := env.followSvc.Today(loc)
	due, err := env.followSvc.DueBetween(ctx, leader.ID, w.Monday(), w.Sunday(), today)
	if err != nil {
		return err
	}
	out.FollowUps = jsonList(due, func(it followup.Item) itemJSON { return toItemJSON(it, today, loc) })
	return emit(env, *asJSON, out, func() { printReview(env.stdout, out) })
}

// printReview writes a review one line an item: ID, when, title, what
// was decided; items carried three times or more are flagged with ‼.
func printReview(w io.Writer, rv reviewJSON) {
	state := lang.L("open")
	if rv.Closed != nil {
		state = lang.L("closed {{.At}} by {{.By}}", map[string]any{"At": shortJSONTime(rv.Closed.At), "By": terminalText(rv.Closed.By)})
	}
	fmt.Fprintf(w, "%s · %s · %s – %s · %s\n", terminalText(rv.Leader), rv.Week, rv.From, rv.To, state)
	fmt.Fprintln(w, lang.L("{{.Done}} done, {{.Carried}} carried over, {{.Open}} to decide", map[string]any{"Done": rv.Done, "Carried": rv.Carry, "Open": rv.Open}))
	if len(rv.Items) == 0 {
		fmt.Fprintln(w, lang.L("Nothing to review."))
	}
	width := 4
	for _, it := range rv.Items {
		width = max(width, len(it.ID))
	}
	for _, it := range rv.Items {
		flagMark := "  "
		if it.StandsOut {
			flagMark = "‼ "
		}
		line := fmt.Sprintf("%s%-*s  %-17s %s", flagMark, width, it.ID, itemWhen(it), terminalText(it.Title))
		if it.Carried > 0 {
			line += "  " + lang.L("[carried {{.Times}}×]", map[string]any{"Times": it.Carried})
		}
		line += "  " + itemOutcome(it)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintln(w, idHelp())
	if len(rv.FollowUps) > 0 {
		fmt.Fprintln(w, lang.L("Follow-up due this week or overdue ({{.Count}}):", map[string]any{"Count": len(rv.FollowUps)}))
		for _, it := range rv.FollowUps {
			due := it.Due
			if it.Overdue {
				due += " " + lang.L("OVERDUE")
			}
			fmt.Fprintf(w, "  %d  %s  %s  %s  %s\n", it.ID, due, itemStateName(followup.State(it.State)), terminalText(it.Unit), terminalText(it.Text))
		}
	}
}

// itemWhen is an item's day and time, or what it is when it has none.
func itemWhen(it reviewItemJSON) string {
	switch it.Type {
	case "materials":
		if it.State == "" { // as a closed review recorded it
			return lang.L("materials")
		}
		return lang.L("materials") + " · " + materialStateName(it.State)
	case "to_schedule":
		return lang.L("to schedule")
	}
	if it.AllDay {
		d, _ := time.Parse(time.DateOnly, it.Start)
		return d.Format("01-02") + " " + lang.L(d.Weekday().String()[:3]) + " " + lang.L("All day")
	}
	s, _ := time.Parse(time.RFC3339, it.Start)
	e, _ := time.Parse(time.RFC3339, it.End)
	return s.Format("01-02") + " " + lang.L(s.Weekday().String()[:3]) + " " + s.Format("15:04") + "–" + e.Format("15:04")
}

// itemOutcome says what the review decided of an item.
func itemOutcome(it reviewItemJSON) string {
	var s string
	switch it.Outcome {
	case "":
		return "—"
	case string(review.OutcomeDone):
		s = lang.L("done")
	default:
		s = lang.L("carried over")
		if c := it.CarriedTo; c != nil {
			switch {
			case c.Start != "":
				s += " → " + shortJSONTime(c.Start)
			case c.State == string(review.CarryToSchedule):
				s += " → " + lang.L("to-schedule list") + " (" + c.ToSchedule + ")"
			}
		}
	}
	if it.Note != "" {
		s += ": " + terminalText(it.Note)
	}
	return s
}

// shortJSONTime shortens an RFC 3339 time or a date for a line of text.
func shortJSONTime(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format("2006-01-02 15:04")
	}
	return s
}
