package io.authsvc.recovery.control;

import io.authsvc.problems.ProblemException;

/** 400: a mail's token that is unknown, used, superseded or expired: one and the same answer for all of them. */
public class MailTokenInvalid extends ProblemException {

    public MailTokenInvalid(AccountTokens.Purpose purpose) {
        super(400, purpose.refusal);
    }
}
