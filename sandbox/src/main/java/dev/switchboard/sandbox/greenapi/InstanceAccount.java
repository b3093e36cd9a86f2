package dev.switchboard.sandbox.greenapi;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One instance's mutable state; guarded by the {@link GreenState} lock. */
final class InstanceAccount {

    final Instance instance;
    final InstanceSettings settings;
    String state = InstanceStates.AUTHORIZED;
    /** While "starting": the state to return to when the restart window ends. */
    String stateAfterStart;
    long restartGeneration;
    boolean interactiveForbidden;

    final Deque<QueuedMessage> outbox = new ArrayDeque<>();
    Instant lastDispatchAt;
    boolean dispatchScheduled;
    final Map<String, JournalEntry> journal = new LinkedHashMap<>();

    final Deque<PendingNotification> notifications = new ArrayDeque<>();
    long nextReceiptId = 1;
    PendingNotification lastNotification;
    boolean pushInFlight;
    Instant nextPushAt;
    boolean pushWakeScheduled;

    final List<GreenSent> sent = new ArrayList<>();
    final List<GreenDelivery> deliveries = new ArrayList<>();
    final List<GreenCall> calls = new ArrayList<>();

    InstanceAccount(Instance instance) {
        this.instance = instance;
        this.settings = new InstanceSettings(instance.wid());
    }

    long id() {
        return instance.idInstance();
    }

    boolean authorized() {
        return InstanceStates.AUTHORIZED.equals(state);
    }

    static String journalKey(String chatId, String idMessage) {
        return chatId + "/" + idMessage;
    }
}
