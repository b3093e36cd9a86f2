package dev.switchboard.sandbox.http;

/** Answers one request. Handlers may block: every request runs on its own thread. */
@FunctionalInterface
public interface SandboxHandler {

    SandboxResponse handle(SandboxRequest request) throws Exception;
}
