package dev.switchboard.channel.telegram;

import dev.switchboard.channel.telegram.client.HttpTelegramClient;
import dev.switchboard.channel.telegram.client.TelegramClient;
import dev.switchboard.channel.telegram.webhook.TelegramWebhook;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.metrics.ProviderCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Registers the Telegram channel. Remove this module from the app and Telegram is gone; nothing else changes. */
@AutoConfiguration
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramAutoConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramProperties properties, ObjectProvider<ProviderCalls> calls) {
        return new HttpTelegramClient(properties, calls.getIfAvailable(() -> ProviderCalls.NONE));
    }

    @Bean
    ChannelProvider telegramChannel(TelegramClient client) {
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new TelegramChannel(client, new TelegramWebhook(json));
    }
}
