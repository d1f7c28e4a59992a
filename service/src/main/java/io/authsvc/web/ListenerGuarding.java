package io.authsvc.web;

import io.authsvc.host.Hosts;
import io.authsvc.security.ProblemJson;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Guards the server's HTTP listeners while this WAR runs, where it owns the process ({@code Host#guardListeners}):
 * a path with a dot segment written with escapes, and ambiguous framing, get a 400 problem on every path of the
 * server, not only under {@code /auth}.
 */
@ApplicationScoped
public class ListenerGuarding {

    private static final Logger LOG = Logger.getLogger(ListenerGuarding.class.getName());

    private final AtomicBoolean guarded = new AtomicBoolean();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!guarded.compareAndSet(false, true)) {
            return; // Payara may announce the application scope more than once
        }
        int listeners = Hosts.current().guardListeners(detail -> ProblemJson.of(400, detail).toString());
        if (listeners > 0) {
            LOG.info(() -> "guarding " + listeners + " HTTP listener(s): escaped dot segments and ambiguous framing"
                    + " get 400 on every path of the server");
        }
    }

    @PreDestroy
    void stop() {
        if (guarded.get()) {
            Hosts.current().unguardListeners();
        }
    }
}
