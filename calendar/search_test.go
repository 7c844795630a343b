package calendar_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

func TestSearchFindsChineseSubstringsInEveryField(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, mustZone(t, "Asia/Shanghai"))
	for _, e := range []calendar.Engagement{
		{Title: "防汛工作专题会", Location: "第一会议室"},
		{Title: "会见客商", Location: "县政府防汛指挥部"},
		{Title: "周例会", Organiser: "县防汛办"},
		{Title: "调研", Notes: "听取防汛准备汇报"},
		{Title: "Board Meeting"},
		{Title: "植树活动"},
		{Title: "三年前的防汛会", Start: at.AddDate(-3, 0, 0)}, // outside the searched years
	} {
		e.LeaderID = l.ID
		if e.Start.IsZero() {
			e.Start = at
		}
		e.End = e.Start.Add(time.Hour)
		at = at.Add(2 * time.Hour)
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	got, more, err := search(t, svc, l, " 防汛 ", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || more {
		t.Fatalf("防汛 found %d (more %v): %+v", len(got), more, got)
	}
	if got, _, _ := search(t, svc, l, "board meeting", 10); len(got) != 1 {
		t.Fatalf("case-insensitive search found %d", len(got))
	}
	if got, more, _ := search(t, svc, l, "防汛", 2); len(got) != 2 || !more {
		t.Fatalf("limit 2 gave %d, more %v", len(got), more)
	}
	if got, _, _ := search(t, svc, l, "", 10); len(got) != 0 {
		t.Fatal("an empty query found something")
	}
}

// TestSearchableFindsWhatMatchesFinds: a search read once finds, for any
// query, what filtering the searched years one by one (matches) finds, in
// the same order: queries in Chinese and in any case, pieces of every field, text
// that runs from one field into the next, and queries with a NUL.
func TestSearchableFindsWhatMatchesFinds(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	ctx := context.Background()
	loc := mustZone(t, "Asia/Shanghai")
	r := rand.New(rand.NewPCG(5, 8))
	words := []string{"防汛", "会议", "Board", "meeting", "县委", "第一", "Review", "调研", "汇报", "ÉTÉ"}
	pick := func() string {
		var b strings.Builder
		for range r.IntN(3) {
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, loc)
	for i := range 200 {
		e := calendar.Engagement{LeaderID: l.ID, Title: "会" + pick(), Location: pick(), Organiser: pick(), Notes: pick(),
			Start: start.Add(time.Duration(i) * 37 * time.Hour)}
		e.End = e.Start.Add(time.Hour)
		if i%10 == 0 {
			e.RRule = "FREQ=WEEKLY;COUNT=8"
		}
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	x, err := svc.Searchable(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	now := svc.Now().In(loc)
	all, err := svc.Agenda(ctx, l, calendar.NewDate(now.Year()-1, now.Month(), 1), calendar.NewDate(now.Year()+1, now.Month(), 1))
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"board", "BOARD", "été", "防汛会", "汛\x00", "\x00", "会议\x00board"}
	for _, e := range all[:20] {
		queries = append(queries, e.Title[len(e.Title)-3:]+e.Location, e.Location+"\x00"+e.Organiser)
	}
	for range 100 {
		queries = append(queries, pick())
	}
	matched := 0
	for _, q := range queries {
		for _, limit := range []int{5, 1000} {
			got, more := x.Find(q, limit)
			lq := strings.ToLower(strings.TrimSpace(q))
			var want []calendar.Engagement
			wantMore := false
			for _, e := range all {
				if lq == "" || !matches(e, lq) {
					continue
				}
				if len(want) == limit {
					wantMore = true
					break
				}
				want = append(want, e)
			}
			if !reflect.DeepEqual(got, want) || more != wantMore {
				t.Fatalf("%q (limit %d): found %d (more %v), Matches finds %d (more %v)", q, limit, len(got), more, len(want), wantMore)
			}
			matched += len(got)
		}
	}
	if matched < 500 {
		t.Fatalf("only %d matches in all: nothing to compare", matched)
	}
}

// search is a search as the dialog makes it: the years read, then found in.
func search(t *testing.T, svc *calendar.Service, l calendar.Leader, query string, limit int) ([]calendar.Engagement, bool, error) {
	t.Helper()
	x, err := svc.Searchable(context.Background(), l)
	if err != nil {
		return nil, false, err
	}
	found, more := x.Find(query, limit)
	return found, more, nil
}

// matches is the search as it was made before it was read once: whether
// the lower-cased query q is in e's title, place, organiser or notes.
func matches(e calendar.Engagement, q string) bool {
	for _, f := range []string{e.Title, e.Location, e.Organiser, e.Notes} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}
