package io.authsvc.migration.entity;

import jakarta.json.JsonValue;

/** One top-level value of an export: its position in the file (record from 1, line from 1) and the value. */
public record Document(int record, long line, JsonValue value) {
}
