package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.FormDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Documented Twilio webhook bodies under src/test/resources/twilio. */
final class Fixtures {

    private Fixtures() {
    }

    static Map<String, String> form(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/twilio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return FormDecoder.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
