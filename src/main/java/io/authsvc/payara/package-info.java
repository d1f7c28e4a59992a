/**
 * What the service needs from Payara that no API offers, reached by reflection and harmless elsewhere.
 * <ol>
 * <li>The graceful shutdown closes the HTTP listeners' sockets, so that new connections are refused while the
 *     calls in flight finish.</li>
 * <li>{@code /metrics} shows the connection pool's connections in use and idle.</li>
 * <li>On another server, or a Payara whose internals changed, each does nothing and the log says so.</li>
 * </ol>
 */
package io.authsvc.payara;
