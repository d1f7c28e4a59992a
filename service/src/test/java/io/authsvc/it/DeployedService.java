package io.authsvc.it;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box integration test shares: the packaged auth WAR deployed as in production (context root
 * {@code /auth}, {@code testable = false}: the tests run outside the server), its URL, and a client for it. Arquillian
 * finds the inherited {@code @Deployment} and {@code @ArquillianResource}; JUnit runs {@link #newClient} before a
 * subclass's own {@code @BeforeEach} methods.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedService {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authWar();
    }

    @ArquillianResource
    URL url;

    /** The service, called through the machine's address (an untrusted peer). */
    Api api;

    /** Each registration sends a verification mail: an SMTP server takes it. */
    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    @BeforeEach
    void newClient() {
        api = new Api(url);
    }

    /** The service through the loopback, which the test settings trust as a proxy: X-Forwarded-For names the client. */
    Api loopback() throws Exception {
        return new Api(new URI("http", null, "127.0.0.1", url.getPort(), url.getPath(), null, null).toURL());
    }
}
