package org.citystep.shared.mongo;

import org.h2.mvstore.MVStore;

/**
 * Makes the embedded server's writes durable before they are acknowledged, like MongoDB's
 * {@code j: true}: a write waits until its change is committed to the data file and forced to disk.
 * Writes that arrive while a commit runs are covered together by the next one (group commit), so one
 * {@code fsync} serves many concurrent writes. The H2 store alone commits about once a second, and a
 * killed process lost what it had answered in that second.
 */
final class GroupCommit {

    private final MVStore store;
    private final Object sequence = new Object();
    private final Object committing = new Object();
    /** Writes applied so far, numbered in order. */
    private long applied;
    /** The number of the last write a finished commit covers. */
    private volatile long durable;

    GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Called by a write once its change is in the store: returns when that change is on disk. */
    void awaitDurable() {
        long mine;
        synchronized (sequence) {
            mine = ++applied;
        }
        synchronized (committing) {
            if (durable >= mine) {
                return; // a commit that started after this write was applied covered it
            }
            long covered;
            synchronized (sequence) {
                covered = applied;
            }
            store.commit();
            store.sync();
            durable = covered;
        }
    }
}
