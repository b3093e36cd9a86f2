package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Serves {@code /calendar/v3/...}: undoes the Java client's wire habits, fires armed faults,
 * checks the bearer token and its scopes, then runs the method under the state lock. Every
 * call is recorded.
 */
final class CalendarApi implements SandboxHandler {

    static final String PREFIX = "/calendar/v3/";

    private final GoogleState state;
    private final GoogleSettings settings;
    private final FaultBook faults;
    private final CalendarRoutes routes;

    CalendarApi(GoogleState state, GoogleSettings settings, FaultBook faults, CalendarRoutes routes) {
        this.state = state;
        this.settings = settings;
        this.faults = faults;
        this.routes = routes;
    }

    @Override
    public SandboxResponse handle(SandboxRequest incoming) {
        String bearer = bearer(incoming);
        SandboxRequest request;
        QueryParams query;
        try {
            request = IncomingRequests.normalize(incoming);
            query = QueryParams.parse(request.uri().getRawQuery());
        } catch (MalformedRequestException e) {
            return record(incoming, "unknown", ApiError.badRequest("Bad Request").toResponse(), bearer);
        }
        Optional<CalendarRoutes.Match> match = routes.match(request.method(), segments(request));
        String apiMethod = match.map(found -> found.route().apiMethod()).orElse("unknown");
        String token = bearer != null ? bearer : query.get("access_token").orElse(null);
        SandboxResponse response;
        try {
            Optional<Fault> fault = faults.take(apiMethod, request.method(), request.path());
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_CONNECTION) {
                return record(request, apiMethod, SandboxResponse.dropConnection(), token);
            }
            fault.ifPresent(CalendarApi::inject);
            CalendarRoutes.Match found = match.orElseThrow(ApiError::notFound);
            response = state.locked(() -> {
                Account caller = authenticate(token, found.route().scopes());
                return found.route().action().invoke(new CallContext(state, caller, request, query, found.params()));
            });
        } catch (ApiError e) {
            response = e.toResponse();
        }
        return record(request, apiMethod, response, token);
    }

    /** Error faults answer instead of the method; a delay holds the call and lets it run. */
    static void inject(Fault fault) {
        if (fault.kind() == Fault.Kind.DELAY) {
            sleep(fault.delayDuration());
        } else if (fault.kind() == Fault.Kind.ERROR) {
            throw fault.toApiError();
        }
    }

    /** Under the lock. */
    private Account authenticate(String token, Set<String> acceptedScopes) {
        if (token == null) {
            throw ApiError.loginRequired();
        }
        AccessToken access = state.tokens.accessToken(token);
        if (access == null || !access.usableAt(state.clock.now())) {
            throw ApiError.invalidCredentials();
        }
        if (settings.enforceScopes && !Scopes.anyOf(access.scopes, acceptedScopes)) {
            throw ApiError.insufficientScopes(Scopes.PREFIX + "calendar");
        }
        Account account = state.account(access.email);
        if (account == null) {
            throw ApiError.invalidCredentials();
        }
        return account;
    }

    private String owner(String token) {
        AccessToken access = token == null ? null : state.tokens.accessToken(token);
        return access == null ? null : access.email;
    }

    /** The bearer token, "" for another scheme (so it fails as invalid), null without the header. */
    private static String bearer(SandboxRequest request) {
        return request.header("Authorization").map(value -> {
            String trimmed = value.trim();
            return trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ") ? trimmed.substring(7).trim() : "";
        }).orElse(null);
    }

    private static List<String> segments(SandboxRequest request) {
        String raw = request.uri().getRawPath();
        List<String> segments = new ArrayList<>();
        if (!raw.startsWith(PREFIX)) {
            return segments;
        }
        for (String segment : raw.substring(PREFIX.length()).split("/", -1)) {
            // Path segments: '+' is a literal plus, not a space.
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return segments;
    }

    private SandboxResponse record(SandboxRequest request, String apiMethod, SandboxResponse response,
            String token) {
        state.locked(() -> state.requests.add(new Request(state.clock.now(), request.method(), request.path(),
                request.uri().getRawQuery(), apiMethod, response.closeWithoutResponse() ? 0 : response.status(),
                request.header("Authorization").isPresent(), owner(token), token)));
        return response;
    }

    static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
