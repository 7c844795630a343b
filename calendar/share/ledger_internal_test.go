package share

import (
	"strings"
	"testing"
	"time"
)

// The ledger's text keeps every field, whatever a title holds, and folds
// long lines; entries whose end has passed are pruned.
func TestLedgerTextRoundTripsAndPrunes(t *testing.T) {
	now := time.Date(2031, 5, 6, 12, 0, 0, 0, time.UTC)
	entries := []LedgerEntry{
		{Key: "a@x", Start: now.Add(-3 * time.Hour), End: now.Add(-time.Hour), Desk: "d1", DeskName: "前台", Title: "已结束"},
		{Key: "b@x", Start: now.Add(-time.Hour), End: now.Add(time.Hour), Desk: "d1", DeskName: "前台", Title: "正在进行"},
		{Key: "s@x#20310507T010000Z", Start: now.Add(13 * time.Hour), End: now.Add(14 * time.Hour), Desk: "d2", DeskName: "desk; two, \\ three",
			Title: "党委会；第一会议室, with a semicolon; a comma, a backslash \\ and a\nsecond line, and a title long enough to be folded over several lines"},
	}
	data := encodeLedger(entries, now)
	for _, l := range strings.Split(string(data), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	got := decodeLedger(data)
	if !sameEntries(got, entries) {
		t.Fatalf("read back %+v\nwant %+v", got, entries)
	}
	kept := pruned(got, now)
	if len(kept) != 2 || kept[0].Key != "b@x" || kept[1].Key != "s@x#20310507T010000Z" {
		t.Errorf("pruned at %v: %+v", now, kept)
	}
	if uid, rec, occ := cut(kept[1].Key); uid != "s@x" || rec != "20310507T010000Z" || !occ {
		t.Errorf("cut %q: %q %q %v", kept[1].Key, uid, rec, occ)
	}
}
