package httpx

import (
	"context"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/sourcestest"
)

// TestRateAccuracy measures the limiter end to end against a local server:
// with 50 requests/s and burst 5 over 20 s, no wall-clock second at the
// server may see more than limit+burst requests, and the achieved rate must
// be at least 95% of the limit. It takes 20 s of wall-clock time, so it only
// runs when REPUTE_RATE_TEST is set:
//
//	REPUTE_RATE_TEST=1 go test -run TestRateAccuracy -v ./internal/httpx/
func TestRateAccuracy(t *testing.T) {
	if os.Getenv("REPUTE_RATE_TEST") == "" {
		t.Skip("set REPUTE_RATE_TEST=1 to measure the rate accuracy (takes 20 s)")
	}
	const (
		limit   = 50
		burst   = 5
		window  = 20 * time.Second
		workers = 8
	)
	srv := sourcestest.NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("{}"))
	}))
	// Keep a connection per worker: with the default transport's two idle
	// connections per host, six workers would dial anew for every request,
	// and on a busy machine a dropped SYN stalls a request for a second and
	// then lands it with the next ones: the server would measure the
	// kernel, not the limiter.
	tr := &http.Transport{MaxIdleConnsPerHost: workers}
	t.Cleanup(tr.CloseIdleConnections)
	cfg, err := sources.NewConfig(sources.Config{Platform: "rate"}, sources.WithBaseURL(srv.URL),
		sources.WithHTTPClient(&http.Client{Transport: tr}), sources.WithRateLimit(rate.Limit(limit), burst))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), window)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				if _, err := c.Do(ctx, &Request{Path: "/ping"}); err == nil {
					mu.Lock()
					ok++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	perSecond := srv.PerSecond()
	peak := 0
	for _, n := range perSecond {
		peak = max(peak, n)
	}
	achieved := float64(ok) / elapsed.Seconds()
	t.Logf("limit %d/s burst %d over %v: %d requests answered, achieved %.2f/s (%.1f%% of the limit), busiest second %d (cap %d), per second %v",
		limit, burst, elapsed.Round(time.Millisecond), ok, achieved, 100*achieved/limit, peak, limit+burst, perSecond)
	if peak > limit+burst {
		t.Errorf("a second saw %d requests, more than limit+burst %d", peak, limit+burst)
	}
	if achieved < 0.95*limit {
		t.Errorf("achieved %.2f requests/s, less than 95%% of %d", achieved, limit)
	}
}
