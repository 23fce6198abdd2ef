package numbers

import "strconv"

// Dim is a physical dimension written as exponents of time and data size.
// Counts of things (users, hosts, requests) and percentages are
// dimensionless: "1,000 apps × 10K QPS" is a rate because apps carry no
// dimension, which is what lets per-host and per-user figures multiply out.
type Dim struct {
	Time, Data int8
}

// The dimensions a design doc's arithmetic usually lands on.
var (
	Dimensionless = Dim{}
	Duration      = Dim{Time: 1}
	Rate          = Dim{Time: -1}
	Size          = Dim{Data: 1}
	Throughput    = Dim{Time: -1, Data: 1}
)

func (d Dim) mul(e Dim) Dim { return Dim{d.Time + e.Time, d.Data + e.Data} }
func (d Dim) div(e Dim) Dim { return Dim{d.Time - e.Time, d.Data - e.Data} }

// String names the dimension the way a diagnostic would: "rate", "data size".
func (d Dim) String() string {
	switch d {
	case Dimensionless:
		return "plain number"
	case Duration:
		return "duration"
	case Rate:
		return "rate"
	case Size:
		return "data size"
	case Throughput:
		return "data rate"
	}
	s := ""
	if d.Data != 0 {
		s = "bytes"
		if d.Data != 1 {
			s += "^" + strconv.Itoa(int(d.Data))
		}
	}
	if d.Time != 0 {
		if s != "" {
			s += "·"
		}
		s += "seconds^" + strconv.Itoa(int(d.Time))
	}
	return s
}

type unitKind uint8

const (
	kindNoun    unitKind = iota + 1 // things counted: users, hosts, requests
	kindTime                        // durations and time windows
	kindData                        // bytes
	kindRate                        // events per second with the window built in: QPS
	kindBitRate                     // Gbps
	kindPercent
	kindTimes // the "3x" of a replication factor
)

// unitDef is one spelling of a unit. Base units are counts, seconds and
// bytes; scale converts one of this unit into them.
type unitDef struct {
	name  string // how the package spells the unit when it picks one itself
	kind  unitKind
	scale float64
	dim   Dim
	// bin is the scale under the binary reading of a decimal data unit
	// (KB read as 1,024 bytes); zero when there is no such reading.
	bin float64
	// window is, for time units and built-in rates, the length in seconds
	// of the period they name or count per; it is what conversion factors
	// such as 86,400 (s/day) are recognised against.
	window float64
	noun   string // what a rate counts, for display: QPS counts "requests"
}

const (
	minute  = 60.0
	hour    = 3600.0
	day     = 86400.0
	week    = 7 * day
	month   = 30 * day // the error-budget convention: a 30-day month
	quarter = 90 * day
	year    = 365 * day
)

func timeUnit(name string, secs float64) *unitDef {
	return &unitDef{name: name, kind: kindTime, scale: secs, dim: Duration, window: secs}
}

func dataUnit(name string, scale, bin float64) *unitDef {
	return &unitDef{name: name, kind: kindData, scale: scale, dim: Size, bin: bin}
}

func noun(name string) *unitDef {
	return &unitDef{name: name, kind: kindNoun, scale: 1, noun: name}
}

var (
	uSecond  = timeUnit("s", 1)
	uMinute  = timeUnit("min", minute)
	uHour    = timeUnit("h", hour)
	uDay     = timeUnit("days", day)
	uWeek    = timeUnit("weeks", week)
	uMonth   = timeUnit("months", month)
	uQuarter = timeUnit("quarters", quarter)
	uYear    = timeUnit("years", year)
	uMilli   = timeUnit("ms", 1e-3)
	uMicro   = timeUnit("µs", 1e-6)
	uNano    = timeUnit("ns", 1e-9)

	uByte    = dataUnit("B", 1, 0)
	uPercent = &unitDef{name: "%", kind: kindPercent, scale: 0.01}
	uTimes   = &unitDef{name: "x", kind: kindTimes, scale: 1}
	uQPS     = &unitDef{name: "QPS", kind: kindRate, scale: 1, dim: Rate, window: 1, noun: "requests"}
)

// Decimal and binary data units, smallest first; Format walks them to pick a
// size that reads well.
var (
	decimalData = []*unitDef{uByte, dataUnit("KB", 1e3, 1<<10), dataUnit("MB", 1e6, 1<<20),
		dataUnit("GB", 1e9, 1<<30), dataUnit("TB", 1e12, 1<<40), dataUnit("PB", 1e15, 1<<50), dataUnit("EB", 1e18, 1<<60)}
	binaryData = []*unitDef{uByte, dataUnit("KiB", 1<<10, 0), dataUnit("MiB", 1<<20, 0),
		dataUnit("GiB", 1<<30, 0), dataUnit("TiB", 1<<40, 0), dataUnit("PiB", 1<<50, 0), dataUnit("EiB", 1<<60, 0)}
)

// exactUnits are matched case-sensitively: "MB" is not "mb", "B" after a
// space is bytes, "ms" is not "MS".
var exactUnits = map[string]*unitDef{
	"B": uByte, "KB": decimalData[1], "kB": decimalData[1], "MB": decimalData[2], "GB": decimalData[3],
	"TB": decimalData[4], "PB": decimalData[5], "EB": decimalData[6],
	"KiB": binaryData[1], "MiB": binaryData[2], "GiB": binaryData[3], "TiB": binaryData[4],
	"PiB": binaryData[5], "EiB": binaryData[6],
	"bps":  {name: "bps", kind: kindBitRate, scale: 1.0 / 8, dim: Throughput},
	"Kbps": {name: "Kbps", kind: kindBitRate, scale: 1e3 / 8, dim: Throughput},
	"kbps": {name: "kbps", kind: kindBitRate, scale: 1e3 / 8, dim: Throughput},
	"Mbps": {name: "Mbps", kind: kindBitRate, scale: 1e6 / 8, dim: Throughput},
	"Gbps": {name: "Gbps", kind: kindBitRate, scale: 1e9 / 8, dim: Throughput},
	"Tbps": {name: "Tbps", kind: kindBitRate, scale: 1e12 / 8, dim: Throughput},
	"QPS":  uQPS, "qps": uQPS, "RPS": uQPS, "rps": uQPS, "TPS": uQPS, "tps": uQPS,
	"ns": uNano, "us": uMicro, "µs": uMicro, "μs": uMicro, "ms": uMilli,
	"s": uSecond, "sec": uSecond, "secs": uSecond,
	"min": uMinute, "mins": uMinute, "h": uHour, "hr": uHour, "hrs": uHour,
	"d": uDay, "wk": uWeek, "wks": uWeek, "mo": uMonth, "yr": uYear, "yrs": uYear,
}

// wordUnits are matched after lower-casing, so "Users" and "HOURS" count.
var wordUnits = map[string]*unitDef{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
	"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
	"year": uYear, "years": uYear, "millisecond": uMilli, "milliseconds": uMilli,
	"microsecond": uMicro, "microseconds": uMicro, "nanosecond": uNano, "nanoseconds": uNano,
	"byte": uByte, "bytes": uByte, "percent": uPercent,
}

// Things a design doc counts. Singular and plural are both listed because
// the singular is what follows "per" and "/".
func init() {
	for _, w := range []string{
		"request", "requests", "req", "reqs", "query", "queries", "op", "ops", "operation", "operations",
		"write", "writes", "read", "reads", "event", "events", "message", "messages", "msg", "msgs",
		"user", "users", "customer", "customers", "tenant", "tenants", "account", "accounts",
		"app", "apps", "application", "applications", "service", "services",
		"host", "hosts", "server", "servers", "node", "nodes", "machine", "machines", "instance", "instances",
		"pod", "pods", "container", "containers", "core", "cores", "cpu", "cpus", "vcpu", "vcpus",
		"replica", "replicas", "shard", "shards", "partition", "partitions", "broker", "brokers",
		"region", "regions", "zone", "zones", "cluster", "clusters", "cell", "cells", "rack", "racks",
		"key", "keys", "item", "items", "row", "rows", "record", "records", "object", "objects",
		"file", "files", "document", "documents", "doc", "docs", "entry", "entries", "page", "pages",
		"tweet", "tweets", "post", "posts", "paste", "pastes", "url", "urls", "link", "links",
		"connection", "connections", "conn", "conns", "session", "sessions", "client", "clients",
		"device", "devices", "job", "jobs", "task", "tasks", "build", "builds", "pipeline", "pipelines",
		"flag", "flags", "evaluation", "evaluations", "eval", "evals", "lookup", "lookups",
		"call", "calls", "transaction", "transactions", "txn", "txns", "view", "views",
		"visit", "visits", "click", "clicks", "follower", "followers", "image", "images",
		"photo", "photos", "video", "videos", "log", "logs", "line", "lines", "metric", "metrics",
		"sample", "samples", "span", "spans", "trace", "traces", "commit", "commits", "repo", "repos",
		"repository", "repositories", "team", "teams", "engineer", "engineers", "ticket", "tickets",
		"thread", "threads", "worker", "workers", "disk", "disks", "copy", "copies", "packet", "packets",
		"batch", "batches", "chunk", "chunks", "block", "blocks", "stream", "streams",
		"change", "changes", "subscriber", "subscribers", "subscription", "subscriptions",
		"sdk", "sdks", "agent", "agents", "environment", "environments", "deploy", "deploys",
		"deployment", "deployments", "release", "releases", "rule", "rules", "person", "people",
	} {
		if _, dup := wordUnits[w]; !dup {
			wordUnits[w] = noun(w)
		}
	}
}

// magnitudes are the suffixes glued to a figure ("10K", "2bn"); "B" glued
// to digits means billions, and only a byte unit spelled out ("2 B", "KB",
// "bytes") means bytes.
var magnitudes = map[string]float64{
	"K": 1e3, "k": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9, "G": 1e9, "T": 1e12,
	"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40,
}

// magnitudeWords follow a figure after a space: "2.5 million requests".
var magnitudeWords = []struct {
	word  string
	scale float64
}{{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"bn", 1e9}, {"mn", 1e6}}

// lookupUnit finds a unit spelled by word, trying the case-sensitive table
// first. Plain ASCII words are lower-cased into a stack buffer so the lookup
// does not allocate.
func lookupUnit(word []byte) *unitDef {
	if u, ok := exactUnits[string(word)]; ok {
		return u
	}
	var buf [24]byte
	if len(word) > len(buf) {
		return nil
	}
	for i, c := range word {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return wordUnits[string(buf[:len(word)])]
}

// spellings holds the unit texts a document most often writes, so that
// handing a unit's text to a caller usually costs no allocation.
var spellings = map[string]string{}

func init() {
	for k := range exactUnits {
		spellings[k] = k
	}
	for k := range wordUnits {
		spellings[k] = k
	}
	for _, k := range []string{"%", "x", "m", "s/day", "req/s", "reqs/s", "requests/s", "requests/sec",
		"requests/day", "requests/month", "QPS/host", "QPS/server", "QPS/node", "MB/s", "GB/s", "KB/s",
		"GB/day", "TB/day", "GB/month", "TB/month", "min/month", "h/day", "min/h", "/s", "/day",
		"requests per second", "requests per day", "requests per month", "per second", "per day", "per month",
		"per year", "writes/s", "reads/s", "ops/s", "events/s", "messages/s", "bytes/s", "users/day"} {
		spellings[k] = k
	}
}

// uThing stands for a plural word the tables do not know ("50K widgets"):
// a count of something, spelled as the writer spelled it.
var uThing = &unitDef{kind: kindNoun, scale: 1}

// notThings are words ending in "s" that do not name things counted.
var notThings = []string{"this", "thus", "plus", "minus", "times", "does", "goes", "across", "always",
	"perhaps", "whereas", "unless", "series", "towards", "afterwards", "besides", "sometimes",
	"nevertheless", "various", "previous", "numerous", "obvious", "serious", "continuous", "famous",
	"analysis", "basis", "emphasis", "status", "versus", "bonus", "consensus", "corpus", "canvas",
	"yes", "gets", "puts", "uses", "needs", "takes", "makes", "means", "gives", "comes", "runs",
	"holds", "keeps", "adds", "costs", "serves", "handles", "allows", "requires", "becomes", "stays"}

// plausibleThing reports whether an unknown word after a figure names
// things counted: a lower-case plural of four letters or more that is not a
// verb or adverb ending in "s". The word then labels the figure, so
// "50K streams / 500 streams per host" reads as counts.
func plausibleThing(w []byte) bool {
	n := len(w)
	if n < 4 || w[n-1] != 's' || w[n-2] == 's' || w[n-2] == 'u' || w[n-2] == 'i' {
		return false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return !foldIn(w, notThings...)
}

// windowUnit is lookupUnit restricted to what can follow "per" or "/" as a
// period: "/s", "per day", "/month".
func windowUnit(word []byte) *unitDef {
	u := lookupUnit(word)
	if u == nil || u.kind != kindTime {
		return nil
	}
	return u
}
