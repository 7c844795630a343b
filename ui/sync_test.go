package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/data"
	"anteroom/dav/davtest"
)

// sharedDesk is a window whose sharing keeps passwords in a file of the test.
func sharedDesk(t *testing.T) *uiDesk {
	t.Helper()
	t.Setenv("ANTEROOM_SECRETS", "file")
	d := newDeskSharing(t, func(db *data.DB, svc *calendar.Service) Sharing {
		return &share.Office{Store: db.Sync(), Secrets: share.SecretsFor(db.Path()), Now: svc.Now}
	})
	d.m.sync.localChanged() // as the running app does on start
	return d
}

// otherDesk is a second database on the same account, synced through the
// engine as another Anteroom would.
type otherDesk struct {
	t      *testing.T
	svc    *calendar.Service
	office *share.Office
	leader calendar.Leader
}

func newOtherDesk(t *testing.T, srv *davtest.Server) *otherDesk {
	t.Helper()
	db, err := data.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return monday10 })
	o := &otherDesk{t: t, svc: svc, office: &share.Office{Store: db.Sync(), Secrets: share.SecretsFor(db.Path()), Now: svc.Now},
		leader: calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}}
	if err := svc.AddLeader(context.Background(), &o.leader); err != nil {
		t.Fatal(err)
	}
	if _, err := o.office.AddAccount(context.Background(), srv.URL, davtest.User, davtest.Password, o.leader, ""); err != nil {
		t.Fatalf("other desk: add account: %v", err)
	}
	return o
}

func (o *otherDesk) sync() {
	o.t.Helper()
	reps, err := o.office.SyncAll(context.Background(), nil)
	if err != nil {
		o.t.Fatal(err)
	}
	for _, r := range reps {
		if r.Err != nil {
			o.t.Fatalf("other desk: sync: %v", r.Err)
		}
	}
}

// meeting saves a meeting on the desk's leader on Tuesday 24 November at hour.
func meetingOn(t *testing.T, svc *calendar.Service, leader calendar.Leader, title string, hour int) calendar.Engagement {
	t.Helper()
	start := time.Date(2026, 11, 24, hour, 0, 0, 0, mustLoad("Asia/Shanghai"))
	e := calendar.Engagement{LeaderID: leader.ID, Kind: calendar.KindMeeting, Title: title, Location: "第一会议室",
		Start: start, End: start.Add(time.Hour), ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal}
	if err := svc.Save(context.Background(), &e); err != nil {
		t.Fatalf("save %q: %v", title, err)
	}
	return e
}

// addAccountThroughDialog fills File → Accounts… as a user does and adds.
func (d *uiDesk) addAccountThroughDialog(url, password string) {
	d.t.Helper()
	d.m.openAccounts()
	a := d.m.accounts
	if a == nil {
		d.t.Fatal("the accounts dialog did not open")
	}
	test.Type(a.url, url)
	test.Type(a.user, davtest.User)
	test.Type(a.password, password)
	test.Tap(a.add)
}

// inLang is what the window says in the language the tests run in
// (the system's): en, or zh under a Chinese locale.
func inLang(en, zh string) string {
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), "zh") {
		return zh
	}
	return en
}

func (d *uiDesk) syncStatus() string { return d.m.sync.status.Text }

func TestAccountsDialogAndSyncButtonBringAnotherDesksItemIntoTheGrid(t *testing.T) {
	srv := davtest.Start(t)
	d := sharedDesk(t)
	if !strings.Contains(d.syncStatus(), inLang("Not shared", "未共享")) {
		t.Errorf("status before any account: %q", d.syncStatus())
	}
	d.addAccountThroughDialog(srv.URL, "wrong-password")
	if msg := d.m.accounts.message.Full(); !strings.Contains(msg, inLang("rejected the user name or password", "拒绝了用户名或密码")) {
		t.Errorf("a wrong password says %q", msg)
	}
	d.m.accounts.password.SetText("")
	test.Type(d.m.accounts.password, davtest.Password)
	test.Tap(d.m.accounts.add)
	if msg := d.m.accounts.message.Full(); !strings.Contains(msg, inLang("张书记's book is linked to the calendar", "张书记的日程本已关联日历")) {
		t.Fatalf("adding the account says %q", msg)
	}
	listed := false
	for _, o := range test.LaidOutObjects(d.m.accounts.list) {
		if text, ok := labelText(o); ok && strings.Contains(text, inLang("张书记's book →", "张书记的日程本 →")) {
			listed = true
		}
	}
	if !listed {
		t.Error("the accounts dialog does not list the linked book")
	}
	d.m.accounts.d.Hide()

	other := newOtherDesk(t, srv)
	meetingOn(t, other.svc, other.leader, "市委常委会", 15)
	other.sync()
	if d.blockTitled("市委常委会") != nil {
		t.Fatal("the other desk's item is in the grid before a sync")
	}
	test.Tap(d.m.sync.button)
	if d.blockTitled("市委常委会") == nil {
		t.Fatalf("after pressing Sync the other desk's item is not in the grid; status %q", d.syncStatus())
	}
	if st := d.syncStatus(); !strings.Contains(st, inLang("0 changes to send · 0 conflicts", "待发送更改 0 项 · 同步冲突 0 项")) || d.m.sync.lastErr != nil {
		t.Errorf("status after a clean sync: %q (%v)", st, d.m.sync.lastErr)
	}

	// This desk's change reaches the other desk.
	meetingOn(t, d.svc, d.leader, "接待来访", 9)
	d.m.reload()
	if st := d.syncStatus(); !strings.Contains(st, inLang("1 changes to send", "待发送更改 1 项")) {
		t.Errorf("status after a local change: %q", st)
	}
	test.Tap(d.m.sync.button)
	other.sync()
	items, err := other.svc.Agenda(context.Background(), other.leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range items {
		found = found || e.Title == "接待来访"
	}
	if !found {
		t.Errorf("this desk's item did not reach the other desk: %v", items)
	}
}

// An address that is not a server's is refused in the user's language,
// naming it, and no account is kept.
func TestAccountsDialogRefusesWhatIsNotAServerAddress(t *testing.T) {
	d := sharedDesk(t)
	d.addAccountThroughDialog("dav.example.org", davtest.Password)
	want := inLang("dav.example.org is not a server address", "“dav.example.org”不是服务器地址")
	if msg := d.m.accounts.message.Full(); !strings.Contains(msg, want) {
		t.Errorf("the address dav.example.org says %q, want %q", msg, want)
	}
	accts, err := d.db.Sync().SyncAccounts(context.Background())
	if err != nil || len(accts) != 0 {
		t.Fatalf("accounts kept: %v, %v", accts, err)
	}
}

func TestStatusLineCountsChangesAndSaysTheServerIsUnreachable(t *testing.T) {
	srv := davtest.Start(t)
	d := sharedDesk(t)
	d.addAccountThroughDialog(srv.URL, davtest.Password)
	d.m.accounts.d.Hide()
	srv.Stop()
	for i, title := range []string{"离线一", "离线二"} {
		meetingOn(t, d.svc, d.leader, title, 9+2*i)
		d.m.reload()
	}
	test.Tap(d.m.sync.button)
	st := d.syncStatus()
	if !strings.Contains(st, inLang("2 changes to send", "待发送更改 2 项")) || !strings.Contains(st, inLang("cannot be reached", "无法连接日历服务器")) {
		t.Errorf("status with the server stopped: %q", st)
	}
	if d.m.sync.status.Importance != widget.DangerImportance {
		t.Error("the status line does not stand out while the server is unreachable")
	}
	if d.blockTitled("离线二") == nil {
		t.Error("an item made offline is not in the grid")
	}
}

func TestSyncConflictShowsBothVersionsAndKeepServerResolvesIt(t *testing.T) {
	srv := davtest.Start(t)
	d := sharedDesk(t)
	d.addAccountThroughDialog(srv.URL, davtest.Password)
	d.m.accounts.d.Hide()
	other := newOtherDesk(t, srv)
	mine := meetingOn(t, d.svc, d.leader, "季度工作会", 10)
	d.m.reload()
	test.Tap(d.m.sync.button)
	other.sync()

	theirs := other.stored(mine.UID)
	theirs.Title, theirs.Location = "季度工作会（改期）", "第二会议室"
	if err := other.svc.Save(context.Background(), &theirs); err != nil {
		t.Fatal(err)
	}
	other.sync()
	mine.Title = "季度工作会（本工位）"
	if err := d.svc.Save(context.Background(), &mine); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	test.Tap(d.m.sync.button)
	if st := d.syncStatus(); !strings.Contains(st, inLang("1 conflicts", "同步冲突 1 项")) {
		t.Fatalf("status after both sides changed one item: %q", st)
	}

	d.m.openSyncConflicts()
	c := d.m.conflicts
	var texts []string
	var keepServer *widget.Button
	for _, o := range test.LaidOutObjects(c.list) {
		if text, ok := labelText(o); ok {
			texts = append(texts, text)
		}
		if w, ok := o.(*widget.Button); ok && w.Text == lang.L("Keep server") {
			keepServer = w
		}
	}
	joined := strings.Join(texts, "|")
	for _, want := range []string{"季度工作会（本工位）", "季度工作会（改期）", "第一会议室", "第二会议室", "2026-11-24 10:00–11:00"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the conflicts list lacks %q: %s", want, joined)
		}
	}
	if keepServer == nil {
		t.Fatal("no Keep server button")
	}
	test.Tap(keepServer)
	if d.blockTitled("季度工作会（改期）") == nil {
		t.Errorf("after Keep server the grid does not show the server's version")
	}
	for _, o := range test.LaidOutObjects(c.list) {
		if text, ok := labelText(o); ok && strings.Contains(text, "季度工作会（本工位）") {
			t.Error("the resolved conflict is still listed")
		}
	}
	test.Tap(d.m.sync.button)
	if st := d.syncStatus(); !strings.Contains(st, inLang("0 conflicts", "同步冲突 0 项")) {
		t.Errorf("status after resolving: %q", st)
	}
}

// stored is the other desk's engagement with uid.
func (o *otherDesk) stored(uid string) calendar.Engagement {
	o.t.Helper()
	items, err := o.svc.Agenda(context.Background(), o.leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		o.t.Fatal(err)
	}
	for _, e := range items {
		if e.UID == uid {
			return e
		}
	}
	o.t.Fatalf("%s is not on the other desk", uid)
	return calendar.Engagement{}
}
