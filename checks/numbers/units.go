package numbers

import (
	"slices"
	"strconv"
	"sync"
)

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

// noun returns a value, not a pointer, so that a table of nouns is one
// array the compiler lays out as data.
func noun(name string) unitDef {
	return unitDef{name: name, kind: kindNoun, scale: 1, noun: name}
}

// The units are pointers to composite literals of constants, and the lookup
// tables below are sorted arrays of them, so the compiler emits all of it as
// data: loading the package runs no code and allocates nothing.
var (
	uSecond  = &unitDef{name: "s", kind: kindTime, scale: 1, dim: Duration, window: 1}
	uMinute  = &unitDef{name: "min", kind: kindTime, scale: minute, dim: Duration, window: minute}
	uHour    = &unitDef{name: "h", kind: kindTime, scale: hour, dim: Duration, window: hour}
	uDay     = &unitDef{name: "days", kind: kindTime, scale: day, dim: Duration, window: day}
	uWeek    = &unitDef{name: "weeks", kind: kindTime, scale: week, dim: Duration, window: week}
	uMonth   = &unitDef{name: "months", kind: kindTime, scale: month, dim: Duration, window: month}
	uQuarter = &unitDef{name: "quarters", kind: kindTime, scale: quarter, dim: Duration, window: quarter}
	uYear    = &unitDef{name: "years", kind: kindTime, scale: year, dim: Duration, window: year}
	uMilli   = &unitDef{name: "ms", kind: kindTime, scale: 1e-3, dim: Duration, window: 1e-3}
	uMicro   = &unitDef{name: "µs", kind: kindTime, scale: 1e-6, dim: Duration, window: 1e-6}
	uNano    = &unitDef{name: "ns", kind: kindTime, scale: 1e-9, dim: Duration, window: 1e-9}

	uByte = &unitDef{name: "B", kind: kindData, scale: 1, dim: Size}
	uKB   = &unitDef{name: "KB", kind: kindData, scale: 1e3, dim: Size, bin: 1 << 10}
	uMB   = &unitDef{name: "MB", kind: kindData, scale: 1e6, dim: Size, bin: 1 << 20}
	uGB   = &unitDef{name: "GB", kind: kindData, scale: 1e9, dim: Size, bin: 1 << 30}
	uTB   = &unitDef{name: "TB", kind: kindData, scale: 1e12, dim: Size, bin: 1 << 40}
	uPB   = &unitDef{name: "PB", kind: kindData, scale: 1e15, dim: Size, bin: 1 << 50}
	uEB   = &unitDef{name: "EB", kind: kindData, scale: 1e18, dim: Size, bin: 1 << 60}
	uKiB  = &unitDef{name: "KiB", kind: kindData, scale: 1 << 10, dim: Size}
	uMiB  = &unitDef{name: "MiB", kind: kindData, scale: 1 << 20, dim: Size}
	uGiB  = &unitDef{name: "GiB", kind: kindData, scale: 1 << 30, dim: Size}
	uTiB  = &unitDef{name: "TiB", kind: kindData, scale: 1 << 40, dim: Size}
	uPiB  = &unitDef{name: "PiB", kind: kindData, scale: 1 << 50, dim: Size}
	uEiB  = &unitDef{name: "EiB", kind: kindData, scale: 1 << 60, dim: Size}

	uBps       = &unitDef{name: "bps", kind: kindBitRate, scale: 1.0 / 8, dim: Throughput}
	uKbps      = &unitDef{name: "Kbps", kind: kindBitRate, scale: 1e3 / 8, dim: Throughput}
	uKbpsLower = &unitDef{name: "kbps", kind: kindBitRate, scale: 1e3 / 8, dim: Throughput}
	uMbps      = &unitDef{name: "Mbps", kind: kindBitRate, scale: 1e6 / 8, dim: Throughput}
	uGbps      = &unitDef{name: "Gbps", kind: kindBitRate, scale: 1e9 / 8, dim: Throughput}
	uTbps      = &unitDef{name: "Tbps", kind: kindBitRate, scale: 1e12 / 8, dim: Throughput}

	uPercent = &unitDef{name: "%", kind: kindPercent, scale: 0.01}
	uTimes   = &unitDef{name: "x", kind: kindTimes, scale: 1}
	uQPS     = &unitDef{name: "QPS", kind: kindRate, scale: 1, dim: Rate, window: 1, noun: "requests"}
)

// Decimal and binary data units, smallest first; Format walks them to pick a
// size that reads well.
var (
	decimalData = []*unitDef{uByte, uKB, uMB, uGB, uTB, uPB, uEB}
	binaryData  = []*unitDef{uByte, uKiB, uMiB, uGiB, uTiB, uPiB, uEiB}
)

// exactUnit returns the unit spelled by w, matched case-sensitively: "MB"
// is not "mb", "B" after a space is bytes, "ms" is not "MS".
func exactUnit(w []byte) *unitDef {
	switch string(w) {
	case "B":
		return uByte
	case "KB", "kB":
		return uKB
	case "MB":
		return uMB
	case "GB":
		return uGB
	case "TB":
		return uTB
	case "PB":
		return uPB
	case "EB":
		return uEB
	case "KiB":
		return uKiB
	case "MiB":
		return uMiB
	case "GiB":
		return uGiB
	case "TiB":
		return uTiB
	case "PiB":
		return uPiB
	case "EiB":
		return uEiB
	case "bps":
		return uBps
	case "Kbps":
		return uKbps
	case "kbps":
		return uKbpsLower
	case "Mbps":
		return uMbps
	case "Gbps":
		return uGbps
	case "Tbps":
		return uTbps
	case "QPS", "qps", "RPS", "rps", "TPS", "tps":
		return uQPS
	case "ns":
		return uNano
	case "us", "µs", "μs":
		return uMicro
	case "ms":
		return uMilli
	case "s", "sec", "secs":
		return uSecond
	case "min", "mins":
		return uMinute
	case "h", "hr", "hrs":
		return uHour
	case "d":
		return uDay
	case "wk", "wks":
		return uWeek
	case "mo":
		return uMonth
	case "yr", "yrs":
		return uYear
	}
	return nil
}

// wordUnit returns the unit spelled by the lower-case word w: a word for a
// duration, bytes or percent, or one of nounUnits. Every figure followed by
// a word asks, and most words are no unit, so the words are found by hash
// rather than by a switch and a bisection of nounUnits that compared
// strings some ten times a word.
func wordUnit(w []byte) *unitDef {
	t := unitWordTable()
	for i := hashUnitWord(w) & unitSlotMask; t[i].u != nil; i = (i + 1) & unitSlotMask {
		if t[i].name == string(w) {
			return t[i].u
		}
	}
	return nil
}

// unitWords are the words for durations, bytes and percent; nounUnits
// hold the rest of wordUnit's words.
var unitWords = [...]unitSlot{
	{"second", uSecond}, {"seconds", uSecond}, {"minute", uMinute}, {"minutes", uMinute},
	{"hour", uHour}, {"hours", uHour}, {"day", uDay}, {"days", uDay}, {"week", uWeek}, {"weeks", uWeek},
	{"month", uMonth}, {"months", uMonth}, {"quarter", uQuarter}, {"quarters", uQuarter},
	{"year", uYear}, {"years", uYear}, {"millisecond", uMilli}, {"milliseconds", uMilli},
	{"microsecond", uMicro}, {"microseconds", uMicro}, {"nanosecond", uNano}, {"nanoseconds", uNano},
	{"byte", uByte}, {"bytes", uByte}, {"percent", uPercent},
}

// unitSlot pairs a word with the unit it names.
type unitSlot struct {
	name string
	u    *unitDef
}

// unitSlots is a power of two over twice the number of words, so that a
// word not in the table meets an empty slot within a probe or two.
const unitSlots, unitSlotMask = 512, 512 - 1

// unitWordTable returns wordUnit's open-addressing table, built on first
// use so that loading the package still runs no code.
var unitWordTable = sync.OnceValue(func() *[unitSlots]unitSlot {
	t := new([unitSlots]unitSlot)
	put := func(name string, u *unitDef) {
		i := hashUnitWord([]byte(name)) & unitSlotMask
		for ; t[i].u != nil; i = (i + 1) & unitSlotMask {
			if t[i].name == name {
				return // the first entry wins, as the first case of a switch
			}
		}
		t[i] = unitSlot{name, u}
	}
	for _, w := range unitWords {
		put(w.name, w.u)
	}
	for i := range nounUnits {
		put(nounUnits[i].name, &nounUnits[i])
	}
	return t
})

// hashUnitWord is FNV-1a over the word, seeded with its length.
func hashUnitWord(w []byte) uint32 {
	h := 2166136261 ^ uint32(len(w))
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// nounUnits are the things a design doc counts, matched after lower-casing
// like wordUnits ("Users" counts). Singular and plural are both listed
// because the singular is what follows "per" and "/". Sorted.
var nounUnits = [...]unitDef{
	noun("account"), noun("accounts"), noun("agent"), noun("agents"), noun("app"), noun("application"),
	noun("applications"), noun("apps"), noun("batch"), noun("batches"), noun("block"), noun("blocks"),
	noun("broker"), noun("brokers"), noun("build"), noun("builds"), noun("call"), noun("calls"), noun("cell"),
	noun("cells"), noun("change"), noun("changes"), noun("chunk"), noun("chunks"), noun("click"),
	noun("clicks"), noun("client"), noun("clients"), noun("cluster"), noun("clusters"), noun("commit"),
	noun("commits"), noun("conn"), noun("connection"), noun("connections"), noun("conns"), noun("container"),
	noun("containers"), noun("copies"), noun("copy"), noun("core"), noun("cores"), noun("cpu"), noun("cpus"),
	noun("customer"), noun("customers"), noun("deploy"), noun("deployment"), noun("deployments"),
	noun("deploys"), noun("device"), noun("devices"), noun("disk"), noun("disks"), noun("doc"), noun("docs"),
	noun("document"), noun("documents"), noun("engineer"), noun("engineers"), noun("entries"), noun("entry"),
	noun("environment"), noun("environments"), noun("eval"), noun("evals"), noun("evaluation"),
	noun("evaluations"), noun("event"), noun("events"), noun("file"), noun("files"), noun("flag"),
	noun("flags"), noun("follower"), noun("followers"), noun("host"), noun("hosts"), noun("image"),
	noun("images"), noun("instance"), noun("instances"), noun("item"), noun("items"), noun("job"), noun("jobs"),
	noun("key"), noun("keys"), noun("line"), noun("lines"), noun("link"), noun("links"), noun("log"),
	noun("logs"), noun("lookup"), noun("lookups"), noun("machine"), noun("machines"), noun("message"),
	noun("messages"), noun("metric"), noun("metrics"), noun("msg"), noun("msgs"), noun("node"), noun("nodes"),
	noun("object"), noun("objects"), noun("op"), noun("operation"), noun("operations"), noun("ops"),
	noun("packet"), noun("packets"), noun("page"), noun("pages"), noun("partition"), noun("partitions"),
	noun("paste"), noun("pastes"), noun("people"), noun("person"), noun("photo"), noun("photos"),
	noun("pipeline"), noun("pipelines"), noun("pod"), noun("pods"), noun("post"), noun("posts"),
	noun("queries"), noun("query"), noun("rack"), noun("racks"), noun("read"), noun("reads"), noun("record"),
	noun("records"), noun("region"), noun("regions"), noun("release"), noun("releases"), noun("replica"),
	noun("replicas"), noun("repo"), noun("repos"), noun("repositories"), noun("repository"), noun("req"),
	noun("reqs"), noun("request"), noun("requests"), noun("row"), noun("rows"), noun("rule"), noun("rules"),
	noun("sample"), noun("samples"), noun("sdk"), noun("sdks"), noun("server"), noun("servers"),
	noun("service"), noun("services"), noun("session"), noun("sessions"), noun("shard"), noun("shards"),
	noun("span"), noun("spans"), noun("stream"), noun("streams"), noun("subscriber"), noun("subscribers"),
	noun("subscription"), noun("subscriptions"), noun("task"), noun("tasks"), noun("team"), noun("teams"),
	noun("tenant"), noun("tenants"), noun("thread"), noun("threads"), noun("ticket"), noun("tickets"),
	noun("trace"), noun("traces"), noun("transaction"), noun("transactions"), noun("tweet"), noun("tweets"),
	noun("txn"), noun("txns"), noun("url"), noun("urls"), noun("user"), noun("users"), noun("vcpu"),
	noun("vcpus"), noun("video"), noun("videos"), noun("view"), noun("views"), noun("visit"), noun("visits"),
	noun("worker"), noun("workers"), noun("write"), noun("writes"), noun("zone"), noun("zones"),
}

// magnitude returns the scale of a suffix glued to a figure ("10K", "2bn")
// and its code. "B" glued to digits means billions; only a byte unit
// spelled out ("2 B", "KB", "bytes") means bytes.
func magnitude(w []byte) (float64, suffix) {
	switch string(w) {
	case "K":
		return 1e3, sufK
	case "k":
		return 1e3, sufLowerK
	case "M":
		return 1e6, sufM
	case "B":
		return 1e9, sufB
	case "bn":
		return 1e9, sufBn
	case "G":
		return 1e9, sufG
	case "T":
		return 1e12, sufT
	case "Ki":
		return 1 << 10, sufKi
	case "Mi":
		return 1 << 20, sufMi
	case "Gi":
		return 1 << 30, sufGi
	case "Ti":
		return 1 << 40, sufTi
	}
	return 0, noSuffix
}

func hasMagnitude(w []byte) bool {
	m, _ := magnitude(w)
	return m != 0
}

// magnitudeWord returns the scale and code of a magnitude word that follows
// a figure after a space ("2.5 million requests"), in any case, or 0. Most
// figures are followed by some word, so it is one switch.
func magnitudeWord(w []byte) (float64, suffix) {
	var buf [8]byte
	lower, _ := lowerInto(buf[:], w)
	switch string(lower) {
	case "thousand":
		return 1e3, sufThousand
	case "million":
		return 1e6, sufMillion
	case "billion":
		return 1e9, sufBillion
	case "trillion":
		return 1e12, sufTrillion
	case "bn":
		return 1e9, sufBn
	case "mn":
		return 1e6, sufMn
	}
	return 0, noSuffix
}

// lookupUnit finds a unit spelled by word, trying the case-sensitive
// spellings first. Plain ASCII words are lower-cased into a stack buffer so
// the lookup does not allocate.
func lookupUnit(word []byte) *unitDef {
	if u := exactUnit(word); u != nil {
		return u
	}
	var buf [24]byte
	w, ok := lowerInto(buf[:], word)
	if !ok {
		return nil
	}
	return wordUnit(w)
}

// commonSpellings are unit texts a document often writes other than a
// unit's own name. Sorted.
var commonSpellings = [...]string{
	"/day", "/s", "GB/day", "GB/month", "GB/s", "KB/s", "MB/day", "MB/s", "QPS/host", "QPS/node",
	"QPS/server", "TB/day", "TB/month", "byte", "bytes", "bytes/s", "day", "events/s", "h/day",
	"hour", "hours", "hr", "hrs", "m", "messages/s", "microsecond", "microseconds", "millisecond",
	"milliseconds", "min/h", "min/month", "mins", "minute", "minutes", "month", "nanosecond",
	"nanoseconds", "ops/s", "per day", "per hour", "per minute", "per month", "per second",
	"per week", "per year", "percent", "qps", "quarter", "quarters", "reads/s", "req/s", "reqs/s",
	"request per second", "requests per day", "requests per month", "requests per second",
	"requests/day", "requests/month", "requests/s", "requests/sec", "rps", "s/day", "sec", "second",
	"seconds", "users/day", "week", "weeks", "writes/s", "year", "years",
}

// spelling returns the text t of unit u as a string, sharing the unit's
// name or a common spelling when t is spelled so, so that handing a unit's
// text to a caller usually costs no allocation.
func spelling(t []byte, u Unit) string {
	if u.num != nil && u.num.name == string(t) {
		return u.num.name
	}
	if i, ok := slices.BinarySearch(commonSpellings[:], string(t)); ok {
		return commonSpellings[i]
	}
	return string(t)
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
