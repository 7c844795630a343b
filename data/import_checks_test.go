package data

import (
	"slices"
	"strings"
	"testing"
)

func TestCheckExpressions(t *testing.T) {
	db := openTemp(t)
	var table string
	if err := db.pool.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = 'engagements'`).Scan(&table); err != nil {
		t.Fatal(err)
	}
	got, ok := checkExpressions(table)
	want := []string{
		`uid <> ''`,
		`kind IN ('meeting', 'visit', 'activity', 'blocked')`,
		`all_day IN (0, 1)`,
		`start_day IS NULL OR date(start_day) IS start_day`,
		`end_day IS NULL OR date(end_day) IS end_day`,
		`status IN ('confirmed', 'tentative', 'cancelled')`,
		`classification IN ('public', 'internal', 'confidential')`,
		`source IN ('manual', 'imported', 'visit')`,
		`sequence >= 0`,
		`end_utc > start_utc`,
	}
	if !ok || len(got) != len(want)+1 || !slices.Equal(got[:len(want)], want) || !strings.HasPrefix(got[len(want)], "CASE all_day") {
		t.Fatalf("engagements' CHECKs: %v %q", ok, got)
	}
	for _, c := range []struct {
		sql  string
		want []string
		ok   bool
	}{
		{`CREATE TABLE t (a INT CHECK(a > 0), "check" TEXT, b TEXT CHECK (b <> ')' AND b <> '(') -- CHECK (no)
			, c TEXT /* CHECK (nor) */ CONSTRAINT ok CHECK /* here */ (length(c) < 3), checked INT, CHECK ((a) IN (1, 2)))`,
			[]string{"a > 0", "b <> ')' AND b <> '('", "length(c) < 3", "(a) IN (1, 2)"}, true},
		{"CREATE TABLE t (a INT CHECK (a > 0 -- a comment\n))", []string{"a > 0"}, true},
		{`CREATE TABLE t (a INT CHECK (a > (0)`, nil, false},
		{`CREATE TABLE t (a INT CHECK a > 0)`, nil, false},
		{`CREATE TABLE t (a INT)`, nil, true},
	} {
		got, ok := checkExpressions(c.sql)
		if ok != c.ok || !slices.Equal(got, c.want) {
			t.Errorf("%s\n got %v %q\nwant %v %q", c.sql, ok, got, c.ok, c.want)
		}
	}
}
