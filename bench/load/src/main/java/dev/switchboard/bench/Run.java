package dev.switchboard.bench;

import dev.switchboard.sandbox.telegram.TelegramEmulator;
import java.nio.file.Path;

/** What every benchmark of one driver run shares: the options, the emulator, the server, the database, the report. */
record Run(Options options, TelegramEmulator telegram, SwitchboardProcess server, String adminToken, Database db,
           Report report, Path logs) {

    Provisioner provisioner() {
        return new Provisioner(server.baseUrl(), adminToken, telegram);
    }

    /** Waits until the inbox and the work queue are empty: the previous load is fully processed. */
    void awaitIdleQueue() throws Exception {
        awaitEmptyInbox();
        for (int i = 0; i < 1200; i++) {
            if (db.single("SELECT count(*) FROM (SELECT 1 FROM public.work_item LIMIT 1) any_item") == 0) { // not a full count: it ran every 500 ms, 50 ms each, on the database it measures
                return;
            }
            Pause.millis(500);
        }
        throw new IllegalStateException("the work queue did not drain in 10 minutes");
    }

    /**
     * Waits until every accepted webhook has left the inbox for its tenant's schema.
     *
     * @return how long that took, in seconds
     */
    double awaitEmptyInbox() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < 12_000; i++) {
            if (db.single("SELECT count(*) FROM (SELECT 1 FROM public.inbox LIMIT 1) any_row") == 0) {
                return (System.nanoTime() - started) / 1e9;
            }
            Pause.millis(50);
        }
        throw new IllegalStateException("the inbox did not drain in 10 minutes");
    }
}
