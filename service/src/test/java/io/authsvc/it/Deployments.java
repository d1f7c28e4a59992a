package io.authsvc.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that the build just packaged, deployed as it would be in production (context root /auth). */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive authWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war", "target/auth.war")));
    }
}
