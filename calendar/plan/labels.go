package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"anteroom/calendar"
)

// Translator returns the text of a message key in the reader's language,
// or fallback filled with data when there is none; fyne's lang.X is one.
// The keys are review.plan.*, translated in assets/translations.
type Translator func(key, fallback string, data ...any) string

// English is the Translator that always answers with the fallback.
func English(_, fallback string, data ...any) string {
	if len(data) == 0 {
		return fallback
	}
	args, _ := data[0].(map[string]any)
	for k, v := range args {
		fallback = strings.ReplaceAll(fallback, "{{."+k+"}}", fmt.Sprint(v))
	}
	return fallback
}

// labels are the words of one printed plan.
type labels struct{ tr Translator }

func (l labels) t(key, fallback string, kv ...any) string {
	if len(kv) == 0 {
		return l.tr(key, fallback)
	}
	args := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i].(string)] = kv[i+1]
	}
	return l.tr(key, fallback, args)
}

// lang is the document's language tag.
func (l labels) lang() string { return l.t("review.plan.lang", "en") }

// title names the plan after its leaders: 张书记、李县长一周工作安排.
func (l labels) title(leaders []calendar.Leader) string {
	names := make([]string, len(leaders))
	for i, x := range leaders {
		names[i] = x.Name
	}
	return l.t("review.plan.title", "Week plan: {{.Leaders}}", "Leaders", strings.Join(names, l.t("review.plan.leaders_sep", ", ")))
}

// subtitle names the week and its dates.
func (l labels) subtitle(w calendar.Week) string {
	return l.t("review.plan.subtitle", "Week {{.Number}} of {{.Year}}: {{.From}} – {{.To}}",
		"Year", strconv.Itoa(w.Year), "Number", strconv.Itoa(w.Number), "From", l.dateYear(w.Monday()), "To", l.dateYear(w.Sunday()))
}

// date is a day without its year: 11月30日, 30 Nov.
func (l labels) date(d calendar.Date) string {
	return l.t("review.plan.date", "{{.Day}} {{.MonthName}}", "Year", strconv.Itoa(d.Year), "Month", strconv.Itoa(int(d.Month)), "Day", strconv.Itoa(d.Day), "MonthName", d.Month.String()[:3])
}

// dateYear is a day with its year.
func (l labels) dateYear(d calendar.Date) string {
	return l.t("review.plan.date_year", "{{.Day}} {{.MonthName}} {{.Year}}", "Year", strconv.Itoa(d.Year), "Month", strconv.Itoa(int(d.Month)), "Day", strconv.Itoa(d.Day), "MonthName", d.Month.String()[:3])
}

// weekday names a day of the week: 星期一, Monday.
func (l labels) weekday(d time.Weekday) string {
	switch d {
	case time.Monday:
		return l.t("review.plan.weekday.monday", "Monday")
	case time.Tuesday:
		return l.t("review.plan.weekday.tuesday", "Tuesday")
	case time.Wednesday:
		return l.t("review.plan.weekday.wednesday", "Wednesday")
	case time.Thursday:
		return l.t("review.plan.weekday.thursday", "Thursday")
	case time.Friday:
		return l.t("review.plan.weekday.friday", "Friday")
	case time.Saturday:
		return l.t("review.plan.weekday.saturday", "Saturday")
	}
	return l.t("review.plan.weekday.sunday", "Sunday")
}

// columns are the table's headings.
func (l labels) columns() []string {
	return []string{
		l.t("review.plan.col.day", "Day"),
		l.t("review.plan.col.time", "Time"),
		l.t("review.plan.col.title", "Engagement"),
		l.t("review.plan.col.location", "Place"),
		l.t("review.plan.col.leader", "Leader"),
		l.t("review.plan.col.organiser", "Organised by"),
	}
}

// when is a row's time: 08:30–09:30, 全天, or with the end's date when it
// ends on a later day.
func (l labels) when(r PlanRow) string {
	if r.AllDay {
		return l.t("review.plan.all_day", "All day")
	}
	end := r.End.Format("15:04")
	if calendar.DateOf(r.End.Add(-time.Second)) != calendar.DateOf(r.Start) {
		end = l.date(calendar.DateOf(r.End)) + " " + end
	}
	return r.Start.Format("15:04") + "–" + end
}
