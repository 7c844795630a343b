package data

import (
	"errors"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

func countRows(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.pool.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestWithTxCommitsOrRollsBackEverything(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	start := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	boom := errors.New("boom")

	// An error after several writes undoes them all.
	err := db.WithTx(ctx, func(st calendar.Store) error {
		tx := st.(*DB)
		e := timed(leader.ID, "First", start, time.Hour)
		if err := tx.CreateEngagement(ctx, &e); err != nil {
			return err
		}
		o := desk.Organisation{Name: "华东电力公司"}
		if err := tx.Desk().SaveOrganisation(ctx, &o); err != nil {
			return err
		}
		// Inside, the transaction sees its own writes.
		if _, err := tx.Engagement(ctx, e.ID); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WithTx returned %v, want fn's error", err)
	}
	if n := countRows(t, db, "engagements") + countRows(t, db, "organisations"); n != 0 {
		t.Fatalf("%d rows written by a rolled-back transaction", n)
	}

	// A panic rolls back too, and the connection is usable afterwards.
	func() {
		defer func() { recover() }()
		db.WithTx(ctx, func(st calendar.Store) error {
			e := timed(leader.ID, "Panicked", start, time.Hour)
			if err := st.CreateEngagement(ctx, &e); err != nil {
				return err
			}
			panic("in the middle")
		})
	}()
	if n := countRows(t, db, "engagements"); n != 0 {
		t.Fatalf("%d rows written by a transaction that panicked", n)
	}

	// Success commits; a nested WithTx joins the outer transaction, and
	// an inner error rolls back the whole.
	err = db.WithTx(ctx, func(st calendar.Store) error {
		e := timed(leader.ID, "Kept", start, time.Hour)
		if err := st.CreateEngagement(ctx, &e); err != nil {
			return err
		}
		return st.WithTx(ctx, func(inner calendar.Store) error {
			if inner != st {
				t.Error("a nested WithTx did not join the outer transaction")
			}
			return nil
		})
	})
	if err != nil || countRows(t, db, "engagements") != 1 {
		t.Fatalf("committed transaction: %v, %d rows", err, countRows(t, db, "engagements"))
	}
	err = db.WithTx(ctx, func(st calendar.Store) error {
		e := timed(leader.ID, "Inner", start.Add(2*time.Hour), time.Hour)
		return st.WithTx(ctx, func(inner calendar.Store) error {
			if err := inner.CreateEngagement(ctx, &e); err != nil {
				return err
			}
			return boom
		})
	})
	if !errors.Is(err, boom) || countRows(t, db, "engagements") != 1 {
		t.Fatalf("inner failure: %v, %d rows", err, countRows(t, db, "engagements"))
	}

	// The transaction's DB cannot close the database.
	db.WithTx(ctx, func(st calendar.Store) error {
		if err := st.(*DB).Close(); !errors.Is(err, errInTx) {
			t.Errorf("Close inside a transaction: %v", err)
		}
		return nil
	})
	// Availability, which has its own transaction, joins one it is called in.
	err = db.WithTx(ctx, func(st calendar.Store) error {
		if err := st.SaveAvailability(ctx, calendar.DefaultAvailability(leader.ID)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || countRows(t, db, "availability") != 0 {
		t.Fatalf("availability saved in a rolled-back transaction: %v, %d rows", err, countRows(t, db, "availability"))
	}
}

func TestServiceChangesRollBackWithTheirTransaction(t *testing.T) {
	db := openTemp(t)
	book := calendar.NewService(db)
	book.SetClock(func() time.Time { return time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC) })
	svc := desk.NewService(book, db.Desk(), t.TempDir())
	leader := addLeader(t, db, "Leader")
	r := desk.VisitRequest{LeaderID: leader.ID, Org: "市教育局", Purpose: "汇报", People: []desk.Visitor{{Name: "周敏"}}}
	if err := svc.AddVisitRequest(ctx, &r, nil, "秘书"); err != nil {
		t.Fatal(err)
	}
	// Booking writes an engagement, then the request. When the request
	// cannot be stored (a trigger refuses it here), the engagement goes too.
	if _, err := db.pool.Exec(`CREATE TRIGGER fail_booking BEFORE UPDATE OF state ON visit_requests
		WHEN NEW.state = 'booked' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`); err != nil {
		t.Fatal(err)
	}
	slot := calendar.Slot{Start: time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC)}
	if _, err := svc.BookVisit(ctx, r.ID, slot, "秘书"); err == nil {
		t.Fatal("the booking succeeded though its request could not be stored")
	}
	if n := countRows(t, db, "engagements"); n != 0 {
		t.Fatalf("a failed booking left %d engagements", n)
	}
	if n := countRows(t, db, "audit_log"); n != 1 {
		t.Fatalf("a failed booking left %d audit entries, want the creation only", n)
	}
	if got, _ := db.Desk().VisitRequest(ctx, r.ID); got.State != desk.VisitRequested || got.EngagementID != 0 {
		t.Fatalf("a failed booking changed the request: %+v", got)
	}
}
