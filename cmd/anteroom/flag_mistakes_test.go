package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"anteroom/assets"
	"anteroom/calendar"
)

// chineseCalendar builds the binary and makes a calendar with one leader
// through it in zh_CN: the binary, the home folder and the database.
func chineseCalendar(t *testing.T) (bin, dir, db string) {
	t.Helper()
	bin, dir = builtBinary(t), t.TempDir()
	db = filepath.Join(dir, "cal.db")
	if msg, code := inChinese(bin, dir, db, "leader", "add", "--name", "张书记"); code != 0 {
		t.Fatalf("leader add: %s", msg)
	}
	return bin, dir, db
}

// A mistake in how a command is called (an unknown option, an option
// without its value, a value the option cannot take) is said once, in
// the user's language, naming the option as the help does; the flag
// package's English is not shown. Then the command's usage follows.
func TestFlagMistakesAreToldInChinese(t *testing.T) {
	bin, dir, db := chineseCalendar(t)
	english := regexp.MustCompile(`flag provided|needs an argument|invalid (boolean )?value|bad flag syntax|parse error|out of range|Usage of|\(default`)
	for _, c := range []struct {
		args []string
		said string
	}{
		{[]string{"agenda", "--bogus"}, "anteroom agenda: 没有 --bogus 这个选项；可用 --help 查看全部选项"},
		{[]string{"agenda", "--from"}, "anteroom agenda: --from 后面需要给出一个值"},
		{[]string{"agenda", "---from=x"}, "anteroom agenda: “---from=x”不是有效的选项写法"},
		{[]string{"free", "--limit", "五"}, `anteroom free: --limit "五": 不是整数`},
		{[]string{"free", "--limit", "99999999999999999999"}, `anteroom free: --limit "99999999999999999999": 数值过大`},
		{[]string{"add", "--force=也许"}, `anteroom add: --force "也许": 应为 true 或 false`},
		{[]string{"visit", "add", "--person"}, "anteroom visit: --person 后面需要给出一个值"},
		{[]string{"--bogus"}, "anteroom: 没有 --bogus 这个选项"},
	} {
		got, code := inChinese(bin, dir, db, c.args...)
		if code != 1 || !strings.Contains(got, c.said) || strings.Count(got, c.said) != 1 || english.MatchString(got) || !strings.Contains(got, "用法") {
			t.Errorf("%v: exit %d, said\n%s\nwant exit 1, once %q, the usage in Chinese and no English", c.args, code, got, c.said)
		}
	}
}

// flagMistake reads each of the flag package's messages, and keeps one it
// does not know as it is.
func TestFlagMistakeKeepsWhatItDoesNotKnow(t *testing.T) {
	for msg, want := range map[string]string{
		`flag provided but not defined: -x`:                      "there is no option --x; the help lists them (--help)",
		`invalid value "a: b" for flag -limit: parse error`:      `--limit "a: b": is not a whole number`,
		`invalid value "2026-13-01" for flag -day-off: no month`: `--day-off "2026-13-01": no month`,
		`invalid boolean value "x" for -json: parse error`:       `--json "x": is neither true nor false`,
		`something else: -x`:                                     `something else: -x`,
		`invalid value unquoted for flag -x: y`:                  `invalid value unquoted for flag -x: y`,
	} {
		if got := flagMistake(msg); got != want {
			t.Errorf("flagMistake(%q) = %q, want %q", msg, got, want)
		}
	}
}

// Every command's and every verb's summary, which the usage translates
// through a variable that the translation test cannot see, has both
// languages.
func TestEveryCommandSummaryIsTranslated(t *testing.T) {
	files := assets.TranslationFiles()
	for _, name := range []string{"zh-CN.json", "en.json"} {
		b, err := files.ReadFile("translations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]string
		if err := json.Unmarshal(b, &messages); err != nil {
			t.Fatal(err)
		}
		var summaries []string
		for _, c := range commands {
			summaries = append(summaries, c.summary)
		}
		for _, group := range [][]subcommand{accountCommands, followupCommands, leaderCommands, materialsCommands, minutesCommands, visitCommands, weekCommands} {
			for _, s := range group {
				summaries = append(summaries, s.summary)
			}
		}
		for _, s := range summaries {
			if _, ok := messages[s]; !ok {
				t.Errorf("%s: no translation of %q", name, s)
			}
		}
	}
}

// --week takes a day of the week as well as its ISO number: the review of
// the week a Wednesday is in is that week's review; a value that is
// neither says both forms.
func TestWeekIsNamedByADayOrItsNumber(t *testing.T) {
	db, monday := deskDB(t)
	wednesday := monday.AddDays(2)
	byNumber := calendar.WeekOf(monday).String()
	for _, verb := range [][]string{{"week", "show"}, {"week", "print"}} {
		code, want, errOut := anteroom(t, append(append([]string{"--db", db}, verb...), "--week", byNumber, "--json")...)
		if code != 0 {
			t.Fatalf("%v --week %s: exit %d, %s", verb, byNumber, code, errOut)
		}
		code, got, errOut := anteroom(t, append(append([]string{"--db", db}, verb...), "--week", wednesday.String(), "--json")...)
		if code != 0 || got != want || verb[1] == "show" && !strings.Contains(got, byNumber) {
			t.Fatalf("%v --week %s: exit %d, %s\n%s\nwant what --week %s gives:\n%s", verb, wednesday, code, errOut, got, byNumber, want)
		}
	}
	code, _, errOut := anteroom(t, "--db", db, "week", "show", "--week", "next friday")
	if code != 1 || !strings.Contains(errOut, `--week "next friday": is neither a week such as 2026-W48 nor a day such as 2026-11-25`) {
		t.Fatalf("--week next friday: exit %d, %q", code, errOut)
	}
}

// A server address that is not one is refused before the password is
// asked for, in the user's language, and no account is kept.
func TestABadServerAddressIsRefusedBeforeThePassword(t *testing.T) {
	bin, dir, db := chineseCalendar(t)
	for _, url := range []string{"dav.example.org", "ftp://dav.example.org/"} {
		got, code := inChinese(bin, dir, db, "account", "add", "--url", url, "--user", "mishu")
		want := "anteroom account: --url: “" + url + "”不是服务器地址：请写成 https://dav.example.org/"
		if code != 1 || !strings.Contains(got, want) || strings.Contains(got, "密码") {
			t.Errorf("account add --url %s: exit %d, %q; want exit 1 and %q, no password asked for", url, code, got, want)
		}
	}
	cmd := exec.Command(bin, "--db", db, "account", "list", "--json")
	cmd.Env = chineseEnv(dir)
	if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != "[]" {
		t.Fatalf("account list: %v, %s; want no account", err, out)
	}
}
