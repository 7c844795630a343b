package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// visitStateLabel names a visit request's state: 待处理, 已安排, 已婉拒 …
func visitStateLabel(s desk.VisitState) string {
	return lang.X(s.StateCode(), desk.English(s.StateCode()))
}

// materialStateLabel names a materials state: 待报送, 已接收 …
func materialStateLabel(s desk.MaterialState) string {
	return lang.X(s.StateCode(), desk.English(s.StateCode()))
}

// visitMoveButton is the text of the button that takes a visit move.
func visitMoveButton(m desk.VisitMove) string {
	switch m {
	case desk.MoveBook:
		return lang.L("Book…")
	case desk.MoveDecline:
		return lang.L("Decline…")
	case desk.MoveWithdraw:
		return lang.L("Withdraw…")
	case desk.MoveComplete:
		return lang.L("Visit took place")
	case desk.MoveNoShow:
		return lang.L("Nobody came…")
	case desk.MoveCancel:
		return lang.L("Cancel visit…")
	}
	return string(m)
}

// visitStateImportance colours a state so that what waits for a decision
// stands out and what is over recedes.
func visitStateImportance(s desk.VisitState) widget.Importance {
	switch s {
	case desk.VisitRequested:
		return widget.WarningImportance
	case desk.VisitBooked:
		return widget.SuccessImportance
	case desk.VisitDeclined:
		return widget.MediumImportance
	}
	return widget.LowImportance
}

// errorLabel is a hidden red label for a form's problems.
func errorLabel() *paragraph {
	l := newParagraph("").look(widget.DangerImportance, "", fyne.TextStyle{})
	l.Hide()
	return l
}

// showErr shows err in l, or hides l when err is nil.
func showErr(l *paragraph, err error) {
	if err == nil {
		l.SetText("")
		l.Hide()
		return
	}
	l.SetText(errorText(err))
	l.Show()
}

// shortTime is a moment for lists: "11月23日 周一 10:17" or "Mon 23 Nov 10:17".
func shortTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return dayHeader(calendar.DateOf(t)) + " " + clock(t)
}

// dayMonth is a date without year or weekday, for narrow columns:
// "11月24日" or "24 Nov".
func dayMonth(d calendar.Date) string {
	if chinese() {
		return fmt.Sprintf("%d月%d日", d.Month, d.Day)
	}
	return fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3])
}

// compactTime is a moment for narrow columns: "11月22日 08:27".
func compactTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return dayMonth(calendar.DateOf(t)) + " " + clock(t)
}

// windowText is a preferred time: "11月24日 周二 09:00–12:00".
func windowText(w desk.TimeWindow, loc *time.Location) string {
	s, e := w.Start.In(loc), w.End.In(loc)
	if calendar.DateOf(s) == calendar.DateOf(e) {
		return dayHeader(calendar.DateOf(s)) + " " + clock(s) + "–" + clock(e)
	}
	return shortTime(s, loc) + " – " + shortTime(e, loc)
}

// sizeText is a file size for people.
func sizeText(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.0f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1024/1024)
}

// attachmentRows lists stored files by name and size.
func attachmentRows(atts []desk.Attachment) fyne.CanvasObject {
	box := container.NewVBox()
	for _, a := range atts {
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.Icon(theme.IconNameFile)), nil,
			&widget.Label{Text: a.Name + " · " + sizeText(a.Size), Truncation: fyne.TextTruncateEllipsis}))
	}
	return box
}

// factRow is one labelled line of a detail pane.
func factRow(form *widget.Form, label, value string) {
	if value == "" {
		return
	}
	form.Append(label, newParagraph(value))
}
