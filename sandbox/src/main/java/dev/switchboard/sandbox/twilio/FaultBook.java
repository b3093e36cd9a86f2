package dev.switchboard.sandbox.twilio;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Armed faults per account; the first armed fault for the account fires and counts down. */
final class FaultBook {

    private static final class Armed {
        final String accountSid;
        final Fault fault;
        int remaining;

        Armed(String accountSid, Fault fault, int remaining) {
            this.accountSid = accountSid;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    synchronized void arm(String accountSid, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        armed.add(new Armed(accountSid, fault, times));
    }

    synchronized Optional<Fault> take(String accountSid) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed candidate = it.next();
            if (candidate.accountSid.equals(accountSid)) {
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
