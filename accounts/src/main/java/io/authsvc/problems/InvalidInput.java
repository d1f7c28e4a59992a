package io.authsvc.problems;

import java.util.ArrayList;
import java.util.List;

/** Input that parsed but broke a rule: 422 with one entry per field. */
public class InvalidInput extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super("invalid input", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects every broken rule of one request, so the client learns them all at once. */
    public static class Collector {

        private final List<FieldError> errors = new ArrayList<>();

        public void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        public boolean has(String field) {
            return errors.stream().anyMatch(error -> error.field().equals(field));
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
