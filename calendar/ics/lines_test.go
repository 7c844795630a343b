package ics

import (
	"reflect"
	"testing"
)

// logical is a logical line and the number of its first physical line.
type logical struct {
	text string
	no   int
}

func readAllLines(s string) []logical {
	r := newLineReader(s)
	var out []logical
	for {
		l, no, ok := r.next()
		if !ok {
			return out
		}
		out = append(out, logical{l, no})
	}
}

func TestLineReader(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []logical
	}{
		{"CRLF", "A:1\r\nB:2\r\n", []logical{{"A:1", 1}, {"B:2", 2}}},
		{"LF, no final line end", "A:1\nB:2", []logical{{"A:1", 1}, {"B:2", 2}}},
		{"CR only", "A:1\rB:2\r", []logical{{"A:1", 1}, {"B:2", 2}}},
		{"space fold", "A:ab\r\n cd\r\nB:2\r\n", []logical{{"A:abcd", 1}, {"B:2", 3}}},
		{"TAB fold", "A:ab\n\tcd\n", []logical{{"A:abcd", 1}}},
		{"fold keeps the space after the fold's own", "A:ab\n  cd\n", []logical{{"A:ab cd", 1}}},
		{"blank lines", "\n\nA:1\n\n\nB:2\n\n", []logical{{"A:1", 3}, {"B:2", 6}}},
		{"blank line inside a fold (Sunbird)", "UID\n\n :956630271\nB:2\n", []logical{{"UID:956630271", 1}, {"B:2", 4}}},
		{"fold splits a UTF-8 character", "A:right\xc2\r\n \xa0here\r\n", []logical{{"A:right\u00a0here", 1}}},
		{"fold splits a Chinese character", "A:周\xe4\xbe\r\n \x8b会\r\n", []logical{{"A:周例会", 1}}},
		{"continuation without its space (Confluence)", "ORGANIZER;CN=Danie\nl Latham:mailto:x\nB:2\n", []logical{{"ORGANIZER;CN=Daniel Latham:mailto:x", 1}, {"B:2", 3}}},
		{"a bare name stays a line", "A:1\nX\nB:2\n", []logical{{"A:1", 1}, {"X", 2}, {"B:2", 3}}},
		{"nothing is joined to END", "END:VCALENDAR\nCached from somewhere\n", []logical{{"END:VCALENDAR", 1}, {"Cached from somewhere", 2}}},
		{"lone CR inside a line", "A:1\rB:2\nC:3\n", []logical{{"A:1", 1}, {"B:2", 2}, {"C:3", 3}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := readAllLines(c.in); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestLineReaderRepairFlag(t *testing.T) {
	r := newLineReader("A;CN=Danie\nl Latham:x\nB:2\n")
	if _, _, _ = r.next(); !r.repaired {
		t.Error("the joined line is not marked repaired")
	}
	if _, _, _ = r.next(); r.repaired {
		t.Error("the next line is marked repaired")
	}
}
