package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// importer runs plans and imports of hand-made items on a fresh database.
type importer struct {
	t      *testing.T
	db     *DB
	svc    *calendar.Service
	imp    *imports.Service
	leader calendar.Leader
	loc    *time.Location
}

func newImporter(t *testing.T) *importer {
	db := openTemp(t)
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC) })
	leader := addLeader(t, db, "Leader")
	return &importer{t: t, db: db, svc: svc, imp: imports.NewService(svc, db), leader: leader, loc: mustLoad(t, leader.ZoneName)}
}

// at is 2026-11-day hh:00 in the leader's zone.
func (im *importer) at(day, h int) time.Time { return time.Date(2026, 11, day, h, 0, 0, 0, im.loc) }

// item is an incoming meeting of an hour.
func (im *importer) item(uid, title string, start time.Time, seq int) imports.Incoming {
	return imports.Incoming{Method: "REQUEST", DTStamp: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Line: 1,
		Engagement: calendar.Engagement{UID: uid, Title: title, Start: start, End: start.Add(time.Hour),
			ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal,
			Source: calendar.SourceImported, Sequence: seq}}
}

func (im *importer) plan(items ...imports.Incoming) *imports.ImportPlan {
	im.t.Helper()
	p, err := im.imp.PlanImport(ctx, im.leader, "test.ics", items, nil, nil)
	if err != nil {
		im.t.Fatal(err)
	}
	return p
}

func (im *importer) apply(items ...imports.Incoming) (imports.ImportResult, *imports.ImportPlan) {
	im.t.Helper()
	p := im.plan(items...)
	res, err := im.imp.ApplyImport(ctx, p)
	if err != nil {
		im.t.Fatal(err)
	}
	return res, p
}

// agenda lists what the leader has from 23 to 29 November, as
// "day hh:mm title status".
func (im *importer) agenda() []string {
	im.t.Helper()
	es, err := im.svc.Agenda(ctx, im.leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		im.t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s %s", e.Start.In(im.loc).Format("02 15:04"), e.Title, e.Status))
	}
	return out
}

func actions(p *imports.ImportPlan) string {
	var s []string
	for _, it := range p.Items {
		s = append(s, string(it.Action))
	}
	return strings.Join(s, ",")
}

func TestImportNewThenUnchangedThenUpdated(t *testing.T) {
	im := newImporter(t)
	a := im.item("a@x", "周例会", im.at(23, 9), 0)
	b := im.item("b@x", "调研", im.at(24, 14), 2)
	res, _ := im.apply(a, b)
	if res.New != 2 {
		t.Fatalf("first import: %+v", res)
	}
	before := im.agenda()
	res, p := im.apply(a, b)
	if res.Unchanged != 2 || res.New+res.Updated+res.Cancelled != 0 || actions(p) != "unchanged,unchanged" {
		t.Fatalf("same file again: %+v, %s", res, actions(p))
	}
	if got := im.agenda(); strings.Join(got, "|") != strings.Join(before, "|") {
		t.Fatalf("agenda changed: %v → %v", before, got)
	}
	// An older version changes nothing; a newer one moves the meeting.
	older := im.item("b@x", "调研（旧）", im.at(24, 15), 1)
	newer := im.item("a@x", "周例会（改）", im.at(23, 10), 1)
	res, p = im.apply(older, newer)
	if actions(p) != "unchanged,updated" || res.Updated != 1 {
		t.Fatalf("older and newer: %s, %+v", actions(p), res)
	}
	if p.Items[0].Reason == nil || p.Items[0].Reason.Code != "import.plan.older" {
		t.Fatalf("older without its reason: %+v", p.Items[0].Reason)
	}
	want := []string{"23 10:00 周例会（改） confirmed", "24 14:00 调研 confirmed"}
	if got := im.agenda(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("agenda %v, want %v", got, want)
	}
	// The same SEQUENCE with a later DTSTAMP updates too.
	later := im.item("b@x", "调研（改期）", im.at(25, 14), 2)
	later.DTStamp = later.DTStamp.Add(time.Hour)
	if res, _ := im.apply(later); res.Updated != 1 {
		t.Fatalf("later DTSTAMP: %+v", res)
	}
}

func TestImportCancelFreesTheSlotAndKeepsTheItem(t *testing.T) {
	im := newImporter(t)
	req := im.item("c@x", "会见", im.at(24, 10), 0)
	im.apply(req)
	clash := calendar.Engagement{LeaderID: im.leader.ID, Title: "另一会", Start: im.at(24, 10), End: im.at(24, 11), ZoneName: "Asia/Shanghai"}
	if fs, _ := im.svc.Check(ctx, im.leader, clash); !calendar.Blocking(fs) {
		t.Fatalf("the imported meeting does not hold its slot: %v", fs)
	}
	cancel := req
	cancel.Method, cancel.Engagement.Sequence = "CANCEL", 1
	res, p := im.apply(cancel)
	if res.Cancelled != 1 || p.Items[0].Existing == nil {
		t.Fatalf("cancel: %+v %s", res, actions(p))
	}
	if got := im.agenda(); len(got) != 1 || !strings.HasSuffix(got[0], "cancelled") {
		t.Fatalf("agenda after cancel: %v", got)
	}
	if fs, _ := im.svc.Check(ctx, im.leader, clash); calendar.Blocking(fs) {
		t.Fatalf("the cancelled meeting still holds its slot: %v", fs)
	}
	// The same CANCEL again changes nothing; one for an unknown UID is skipped.
	unknown := cancel
	unknown.Engagement.UID = "nobody@x"
	res, p = im.apply(cancel, unknown)
	if actions(p) != "unchanged,skipped" || res.Skipped != 1 || p.Items[1].Reason.Code != "import.plan.cancel_unknown" {
		t.Fatalf("cancel again and unknown: %s %+v", actions(p), res)
	}
}

func TestImportSeriesWithOverridesAndAnOrphan(t *testing.T) {
	im := newImporter(t)
	series := im.item("s@x", "例会", im.at(23, 9), 0)
	series.Engagement.RRule = "FREQ=DAILY;COUNT=5"
	series.Engagement.ExDates = []time.Time{im.at(25, 9)}
	moved := im.item("s@x", "例会（改在下午）", im.at(24, 15), 0)
	moved.Engagement.RecurrenceID = im.at(24, 9)
	cancelled := im.item("s@x", "例会", im.at(26, 9), 0)
	cancelled.Engagement.RecurrenceID = im.at(26, 9)
	cancelled.Engagement.Status = calendar.StatusCancelled
	// An invitation to one occurrence of a series the file does not hold.
	orphan := im.item("o@x", "单次", im.at(27, 11), 0)
	orphan.Engagement.RecurrenceID = im.at(27, 10)
	res, p := im.apply(moved, series, cancelled, orphan) // override before its series
	if actions(p) != "new,new,cancelled,new" || res.New != 3 || res.Cancelled != 1 {
		t.Fatalf("series import: %s %+v", actions(p), res)
	}
	if p.Items[3].Reason == nil || p.Items[3].Reason.Code != "import.plan.series_missing" {
		t.Fatalf("orphan reason: %+v", p.Items[3].Reason)
	}
	want := []string{"23 09:00 例会 confirmed", "24 15:00 例会（改在下午） confirmed", "26 09:00 例会 cancelled",
		"27 09:00 例会 confirmed", "27 11:00 单次 confirmed"}
	if got := im.agenda(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("agenda\n got %v\nwant %v", got, want)
	}
	if res, p := im.apply(moved, series, cancelled, orphan); res.Unchanged != 4 {
		t.Fatalf("series again: %s %+v", actions(p), res)
	}
	// The orphan's series arrives later: the single becomes its override.
	oSeries := im.item("o@x", "系列", im.at(23, 10), 1)
	oSeries.Engagement.RRule = "FREQ=DAILY;COUNT=7"
	orphan.Engagement.Sequence = 1
	res, p = im.apply(oSeries, orphan)
	if res.New != 1 || res.Updated != 1 {
		t.Fatalf("series of the orphan: %s %+v", actions(p), res)
	}
	es, err := im.svc.Agenda(ctx, im.leader, calendar.NewDate(2026, 11, 27), calendar.NewDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range es {
		if e.UID == "o@x" {
			titles = append(titles, e.Start.In(im.loc).Format("15:04")+" "+e.Title)
			if e.Title == "单次" && (e.SeriesID == 0 || !e.RecurrenceID.Equal(im.at(27, 10))) {
				t.Errorf("the orphan did not become an override: %+v", e)
			}
		}
	}
	if strings.Join(titles, "|") != "11:00 单次" {
		t.Fatalf("27 November of the orphan's series: %v", titles)
	}
}

func TestImportDoesNotReviveWhatWasDeletedUnlessNewer(t *testing.T) {
	im := newImporter(t)
	a := im.item("d@x", "删掉的会", im.at(23, 9), 0)
	if _, p := im.apply(a); actions(p) != "new" {
		t.Fatalf("first import: %s", actions(p))
	}
	stored, err := im.db.ItemsByKey(ctx, []imports.ItemKey{{UID: "d@x"}})
	if err != nil || len(stored) != 1 {
		t.Fatalf("%v %v", stored, err)
	}
	if err := im.svc.Delete(ctx, stored[0].Engagement.ID); err != nil {
		t.Fatal(err)
	}
	if _, p := im.apply(a); actions(p) != "skipped" || p.Items[0].Reason.Code != "import.plan.deleted" {
		t.Fatalf("same version after delete: %s", actions(p))
	}
	a.Engagement.Sequence = 1
	if res, p := im.apply(a); res.Updated != 1 || p.Items[0].Reason.Code != "import.plan.revived" {
		t.Fatalf("newer version after delete: %s %+v", actions(p), res)
	}
	if got := im.agenda(); len(got) != 1 {
		t.Fatalf("not revived: %v", got)
	}
}

func TestImportUpdatesAnItemMadeHereByUIDAndSaysSo(t *testing.T) {
	im := newImporter(t)
	e := calendar.Engagement{LeaderID: im.leader.ID, Title: "本地", Start: im.at(23, 9), End: im.at(23, 10),
		ZoneName: "Asia/Shanghai", Kind: calendar.KindVisit, Classification: calendar.ClassConfidential}
	if err := im.svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	in := im.item(e.UID, "来自邀请", im.at(23, 11), 3)
	in.Engagement.Classification = calendar.ClassPublic
	res, p := im.apply(in)
	if res.Updated != 1 || p.Items[0].Reason == nil || p.Items[0].Reason.Code != "import.plan.edited_here" {
		t.Fatalf("%s %+v %v", actions(p), res, p.Items[0].Reason)
	}
	got, err := im.svc.Engagement(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "来自邀请" || got.Kind != calendar.KindVisit || got.Classification != calendar.ClassConfidential ||
		got.Source != calendar.SourceManual || got.Sequence != 3 {
		t.Fatalf("updated item: %+v", got)
	}
}

func TestImportSkipsDuplicatesRepliesAndOtherLeadersItems(t *testing.T) {
	im := newImporter(t)
	other := addLeader(t, im.db, "Other")
	theirs := im.item("t@x", "他们的", im.at(23, 9), 0)
	p, err := im.imp.PlanImport(ctx, other, "o.ics", []imports.Incoming{theirs}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := im.imp.ApplyImport(ctx, p); err != nil {
		t.Fatal(err)
	}
	v1, v2 := im.item("dup@x", "v1", im.at(24, 9), 1), im.item("dup@x", "v2", im.at(24, 10), 2)
	reply := im.item("r@x", "答复", im.at(25, 9), 0)
	reply.Method = "REPLY"
	_, p = im.apply(v2, v1, reply, theirs)
	if actions(p) != "new,skipped,skipped,skipped" {
		t.Fatalf("%s", actions(p))
	}
	for i, code := range []string{"", "import.plan.duplicate", "import.plan.method", "import.plan.other_leader"} {
		if code != "" && (p.Items[i].Reason == nil || p.Items[i].Reason.Code != code) {
			t.Errorf("item %d: reason %+v, want %s", i, p.Items[i].Reason, code)
		}
	}
	if !strings.Contains(p.Items[3].Reason.Text(), "Other") {
		t.Errorf("the other leader is not named: %s", p.Items[3].Reason.Text())
	}
}

func TestImportFindingsAndUntickedItems(t *testing.T) {
	im := newImporter(t)
	e := calendar.Engagement{LeaderID: im.leader.ID, Title: "已有", Start: im.at(24, 9), End: im.at(24, 10), ZoneName: "Asia/Shanghai"}
	if err := im.svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	clash := im.item("k@x", "冲突", im.at(24, 9), 0)
	free := im.item("f@x", "不冲突", im.at(25, 9), 0)
	past := im.item("p@x", "过去", time.Date(2026, 11, 2, 9, 0, 0, 0, im.loc), 0)
	p := im.plan(clash, free, past)
	if !calendar.Blocking(p.Items[0].Findings) || len(p.Items[1].Findings) != 0 {
		t.Fatalf("findings: %v / %v", p.Items[0].Findings, p.Items[1].Findings)
	}
	for _, f := range p.Items[2].Findings {
		if f.Rule == calendar.RuleNotice {
			t.Fatalf("an item in the past is held to the notice rule: %v", f)
		}
	}
	p.Items[0].Selected = false
	res, err := im.imp.ApplyImport(ctx, p)
	if err != nil || res.New != 2 || res.Skipped != 1 {
		t.Fatalf("%+v %v", res, err)
	}
}

// failingTx is a store whose transactions fail at the second write of
// imported rows, after the first went in.
type failingTx struct{ *DB }

func (f failingTx) ImportTx(ctx context.Context, fn func(imports.Store) error) error {
	return f.DB.ImportTx(ctx, func(st imports.Store) error {
		return fn(&failWrite{DB: st.(*DB)})
	})
}

type failWrite struct {
	*DB
	n int
}

var errInjected = errors.New("injected")

func (f *failWrite) WriteImported(ctx context.Context, rows []imports.ImportedRow) error {
	if f.n++; f.n == 2 {
		return errInjected
	}
	return f.DB.WriteImported(ctx, rows)
}

func TestImportIsAllOrNothing(t *testing.T) {
	im := newImporter(t)
	series := im.item("s@x", "例会", im.at(23, 9), 0)
	series.Engagement.RRule = "FREQ=DAILY;COUNT=3"
	override := im.item("s@x", "改", im.at(24, 15), 0)
	override.Engagement.RecurrenceID = im.at(24, 9)
	svc := imports.NewService(calendar.NewService(im.db), failingTx{im.db})
	p, err := svc.PlanImport(ctx, im.leader, "x.ics", []imports.Incoming{series, override}, []imports.ImportTodo{{UID: "t", Title: "待办"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ApplyImport(ctx, p); !errors.Is(err, errInjected) {
		t.Fatalf("apply: %v", err)
	}
	if got := im.agenda(); len(got) != 0 {
		t.Fatalf("a failed import left %v", got)
	}
	// The plan is as it was: applying it on a working store imports all.
	res, err := im.imp.ApplyImport(ctx, p)
	if err != nil || res.New != 2 || res.Todos != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	todos, err := im.imp.Todos(ctx, im.leader.ID)
	if err != nil || len(todos) != 1 || todos[0].Title != "待办" {
		t.Fatalf("%v %v", todos, err)
	}
}

func TestExportItemsAreSeriesNotOccurrences(t *testing.T) {
	im := newImporter(t)
	series := im.item("s@x", "例会", im.at(16, 9), 0)
	series.Engagement.RRule = "FREQ=WEEKLY;COUNT=6"
	override := im.item("s@x", "例会（改）", im.at(24, 15), 0)
	override.Engagement.RecurrenceID = im.at(23, 9)
	far := im.item("s@x", "例会（远）", time.Date(2026, 12, 14, 15, 0, 0, 0, im.loc), 0)
	far.Engagement.RecurrenceID = time.Date(2026, 12, 14, 9, 0, 0, 0, im.loc)
	single := im.item("x@x", "单个", im.at(25, 9), 0)
	outside := im.item("y@x", "范围外", im.at(30, 9), 0)
	im.apply(series, override, far, single, outside)
	items, err := im.svc.ExportItems(ctx, []int64{im.leader.ID}, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range items {
		got = append(got, fmt.Sprintf("%s rrule=%q series=%v", e.Title, e.RRule, e.SeriesID != 0))
	}
	want := []string{`例会 rrule="FREQ=WEEKLY;COUNT=6" series=false`, `例会（改） rrule="" series=true`,
		`单个 rrule="" series=false`, `例会（远） rrule="" series=true`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("export items\n got %v\nwant %v", got, want)
	}
}

func TestImportWritesEveryColumn(t *testing.T) {
	db := openTemp(t)
	rows, err := db.sql.QueryContext(ctx, `SELECT name FROM pragma_table_info('engagements') WHERE name NOT IN ('id', 'deleted') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var table []string
	if err := eachRow(rows, func(s scanner) error {
		var n string
		table = append(table, n)
		return s.Scan(&table[len(table)-1])
	}); err != nil {
		t.Fatal(err)
	}
	written := slices.Sorted(slices.Values(importColumns))
	if !slices.Equal(table, written) {
		t.Fatalf("engagements has %v; an import writes %v", table, written)
	}
	var names []string
	for _, a := range versionArgs(imports.ImportVersion{}) {
		names = append(names, a.(sql.NamedArg).Name)
	}
	if !slices.Equal(names, versionColumns) {
		t.Fatalf("versionArgs names %v, versionColumns %v", names, versionColumns)
	}
	// The values bound positionally are those engagementArgs names.
	e := timed(1, "会", time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), time.Hour)
	e.RRule, e.ExDates, e.SeriesEnd = "FREQ=DAILY;COUNT=2", []time.Time{e.Start}, e.End.Add(24*time.Hour)
	v := imports.ImportVersion{Sequence: 3, DTStamp: e.Start, At: e.End}
	var want []any
	for _, a := range append(engagementArgs(&e)[1:], versionArgs(v)...) {
		want = append(want, a.(sql.NamedArg).Value)
	}
	if got := appendImportValues(nil, imports.ImportedRow{Engagement: &e, Version: v}); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("positional values\n %v\nwant %v", got, want)
	}
}
