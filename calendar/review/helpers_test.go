package review_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// The review's tests happen in Shanghai in November 2026.
var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at is a time on day d of November 2026 in Shanghai.
func at(d, hh, mm int) time.Time { return time.Date(2026, 11, d, hh, mm, 0, 0, shanghai) }

// deskNow is Monday 23 November 2026, 10:17 in Shanghai.
var deskNow = time.Date(2026, 11, 23, 10, 17, 0, 0, shanghai)

const secretary = "秘书甲"

func request(leader calendar.Leader) desk.VisitRequest {
	return desk.VisitRequest{
		LeaderID: leader.ID, Org: "华东电力公司", Phone: "021-5555 0101", ReferredBy: "经济部门",
		Purpose: "汇报新能源项目进展", Visitors: 3,
		People:  []desk.Visitor{{Name: "王伟", Title: "总经理"}, {Name: "李娜", Title: "办公室主任"}},
		Windows: []desk.TimeWindow{{Start: at(24, 9, 0), End: at(24, 12, 0)}},
	}
}

func addRequest(t *testing.T, svc *desk.Service, r desk.VisitRequest) desk.VisitRequest {
	t.Helper()
	if err := svc.AddVisitRequest(context.Background(), &r, nil, secretary); err != nil {
		t.Fatal(err)
	}
	return r
}

// trail returns a subject's audit trail as "from→to who note" lines.
func trail(t *testing.T, svc *desk.Service, s desk.Subject) []string {
	t.Helper()
	es, err := svc.Audit(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.At.IsZero() {
			t.Errorf("audit entry %+v has no time", e)
		}
		out = append(out, strings.TrimSpace(e.From+"→"+e.To+" "+e.Who+" "+e.Note))
	}
	return out
}
