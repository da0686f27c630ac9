package charts

import (
	"cmp"
	"slices"
	"strconv"
)

// maxBars is the most categories a chart by function draws: past it the
// heaviest maxBars−1 functions keep a bar each and the others share one.
// A thousand slanted names are neither readable nor quick to draw.
const maxBars = 20

// barGroups places items (functions, in their order) on a chart's
// categories: up to maxBars items each have their own, in order; more keep
// the maxBars−1 heaviest by weight (in their order) and put the rest
// together on a last category, "Other N functions". It returns the
// categories' labels and each item's category.
func barGroups(names []string, weight func(i int) float64) (labels []string, groupOf []int) {
	groupOf = make([]int, len(names))
	if len(names) <= maxBars {
		for i := range names {
			groupOf[i] = i
		}
		return slices.Clone(names), groupOf
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	// Heaviest first; equal weights keep their order.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight(b), weight(a)) })
	kept := order[:maxBars-1]
	slices.Sort(kept)
	rest := len(names) - len(kept)
	for i := range groupOf {
		groupOf[i] = len(kept)
	}
	labels = make([]string, 0, maxBars)
	for g, i := range kept {
		groupOf[i] = g
		labels = append(labels, names[i])
	}
	return append(labels, "Other "+strconv.Itoa(rest)+" functions"), groupOf
}
