package org.callcentre.loadtest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays Asterisk's side of AMI for one client at a time: banner, MD5 challenge and login, a reply
 * to every action, then whatever event blocks the load generator writes.
 *
 * <p>The CRM may log off (it pauses the link when it holds too many unstored events) or drop the
 * connection, then log in again. Writes wait for that login (the stream falls behind its schedule
 * meanwhile, which the run shows as events not sent in the window), and the events written in the
 * last {@code replaySeconds} before the link went are written again first: those the CRM discarded
 * while pausing, or that sat unread in the socket, would otherwise be lost, where a real centre
 * recovers them from Asterisk's CDR (the CRM stores a repeated event once). {@code CoreShowChannels}
 * is answered with the channels the written events left up, so the CRM's re-sync after a login sees
 * the PBX as the stream has it.
 */
final class AmiServer implements AutoCloseable {
    /** A channel opened ({@code up}) or hung up by an event of a written batch. */
    record ChannelChange(String uniqueId, String channel, boolean up) {
    }

    private record Written(long atNanos, String blocks, int events) {
    }

    private static final long LOGIN_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final ServerSocket server;
    private final boolean loginFirst;
    private final long replayNanos;
    private final CountDownLatch loggedIn = new CountDownLatch(1);
    private final ArrayDeque<Written> recent = new ArrayDeque<>();
    private final Map<String, String> liveChannels = new HashMap<>();
    private Socket client;
    private BufferedWriter out;
    /** The current client may be written events: it logged in (or, for the ceiling, merely connected). */
    private boolean ready;
    /** The link went since the last write: the recent batches are written again first. */
    private boolean replayDue;
    private long downSinceNanos;
    private long downNanos;
    private long logins;
    private long linksLost;
    private long replayedEvents;

    /** @param loginFirst false for the tool's ceiling, whose plain socket never logs in */
    AmiServer(int port, boolean loginFirst, double replaySeconds) throws IOException {
        this.loginFirst = loginFirst;
        this.replayNanos = (long) (replaySeconds * 1e9);
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    boolean awaitLogin(long seconds) throws InterruptedException {
        return loggedIn.await(seconds, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                synchronized (this) {
                    lost(client);
                    client = socket;
                    out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
                    out.write("Asterisk Call Manager/7.0.3\r\n");
                    out.flush();
                    if (!loginFirst) {
                        up();
                    }
                }
                Thread reader = new Thread(() -> readActions(socket), "ami-actions");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readActions(Socket socket) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> action = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                    }
                    continue;
                }
                if (!action.isEmpty()) {
                    answer(socket, action);
                    action = new LinkedHashMap<>();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
        synchronized (this) {
            lost(socket);
        }
    }

    private synchronized void answer(Socket socket, Map<String, String> action) throws IOException {
        if (socket != client) {
            return;
        }
        String name = action.getOrDefault("action", "").toLowerCase();
        String id = action.containsKey("actionid") ? "ActionID: " + action.get("actionid") + "\r\n" : "";
        StringBuilder reply = new StringBuilder();
        switch (name) {
            case "challenge" -> reply.append("Response: Success\r\n").append(id).append("Challenge: 840415273\r\n\r\n");
            case "login" -> reply.append("Response: Success\r\n").append(id).append("Message: Authentication accepted\r\n\r\n")
                    .append("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
            case "logoff" -> reply.append("Response: Goodbye\r\n").append(id).append("Message: Thanks for all the fish.\r\n\r\n");
            case "ping" -> reply.append("Response: Success\r\n").append(id).append("Ping: Pong\r\nTimestamp: ")
                    .append(System.currentTimeMillis() / 1000.0).append("\r\n\r\n");
            case "coreshowchannels" -> {
                reply.append("Response: Success\r\n").append(id).append("EventList: start\r\nMessage: Channels will follow\r\n\r\n");
                liveChannels.forEach((uniqueId, channel) -> reply.append("Event: CoreShowChannel\r\n").append(id).append("Channel: ")
                        .append(channel).append("\r\nUniqueid: ").append(uniqueId).append("\r\n\r\n"));
                reply.append("Event: CoreShowChannelsComplete\r\n").append(id).append("EventList: Complete\r\nListItems: ")
                        .append(liveChannels.size()).append("\r\n\r\n");
            }
            case "coresettings" -> reply.append("Response: Success\r\n").append(id)
                    .append("AMIversion: 7.0.3\r\nAsteriskVersion: 20.5.0\r\nSystemName: \r\nCoreMaxCalls: 0\r\n\r\n");
            default -> reply.append("Response: Success\r\n").append(id).append("Message: OK\r\n\r\n");
        }
        try {
            out.write(reply.toString());
            out.flush();
        } catch (IOException e) {
            lost(socket);
            return;
        }
        if ("login".equals(name)) {
            logins++;
            up();
            loggedIn.countDown();
        } else if ("logoff".equals(name)) {
            lost(socket);
        }
    }

    private void up() {
        ready = true;
        if (downSinceNanos != 0) {
            downNanos += System.nanoTime() - downSinceNanos;
            downSinceNanos = 0;
        }
        notifyAll();
    }

    /** The client logged off, dropped, or was replaced: no more events to it; the next login gets the recent ones again. */
    private void lost(Socket socket) {
        if (socket == null || socket != client || !ready && downSinceNanos != 0) {
            return;
        }
        if (ready) {
            linksLost++;
            replayDue = true;
        }
        ready = false;
        downSinceNanos = System.nanoTime();
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing to release
        }
    }

    /**
     * Writes a batch of event blocks, waiting for a logged-in client if there is none, and applies
     * the batch's channel changes once it is written.
     *
     * @throws IOException when no client logged in for 10 minutes
     */
    synchronized void write(String blocks, int events, List<ChannelChange> changes) throws IOException, InterruptedException {
        long now = System.nanoTime();
        recent.add(new Written(now, blocks, events));
        while (!recent.isEmpty() && recent.peekFirst().atNanos() < now - replayNanos) {
            recent.pollFirst();
        }
        while (true) {
            long deadline = System.nanoTime() + LOGIN_PATIENCE_NANOS;
            while (!ready) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no AMI client logged in for 10 minutes");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            Socket to = client;
            try {
                if (replayDue) {
                    for (Written again : recent) {
                        out.write(again.blocks());
                        if (again.atNanos() != now) {
                            replayedEvents += again.events();
                        }
                    }
                    replayDue = false;
                } else {
                    out.write(blocks);
                }
                out.flush();
                break;
            } catch (IOException e) {
                lost(to);
            }
        }
        for (ChannelChange change : changes) {
            if (change.up()) {
                liveChannels.put(change.uniqueId(), change.channel());
            } else {
                liveChannels.remove(change.uniqueId());
            }
        }
    }

    /** What the link went through: logins, links lost, time without one, events written again. */
    synchronized String linkSummary() {
        long down = downNanos + (downSinceNanos == 0 ? 0 : System.nanoTime() - downSinceNanos);
        return String.format("%d login(s); the CRM logged off or dropped the link %d time(s), %.1f s without a link; "
                + "%,d events written again after a re-login (the last %.0f s before each loss)", logins, linksLost, down / 1e9,
                replayedEvents, replayNanos / 1e9);
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        if (client != null) {
            client.close();
        }
    }
}
