package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// localCalendar is Fyne's month picker with its month heading in the UI's
// language: Fyne writes it with time.Format ("December 2026") whatever
// the locale. The weekday headings Fyne translates itself, through the
// "monday"… keys in assets/translations.
type localCalendar struct {
	widget.BaseWidget
	cal   *widget.Calendar
	month *widget.Label // the heading, once drawn; for tests
}

func newLocalCalendar(start time.Time, changed func(time.Time)) *localCalendar {
	c := &localCalendar{cal: widget.NewCalendar(start, changed)}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the calendar's own content, its heading rewritten
// now and after every month step. Should Fyne's layout change, the
// calendar still works, in English.
func (c *localCalendar) CreateRenderer() fyne.WidgetRenderer {
	content := c.cal.CreateRenderer().Objects()[0]
	root, _ := content.(*fyne.Container)
	if root == nil || len(root.Objects) < 2 {
		return widget.NewSimpleRenderer(content)
	}
	nav, _ := root.Objects[0].(*fyne.Container)
	dates, _ := root.Objects[1].(*fyne.Container)
	if nav == nil || dates == nil || len(nav.Objects) < 3 {
		return widget.NewSimpleRenderer(content)
	}
	center, _ := nav.Objects[2].(*fyne.Container)
	if center == nil || len(center.Objects) == 0 {
		return widget.NewSimpleRenderer(content)
	}
	c.month, _ = center.Objects[0].(*widget.Label)
	c.relabel()
	for _, o := range nav.Objects[:2] {
		if b, ok := o.(*widget.Button); ok && b.OnTapped != nil {
			step := b.OnTapped
			b.OnTapped = func() {
				step()
				c.relabel()
				dates.Refresh()
			}
		}
	}
	return widget.NewSimpleRenderer(content)
}

// relabel writes the month heading in the UI's language.
func (c *localCalendar) relabel() {
	if c.month == nil {
		return
	}
	t, err := time.Parse("January 2006", c.month.Text)
	if err != nil {
		return // already ours
	}
	c.month.SetText(pickerMonthTitle(t.Year(), t.Month()))
}

// pickerMonthTitle names a month: "2026年12月" or "December 2026".
func pickerMonthTitle(year int, month time.Month) string {
	if chinese() {
		return fmt.Sprintf("%d年%d月", year, month)
	}
	return fmt.Sprintf("%s %d", month, year)
}
