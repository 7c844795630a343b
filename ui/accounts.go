package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
)

// accountsDialog is File → Accounts…: the accounts and their linked
// books, a form to add one (discovery and the leader's calendar as
// `anteroom account add` does) and Remove for each.
type accountsDialog struct {
	m        *mainWindow
	list     *fyne.Container
	url      *widget.Entry
	user     *widget.Entry
	password *widget.Entry
	leader   *widget.Select
	calendar *widget.Entry
	add      *widget.Button
	message  *paragraph // the outcome of the last add or remove, in words
	d        dialog.Dialog
}

func (m *mainWindow) openAccounts() {
	if m.sync.sharing == nil {
		return
	}
	a := &accountsDialog{m: m, list: container.NewVBox(),
		url: widget.NewEntry(), user: widget.NewEntry(), password: widget.NewPasswordEntry(), calendar: widget.NewEntry(),
		message: newParagraph("")}
	a.url.SetPlaceHolder("https://dav.example.org/")
	a.calendar.SetPlaceHolder(lang.L("named after the leader; created if missing"))
	names := make([]string, len(m.leaders))
	for i, l := range m.leaders {
		names[i] = l.Name
	}
	a.leader = widget.NewSelect(names, nil)
	a.leader.SetSelected(m.leader.Name)
	a.add = &widget.Button{Text: lang.L("Add account"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.HighImportance, OnTapped: a.addAccount}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Server address"), a.url),
		widget.NewFormItem(lang.L("User name"), a.user),
		widget.NewFormItem(lang.L("Password"), a.password),
		widget.NewFormItem(lang.L("Leader"), a.leader),
		widget.NewFormItem(lang.L("Calendar"), a.calendar),
	)
	content := container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Accounts and linked books"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(widget.NewSeparator(),
			widget.NewLabelWithStyle(lang.L("Add an account"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			form, container.NewHBox(a.add), a.message),
		nil, nil, container.NewVScroll(a.list))
	a.d = dialog.NewCustom(lang.L("Accounts"), lang.L("Close"), content, m.win)
	a.d.Resize(fitIn(m.win, fyne.NewSize(720, 600)))
	m.accounts = a
	a.d.SetOnClosed(func() { m.accounts = nil })
	a.refresh()
	a.d.Show()
}

// refresh lists the accounts and their books.
func (a *accountsDialog) refresh() {
	ctx := context.Background()
	accts, err := a.m.sync.sharing.Accounts(ctx)
	if err != nil {
		a.say(err)
		return
	}
	books, err := a.m.sync.sharing.Books(ctx)
	if err != nil {
		a.say(err)
		return
	}
	a.list.RemoveAll()
	if len(accts) == 0 {
		a.list.Add(widget.NewLabel(lang.L("No accounts yet. Add one below to share a leader's book through a CalDAV server.")))
	}
	for _, acct := range accts {
		acct := acct
		remove := &widget.Button{Text: lang.L("Remove"), Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance,
			OnTapped: func() { a.confirmRemove(acct) }}
		a.list.Add(container.NewBorder(nil, nil, nil, remove,
			widget.NewLabelWithStyle(lang.L("{{.User}} at {{.URL}}", map[string]any{"User": acct.User, "URL": acct.URL}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
		for _, b := range books {
			if b.AccountID != acct.ID {
				continue
			}
			last := lang.L("never synced")
			if !b.LastSync.IsZero() {
				last = lang.L("last sync {{.When}}", map[string]any{"When": b.LastSync.In(time.Local).Format("2006-01-02 15:04")})
			}
			a.list.Add(widget.NewLabel("    " + lang.L("{{.Leader}}'s book → {{.Calendar}} ({{.Last}})",
				map[string]any{"Leader": a.m.leaderNamed(b.LeaderID), "Calendar": b.Calendar, "Last": last})))
		}
	}
	a.list.Refresh()
}

func (a *accountsDialog) say(err error) {
	a.message.Importance = widget.DangerImportance
	a.message.SetText(syncErrorText(err))
}

// addAccount asks the server (off the UI thread), keeps the account and
// links the chosen leader's book, then syncs.
func (a *accountsDialog) addAccount() {
	url, user, password, choice := a.url.Text, a.user.Text, a.password.Text, a.calendar.Text
	if url == "" || user == "" || password == "" {
		a.message.Importance = widget.DangerImportance
		a.message.SetText(lang.L("Give the server address, the user name and the password."))
		return
	}
	leader := a.m.leader
	for _, l := range a.m.leaders {
		if l.Name == a.leader.Selected {
			leader = l
		}
	}
	a.add.Disable()
	a.message.Importance = widget.MediumImportance
	a.message.SetText(lang.L("Connecting to {{.URL}}…", map[string]any{"URL": url}))
	var added share.Added
	var err error
	a.m.goAsync(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		added, err = a.m.sync.sharing.AddAccount(ctx, url, user, password, leader, choice)
	}, func() {
		a.add.Enable()
		a.refresh()
		if err != nil {
			a.say(err)
			return
		}
		a.password.SetText("")
		where := lang.L("the desktop's secret store")
		if added.KeptIn == share.InFile {
			where = lang.L("a file only you can read, next to the database")
		}
		msg := "{{.Leader}}'s book is linked to the calendar {{.Calendar}}."
		if added.Linked.Created {
			msg = "{{.Leader}}'s book is linked to the calendar {{.Calendar}}, created on the server."
		}
		a.message.Importance = widget.SuccessImportance
		a.message.SetText(lang.L(msg, map[string]any{"Leader": leader.Name, "Calendar": added.Linked.Calendar}) + " " +
			lang.L("The password is kept in {{.Where}}, not in the database.", map[string]any{"Where": where}))
		a.m.sync.start()
	})
}

func (a *accountsDialog) confirmRemove(acct state.Account) {
	showDialog(a.m.win, newConfirmDialog(lang.L("Remove account"),
		lang.L("Forget {{.User}} at {{.URL}}, its password and its books' links? The engagements stay on this desk.", map[string]any{"User": acct.User, "URL": acct.URL}),
		func(ok bool) {
			if !ok {
				return
			}
			a.remove(acct.ID)
		}, a.m.win))
}

func (a *accountsDialog) remove(id int64) {
	if _, err := a.m.sync.sharing.RemoveAccount(context.Background(), id); err != nil {
		a.say(err)
	}
	a.refresh()
	a.m.sync.localChanged()
}
