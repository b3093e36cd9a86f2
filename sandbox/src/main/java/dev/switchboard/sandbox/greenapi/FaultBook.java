package dev.switchboard.sandbox.greenapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Armed faults per instance; the first armed fault matching a call fires and counts down. */
final class FaultBook {

    private static final class Armed {
        final long idInstance;
        final String method;
        final Fault fault;
        int remaining;

        Armed(long idInstance, String method, Fault fault, int remaining) {
            this.idInstance = idInstance;
            this.method = method;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(long callInstance, String callMethod) {
            return idInstance == callInstance && (method.equals("*") || method.equalsIgnoreCase(callMethod));
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    synchronized void arm(long idInstance, String method, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        armed.add(new Armed(idInstance, method, fault, times));
    }

    synchronized Optional<Fault> take(long idInstance, String method) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed candidate = it.next();
            if (candidate.matches(idInstance, method)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        armed.clear();
    }
}
