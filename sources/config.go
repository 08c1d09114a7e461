package sources

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// Defaults that NewConfig fills in when neither the adapter's defaults nor
// an option set a value.
const (
	// DefaultMaxRetryAfter caps how long a Retry-After or reset header may
	// make a call wait; a longer hint ends the call with *RateLimitError.
	DefaultMaxRetryAfter = 5 * time.Minute
	// DefaultMaxRetries is the number of retries after the first attempt.
	DefaultMaxRetries = 4
	// DefaultMaxBodyBytes caps a success body (8 MiB).
	DefaultMaxBodyBytes = 8 << 20
	// MaxErrorBodyBytes caps how much of an error body is read (64 KiB).
	MaxErrorBodyBytes = 64 << 10
	// DefaultMaxPages caps the pages of one walk.
	DefaultMaxPages = 10_000
	// DefaultRetryBase and DefaultRetryMaxBackoff shape the exponential
	// backoff: attempt n waits a random time in [0, min(max, base·2ⁿ)].
	DefaultRetryBase       = 500 * time.Millisecond
	DefaultRetryMaxBackoff = 30 * time.Second
	// DefaultAttemptTimeout bounds one attempt (headers and body).
	DefaultAttemptTimeout = 30 * time.Second
)

// Config is what an adapter is built from: its defaults (set by the
// adapter) with the caller's options applied by [NewConfig]. Adapters read
// the fields; callers use the With* options. A Config is plain data and
// is not changed after NewConfig returns.
type Config struct {
	// Platform is the adapter's lower-case name, used in errors and logs.
	Platform string
	// BaseURL is the scheme and host root, without a trailing slash, e.g.
	// "https://api.trustpilot.com"; adapters append the documented path.
	BaseURL string
	// HTTPClient sends the requests (a copy of the caller's client).
	HTTPClient *http.Client
	// Limiter is waited on before every attempt. NewConfig builds it from
	// Rate and Burst when no option set one.
	Limiter Limiter
	// Rate and Burst are the adapter's default pace (requests per second)
	// from the platform's documented quota. 0 Rate means no limit.
	Rate  rate.Limit
	Burst int
	// Credentials. Which ones an adapter needs is in its godoc.
	APIKey    string
	APISecret string
	Token     string
	// TokenFunc, when set, supplies the bearer token for each request. It
	// is called with stale == "" normally and with the rejected token after
	// a 401, so it can refresh; see WithTokenFunc.
	TokenFunc func(ctx context.Context, stale string) (string, error)
	// Logger receives debug lines about retries; never nil after NewConfig.
	Logger *slog.Logger
	// MaxRetryAfter caps honoured Retry-After and reset waits.
	MaxRetryAfter time.Duration
	// MaxRetries is the number of retries of an idempotent call (0 = none).
	MaxRetries int
	// RetryBase and RetryMaxBackoff shape the backoff between retries.
	RetryBase, RetryMaxBackoff time.Duration
	// AttemptTimeout bounds one attempt; 0 means only ctx bounds it.
	AttemptTimeout time.Duration
	// MaxBodyBytes caps a success body.
	MaxBodyBytes int64
	// PageSize is the number of items per page; adapters cap it at the
	// platform's maximum and use that maximum when it is 0.
	PageSize int
	// MaxPages caps the pages of one walk.
	MaxPages int
	// UserAgent is sent with every request.
	UserAgent string
	// Location is the time zone of zone-less platform timestamps (Yelp);
	// nil means the adapter's documented default.
	Location *time.Location
	// Settings holds adapter-specific values set by the adapters' own
	// options (see WithSetting); keys are prefixed with the platform name.
	Settings map[string]string
	// maxRetriesSet records that an option set MaxRetries (0 is valid).
	maxRetriesSet bool
}

// Option changes a Config. Options validate their input and return an
// error matching ErrInvalidOption instead of building a broken client.
type Option func(*Config) error

// NewConfig applies opts, in order, to the adapter's defaults and fills in
// what is still unset: a copy of http.DefaultClient, a limiter from
// defaults.Rate and Burst (none when Rate is 0), a discarding logger and the
// Default* constants. It returns the first option error.
func NewConfig(defaults Config, opts ...Option) (Config, error) {
	c := defaults
	if c.Settings != nil {
		m := make(map[string]string, len(c.Settings))
		for k, v := range c.Settings {
			m[k] = v
		}
		c.Settings = m
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&c); err != nil {
			return Config{}, err
		}
	}
	if c.Platform == "" {
		return Config{}, invalid("Platform", "the adapter must name its platform")
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.HTTPClient == nil {
		hc := *http.DefaultClient
		c.HTTPClient = &hc
	}
	if c.Limiter == nil {
		if c.Rate > 0 && c.Rate != rate.Inf {
			b := c.Burst
			if b < 1 {
				b = 1
			}
			c.Limiter = rate.NewLimiter(c.Rate, b)
		} else {
			c.Limiter = rate.NewLimiter(rate.Inf, 0)
		}
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.MaxRetryAfter == 0 {
		c.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if !c.maxRetriesSet && c.MaxRetries == 0 {
		c.MaxRetries = DefaultMaxRetries
	}
	if c.RetryBase == 0 {
		c.RetryBase = DefaultRetryBase
	}
	if c.RetryMaxBackoff == 0 {
		c.RetryMaxBackoff = DefaultRetryMaxBackoff
	}
	if c.AttemptTimeout == 0 {
		c.AttemptTimeout = DefaultAttemptTimeout
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxPages == 0 {
		c.MaxPages = DefaultMaxPages
	}
	if c.UserAgent == "" {
		c.UserAgent = "repute-sources/1"
	}
	return c, nil
}

// Setting returns an adapter-specific value set with WithSetting.
func (c *Config) Setting(key string) string { return c.Settings[key] }

// Secrets returns the configured credentials (for redaction).
func (c *Config) Secrets() []string {
	var s []string
	for _, v := range []string{c.APIKey, c.APISecret, c.Token} {
		if v != "" {
			s = append(s, v)
		}
	}
	return s
}

func invalid(option, problem string) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalidOption, option, problem)
}

// WithBaseURL points the adapter at another scheme and host root (a test
// server, a proxy). It must be an absolute http or https URL without a
// query or fragment; a path prefix is kept and the documented path is
// appended to it.
func WithBaseURL(raw string) Option {
	return func(c *Config) error {
		u, err := url.Parse(raw)
		if err != nil {
			return invalid("WithBaseURL", "not a URL")
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			return invalid("WithBaseURL", "scheme must be http or https")
		}
		if u.Host == "" {
			return invalid("WithBaseURL", "missing host")
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return invalid("WithBaseURL", "must not carry a query, fragment or user info")
		}
		c.BaseURL = strings.TrimRight(u.String(), "/")
		return nil
	}
}

// WithHTTPClient sends requests through a copy of hc (its Transport,
// Jar and Timeout are kept).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Config) error {
		if hc == nil {
			return invalid("WithHTTPClient", "nil client")
		}
		cp := *hc
		c.HTTPClient = &cp
		return nil
	}
}

// WithRateLimit replaces the adapter's default pace with a new
// *rate.Limiter of r requests per second and the given burst. Use
// rate.Inf to turn pacing off.
func WithRateLimit(r rate.Limit, burst int) Option {
	return func(c *Config) error {
		if r == rate.Inf {
			c.Limiter = rate.NewLimiter(rate.Inf, 0)
			return nil
		}
		if !(r > 0) {
			return invalid("WithRateLimit", "rate must be positive (rate.Inf turns limiting off)")
		}
		if burst < 1 {
			return invalid("WithRateLimit", "burst must be at least 1")
		}
		c.Limiter = rate.NewLimiter(r, burst)
		return nil
	}
}

// WithLimiter makes the adapter wait on lim, a budget it may share with
// other clients of the same credential (a *rate.Limiter, or a limiter
// over a shared store).
func WithLimiter(lim Limiter) Option {
	return func(c *Config) error {
		if lim == nil {
			return invalid("WithLimiter", "nil limiter")
		}
		c.Limiter = lim
		return nil
	}
}

func checkSecret(option, s string) error {
	if s == "" {
		return invalid(option, "must not be empty")
	}
	if strings.ContainsAny(s, " \t\r\n") {
		return invalid(option, "must not contain white space")
	}
	return nil
}

// WithAPIKey sets the platform API key (Trustpilot apikey, Etsy x-api-key,
// Yelp key, Lightspeed key). It is sent in a header, never in a URL, and
// never appears in an error or log line.
func WithAPIKey(key string) Option {
	return func(c *Config) error {
		if err := checkSecret("WithAPIKey", key); err != nil {
			return err
		}
		c.APIKey = key
		return nil
	}
}

// WithAPISecret sets the secret that goes with the API key (Lightspeed's
// HTTP Basic password).
func WithAPISecret(secret string) Option {
	return func(c *Config) error {
		if err := checkSecret("WithAPISecret", secret); err != nil {
			return err
		}
		c.APISecret = secret
		return nil
	}
}

// WithToken sets a ready bearer token (OAuth2 access token, App Store
// Connect JWT). See WithTokenFunc for tokens that expire.
func WithToken(token string) Option {
	return func(c *Config) error {
		if err := checkSecret("WithToken", token); err != nil {
			return err
		}
		c.Token = token
		return nil
	}
}

// WithTokenFunc supplies bearer tokens on demand. f is called before
// requests with stale == ""; after a 401 it is called once with the
// rejected token and should return a fresh one (the call is then retried
// once). Concurrent refreshes of the same stale token are merged. f must be
// safe for concurrent use.
func WithTokenFunc(f func(ctx context.Context, stale string) (string, error)) Option {
	return func(c *Config) error {
		if f == nil {
			return invalid("WithTokenFunc", "nil func")
		}
		c.TokenFunc = f
		return nil
	}
}

// WithLogger logs retries and waits at debug level to l. Without it the
// adapter logs nothing. Secrets and review texts are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *Config) error {
		if l == nil {
			return invalid("WithLogger", "nil logger")
		}
		c.Logger = l
		return nil
	}
}

// WithMaxRetryAfter caps how long a Retry-After (or reset) header may make
// a call wait (default 5 minutes); beyond it the call ends with
// *RateLimitError carrying the requested wait.
func WithMaxRetryAfter(d time.Duration) Option {
	return func(c *Config) error {
		if d <= 0 {
			return invalid("WithMaxRetryAfter", "must be positive")
		}
		c.MaxRetryAfter = d
		return nil
	}
}

// WithMaxRetries sets how many times an idempotent call is retried after
// the first attempt (default 4; 0 turns retries off).
func WithMaxRetries(n int) Option {
	return func(c *Config) error {
		if n < 0 || n > 100 {
			return invalid("WithMaxRetries", "must be within 0–100")
		}
		c.MaxRetries = n
		c.maxRetriesSet = true
		return nil
	}
}

// WithBackoff sets the exponential backoff: retry n waits a random time in
// [0, min(max, base·2ⁿ)] (defaults 500 ms and 30 s).
func WithBackoff(base, max time.Duration) Option {
	return func(c *Config) error {
		if base <= 0 || max < base {
			return invalid("WithBackoff", "need 0 < base <= max")
		}
		c.RetryBase, c.RetryMaxBackoff = base, max
		return nil
	}
}

// WithAttemptTimeout bounds each attempt (default 30 s); a timed-out
// attempt of an idempotent call is retried.
func WithAttemptTimeout(d time.Duration) Option {
	return func(c *Config) error {
		if d <= 0 {
			return invalid("WithAttemptTimeout", "must be positive")
		}
		c.AttemptTimeout = d
		return nil
	}
}

// WithMaxBodyBytes caps a success response body (default 8 MiB); a larger
// body ends the call with ErrBodyTooLarge.
func WithMaxBodyBytes(n int64) Option {
	return func(c *Config) error {
		if n <= 0 {
			return invalid("WithMaxBodyBytes", "must be positive")
		}
		c.MaxBodyBytes = n
		return nil
	}
}

// WithPageSize sets the items per page; adapters cap it at the platform's
// maximum.
func WithPageSize(n int) Option {
	return func(c *Config) error {
		if n <= 0 {
			return invalid("WithPageSize", "must be positive")
		}
		c.PageSize = n
		return nil
	}
}

// WithMaxPages caps the pages of one walk (default 10,000); a walk that
// reaches it ends with ErrPaginationLoop.
func WithMaxPages(n int) Option {
	return func(c *Config) error {
		if n <= 0 {
			return invalid("WithMaxPages", "must be positive")
		}
		c.MaxPages = n
		return nil
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Config) error {
		if ua == "" || strings.ContainsAny(ua, "\r\n") {
			return invalid("WithUserAgent", "must be a non-empty single line")
		}
		c.UserAgent = ua
		return nil
	}
}

// WithTimeZone sets the zone of zone-less platform timestamps.
func WithTimeZone(loc *time.Location) Option {
	return func(c *Config) error {
		if loc == nil {
			return invalid("WithTimeZone", "nil location")
		}
		c.Location = loc
		return nil
	}
}

// WithSetting stores an adapter-specific value. Adapters wrap it in their
// own named options (e.g. trustpilot.WithAuthorID); callers rarely need it.
func WithSetting(key, value string) Option {
	return func(c *Config) error {
		if key == "" {
			return invalid("WithSetting", "empty key")
		}
		if c.Settings == nil {
			c.Settings = map[string]string{}
		}
		c.Settings[key] = value
		return nil
	}
}
