package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
)

// gridMarksPlain is gridMarks as it was first written: every pair of items
// compared, every key made afresh. The faster one must give its answer.
func gridMarksPlain(items []calendar.Engagement, overrides []calendar.OverrideRecord) map[string]blockMark {
	marks := map[string]blockMark{}
	live := func(e calendar.Engagement) bool { return !e.AllDay && e.Status != calendar.StatusCancelled }
	for i, a := range items {
		if !live(a) {
			continue
		}
		for _, b := range items[i+1:] {
			if live(b) && a.Start.Before(b.End) && b.Start.Before(a.End) {
				ka, kb := markKey(a.UID, a.Start.Unix()), markKey(b.UID, b.Start.Unix())
				ma, mb := marks[ka], marks[kb]
				ma.clash, mb.clash = true, true
				ma.clashWith, mb.clashWith = append(ma.clashWith, b.Title), append(mb.clashWith, a.Title)
				marks[ka], marks[kb] = ma, mb
			}
		}
	}
	booked := map[string]calendar.OverrideRecord{}
	for _, r := range overrides {
		if k := markKey(r.EngagementUID, r.Start.Unix()); booked[k].EngagementUID == "" {
			booked[k] = r
		}
	}
	for _, e := range items {
		k := markKey(e.UID, e.Start.Unix())
		if r, ok := booked[k]; ok && live(e) {
			m := marks[k]
			m.overridden, m.reason = true, overrideReasonText(r)
			marks[k] = m
		}
	}
	return marks
}

// TestGridMarksAsThePlainPairwiseMarks compares the two on generated weeks,
// in start order and shuffled: overlapping, cancelled and all-day items,
// occurrences of one series (one UID), and overrides, some
// of them given twice with different reasons.
func TestGridMarksAsThePlainPairwiseMarks(t *testing.T) {
	loc := mustLoad("Asia/Shanghai")
	monday := calendar.NewDate(2026, 11, 23)
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 1 + r.IntN(200)
		items := make([]calendar.Engagement, n)
		seen := map[string]bool{}
		for i := range items {
			day := monday.AddDays(r.IntN(7))
			start := time.Date(day.Year, day.Month, day.Day, 7+r.IntN(12), 15*r.IntN(4), 0, 0, loc)
			e := calendar.Engagement{UID: fmt.Sprintf("u%d", r.IntN(n)), Title: fmt.Sprintf("会 %d", i), Kind: calendar.KindMeeting,
				Start: start, End: start.Add(time.Duration(1+r.IntN(8)) * 15 * time.Minute), Status: calendar.StatusConfirmed}
			switch r.IntN(10) {
			case 0:
				e.Status = calendar.StatusCancelled
			case 1:
				e.AllDay = true
			case 2:
				e.End = e.Start.Add(30 * time.Hour) // across the night
			}
			// Two items of one key (UID and start) are one occurrence
			// read twice, which Agenda never gives; the plain marks then
			// lose appends through a shared slice, so keep keys apart.
			if k := markKey(e.UID, e.Start.Unix()); seen[k] {
				e.UID = fmt.Sprintf("x%d", i)
			}
			seen[markKey(e.UID, e.Start.Unix())] = true
			items[i] = e
		}
		var log []calendar.OverrideRecord
		for range r.IntN(20) {
			e := items[r.IntN(n)]
			log = append(log, calendar.OverrideRecord{EngagementUID: e.UID, Start: e.Start, Reason: fmt.Sprintf("理由 %d", r.IntN(3)), Who: "秘书甲"})
		}
		for _, order := range []string{"by start", "shuffled"} {
			if order == "by start" {
				slices.SortStableFunc(items, func(a, b calendar.Engagement) int { return a.Start.Compare(b.Start) })
			} else {
				r.Shuffle(n, func(i, j int) { items[i], items[j] = items[j], items[i] })
			}
			want, got := gridMarksPlain(items, log), gridMarks(items, log)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d, %s, %d items: marks differ\n got %v\nwant %v", seed, order, n, got, want)
			}
		}
	}
}

// TestGridMarksReadOnlyTheShownDaysOfTheLog books over the rules in two
// weeks and shows one: its block is marked from the log as before, the
// other week's record is not read.
func TestGridMarksReadOnlyTheShownDaysOfTheLog(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	for _, start := range []time.Time{monday10, monday10.AddDate(0, 0, -7)} {
		d.book("先订的会", calendar.KindMeeting, start, time.Hour)
		e := calendar.Engagement{LeaderID: d.leader.ID, Title: "硬插的会", Kind: calendar.KindMeeting,
			Start: start.Add(30 * time.Minute), End: start.Add(90 * time.Minute)}
		if _, err := d.svc.SaveWithOverride(ctx, &e, "领导要求", "秘书甲"); err != nil {
			t.Fatal(err)
		}
	}
	d.m.reload()
	whole, err := d.svc.OverrideLog(ctx, d.leader.ID)
	if err != nil || len(whole) != 2 {
		t.Fatalf("override log %v, %v; want two records", whole, err)
	}
	if want := gridMarks(d.m.items, whole); !reflect.DeepEqual(d.m.grid.marks, want) {
		t.Fatalf("marks from the shown days' log %v, from the whole log %v", d.m.grid.marks, want)
	}
	if b := d.blockTitled("硬插的会"); b == nil || !d.m.grid.markOf(b.item).overridden {
		t.Fatal("the booking over the rules this week is not marked")
	}
	shown, err := d.svc.OverridesStarting(ctx, d.leader.ID, monday10.Add(-time.Hour), monday10.Add(time.Hour))
	if err != nil || len(shown) != 1 || !shown[0].Start.Equal(monday10.Add(30*time.Minute)) {
		t.Fatalf("overrides starting around this Monday %v, %v; want this week's only", shown, err)
	}
}
