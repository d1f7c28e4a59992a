package io.authsvc.accounts.control;

/** Counts of accounts, as {@code GET /auth/stats} shows them. */
public record Stats(long totalUsers, long activeUsers, long inactiveUsers) {
}
