package calendar

// Omitted is what Summarize left out of one kind: how many, and the first
// of them to show as an example.
type Omitted[T any] struct {
	Like  T
	Count int
}

// Summarize cuts a long list of messages short, so a file that repeats
// one mistake a million times yields a few lines rather than a million:
// it keeps, in order, the first keep items of each key, and returns per
// key, in order of first appearance, what it left out.
func Summarize[T any](items []T, key func(T) string, keep int) (kept []T, omitted []Omitted[T]) {
	seen := map[string]int{}
	where := map[string]int{} // key → index in omitted
	for _, it := range items {
		k := key(it)
		seen[k]++
		if seen[k] <= keep {
			kept = append(kept, it)
			continue
		}
		i, ok := where[k]
		if !ok {
			i = len(omitted)
			where[k] = i
			omitted = append(omitted, Omitted[T]{Like: it})
		}
		omitted[i].Count++
	}
	return kept, omitted
}
