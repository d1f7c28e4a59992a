package io.authsvc.web.body;

import io.authsvc.problems.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads an {@code application/x-www-form-urlencoded} body in place of the server's reader, which turned escapes of
 * bytes that are not UTF-8 ({@code %FF%FE}) into U+FFFD, so that two different passwords became one. Here the body
 * and every decoded name and value are strict UTF-8 ({@link Utf8Body}), and a {@code %} not followed by two hex
 * digits is a 400 as well.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultivaluedMap.class;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) throws IOException {
        try {
            return parse(Utf8Body.read(entityStream, mediaType));
        } catch (Utf8Body.Unreadable e) {
            throw new ProblemException(400, e.getMessage());
        }
    }

    /** @throws Utf8Body.Unreadable for an escape that is no escape, or escaped bytes that are not UTF-8 */
    static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            form.add(name, value);
        }
        return form;
    }

    /** One name or value: {@code +} is a space, {@code %XX} a byte, and the bytes must be UTF-8. */
    private static String decode(String component) {
        if (component.indexOf('%') < 0 && component.indexOf('+') < 0) {
            return component;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= component.length() || !HexFormat.isHexDigit(component.charAt(i + 1))
                        || !HexFormat.isHexDigit(component.charAt(i + 2))) {
                    throw new Utf8Body.Unreadable("The form is not valid: a % is not followed by two hex digits");
                }
                bytes.write(HexFormat.fromHexDigits(component, i + 1, i + 3));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Raw text past ASCII (the body was valid UTF-8): its own UTF-8 bytes.
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                bytes.writeBytes(component.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return Utf8Body.decode(bytes.toByteArray());
    }
}
