package org.callcentre.crm.telephony.ami;

import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;

/**
 * asterisk-java's manager connection, reading its socket only while the {@link AmiEventCap} has
 * room: a full queue stops the reading, not the connection, so no event is dropped and Asterisk is
 * made to wait by TCP. A stop long enough for Asterisk to give up on the connection (its
 * {@code writetimeout}) shows as a drop once reading goes on, which is reconnected and re-synced
 * like any other.
 */
final class AmiManagerConnection extends ManagerConnectionImpl {
    private final AmiEventCap cap;

    AmiManagerConnection(AmiSettings settings, AmiEventCap cap) {
        this.cap = cap;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new ReadWhenRoom(super.createSocket(), cap);
    }

    /** The socket, whose lines are read only while the cap has room (asterisk-java's reader thread waits). */
    private static final class ReadWhenRoom implements SocketConnectionFacade {
        private final SocketConnectionFacade socket;
        private final AmiEventCap cap;
        private volatile boolean closed;

        ReadWhenRoom(SocketConnectionFacade socket, AmiEventCap cap) {
            this.socket = socket;
            this.cap = cap;
        }

        @Override
        public String readLine() throws IOException {
            try {
                cap.awaitReadingRoom(() -> closed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for room to store AMI events");
            }
            return socket.readLine();
        }

        @Override
        public void write(String s) throws IOException {
            socket.write(s);
        }

        @Override
        public void flush() throws IOException {
            socket.flush();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getRemoteAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getRemotePort();
        }
    }
}
