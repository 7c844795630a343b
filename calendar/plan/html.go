package plan

import (
	"fmt"
	"html/template"
	"io"
	"time"

	"anteroom/calendar"
)

// WriteHTML writes p as one self-contained HTML page, in the language tr
// speaks: no script, no font or image fetched, the style inline, laid out
// for A4 landscape with a print style sheet, and a CJK font stack for
// Chinese. Each day has its rows under one day cell; Monday to Friday
// always show, the weekend only when something is on. now is the time the
// plan is said to be prepared at, in loc.
func WriteHTML(w io.Writer, p WeekPlan, tr Translator, now time.Time, loc *time.Location) error {
	return writeHTML(w, p, tr, now, loc, false)
}

// writeHTML is WriteHTML; busyOnly shows every row as the busy level of an
// export does (ics.PrivacyBusy): its time and leader, nothing of what.
func writeHTML(w io.Writer, p WeekPlan, tr Translator, now time.Time, loc *time.Location, busyOnly bool) error {
	l := labels{tr}
	page := htmlPage{
		Lang:     l.lang(),
		Title:    l.title(p.Leaders),
		Subtitle: l.subtitle(p.Week),
		Columns:  l.columns(),
		Leaders:  !unnamed(p.Leaders),
		None:     l.t("review.plan.none", "No engagements"),
		Count:    l.t("review.plan.count", "{{.Count}} engagement(s)", "Count", p.Rows()),
		Prepared: l.t("review.plan.prepared", "Prepared {{.When}}", "When", l.dateYear(calendar.DateOf(now.In(loc)))+" "+now.In(loc).Format("15:04")),
		Note:     l.t("review.plan.note", "Confidential engagements show as “{{.Label}}” only.", "Label", l.t("review.plan.confidential", "Official engagement")),
	}
	if !page.Leaders { // the leader column goes: it would only repeat "Leader"
		page.Columns = append(page.Columns[:4:4], page.Columns[5:]...)
	}
	busy := l.t("review.plan.busy", "Busy")
	if busyOnly {
		page.Note = l.t("review.plan.note_busy", "Only the times are shown: every engagement reads “{{.Label}}”.", "Label", busy)
	}
	for _, d := range p.Days {
		weekend := d.Date.Weekday() == time.Saturday || d.Date.Weekday() == time.Sunday
		if weekend && len(d.Rows) == 0 {
			continue
		}
		hd := htmlDay{ISO: d.Date.String(), Date: l.date(d.Date), Weekday: l.weekday(d.Date.Weekday()), Span: max(len(d.Rows), 1)}
		for _, r := range d.Rows {
			hr := htmlRow{When: l.when(r), Leader: r.Leader.Name, Confidential: r.Confidential}
			switch {
			case busyOnly:
				hr.Title, hr.Confidential = busy, true
			case r.Confidential:
				hr.Title = l.t("review.plan.confidential", "Official engagement")
			default:
				hr.Title, hr.Location, hr.Organiser, hr.Kind = r.Title, r.Location, r.Organiser, string(r.Kind)
			}
			if r.Tentative {
				hr.Tentative = l.t("review.plan.tentative", "to be confirmed")
			}
			hd.Rows = append(hd.Rows, hr)
		}
		page.Days = append(page.Days, hd)
	}
	if len(p.Pending) > 0 && !busyOnly {
		page.PendingTitle = l.t("review.plan.pending", "Awaiting feedback")
		page.PendingColumns = []string{l.t("followup.print.unit", "Unit"), l.t("followup.print.matter", "Matter"),
			l.t("followup.print.due", "Due"), l.t("followup.print.state", "State")}
		for _, x := range p.Pending {
			r := htmlPending{Unit: x.Unit, Text: x.Text, Due: l.dateYear(x.Due), State: x.State, Overdue: x.Overdue}
			if x.Confidential {
				r.Text = l.t("followup.official", "Official matter")
			}
			page.Pending = append(page.Pending, r)
		}
	}
	if err := pageTemplate.Execute(w, page); err != nil {
		return fmt.Errorf("write the plan of %s: %w", p.Week, err)
	}
	return nil
}

// htmlPage is what the template shows, every word already translated.
type htmlPage struct {
	Lang, Title, Subtitle string
	Columns               []string
	Leaders               bool // the leader column is shown
	Days                  []htmlDay
	None, Count, Prepared string
	Note                  string
	PendingTitle          string
	PendingColumns        []string
	Pending               []htmlPending
}

// htmlPending is one row of the follow-up items awaiting feedback.
type htmlPending struct {
	Unit, Text, Due, State string
	Overdue                bool
}

type htmlDay struct {
	ISO, Date, Weekday string
	Span               int // rows under the day cell
	Rows               []htmlRow
}

type htmlRow struct {
	When, Title, Location, Leader, Organiser string
	Kind                                     string // empty on a confidential row: not even that
	Tentative                                string // the word for it, when the item is tentative
	Confidential                             bool
}

// pageTemplate is the plan's page. The fonts are the CJK families found
// on Linux (Noto, Source Han), Windows (Microsoft YaHei) and macOS
// (PingFang); a printer without any of them falls back to its sans-serif.
// thead repeats on every printed page; a row never breaks across pages.
var pageTemplate = template.Must(template.New("plan").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Anteroom">
<title>{{.Title}} · {{.Subtitle}}</title>
<style>
@page { size: A4 landscape; margin: 12mm 12mm 12mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; background: #fff; }
body { margin: 0 auto; padding: 10mm 8mm; max-width: 297mm; }
header { text-align: center; margin-bottom: 4mm; }
h1 { font-size: 19pt; font-weight: 700; letter-spacing: 0.06em; margin: 0 0 1.5mm; }
.subtitle { font-size: 11pt; color: #333; margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.day { width: 11%; } col.time { width: 12%; } col.title { width: 33%; }
col.location { width: 16%; } col.leader { width: 10%; } col.organiser { width: 18%; }
th, td { border: 0.75pt solid #444; padding: 1.6mm 2mm; vertical-align: middle; line-height: 1.4; overflow-wrap: anywhere; }
thead { display: table-header-group; }
thead th { background: #e9edf2; font-weight: 700; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.day { text-align: center; font-weight: 700; background: #f6f7f9; }
td.day .weekday { display: block; font-weight: 400; color: #333; }
td.time { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.leader { text-align: center; }
tr.confidential td.title { color: #444; font-style: normal; letter-spacing: 0.04em; }
.tentative { margin-left: 1.5mm; padding: 0 1mm; border: 0.5pt solid #a06b00; border-radius: 1mm; color: #a06b00; font-size: 8.5pt; white-space: nowrap; }
td.none { text-align: center; color: #777; }
h2.pending-title { font-size: 12pt; margin: 5mm 0 2mm; }
tr.overdue td { color: #a4161a; }
footer { display: flex; justify-content: space-between; gap: 6mm; margin-top: 2.5mm; font-size: 8.5pt; color: #555; }
tbody { break-inside: avoid; page-break-inside: avoid; }
@media print {
  html { font-size: 9.5pt; }
  body { padding: 0; max-width: none; }
  header { margin-bottom: 3mm; }
  h1 { font-size: 16pt; }
  th, td { padding: 1.1mm 1.8mm; line-height: 1.3; }
  thead th, td.day { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="subtitle">{{.Subtitle}}</p>
</header>
<table>
<colgroup><col class="day"><col class="time"><col class="title"><col class="location">{{if .Leaders}}<col class="leader">{{end}}<col class="organiser"></colgroup>
<thead><tr>{{range .Columns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
{{- $none := .None}}{{$leaders := .Leaders}}
{{- range .Days}}
<tbody data-date="{{.ISO}}">
{{- if .Rows}}
{{- $day := .}}
{{- range $i, $r := .Rows}}
<tr class="item{{if $r.Confidential}} confidential{{end}}" data-kind="{{$r.Kind}}">
{{- if eq $i 0}}<td class="day" rowspan="{{$day.Span}}">{{$day.Date}}<span class="weekday">{{$day.Weekday}}</span></td>{{end -}}
<td class="time">{{$r.When}}</td><td class="title">{{$r.Title}}{{if $r.Tentative}}<span class="tentative">{{$r.Tentative}}</span>{{end}}</td><td class="location">{{$r.Location}}</td>{{if $leaders}}<td class="leader">{{$r.Leader}}</td>{{end}}<td class="organiser">{{$r.Organiser}}</td></tr>
{{- end}}
{{- else}}
<tr class="empty"><td class="day">{{.Date}}<span class="weekday">{{.Weekday}}</span></td><td class="none" colspan="{{if $leaders}}5{{else}}4{{end}}">{{$none}}</td></tr>
{{- end}}
</tbody>
{{- end}}
</table>
{{- if .Pending}}
<h2 class="pending-title">{{.PendingTitle}}</h2>
<table class="pending-list">
<thead><tr>{{range .PendingColumns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Pending}}
<tr class="pending{{if .Overdue}} overdue{{end}}"><td>{{.Unit}}</td><td>{{.Text}}</td><td class="time">{{.Due}}</td><td>{{.State}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<footer><span>{{.Note}}</span><span>{{.Count}} · {{.Prepared}}</span></footer>
</body>
</html>
`))
