package org.citystep.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound fails any test that blocks a reactive thread. The only exceptions are locks that
 * libraries hold for a few instructions, never across I/O: the MongoDB driver's connection-pool
 * bookkeeping and cluster clock, the Elasticsearch client's connection pool, springdoc's lock around building the OpenAPI document once (it is cached after;
 * two first requests at once wait on each other), Jackson's around building a deserializer once and
 * Spring Data's around its map of persistent entities. Everything else that blocks is a bug to fix in
 * main code.
 */
public class CityStepBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "checkedWithLock");
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "withLock");
        // the cluster clock's lock, taken when a reply arrives; contended only when replies race
        builder.allowBlockingCallsInside("com.mongodb.internal.Locks", "withInterruptibleLock");
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
        // Jackson builds a type's deserializer once under a lock; two first reads of a type at once
        // (search hits read in parallel) wait on each other for that moment
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // Spring Data's mapping context guards its map of persistent entities with a read-write lock:
        // a type met for the first time is added under the write lock while other threads read. An
        // error thrown from inside the read lock's wait leaves the lock's hold counts wrong, and every
        // later repository call of that context then fails with IllegalMonitorStateException (seen
        // in a CI run: one contended first use broke all later requests of the shared test context)
        builder.allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext",
                "getPersistentEntity");
        builder.allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext",
                "addPersistentEntity");
        // The Elasticsearch client's connection pool guards its bookkeeping with a lock that a
        // reactive thread takes when it sends a request (lease) while the client's I/O thread may
        // hold it. BlockHound must not throw there: an error thrown from inside a lock's wait
        // leaves a dead waiter in the lock's queue, and every later taker, the I/O thread
        // included, waits forever. That froze search and then the JVM's exit in a CI run.
        for (String method : new String[] {"lease", "release", "validatePendingRequests", "requestCompleted",
                "requestCancelled", "requestFailed", "requestTimeout", "closeIdle", "closeExpired", "shutdown"}) {
            builder.allowBlockingCallsInside("org.apache.http.nio.pool.AbstractNIOConnPool", method);
        }
    }
}
