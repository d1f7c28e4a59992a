package io.authsvc.problems;

import io.authsvc.security.ProblemJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 422 with {@code errors: [{field, message}]}. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput exception) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        exception.errors().forEach(error -> errors.add(Json.createObjectBuilder()
                .add("field", error.field())
                .add("message", error.message())));
        String detail = exception.errors().size() == 1
                ? exception.errors().get(0).field() + ": " + exception.errors().get(0).message()
                : "The request breaks " + exception.errors().size() + " rules";
        return Response.status(422, "Unprocessable Content")
                .type(ProblemJson.MEDIA_TYPE)
                .entity(ProblemJson.builder(422, detail).add("errors", errors).build())
                .build();
    }
}
