package org.callcentre.crm.calls.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Counts the SQL statements the current thread sends while {@link #count} runs: the datasource is
 * wrapped so that every statement prepared or created on one of its connections is seen. Only in
 * contexts that set {@code crm.test.count-statements}.
 */
@Singleton
@Requires(property = "crm.test.count-statements", value = "true")
class StatementCounter implements BeanCreatedEventListener<DataSource> {
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<List<String>> COUNTING = new ThreadLocal<>();

    /** What ran, and the statements it sent (their SQL, the first line of each). */
    record Counted<T>(T result, List<String> sql) {
        int statements() {
            return sql.size();
        }
    }

    static <T> Counted<T> count(Callable<T> work) throws Exception {
        List<String> sql = new ArrayList<>();
        COUNTING.set(sql);
        try {
            return new Counted<>(work.call(), sql);
        } finally {
            COUNTING.remove();
        }
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        if (!(target instanceof com.zaxxer.hikari.HikariDataSource)) {
            return target; // Micronaut's own wrappers around the pool are DataSources too: wrap the pool once
        }
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    // only connections taken while counting are wrapped: the rest of the context sees the datasource as it is
                    return result instanceof Connection connection && COUNTING.get() != null ? counting(connection) : result;
                });
    }

    private static Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    List<String> sql = COUNTING.get();
                    if (sql != null && STATEMENTS.contains(method.getName())) {
                        sql.add(args == null || args.length == 0 ? "(a plain statement)" : String.valueOf(args[0]).strip().lines().findFirst().orElse(""));
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
