package dev.switchboard.channel.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channel.telegram.model.TgUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written reader must read every real Update exactly as Jackson's record binding does. */
class TelegramUpdateReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsEveryFixtureAsDatabindDoes() throws IOException {
        List<JsonNode> updates = new ArrayList<>();
        for (String name : List.of("update-text.json", "update-photo.json", "update-callback.json")) {
            updates.add(JSON.readTree(fixture(name)));
        }
        JSON.readTree(fixture("update-contact-location.json")).forEach(updates::add);

        assertThat(updates).hasSize(8);
        for (JsonNode update : updates) {
            TgUpdate expected = JSON.treeToValue(update, TgUpdate.class);
            assertThat(TelegramUpdateReader.read(update)).isEqualTo(expected);
        }
    }

    @Test
    void aWronglyTypedIdIsMalformed() {
        JsonNode update = JSON.readTree("{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":\"abc\"}}}");

        assertThatThrownBy(() -> TelegramUpdateReader.read(update))
                .isInstanceOf(TelegramUpdateReader.MalformedUpdateException.class)
                .hasMessageContaining("id");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TelegramUpdateReaderTest.class.getResourceAsStream("/fixtures/telegram/" + name)) {
            return in.readAllBytes();
        }
    }
}
