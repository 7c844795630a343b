package dav

import (
	"encoding/xml"
	"net/url"
	"strings"
)

// The few WebDAV/CalDAV XML shapes we read ourselves (go-webdav keeps its
// own in an internal package). Namespaces: RFC 4918 (DAV:), RFC 4791
// (caldav), and the calendarserver.org extension for getctag.
const (
	nsDAV      = "DAV:"
	nsCalDAV   = "urn:ietf:params:xml:ns:caldav"
	nsCalendar = "http://calendarserver.org/ns/"
)

type multistatus struct {
	XMLName   xml.Name   `xml:"DAV: multistatus"`
	Responses []response `xml:"DAV: response"`
	SyncToken string     `xml:"DAV: sync-token"`
}

type response struct {
	Hrefs     []string   `xml:"DAV: href"`
	Status    string     `xml:"DAV: status"`
	Propstats []propstat `xml:"DAV: propstat"`
}

type propstat struct {
	Status string `xml:"DAV: status"`
	Prop   prop   `xml:"DAV: prop"`
}

type prop struct {
	ETag         string `xml:"DAV: getetag"`
	CalendarData string `xml:"urn:ietf:params:xml:ns:caldav calendar-data"`
	CTag         string `xml:"http://calendarserver.org/ns/ getctag"`
	SyncToken    string `xml:"DAV: sync-token"`
	DisplayName  string `xml:"DAV: displayname"`
	Description  string `xml:"urn:ietf:params:xml:ns:caldav calendar-description"`
	ResourceType *struct {
		Calendar   *struct{} `xml:"urn:ietf:params:xml:ns:caldav calendar"`
		Collection *struct{} `xml:"DAV: collection"`
	} `xml:"DAV: resourcetype"`
	Reports []struct {
		Inner []struct {
			XMLName xml.Name
		} `xml:",any"`
	} `xml:"DAV: supported-report-set>supported-report>report"`
	Components []struct {
		Name string `xml:"name,attr"`
	} `xml:"urn:ietf:params:xml:ns:caldav supported-calendar-component-set>comp"`
}

// path is the response's href as a path, percent-decoded; absolute URLs
// (some servers send them) are reduced to their path.
func (r *response) path() string {
	if len(r.Hrefs) == 0 {
		return ""
	}
	h := strings.TrimSpace(r.Hrefs[0])
	if u, err := url.Parse(h); err == nil {
		return u.Path
	}
	return h
}

// ok is the merged prop of the propstats with a 2xx status.
func (r *response) ok() prop {
	var p prop
	for _, ps := range r.Propstats {
		if !statusOK(ps.Status) {
			continue
		}
		q := ps.Prop
		if q.ETag != "" {
			p.ETag = q.ETag
		}
		if q.CalendarData != "" {
			p.CalendarData = q.CalendarData
		}
		if q.CTag != "" {
			p.CTag = q.CTag
		}
		if q.SyncToken != "" {
			p.SyncToken = q.SyncToken
		}
		if q.DisplayName != "" {
			p.DisplayName = q.DisplayName
		}
		if q.Description != "" {
			p.Description = q.Description
		}
		if q.ResourceType != nil {
			p.ResourceType = q.ResourceType
		}
		p.Reports = append(p.Reports, q.Reports...)
		p.Components = append(p.Components, q.Components...)
	}
	return p
}

// statusCode reads "HTTP/1.1 404 Not Found" as 404; 0 when absent.
func statusCode(line string) int {
	f := strings.Fields(line)
	if len(f) < 2 || len(f[1]) != 3 {
		return 0
	}
	n := 0
	for _, c := range f[1] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func statusOK(line string) bool { c := statusCode(line); return c >= 200 && c < 300 }

// hrefOf escapes a path for an href element.
func hrefOf(path string) string { return (&url.URL{Path: path}).EscapedPath() }

// propfindBody asks for the named properties; each name is "ns local".
func propfindBody(names ...[2]string) []byte {
	var b strings.Builder
	b.WriteString(xml.Header + `<D:propfind xmlns:D="DAV:"><D:prop>`)
	writeProps(&b, names)
	b.WriteString(`</D:prop></D:propfind>`)
	return []byte(b.String())
}

func writeProps(b *strings.Builder, names [][2]string) {
	for _, n := range names {
		b.WriteString(`<` + n[1] + ` xmlns="` + n[0] + `"/>`)
	}
}

func escapeText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
