package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// agendaItem is one occurrence in `agenda --json`. Timed items have RFC
// 3339 instants in the leader's zone; all-day items have dates, end
// exclusive, as in iCalendar.
type agendaItem struct {
	ID             int64  `json:"id"`
	UID            string `json:"uid"`
	Title          string `json:"title"`
	Kind           string `json:"kind"`
	Start          string `json:"start"`
	End            string `json:"end"`
	AllDay         bool   `json:"all_day"`
	Status         string `json:"status"`
	Classification string `json:"classification"`
	Leader         string `json:"leader"`
	Location       string `json:"location"`
	Organiser      string `json:"organiser,omitempty"`
	Notes          string `json:"notes,omitempty"`
	Source         string `json:"source"`
	Sequence       int    `json:"sequence"`
	RRule          string `json:"rrule,omitempty"`
	SeriesID       int64  `json:"series_id,omitempty"`
	RecurrenceID   string `json:"recurrence_id,omitempty"`
}

// runAgenda lists a leader's engagements from --from to --to, both inclusive.
func runAgenda(env *env, args []string) error {
	fs := newFlagSet(env, "agenda")
	days := dayRangeFlags(fs)
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	first, last, err := days.read()
	if err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	items, err := env.svc.Agenda(ctx, leader, first, last)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, jsonList(items, func(e calendar.Engagement) agendaItem { return toAgendaItem(e, leader, loc) }))
	}
	printAgenda(env.stdout, items, leader, loc)
	return nil
}

func toAgendaItem(e calendar.Engagement, leader calendar.Leader, loc *time.Location) agendaItem {
	it := agendaItem{ID: e.ID, UID: e.UID, Title: e.Title, Kind: string(e.Kind), AllDay: e.AllDay,
		Status: string(e.Status), Classification: string(e.Classification), Leader: leader.Name,
		Location: e.Location, Organiser: e.Organiser, Notes: e.Notes, Source: string(e.Source), Sequence: e.Sequence}
	if e.IsOccurrence() {
		it.SeriesID = e.SeriesID
		it.RecurrenceID = e.RecurrenceID.In(loc).Format(time.RFC3339)
	}
	it.RRule = e.RRule
	if e.AllDay {
		it.Start, it.End = e.StartDay.String(), e.EndDay.String()
	} else {
		it.Start, it.End = e.Start.In(loc).Format(time.RFC3339), e.End.In(loc).Format(time.RFC3339)
	}
	return it
}

// printAgenda writes one line per engagement, grouped by day, in one
// write: a week of hundreds of lines cost a system call each. As when it
// wrote line by line, a failed write is not reported.
func printAgenda(stdout io.Writer, items []calendar.Engagement, leader calendar.Leader, loc *time.Location) {
	w := bufio.NewWriterSize(stdout, 64<<10)
	writeAgenda(w, items, leader, loc)
	_ = w.Flush()
}

func writeAgenda(w io.Writer, items []calendar.Engagement, leader calendar.Leader, loc *time.Location) {
	if len(items) == 0 {
		fmt.Fprintln(w, lang.L("Nothing booked."))
		return
	}
	fmt.Fprintf(w, "%s (%s)\n", terminalText(leader.Name), loc)
	// Each line is appended to one buffer, and the words it shares with
	// other lines are translated once: a week of hundreds of lines spent
	// more on formatting and look-ups than on reading them.
	allDay := lang.L("All day")
	statuses := map[calendar.Status]string{}
	var line []byte
	var day calendar.Date
	for _, e := range items {
		d := calendar.DateOf(e.Start.In(loc))
		if e.AllDay {
			d = e.StartDay
		}
		if d != day {
			day = d
			fmt.Fprintf(w, "\n%s %s\n", d, lang.L(d.Weekday().String()[:3]))
		}
		line = append(line[:0], "  "...)
		if e.AllDay {
			line = append(line, allDay...)
		} else {
			line = e.Start.In(loc).AppendFormat(line, "15:04")
			line = append(line, "–"...)
			line = e.End.In(loc).AppendFormat(line, "15:04")
		}
		// as fmt's %-11s: padded with spaces to 11 runes
		for n := utf8.RuneCount(line[2:]); n < 11; n++ {
			line = append(line, ' ')
		}
		line = append(line, ' ')
		line = append(line, terminalText(e.Title)...)
		if e.Location != "" {
			line = append(line, " @ "...)
			line = append(line, terminalText(e.Location)...)
		}
		if e.Status != calendar.StatusConfirmed {
			label, ok := statuses[e.Status]
			if !ok {
				label = lang.L(capitalize(string(e.Status)))
				statuses[e.Status] = label
			}
			line = append(line, " ["...)
			line = append(line, label...)
			line = append(line, ']')
		}
		line = append(line, '\n')
		_, _ = w.Write(line)
	}
}

// requiredDate parses a YYYY-MM-DD flag value that must be present.
func requiredDate(name, value string) (calendar.Date, error) {
	if value == "" {
		return calendar.Date{}, fmt.Errorf("%w: --%s %s", errUsage, name, lang.L("is required (YYYY-MM-DD)"))
	}
	d, err := time.Parse(time.DateOnly, value)
	if err != nil {
		return calendar.Date{}, flagError(name, value, fmt.Errorf("%s", lang.L("is not a date of the form YYYY-MM-DD")))
	}
	return calendar.DateOf(d), nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
