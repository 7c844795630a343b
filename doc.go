// Package anteroom is the root of the Anteroom module (领导日程与会客): a
// desktop calendar with which a secretary runs a leader's meetings and
// visits. The code lives in cmd/anteroom, ui, calendar, data and assets;
// this package holds only the tests that keep their layering honest.
package anteroom
