/**
 * What every request under /auth goes through before the resources: one filter per job, in web.xml's order
 * ({@link io.authsvc.web.RequestIdFilter}, {@link io.authsvc.web.logging.AccessLogFilter},
 * {@link io.authsvc.web.address.ClientAddressFilter}, {@link io.authsvc.web.shutdown.InFlightFilter},
 * {@link io.authsvc.web.RawRequestFilter}, {@link io.authsvc.web.BodyLimitFilter}, {@link io.authsvc.web.CorsFilter});
 * the rooms {@code address} (the client's address), {@code shutdown} (the graceful shutdown) and {@code logging}
 * (request ids in log lines, the access log, appended files).
 * <ol>
 * <li>Every response, error pages included, carries {@code X-Content-Type-Options: nosniff} and an
 *     {@code X-Request-Id} (the client's own when it is short and plain, else a new UUID).</li>
 * <li>A body over 64 KB is a 413 problem: unread when its length says so, cut off at the limit when chunked; a
 *     body that cannot be read to its end closes its connection with the answer.</li>
 * <li>A query string that names a credential ({@code ?password=}) is a 400 problem on every path, and no request
 *     with a query string shows its parameters through the servlet API (Jersey logged the URL of such a form).</li>
 * <li>The client address is the connection's peer or, when the peer is in {@code TRUSTED_PROXIES}, the last
 *     address of {@code X-Forwarded-For} that is not trusted. Addresses are parsed as literals, never looked up;
 *     a bad {@code TRUSTED_PROXIES} stops the start-up.</li>
 * <li>Every line the server logs while a request runs starts with {@code [request_id=...]}; with
 *     {@code ACCESS_LOG_FILE} set, each request is appended to it as one JSON line once answered.</li>
 * <li>On SIGTERM or SIGINT the service stops taking connections, lets the calls in flight finish (at most
 *     {@code SHUTDOWN_TIMEOUT_MS}), and only then lets the server stop.</li>
 * </ol>
 */
package io.authsvc.web;
