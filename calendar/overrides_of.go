package calendar

import "context"

// OverridesOfStore finds the overrides of many series in one go: an
// export over years names hundreds of series, some open-ended, and
// reading every override from the first one's start on costs a thousand
// times what those of the named series do. A Store without it is asked
// for the overrides in the series' span.
type OverridesOfStore interface {
	// OverridesOf returns every live override of the series seriesIDs,
	// in any order.
	OverridesOf(ctx context.Context, seriesIDs []int64) ([]Engagement, error)
}
