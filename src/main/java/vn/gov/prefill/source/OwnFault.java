package vn.gov.prefill.source;

/**
 * A read that failed because of the gateway, not the registry: never counted against the registry's
 * circuit breaker. The tag is the {@code kind} of {@code gateway_source_own_faults_total}.
 */
enum OwnFault {
    /** No connection leased from camel-http's pool in time (connection-request-timeout): the pool is too small. */
    CONNECTION_POOL("connection-pool"),
    /** The registry's own pool (threads + queue) is full. */
    BULKHEAD("bulkhead"),
    /** Another executor on the way refused the task. */
    REJECTED_TASK("rejected-task"),
    /** The deadline ran out before the read started: it waited in the registry's queue, or had no time left. */
    DEADLINE("deadline"),
    /** An answer handler or route step threw something that is neither the registry's answer nor I/O: our bug. */
    HANDLER("answer-handler"),
    /** The read's thread was interrupted (the gateway shutting down). */
    INTERRUPTED("interrupted");

    final String tag;

    OwnFault(String tag) {
        this.tag = tag;
    }
}
