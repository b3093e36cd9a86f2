package dev.switchboard.sandbox.openai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keys, models, armed faults and recordings; every method is synchronized. */
final class OpenAiState {

    static final List<String> DEFAULT_MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini",
            "gpt-4.1-nano", "o4-mini");

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Set<String> apiKeys = new LinkedHashSet<>();
    private final Set<String> models = new LinkedHashSet<>(DEFAULT_MODELS);
    private final List<Armed> faults = new ArrayList<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;

    synchronized void reset() {
        apiKeys.clear();
        models.clear();
        models.addAll(DEFAULT_MODELS);
        faults.clear();
        requests.clear();
        calls.clear();
    }

    synchronized void requireApiKey(String key) {
        apiKeys.add(key);
    }

    /** Whether any key was configured: then every call needs one of them. */
    synchronized boolean keysRequired() {
        return !apiKeys.isEmpty();
    }

    synchronized boolean acceptsKey(String key) {
        return apiKeys.contains(key);
    }

    synchronized void models(List<String> ids) {
        models.clear();
        models.addAll(ids);
    }

    synchronized List<String> models() {
        return List.copyOf(models);
    }

    synchronized boolean knowsModel(String id) {
        return models.contains(id);
    }

    synchronized void armFault(Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        faults.add(new Armed(fault, times));
    }

    synchronized Optional<Fault> takeFault() {
        Iterator<Armed> it = faults.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Armed armed = it.next();
        if (--armed.remaining == 0) {
            it.remove();
        }
        return Optional.of(armed.fault);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized void record(ChatRequest request) {
        requests.add(request);
    }

    synchronized void record(ApiCall call) {
        calls.add(call);
    }

    synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    Duration latency() {
        return latency;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }
}
