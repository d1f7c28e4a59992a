package io.authsvc.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem bodies: {@code type}, {@code title}, {@code status}, {@code detail}. */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    public static JsonObjectBuilder builder(int status, String detail) {
        return Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail);
    }

    public static JsonObject of(int status, String detail) {
        return builder(status, detail).build();
    }

    /** Writes the body straight to a servlet response, for errors that happen outside JAX-RS. */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = of(status, detail).toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            default -> "HTTP " + status;
        };
    }

    /** The default detail for a status the container produced without saying why. */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 401 -> "Not authenticated: send a valid bearer token";
            case 403 -> "Not allowed for this caller";
            case 404 -> "Not found";
            case 405 -> "Method not allowed on this path";
            case 406 -> "No acceptable representation: this service answers JSON";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service temporarily unavailable; try again shortly";
            default -> status >= 500 ? "Internal error" : title(status);
        };
    }
}
