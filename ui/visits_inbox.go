package ui

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/desk"
)

// visitInbox is the window of visit requests: filtered by state, searched
// by any word, sorted by any column, with the chosen request's details
// and decisions beside the list.
type visitInbox struct {
	desk *visitsDesk
	win  fyne.Window

	state  *widget.Select // "all" or one state
	search *widget.Entry
	count  *widget.Label
	table  *sortTable[desk.VisitRequest]
	detail *visitDetail
	newBtn *widget.Button

	all  []desk.VisitRequest // the leader's requests, as read
	form *requestForm        // the open new-request form, for tests
}

// inboxStates are the state filter's choices, "all" first.
var inboxStates = append([]desk.VisitState{""}, desk.VisitStates...)

func inboxStateLabel(s desk.VisitState) string {
	if s == "" {
		return lang.L("All states")
	}
	return visitStateLabel(s)
}

func newVisitInbox(d *visitsDesk) *visitInbox {
	in := &visitInbox{desk: d, win: d.newWindow(lang.L("Visit requests"))}
	labels := make([]string, len(inboxStates))
	for i, s := range inboxStates {
		labels[i] = inboxStateLabel(s)
	}
	in.state = widget.NewSelect(labels, func(string) { in.filter() })
	in.state.SetSelectedIndex(1) // what waits for a decision
	in.search = &widget.Entry{PlaceHolder: lang.L("Search organisation, people, purpose…"), OnChanged: func(string) { in.filter() }}
	in.search.ActionItem = widget.NewIcon(theme.Icon(theme.IconNameSearch))
	in.count = &widget.Label{Importance: widget.LowImportance}
	in.newBtn = &widget.Button{Text: lang.L("New request"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.HighImportance,
		OnTapped: func() { in.newRequest() }}

	firstWindow := func(r desk.VisitRequest) string {
		if len(r.Windows) == 0 {
			return ""
		}
		w := r.Windows[0]
		s := compactTime(w.Start, d.loc()) + "–" + clock(w.End.In(d.loc()))
		if len(r.Windows) > 1 {
			s += " (+" + strconv.Itoa(len(r.Windows)-1) + ")"
		}
		return s
	}
	in.table = newSortTable([]tableCol[desk.VisitRequest]{
		{title: lang.L("State"), width: 66, text: func(r desk.VisitRequest) string { return visitStateLabel(r.State) },
			compare:    func(a, b desk.VisitRequest) int { return cmp.Compare(stateRank(a.State), stateRank(b.State)) },
			importance: func(r desk.VisitRequest) widget.Importance { return visitStateImportance(r.State) }},
		{title: lang.L("Organisation"), width: 130, text: func(r desk.VisitRequest) string { return r.Org },
			compare: func(a, b desk.VisitRequest) int { return strings.Compare(a.Org, b.Org) }},
		{title: lang.L("People"), width: 130, text: func(r desk.VisitRequest) string { return r.PeopleText() },
			compare: func(a, b desk.VisitRequest) int { return strings.Compare(a.PeopleText(), b.PeopleText()) }},
		{title: lang.L("Purpose"), width: 170, text: func(r desk.VisitRequest) string { return r.Purpose },
			compare: func(a, b desk.VisitRequest) int { return strings.Compare(a.Purpose, b.Purpose) }},
		{title: lang.L("Preferred time"), width: 182, text: firstWindow,
			compare: func(a, b desk.VisitRequest) int { return firstStart(a).Compare(firstStart(b)) }},
		{title: lang.L("Received"), width: 128, text: func(r desk.VisitRequest) string { return compactTime(r.Created, d.loc()) },
			compare: func(a, b desk.VisitRequest) int { return a.Created.Compare(b.Created) }},
	}, in.show)
	in.table.sortCol, in.table.desc = 5, true // newest first

	in.detail = newVisitDetail(in)
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Show")), in.state), container.NewHBox(in.count, in.newBtn), in.search)
	split := container.NewHSplit(in.table, container.NewVScroll(in.detail.content))
	split.Offset = 0.69
	in.win.SetContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, split))
	in.win.Resize(secondWindowSize)
	return in
}

// reload reads the leader's requests again and shows those the filters pass.
func (in *visitInbox) reload() {
	rs, err := in.desk.deskSvc().VisitRequests(in.desk.ctx(), in.desk.leader().ID, "")
	if err != nil {
		in.detail.showError(err)
		return
	}
	in.all = rs
	in.win.SetTitle(lang.L("Visit requests") + " · " + in.desk.leader().Name)
	in.filter()
	if in.detail.req.ID != 0 {
		in.detail.reload()
	}
}

// filter shows the requests of the chosen state that match the search.
func (in *visitInbox) filter() {
	if in.table == nil {
		return // still building
	}
	state := inboxStates[max(in.state.SelectedIndex(), 0)]
	var rows []desk.VisitRequest
	for _, r := range in.all {
		if (state == "" || r.State == state) && r.Matches(in.search.Text) {
			rows = append(rows, r)
		}
	}
	in.table.setRows(rows)
	in.count.SetText(lang.L("{{.Shown}} of {{.Total}}", map[string]any{"Shown": len(rows), "Total": len(in.all)}))
}

// show opens r in the detail pane.
func (in *visitInbox) show(r desk.VisitRequest) { in.detail.show(r) }

// setState chooses the state filter.
func (in *visitInbox) setState(s desk.VisitState) {
	for i, x := range inboxStates {
		if x == s {
			in.state.SetSelectedIndex(i)
		}
	}
}

// stateRank orders states as a request goes through them.
func stateRank(s desk.VisitState) int {
	for i, x := range desk.VisitStates {
		if x == s {
			return i
		}
	}
	return len(desk.VisitStates)
}

// firstStart is the start of the earliest preferred time; zero when none.
func firstStart(r desk.VisitRequest) time.Time {
	if len(r.Windows) > 0 {
		return r.Windows[0].Start
	}
	return time.Time{}
}
