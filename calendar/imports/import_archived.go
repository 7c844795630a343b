package imports

import "anteroom/calendar"

// refuseNewForArchived refuses an import that would add engagements to an
// archived leader's book (see calendar.CheckBookable); changes and
// cancellations of what they had pass. It looks at the items of idx.
func refuseNewForArchived(leader calendar.Leader, items []ImportItem, idx []int) error {
	if leader.Active() {
		return nil
	}
	for _, i := range idx {
		it := items[i]
		if it.Selected && it.Action == ImportNew {
			return calendar.CheckBookable(leader)
		}
	}
	return nil
}
