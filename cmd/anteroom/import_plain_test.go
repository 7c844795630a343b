package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// importZh runs the built binary's import --dry-run on file as a zh-CN
// user, with extra flags, and returns its output, error output and error.
func importZh(t *testing.T, bin, dir, file string, extra ...string) (string, string, error) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", filepath.Join(dir, "a.db"), "import", "--dry-run"}, append(extra, file)...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TZ=Asia/Shanghai", "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8"}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	return out.String(), errOut.String(), err
}

func writeICS(t *testing.T, dir, name, events string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"+events+"END:VCALENDAR\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The import output says in the secretary's words what it found, in
// Chinese for a zh-CN user; the property names and RFC sections only with
// --details. So does the reason a file cannot be read at all.
func TestImportSaysItPlainlyAndDetailsOnRequest(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	odd := writeICS(t, dir, "odd.ics", "BEGIN:VEVENT\r\nUID:odd-1@x\r\nDTSTAMP:20261120T010000Z\r\nDTSTART:20261125T020000Z\r\nDTEND:20261125T030000Z\r\n"+
		"SUMMARY:调度会\r\nCLASS:X-SECRET\r\nEND:VEVENT\r\n")
	plain, errOut, err := importZh(t, bin, dir, odd)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	if !strings.Contains(plain, "密级“X-SECRET”无法识别，按秘密处理") {
		t.Fatalf("the warning is not said plainly:\n%s", plain)
	}
	for _, jargon := range []string{"RFC", "CLASS", "详细"} {
		if strings.Contains(plain, jargon) {
			t.Errorf("without --details the output shows %q:\n%s", jargon, plain)
		}
	}
	detailed, _, err := importZh(t, bin, dir, odd, "--details")
	if err != nil || !strings.Contains(detailed, "密级“X-SECRET”无法识别") || !strings.Contains(detailed, "详细：") || !strings.Contains(detailed, "RFC 5545 §3.8.1.3") {
		t.Fatalf("--details does not add the technical text (%v):\n%s", err, detailed)
	}

	bad := writeICS(t, dir, "bad.ics", "BEGIN:VEVENT\r\nUID:bad-1@x\r\nDTSTAMP:20261120T010000Z\r\nDTSTART:2026-12-10\r\nSUMMARY:坏日期\r\nEND:VEVENT\r\n")
	_, errOut, err = importZh(t, bin, dir, bad)
	if err == nil || !strings.Contains(errOut, "第 7 行：文件中的日期、时间或其他内容无法读取") || strings.Contains(errOut, "RFC") || strings.Contains(errOut, "DATE-TIME") {
		t.Fatalf("an unreadable file: %v\n%s", err, errOut)
	}
	_, errOut, _ = importZh(t, bin, dir, bad, "--details")
	if !strings.Contains(errOut, "文件中的日期、时间或其他内容无法读取") || !strings.Contains(errOut, "详细：") || !strings.Contains(errOut, "RFC 5545 §3.3.4") {
		t.Fatalf("--details does not name the technical reason:\n%s", errOut)
	}
}
