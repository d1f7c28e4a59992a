package io.authsvc.accounts.entity;

import io.authsvc.problems.InvalidInput;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The contract's rules for an account's email, username and full name. */
public final class AccountRules {

    public static final int EMAIL_MAX = 254;
    public static final int FULL_NAME_MAX = 200;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");
    /** One @, a local part and a dotted domain of the characters addresses use; no spaces, no quoting. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private AccountRules() {
    }

    /** Emails are kept trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static void checkEmail(String field, String email, InvalidInput.Collector errors) {
        if (email.length() > EMAIL_MAX) {
            errors.add(field, "must be at most " + EMAIL_MAX + " characters");
        } else if (!EMAIL.matcher(email).matches() || email.startsWith(".") || email.contains("..")
                || email.substring(0, email.indexOf('@')).endsWith(".")) {
            errors.add(field, "must be a valid email address");
        }
    }

    public static void checkUsername(String field, String username, InvalidInput.Collector errors) {
        if (!USERNAME.matcher(username).matches()) {
            errors.add(field, "must be 3 to 50 characters of A-Z a-z 0-9 . _ -");
        }
    }

    public static void checkFullName(String field, String fullName, InvalidInput.Collector errors) {
        if (fullName != null && fullName.codePointCount(0, fullName.length()) > FULL_NAME_MAX) {
            errors.add(field, "must be at most " + FULL_NAME_MAX + " characters");
        } else if (fullName != null && !isStorableText(fullName)) {
            errors.add(field, "must be Unicode text without NUL characters");
        }
    }

    /** Text PostgreSQL can keep as it was sent: no NUL, and no half of a surrogate pair (it would become '?'). */
    /** {@code roles} as an admin sends them: {@code user} always, and nothing but {@code user}, {@code admin}, {@code introspect}. */
    public static void checkRoles(String field, Set<String> roles, InvalidInput.Collector errors) {
        if (roles != null && (!User.ROLES.containsAll(roles) || !roles.contains(User.ROLE_USER))) {
            errors.add(field, "must hold \"user\" and nothing but \"user\", \"admin\" and \"introspect\"");
        }
    }

    public static boolean isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
