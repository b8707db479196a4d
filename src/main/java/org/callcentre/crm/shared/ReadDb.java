package org.callcentre.crm.shared;

import io.micronaut.context.annotation.Bean;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Db} for what statistics, reports and lists read: on the read replica when one is configured and
 * fit to read ({@link ReadReplica}), otherwise on the primary. A statement goes to the primary
 * <ul>
 *   <li>inside a transaction that writes (it must see its own changes),</li>
 *   <li>for a user whose own last change the replica has not replayed yet ({@link OwnWrites}),</li>
 *   <li>in {@link #onPrimary} (figures pushed the moment they change),</li>
 *   <li>while the replica lags more than {@code crm.db.read.max-lag} or does not answer.</li>
 * </ul>
 * Inside a {@link #readOnly} transaction begun on the replica every statement stays there.
 * Without {@code CRM_DB_READ_URL} it is the primary's {@link Db}.
 */
@Singleton
@Bean(typed = ReadDb.class)
public class ReadDb extends Db {
    private static final ThreadLocal<Boolean> PRIMARY_ONLY = ThreadLocal.withInitial(() -> false);

    private final Optional<ReadReplica> replica;
    private final Optional<OwnWrites> ownWrites;
    private final TransactionOperations<Connection> primaryTransactions;

    ReadDb(JdbcOperations primary, TransactionOperations<Connection> primaryTransactions, Optional<ReadReplica> replica,
           Optional<OwnWrites> ownWrites) {
        super(primary);
        this.primaryTransactions = primaryTransactions;
        this.replica = replica;
        this.ownWrites = ownWrites;
    }

    @Override
    protected JdbcOperations jdbc() {
        return onReplica() ? replica.orElseThrow().jdbc() : super.jdbc();
    }

    /**
     * One read-only transaction for {@code work}, on the replica if a statement run now would go there; every
     * statement of this {@code ReadDb} inside it then runs on that transaction's connection.
     */
    public <T> T readOnly(TransactionDefinition.Isolation isolation, Supplier<T> work) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setIsolationLevel(isolation);
        if (onReplica()) {
            return replica.orElseThrow().readOnly(definition, work);
        }
        return onPrimary(() -> primaryTransactions.execute(definition, status -> work.get()));
    }

    /** Runs {@code work} with every statement of this {@code ReadDb} on the primary. */
    public <T> T onPrimary(Supplier<T> work) {
        if (PRIMARY_ONLY.get()) {
            return work.get();
        }
        PRIMARY_ONLY.set(true);
        try {
            return work.get();
        } finally {
            PRIMARY_ONLY.remove();
        }
    }

    boolean onReplica() {
        if (replica.isEmpty()) {
            return false;
        }
        ReadReplica standby = replica.get();
        if (standby.inTransaction()) {
            return true;
        }
        if (PRIMARY_ONLY.get() || writingTransaction() || !standby.usable()) {
            return false;
        }
        return currentLogin().map(login -> ownWrites.map(writes -> writes.replayedFor(login)).orElse(true)).orElse(true);
    }

    private boolean writingTransaction() {
        return primaryTransactions.findTransactionStatus()
                .map(status -> !status.getTransactionDefinition().isReadOnly().orElse(false))
                .orElse(false);
    }

    private static Optional<String> currentLogin() {
        return ServerRequestContext.currentRequest().flatMap(HttpRequest::getUserPrincipal).map(Principal::getName);
    }
}
