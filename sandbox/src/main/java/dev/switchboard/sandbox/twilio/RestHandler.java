package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves {@code /2010-04-01/Accounts/...}: HTTP Basic {@code AccountSid:AuthToken} (401/20003), the
 * path's account must be the authenticated one (404/20404), then armed faults, then the account
 * fetch, message create, list and fetch. JSON answers carry a Twilio-Request-Id.
 */
final class RestHandler implements SandboxHandler {

    static final String PREFIX = "/2010-04-01/Accounts";
    private static final Pattern ACCOUNT = Pattern.compile("^/2010-04-01/Accounts/([^/]+)\\.json$");
    private static final Pattern MESSAGES = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    private static final Pattern MESSAGE = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json$");
    private static final Pattern ANY = Pattern.compile("^/2010-04-01/Accounts/([^/.]+)");
    private static final Duration ATTEMPT_MEMORY = Duration.ofSeconds(60);

    private final TwilioState state;
    private final FaultBook faults;
    private final MessageCreator creator;
    private final MessageQuery query;

    RestHandler(TwilioState state, FaultBook faults, MessageCreator creator, MessageQuery query) {
        this.state = state;
        this.faults = faults;
        this.creator = creator;
        this.query = query;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            AccountData account = authenticate(request);
            Matcher any = ANY.matcher(request.path());
            if (!any.find() || !any.group(1).equals(account.sid())) {
                throw TwilioException.notFound(request.path());
            }
            boolean create = request.method().equals("POST") && MESSAGES.matcher(request.path()).matches();
            Map<String, List<String>> form = create ? TwilioForm.decode(request.bodyText()) : Map.of();
            injectFault(account, create ? fingerprint(form) : null);
            return respond(route(request, account, form));
        } catch (TwilioException e) {
            return e.response().withHeader("Twilio-Request-Id", requestId());
        }
    }

    private AccountData authenticate(SandboxRequest request) {
        Optional<String> header = request.header("Authorization").filter(value -> value.regionMatches(true, 0,
                "Basic ", 0, 6));
        if (header.isEmpty()) {
            throw TwilioException.unauthenticated();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TwilioException.unauthenticated();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        AccountData account = state.locked(() -> state.accounts.get(user));
        if (account == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                account.token().getBytes(StandardCharsets.UTF_8))) {
            throw TwilioException.unauthenticated();
        }
        return account;
    }

    /** A fault answers instead of the call; a faulted create is remembered to count the client's retries. */
    private void injectFault(AccountData account, String fingerprint) {
        Optional<Fault> fault = faults.take(account.sid());
        if (fault.isEmpty()) {
            return;
        }
        if (fault.get().kind() == Fault.Kind.HANG) {
            sleep(fault.get().hangDuration());
            return;
        }
        if (fingerprint != null) {
            state.locked(() -> account.failedAttempts.add(new AccountData.FailedAttempt(fingerprint,
                    state.clock.now())));
        }
        throw new TwilioException(fault.get().status(), fault.get().code(), fault.get().message());
    }

    private SandboxResponse route(SandboxRequest request, AccountData account, Map<String, List<String>> form) {
        String path = request.path();
        String method = request.method();
        if (ACCOUNT.matcher(path).matches()) {
            requireMethod(method, "GET");
            return json(200, account(account));
        }
        if (MESSAGES.matcher(path).matches()) {
            if (method.equals("POST")) {
                return json(201, state.locked(() -> MessageJson.resource(creator.create(account, form,
                        attempts(account, fingerprint(form))))));
            }
            requireMethod(method, "GET");
            return json(200, state.locked(() -> query.page(account, TwilioForm.decodeSingle(request.uri()
                    .getRawQuery()))));
        }
        Matcher message = MESSAGE.matcher(path);
        if (message.matches()) {
            requireMethod(method, "GET");
            MessageRecord record = state.locked(() -> state.messages.get(message.group(2)));
            if (record == null || !record.accountSid.equals(account.sid())) {
                throw TwilioException.notFound(path);
            }
            return json(200, state.locked(() -> MessageJson.resource(record)));
        }
        throw TwilioException.notFound(path);
    }

    /** Create POSTs with the same form that a fault answered before, within a minute, plus this one. */
    private int attempts(AccountData account, String fingerprint) {
        Instant cutoff = state.clock.now().minus(ATTEMPT_MEMORY);
        account.failedAttempts.removeIf(attempt -> attempt.at().isBefore(cutoff));
        int earlier = (int) account.failedAttempts.stream().filter(attempt -> attempt.fingerprint().equals(fingerprint))
                .count();
        account.failedAttempts.removeIf(attempt -> attempt.fingerprint().equals(fingerprint));
        return earlier + 1;
    }

    private ObjectNode account(AccountData account) {
        String uri = PREFIX + "/" + account.sid();
        ObjectNode json = Json.object()
                .put("auth_token", account.token())
                .put("date_created", Rfc2822.format(account.created))
                .put("date_updated", Rfc2822.format(account.created))
                .put("friendly_name", account.friendlyName)
                .put("owner_account_sid", account.sid())
                .put("sid", account.sid())
                .put("status", "active");
        ObjectNode subresources = Json.object();
        for (String name : new String[] {"addresses", "calls", "messages", "incoming_phone_numbers", "recordings",
                "usage_records"}) {
            String path = switch (name) {
                case "incoming_phone_numbers" -> "IncomingPhoneNumbers";
                case "usage_records" -> "Usage/Records";
                default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
            };
            subresources.put(name, uri + "/" + path + ".json");
        }
        json.set("subresource_uris", subresources);
        json.put("type", "Full").put("uri", uri + ".json");
        return json;
    }

    private static String fingerprint(Map<String, List<String>> form) {
        return new TreeMap<>(form).toString();
    }

    private static void requireMethod(String actual, String expected) {
        if (!actual.equals(expected) && !(expected.equals("GET") && actual.equals("HEAD"))) {
            throw new TwilioException(405, 20004, "Method not allowed");
        }
    }

    private SandboxResponse json(int status, JsonNode body) {
        return SandboxResponse.bytes(status, "application/json; charset=utf-8", Json.bytes(body));
    }

    private SandboxResponse respond(SandboxResponse response) {
        return response.withHeader("Twilio-Request-Id", requestId());
    }

    private String requestId() {
        return state.locked(() -> Sids.of("RQ", state.random));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
