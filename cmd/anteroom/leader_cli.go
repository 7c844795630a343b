package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/data"
)

// leaderCommands are the verbs of `anteroom leader`: enough to set up a
// fresh database from the shell, without the window or the sample week.
var leaderCommands = []subcommand{
	{"add", "Add a leader: name and home time zone; prints the ID", runLeaderAdd},
	{"list", "List the leaders with their IDs, zones and order", runLeaderList},
	{"edit", "Change a leader's name, time zone or place in the order", runLeaderEdit},
	{"rename", "Rename a leader: what is booked stays theirs", runLeaderRename},
	{"move", "Put a leader at another place in the order; the others close up", runLeaderMove},
	{"archive", "Archive a leader: not offered for booking any more, their history kept and readable", runLeaderArchive},
	{"restore", "Put an archived leader back into use", runLeaderRestore},
	{"hours", "Show or set a leader's available time: weekday hours, date overrides, buffers, notice, visit caps", runLeaderHours},
}

// runLeader runs one of leaderCommands.
func runLeader(env *env, args []string) error {
	return dispatch(env, "leader", leaderCommands, args)
}

// leaderJSON is a leader as the leader commands print it.
type leaderJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Zone     string `json:"zone"`
	Order    int    `json:"order"`
	Archived string `json:"archived,omitempty"` // when, RFC 3339; absent while in use
}

func toLeaderJSON(l calendar.Leader) leaderJSON {
	j := leaderJSON{ID: l.ID, Name: l.Name, Zone: l.ZoneName, Order: l.Order}
	if !l.Active() {
		j.Archived = l.Archived.UTC().Format(time.RFC3339)
	}
	return j
}

// leaderFields maps a leader's fields to the flags that set them.
var leaderFields = map[string]string{"name": "name", "zone": "zone", "order": "order"}

// describeLeader is a leader's validation problems named by their flags,
// or a name another leader has.
func describeLeader(err error, name string) error {
	if errors.Is(err, data.ErrDuplicate) {
		return fmt.Errorf("%w: --name %q: %s", errUsage, name, lang.L("another leader has that name"))
	}
	return describe(err, about{what: lang.L("Leader"), fields: leaderFields})
}

// runLeaderAdd adds a leader, last in the order, and prints its ID.
func runLeaderAdd(env *env, args []string) error {
	fs := newFlagSet(env, "leader add")
	name := fs.String("name", "", lang.L("the leader's name (required)"))
	zone := fs.String("zone", "", lang.L("home time zone, e.g. Asia/Shanghai (default: this computer's)"))
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	existing, err := env.svc.Leaders(ctx)
	if err != nil {
		return err
	}
	l := calendar.Leader{Name: *name, ZoneName: *zone, Order: len(existing)}
	if err := env.svc.AddLeader(ctx, &l); err != nil {
		return describeLeader(err, *name)
	}
	return emit(env, *asJSON, toLeaderJSON(l), func() { fmt.Fprintln(env.stdout, l.ID) })
}

// runLeaderList lists the leaders in their order.
func runLeaderList(env *env, args []string) error {
	fs := newFlagSet(env, "leader list")
	asJSON := jsonFlag(fs)
	if err := noArgs(fs, args); err != nil {
		return err
	}
	ls, err := env.svc.Leaders(context.Background())
	if err != nil {
		return err
	}
	return emit(env, *asJSON, jsonList(ls, toLeaderJSON), func() {
		if len(ls) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No leaders yet: add one with anteroom leader add --name NAME."))
		}
		for _, l := range ls {
			state := lang.L("in use")
			if !l.Active() {
				state = lang.L("archived {{.Date}}", map[string]any{"Date": l.Archived.In(time.Local).Format("2006-01-02")})
			}
			fmt.Fprintf(env.stdout, "%d\t%s\t%s\t%d\t%s\n", l.ID, terminalText(l.Name), l.ZoneName, l.Order, state)
		}
	})
}

// runLeaderEdit changes the flags given of one leader.
func runLeaderEdit(env *env, args []string) error {
	fs := newFlagSet(env, "leader edit")
	name := fs.String("name", "", lang.L("new name"))
	zone := fs.String("zone", "", lang.L("new home time zone, e.g. Asia/Shanghai; what is booked keeps its times"))
	order := fs.Int("order", 0, lang.L("new place in the leader switcher, 0 first"))
	asJSON := jsonFlag(fs)
	ctx := context.Background()
	l, err := parseLeaderArg(ctx, env.svc, fs, args)
	if err != nil {
		return err
	}
	set := setFlags(fs)
	if len(set) == 0 {
		return fmt.Errorf("%w: %s", errUsage, lang.L("say what to change: --name, --zone or --order"))
	}
	if set["name"] {
		l.Name = *name
	}
	if set["zone"] {
		l.ZoneName = *zone
	}
	if set["order"] {
		l.Order = *order
	}
	if err := env.svc.UpdateLeader(ctx, &l); err != nil {
		return describeLeader(err, l.Name)
	}
	return emit(env, *asJSON, toLeaderJSON(l), func() {
		fmt.Fprintln(env.stdout, lang.L("Leader {{.ID}} is now {{.Name}}, {{.Zone}}, place {{.Order}}.",
			map[string]any{"ID": l.ID, "Name": terminalText(l.Name), "Zone": l.ZoneName, "Order": l.Order}))
	})
}

// parseLeaderArg parses the flags around a leader's ID (as leader list
// prints it) or exact name, and finds the leader.
func parseLeaderArg(ctx context.Context, svc *calendar.Service, fs *flag.FlagSet, args []string) (calendar.Leader, error) {
	arg, err := parseAroundArg(fs, args, lang.L("name the leader by ID or name (anteroom leader list)"))
	if err != nil {
		return calendar.Leader{}, err
	}
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		l, err := svc.Leader(ctx, id)
		if errors.Is(err, calendar.ErrNotFound) {
			return l, errors.New(lang.L("{{.What}} {{.ID}} does not exist", map[string]any{"What": lang.L("Leader"), "ID": id}))
		}
		return l, err
	}
	l, err := svc.LeaderByName(ctx, arg)
	if errors.Is(err, calendar.ErrNotFound) {
		return l, fmt.Errorf("%w: %q: %s", errUsage, arg, lang.L("no leader of that name"))
	}
	return l, err
}

// setFlags is the set of flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
