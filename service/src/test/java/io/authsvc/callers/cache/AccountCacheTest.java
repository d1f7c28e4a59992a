package io.authsvc.callers.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.accounts.entity.Account;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cache's rules without a database: when it may be used, and that a racing read cannot put back a change. */
class AccountCacheTest {

    private final AccountCache cache = new AccountCache(100);
    private final UUID id = UUID.randomUUID();

    private Account account(int version) {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        return new Account(id, "a@example.com", "alice", null, true, false, Set.of("user"), now, now, null, version);
    }

    @Test
    void isNotUsedBeforeTheListenerVouchesForIt() {
        long stamp = cache.stamp(id);
        cache.put(id, stamp, account(0), null, null);
        assertFalse(cache.usable());
        assertNull(cache.get(id));

        cache.resume(System.nanoTime());
        assertTrue(cache.usable());
        assertNull(cache.get(id), "nothing was kept while the cache was not vouched for");
    }

    @Test
    void keepsWhatWasReadAndForgetsItOnANotification() {
        cache.resume(System.nanoTime());
        cache.put(id, cache.stamp(id), account(0), null, null);
        assertEquals(account(0), cache.get(id).account());

        long before = cache.invalidations();
        cache.invalidate(id);
        assertNull(cache.get(id));
        assertEquals(before + 1, cache.invalidations());
    }

    @Test
    void aReadThatRacedAChangeIsNotKept() {
        cache.resume(System.nanoTime());
        long stamp = cache.stamp(id);
        // the read of the old row is under way when the change is announced
        cache.invalidate(id);
        cache.put(id, stamp, account(0), null, null);
        assertNull(cache.get(id), "the account as it was before the change came back");

        long afterClear = cache.stamp(id);
        cache.clear();
        cache.put(id, afterClear, account(0), null, null);
        assertNull(cache.get(id), "the account as it was before a clearing came back");

        cache.put(id, cache.stamp(id), account(1), null, null);
        assertEquals(1, cache.get(id).account().tokenVersion());
    }

    @Test
    void aChangeOfAnotherAccountLeavesThisOneAlone() {
        cache.resume(System.nanoTime());
        cache.put(id, cache.stamp(id), account(0), null, null);
        cache.invalidate(UUID.randomUUID());
        assertNotNull(cache.get(id));
    }

    @Test
    void stopsBeingUsedWhenTheConnectionIsLostOrTheLeaseRunsOut() {
        cache.resume(System.nanoTime());
        cache.put(id, cache.stamp(id), account(0), null, null);
        cache.suspend();
        assertNull(cache.get(id));
        assertEquals(0, cache.listening());

        // a round trip long ago vouches no more
        cache.trustUntil(System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(AccountCache.LEASE_MILLIS + 1));
        assertFalse(cache.usable());

        cache.resume(System.nanoTime());
        assertNull(cache.get(id), "a new connection starts with an empty cache");
        assertEquals(1, cache.listening());
    }

    @Test
    void keepsTheSessionsSeenAliveWithTheirAccount() {
        cache.resume(System.nanoTime());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant end = Instant.now().plusSeconds(3600);
        cache.put(id, cache.stamp(id), account(0), first, end);
        cache.put(id, cache.stamp(id), account(0), second, end);
        cache.put(id, cache.stamp(id), account(0), null, null);
        assertEquals(end, cache.get(id).sessionEnd(first));
        assertEquals(end, cache.get(id).sessionEnd(second));
        assertNull(cache.get(id).sessionEnd(UUID.randomUUID()));

        // the account read anew with other values replaces the entry and its sessions
        cache.put(id, cache.stamp(id), account(1), null, null);
        assertNull(cache.get(id).sessionEnd(first));

        for (int i = 0; i < AccountCache.SESSIONS_PER_ACCOUNT + 5; i++) {
            cache.put(id, cache.stamp(id), account(1), UUID.randomUUID(), end);
        }
        assertEquals(AccountCache.SESSIONS_PER_ACCOUNT, cache.get(id).sessions().size());
    }

    @Test
    void sizeZeroTurnsItOffAndNegativeIsRefused() {
        AccountCache off = new AccountCache(0);
        off.resume(System.nanoTime());
        off.put(id, off.stamp(id), account(0), null, null);
        assertFalse(off.enabled());
        assertFalse(off.usable());
        assertNull(off.get(id));
        assertThrows(IllegalStateException.class, () -> new AccountCache(-1));
    }

    @Test
    void isBoundedBySize() {
        AccountCache small = new AccountCache(10);
        small.resume(System.nanoTime());
        for (int i = 0; i < 1000; i++) {
            UUID other = UUID.randomUUID();
            small.put(other, small.stamp(other), account(0), null, null);
        }
        small.cleanUp();
        assertTrue(small.entries() <= 10, "kept " + small.entries());
    }
}
