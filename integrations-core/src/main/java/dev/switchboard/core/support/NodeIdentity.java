package dev.switchboard.core.support;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This process's name in leases ({@code pid@host/random}), unique even across restarts of the same pid. */
@Component
public class NodeIdentity {

    private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }
}
