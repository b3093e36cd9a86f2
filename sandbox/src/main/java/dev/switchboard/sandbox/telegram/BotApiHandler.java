package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /bot<token>/<method>}: token check, method lookup, armed faults, optional
 * flood control, then the method under the state lock; every call by a known bot is recorded.
 */
final class BotApiHandler implements SandboxHandler {

    private static final Logger log = LoggerFactory.getLogger(BotApiHandler.class);

    private final TelegramState state;
    private final MethodTable methods;
    private final FaultBook faults;
    private final RateLimiter rateLimiter;
    private final EmulatorSettings settings;

    BotApiHandler(TelegramState state, MethodTable methods, FaultBook faults, RateLimiter rateLimiter,
            EmulatorSettings settings) {
        this.state = state;
        this.methods = methods;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        Optional<ApiPath> path = ApiPath.parse(request.path());
        if (path.isEmpty()) {
            return Envelopes.error(ApiException.notFound());
        }
        sleep(settings.latency);
        String token = path.get().token();
        if (!ApiPath.plausibleToken(token)) {
            return Envelopes.error(new ApiException(401, "Unauthorized: invalid token specified", null));
        }
        BotAccount account = state.locked(() -> state.account(token));
        if (account == null) {
            return Envelopes.error(ApiException.unauthorized());
        }
        Optional<MethodTable.Entry> entry = methods.find(path.get().method());
        String method = entry.map(MethodTable.Entry::name).orElse(path.get().method());
        Outcome outcome = serve(request, account, entry, method);
        record(account, method, outcome);
        return outcome.response();
    }

    /** The response plus what the call journal shows for it. */
    private record Outcome(SandboxResponse response, int status, String description) {

        static Outcome of(ApiResult result) {
            return new Outcome(Envelopes.ok(result), 200, null);
        }

        static Outcome of(ApiException error) {
            return new Outcome(Envelopes.error(error), error.status(), error.description());
        }
    }

    private Outcome serve(SandboxRequest request, BotAccount account, Optional<MethodTable.Entry> entry,
            String method) {
        try {
            if (state.locked(() -> account.revoked)) {
                throw ApiException.unauthorized();
            }
            MethodTable.Entry found = entry.orElseThrow(() -> new ApiException(404, "Not Found: method not found", null));
            TelegramParams params = parameters(request);
            Optional<Fault> fault = faults.take(account.token(), method, params.numericChatId());
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_CONNECTION) {
                return new Outcome(SandboxResponse.dropConnection(), 0, "connection dropped");
            }
            fault.ifPresent(this::inject);
            throttle(account, method, params);
            ApiResult result = state.locked(() -> invoke(found, account, params));
            return Outcome.of(result);
        } catch (ApiException e) {
            return Outcome.of(e);
        }
    }

    private ApiResult invoke(MethodTable.Entry entry, BotAccount account, TelegramParams params) {
        if (!state.isCurrent(account) || account.revoked) {
            throw ApiException.unauthorized();
        }
        return entry.method().invoke(new CallContext(account, params, entry.name()));
    }

    private static TelegramParams parameters(SandboxRequest request) {
        try {
            return new TelegramParams(request.params());
        } catch (MalformedRequestException e) {
            throw ApiException.badRequest("can't parse request body: " + e.getMessage());
        }
    }

    /** Error faults answer instead of the method; a hang delays it and then lets it run. */
    private void inject(Fault fault) {
        if (fault.kind() == Fault.Kind.HANG) {
            sleep(fault.hangDuration());
        } else {
            throw fault.toException();
        }
    }

    private void throttle(BotAccount account, String method, TelegramParams params) {
        if (!method.startsWith("send") || method.equals("sendChatAction")) {
            return;
        }
        OptionalInt retryAfter = rateLimiter.acquire(account.id(), params.numericChatId(), state.clock.now());
        if (retryAfter.isPresent()) {
            throw ApiException.tooManyRequests(retryAfter.getAsInt());
        }
    }

    private void record(BotAccount account, String method, Outcome outcome) {
        ApiCall call = new ApiCall(method, outcome.status(), outcome.description(), state.clock.now());
        state.locked(() -> account.journal.calls.add(call));
        log.debug("telegram bot={} method={} status={}", Tokens.mask(account.token()), method, outcome.status());
    }

    private static void sleep(Duration duration) {
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
