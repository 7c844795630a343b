package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// slotFlags are the flags add and check share: which leader, what kind,
// from when to when.
type slotFlags struct {
	kind, leader *string
	when         timeRange
	asJSON       *bool
}

func registerSlotFlags(fs *flag.FlagSet) slotFlags {
	return slotFlags{
		kind:   kindFlag(fs),
		when:   timeRangeFlags(fs),
		leader: leaderFlag(fs),
		asJSON: jsonFlag(fs),
	}
}

// kindFlag declares --kind, a meeting by default.
func kindFlag(fs *flag.FlagSet) *string {
	return fs.String("kind", "meeting", lang.L("meeting, visit, activity or blocked"))
}

// slot is what slotFlags name, read and checked.
type slot struct {
	leader     calendar.Leader
	loc        *time.Location
	kind       calendar.Kind
	start, end time.Time
}

func (f slotFlags) read(ctx context.Context, svc *calendar.Service) (slot, error) {
	var s slot
	var err error
	if s.leader, s.loc, err = leaderAndZone(ctx, svc, *f.leader); err != nil {
		return s, err
	}
	if s.kind, err = parseKind(*f.kind); err != nil {
		return s, err
	}
	s.start, s.end, err = f.when.read(s.loc)
	return s, err
}

// runAdd books an engagement. A blocking finding refuses it with exit 3
// unless --force comes with a --reason, which goes to the override log.
func runAdd(env *env, args []string) error {
	fs := newFlagSet(env, "add")
	sf := registerSlotFlags(fs)
	title := fs.String("title", "", lang.L("what it is"))
	location := fs.String("location", "", lang.L("where"))
	organiser := fs.String("organiser", "", lang.L("the office that organises it (主办单位), shown in the week's plan"))
	class := fs.String("class", "internal", lang.L("public, internal or confidential"))
	rrule := fs.String("rrule", "", lang.L("repeat rule, e.g. FREQ=WEEKLY;BYDAY=MO"))
	ov := overrideFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	sl, err := sf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	leader, loc, asJSON := sl.leader, sl.loc, sf.asJSON
	if err := ov.check(); err != nil {
		return err
	}
	if err := checkBookingBounds(sl, env.svc.Now(), *ov.force); err != nil {
		return err
	}
	eng := calendar.Engagement{LeaderID: leader.ID, Kind: sl.kind, Title: *title, Location: *location, Organiser: *organiser, Start: sl.start, End: sl.end,
		ZoneName: loc.String(), Classification: calendar.Classification(*class), RRule: *rrule, Source: calendar.SourceManual}
	var findings []calendar.Finding
	if *ov.force {
		findings, err = env.svc.SaveWithOverride(ctx, &eng, *ov.reason, cliUser())
	} else {
		findings, err = env.svc.SaveChecked(ctx, &eng)
	}
	if errors.Is(err, calendar.ErrConflict) {
		return refuse(env, *asJSON, findings, notBooked())
	}
	if err != nil {
		return describe(err, about{fields: addFields})
	}
	saved := map[string]any{"saved": true, "engagement": toAgendaItem(eng, leader, loc), "findings": toFindingsJSON(findings)}
	return emit(env, *asJSON, saved, func() {
		fmt.Fprintln(env.stdout, lang.L("Booked {{.Title}} ({{.UID}}).", map[string]any{"Title": terminalText(eng.Title), "UID": terminalText(eng.UID)}))
		printFindings(env.stdout, findings)
	})
}

// addFields names the flag of add (and of check, for those it has) that
// sets each field of an engagement a validation may refuse.
var addFields = map[string]string{"leader": "leader", "title": "title", "start": "start", "end": "end",
	"kind": "kind", "classification": "class", "rrule": "rrule", "location": "location", "organiser": "organiser"}

// notBooked is why add and visit book stop when a rule blocks the time.
func notBooked() string {
	return lang.L("not booked: a rule blocks it; use --force --reason to override")
}

// runCheck says whether a time is free for the leader: exit 0 when no rule
// has anything to say but, perhaps, that the time is past; 3 when some
// other finding does.
func runCheck(env *env, args []string) error {
	fs := newFlagSet(env, "check")
	sf := registerSlotFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	sl, err := sf.read(ctx, env.svc)
	if err != nil {
		return err
	}
	if !sl.end.After(sl.start) {
		return flagError("end", *sf.when.end, errors.New(lang.L("is not after --start")))
	}
	findings, err := env.svc.Check(ctx, sl.leader, calendar.Engagement{LeaderID: sl.leader.ID, Kind: sl.kind, Start: sl.start, End: sl.end, ZoneName: sl.loc.String()})
	if err != nil {
		return describe(err, about{fields: addFields})
	}
	free := len(againstTheSlot(findings)) == 0
	verdict := map[string]any{"free": free, "findings": toFindingsJSON(findings)}
	err = emit(env, *sf.asJSON, verdict, func() {
		if free {
			fmt.Fprintln(env.stdout, lang.L("Free."))
		}
		printFindings(env.stdout, findings)
	})
	if err != nil {
		return err
	}
	if !free {
		return exitWith(exitFindings, "")
	}
	return nil
}

// runFree lists the next free slots of a length.
func runFree(env *env, args []string) error {
	fs := newFlagSet(env, "free")
	duration := fs.String("duration", "", lang.L("length, e.g. 45m or 1h30m"))
	kind := kindFlag(fs)
	from := fs.String("from", "", lang.L("search from (default: now)"))
	to := fs.String("to", "", lang.L("search until (default: four weeks after --from)"))
	limit := fs.Int("limit", 5, lang.L("how many slots"))
	leaderName := leaderFlag(fs)
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	leader, loc, err := leaderAndZone(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	d, err := time.ParseDuration(*duration)
	if err != nil || d <= 0 {
		return flagError("duration", *duration, errors.New(lang.L("is not a length such as 45m or 1h30m")))
	}
	k, err := parseKind(*kind)
	if err != nil {
		return err
	}
	begin := env.svc.Now()
	if *from != "" {
		if begin, err = parseWhen("from", *from, loc); err != nil {
			return err
		}
	}
	finish := begin.Add(28 * 24 * time.Hour)
	if *to != "" {
		if finish, err = parseWhen("to", *to, loc); err != nil {
			return err
		}
	}
	slots, err := env.svc.FreeSlots(ctx, leader, k, d, begin, finish, *limit)
	if err != nil {
		return describe(err, about{fields: map[string]string{"duration": "duration", "to": "to", "limit": "limit"}})
	}
	out := jsonList(slots, func(s calendar.Slot) slotJSON { return toSlotJSON(s, loc) })
	return emit(env, *asJSON, out, func() {
		if len(slots) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No free slot in that time."))
		}
		for _, s := range slots {
			fmt.Fprintf(env.stdout, "%s – %s\n", s.Start.In(loc).Format("2006-01-02 15:04"), s.End.In(loc).Format("15:04"))
		}
	})
}

// leaderAndZone chooses the leader and loads the home zone.
func leaderAndZone(ctx context.Context, svc *calendar.Service, name string) (calendar.Leader, *time.Location, error) {
	l, err := chooseLeader(ctx, svc, name)
	if err != nil {
		return l, nil, err
	}
	loc, err := l.Location()
	return l, loc, err
}
