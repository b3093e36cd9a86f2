package dev.switchboard.sandbox.greenapi;

import tools.jackson.databind.JsonNode;

/** One API method; runs with the state lock held and answers 200 with its JSON result. */
@FunctionalInterface
interface GreenMethod {

    /** The result (JSON null for a literal {@code null}); throws {@link GreenApiException} for errors. */
    JsonNode invoke(MethodCall call);
}
