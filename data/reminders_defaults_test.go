package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

func TestReminderDefaultsAreStoredWholeOrNotAtAll(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "anteroom.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	store := db.Reminders()
	if set, stored, err := store.Defaults(ctx); err != nil || stored || set.LeadFor(calendar.KindMeeting) != remind.DefaultSettings().LeadFor(calendar.KindMeeting) {
		t.Fatalf("a new database: stored %v, %v, meeting lead %d", stored, err, set.LeadFor(calendar.KindMeeting).Minutes())
	}
	set := remind.DefaultSettings()
	set.Before[calendar.KindMeeting], set.Before[calendar.KindVisit] = remind.LeadMinutes(30), remind.Off
	set.DueAt = 8*time.Hour + 30*time.Minute
	if err := store.SetDefaults(ctx, set); err != nil {
		t.Fatal(err)
	}
	// A time of day past midnight breaks the table's CHECK on the last
	// row written: the leads written before it go too.
	bad := remind.DefaultSettings()
	bad.Before[calendar.KindMeeting] = remind.LeadMinutes(5)
	bad.DueAt = 30 * time.Hour
	if err := store.SetDefaults(ctx, bad); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Fatalf("storing due at 30:00: %v, want a CHECK failure", err)
	}
	db.Close()

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, stored, err := db.Reminders().Defaults(ctx)
	if err != nil || !stored {
		t.Fatalf("reopened: stored %v, %v", stored, err)
	}
	for _, k := range calendar.Kinds {
		if got.LeadFor(k) != set.LeadFor(k) {
			t.Errorf("%s: lead %d, want %d", k, got.LeadFor(k).Minutes(), set.LeadFor(k).Minutes())
		}
	}
	if got.DueAt != set.DueAt {
		t.Errorf("due at %v, want %v", got.DueAt, set.DueAt)
	}
}
