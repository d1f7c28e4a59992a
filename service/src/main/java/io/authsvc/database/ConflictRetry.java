package io.authsvc.database;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs a {@link Retried} call again when the database aborted it for a deadlock (40P01) or a serialization failure
 * (40001), at most {@link #ATTEMPTS} times in all, after a short random pause. It wraps the {@code @Transactional}
 * interceptor (a smaller priority runs first), so that each attempt is a transaction of its own; a call made
 * inside a transaction that was already running is not repeated (its transaction is lost: the outermost call
 * repeats). After the last attempt the failure goes on to its mapper: 503 with {@code Retry-After}, never a 500.
 */
@Retried
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetry {

    static final int ATTEMPTS = 4;

    private static final Logger LOG = Logger.getLogger(ConflictRetry.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (transactions.getTransactionKey() != null) {
            return call.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (Exception failure) {
                if (attempt == ATTEMPTS || !DatabaseFailures.isConflict(failure)) {
                    throw failure;
                }
                int tried = attempt;
                LOG.fine(() -> call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName()
                        + " met a concurrent transaction (attempt " + tried + "), running it again");
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
            }
        }
    }
}
