package main

import (
	"os"
	"strings"
	"testing"
)

func TestTrimmedMeanDropsTheSlowestTenth(t *testing.T) {
	xs := []float64{10, 10, 10, 10, 10, 10, 10, 10, 10, 1000}
	if got := trimmedMean(xs); got != 10 {
		t.Errorf("trimmedMean = %v, want 10", got)
	}
	if got := trimmedMean([]float64{7}); got != 7 {
		t.Errorf("trimmedMean of one = %v, want 7", got)
	}
	if got := trimmedMean([]float64{1, 2, 3}); got != 2 {
		t.Errorf("trimmedMean of three = %v, want 2 (nothing to drop)", got)
	}
}

func TestMedian(t *testing.T) {
	if got := median([]float64{5, 1, 3}); got != 3 {
		t.Errorf("median odd = %v", got)
	}
	if got := median([]float64{4, 1, 3, 2}); got != 2.5 {
		t.Errorf("median even = %v", got)
	}
}

func TestReportRatios(t *testing.T) {
	f := &samples{wall: []float64{10, 10}, cpu: []float64{20, 20}}
	c := &samples{wall: []float64{13, 13}, cpu: []float64{30, 30}}
	got := report("1 doc", f, c)
	for _, want := range []string{"1 doc", "floor   10.00 ms", "designls   13.00 ms", "ratio 1.30 (mean), 1.30 (median)", "ratio 1.50"} {
		if !strings.Contains(got, want) {
			t.Errorf("report = %q, missing %q", got, want)
		}
	}
}

// TestRunTimesARealProcess runs this test binary as the command, and
// checks that a failing command is an error rather than a fast sample.
func TestRunTimesARealProcess(t *testing.T) {
	if os.Getenv("BENCHPROC_CHILD") == "fail" {
		os.Exit(3)
	}
	if os.Getenv("BENCHPROC_CHILD") == "ok" {
		os.Exit(0)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{self, "-test.run=^TestRunTimesARealProcess$"}
	t.Setenv("BENCHPROC_CHILD", "ok")
	s, err := run(args)
	if err != nil || s.wall <= 0 {
		t.Fatalf("run = %+v, %v; want a positive wall time", s, err)
	}
	t.Setenv("BENCHPROC_CHILD", "fail")
	if _, err := run(args); err == nil {
		t.Error("a command exiting 3 was timed as if it worked")
	} else if !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("err = %v, want it to give the exit status", err)
	}
}
