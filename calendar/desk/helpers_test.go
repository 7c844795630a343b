package desk_test

import "time"

// The desk's tests happen in Shanghai in November 2026.
var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at is a time on day d of November 2026 in Shanghai.
func at(d, hh, mm int) time.Time { return time.Date(2026, 11, d, hh, mm, 0, 0, shanghai) }
