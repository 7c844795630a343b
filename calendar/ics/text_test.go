package ics

import "testing"

func TestUnescapeText(t *testing.T) {
	cases := map[string]string{
		`plain`:                  "plain",
		`周例会\, 第一会议室`:            "周例会, 第一会议室",
		`周例会, 第一会议室`:             "周例会, 第一会议室", // an unescaped comma keeps the whole text
		`a\;b`:                   "a;b",
		`a\\b`:                   `a\b`,
		`line 1\nline 2\Nline 3`: "line 1\nline 2\nline 3",
		`C:\\Program Files`:      `C:\Program Files`,
		`Outlook\: yes`:          "Outlook: yes",
		`unknown \t escape`:      `unknown \t escape`,
		`trailing \`:             `trailing \`,
	}
	for in, want := range cases {
		if got := unescapeText(in); got != want {
			t.Errorf("unescapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"周例会, 第一会议室; 请准时", `C:\path`, "line 1\nline 2", "a\r\nb", "tab\there", "", "^caret \"quote\""} {
		esc := string(appendEscaped(nil, s))
		want := s
		if s == "a\r\nb" {
			want = "a\nb"
		}
		if got := unescapeText(esc); got != want {
			t.Errorf("%q → %q → %q", s, esc, got)
		}
	}
}
