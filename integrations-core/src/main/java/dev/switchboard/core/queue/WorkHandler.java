package dev.switchboard.core.queue;

/**
 * Runs one kind of work item, with the item's tenant in context. A handler records its effects
 * and calls {@link WorkQueue#complete(WorkItem)} in one transaction, so the work is done exactly
 * once or not at all; if it throws, the item is retried later with back-off.
 */
public interface WorkHandler {

    String kind();

    void handle(WorkItem item) throws Exception;
}
