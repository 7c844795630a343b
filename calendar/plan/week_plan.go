package plan

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"anteroom/calendar"
)

// WeekPlan is next week's plan (领导一周工作安排) as other offices receive
// it: one or several leaders' engagements of one week, day by day.
// Cancelled engagements are left out; confidential ones show that the
// leader is taken, and nothing of what, where or with whom.
type WeekPlan struct {
	Week    calendar.Week
	Leaders []calendar.Leader // in the order asked for
	Days    []PlanDay
	// Pending are follow-up items awaiting feedback (待反馈事项), listed
	// after the days when the plan is for the leader; empty otherwise.
	Pending []Pending
}

// Pending is one follow-up item a plan lists, its words already in the
// reader's language. A confidential one shows only as an official matter.
type Pending struct {
	Text, Unit   string
	Due          calendar.Date
	State        string
	Overdue      bool
	Confidential bool
}

// PlanDay is one day of a plan, Monday to Sunday.
type PlanDay struct {
	Date calendar.Date
	Rows []PlanRow // all-day items first, then by start, then by leader
}

// PlanRow is one engagement on one day of a plan. An all-day item that
// lasts several days has a row on each of them.
type PlanRow struct {
	Leader     calendar.Leader
	Start, End time.Time // in the leader's zone
	AllDay     bool
	Kind       calendar.Kind
	Tentative  bool
	// Confidential rows keep Title, Location and Organiser empty: the
	// plan shows them as an official engagement (公务活动), nothing more.
	Confidential bool
	Title        string
	Location     string
	Organiser    string
}

// Rows returns how many rows the plan has.
func (p WeekPlan) Rows() int {
	n := 0
	for _, d := range p.Days {
		n += len(d.Rows)
	}
	return n
}

// Build returns the plan of week w for the leaders with these IDs, as
// booking has their engagements.
func Build(ctx context.Context, s *calendar.Service, leaderIDs []int64, w calendar.Week) (WeekPlan, error) {
	if !w.Valid() {
		return WeekPlan{}, fmt.Errorf("%w: week %s", calendar.ErrInvalid, w)
	}
	if len(leaderIDs) == 0 {
		return WeekPlan{}, &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("leader", "validation.leader_required", "choose a leader", nil)}}
	}
	p := WeekPlan{Week: w, Days: make([]PlanDay, 7)}
	for i := range p.Days {
		p.Days[i].Date = w.Monday().AddDays(i)
	}
	for _, id := range leaderIDs {
		leader, err := s.Leader(ctx, id)
		if err != nil {
			return WeekPlan{}, err
		}
		if slices.ContainsFunc(p.Leaders, func(l calendar.Leader) bool { return l.ID == id }) {
			continue
		}
		p.Leaders = append(p.Leaders, leader)
		items, err := s.Agenda(ctx, leader, w.Monday(), w.Sunday())
		if err != nil {
			return WeekPlan{}, err
		}
		loc, err := leader.Location()
		if err != nil {
			return WeekPlan{}, err
		}
		for _, e := range items {
			if e.Cancelled() {
				continue
			}
			for i := range p.Days {
				if onDay(e, p.Days[i].Date, loc) {
					p.Days[i].Rows = append(p.Days[i].Rows, planRow(e, leader, loc))
				}
			}
		}
	}
	order := map[int64]int{}
	for i, l := range p.Leaders {
		order[l.ID] = i
	}
	for i := range p.Days {
		slices.SortStableFunc(p.Days[i].Rows, func(a, b PlanRow) int {
			if a.AllDay != b.AllDay {
				if a.AllDay {
					return -1
				}
				return 1
			}
			return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(order[a.Leader.ID], order[b.Leader.ID]), a.End.Compare(b.End))
		})
	}
	return p, nil
}

// onDay reports whether e has a row on day d: an all-day item on each of
// its days, a timed one on the day it starts.
func onDay(e calendar.Engagement, d calendar.Date, loc *time.Location) bool {
	if e.AllDay {
		return !d.Before(e.StartDay) && d.Before(e.EndDay)
	}
	return calendar.DateOf(e.Start.In(loc)) == d
}

// planRow is e as the plan shows it.
func planRow(e calendar.Engagement, leader calendar.Leader, loc *time.Location) PlanRow {
	r := PlanRow{Leader: leader, Start: e.Start.In(loc), End: e.End.In(loc), AllDay: e.AllDay, Kind: e.Kind,
		Tentative: e.Status == calendar.StatusTentative}
	// Anything not plainly public or internal counts as confidential, as
	// the .ics export treats it (ics.Effective).
	if e.Classification != calendar.ClassPublic && e.Classification != calendar.ClassInternal {
		r.Confidential = true
		return r
	}
	r.Title, r.Location, r.Organiser = e.Title, e.Location, e.Organiser
	return r
}
