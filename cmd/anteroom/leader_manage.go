package main

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// runLeaderRename gives a leader a new name: leader rename ID|NAME --name NEW.
func runLeaderRename(env *env, args []string) error {
	fs := newFlagSet(env, "leader rename")
	name := fs.String("name", "", lang.L("the new name (required)"))
	asJSON := jsonFlag(fs)
	ctx := context.Background()
	l, err := parseLeaderArg(ctx, env.svc, fs, args)
	if err != nil {
		return err
	}
	l.Name = *name
	if err := env.svc.UpdateLeader(ctx, &l); err != nil {
		return describeLeader(err, l.Name)
	}
	return emit(env, *asJSON, toLeaderJSON(l), func() {
		fmt.Fprintln(env.stdout, lang.L("Leader {{.ID}} is now called {{.Name}}.", map[string]any{"ID": l.ID, "Name": terminalText(l.Name)}))
	})
}

// runLeaderMove puts a leader at place --to of the order.
func runLeaderMove(env *env, args []string) error {
	fs := newFlagSet(env, "leader move")
	to := fs.Int("to", -1, lang.L("the new place, 0 first (required)"))
	asJSON := jsonFlag(fs)
	ctx := context.Background()
	l, err := parseLeaderArg(ctx, env.svc, fs, args)
	if err != nil {
		return err
	}
	if !setFlags(fs)["to"] {
		return fmt.Errorf("%w: %s", errUsage, lang.L("say where to: --to PLACE, 0 first"))
	}
	ls, err := env.svc.MoveLeader(ctx, l.ID, *to)
	if err != nil {
		return describeLeader(err, l.Name)
	}
	return emit(env, *asJSON, jsonList(ls, toLeaderJSON), func() {
		for _, l := range ls {
			fmt.Fprintf(env.stdout, "%d\t%d\t%s\n", l.Order, l.ID, terminalText(l.Name))
		}
	})
}

// runLeaderArchive archives a leader.
func runLeaderArchive(env *env, args []string) error {
	return leaderStateStep(env, "leader archive", args, env.svc.ArchiveLeader,
		"{{.Name}} is archived: no longer offered for booking; their engagements stay readable (anteroom agenda --leader NAME).")
}

// runLeaderRestore puts an archived leader back into use.
func runLeaderRestore(env *env, args []string) error {
	return leaderStateStep(env, "leader restore", args, env.svc.RestoreLeader, "{{.Name}} is in use again.")
}

// leaderStateStep runs archive or restore on the leader args name.
func leaderStateStep(env *env, name string, args []string, step func(context.Context, int64) (calendar.Leader, error), done string) error {
	fs := newFlagSet(env, name)
	asJSON := jsonFlag(fs)
	ctx := context.Background()
	l, err := parseLeaderArg(ctx, env.svc, fs, args)
	if err != nil {
		return err
	}
	if l, err = step(ctx, l.ID); err != nil {
		return describeLeader(err, l.Name)
	}
	return emit(env, *asJSON, toLeaderJSON(l), func() {
		fmt.Fprintln(env.stdout, lang.L(done, map[string]any{"Name": terminalText(l.Name)}))
	})
}
