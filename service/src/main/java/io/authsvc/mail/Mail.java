package io.authsvc.mail;

/** One mail as the outbox keeps it: to one address, with a text and an HTML part. */
public record Mail(String recipient, String subject, String text, String html) {
}
