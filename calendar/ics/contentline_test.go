package ics

import (
	"reflect"
	"testing"
)

func TestParseContentLine(t *testing.T) {
	cases := []struct {
		in       string
		name     string
		params   []param
		value    string
		repaired string
		err      string
	}{
		{in: "SUMMARY:周例会, 第一会议室", name: "SUMMARY", value: "周例会, 第一会议室"},
		{in: "summary:x", name: "SUMMARY", value: "x"},
		{in: "DTSTART;TZID=Asia/Shanghai:20261001T090000", name: "DTSTART", params: []param{{"TZID", "Asia/Shanghai"}}, value: "20261001T090000"},
		{in: `DTSTART;TZID="W. Europe Standard Time":20211219T130000`, name: "DTSTART", params: []param{{"TZID", "W. Europe Standard Time"}}, value: "20211219T130000"},
		{in: `DTSTART;TZID="(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi":20261001T090000`, name: "DTSTART", params: []param{{"TZID", "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi"}}, value: "20261001T090000"},
		{in: `ATTENDEE;Cn=A;ROLE=REQ-PARTICIPANT:mailto:a@b`, name: "ATTENDEE", params: []param{{"CN", "A"}, {"ROLE", "REQ-PARTICIPANT"}}, value: "mailto:a@b"},
		{in: `ATTENDEE;DELEGATED-TO="mailto:a","mailto:b":mailto:c`, name: "ATTENDEE", params: []param{{"DELEGATED-TO", `"mailto:a","mailto:b"`}}, value: "mailto:c"},
		{in: `ATTENDEE;CN=George Herman ^'Babe^' Ruth:mailto:x`, name: "ATTENDEE", params: []param{{"CN", `George Herman "Babe" Ruth`}}, value: "mailto:x"},
		{in: `X-ADDR;X-ADDRESS=Ayacucho 983\"A\";X-TITLE=Home:geo:1,2`, name: "X-ADDR", params: []param{{"X-ADDRESS", `Ayacucho 983\"A\"`}, {"X-TITLE", "Home"}}, value: "geo:1,2"},
		{in: "ORGANIZER;CN=Sixt SE", name: "ORGANIZER", params: []param{{"CN", "Sixt SE"}}, repaired: "import.line_without_value"},
		{in: `DTSTART;TZID="W. Europe Standard Time:20200609T090000"`, name: "DTSTART", params: []param{{"TZID", "W. Europe Standard Time"}}, value: "20200609T090000", repaired: "import.value_in_quotes"},
		{in: "DESCRIPTION:a\tb", name: "DESCRIPTION", value: "a\tb"},
		{in: "X", err: "import.error.no_colon"},
		{in: "X-NO-VALUE", err: "import.error.no_colon"},
		{in: "no colon here", err: "import.error.no_colon"},
		{in: ":value", err: "import.error.bad_name"},
		{in: "DTSTART;;VALUE=DATE-TIME:20140409T093000", err: "import.error.bad_param"},
		{in: `DTSTART;TZID="open:20140409T093000`, err: "import.error.unterminated_quote"},
		{in: "TZID:S\f\f", err: "import.error.control_char"},
		{in: "SUMMARY:a\x00b", err: "import.error.control_char"},
	}
	for _, c := range cases {
		cl, err := parseContentLine(c.in, nil)
		switch {
		case c.err != "":
			if err == nil || err.code != c.err {
				t.Errorf("%q: error %v, want %s", c.in, err, c.err)
			}
		case err != nil:
			t.Errorf("%q: %v", c.in, err.code)
		case cl.name != c.name || cl.value != c.value || cl.repaired != c.repaired || !reflect.DeepEqual(cl.params, c.params) && len(cl.params)+len(c.params) > 0:
			t.Errorf("%q: got %q %q %q %q, want %q %q %q %q", c.in, cl.name, cl.params, cl.value, cl.repaired, c.name, c.params, c.value, c.repaired)
		}
	}
}
