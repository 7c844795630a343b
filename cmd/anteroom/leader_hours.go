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
)

// weekdayFlags are the flags of one weekday's hours, in the order the
// week is shown, Monday first.
var weekdayFlags = []struct {
	name string
	day  time.Weekday
}{
	{"mon", time.Monday}, {"tue", time.Tuesday}, {"wed", time.Wednesday}, {"thu", time.Thursday},
	{"fri", time.Friday}, {"sat", time.Saturday}, {"sun", time.Sunday},
}

// hoursFlags are what leader hours can change; each is applied only when
// given.
type hoursFlags struct {
	days                map[string]*string
	weekdays            *string
	dayOff, workday     listFlag
	special, clear      listFlag
	buffer, notice      listFlag
	weeklyCap, dailyCap *int
	note                *string
	asJSON              *bool
}

func registerHoursFlags(fs *flag.FlagSet) *hoursFlags {
	f := &hoursFlags{days: map[string]*string{}}
	for _, d := range weekdayFlags {
		f.days[d.name] = fs.String(d.name, "", lang.L("hours that weekday, e.g. 08:30-12:00,14:00-17:30; off for none"))
	}
	f.weekdays = fs.String("weekdays", "", lang.L("the same hours Monday to Friday"))
	fs.Var(&f.dayOff, "day-off", lang.L("a day off, YYYY-MM-DD; repeatable"))
	fs.Var(&f.workday, "workday", lang.L("a make-up workday, YYYY-MM-DD, or YYYY-MM-DD=HOURS; repeatable"))
	fs.Var(&f.special, "special", lang.L("other hours on one date, YYYY-MM-DD=HOURS; repeatable"))
	fs.Var(&f.clear, "clear", lang.L("drop the override of a date, YYYY-MM-DD; repeatable"))
	f.note = fs.String("title", "", lang.L("what the dates set here are, e.g. 国庆节"))
	fs.Var(&f.buffer, "buffer", lang.L("time kept free around a kind, KIND=DURATION, e.g. visit=10m; repeatable"))
	fs.Var(&f.notice, "notice", lang.L("working days of notice a kind needs, KIND=DAYS, e.g. visit=1; repeatable"))
	f.weeklyCap = fs.Int("weekly-cap", 0, lang.L("at most this many visits a week; 0 for no cap"))
	f.dailyCap = fs.Int("daily-cap", 0, lang.L("at most this many visits a day; 0 for no cap"))
	f.asJSON = jsonFlag(fs)
	return f
}

// apply changes a by the flags set names.
func (f *hoursFlags) apply(a *calendar.Availability, set map[string]bool) error {
	if set["weekdays"] {
		h, err := parseDayHours("weekdays", *f.weekdays)
		if err != nil {
			return err
		}
		for d := time.Monday; d <= time.Friday; d++ {
			a.Week[d] = h
		}
	}
	for _, d := range weekdayFlags {
		if !set[d.name] {
			continue
		}
		h, err := parseDayHours(d.name, *f.days[d.name])
		if err != nil {
			return err
		}
		a.Week[d.day] = h
	}
	for _, v := range f.clear {
		day, err := requiredDate("clear", v)
		if err != nil {
			return err
		}
		a.RemoveOverride(day)
	}
	for _, v := range f.dayOff {
		day, err := requiredDate("day-off", v)
		if err != nil {
			return err
		}
		a.SetOverride(calendar.DateOverride{Date: day, Kind: calendar.DayOff, Title: *f.note})
	}
	for _, o := range []struct {
		flag   string
		values listFlag
		kind   calendar.OverrideKind
	}{{"workday", f.workday, calendar.Workday}, {"special", f.special, calendar.SpecialHours}} {
		for _, v := range o.values {
			dayText, hoursText, hasHours := strings.Cut(v, "=")
			day, err := requiredDate(o.flag, dayText)
			if err != nil {
				return err
			}
			if o.kind == calendar.SpecialHours && !hasHours {
				return flagError(o.flag, v, errors.New(lang.L("is not YYYY-MM-DD=HOURS")))
			}
			h, err := parseDayHours(o.flag, hoursText)
			if err != nil {
				return err
			}
			a.SetOverride(calendar.DateOverride{Date: day, Kind: o.kind, Hours: h, Title: *f.note})
		}
	}
	if err := f.applyRules(a); err != nil {
		return err
	}
	if set["weekly-cap"] {
		a.WeeklyVisitCap = *f.weeklyCap
	}
	if set["daily-cap"] {
		a.DailyVisitCap = *f.dailyCap
	}
	return nil
}

// applyRules sets the buffers and notice of --buffer and --notice.
func (f *hoursFlags) applyRules(a *calendar.Availability) error {
	if a.Rules == nil {
		a.Rules = map[calendar.Kind]calendar.KindRule{}
	}
	for _, v := range f.buffer {
		k, value, err := kindValue("buffer", v)
		if err != nil {
			return err
		}
		d, err := time.ParseDuration(value)
		if err != nil {
			return flagError("buffer", v, errors.New(lang.L("is not a length such as 45m or 1h30m")))
		}
		r := a.Rules[k]
		r.Buffer = d
		a.Rules[k] = r
	}
	for _, v := range f.notice {
		k, value, err := kindValue("notice", v)
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(value)
		if err != nil {
			return flagError("notice", v, errors.New(lang.L("is not a number of days")))
		}
		r := a.Rules[k]
		r.NoticeDays = n
		a.Rules[k] = r
	}
	return nil
}

// kindValue reads KIND=VALUE.
func kindValue(flagName, v string) (calendar.Kind, string, error) {
	kindText, value, ok := strings.Cut(v, "=")
	k, err := calendar.ParseKind(kindText)
	if !ok || err != nil {
		return "", "", flagError(flagName, v, errors.New(lang.L("is not KIND=VALUE with KIND one of meeting, visit, activity, blocked")))
	}
	return k, value, nil
}

// parseDayHours reads one day's hours; off, none or nothing is no hours.
func parseDayHours(flagName, v string) ([]calendar.ClockRange, error) {
	if v == "off" || v == "none" || v == "" {
		return nil, nil
	}
	h, err := calendar.ParseHours(v)
	if err != nil {
		return nil, flagError(flagName, v, errors.New(lang.L("is not hours such as 08:30-12:00,14:00-17:30")))
	}
	return h, nil
}

// hoursFields maps the fields Availability.Validate names to flags.
func hoursFields() map[string]string {
	m := map[string]string{"weekly_cap": "weekly-cap", "daily_cap": "daily-cap"}
	for _, d := range weekdayFlags {
		m["hours."+d.name] = d.name
	}
	for _, k := range calendar.Kinds {
		m["buffer."+string(k)] = "buffer"
		m["notice."+string(k)] = "notice"
	}
	return m
}

// availabilityJSON is a leader's available time as leader hours prints it.
type availabilityJSON struct {
	Leader    string              `json:"leader"`
	Zone      string              `json:"zone"`
	Week      map[string]string   `json:"week"` // mon … sun: HH:MM-HH:MM,…; empty for none
	Overrides []overrideJSON      `json:"overrides"`
	Rules     map[string]ruleJSON `json:"rules"`
	WeeklyCap int                 `json:"weekly_visit_cap"`
	DailyCap  int                 `json:"daily_visit_cap"`
}

type overrideJSON struct {
	Date  string `json:"date"`
	Kind  string `json:"kind"` // day_off, workday, hours
	Hours string `json:"hours,omitempty"`
	Title string `json:"title,omitempty"`
}

type ruleJSON struct {
	BufferMinutes int `json:"buffer_minutes"`
	NoticeDays    int `json:"notice_days"`
}

func toAvailabilityJSON(l calendar.Leader, a calendar.Availability) availabilityJSON {
	j := availabilityJSON{Leader: l.Name, Zone: l.ZoneName, Week: map[string]string{}, Rules: map[string]ruleJSON{},
		WeeklyCap: a.WeeklyVisitCap, DailyCap: a.DailyVisitCap}
	for _, d := range weekdayFlags {
		j.Week[d.name] = calendar.FormatHours(a.Week[d.day])
	}
	j.Overrides = jsonList(a.Overrides, func(o calendar.DateOverride) overrideJSON {
		return overrideJSON{Date: o.Date.String(), Kind: string(o.Kind), Hours: calendar.FormatHours(o.Hours), Title: o.Title}
	})
	for _, k := range calendar.Kinds {
		j.Rules[string(k)] = ruleJSON{BufferMinutes: int(a.Buffer(k) / time.Minute), NoticeDays: a.NoticeDays(k)}
	}
	return j
}

// runLeaderHours shows a leader's available time, after changing what
// the flags given say.
func runLeaderHours(env *env, args []string) error {
	fs := newFlagSet(env, "leader hours")
	f := registerHoursFlags(fs)
	ctx := context.Background()
	l, err := parseLeaderArg(ctx, env.svc, fs, args)
	if err != nil {
		return err
	}
	a, err := env.svc.Availability(ctx, l.ID)
	if err != nil {
		return err
	}
	set := setFlags(fs)
	delete(set, "json")
	if len(set) > 0 {
		if err := f.apply(&a, set); err != nil {
			return err
		}
		if err := env.svc.SaveAvailability(ctx, a); err != nil {
			return describe(err, about{fields: hoursFields()})
		}
	}
	return emit(env, *f.asJSON, toAvailabilityJSON(l, a), func() { printAvailability(env.stdout, toAvailabilityJSON(l, a)) })
}

// printAvailability writes the week's hours, the date overrides, and the
// rules of each kind that has any.
func printAvailability(w io.Writer, a availabilityJSON) {
	fmt.Fprintf(w, "%s (%s)\n", terminalText(a.Leader), a.Zone)
	for _, d := range weekdayFlags {
		h := a.Week[d.name]
		if h == "" {
			h = "—"
		}
		fmt.Fprintf(w, "  %-4s %s\n", lang.L(d.day.String()[:3]), h)
	}
	for _, o := range a.Overrides {
		line := fmt.Sprintf("  %s %s", o.Date, overrideKindName(o.Kind))
		if o.Hours != "" {
			line += " " + o.Hours
		}
		if o.Title != "" {
			line += "  " + terminalText(o.Title)
		}
		fmt.Fprintln(w, line)
	}
	for _, k := range calendar.Kinds {
		r := a.Rules[string(k)]
		if r.BufferMinutes == 0 && r.NoticeDays == 0 {
			continue
		}
		fmt.Fprintln(w, "  "+lang.L("{{.Kind}}: {{.Buffer}} min buffer, {{.Notice}} working days' notice",
			map[string]any{"Kind": lang.L(capitalize(string(k))), "Buffer": r.BufferMinutes, "Notice": r.NoticeDays}))
	}
	fmt.Fprintln(w, "  "+lang.L("Visits: at most {{.Week}} a week, {{.Day}} a day (0: no cap)", map[string]any{"Week": a.WeeklyCap, "Day": a.DailyCap}))
}

// overrideKindName is a kind of date override in the user's language.
func overrideKindName(kind string) string {
	switch calendar.OverrideKind(kind) {
	case calendar.DayOff:
		return lang.L("day off")
	case calendar.Workday:
		return lang.L("make-up workday")
	}
	return lang.L("special hours")
}
