package io.authsvc.migration.entity;

/** A record that did not become an account; {@code detail} says what was wrong, never with a hash or password. */
public record Skipped(int record, String legacyId, Reason reason, String detail) implements Mapped {

    /** Shown for a record without a usable {@code _id}. */
    public static final String NO_ID = "-";

    public Skipped {
        legacyId = legacyId == null ? NO_ID : legacyId;
    }

    public String line() {
        return "skipped record " + record + " (_id " + legacyId + "): " + reason.label()
                + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
