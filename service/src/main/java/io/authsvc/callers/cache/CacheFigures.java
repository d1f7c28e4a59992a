package io.authsvc.callers.cache;

import io.authsvc.metrics.Figures;
import io.authsvc.metrics.MetricsBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The account cache's {@code auth_account_cache_hits_total}, {@code …_misses_total}, {@code …_invalidations_total},
 * {@code auth_account_cache_entries} and {@code auth_account_cache_listening}; none while the cache is off.
 */
@ApplicationScoped
public class CacheFigures implements Figures {

    @Inject
    AccountCache cache;

    @Override
    public void registerWith(MetricsBackend backend) {
        if (!cache.enabled()) {
            return;
        }
        cache.reportTo(backend.counter("auth_account_cache_hits", "Token checks served from the account cache"),
                backend.counter("auth_account_cache_misses",
                        "Token checks that read the database while the account cache was usable"),
                backend.counter("auth_account_cache_invalidations",
                        "Accounts dropped from the cache on a change (a clearing counts one)"));
        backend.gauge("auth_account_cache_entries", "Accounts kept in the account cache", cache::entries);
        backend.gauge("auth_account_cache_listening",
                "1 while the listener vouches for the account cache, 0 while every call reads the database",
                cache::listening);
    }
}
