package dev.switchboard.core.queue;

/** The item's lease expired and another worker claimed it: this worker's results must be dropped. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(WorkItem item) {
        this("lease of work item " + item.id() + " (" + item.kind() + ") was lost");
    }

    public LeaseLostException(String message) {
        super(message);
    }
}
