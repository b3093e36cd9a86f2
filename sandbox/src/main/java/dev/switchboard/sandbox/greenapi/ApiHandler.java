package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Serves {@code /waInstance{id}/{method}/{token}[/{extra}]} on the API base or the media base:
 * unknown instance → 403, wrong token → 401, unknown method, wrong HTTP verb or wrong host →
 * 404 (nginx page); then armed faults, optional rate limits, and the method under the state lock.
 * Every call addressed to a known instance is recorded.
 */
final class ApiHandler implements SandboxHandler {

    static final String MEDIA_PREFIX = "/media";
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final GreenState state;
    private final MethodTable methods;
    private final FaultBook faults;
    private final RateLimiter rateLimiter;
    private final boolean mediaHost;

    ApiHandler(GreenState state, MethodTable methods, FaultBook faults, RateLimiter rateLimiter, boolean mediaHost) {
        this.state = state;
        this.methods = methods;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.mediaHost = mediaHost;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        if (request.method().equals("OPTIONS")) {
            return SandboxResponse.bytes(204, null, new byte[0]);
        }
        String path = mediaHost ? request.path().substring(MEDIA_PREFIX.length()) : request.path();
        Optional<ApiPath> parsed = ApiPath.parse(path);
        if (parsed.isEmpty()) {
            return GreenErrors.notFound().response();
        }
        ApiPath apiPath = parsed.get();
        InstanceAccount account = state.locked(() -> state.instance(apiPath.numericId()));
        if (account == null) {
            return GreenErrors.forbidden().response();
        }
        boolean tokenValid = constantTimeEquals(apiPath.token(), account.instance.apiTokenInstance());
        Optional<MethodTable.Entry> entry = methods.find(apiPath.method());
        String method = entry.map(MethodTable.Entry::name).orElse(apiPath.method());
        SandboxResponse response = serve(request, account, apiPath, tokenValid, entry);
        int status = response.closeWithoutResponse() ? 0 : response.status();
        state.locked(() -> account.calls.add(new GreenCall(method, status, tokenValid, state.clock.now())));
        log.debug("green-api instance={} method={} status={}", account.id(), method, status);
        return response;
    }

    private SandboxResponse serve(SandboxRequest request, InstanceAccount account, ApiPath path, boolean tokenValid,
            Optional<MethodTable.Entry> found) {
        try {
            if (!tokenValid) {
                throw GreenErrors.unauthorized();
            }
            MethodTable.Entry entry = found.filter(candidate -> routable(candidate, request, path))
                    .orElseThrow(GreenErrors::notFound);
            Optional<Fault> fault = faults.take(account.id(), entry.name());
            if (fault.isPresent()) {
                Optional<SandboxResponse> faulted = inject(fault.get(), entry.name());
                if (faulted.isPresent()) {
                    return faulted.get();
                }
            }
            if (state.switches.rateLimits && !rateLimiter.tryAcquire(account.id(), entry.name(), state.clock.now())) {
                throw GreenErrors.tooManyRequests();
            }
            JsonNode result = state.locked(() -> invoke(entry, account, request, path));
            return SandboxResponse.json(200, result);
        } catch (GreenApiException e) {
            return e.response();
        }
    }

    private boolean routable(MethodTable.Entry entry, SandboxRequest request, ApiPath path) {
        boolean verbMatches = entry.verb().equals(request.method())
                || (entry.verb().equals("GET") && request.method().equals("HEAD"));
        return verbMatches && entry.media() == mediaHost && entry.extra() == (path.extra() != null);
    }

    private JsonNode invoke(MethodTable.Entry entry, InstanceAccount account, SandboxRequest request, ApiPath path) {
        if (!state.isCurrent(account)) {
            throw GreenErrors.forbidden();
        }
        return entry.method().invoke(new MethodCall(account, request, entry.name(), path.extra()));
    }

    /** An error fault answers instead of the method; a hang delays it and lets it run. */
    private static Optional<SandboxResponse> inject(Fault fault, String method) {
        return switch (fault.kind()) {
            case STATUS -> Optional.of(GreenErrors.forStatus(fault.status(), method));
            case DROP_CONNECTION -> Optional.of(SandboxResponse.dropConnection());
            case HANG -> {
                sleep(fault.hangDuration());
                yield Optional.empty();
            }
        };
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
