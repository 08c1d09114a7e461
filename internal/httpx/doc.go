// Package httpx is the HTTP core every sources adapter sends its requests
// through. It is internal: users configure it with the sources.With*
// options.
//
// An adapter builds one Client from its sources.Config and, if the
// platform does not take a bearer token, sets Authorize:
//
//	cfg, err := sources.NewConfig(sources.Config{Platform: "trustpilot",
//		BaseURL: "https://api.trustpilot.com", Rate: 2.7, Burst: 3}, opts...)
//	hc, err := httpx.New(cfg)
//	hc.Authorize = func(req *http.Request, token string) {
//		req.Header.Set("apikey", cfg.APIKey)
//	}
//	var page wirePage
//	_, err = hc.GetJSON(ctx, &httpx.Request{Path: "/v1/business-units/" +
//		url.PathEscape(id) + "/reviews", Query: q, Page: "2"}, &page)
//
// What every call gets:
//
//   - The limiter (Config.Limiter) is waited on before every attempt,
//     retries included; an emptied quota window seen in the rate headers
//     (ParseHint) holds every later attempt until it resets.
//   - GET, HEAD, PUT, DELETE and OPTIONS (and a POST marked Idempotent) are
//     retried on 408, 429, 500, 502, 503, 504, transport errors, attempt
//     timeouts and truncated bodies, up to Config.MaxRetries times, after
//     Retry-After (seconds or HTTP date) or the platform's reset header,
//     else a full-jitter exponential backoff (Config.RetryBase doubling up
//     to Config.RetryMaxBackoff). A wait over Config.MaxRetryAfter (default
//     5 minutes) ends the call with *sources.RateLimitError.
//   - Success bodies are capped at Config.MaxBodyBytes (default 8 MiB,
//     sources.ErrBodyTooLarge beyond), error bodies at 64 KiB.
//   - 401/403 and 404 are *sources.HTTPError values that match
//     sources.ErrUnauthorized and sources.ErrNotFound.
//   - No key, secret or token appears in an error, URL string or log line:
//     configured secrets and tokens from Config.TokenFunc are replaced by
//     REDACTED, and errors name the path without the query string.
//   - A cancelled context ends a call at once, in a limiter wait or a
//     backoff too, with ctx.Err().
//   - With sources.WithLogger, each retry is logged at debug level, and each
//     is reported as a sources.EventRetry to sources.WithObserver.
package httpx
