package dev.switchboard.core.queue;

import java.util.List;

/**
 * Runs one kind of work item, with the item's tenant in context. A handler records its effects
 * and calls {@link WorkQueue#complete(WorkItem)} in one transaction, so the work is done exactly
 * once or not at all; if it throws, the item is retried later with back-off.
 */
public interface WorkHandler {

    String kind();

    void handle(WorkItem item) throws Exception;

    /**
     * How many due items of {@code item}'s tenant (in context) this handler takes at once when
     * several wait: above 1, the worker claims up to that many more of the tenant's items of this
     * kind along with the one it was given and passes them all to {@link #handleAll}. Each item
     * still runs once or not at all.
     */
    default int groupSize(WorkItem item) {
        return 1;
    }

    /**
     * Handles several items of the tenant in context, completing those it finishes; returns the ones
     * left for {@link #handle}, which the worker then runs one by one. If it throws, it must have
     * completed none of them, and every item is run one by one.
     */
    default List<WorkItem> handleAll(List<WorkItem> items) throws Exception {
        return items;
    }
}
