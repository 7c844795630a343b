package followup

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"anteroom/calendar"
)

// Translator returns the text of a message key in the reader's language,
// or fallback filled with data when there is none; fyne's lang.X is one.
type Translator func(key, fallback string, data ...any) string

// words are the printed documents' words in the reader's language.
type words struct{ tr Translator }

func (w words) t(key, fallback string, kv ...any) string {
	if len(kv) == 0 {
		return w.tr(key, fallback)
	}
	args := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i].(string)] = kv[i+1]
	}
	return w.tr(key, fallback, args)
}

// label is a state as a heading or a table cell shows it: its label key
// (followup.label.state.open), else the domain's word capitalised.
func (w words) label(prefix, rest string) string {
	english := English(prefix + rest)
	if english != "" {
		english = strings.ToUpper(english[:1]) + english[1:]
	}
	return w.tr(prefix+"label."+rest, english)
}

// official is what a confidential item or meeting shows below the full
// level: an official matter (公务事项).
func (w words) official() string { return w.t("followup.official", "Official matter") }

func (w words) date(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.In(time.UTC)
	return w.t("followup.print.date", "{{.Day}} {{.Month}} {{.Year}}", "Year", t.Year(), "Month", t.Format("Jan"), "MonthNumber", int(t.Month()), "Day", t.Day())
}

func (w words) when(start, end time.Time, loc *time.Location) string {
	s, e := start.In(loc), end.In(loc)
	return w.date(calendar.DateOf(s)) + " " + s.Format("15:04") + "–" + e.Format("15:04")
}

// WriteMinutesHTML writes minutes as one self-contained A4 page in the
// usual layout: title, document number, the meeting's particulars, the
// decisions numbered 一、二、三…, the text, who signed and where it went.
func WriteMinutesHTML(w io.Writer, m Minutes, tr Translator, loc *time.Location) error {
	return writeMinutes(w, m, true, tr, loc)
}

// WriteMinutesHTMLShared is WriteMinutesHTML for readers below the full
// level: the minutes of a confidential meeting show only that there was
// an official meeting, its time and who chaired it.
func WriteMinutesHTMLShared(w io.Writer, m Minutes, tr Translator, loc *time.Location) error {
	return writeMinutes(w, m, false, tr, loc)
}

func writeMinutes(out io.Writer, m Minutes, full bool, tr Translator, loc *time.Location) error {
	w := words{tr}
	hidden := !full && m.Meeting.Confidential()
	page := minutesPage{
		Lang:    w.t("review.plan.lang", "en"),
		Number:  m.DocNumber,
		State:   w.label(minutesKeys, "state."+string(m.State)),
		Title:   w.t("followup.print.minutes_title", "Minutes: {{.Meeting}}", "Meeting", m.Meeting.Title),
		Heading: w.t("followup.print.decisions", "Decisions"),
	}
	rows := []minutesRow{
		{w.t("followup.print.meeting", "Meeting"), m.Meeting.Title},
		{w.t("followup.print.time", "Time"), w.when(m.Meeting.Start, m.Meeting.End, loc)},
		{w.t("followup.print.place", "Place"), m.Meeting.Location},
		{w.t("followup.print.chaired_by", "Chaired by"), m.ChairedBy},
		{w.t("followup.print.attendees", "Attendees"), strings.Join(m.Attendees, w.t("review.plan.leaders_sep", ", "))},
	}
	if hidden {
		page.Title = w.t("followup.print.minutes_title", "Minutes: {{.Meeting}}", "Meeting", w.official())
		rows[0].Value, rows[2].Value, rows[4].Value = w.official(), "", ""
		page.Note = w.t("followup.print.note_hidden", "The meeting is confidential: its minutes show only at the full level.")
	}
	page.Rows = rows
	if !hidden {
		for _, d := range m.Decisions {
			page.Decisions = append(page.Decisions, minutesDecision{
				N:    w.t("followup.print.decision_n", "{{.N}}.", "N", d.N, "Han", ChineseNumeral(d.N)),
				Text: d.Text,
			})
		}
		page.Text = m.Text
	}
	if m.SignedBy != "" {
		page.Signed = w.t("followup.print.signed", "Signed by {{.Who}} on {{.When}}", "Who", m.SignedBy, "When", w.date(calendar.DateOf(m.SignedAt.In(loc))))
	}
	if m.State == MinutesIssued {
		page.Issued = w.t("followup.print.issued", "Issued {{.When}} to: {{.To}}", "When", w.date(m.IssuedOn), "To", strings.Join(m.IssuedTo, w.t("review.plan.leaders_sep", ", ")))
	}
	if m.Meeting.Gone || m.Meeting.Cancelled {
		page.Link = w.t("followup.meeting_cancelled", "The meeting was cancelled or deleted from the calendar.")
	}
	if err := minutesTemplate.Execute(out, page); err != nil {
		return fmt.Errorf("write minutes %d: %w", m.ID, err)
	}
	return nil
}

type minutesPage struct {
	Lang, Number, State, Title, Heading string
	Rows                                []minutesRow
	Decisions                           []minutesDecision
	Text, Signed, Issued, Link, Note    string
}

type minutesRow struct{ Label, Value string }

type minutesDecision struct{ N, Text string }

// pageStyle is the A4 style both printed documents share, with the CJK
// fonts of Linux, Windows and macOS.
const pageStyle = `
* { box-sizing: border-box; }
html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei", serif; font-size: 12pt; color: #111; background: #fff; }
body { margin: 0 auto; padding: 12mm 10mm; max-width: 210mm; }
h1 { font-size: 20pt; text-align: center; letter-spacing: 0.08em; margin: 0 0 3mm; }
.number { text-align: center; margin: 0 0 5mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.75pt solid #444; padding: 1.6mm 2mm; vertical-align: top; line-height: 1.5; overflow-wrap: anywhere; text-align: left; }
thead { display: table-header-group; }
thead th { background: #e9edf2; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
.overdue td.due, .overdue td.state { color: #a4161a; font-weight: 700; }
footer, .note { margin-top: 3mm; font-size: 9.5pt; color: #444; }
@media print { body { padding: 0; max-width: none; } thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`

var minutesTemplate = template.Must(template.New("minutes").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Anteroom">
<title>{{.Title}}</title>
<style>
@page { size: A4 portrait; margin: 20mm 18mm; }` + pageStyle + `
table.meeting th { width: 22%; background: #f6f7f9; }
ol.decisions { list-style: none; padding: 0; margin: 2mm 0 4mm; }
ol.decisions li { margin: 0 0 2mm; text-indent: 2em; line-height: 1.7; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; }
.text { white-space: pre-wrap; text-indent: 2em; line-height: 1.7; }
.state { float: right; font-size: 9pt; color: #555; }
</style>
</head>
<body>
<span class="state">{{.State}}</span>
<h1>{{.Title}}</h1>
{{if .Number}}<p class="number">{{.Number}}</p>{{end}}
{{if .Link}}<p class="note link">{{.Link}}</p>{{end}}
<table class="meeting">
{{range .Rows}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>
{{end}}</table>
{{if .Decisions}}<h2>{{.Heading}}</h2>
<ol class="decisions">
{{range .Decisions}}<li class="decision"><span class="n">{{.N}}</span>{{.Text}}</li>
{{end}}</ol>{{end}}
{{if .Text}}<p class="text">{{.Text}}</p>{{end}}
<footer>{{if .Signed}}<p class="signed">{{.Signed}}</p>{{end}}{{if .Issued}}<p class="issued">{{.Issued}}</p>{{end}}{{if .Note}}<p class="note">{{.Note}}</p>{{end}}</footer>
</body>
</html>
`))

// WriteBoardHTML writes the follow-up list (督办) as one A4 page: unit,
// matter, due, state and latest progress a row, overdue ones marked.
// Below the full level a confidential item shows only as an official
// matter, without its source or progress.
func WriteBoardHTML(out io.Writer, items []Item, full bool, tr Translator, today calendar.Date, loc *time.Location) error {
	w := words{tr}
	page := boardPage{
		Lang:  w.t("review.plan.lang", "en"),
		Title: w.t("followup.print.board_title", "Follow-up list"),
		Columns: []string{w.t("followup.print.unit", "Unit"), w.t("followup.print.matter", "Matter"),
			w.t("followup.print.due", "Due"), w.t("followup.print.state", "State"), w.t("followup.print.progress", "Latest progress")},
		Prepared: w.t("followup.print.prepared", "As of {{.When}}", "When", w.date(today)),
	}
	overdue := 0
	for _, it := range items {
		r := boardRow{ID: it.ID, Unit: it.Unit, Due: w.date(it.Due), Overdue: it.Overdue(today), Confidential: it.Confidential,
			State: w.label(itemKeys, "state."+string(it.State))}
		if r.Overdue {
			overdue++
			r.State += " · " + w.t("followup.overdue", "overdue")
		}
		if it.Confidential && !full {
			r.Matter = w.official()
		} else {
			r.Matter, r.Source = it.Text, it.Source.Title
			if rep, ok := it.Latest(); ok {
				r.Progress = w.date(calendar.DateOf(rep.At.In(loc))) + " " + rep.Text
			}
		}
		page.Rows = append(page.Rows, r)
	}
	page.Count = w.t("followup.print.count", "{{.Count}} matter(s), {{.Overdue}} overdue", "Count", len(items), "Overdue", overdue)
	if !full {
		page.Note = w.t("followup.print.note_limited", "Confidential matters show as “{{.Label}}” only.", "Label", w.official())
	}
	if err := boardTemplate.Execute(out, page); err != nil {
		return fmt.Errorf("write the follow-up list: %w", err)
	}
	return nil
}

type boardPage struct {
	Lang, Title, Prepared, Count, Note string
	Columns                            []string
	Rows                               []boardRow
}

type boardRow struct {
	ID                                         int64
	Unit, Matter, Source, Due, State, Progress string
	Overdue, Confidential                      bool
}

var boardTemplate = template.Must(template.New("board").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Anteroom">
<title>{{.Title}}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }` + pageStyle + `
body { max-width: 297mm; }
col.unit { width: 14%; } col.matter { width: 38%; } col.due { width: 12%; } col.state { width: 12%; } col.progress { width: 24%; }
.source { display: block; font-size: 9pt; color: #555; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<table>
<colgroup><col class="unit"><col class="matter"><col class="due"><col class="state"><col class="progress"></colgroup>
<thead><tr>{{range .Columns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr class="item{{if .Overdue}} overdue{{end}}{{if .Confidential}} confidential{{end}}" data-id="{{.ID}}"><td class="unit">{{.Unit}}</td><td class="matter">{{.Matter}}{{if .Source}}<span class="source">{{.Source}}</span>{{end}}</td><td class="due">{{.Due}}</td><td class="state">{{.State}}</td><td class="progress">{{.Progress}}</td></tr>
{{end}}</tbody>
</table>
<footer><span>{{.Count}} · {{.Prepared}}</span>{{if .Note}} <span class="note">{{.Note}}</span>{{end}}</footer>
</body>
</html>
`))
