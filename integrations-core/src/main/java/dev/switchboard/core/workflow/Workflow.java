package dev.switchboard.core.workflow;

/**
 * Sees every inbound message before the agent and may consume it (a booking code, a button
 * press). Runs inside the transaction that completes the message's processing, so whatever it
 * writes and enqueues happens exactly once.
 */
public interface Workflow {

    /** @return true when the message was this workflow's; the agent then does not see it */
    boolean handle(InboundContext context);
}
