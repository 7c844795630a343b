package ics_test

import (
	"testing"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

func TestEffective(t *testing.T) {
	const (
		full, limited, busy = ics.PrivacyFull, ics.PrivacyLimited, ics.PrivacyBusy
	)
	cases := []struct {
		class calendar.Classification
		level ics.Privacy
		want  ics.Privacy
	}{
		{calendar.ClassPublic, full, full}, {calendar.ClassPublic, limited, limited}, {calendar.ClassPublic, busy, busy},
		{calendar.ClassInternal, full, full}, {calendar.ClassInternal, limited, limited}, {calendar.ClassInternal, busy, busy},
		{calendar.ClassConfidential, full, full}, {calendar.ClassConfidential, limited, busy}, {calendar.ClassConfidential, busy, busy},
		{"", limited, busy}, {calendar.ClassPublic, "", busy}, {calendar.ClassPublic, "secret", busy},
	}
	for _, c := range cases {
		if got := ics.Effective(c.level, c.class); got != c.want {
			t.Errorf("Effective(%q, %q) = %q, want %q", c.level, c.class, got, c.want)
		}
	}
}

func TestRedact(t *testing.T) {
	e := ics.ExportEvent{UID: "u", Summary: "县委常委会", Location: "常委会议室", Description: "议题", Class: calendar.ClassPublic,
		Organizer: ics.Party{Address: "a@b"}, Attendees: []ics.Party{{Address: "c@d"}}}
	if got := ics.Redact(e, ics.PrivacyFull); got.Description != "议题" || len(got.Attendees) != 1 {
		t.Errorf("full: %+v", got)
	}
	if got := ics.Redact(e, ics.PrivacyLimited); got.Summary != "县委常委会" || got.Location != "常委会议室" || got.Description != "" || got.Organizer.Address != "" || got.Attendees != nil {
		t.Errorf("limited: %+v", got)
	}
	if got := ics.Redact(e, ics.PrivacyBusy); got.Summary != ics.BusyTitle || got.Location != "" || got.Description != "" || got.UID != "u" {
		t.Errorf("busy: %+v", got)
	}
	e.Class = calendar.ClassConfidential
	if got := ics.Redact(e, ics.PrivacyLimited); got.Summary != ics.BusyTitle {
		t.Errorf("confidential at limited: %+v", got)
	}
}

func TestParsePrivacy(t *testing.T) {
	for _, s := range []string{"full", "limited", "busy"} {
		if p, err := ics.ParsePrivacy(s); err != nil || string(p) != s {
			t.Errorf("ParsePrivacy(%q) = %q, %v", s, p, err)
		}
	}
	if _, err := ics.ParsePrivacy("public"); err == nil {
		t.Error("accepted public")
	}
}
