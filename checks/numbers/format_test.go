package numbers

import "testing"

// Format writes a value in the unit and figure style of a written figure.
func TestFormatLike(t *testing.T) {
	tests := []struct {
		like string  // the figure whose style is followed
		base float64 // value in base units
		want string
	}{
		{"10M QPS", 1e7, "10M QPS"},
		{"10M QPS", 1.2345e7, "12.3M QPS"},
		{"10M QPS", 999.96e6, "1B QPS"},
		{"10M QPS", 500, "500 QPS"},
		{"864B requests/day", 1e7, "864B requests/day"},
		{"43.2 min", 43.2 * 60, "43.2 min"},
		{"43 minutes", 43.2 * 60, "43.2 minutes"},
		{"1 TB", 1e12, "1 TB"},
		{"1 TB", 1.024e12, "1.02 TB"},
		{"1 TB", 5e16, "50 PB"},
		{"1 TB", 2e8, "200 MB"},
		{"2 GiB", 3 << 30, "3 GiB"},
		{"2 GiB", 1 << 42, "4096 GiB"},
		{"2 GiB", 1 << 44, "16 TiB"},
		{"10,000 users", 1.25e7, "12,500,000 users"},
		{"10_000", 123456, "123_456"},
		{"13310000", 13310000, "13310000"},
		{"30k", 45000, "45k"},
		{"2bn", 2.6e9, "2.6bn"},
		{"10G", 3e9, "3G"},
		{"2.5 million requests per month", 2.592e6 / (30 * 86400), "2.59 million requests per month"},
		{"99.95%", 0.99953, "99.95%"},
		{"0.1%", 0.001, "0.1%"},
		{"99.9 %", 0.999, "99.9 %"},
		{"5ms", 0.0123, "12.3ms"},
		{"43,200 min", 43200 * 60, "43,200 min"},
		{"1,000 apps", 2500, "2,500 apps"},
		{"4.29B", 4294967296, "4.29B"},
		{"1.5", 2.0 / 3, "0.667"},
		{"100", 0, "0"},
		{"3", -12, "-12"},
	}
	for _, tt := range tests {
		t.Run(tt.like, func(t *testing.T) {
			q, err := ParseQuantity(tt.like)
			if err != nil {
				t.Fatal(err)
			}
			v := q.Value()
			v.Base = tt.base
			if got := Format(v); got != tt.want {
				t.Errorf("Format(%v like %q) = %q, want %q", tt.base, tt.like, got, tt.want)
			}
		})
	}
}

// A Value moved into another figure's unit formats in that unit; a unit of
// another dimension is refused.
func TestValueIn(t *testing.T) {
	qps, _ := ParseQuantity("10M QPS")
	perDay, _ := ParseQuantity("864B requests/day")
	size, _ := ParseQuantity("1 TB")
	bare, _ := ParseQuantity("7")
	if got := Format(qps.Value().In(perDay)); got != "864B requests/day" {
		t.Errorf("In(requests/day) = %q", got)
	}
	if got := Format(qps.Value().In(size)); got != "10M QPS" {
		t.Errorf("In(TB) = %q, want the value unchanged", got)
	}
	if got := Format(qps.Value().In(bare)); got != "10000000" {
		t.Errorf("In(bare) = %q", got)
	}
}

func TestFormatZeroValue(t *testing.T) {
	if got := Format(Value{}); got != "0" {
		t.Errorf("Format(Value{}) = %q", got)
	}
}
