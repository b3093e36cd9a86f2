package dev.switchboard.app.api.webhooks;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.webhook.WebhookIngest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Mounts {@link WebhookFilter} on {@code /webhooks/*}, first in the chain: it never calls the rest. */
@Configuration(proxyBeanMethods = false)
class WebhookFilterConfiguration {

    @Bean
    FilterRegistrationBean<WebhookFilter> webhookFilter(WebhookIngest ingest, PublicUrl publicUrl, ProblemWriter problems) {
        FilterRegistrationBean<WebhookFilter> registration =
                new FilterRegistrationBean<>(new WebhookFilter(ingest, publicUrl, problems));
        registration.addUrlPatterns(WebhookFilter.PREFIX + "/*");
        registration.setName("webhooks");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
