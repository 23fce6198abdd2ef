package numbers

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func close(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in     string
		number float64
		base   float64
		dim    Dim
		unit   string
		half   float64
	}{
		{"10K", 1e4, 1e4, Dimensionless, "", 500},
		{"10,000", 1e4, 1e4, Dimensionless, "", 0.5},
		{"1.5M", 1.5e6, 1.5e6, Dimensionless, "", 5e4},
		{"30k", 3e4, 3e4, Dimensionless, "", 500},
		{"864B", 864e9, 864e9, Dimensionless, "", 5e8},
		{"2bn", 2e9, 2e9, Dimensionless, "", 5e8},
		{"10G", 1e10, 1e10, Dimensionless, "", 5e8},
		{"1T", 1e12, 1e12, Dimensionless, "", 5e11},
		{"4Ki", 4096, 4096, Dimensionless, "", 512},
		{"5 ms", 5, 0.005, Duration, "ms", 0.5},
		{"5ms", 5, 0.005, Duration, "ms", 0.5},
		{"30s", 30, 30, Duration, "s", 0.5},
		{"5m", 5, 300, Duration, "m", 0.5},
		{"2 h", 2, 7200, Duration, "h", 0.5},
		{"3 hours", 3, 10800, Duration, "hours", 0.5},
		{"30 days", 30, 30 * 86400, Duration, "days", 0.5},
		{"43.2 min", 43.2, 43.2 * 60, Duration, "min", 0.05},
		{"2 KB", 2, 2000, Size, "KB", 0.5},
		{"2KB", 2, 2000, Size, "KB", 0.5},
		{"2 B", 2, 2, Size, "B", 0.5},
		{"2 bytes", 2, 2, Size, "bytes", 0.5},
		{"1 TiB", 1, 1 << 40, Size, "TiB", 0.5},
		{"12.69MiB", 12.69, 12.69 * (1 << 20), Size, "MiB", 0.005},
		{"1.5K GB", 1500, 1.5e12, Size, "GB", 50},
		{"99.95%", 99.95, 0.9995, Dimensionless, "%", 0.005},
		{"99.95 %", 99.95, 0.9995, Dimensionless, "%", 0.005},
		{"10M QPS", 1e7, 1e7, Rate, "QPS", 5e5},
		{"10 req/s", 10, 10, Rate, "req/s", 0.5},
		{"10 requests/day", 10, 10.0 / 86400, Rate, "requests/day", 0.5},
		{"2.5 million requests per month", 2.5e6, 2.5e6 / (30 * 86400), Rate, "requests per month", 5e4},
		{"86,400 s/day", 86400, 1, Dimensionless, "s/day", 0.5},
		{"500M users", 5e8, 5e8, Dimensionless, "users", 5e5},
		{"2 B users", 2e9, 2e9, Dimensionless, "users", 5e8},
		{"500m users", 5e8, 5e8, Dimensionless, "users", 5e5},
		{"1,000 apps", 1000, 1000, Dimensionless, "apps", 0.5},
		{"200 QPS/host", 200, 200, Rate, "QPS/host", 0.5},
		{"2 KB per user", 2, 2000, Size, "KB per user", 0.5},
		{"2 TB a day", 2, 2e12 / 86400, Throughput, "TB a day", 0.5},
		{"10K/s", 1e4, 1e4, Rate, "/s", 500},
		{"3 per day", 3, 3.0 / 86400, Rate, "per day", 0.5},
		{"1 Gbps", 1, 1.25e8, Throughput, "Gbps", 0.5},
		{"20 MB/s", 20, 2e7, Throughput, "MB/s", 0.5},
		{"100 hosts", 100, 100, Dimensionless, "hosts", 0.5},
		{"3x", 3, 3, Dimensionless, "x", 0.5},
		{"1e6", 1e6, 1e6, Dimensionless, "", 5e5},
		{"1.5e-3 s", 1.5e-3, 1.5e-3, Duration, "s", 0.5e-4},
		{"10\u2009000", 1e4, 1e4, Dimensionless, "", 0.5},
		{"10_000", 1e4, 1e4, Dimensionless, "", 0.5},
		{"1,000,000", 1e6, 1e6, Dimensionless, "", 0.5},
		{"  42  ", 42, 42, Dimensionless, "", 0.5},
		{"10 Users", 10, 10, Dimensionless, "Users", 0.5},
		{"10Kqps", 1e4, 1e4, Rate, "qps", 500},
		{"0.001", 0.001, 0.001, Dimensionless, "", 0.0005},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := ParseQuantity(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !close(q.Number, tt.number) || !close(q.Base, tt.base) || q.Unit.Dim != tt.dim || q.Unit.Text != tt.unit || !close(q.Half, tt.half) {
				t.Errorf("got Number %v Base %v Dim %v Unit %q Half %v; want %v %v %v %q %v",
					q.Number, q.Base, q.Unit.Dim, q.Unit.Text, q.Half, tt.number, tt.base, tt.dim, tt.unit, tt.half)
			}
			if got := at(tt.in, q.Span); got != strings.TrimSpace(tt.in) {
				t.Errorf("Span covers %q", got)
			}
			if tt.unit != "" && at(tt.in, q.Unit.Span) != tt.unit {
				t.Errorf("Unit.Span covers %q", at(tt.in, q.Unit.Span))
			}
		})
	}
}

func TestParseQuantityErrors(t *testing.T) {
	for _, in := range []string{"", "K", "abc", "v1.2", "1.2.3", "2024-09-30", "09/30/2024", "10:30", "3-5",
		"1920x1080", "2FA", "3rd", "5xx", "10 apples and pears", "10 ×", "p99"} {
		if q, err := ParseQuantity(in); err == nil {
			t.Errorf("ParseQuantity(%q) = %+v, want an error", in, q)
		} else if !errors.Is(err, ErrNotQuantity) || !strings.Contains(err.Error(), "parse") {
			t.Errorf("ParseQuantity(%q) error %q does not wrap ErrNotQuantity with context", in, err)
		}
	}
}

// Quantities finds every figure and skips digits that belong to something
// else; spans are checked by slicing the text.
func TestQuantities(t *testing.T) {
	text := "v1.2.3 on 2024-09-30 at 10:30: p99 5 ms, 3-5 hosts, 1920x1080, k8s, HTTP 429,\r\n" +
		"容量1,000个应用，每个10K QPS 🚀; re\u0301sume\u0301 2 KB\t× 500M; 99.95% of 30 days"
	var got []string
	for _, q := range Quantities([]byte(text)) {
		got = append(got, at(text, q.Span))
	}
	want := []string{"5 ms", "429", "1,000", "10K QPS", "2 KB", "500M", "99.95%", "30 days"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Quantities:\n got %q\nwant %q", got, want)
	}
}

func TestDimString(t *testing.T) {
	for d, want := range map[Dim]string{
		Dimensionless: "plain number", Duration: "duration", Rate: "rate", Size: "data size",
		Throughput: "data rate", {Time: 2}: "seconds^2", {Time: 1, Data: 1}: "bytes·seconds^1", {Data: -2}: "bytes^-2",
	} {
		if got := d.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", d, got, want)
		}
	}
}
