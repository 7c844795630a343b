package data

import (
	"strings"
	"testing"
)

// The spans a check reads come from engagements_leader_start alone
// (migration 0017), already in the order asked for: a span costs its few
// bytes in the index, not a page of the table where the row's text is.
func TestSpansQueryReadsOnlyTheIndex(t *testing.T) {
	db := openTemp(t)
	for name, query := range map[string]string{"spans": spansQuery, "override spans": overrideSpansQuery} {
		plan := queryPlan(t, db, query, named("leader", 1), named("from", 0), named("to", 1))
		text := strings.Join(plan, "\n")
		if name == "spans" && !strings.Contains(text, "SEARCH engagements USING COVERING INDEX engagements_leader_start ") {
			t.Errorf("the %s query reads the table too:\n%s", name, text)
		}
		if strings.Contains(text, "TEMP B-TREE") || strings.Contains(text, "SCAN engagements") {
			t.Errorf("the %s query scans or sorts:\n%s", name, text)
		}
	}
}
