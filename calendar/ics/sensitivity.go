package ics

import (
	"strconv"
	"strings"
)

// Some producers mark an item private in a property of their own, beside
// or instead of CLASS. Any of these marks makes the item confidential: a
// mark can only hide an item, never show one that CLASS hides.
//
//   - X-MICROSOFT-CDO-SENSITIVITY (Outlook, Exchange): 0 normal, 1
//     personal, 2 private, 3 confidential. Personal, private and
//     confidential are all confidential here: a leader's personal matters
//     are no business of other offices either.
//   - X-CALENDARSERVER-ACCESS (Apple Calendar Server, on the VCALENDAR or
//     the item): PUBLIC, PRIVATE (free-busy only), CONFIDENTIAL (times
//     only), RESTRICTED (times and place only). All but PUBLIC are
//     confidential.
//   - X-ORACLE-CLASS (Oracle Calendar): NORMAL and PUBLIC say nothing;
//     PERSONAL, PRIVATE and CONFIDENTIAL are confidential.
//
// Google Calendar and Thunderbird write CLASS alone; busy-status marks
// (X-MICROSOFT-CDO-BUSYSTATUS, X-GWSHOW-AS) say whether the time is taken,
// not who may see the item, and are not read as sensitivity.
const (
	sensitivityProperty = "X-MICROSOFT-CDO-SENSITIVITY"
	accessProperty      = "X-CALENDARSERVER-ACCESS"
	oracleClassProperty = "X-ORACLE-CLASS"
)

// sensitive reports whether the producer's property name with value marks
// an item as hidden from others. A value it does not know hides the item,
// as an unknown CLASS does (RFC 5545 §3.8.1.3).
func sensitive(name, value string) bool {
	v := strings.ToUpper(strings.TrimSpace(value))
	switch name {
	case sensitivityProperty:
		n, err := strconv.Atoi(v)
		return err != nil || n != 0
	case accessProperty:
		return v != "PUBLIC"
	case oracleClassProperty:
		return v != "NORMAL" && v != "PUBLIC"
	}
	return false
}
