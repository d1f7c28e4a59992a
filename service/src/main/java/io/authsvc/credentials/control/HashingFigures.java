package io.authsvc.credentials.control;

import io.authsvc.metrics.Figures;
import io.authsvc.metrics.MetricsBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code auth_hash_queue} and {@code auth_hash_threads_busy}: the hashing pool as it is now. */
@ApplicationScoped
public class HashingFigures implements Figures {

    @Inject
    PasswordHasher hasher;

    @Override
    public void registerWith(MetricsBackend backend) {
        backend.gauge("auth_hash_queue", "Calls waiting for a hashing thread", hasher::queueLength);
        backend.gauge("auth_hash_threads_busy", "Hashing threads taken, of HASH_POOL_SIZE", hasher::busyThreads);
    }
}
