package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The import output says in the secretary's words what it found, in
// Chinese for a zh-CN user; the property names and RFC sections only with
// --details.
func TestImportSaysItPlainlyAndDetailsOnRequest(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "odd.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:odd-1@x\r\nDTSTAMP:20261120T010000Z\r\nDTSTART:20261125T020000Z\r\nDTEND:20261125T030000Z\r\n" +
		"SUMMARY:调度会\r\nCLASS:X-SECRET\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if err := os.WriteFile(file, []byte(ics), 0o600); err != nil {
		t.Fatal(err)
	}
	importIt := func(extra ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--db", filepath.Join(dir, "a.db"), "import", "--dry-run"}, append(extra, file)...)...)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TZ=Asia/Shanghai", "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8"}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("import %v: %v\n%s", extra, err, errOut.String())
		}
		return out.String()
	}
	plain := importIt()
	if !strings.Contains(plain, "密级“X-SECRET”无法识别，按秘密处理") {
		t.Fatalf("the warning is not said plainly:\n%s", plain)
	}
	for _, jargon := range []string{"RFC", "CLASS", "详细"} {
		if strings.Contains(plain, jargon) {
			t.Errorf("without --details the output shows %q:\n%s", jargon, plain)
		}
	}
	detailed := importIt("--details")
	if !strings.Contains(detailed, "密级“X-SECRET”无法识别") || !strings.Contains(detailed, "详细：") || !strings.Contains(detailed, "RFC 5545 §3.8.1.3") {
		t.Fatalf("--details does not add the technical text:\n%s", detailed)
	}
}
