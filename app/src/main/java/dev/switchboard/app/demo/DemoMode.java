package dev.switchboard.app.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode is on with {@code --demo} on the command line (or {@code demo=true} anywhere Spring
 * reads properties) or with the {@code demo} profile. Without it nothing of the demo exists.
 */
public final class DemoMode implements Condition {

    static final String PROPERTY = "demo";
    static final String PROFILE = "demo";

    public static boolean active(Environment environment) {
        String flag = environment.getProperty(PROPERTY);
        return flag != null && !"false".equalsIgnoreCase(flag.trim())
                || environment.acceptsProfiles(Profiles.of(PROFILE));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return active(context.getEnvironment());
    }
}
