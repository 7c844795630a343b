package data

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// TestCreateImportedBindsSharedValuesOnce writes statements of every
// shape, rows sharing all, some or none of their values, and more shapes
// than one import prepares, and reads every row back as it was given.
func TestCreateImportedBindsSharedValuesOnce(t *testing.T) {
	for _, bulk := range []int{1, 1 << 30} {
		t.Run(fmt.Sprint("bulk from ", bulk), func(t *testing.T) {
			was := bulkRows
			bulkRows = bulk
			defer func() { bulkRows = was }()
			db := openTemp(t)
			leaders := []calendar.Leader{addLeader(t, db, "一"), addLeader(t, db, "二")}
			loc := mustLoad(t, "Asia/Shanghai")
			start := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
			var rows []imports.ImportedRow
			// Each chunk of rowsPerInsert rows varies in other columns, so
			// that no two chunks have the same shape; the first varies in
			// none and the last in all.
			vary := []func(e *calendar.Engagement, v *imports.ImportVersion, i int){
				func(*calendar.Engagement, *imports.ImportVersion, int) {},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) { e.LeaderID = leaders[i%2].ID },
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) {
					e.Kind = []calendar.Kind{"meeting", "visit"}[i%2]
				},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) { e.Sequence = i % 4 },
				func(e *calendar.Engagement, v *imports.ImportVersion, i int) {
					v.DTStamp = []time.Time{{}, start}[i%2] // NULL and not
				},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) {
					if i%3 == 0 {
						e.AllDay, e.StartDay, e.EndDay = true, calendar.NewDate(2026, 12, 1+i%20), calendar.NewDate(2026, 12, 2+i%20)
						e.Anchor(loc)
						e.Start, e.End = e.Start.UTC(), e.End.UTC()
					}
				},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) {
					if i%2 == 0 {
						e.RRule, e.SeriesEnd = "FREQ=DAILY;COUNT=2", e.End.Add(24*time.Hour)
						e.ExDates = []time.Time{e.Start}
					}
				},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) {
					e.Organiser = strings.Repeat("办", i%2)
				},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) {
					e.Status = []calendar.Status{"confirmed", "tentative"}[i%2]
				},
				func(e *calendar.Engagement, _ *imports.ImportVersion, i int) {
					e.ZoneName = []string{"Asia/Shanghai", "UTC"}[i%2]
				},
				func(e *calendar.Engagement, v *imports.ImportVersion, i int) {
					v.At = v.At.Add(time.Duration(i) * time.Second)
				},
			}
			each := slices.Clone(vary)
			vary = append(vary, func(e *calendar.Engagement, v *imports.ImportVersion, i int) {
				for _, f := range each {
					f(e, v, i)
				}
			})
			for c, f := range vary {
				for i := range rowsPerInsert {
					n := c*rowsPerInsert + i
					e := timed(leaders[0].ID, fmt.Sprint("会", n), start.Add(time.Duration(n)*time.Hour), time.Hour)
					e.Location, e.Notes = "第一会议室", "议题"
					v := imports.ImportVersion{Sequence: n % 5, DTStamp: start, At: e.Created}
					f(&e, &v, i)
					rows = append(rows, imports.ImportedRow{Engagement: &e, Version: v})
				}
			}
			rows = rows[:len(rows)-5] // and a shorter last statement
			if len(vary) <= maxInsertShapes {
				t.Fatalf("%d shapes: the test must make more than one import prepares", len(vary))
			}
			if err := db.WithTx(ctx, func(st calendar.Store) error { return st.(*DB).WriteImported(ctx, rows) }); err != nil {
				t.Fatal(err)
			}
			keys := make([]imports.ItemKey, len(rows))
			for i, r := range rows {
				keys[i] = imports.ItemKey{UID: r.Engagement.UID}
			}
			stored, err := db.ItemsByKey(ctx, keys)
			if err != nil || len(stored) != len(rows) {
				t.Fatalf("%d of %d rows back: %v", len(stored), len(rows), err)
			}
			byID := map[int64]imports.StoredItem{}
			for _, s := range stored {
				byID[s.Engagement.ID] = s
			}
			for i, r := range rows {
				got, want := byID[r.Engagement.ID], imports.StoredItem{Engagement: *r.Engagement, Version: r.Version}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("row %d (statement %d)\n got %+v\nwant %+v", i, i/rowsPerInsert, got, want)
				}
			}
		})
	}
}
