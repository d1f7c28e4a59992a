package io.authsvc.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesAtTheConfiguredCostAndVerifies() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$2b$04$"), hash);
        assertEquals(4, PasswordHasher.costOf(hash));
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
    }

    @Test
    void verifiesPasslibHashesOfAnyCost() throws IOException {
        Properties fixture = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/passlib-hashes.properties")) {
            fixture.load(in);
        }
        for (String cost : new String[] {"cost12", "cost10"}) {
            String hash = fixture.getProperty(cost + ".hash");
            String password = fixture.getProperty(cost + ".password");
            assertTrue(hasher.verify(password, hash), cost);
            assertFalse(hasher.verify(password + "!", hash), cost);
            // the same hash with the $2a$ and $2y$ prefixes that other bcrypt libraries write
            assertTrue(hasher.verify(password, "$2a$" + hash.substring(4)), cost + " as 2a");
            assertTrue(hasher.verify(password, "$2y$" + hash.substring(4)), cost + " as 2y");
        }
    }

    @Test
    void neverCutsAPasswordOverSeventyTwoBytes() {
        String seventyTwo = "a".repeat(72);
        String hash = hasher.hash(seventyTwo);
        assertTrue(hasher.verify(seventyTwo, hash));
        // bcrypt would read only the first 72 bytes and say yes; we say no
        assertFalse(hasher.verify(seventyTwo + "b", hash));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(seventyTwo + "b"));
        assertFalse(PasswordHasher.fits("é".repeat(37)));
        assertTrue(PasswordHasher.fits("é".repeat(36)));
    }

    @Test
    void refusesWhatIsNotABcryptHash() {
        assertFalse(hasher.verify("x", "plain-text-password"));
        assertFalse(hasher.verify("x", null));
        assertEquals(-1, PasswordHasher.costOf("$1$abc"));
    }

    @Test
    void refusesACostOutsideBcryptsRange() {
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(32));
    }

    @Test
    void answersBusyQuicklyWhenNoHashingThreadFreesInTime() throws InterruptedException {
        PasswordHasher oneThread = new PasswordHasher(4, 1, Duration.ofMillis(200));
        String hash = oneThread.hash("correct horse battery staple");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> oneThread.onPool(() -> {
            running.countDown();
            awaitQuietly(release);
            return null;
        }));
        holder.start();
        assertTrue(running.await(10, TimeUnit.SECONDS), "the only hashing thread is taken");

        long start = System.nanoTime();
        HashingBusy busy = assertThrows(HashingBusy.class, () -> oneThread.verify("correct horse battery staple", hash));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 150 && waitedMillis < 2_000, "waited the start timeout, no longer: " + waitedMillis);
        assertTrue(busy.retryAfterSeconds() >= 1, "Retry-After is at least one second");
        assertThrows(HashingBusy.class, () -> oneThread.hash("another password here"));
        assertThrows(HashingBusy.class, () -> oneThread.verifyNothing("an unknown account's try"));

        release.countDown();
        holder.join(10_000);
        assertTrue(oneThread.verify("correct horse battery staple", hash), "works again once the thread is free");
    }

    @Test
    void neverRunsMoreHashesAtOnceThanThePoolHasThreads() throws InterruptedException {
        PasswordHasher twoThreads = new PasswordHasher(4, 2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread caller = new Thread(() -> twoThreads.onPool(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return null;
            }));
            callers.add(caller);
        }
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join(30_000);
        }
        assertEquals(2, most.get(), "six callers, two threads: two at once, never more");
    }

    @Test
    void refusesAnEmptyPool() {
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(4, 0, Duration.ofSeconds(1)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
