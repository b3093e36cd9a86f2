package dev.switchboard.core.queue;

/** The kinds of work the core pipeline enqueues. Modules may add their own. */
public final class WorkKinds {

    /** Hand an inbound message to the workflows, then the agent. */
    public static final String INBOUND = "inbound";
    /** Deliver one outbound message. */
    public static final String SEND = "send";

    private WorkKinds() {
    }
}
