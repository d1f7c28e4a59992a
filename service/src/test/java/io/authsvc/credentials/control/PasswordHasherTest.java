package io.authsvc.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.web.Waiting;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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
    void refusesAtOnceACallPastTheBudgetAndServesTheCallsAdmittedBeforeIt() throws Exception {
        // one thread, a budget of 300 ms, hashes that take 200 ms: the running one and one queued fit, the next
        // (2 × 200 ms of expected wait) does not
        PasswordHasher oneThread = new PasswordHasher(4, 1, Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger served = new AtomicInteger();
        Thread first = new Thread(() -> oneThread.onPool(() -> {
            running.countDown();
            awaitQuietly(release);
            served.incrementAndGet();
            return null;
        }));
        first.start();
        assertTrue(running.await(10, TimeUnit.SECONDS), "the only hashing thread is taken");
        teach(oneThread, 200);
        Thread second = new Thread(() -> oneThread.onPool(served::incrementAndGet));
        second.start();
        waitUntil(() -> oneThread.queueLength() == 1);

        long start = System.nanoTime();
        HashingBusy busy = assertThrows(HashingBusy.class, () -> oneThread.hash("another password here"));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis < 100, "refused at once, without waiting first: " + waitedMillis + " ms");
        assertFalse(busy.callerGone());
        assertTrue(busy.retryAfterSeconds() >= 1, "Retry-After is at least one second");
        assertThrows(HashingBusy.class, () -> oneThread.verifyNothing("an unknown account's try"));
        assertThrows(HashingBusy.class, oneThread::checkAdmission, "the check before any database work agrees");

        release.countDown();
        first.join(10_000);
        second.join(10_000);
        assertEquals(2, served.get(), "the calls admitted before the refusal were both served");
        assertEquals(0, oneThread.queueLength());
        oneThread.checkAdmission();
        String hash = oneThread.hash("correct horse battery staple");
        assertTrue(oneThread.verify("correct horse battery staple", hash), "served again once the queue is short");
    }

    @Test
    void neverRefusesWhileAThreadIsIdle() {
        PasswordHasher noBudget = new PasswordHasher(4, 2, Duration.ZERO);
        teach(noBudget, 60_000);
        String hash = noBudget.hash("correct horse battery staple");
        assertTrue(noBudget.verify("correct horse battery staple", hash));
    }

    @Test
    void servesQueuedCallsInTheOrderTheyCame() throws Exception {
        PasswordHasher oneThread = new PasswordHasher(4, 1, Duration.ofSeconds(60));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Thread holder = new Thread(() -> oneThread.onPool(() -> {
            running.countDown();
            awaitQuietly(release);
            return null;
        }));
        holder.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int caller = i;
            Thread thread = new Thread(() -> oneThread.onPool(() -> order.add(caller)));
            callers.add(thread);
            thread.start();
            // the next caller comes only once this one is queued
            waitUntil(() -> oneThread.queueLength() == caller + 1);
        }
        release.countDown();
        for (Thread caller : callers) {
            caller.join(10_000);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), order, "first in, first out");
    }

    @Test
    void aCallerWhoseClientHungUpLeavesTheQueueAndItsHashIsNotComputed() throws Exception {
        PasswordHasher oneThread = new PasswordHasher(4, 1, Duration.ofSeconds(60));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Thread holder = new Thread(() -> oneThread.onPool(() -> {
            running.countDown();
            awaitQuietly(release);
            return null;
        }));
        holder.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        AtomicBoolean hungUp = new AtomicBoolean();
        AtomicInteger computed = new AtomicInteger();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread queued = new Thread(() -> {
            Waiting.set(hungUp::get);
            try {
                oneThread.onPool(computed::incrementAndGet);
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                Waiting.clear();
            }
        });
        queued.start();
        waitUntil(() -> oneThread.queueLength() == 1);
        hungUp.set(true);
        queued.join(10_000);
        assertTrue(outcome.get() instanceof HashingBusy busy && busy.callerGone(), "gave up: " + outcome.get());
        assertEquals(0, oneThread.queueLength(), "its place is free");
        release.countDown();
        holder.join(10_000);
        assertEquals(0, computed.get(), "its hash was never computed");
    }

    @Test
    void anInterruptedCallerLeavesTheQueue() throws Exception {
        PasswordHasher oneThread = new PasswordHasher(4, 1, Duration.ofSeconds(60));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Thread holder = new Thread(() -> oneThread.onPool(() -> {
            running.countDown();
            awaitQuietly(release);
            return null;
        }));
        holder.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        AtomicInteger computed = new AtomicInteger();
        Thread queued = new Thread(
                () -> assertThrows(HashingBusy.class, () -> oneThread.onPool(computed::incrementAndGet)));
        queued.start();
        waitUntil(() -> oneThread.queueLength() == 1);
        queued.interrupt();
        queued.join(10_000);
        assertEquals(0, oneThread.queueLength());
        release.countDown();
        holder.join(10_000);
        assertEquals(0, computed.get());
    }

    @Test
    void argon2idHashesVerifyAndEachSchemeAsksForTheOtherToBeReplaced() {
        PasswordHasher argon2 = new PasswordHasher(PasswordHasher.ARGON2ID_SCHEME, 4, 1, Duration.ofSeconds(10));
        String hash = argon2.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), hash);
        assertTrue(argon2.verify("correct horse battery staple", hash));
        assertFalse(argon2.verify("correct horse battery stapl", hash));
        assertFalse(argon2.needsRehash(hash));
        // the bcrypt hasher reads it too, and wants it back in bcrypt
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertTrue(hasher.needsRehash(hash));
        String bcrypt = hasher.hash("correct horse battery staple");
        assertTrue(argon2.verify("correct horse battery staple", bcrypt));
        assertTrue(argon2.needsRehash(bcrypt));
        assertFalse(hasher.needsRehash(bcrypt));
        // other parameters of the same scheme are replaced too
        assertTrue(argon2.needsRehash(hash.replace("m=7168,t=5", "m=7168,t=4")));
        assertTrue(hasher.needsRehash("$2b$05$" + bcrypt.substring(7)));
        assertFalse(hasher.needsRehash("$2a$04$" + bcrypt.substring(7)), "$2a$ of the same cost is as good");
        assertFalse(argon2.verify("x", "$argon2id$v=19$m=7168,t=5,p=1$bad"), "a broken hash is a no, not an error");
        assertThrows(IllegalStateException.class,
                () -> new PasswordHasher("scrypt", 4, 1, Duration.ofSeconds(1)));
    }

    /** Makes the hasher believe a hash takes {@code millis}. */
    private static void teach(PasswordHasher hasher, long millis) {
        try {
            var field = PasswordHasher.class.getDeclaredField("recentNanos");
            field.setAccessible(true);
            field.setLong(hasher, TimeUnit.MILLISECONDS.toNanos(millis));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting");
            Thread.sleep(5);
        }
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
