package calendar

import (
	"reflect"
	"testing"
	"time"
)

// CheckMany's checkers find into one scratch each: once it has grown to
// what a booking meeting forty others finds, checking more such bookings
// allocates nothing, where growing a slice per check was most of a
// preview's checking.
func TestCheckIntoAReadyScratchAllocatesNothing(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	leader := Leader{ID: 1, Name: "张书记", ZoneName: "Asia/Shanghai"}
	at := time.Date(2027, 1, 4, 9, 0, 0, 0, loc)
	items := make([]Engagement, 40)
	for i := range items {
		items[i] = Engagement{ID: int64(i + 1), LeaderID: 1, Kind: KindMeeting, Status: StatusConfirmed, Start: at, End: at.Add(time.Hour)}
	}
	en, err := NewEngine(leader, DefaultAvailability(1), items, at.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	c := Engagement{LeaderID: 1, Kind: KindMeeting, Status: StatusConfirmed, Start: at.Add(30 * time.Minute), End: at.Add(90 * time.Minute)}
	scratch := en.checkInto(c, nil)
	if len(scratch) < 40 {
		t.Fatalf("%d findings; want one for each of the 40 it overlaps", len(scratch))
	}
	if n := testing.AllocsPerRun(100, func() { scratch = en.checkInto(c, scratch) }); n != 0 {
		t.Fatalf("checkInto allocated %v times a check with its scratch ready; want none", n)
	}
	if want := en.Check(c); !reflect.DeepEqual(scratch, want) {
		t.Fatalf("checkInto found\n%v\nCheck\n%v", scratch, want)
	}
}
