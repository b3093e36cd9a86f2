package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.RequestParams;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.util.Optional;

/**
 * The accounts.google.com / oauth2.googleapis.com side: authorization, token and revocation
 * endpoints (also under their older {@code /o/oauth2/...} paths), with faults and recording.
 */
final class OAuthApi implements SandboxHandler {

    static final String AUTHORIZE_PATH = "/o/oauth2/v2/auth";
    static final String TOKEN_PATH = "/token";
    static final String REVOKE_PATH = "/revoke";

    private record Outcome(SandboxResponse response, String account) {
    }

    private final GoogleState state;
    private final FaultBook faults;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final RevokeEndpoint revoke;

    OAuthApi(GoogleState state, GoogleSettings settings, FaultBook faults) {
        this.state = state;
        this.faults = faults;
        this.authorize = new AuthorizeEndpoint(state);
        this.token = new TokenEndpoint(state, settings);
        this.revoke = new RevokeEndpoint(state);
    }

    static String apiMethod(String path) {
        return switch (path) {
            case AUTHORIZE_PATH, "/o/oauth2/auth" -> "oauth.authorize";
            case TOKEN_PATH, "/o/oauth2/token" -> "oauth.token";
            case REVOKE_PATH, "/o/oauth2/revoke" -> "oauth.revoke";
            default -> "unknown";
        };
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String apiMethod = apiMethod(request.path());
        Outcome outcome;
        Optional<Fault> fault = faults.take(apiMethod, request.method(), request.path());
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_CONNECTION) {
            outcome = new Outcome(SandboxResponse.dropConnection(), null);
        } else if (fault.isPresent() && fault.get().kind() == Fault.Kind.ERROR) {
            outcome = new Outcome(faultResponse(fault.get()), null);
        } else {
            fault.ifPresent(CalendarApi::inject);
            outcome = serve(apiMethod, request);
        }
        SandboxResponse response = outcome.response();
        state.locked(() -> state.requests.add(new Request(state.clock.now(), request.method(), request.path(),
                request.uri().getRawQuery(), apiMethod, response.closeWithoutResponse() ? 0 : response.status(),
                request.header("Authorization").isPresent(), outcome.account(), null)));
        return response;
    }

    private Outcome serve(String apiMethod, SandboxRequest request) {
        try {
            return switch (apiMethod) {
                case "oauth.authorize" -> {
                    QueryParams query = QueryParams.parse(request.uri().getRawQuery());
                    AuthorizeEndpoint.Result result = state.locked(() -> authorize.authorize(query));
                    yield new Outcome(result.response(), result.account());
                }
                case "oauth.token" -> {
                    if (!request.method().equals("POST")) {
                        yield new Outcome(SandboxResponse.text(405, "text/plain", "Method Not Allowed"), null);
                    }
                    RequestParams params = params(request);
                    TokenEndpoint.Result result = state.locked(() -> token.exchange(request, params));
                    yield new Outcome(OAuthResponses.json(200, result.body()), result.account());
                }
                case "oauth.revoke" -> {
                    RequestParams params = params(request);
                    String account = state.locked(() -> revoke.revoke(params));
                    yield new Outcome(OAuthResponses.json(200, Json.object()), account);
                }
                default -> new Outcome(SandboxResponse.text(404, "text/html; charset=UTF-8",
                        "<!DOCTYPE html><title>Error 404 (Not Found)</title><p>404. That’s an error."), null);
            };
        } catch (OAuthError e) {
            return new Outcome(e.toResponse(), null);
        }
    }

    private static RequestParams params(SandboxRequest request) {
        try {
            return IncomingRequests.normalize(request).params();
        } catch (MalformedRequestException e) {
            throw OAuthError.invalidRequest("Invalid request body: " + e.getMessage());
        }
    }

    private static SandboxResponse faultResponse(Fault fault) {
        if (fault.status() >= 500) {
            return OAuthResponses.unavailable(fault.status());
        }
        return OAuthResponses.json(fault.status(),
                Json.object().put("error", fault.reason()).put("error_description", fault.message()));
    }
}
