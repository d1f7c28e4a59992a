/**
 * The server this WAR runs on, behind one small interface ({@link io.authsvc.host.Host}): what is process-wide (the
 * SIGTERM drain, the server's listeners, its log handlers, Payara's internals) happens only where the WAR owns the
 * process.
 */
package io.authsvc.host;
