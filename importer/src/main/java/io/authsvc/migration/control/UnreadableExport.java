package io.authsvc.migration.control;

/** The file is not JSON where it should be; the message names the file, line and record for the operator. */
public class UnreadableExport extends RuntimeException {

    public UnreadableExport(String message) {
        super(message, null, false, false);
    }
}
