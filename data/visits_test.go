package data

import (
	"errors"
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

const testHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func saveOrg(t *testing.T, db *DB, name string) desk.Organisation {
	t.Helper()
	now := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	o := desk.Organisation{Name: name, Created: now, Updated: now}
	if err := db.Desk().SaveOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestVisitRequestsRoundTrip(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	org := saveOrg(t, db, "华东电力公司")
	now := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)
	r := desk.VisitRequest{
		LeaderID: leader.ID, OrgID: org.ID, Phone: "021-1", ReferredBy: "经济部门", Purpose: "汇报", Visitors: 3,
		People:  []desk.Visitor{{Name: "王伟", Title: "总经理"}, {Name: "李娜"}},
		Windows: []desk.TimeWindow{{Start: now.Add(48 * time.Hour), End: now.Add(50 * time.Hour)}, {Start: now.Add(24 * time.Hour), End: now.Add(26 * time.Hour)}},
		State:   desk.VisitRequested, Created: now, Updated: now,
	}
	if err := db.Desk().CreateVisitRequest(ctx, &r); err != nil {
		t.Fatal(err)
	}
	a := desk.Attachment{Name: "来函.pdf", Hash: testHash, Size: 10, Added: now}
	if err := db.Desk().AddAttachment(ctx, r.Subject(), &a); err != nil {
		t.Fatal(err)
	}
	got, err := db.Desk().VisitRequest(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Org != "华东电力公司" || len(got.People) != 2 || got.People[0].Title != "总经理" || got.People[1].Name != "李娜" ||
		len(got.Windows) != 2 || !got.Windows[0].Start.Equal(now.Add(24*time.Hour)) || len(got.Files) != 1 || got.Files[0].Hash != testHash ||
		!got.Decided.IsZero() || got.EngagementID != 0 {
		t.Fatalf("read back %+v", got)
	}

	// The list carries the same details, filtered by state.
	second := r
	second.ID, second.People, second.Windows = 0, []desk.Visitor{{Name: "周敏"}}, nil
	second.Created = now.Add(time.Hour)
	if err := db.Desk().CreateVisitRequest(ctx, &second); err != nil {
		t.Fatal(err)
	}
	all, err := db.Desk().VisitRequests(ctx, leader.ID, "")
	if err != nil || len(all) != 2 || all[0].ID != second.ID || len(all[1].Files) != 1 || len(all[1].People) != 2 || len(all[0].People) != 1 {
		t.Fatalf("all requests: %+v, %v", all, err)
	}
	second.State, second.DeclineReason, second.Decided, second.DecidedBy = desk.VisitDeclined, "日程已满", now, "秘书"
	if err := db.Desk().UpdateVisitRequest(ctx, &second); err != nil {
		t.Fatal(err)
	}
	declined, err := db.Desk().VisitRequests(ctx, leader.ID, desk.VisitDeclined)
	if err != nil || len(declined) != 1 || declined[0].ID != second.ID || !declined[0].Decided.Equal(now) {
		t.Fatalf("declined requests: %+v, %v", declined, err)
	}

	// Deleting takes the people, times, files and trail along.
	if err := db.Desk().AddAudit(ctx, &desk.AuditEntry{Subject: r.Subject(), At: now, Who: "秘书", To: "requested"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Desk().DeleteVisitRequest(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Desk().VisitRequest(ctx, r.ID); !errors.Is(err, calendar.ErrNotFound) {
		t.Fatalf("deleted request: %v", err)
	}
	if used, err := db.Desk().FileInUse(ctx, testHash); err != nil || used {
		t.Fatalf("the deleted request's file is still in use: %v, %v", used, err)
	}
	for _, table := range []string{"visit_people", "visit_windows", "attachments", "audit_log"} {
		var n int
		db.pool.QueryRow(`SELECT count(*) FROM `+table+` WHERE visit_id = ?`, r.ID).Scan(&n)
		if n != 0 {
			t.Errorf("%d rows of the deleted request left in %s", n, table)
		}
	}
	if err := db.Desk().DeleteVisitRequest(ctx, r.ID); !errors.Is(err, calendar.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestVisitAndMaterialRowsMustBeConsistent(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	org := saveOrg(t, db, "市教育局")
	now := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)
	base := desk.VisitRequest{LeaderID: leader.ID, OrgID: org.ID, Purpose: "汇报", Visitors: 1,
		People: []desk.Visitor{{Name: "周敏"}}, State: desk.VisitRequested, Created: now, Updated: now}
	bad := []struct {
		name string
		edit func(*desk.VisitRequest)
	}{
		{"declined without a reason", func(r *desk.VisitRequest) {
			r.State, r.Decided, r.DecidedBy = desk.VisitDeclined, now, "秘书"
		}},
		{"booked without an engagement", func(r *desk.VisitRequest) {
			r.State, r.Decided, r.DecidedBy = desk.VisitBooked, now, "秘书"
		}},
		{"decided by nobody", func(r *desk.VisitRequest) {
			r.State, r.DeclineReason, r.Decided = desk.VisitDeclined, "满", now
		}},
		{"unknown state", func(r *desk.VisitRequest) { r.State = "maybe" }},
		{"unknown organisation", func(r *desk.VisitRequest) { r.OrgID = 99 }},
	}
	for _, c := range bad {
		r := base
		c.edit(&r)
		if err := db.Desk().CreateVisitRequest(ctx, &r); err == nil {
			t.Errorf("%s: stored", c.name)
		}
	}
	m := desk.Material{LeaderID: leader.ID, Title: "汇报材料", State: desk.MaterialExpected, Created: now, Updated: now}
	for name, edit := range map[string]func(*desk.Material){
		"received without a date":  func(m *desk.Material) { m.State = desk.MaterialReceived },
		"presented without a date": func(m *desk.Material) { m.State, m.Received = desk.MaterialPresented, now },
		"instructed without instructions": func(m *desk.Material) {
			m.State, m.Received, m.Presented, m.Instructed = desk.MaterialInstructed, now, now, now
		},
		"negative copies": func(m *desk.Material) { m.Copies = -1 },
	} {
		bad := m
		edit(&bad)
		if err := db.Desk().CreateMaterial(ctx, &bad); err == nil {
			t.Errorf("materials %s: stored", name)
		}
	}
	a := desk.Attachment{Name: "x", Hash: "not a hash", Added: now}
	if err := db.Desk().AddAttachment(ctx, desk.Subject{Material: 1}, &a); err == nil {
		t.Error("an attachment with a malformed hash was stored")
	}
	if err := db.Desk().AddAttachment(ctx, desk.Subject{Material: 999}, &desk.Attachment{Name: "x", Hash: testHash, Added: now}); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("an attachment of missing materials: %v", err)
	}
}

func TestMaterialsAreListedByDueDate(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	now := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		title string
		due   calendar.Date
	}{{"undated", calendar.Date{}}, {"later", calendar.NewDate(2026, 12, 4)}, {"sooner", calendar.NewDate(2026, 11, 27)}} {
		m := desk.Material{LeaderID: leader.ID, Title: c.title, Due: c.due, State: desk.MaterialExpected, Created: now, Updated: now}
		if err := db.Desk().CreateMaterial(ctx, &m); err != nil {
			t.Fatal(err)
		}
		if c.title == "later" {
			a := desk.Attachment{Name: "汇报.pdf", Hash: testHash, Size: 3, Added: now}
			if err := db.Desk().AddAttachment(ctx, m.Subject(), &a); err != nil {
				t.Fatal(err)
			}
		}
	}
	ms, err := db.Desk().Materials(ctx, leader.ID, desk.MaterialExpected)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, m := range ms {
		titles = append(titles, m.Title)
	}
	if !slices.Equal(titles, []string{"sooner", "later", "undated"}) || len(ms[1].Files) != 1 || ms[2].Due != (calendar.Date{}) {
		t.Fatalf("materials %q (%+v)", titles, ms)
	}
	if ms, _ := db.Desk().Materials(ctx, leader.ID, desk.MaterialArchived); len(ms) != 0 {
		t.Fatalf("archived materials: %+v", ms)
	}
	m := ms[1]
	m.State, m.Received, m.ReceivedBy, m.Copies, m.Pages, m.Updated = desk.MaterialReceived, now, "秘书", 2, 30, now
	if err := db.Desk().UpdateMaterial(ctx, &m); err != nil {
		t.Fatal(err)
	}
	got, err := db.Desk().Material(ctx, m.ID)
	if err != nil || got.State != desk.MaterialReceived || !got.Received.Equal(now) || got.Pages != 30 || len(got.Files) != 1 || got.Due != calendar.NewDate(2026, 12, 4) {
		t.Fatalf("updated materials %+v, %v", got, err)
	}
	if err := db.Desk().DeleteMaterial(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if used, _ := db.Desk().FileInUse(ctx, testHash); used {
		t.Fatal("a deleted material's attachment is still in use")
	}
}

func TestDirectoryFindsOrCreates(t *testing.T) {
	db := openTemp(t)
	now := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)
	a, b := saveOrg(t, db, "华东电力公司"), saveOrg(t, db, "华东电力公司")
	if a.ID == 0 || a.ID != b.ID {
		t.Fatalf("the same organisation saved twice: %d and %d", a.ID, b.ID)
	}
	p := desk.Person{OrgID: a.ID, Name: "王伟", Title: "总经理", Created: now, Updated: now}
	if err := db.Desk().SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	q := desk.Person{OrgID: a.ID, Name: "王伟", Phone: "139", Created: now, Updated: now.Add(time.Hour)}
	if err := db.Desk().SavePerson(ctx, &q); err != nil {
		t.Fatal(err)
	}
	if q.ID != p.ID || q.Title != "总经理" || q.Phone != "139" || !q.Updated.Equal(now.Add(time.Hour)) || !q.Created.Equal(now) {
		t.Fatalf("saving a known person again: %+v", q)
	}
	if err := db.Desk().SavePerson(ctx, &desk.Person{OrgID: 99, Name: "无名", Created: now, Updated: now}); !errors.Is(err, calendar.ErrNotFound) {
		t.Fatalf("a person of an unknown organisation: %v", err)
	}
	saveOrg(t, db, "Shanghai Electric")
	if os, _ := db.Desk().Organisations(ctx, "electric", 10); len(os) != 1 {
		t.Fatalf("search ignoring case: %+v", os)
	}
	if ps, _ := db.Desk().People(ctx, 0, "华东", 10); len(ps) != 1 || ps[0].Org != "华东电力公司" {
		t.Fatalf("people by organisation name: %+v", ps)
	}
	if os, _ := db.Desk().Organisations(ctx, "", 1); len(os) != 1 {
		t.Fatalf("the limit is not kept: %+v", os)
	}
}
