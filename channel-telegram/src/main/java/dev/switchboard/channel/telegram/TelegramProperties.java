package dev.switchboard.channel.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.telegram.*}.
 *
 * @param apiUrl         Bot API base ({@code SWITCHBOARD_TELEGRAM_API_URL}); tests point it at the sandbox
 * @param connectTimeout TCP connect timeout of every call
 * @param requestTimeout answer timeout of every call but getUpdates (which waits its poll timeout more)
 */
@ConfigurationProperties("switchboard.telegram")
public record TelegramProperties(
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout) {
}
