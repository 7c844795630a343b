// Package desk is the visits and materials desk: visit requests, briefing
// materials, the files attached to them and their audit trails. Its
// Service takes desk.Store and the folder for files at construction and
// books through booking's calendar.Service, in the desk's transaction.
package desk
