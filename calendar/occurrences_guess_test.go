package calendar

import (
	"testing"
	"time"
)

// A week's list has room for an occurrence of each series; a check's
// hour does not make room for hundreds it will not hold.
func TestOccurrencesGuessFollowsTheWindow(t *testing.T) {
	monday := time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC)
	if got := occurrencesGuess(441, monday, monday.AddDate(0, 0, 7)); got < 441 {
		t.Errorf("a week of 441 weekly series gets room for %d", got)
	}
	if got := occurrencesGuess(441, monday, monday.AddDate(0, 0, 35)); got < 441 {
		t.Errorf("five weeks of 441 series get room for %d", got)
	}
	if got := occurrencesGuess(441, monday.Add(10*time.Hour), monday.Add(11*time.Hour)); got > 16 {
		t.Errorf("an hour of 441 weekly series gets room for %d", got)
	}
}
