package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
	"anteroom/internal/userfile"
)

// importFile is what `import --json` says about one file.
type importFile struct {
	File      string   `json:"file"`
	OK        bool     `json:"ok"`
	Error     string   `json:"error"`
	New       int      `json:"new"`
	Updated   int      `json:"updated"`
	Unchanged int      `json:"unchanged"`
	Cancelled int      `json:"cancelled"`
	Skipped   int      `json:"skipped"`
	Todos     int      `json:"todos"`
	Conflicts int      `json:"conflicts"`        // new or updated items the booking rules find fault with
	Warnings  []string `json:"warnings"`         // in the user's language, each with its line; a few of each kind
	Omitted   int      `json:"omitted_warnings"` // warnings left out as "… and N more like" another
	Details   []string `json:"details"`          // the technical text of each warning, "" when it has none
}

// runImport handles "import [--dry-run] [--leader L] [--json] FILE...":
// each file is read, planned and stored in its own transaction, so a file
// that cannot be read changes nothing and the others still import. The
// exit code is 0 when every file was read, 1 otherwise.
func runImport(env *env, args []string) error {
	fs := newFlagSet(env, "import")
	dryRun := fs.Bool("dry-run", false, lang.L("show what would change; store nothing"))
	leaderName := leaderFlag(fs)
	skipBad := fs.Bool("skip-bad", false, lang.L("import the rest of a file whose items need fixing, skipping those items"))
	details := fs.Bool("details", false, lang.L("show the technical details of each warning"))
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: %s", errUsage, lang.L("name at least one .ics file"))
	}
	ctx := context.Background()
	leader, err := importLeader(ctx, env.svc, *leaderName, *dryRun)
	if err != nil {
		return err
	}
	var files []importFile
	failed := false
	for _, path := range fs.Args() {
		f := importOne(ctx, env.importSvc, leader, path, *dryRun, *skipBad, *details)
		if !f.OK {
			failed = true
			for _, line := range strings.Split(f.Error, "\n") {
				fmt.Fprintln(env.stderr, terminalText(line))
			}
		}
		files = append(files, f)
	}
	report := map[string][]importFile{"files": files}
	if err := emit(env, *asJSON, report, func() { printImport(env, files, *dryRun, *details) }); err != nil {
		return err
	}
	if failed {
		return &exitError{code: 1}
	}
	return nil
}

// importLeader is the leader to import for: the named one, or the first,
// made when the calendar has none (in a dry run only imagined).
func importLeader(ctx context.Context, svc *calendar.Service, name string, dryRun bool) (calendar.Leader, error) {
	if name != "" {
		return chooseLeader(ctx, svc, name)
	}
	ls, err := svc.Leaders(ctx)
	if err != nil {
		return calendar.Leader{}, err
	}
	switch {
	case len(ls) > 0:
		return ls[0], nil
	case dryRun:
		return calendar.Leader{Name: lang.L("Leader"), ZoneName: calendar.SystemZoneName()}, nil
	}
	return svc.DefaultLeader(ctx, lang.L("Leader"))
}

// importOne reads, plans and (unless dryRun) stores one file. A file with
// items that need fixing (an end before the start) is refused, naming
// each, unless skipBad: a guessed time on the calendar is worse than none.
func importOne(ctx context.Context, svc *imports.Service, leader calendar.Leader, path string, dryRun, skipBad, details bool) importFile {
	out := importFile{File: path, Warnings: []string{}, Details: []string{}}
	fail := func(err error) importFile {
		out.Error = importErrorText(path, err, details)
		return out
	}
	f, err := userfile.Open(path)
	if err != nil {
		return fail(err)
	}
	zone, err := leader.Location()
	if err != nil {
		return fail(err)
	}
	if !dryRun && streamImports {
		if streamed, ok := importStreamed(ctx, svc, leader, path, zone, skipBad, details); ok {
			f.Close()
			return streamed
		}
	}
	items, todos, notes, err := ics.ReadForPlan(ctx, f, path, zone)
	f.Close()
	if err != nil {
		return fail(err)
	}
	plan, err := svc.PlanImportItems(ctx, leader, path, items, todos, notes)
	if err != nil {
		return fail(err)
	}
	plan.By = cliUser()
	if bad := needingFix(path, plan, details); len(bad) > 0 && !skipBad {
		out.Error = strings.Join(append(bad, lang.L("{{.File}}: nothing was imported; fix the items above, or import the rest with --skip-bad",
			map[string]any{"File": path})), "\n")
		return out
	}
	var res imports.ImportResult
	if dryRun {
		res = planned(plan)
	} else if res, err = svc.ApplyImport(ctx, plan); err != nil {
		return fail(err)
	}
	out.OK = true
	out.New, out.Updated, out.Unchanged = res.New, res.Updated, res.Unchanged
	out.Cancelled, out.Skipped, out.Todos = res.Cancelled, res.Skipped, res.Todos
	var ws []importWarning
	for _, n := range plan.Notes {
		ws = append(ws, importWarning{msg: n})
	}
	for _, it := range plan.Items {
		if len(it.Findings) > 0 && it.Selected {
			out.Conflicts++
		}
		for _, w := range it.Incoming.Warnings {
			ws = append(ws, importWarning{msg: w})
		}
		if it.Action == imports.ImportSkipped && it.Reason != nil {
			r := *it.Reason
			r.Line = it.Incoming.Line
			ws = append(ws, importWarning{msg: r, skipped: it.Incoming.Engagement.Title, isSkip: true})
		}
	}
	kept, omitted := calendar.Summarize(ws, importWarning.kind, warningsOfAKind)
	fillWarnings(&out, kept, omitted)
	return out
}

// fillWarnings puts the warnings kept, and a line for each kind of those
// left out, into out.
func fillWarnings(out *importFile, kept []importWarning, omitted []calendar.Omitted[importWarning]) {
	for _, w := range kept {
		out.Warnings, out.Details = append(out.Warnings, w.text()), append(out.Details, technicalText(w.msg))
	}
	for _, o := range omitted {
		out.Warnings = append(out.Warnings, lang.L("… and {{.Count}} more like: {{.Example}}",
			map[string]any{"Count": o.Count, "Example": o.Like.text()}))
		out.Details = append(out.Details, technicalText(o.Like.msg))
		out.Omitted += o.Count
	}
}

// needingFix names, with file and line, each item of plan that cannot be
// imported as the file has it, and why.
func needingFix(path string, plan *imports.ImportPlan, details bool) []string {
	var out []string
	for i := range plan.Items {
		if it := &plan.Items[i]; it.NeedsFix() {
			out = append(out, fixLines(path, it, details)...)
		}
	}
	return out
}

// fixLines names, with file and line, an item that needs fixing, and why.
func fixLines(path string, it *imports.ImportItem, details bool) []string {
	f := *it.Incoming.Fault
	line := f.Line
	if line == 0 {
		line = it.Incoming.Line // the planner's faults are about the whole item
	}
	f.Line = 0
	out := []string{lang.L("{{.File}}:{{.Line}}: {{.Title}}: {{.Reason}}",
		map[string]any{"File": path, "Line": line, "Title": it.Incoming.Engagement.Title, "Reason": plainMessage(f)})}
	if t := technicalText(f); details && t != "" {
		out = append(out, "    "+lang.L("details: {{.Detail}}", map[string]any{"Detail": t}))
	}
	return out
}

// warningsOfAKind is how many warnings of one kind an import shows before
// it sums the rest up: a file that makes the same mistake in every event
// is told in a few lines, not in a million.
const warningsOfAKind = 3

// importWarning is one thing to tell the user about a file: a reader's or
// planner's message, or why an item was skipped.
type importWarning struct {
	msg     imports.Message
	skipped string // the title of the item skipped, when isSkip
	isSkip  bool
}

// kind groups warnings that say the same thing of different lines.
func (w importWarning) kind() string {
	if w.isSkip {
		return "skipped " + w.msg.Code
	}
	return w.msg.Code
}

func (w importWarning) text() string {
	if w.isSkip {
		return lang.L("skipped {{.Title}}: {{.Reason}}", map[string]any{"Title": w.skipped, "Reason": plainMessage(w.msg)})
	}
	return plainMessage(w.msg)
}

// planned is what applying plan as it stands would count.
func planned(plan *imports.ImportPlan) imports.ImportResult {
	var r imports.ImportResult
	for _, it := range plan.Items {
		switch {
		case it.Action == imports.ImportUnchanged:
			r.Unchanged++
		case !it.Selected || it.Action == imports.ImportSkipped:
			r.Skipped++
		case it.Action == imports.ImportNew:
			r.New++
		case it.Action == imports.ImportUpdated:
			r.Updated++
		case it.Action == imports.ImportCancelled:
			r.Cancelled++
		}
	}
	r.Todos = len(plan.Todos)
	return r
}

// messageText is an importer's message in the user's language, with the
// line it is about.
func messageText(m imports.Message) string {
	text := lang.X(m.Code, m.English, m.Args)
	if m.Line > 0 {
		return lang.L("line {{.Line}}: {{.Message}}", map[string]any{"Line": m.Line, "Message": text})
	}
	return text
}

// importErrorText names the file, and the line when the reader gives one,
// and says why it was not imported, in the user's language: in plain
// words, the reader's technical text only with details.
func importErrorText(path string, err error, details bool) string {
	var pe *ics.ParseError
	if errors.As(err, &pe) {
		return plainParseError(pe, details)
	}
	if fe := (*calendar.FileError)(nil); errors.As(err, &fe) && fe.Path == path {
		return describe(err, about{}).Error() // it names the file itself
	}
	return lang.L("{{.File}}: {{.Reason}}", map[string]any{"File": path, "Reason": describe(err, about{}).Error()})
}

// printImport writes a summary of each file and its warnings.
func printImport(env *env, files []importFile, dryRun, details bool) {
	for _, f := range files {
		if !f.OK {
			continue // said on standard error
		}
		line := lang.L("{{.File}}: {{.New}} new, {{.Updated}} updated, {{.Cancelled}} cancelled, {{.Unchanged}} unchanged, {{.Skipped}} skipped.",
			map[string]any{"File": f.File, "New": f.New, "Updated": f.Updated, "Cancelled": f.Cancelled, "Unchanged": f.Unchanged, "Skipped": f.Skipped})
		if f.Todos > 0 {
			line += " " + lang.L("{{.Count}} to-dos kept.", map[string]any{"Count": f.Todos})
		}
		if f.Conflicts > 0 {
			line += " " + lang.L("{{.Count}} clash with the calendar.", map[string]any{"Count": f.Conflicts})
		}
		if dryRun {
			line += " " + lang.L("(Dry run: nothing was stored.)")
		}
		fmt.Fprintln(env.stdout, terminalText(line))
		for i, w := range f.Warnings {
			fmt.Fprintln(env.stdout, "  "+terminalText(w))
			if details && i < len(f.Details) && f.Details[i] != "" {
				fmt.Fprintln(env.stdout, "    "+terminalText(lang.L("details: {{.Detail}}", map[string]any{"Detail": f.Details[i]})))
			}
		}
	}
}
