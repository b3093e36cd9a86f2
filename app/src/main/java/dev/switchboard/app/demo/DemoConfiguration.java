package dev.switchboard.app.demo;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode ({@code --demo} or the {@code demo} profile): the provider emulators of the
 * {@code sandbox} module start inside this process before any bean reads its configuration, the
 * channel clients are pointed at them, and a demo tenant is seeded once the server is up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.class)
class DemoConfiguration {

    /** Runs before any bean is created, so every client sees the emulators' URLs. */
    @Bean
    static BeanFactoryPostProcessor demoSandboxStarter() {
        return new SandboxStarter();
    }

    static final class SandboxStarter implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

        private ConfigurableEnvironment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = (ConfigurableEnvironment) environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            DemoSandbox sandbox = DemoSandbox.start();
            environment.getPropertySources().addFirst(new MapPropertySource("demo-sandbox", sandbox.properties()));
            ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition("demoSandbox", BeanDefinitionBuilder
                    .genericBeanDefinition(DemoSandbox.class, () -> sandbox).setDestroyMethodName("close")
                    .getBeanDefinition());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
