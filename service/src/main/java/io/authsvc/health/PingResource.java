package io.authsvc.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /auth/ping}: 204 when the WAR answers, touching nothing else; open to anyone. A liveness probe for a
 * load balancer, and the benchmark's baseline: the cheapest request the service's HTTP stack can serve.
 */
@Path("ping")
public class PingResource {

    @GET
    public Response ping() {
        return Response.noContent().header("Cache-Control", "no-store").build();
    }
}
