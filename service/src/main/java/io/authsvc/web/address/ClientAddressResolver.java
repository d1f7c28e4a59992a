package io.authsvc.web.address;

import io.authsvc.startup.StartupOrder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code TRUSTED_PROXIES}, read and checked at start-up (a bad entry stops it), applied to requests. */
@ApplicationScoped
public class ClientAddressResolver {

    private static final Logger LOG = Logger.getLogger(ClientAddressResolver.class.getName());

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> setting;

    private TrustedProxies trusted;

    @PostConstruct
    void init() {
        trusted = TrustedProxies.parse(setting.orElse(null));
    }

    void onStart(@Observes @Priority(StartupOrder.CLIENT_ADDRESSES) @Initialized(ApplicationScoped.class) Object event) {
        LOG.info(() -> trusted.isEmpty() ? "client address: the connection's peer (no TRUSTED_PROXIES)"
                : "client address: X-Forwarded-For behind TRUSTED_PROXIES " + setting.orElse(""));
    }

    public String resolve(HttpServletRequest request) {
        return ClientAddresses.resolve(request.getRemoteAddr(),
                ClientAddresses.headers(request.getHeaders("X-Forwarded-For")), trusted);
    }
}
