package org.callcentre.crm.reports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChunkPipeTest {

    @Test
    void bytesArriveInOrderAcrossThreadsAndThenTheEnd() throws IOException {
        byte[] file = new byte[1_000_000];
        new Random(7).nextBytes(file);
        ChunkPipe pipe = new ChunkPipe(started -> CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = started.sink();
                for (int offset = 0; offset < file.length; offset += 777) {
                    out.write(file, offset, Math.min(777, file.length - offset));
                }
                started.finish();
            } catch (IOException e) {
                started.fail(e);
            }
        }), () -> { });
        try (InputStream in = pipe.source()) {
            assertArrayEquals(file, in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void theWriterStartsOnTheFirstRead() throws IOException {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ChunkPipe pipe = new ChunkPipe(started -> {
            starts.incrementAndGet();
            try {
                started.finish();
            } catch (IOException e) {
                started.fail(e);
            }
        }, done::incrementAndGet);
        assertEquals(0, starts.get(), "no cursor is opened for a response that is never sent");
        assertEquals(-1, pipe.source().read());
        assertEquals(-1, pipe.source().read());
        pipe.source().close();
        assertEquals(1, starts.get());
        assertEquals(1, done.get(), "the end is told once");
    }

    /** A download slot is freed when the response is dropped unread, though no writer ever ran. */
    @Test
    void aReaderClosedBeforeReadingEndsThePipeOnceWithoutAWriter() throws IOException {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ChunkPipe pipe = new ChunkPipe(started -> starts.incrementAndGet(), done::incrementAndGet);
        pipe.source().close();
        pipe.source().close();
        assertEquals(0, starts.get());
        assertEquals(1, done.get());
    }

    @Test
    void aWriterFailureReachesTheReaderAsAnError() {
        ChunkPipe pipe = new ChunkPipe(started -> {
            try {
                started.sink().write("half a row".getBytes());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            started.fail(new IllegalStateException("database went away"));
        }, () -> { });
        IOException failure = assertThrows(IOException.class, () -> pipe.source().readAllBytes());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertThrows(IOException.class, () -> pipe.source().read(), "and stays broken");
    }

    @Test
    void aClosedReaderStopsTheWriter() throws Exception {
        CompletableFuture<Exception> writerStopped = new CompletableFuture<>();
        ChunkPipe pipe = new ChunkPipe(started -> CompletableFuture.runAsync(() -> {
            byte[] row = new byte[10_000];
            try {
                while (true) {
                    started.sink().write(row);
                }
            } catch (IOException e) {
                writerStopped.complete(e);
            }
        }), () -> { });
        InputStream in = pipe.source();
        in.read();
        in.close();
        assertInstanceOf(IOException.class, waitFor(writerStopped));
    }

    private static Exception waitFor(CompletableFuture<Exception> future) throws InterruptedException, ExecutionException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the writer kept writing after the reader closed");
        }
    }
}
