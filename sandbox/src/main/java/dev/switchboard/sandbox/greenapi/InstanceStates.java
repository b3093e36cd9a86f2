package dev.switchboard.sandbox.greenapi;

import java.util.Set;

/** The values of stateInstance. */
final class InstanceStates {

    static final String NOT_AUTHORIZED = "notAuthorized";
    static final String AUTHORIZED = "authorized";
    static final String BLOCKED = "blocked";
    static final String SLEEP_MODE = "sleepMode";
    static final String STARTING = "starting";
    static final String YELLOW_CARD = "yellowCard";

    static final Set<String> ALL = Set.of(NOT_AUTHORIZED, AUTHORIZED, BLOCKED, SLEEP_MODE, STARTING, YELLOW_CARD);

    private InstanceStates() {
    }

    static String require(String state) {
        if (!ALL.contains(state)) {
            throw new IllegalArgumentException("unknown stateInstance " + state + ", expected one of " + ALL);
        }
        return state;
    }

    /** Methods that need a live WhatsApp session answer 400 in these states. */
    static void requireSession(String state) {
        if (STARTING.equals(state)) {
            throw GreenErrors.badRequest(GreenErrors.STARTING);
        }
        if (!AUTHORIZED.equals(state) && !YELLOW_CARD.equals(state)) {
            throw GreenErrors.badRequest(GreenErrors.NOT_AUTHORIZED);
        }
    }
}
