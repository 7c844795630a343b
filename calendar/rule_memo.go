package calendar

import "sync"

// ruleMemo keeps the rules parsed lately by their text: a week at a
// million stored expands hundreds of series, most with one of a few rules
// ("FREQ=WEEKLY"), and parsing each again cost as much as expanding it.
// A parsed rule is never changed after parseRule, so one may serve many
// series at once.
var ruleMemo = struct {
	sync.Mutex
	rules map[string]*rule
}{rules: map[string]*rule{}}

// ruleMemoSize bounds the memo: past it, it starts again empty.
const ruleMemoSize = 4096

// parsedRule is parseRule, from the memo when the text was parsed before.
// Only rules that parse are kept; a fault is found again each time.
func parsedRule(text string) (*rule, error) {
	ruleMemo.Lock()
	ru, ok := ruleMemo.rules[text]
	ruleMemo.Unlock()
	if ok {
		return ru, nil
	}
	ru, err := parseRule(text)
	if err != nil {
		return nil, err
	}
	ruleMemo.Lock()
	if len(ruleMemo.rules) >= ruleMemoSize {
		clear(ruleMemo.rules)
	}
	ruleMemo.rules[text] = ru
	ruleMemo.Unlock()
	return ru, nil
}
