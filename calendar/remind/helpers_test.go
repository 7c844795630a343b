package remind_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/remind"
	"anteroom/data"
)

// The reminder tests happen in Shanghai, from Monday 7 December 2026.
var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at is a time on day d of December 2026 in Shanghai.
func at(d, hh, mm int) time.Time { return time.Date(2026, 12, d, hh, mm, 0, 0, shanghai) }

// fakeClock is the injected clock: tests move it, nobody sleeps.
type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }

// desk is a calendar, its desk and a reminder service over one database
// file, all on one fake clock.
type fixture struct {
	path   string
	db     *data.DB
	clock  *fakeClock
	book   *calendar.Service
	desk   *desk.Service
	svc    *remind.Service
	leader calendar.Leader
}

func newFixture(t *testing.T, now time.Time) *fixture {
	t.Helper()
	f := &fixture{path: filepath.Join(t.TempDir(), "anteroom.db"), clock: &fakeClock{now}}
	f.open(t)
	f.leader = calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := f.book.AddLeader(context.Background(), &f.leader); err != nil {
		t.Fatal(err)
	}
	return f
}

// open (re)opens the database file and builds the services on it, as a
// start of the app does.
func (f *fixture) open(t *testing.T) {
	t.Helper()
	db, err := data.Open(f.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.db = db
	f.book = calendar.NewService(db)
	f.book.SetClock(f.clock.Now)
	f.desk = desk.NewService(f.book, db.Desk(), filepath.Join(filepath.Dir(f.path), "files"))
	f.svc = remind.NewService(db.Reminders(), f.clock, remind.Engagements(f.book, db.Reminders()), remind.Materials(f.desk))
}

// restart closes the database and opens it again with new services.
func (f *fixture) restart(t *testing.T) {
	t.Helper()
	if err := f.db.Close(); err != nil {
		t.Fatal(err)
	}
	f.open(t)
}

func (f *fixture) engagement(t *testing.T, e calendar.Engagement) calendar.Engagement {
	t.Helper()
	e.LeaderID = f.leader.ID
	if e.ZoneName == "" {
		e.ZoneName = "Asia/Shanghai"
	}
	if err := f.book.Save(context.Background(), &e); err != nil {
		t.Fatalf("save %q: %v", e.Title, err)
	}
	return e
}

func meeting(title string, start time.Time) calendar.Engagement {
	return calendar.Engagement{Title: title, Kind: calendar.KindMeeting, Start: start, End: start.Add(time.Hour)}
}

// checkAt moves the clock to now and checks.
func (f *fixture) checkAt(t *testing.T, now time.Time) remind.Batch {
	t.Helper()
	f.clock.t = now
	b, err := f.svc.Check(context.Background())
	if err != nil {
		t.Fatalf("check at %s: %v", now.Format("01-02 15:04"), err)
	}
	return b
}

func titles(rs []remind.Reminder) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Title)
	}
	return out
}
