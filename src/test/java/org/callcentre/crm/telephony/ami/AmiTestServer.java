package org.callcentre.crm.telephony.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real TCP peer speaking the Asterisk manager protocol as Asterisk 18 does, since there is no
 * Asterisk to test against: banner, MD5 challenge login, Ping, CoreSettings, CoreShowChannels
 * (listing the channels of the replayed events that have not hung up), QueuePause, Originate,
 * Logoff. It records every action it receives, replays sample events to the logged-in client and
 * can drop the connection mid-call (or fall silent, or stay down a while) and take the next one.
 */
final class AmiTestServer implements AutoCloseable {
    static final String USERNAME = "crm";
    static final String SECRET = "ami-test-secret";

    private final ServerSocket server;
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private final Map<String, AmiSample.Block> liveChannels = new LinkedHashMap<>();
    private volatile Peer loggedIn;
    private volatile boolean down;

    private AmiTestServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ami-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static AmiTestServer start() {
        try {
            return new AmiTestServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings that point the service's AMI adapter at a peer on {@code port}, plus any others. */
    static Map<String, String> connectionTo(int port, String... more) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("crm.ami.host", "127.0.0.1",
                "crm.ami.port", String.valueOf(port), "crm.ami.username", USERNAME, "crm.ami.secret", SECRET));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    /** {@link #connectionTo(int, String...)} this peer. */
    Map<String, String> connection(String... more) {
        return connectionTo(port(), more);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends events to the logged-in client, keeping track of which channels are up. */
    void replay(List<AmiSample.Block> events) {
        Peer peer = awaitPeer();
        for (AmiSample.Block event : events) {
            happen(event);
            peer.write(event.wire());
        }
    }

    /** Lets events happen without telling anyone, as they do while no client is connected. */
    void happenUnheard(List<AmiSample.Block> events) {
        events.forEach(this::happen);
    }

    private void happen(AmiSample.Block event) {
        synchronized (liveChannels) {
            if ("Newchannel".equals(event.event())) {
                liveChannels.put(event.header("Uniqueid"), event);
            } else if ("Hangup".equals(event.event())) {
                liveChannels.remove(event.header("Uniqueid"));
            }
        }
    }

    /** Closes the client's socket, as a restarting Asterisk or a broken network would. */
    void dropConnection() {
        Peer peer = awaitPeer();
        loggedIn = null;
        peer.close();
    }

    /**
     * Closes the client's socket and turns every new connection away until {@link #comeBack()}, as
     * an Asterisk that is restarting would.
     */
    void goDown() {
        down = true;
        dropConnection();
    }

    void comeBack() {
        down = false;
    }

    /**
     * Keeps the client's socket open but answers and sends nothing more, as a frozen Asterisk or a
     * half-open TCP connection would.
     */
    void goSilent() {
        Peer peer = awaitPeer();
        loggedIn = null;
        peer.silent = true;
    }

    /** Every action received so far with this name, oldest first; header names are case-insensitive, as in Asterisk. */
    List<Map<String, String>> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
    }

    /** Waits for the {@code count}-th action with this name and returns it. */
    Map<String, String> awaitAction(String name, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (actions(name).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + name + " #" + count + " within " + timeout + "; received " + actions);
            }
            pause();
        }
        return actions(name).get(count - 1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Peer peer = loggedIn;
        if (peer != null) {
            peer.close();
        }
    }

    private Peer awaitPeer() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (loggedIn == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no AMI client logged in");
            }
            pause();
        }
        return loggedIn;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (down) {
                    socket.close();
                    continue;
                }
                Peer peer = new Peer(socket);
                Thread reader = new Thread(peer::serve, "ami-test-peer");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One client connection. */
    private final class Peer {
        private final Socket socket;
        private final OutputStream out;
        private String challenge;
        private volatile boolean silent;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void serve() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write("Asterisk Call Manager/5.0.10\r\n");
                Map<String, String> action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        action.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                    } else if (!action.isEmpty()) {
                        actions.add(Collections.unmodifiableMap(action));
                        answer(action);
                        action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    }
                }
            } catch (IOException e) {
                // the client or the test closed the connection
            } finally {
                close();
            }
        }

        private void answer(Map<String, String> action) {
            if (silent) {
                return;
            }
            String id = action.get("ActionID");
            String name = action.getOrDefault("Action", "");
            if (loggedIn != this && !name.equalsIgnoreCase("Challenge") && !name.equalsIgnoreCase("Login")) {
                respond(id, "Error", "Message: Permission denied");
                return;
            }
            switch (name.toLowerCase()) {
                case "challenge" -> {
                    challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                    respond(id, "Success", "Challenge: " + challenge);
                }
                case "login" -> login(action, id);
                case "ping" -> respond(id, "Success", "Ping: Pong\r\nTimestamp: " + System.currentTimeMillis() / 1000 + ".000000");
                case "coresettings" -> respond(id, "Success", """
                        AMIversion: 5.0.10\r
                        AsteriskVersion: 18.20.0\r
                        SystemName: \r
                        CoreMaxCalls: 0\r
                        CoreMaxLoadAvg: 0.000000\r
                        CoreRunUser: asterisk\r
                        CoreRunGroup: asterisk\r
                        CoreMaxFilehandles: 0\r
                        CoreRealTimeEnabled: No\r
                        CoreCDRenabled: Yes\r
                        CoreHTTPenabled: No""");
                case "coreshowchannels" -> coreShowChannels(id);
                case "queuepause" -> respond(id, "Success", "Message: Interface " + ("true".equalsIgnoreCase(action.get("Paused")) ? "paused" : "unpaused") + " successfully");
                case "originate" -> respond(id, "Success", "Message: Originate successfully queued");
                case "logoff" -> {
                    respond(id, "Goodbye", "Message: Thanks for all the fish.");
                    close();
                }
                default -> respond(id, "Error", "Message: Invalid/unknown command");
            }
        }

        private void login(Map<String, String> action, String id) {
            boolean valid = "MD5".equalsIgnoreCase(action.get("AuthType")) && USERNAME.equals(action.get("Username"))
                    && challenge != null && md5(challenge + SECRET).equalsIgnoreCase(action.getOrDefault("Key", ""));
            if (!valid) {
                respond(id, "Error", "Message: Authentication failed");
                close();
                return;
            }
            respond(id, "Success", "Message: Authentication accepted");
            write("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 3600\r\nLastReload: 3600\r\nStatus: Fully Booted\r\n\r\n");
            loggedIn = this;
        }

        private void coreShowChannels(String id) {
            List<AmiSample.Block> channels;
            synchronized (liveChannels) {
                channels = new ArrayList<>(liveChannels.values());
            }
            StringBuilder reply = new StringBuilder(response(id, "Success", "EventList: start\r\nMessage: Channels will follow"));
            for (AmiSample.Block channel : channels) {
                reply.append("Event: CoreShowChannel\r\nActionID: ").append(id).append("\r\n");
                for (String header : List.of("Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
                        "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority",
                        "Uniqueid", "Linkedid")) {
                    reply.append(header).append(": ").append(channel.header(header)).append("\r\n");
                }
                reply.append("Application: Queue\r\nApplicationData: \r\nDuration: 00:00:10\r\nBridgeId: \r\n\r\n");
            }
            reply.append("Event: CoreShowChannelsComplete\r\nActionID: ").append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ").append(channels.size()).append("\r\n\r\n");
            write(reply.toString());
        }

        private void respond(String id, String response, String body) {
            write(response(id, response, body));
        }

        private String response(String id, String response, String body) {
            return "Response: " + response + "\r\n" + (id == null ? "" : "ActionID: " + id + "\r\n") + body + "\r\n\r\n";
        }

        synchronized void write(String text) {
            if (silent) {
                return;
            }
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (SocketException closed) {
                // the connection is gone; the client will come back
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
