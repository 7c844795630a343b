package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
)

// minutesStateLabel names a state of minutes as the window shows it on
// its own: 草稿, 已报签, 已签发, 已印发; "Draft", "Issued".
func minutesStateLabel(s followup.MinutesState) string { return uiLabel(s.StateCode()) }

// itemStateLabel names a follow-up item's state: 待办, 办理中, 已反馈,
// 已办结; "Open", "In progress".
func itemStateLabel(s followup.State) string { return uiLabel(s.StateCode()) }

// priorityLabel names a priority: 紧急, 重要, 一般; "Urgent".
func priorityLabel(p followup.Priority) string { return uiLabel(p.Code()) }

// sourceLabel names where an item came from: 会议纪要, 领导批示, 领导交办.
func sourceLabel(k followup.SourceKind) string { return uiLabel(k.Code()) }

// uiLabel is the label of a domain code ("followup.priority.urgent") in
// a table cell, a filter or a form: its own key ("followup.label.priority.urgent"),
// capitalised in English, where the domain's key is the lowercase word
// messages put inside sentences.
func uiLabel(code string) string {
	area, rest, _ := strings.Cut(code, ".")
	fallback := followup.English(code)
	if fallback != "" {
		fallback = strings.ToUpper(fallback[:1]) + fallback[1:]
	}
	return lang.X(area+".label."+rest, fallback)
}

// sourceText says where an item came from, with the meeting's or the
// materials' title and the decision's number.
func sourceText(src followup.Source) string {
	text := sourceLabel(src.Kind)
	if src.Title != "" {
		text += " · " + src.Title
	}
	if src.Kind == followup.FromMinutes && src.Decision > 0 {
		text += " · " + lang.L("decision {{.N}}", map[string]any{"N": hanOrDigits(src.Decision)})
	}
	return text
}

// priorityImportance colours a priority so that urgent matters stand out.
func priorityImportance(p followup.Priority) widget.Importance {
	switch p {
	case followup.PriorityUrgent:
		return widget.DangerImportance
	case followup.PriorityImportant:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// chineseNumeral numbers a decision the way minutes do: 一、二、… 十一、;
// English minutes number them 1. 2. 3.
func chineseNumeral(n int) string {
	if !chinese() {
		return strconv.Itoa(n) + ". "
	}
	return followup.ChineseNumeral(n) + "、"
}

// followupTrail turns the trail of minutes or an item into the shape the
// trail view shows.
func followupTrail(es []followup.AuditEntry) []desk.AuditEntry {
	out := followup.DeskTrail(es)
	for i := range out {
		out[i].Note = trailNote(out[i].Note)
	}
	return out
}

func minutesStateName(s string) string { return minutesStateLabel(followup.MinutesState(s)) }
func itemStateName(s string) string    { return itemStateLabel(followup.State(s)) }

// meetingWhen says when the minutes' meeting was, in loc.
func meetingWhen(mt followup.Meeting, loc *time.Location) string {
	return spanText(calendar.Engagement{Start: mt.Start, End: mt.End}, loc)
}

// trailNote puts the notes the domain writes in the trail into the UI's
// language: where an item came from, and the parts of minutes edited;
// other notes (a report, a reason) are as written.
func trailNote(note string) string {
	for _, k := range []followup.SourceKind{followup.FromMinutes, followup.FromMaterials, followup.FromDirect} {
		if note == string(k) {
			return sourceLabel(k)
		}
		if rest, ok := strings.CutPrefix(note, string(k)+":"); ok {
			if _, title, ok := strings.Cut(rest, " "); ok {
				return sourceLabel(k) + " · " + title
			}
			return sourceLabel(k)
		}
	}
	return followup.EditNote(note, lang.X)
}

// listSep joins names in a line: 、 in Chinese, a comma in English.
func listSep() string { return lang.X("followup.list_sep", ", ") }
