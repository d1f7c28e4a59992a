package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from Debian's packages that a test needs (chromium, haproxy) is not installed: the test fails under
 * CI=true, where .ci/run installs it, and is skipped loudly anywhere else.
 */
final class MissingTool {

    private static final Logger LOG = Logger.getLogger(MissingTool.class.getName());

    private MissingTool() {
    }

    static void stop(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        LOG.severe("\n\n*** " + message + ": SKIPPED ***\n");
        Assumptions.abort(message);
    }
}
