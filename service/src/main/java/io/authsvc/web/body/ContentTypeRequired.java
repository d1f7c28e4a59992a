package io.authsvc.web.body;

import io.authsvc.problems.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A call to a method that reads a body ({@code @Consumes}) without a {@code Content-Type} is a 415 naming the types
 * it takes: without one, Jersey picked one of the methods and handed it no body (a null, a 500), RESTEasy another.
 * The check costs a header look-up on calls that send a type.
 */
@Provider
public class ContentTypeRequired implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Type") != null) {
            return;
        }
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null && method != null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        if (consumes != null) {
            throw new ProblemException(415, "The request needs a Content-Type: " + String.join(" or ", types(method)));
        }
    }

    /** What the methods of the same path and HTTP method take together (login: a form, or JSON). */
    private static Set<String> types(Method chosen) {
        Set<String> types = new LinkedHashSet<>();
        Path path = chosen.getAnnotation(Path.class);
        for (Method other : chosen.getDeclaringClass().getMethods()) {
            Path otherPath = other.getAnnotation(Path.class);
            boolean samePath = path == null ? otherPath == null : otherPath != null && path.value().equals(otherPath.value());
            Consumes consumes = other.getAnnotation(Consumes.class);
            if (samePath && consumes != null && sameVerb(chosen, other)) {
                types.addAll(Arrays.asList(consumes.value()));
            }
        }
        return types;
    }

    private static boolean sameVerb(Method one, Method other) {
        for (Annotation annotation : one.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return other.isAnnotationPresent(annotation.annotationType());
            }
        }
        return false;
    }
}
