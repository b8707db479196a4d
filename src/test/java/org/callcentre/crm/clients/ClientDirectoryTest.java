package org.callcentre.crm.clients;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@MicronautTest(transactional = false)
class ClientDirectoryTest {
    @Inject
    TestData data;
    @Inject
    ClientDirectory directory;
    long kazan;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
    }

    @Test
    void onePhoneIsOneClient() {
        long first = directory.findOrCreateByPhone("+79161234567", "Иван", kazan);
        assertEquals(first, directory.findOrCreateByPhone("+79161234567", "Кто-то другой", null));
        assertNotEquals(first, directory.findOrCreateByPhone("+79161234568", null, null));
        assertEquals("Иван", data.db().queryOne("SELECT name FROM clients WHERE id = ?", rs -> rs.getString(1), first).orElseThrow());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'create' "
                + "AND entity_id = ?", String.valueOf(first)));
    }

    @Test
    void aClientFirstMetWithoutANameGetsOneLater() {
        long id = directory.findOrCreateByPhone("+79161234567", null, null);
        directory.findOrCreateByPhone("+79161234567", "Иван", kazan);
        assertEquals("Иван", data.db().queryOne("SELECT name FROM clients WHERE id = ?", rs -> rs.getString(1), id).orElseThrow());
        assertEquals(kazan, data.db().queryLong("SELECT city_id FROM clients WHERE id = ?", id));
    }

    @Test
    void concurrentFirstContactsFromOnePhoneMakeOneClient() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Long>> ids = IntStream.range(0, threads)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return directory.findOrCreateByPhone("+79161234567", "Иван " + i, kazan);
                    }, pool))
                    .toList();
            start.countDown();
            Set<Long> distinct = ids.stream().map(CompletableFuture::join).collect(Collectors.toSet());
            assertEquals(1, distinct.size());
            assertEquals(1L, data.count("clients"));
            assertEquals(1L, data.count("client_phones"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
