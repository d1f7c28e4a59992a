package io.authsvc.it;

import java.lang.annotation.Annotation;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.Collections;
import org.jboss.arquillian.container.test.impl.enricher.resource.URLResourceProvider;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/**
 * On WildFly, Arquillian's {@code @ArquillianResource URL} names the loopback whenever the server listens on every
 * address (its ManagementClient turns 0.0.0.0 into 127.0.0.1). The tests call the machine's address, an untrusted
 * peer, as on Payara Micro, and HardeningIT the loopback, a trusted proxy: so there the URL names the machine's
 * address. On Payara nothing changes.
 */
public class MachineAddressUrls implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (TestEnvironment.isWildFly()) {
            builder.override(ResourceProvider.class, URLResourceProvider.class, Provider.class);
        }
    }

    public static class Provider extends URLResourceProvider {

        @Override
        public Object doLookup(ArquillianResource resource, Annotation... qualifiers) {
            Object found = super.doLookup(resource, qualifiers);
            if (found instanceof URL url && url.getHost().equals("127.0.0.1")) {
                try {
                    return new URL(url.getProtocol(), machineAddress(), url.getPort(), url.getFile());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return found;
        }
    }

    /** The first IPv4 address of an interface that is up and not the loopback, else the host name's. */
    static String machineAddress() {
        try {
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (face.isUp() && !face.isLoopback()) {
                    for (InetAddress address : Collections.list(face.getInetAddresses())) {
                        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                            return address.getHostAddress();
                        }
                    }
                }
            }
            return InetAddress.getLocalHost().getHostAddress();
        } catch (SocketException | UnknownHostException e) {
            throw new IllegalStateException("cannot find the machine's address", e);
        }
    }
}
