package io.authsvc.migration.control;

/** The database lacks what the importer writes to; the message tells the operator how to bring it up to date. */
public class SchemaTooOld extends RuntimeException {

    public SchemaTooOld(String message) {
        super(message, null, false, false);
    }
}
