package calendar

import (
	"context"
	"errors"
	"fmt"
)

// An override (one occurrence of a series, moved or retitled) is never
// more visible than its series: a confidential series stays confidential
// in every occurrence, whatever the override says or fails to say. The
// importer gives an override its series' classification unless it states
// a StricterClass one (InheritClass); what other offices get re-checks it
// against the series as stored now (followSeriesClass), as the series may
// have become StricterClass since the override was stored.

// InheritClass returns the classification of an override that says own
// ("" when its file says nothing) of a series classified series.
func InheritClass(series, own Classification) Classification {
	if own == "" {
		return series
	}
	return StricterClass(series, own)
}

// followSeriesClass raises each stored override among items to its
// series' classification where that is StricterClass. known gives the
// classification of series already at hand, by ID; others are read.
func (s *Service) followSeriesClass(ctx context.Context, items []Engagement, known map[int64]Classification) error {
	for i := range items {
		o := &items[i]
		if o.SeriesID == 0 || o.ID == 0 {
			continue // not a stored override: a series' own occurrence has its class
		}
		c, ok := known[o.SeriesID]
		if !ok {
			m, err := s.store.Engagement(ctx, o.SeriesID)
			if errors.Is(err, ErrNotFound) {
				continue // the series is gone; the override stands alone
			}
			if err != nil {
				return fmt.Errorf("series of override %d: %w", o.ID, err)
			}
			c = m.Classification
			known[o.SeriesID] = c
		}
		o.Classification = InheritClass(c, o.Classification)
	}
	return nil
}

// seriesClasses returns the classification of each series among es, and
// of the series of each occurrence the rule made, by series ID.
func seriesClasses(es ...[]Engagement) map[int64]Classification {
	known := map[int64]Classification{}
	for _, list := range es {
		for _, e := range list {
			switch {
			case e.IsSeries() && e.SeriesID == 0:
				known[e.ID] = e.Classification
			case e.SeriesID != 0 && e.ID == 0:
				known[e.SeriesID] = e.Classification
			}
		}
	}
	return known
}

// StricterClass returns the less visible of two classifications.
func StricterClass(a, b Classification) Classification {
	rank := func(c Classification) int {
		switch c {
		case ClassPublic:
			return 0
		case ClassInternal:
			return 1
		}
		return 2
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}
