package io.authsvc.accounts.control;

import io.authsvc.accounts.entity.Account;
import java.util.List;

/** One page of the list, how many rows match in all, and where the next page starts (null on the last). */
public record UserPage(List<Account> users, long total, UserQuery.Cursor next) {
}
