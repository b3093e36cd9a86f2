package dev.switchboard.channel.whatsapp.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiInstance;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.OutboundMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreenApiCredentialsTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef01";
    private static final GreenApiProperties DEFAULTS = new GreenApiProperties(URI.create("https://api.green-api.com"),
            URI.create("https://media.green-api.com"), Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Test
    void defaultsFillInTheHostsAndOnlyTheTokenIsSecret() throws Exception {
        ChannelCredentials credentials = GreenApiCredentials.validate(Map.of("idInstance", 1101000001L,
                "apiTokenInstance", TOKEN), DEFAULTS);
        assertThat(credentials.toSealable()).containsEntry("idInstance", "1101000001")
                .containsEntry("apiUrl", "https://api.green-api.com").containsEntry("mediaUrl", "https://media.green-api.com");
        assertThat(credentials.secretFields()).containsExactly("apiTokenInstance");
        GreenApiInstance instance = GreenApiCredentials.instance(credentials);
        assertThat(instance.idInstance()).isEqualTo(1101000001L);
        assertThat(instance.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aPerServerApiHostImpliesItsMediaHost() {
        ChannelCredentials credentials = GreenApiCredentials.validate(Map.of("idInstance", "7105000001",
                "apiTokenInstance", TOKEN, "apiUrl", "https://7105.api.greenapi.com/"), DEFAULTS);
        assertThat(credentials.toSealable()).containsEntry("apiUrl", "https://7105.api.greenapi.com")
                .containsEntry("mediaUrl", "https://7105.media.greenapi.com");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> GreenApiCredentials.validate(Map.of(), DEFAULTS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("credentials.idInstance", "credentials.apiTokenInstance"));
    }

    @Test
    void wrongFormatsAreRefusedAsCredentialsWithWhatToCopy() {
        for (Map<String, Object> raw : List.<Map<String, Object>>of(
                Map.of("idInstance", "11010000011", "apiTokenInstance", TOKEN),
                Map.of("idInstance", "abc", "apiTokenInstance", TOKEN),
                Map.of("idInstance", "1101000001", "apiTokenInstance", "has spaces in it"),
                Map.of("idInstance", "1101000001", "apiTokenInstance", TOKEN, "apiUrl", "ftp://x"))) {
            ChannelCredentials credentials = GreenApiCredentials.validate(raw, DEFAULTS);
            assertThatThrownBy(() -> GreenApiCredentials.instance(credentials))
                    .isInstanceOfSatisfying(ChannelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ChannelException.Kind.PERMANENT);
                        assertThat(e.getMessage()).startsWith("credentials.").contains("Green API console")
                                .doesNotContain("has spaces");
                    });
        }
    }

    @Test
    void fileNamesComeFromTheMediaOrItsUrlAndNeedAnExtension() throws Exception {
        assertThat(GreenApiSender.fileName(new OutboundMessage.Media("https://x.test/a/menu.pdf?v=2", null, null)))
                .isEqualTo("menu.pdf");
        assertThat(GreenApiSender.fileName(new OutboundMessage.Media("https://x.test/download", null, "Menu.PDF")))
                .isEqualTo("Menu.PDF");
        assertThatThrownBy(() -> GreenApiSender.fileName(new OutboundMessage.Media("https://x.test/download", null, null)))
                .hasMessageContaining("media.fileName");
    }

    @Test
    void numberedChoicesLookLikeThePlatforms() {
        assertThat(GreenApiSender.numbered("Table at 8?", List.of(new OutboundMessage.Button("yes", "Yes"),
                new OutboundMessage.Button("map", "Map", "https://maps.test/x"))))
                .isEqualTo("Table at 8?\n\n1 — Yes\n2 — Map: https://maps.test/x");
    }
}
