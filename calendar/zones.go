package calendar

import (
	"sync"
	"time"
)

// zones caches time.LoadLocation, which reads and parses the zone's file
// on every call: an import of a large file asks for the same few zones on
// every item. Locations never change once loaded.
var zones sync.Map // name → *time.Location

// loadZone is time.LoadLocation, remembered.
func loadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}
