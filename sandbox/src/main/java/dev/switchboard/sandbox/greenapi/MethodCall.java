package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.SandboxRequest;

/** What a method sees: the instance, the raw request and the path's extra segment. */
record MethodCall(InstanceAccount account, SandboxRequest request, String method, String extra) {
}
