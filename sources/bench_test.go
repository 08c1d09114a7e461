package sources_test

import (
	"net/http"
	"testing"

	"golang.org/x/time/rate"

	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
	"github.com/reputekit/repute/sources/trustpilot"
)

// BenchmarkSync3x10k syncs three local Trustpilot imitations with 10,000
// reviews each (pages of 100) into a fresh in-memory store per iteration.
// The servers run in the same process, so their cost is included.
func BenchmarkSync3x10k(b *testing.B) {
	const perServer = 10_000
	var srcs []sources.Source
	for i := range 3 {
		items := sourcestest.NewItems(sourcestest.TrustpilotRange(i*perServer, perServer, t0)...)
		srv := sourcestest.NewServer(b, sourcestest.TrustpilotHandler("bu", items))
		tr := &http.Transport{MaxIdleConnsPerHost: 4}
		b.Cleanup(tr.CloseIdleConnections)
		c, err := trustpilot.New("bu", sources.WithAPIKey("k"), sources.WithBaseURL(srv.URL),
			sources.WithHTTPClient(&http.Client{Transport: tr}), sources.WithRateLimit(rate.Inf, 0))
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, c)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := sources.Sync(b.Context(), srcs, sources.SyncOptions{Store: &sources.MemoryStore{}})
		if err != nil {
			b.Fatal(err)
		}
		if got := res.Totals().Added; got != 3*perServer {
			b.Fatalf("added %d, want %d", got, 3*perServer)
		}
	}
	b.ReportMetric(3*perServer*float64(b.N)/b.Elapsed().Seconds(), "reviews/s")
}
