package httpx

import (
	"errors"
	"testing"

	"github.com/reputekit/repute/sources"
)

func TestCheckPathID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id, want string
	}{
		{"", `etsy: shop id is empty: sources: invalid option`},
		{"a/b", `etsy: shop id "a/b" contains '/', '?' or '#': sources: invalid option`},
		{"x?y", `etsy: shop id "x?y" contains '/', '?' or '#': sources: invalid option`},
		{"x#y", `etsy: shop id "x#y" contains '/', '?' or '#': sources: invalid option`},
	}
	for _, tt := range tests {
		err := CheckPathID("etsy", "shop id", tt.id)
		if err == nil || err.Error() != tt.want || !errors.Is(err, sources.ErrInvalidOption) {
			t.Errorf("CheckPathID(%q) = %v, want %s", tt.id, err, tt.want)
		}
	}
	for _, id := range []string{"31415926", "com.example.shop", "gp:AOqpTOH", "a b", "ü"} {
		if err := CheckPathID("etsy", "shop id", id); err != nil {
			t.Errorf("CheckPathID(%q) = %v", id, err)
		}
	}
}
