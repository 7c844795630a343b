package ui

import (
	"sort"
	"time"
)

// span is one engagement's piece inside a day column.
type span struct {
	index      int // into the caller's slice
	start, end time.Time
}

// lane says where a span goes: column col of cols side-by-side columns.
type lane struct {
	col, cols int
	cluster   int // spans that overlap, directly or through a chain, share it
}

// assignLanes places overlapping spans side by side the way desktop
// calendars do: spans that overlap, directly or through a chain, form a
// cluster; each takes the first free column; every span in a cluster shares
// its column count, so widths line up.
func assignLanes(spans []span) map[int]lane {
	sorted := append([]span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].start.Equal(sorted[j].start) {
			return sorted[i].start.Before(sorted[j].start)
		}
		return sorted[i].end.After(sorted[j].end)
	})
	out := make(map[int]lane, len(spans))
	var cluster []span
	var colEnds []time.Time // end of the last span in each column
	var clusterEnd time.Time
	clusterNo := 0
	flush := func() {
		for _, s := range cluster {
			l := out[s.index]
			l.cols, l.cluster = len(colEnds), clusterNo
			out[s.index] = l
		}
		cluster, colEnds = cluster[:0], colEnds[:0]
		clusterNo++
	}
	for _, s := range sorted {
		if len(cluster) > 0 && !s.start.Before(clusterEnd) {
			flush()
		}
		col := -1
		for c, end := range colEnds {
			if !s.start.Before(end) {
				col = c
				break
			}
		}
		if col < 0 {
			col = len(colEnds)
			colEnds = append(colEnds, s.end)
		} else {
			colEnds[col] = s.end
		}
		out[s.index] = lane{col: col}
		cluster = append(cluster, s)
		if len(cluster) == 1 || s.end.After(clusterEnd) {
			clusterEnd = s.end
		}
	}
	flush()
	return out
}
