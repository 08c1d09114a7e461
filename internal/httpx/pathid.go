package httpx

import (
	"fmt"
	"strings"

	"github.com/reputekit/repute/sources"
)

// CheckPathID rejects an id that is empty or that would change the URL
// path it is put in ('/', '?' or '#'), before anything is sent. The error
// starts with the platform and what the id is ("appstore: app id ...")
// and matches sources.ErrInvalidOption.
func CheckPathID(platform, what, id string) error {
	if id == "" {
		return fmt.Errorf("%s: %s is empty: %w", platform, what, sources.ErrInvalidOption)
	}
	if strings.ContainsAny(id, "/?#") {
		return fmt.Errorf("%s: %s %q contains '/', '?' or '#': %w", platform, what, id, sources.ErrInvalidOption)
	}
	return nil
}
