package dev.switchboard.sandbox.telegram;

import java.util.ArrayList;
import java.util.List;

/** What a bot did and what happened to its webhook, for tests to read back. */
final class BotJournal {

    final List<SentMessage> sent = new ArrayList<>();
    final List<ApiCall> calls = new ArrayList<>();
    final List<AnsweredCallback> answered = new ArrayList<>();
    final List<DeliveryAttempt> deliveries = new ArrayList<>();
}
