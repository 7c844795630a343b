package calendar

import (
	"runtime"
	"sync"
)

// parallelChunk is how many items one goroutine of InParallel takes at a
// time: enough to make the hand-over cheap, few enough to share the work.
const parallelChunk = 512

// InParallel calls fn on the ranges [lo, hi) that split [0, n), on up to
// GOMAXPROCS goroutines, and returns the first error. fn must touch only
// what its range owns. Small inputs run on the calling goroutine.
func InParallel(n int, fn func(lo, hi int) error) error {
	workers := min(runtime.GOMAXPROCS(0), (n+parallelChunk-1)/parallelChunk)
	if workers <= 1 {
		return fn(0, n)
	}
	var (
		mu    sync.Mutex
		next  int
		first error
		wg    sync.WaitGroup
	)
	take := func() (int, int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= n || first != nil {
			return 0, 0, false
		}
		lo := next
		next = min(n, next+parallelChunk)
		return lo, next, true
	}
	for range workers {
		wg.Go(func() {
			for lo, hi, ok := take(); ok; lo, hi, ok = take() {
				if err := fn(lo, hi); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}
