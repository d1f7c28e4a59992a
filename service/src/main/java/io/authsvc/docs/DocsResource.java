package io.authsvc.docs;

import io.authsvc.problems.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code /auth/docs}: the interactive API documentation, Swagger UI from its webjar reading this WAR's own
 * OpenAPI document, {@code /auth/docs/openapi.yaml}; of the webjar only the files this page loads are served.
 * A literal path, so it is never taken for a user id.
 */
@Path("docs")
public class DocsResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "yaml", "application/yaml; charset=utf-8");
    /**
     * The webjar's files that this service's page loads, and no other: the webjar also holds Swagger UI's stock
     * page ({@code index.html}, whose {@code swagger-initializer.js} loads a public demo API), its OAuth2 redirect
     * page and source maps, none of which may be served on the auth service's origin.
     */
    private static final Set<String> WEBJAR_FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js");

    @GET
    public Response page() {
        return file("docs/index.html", "html");
    }

    /**
     * This WAR's own OpenAPI document, whatever else the server runs: the server's {@code /openapi} merges every
     * application's (on Payara titled "Deployed Resources", with another WAR's paths among ours) and, on WildFly,
     * writes the context root into the paths. Swagger UI on this page reads this one.
     */
    @GET
    @Path("openapi.yaml")
    public Response openApi() {
        return file("META-INF/openapi.yaml", "yaml");
    }

    /** Our own docs.js, and the few Swagger UI files the page loads; names only, so nothing else can be read. */
    @GET
    @Path("{file: [A-Za-z0-9][A-Za-z0-9._-]*}")
    public Response asset(@PathParam("file") String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        if ("docs.js".equals(file)) {
            return file("docs/docs.js", extension);
        }
        if (!WEBJAR_FILES.contains(file)) {
            throw new ProblemException(404, "No such file");
        }
        return file(WEBJAR + file, extension);
    }

    private static Response file(String resource, String extension) {
        InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ProblemException(404, "No such file");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(in, TYPES.get(extension)).cacheControl(cache).build();
    }

    private static String webjarVersion() {
        try (InputStream in = DocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("the swagger-ui webjar is missing from the WAR", e));
        }
    }
}
