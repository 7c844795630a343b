package ics

import (
	"strconv"
	"strings"
)

// todoBuilder collects the properties of one VTODO (RFC 5545 §3.6.2) that
// Anteroom keeps: title, due date and priority.
type todoBuilder struct {
	line     int
	cal      int
	uid      string
	summary  string
	status   string
	priority string
	due      rawTime
	hasDue   bool
	warnings []Warning
}

// add reads one property of the to-do.
func (b *todoBuilder) add(cl *contentLine, no int) error {
	switch cl.name {
	case "UID":
		if b.uid == "" {
			b.uid = unescapeText(strings.TrimSpace(cl.value)) // TEXT (RFC 5545 §3.8.4.7)
		}
	case "SUMMARY":
		if b.summary == "" {
			b.summary = cl.value
		}
	case "STATUS":
		b.status = upper(strings.TrimSpace(cl.value))
	case "PRIORITY":
		b.priority = strings.TrimSpace(cl.value)
	case "DUE":
		t, err := readTime(cl, no)
		if err != nil {
			return err
		}
		if b.hasDue {
			b.warnings = append(b.warnings, Warning{Line: no, Code: "import.duplicate_ignored", Args: args("Name", cl.name)})
			return nil
		}
		b.due, b.hasDue = t, true
	}
	return nil
}

// todoOf resolves one VTODO.
func (d *decoder) todoOf(b *todoBuilder) Todo {
	x := eventContext{d: d, cal: b.cal}
	t := Todo{Line: b.line, UID: b.uid, Summary: unescapeText(b.summary), Status: b.status}
	if b.hasDue {
		t.Due, _ = x.at(b.due)
		t.AllDay = !b.due.c.hasTime
		if t.AllDay {
			t.DueDay = b.due.c.date()
		}
	}
	if b.priority != "" {
		p, err := strconv.Atoi(b.priority)
		if err != nil || p < 0 || p > 9 {
			x.warn = append(x.warn, Warning{Line: b.line, Code: "import.priority_invalid", Args: args("Value", b.priority)})
		} else {
			t.Priority = p
		}
	}
	t.Warnings = append(b.warnings, x.warn...)
	return t
}
