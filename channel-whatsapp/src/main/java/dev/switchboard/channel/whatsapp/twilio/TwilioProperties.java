package dev.switchboard.channel.whatsapp.twilio;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.twilio.*}.
 *
 * @param apiUrl         Twilio REST base ({@code SWITCHBOARD_TWILIO_API_URL}); tests point it at the sandbox
 * @param connectTimeout TCP connect timeout of every call
 * @param requestTimeout answer timeout of every call
 */
@ConfigurationProperties("switchboard.twilio")
public record TwilioProperties(
        @DefaultValue("https://api.twilio.com") URI apiUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout) {
}
