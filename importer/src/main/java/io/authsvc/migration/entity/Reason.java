package io.authsvc.migration.entity;

/** Why a record of the export did not become an account; the label is what the report prints. */
public enum Reason {

    NOT_A_DOCUMENT("not a document"),
    INVALID_ID("missing or invalid _id"),
    DUPLICATE_ID("duplicate _id"),
    INVALID_EMAIL("invalid email"),
    INVALID_USERNAME("invalid username"),
    NO_BCRYPT_HASH("no bcrypt hash"),
    UNREADABLE_FIELD("unreadable field"),
    DUPLICATE_EMAIL("duplicate email"),
    DUPLICATE_USERNAME("duplicate username");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
