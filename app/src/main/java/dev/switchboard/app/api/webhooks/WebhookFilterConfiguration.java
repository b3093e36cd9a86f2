package dev.switchboard.app.api.webhooks;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.webhook.WebhookIngest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts {@link WebhookServlet} on {@code /webhooks/*}, beside (not behind) Spring MVC's dispatcher. */
@Configuration(proxyBeanMethods = false)
class WebhookServletConfiguration {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookIngest ingest, PublicUrl publicUrl, ProblemWriter problems) {
        ServletRegistrationBean<WebhookServlet> registration =
                new ServletRegistrationBean<>(new WebhookServlet(ingest, publicUrl, problems), "/webhooks/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
