/**
 * What the service needs from Payara that no API offers, reached by reflection and harmless elsewhere.
 * <ol>
 * <li>The graceful shutdown closes the HTTP listeners' sockets, so that new connections are refused while the
 *     calls in flight finish.</li>
 * <li>Where the WAR owns the process, a filter on each HTTP listener refuses (400, connection closed) a path
 *     with a dot segment written with escapes and a request with both {@code Content-Length} and
 *     {@code Transfer-Encoding}, before Payara decodes or drops what shows them, and a head Grizzly reads more
 *     leniently than RFC 9112 allows ({@link io.authsvc.payara.ListenerGuard}); before Grizzly's parser, a head
 *     not whole within 20 s closes its connection ({@link io.authsvc.payara.HeadDeadline}).</li>
 * <li>{@code /metrics} shows the connection pool's connections in use and idle.</li>
 * <li>On another server, or a Payara whose internals changed, each does nothing and the log says so.</li>
 * </ol>
 */
package io.authsvc.payara;
