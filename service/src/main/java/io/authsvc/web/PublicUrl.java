package io.authsvc.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this service's resources are, for a {@code Location} header or a discovery document: under {@code PUBLIC_URL}
 * when it is set, else relative to the server (a path), never under the {@code Host} the request named, which is
 * the client's to choose ({@code Host: evil.example} must not send anyone to evil.example).
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "PUBLIC_URL")
    Optional<String> publicUrl;

    @Inject
    HttpServletRequest request;

    /** {@code PUBLIC_URL/path}, or {@code /auth/path} (RFC 9110 §10.2.2 allows a relative {@code Location}). */
    public String of(String path) {
        return configured().orElse(request.getContextPath() + "/") + path;
    }

    /**
     * An absolute URL of {@code /auth/} ending in a slash, for documents that need one: {@code PUBLIC_URL}, else the
     * address and port the connection came to (the server's own, as the socket knows them, not the Host header).
     */
    public String absoluteBase() {
        return configured().orElseGet(() -> {
            String address = request.getLocalAddr();
            String host = address.indexOf(':') >= 0 ? "[" + address.replaceFirst("%.*$", "") + "]" : address;
            return (request.isSecure() ? "https" : "http") + "://" + host + ":" + request.getLocalPort()
                    + request.getContextPath() + "/";
        });
    }

    public boolean isConfigured() {
        return configured().isPresent();
    }

    private Optional<String> configured() {
        return publicUrl.map(String::strip).filter(url -> !url.isEmpty()).map(url -> url.endsWith("/") ? url : url + "/");
    }
}
