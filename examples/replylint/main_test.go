package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantStatus int
		wantLines  []string // substrings, one per printed line, in order
	}{
		{
			name: "defensive draft from flags",
			args: []string{"-rating", "1", "-lang", "en", "-author", "Ann Lee", "-body", "The kettle arrived broken.",
				"-min", "warning", "-text", "Hi Ann, thank you.\nAs clearly stated on our site, glass can break. We have sent a new kettle and now pack them in foam. We hope you enjoy it!"},
			wantStatus: 0,
			wantLines:  []string{"draft:1:1: warning: apology:", "draft:2:1: warning: defensive:"},
		},
		{
			name:       "error severity sets the exit status",
			stdin:      `{"review": {"id": "x", "source": "cli", "rating": 5, "lang": "en", "author": {"name": "Bo"}, "body": "Great lamp."}, "draft": "Thanks, Bo! Glad you like it. Your code went to bo.smith@gmail.com - enjoy!"}`,
			args:       []string{"-stdin", "-min", "error"},
			wantStatus: 1,
			wantLines:  []string{"draft:1:49: error: private-data:"},
		},
		{
			name:       "missing draft is a usage error",
			args:       []string{"-body", "x"},
			wantStatus: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errb bytes.Buffer
			got := run(tc.args, strings.NewReader(tc.stdin), &out, &errb)
			if got != tc.wantStatus {
				t.Fatalf("status = %d, want %d; stderr: %s; stdout: %s", got, tc.wantStatus, errb.String(), out.String())
			}
			var lines []string
			for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				if l != "" {
					lines = append(lines, l)
				}
			}
			var trimmed []string
			for i, l := range lines {
				if i < len(tc.wantLines) && strings.HasPrefix(l, tc.wantLines[i]) {
					trimmed = append(trimmed, tc.wantLines[i])
				} else {
					trimmed = append(trimmed, l)
				}
			}
			if diff := cmp.Diff(tc.wantLines, trimmed); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	t.Parallel()
	s := "ab\nčd e"
	got := [][2]int{}
	for _, off := range []int{0, 3, len("ab\nčd "), len(s) + 5} {
		l, c := position(s, off)
		got = append(got, [2]int{l, c})
	}
	want := [][2]int{{1, 1}, {2, 1}, {2, 4}, {2, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}
