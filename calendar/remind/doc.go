// Package remind decides which desktop reminders are due: before
// engagements (a lead time per kind, overridden per item), on the day
// materials are due, and, through one Source adapter each, for any other
// item with a time. The planner is pure: given what the sources say and
// what already fired, it returns what to send now and what was missed
// while the machine slept, to be told in one summary. The Service adds
// the clock and the store that remembers what fired across restarts.
package remind
