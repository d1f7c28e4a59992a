package io.authsvc.migration.entity;

/** What one record of the export became: a user to write, or a record skipped with its reason. */
public sealed interface Mapped permits LegacyUser, Skipped {

    /** The record's position in the file, counting from 1. */
    int record();

    /** The old {@code _id} as text, for the report and {@code users.legacy_id}. */
    String legacyId();
}
