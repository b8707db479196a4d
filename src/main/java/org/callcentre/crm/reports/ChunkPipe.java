package org.callcentre.crm.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries a file from the thread that writes it, holding a database cursor, to the thread that
 * sends it to the client, at most {@link #CHUNKS_AHEAD} chunks ahead: a slow download holds the
 * cursor back instead of filling memory. The writer is started by the first read, so a response
 * that is never sent never opens a cursor. A writer's failure reaches the reader as an
 * IOException, so a broken export ends as a broken download, never as a file that looks whole.
 * ({@link java.io.PipedInputStream} can only signal the end, and polls once a second.)
 */
final class ChunkPipe {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int CHUNKS_AHEAD = 16;
    // A reader that has taken nothing for this long is gone; the writer gives up and frees its connection.
    private static final Duration READER_STALLED = Duration.ofMinutes(2);
    private static final long OFFER_MILLIS = 200;
    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Consumer<ChunkPipe> startWriter;
    private final Runnable done;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Sink sink = new Sink();
    private final Source source = new Source();
    private volatile boolean readerClosed;

    /**
     * @param startWriter hands the writing to another thread; it must end with {@link #finish} or {@link #fail}
     * @param done        runs once, when the writer has ended or the reader closed without ever starting it
     */
    ChunkPipe(Consumer<ChunkPipe> startWriter, Runnable done) {
        this.startWriter = startWriter;
        this.done = done;
    }

    /** Where the writer writes; closing it only passes on what it holds, the end is {@link #finish}. */
    OutputStream sink() {
        return sink;
    }

    InputStream source() {
        return source;
    }

    /** Passes on the last bytes and tells the reader the file is complete. */
    void finish() throws IOException {
        try {
            sink.passOn();
            hand(END);
        } finally {
            ended();
        }
    }

    /** Tells the reader that the file is broken; bytes not yet passed on are dropped. */
    void fail(Throwable cause) {
        try {
            hand(new Failure(cause));
        } catch (IOException readerGone) {
            // Nobody is left to tell.
        } finally {
            ended();
        }
    }

    private void ended() {
        if (ended.compareAndSet(false, true)) {
            done.run();
        }
    }

    /** True once the client has stopped reading, finished or not. */
    boolean readerClosed() {
        return readerClosed;
    }

    private void hand(Object item) throws IOException {
        long deadline = System.nanoTime() + READER_STALLED.toNanos();
        try {
            while (!readerClosed) {
                if (chunks.offer(item, OFFER_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("The download stopped reading for " + READER_STALLED);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while passing on the export");
        }
        throw new IOException("The download was closed");
    }

    private final class Sink extends OutputStream {
        private byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;

        @Override
        public void write(int b) throws IOException {
            buffer[filled++] = (byte) b;
            if (filled == buffer.length) {
                passOn();
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    passOn();
                }
            }
        }

        // flush() is left a no-op: writers flush often, and every flush would send a small chunk.

        @Override
        public void close() throws IOException {
            passOn();
        }

        private void passOn() throws IOException {
            if (filled > 0) {
                byte[] chunk = filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
                buffer = new byte[CHUNK_BYTES];
                filled = 0;
                hand(chunk);
            }
        }
    }

    private final class Source extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;
        private IOException failed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (started.compareAndSet(false, true)) {
                startWriter.accept(ChunkPipe.this);
            }
            while (position == current.length) {
                if (failed != null) {
                    throw failed;
                }
                if (ended) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, bytes, offset, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            Object item;
            try {
                item = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the export");
            }
            if (item == END) {
                ended = true;
            } else if (item instanceof Failure failure) {
                failed = new IOException("The export failed", failure.cause());
            } else {
                current = (byte[]) item;
                position = 0;
            }
        }

        @Override
        public void close() {
            readerClosed = true;
            if (started.compareAndSet(false, true)) {
                // no writer was started, so none will end and run it
                ended();
            }
            // Frees a writer waiting for room; it sees the flag and stops.
            chunks.clear();
        }
    }
}
