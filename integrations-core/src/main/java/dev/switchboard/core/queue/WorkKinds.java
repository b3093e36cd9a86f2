package dev.switchboard.core.queue;

/** The kinds of work the core pipeline enqueues. Modules may add their own. */
public final class WorkKinds {

    /** Hand an inbound message to the workflows, then the agent. */
    public static final String INBOUND = "inbound";
    /** Deliver one outbound message. */
    public static final String SEND = "send";
    /** Fetch a remote change an integration was told about ({@link dev.switchboard.core.channel.RemoteChange}). */
    public static final String SYNCHRONIZE = "synchronize";

    private WorkKinds() {
    }
}
