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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays Asterisk's side of AMI for one client: banner, MD5 challenge and login, a reply to every
 * action, then whatever event blocks the load generator writes.
 */
final class AmiServer implements AutoCloseable {
    private final ServerSocket server;
    private final CountDownLatch loggedIn = new CountDownLatch(1);
    private volatile Socket client;
    private volatile BufferedWriter out;

    AmiServer(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A client has connected and got the banner. */
    boolean connected() {
        return out != null;
    }

    boolean awaitLogin(long seconds) throws InterruptedException {
        return loggedIn.await(seconds, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                client = socket;
                synchronized (this) {
                    out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
                    out.write("Asterisk Call Manager/7.0.3\r\n");
                    out.flush();
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
                    answer(action);
                    action = new LinkedHashMap<>();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void answer(Map<String, String> action) throws IOException {
        String name = action.getOrDefault("action", "").toLowerCase();
        String id = action.containsKey("actionid") ? "ActionID: " + action.get("actionid") + "\r\n" : "";
        StringBuilder reply = new StringBuilder();
        switch (name) {
            case "challenge" -> reply.append("Response: Success\r\n").append(id).append("Challenge: 840415273\r\n\r\n");
            case "login" -> reply.append("Response: Success\r\n").append(id).append("Message: Authentication accepted\r\n\r\n")
                    .append("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
            case "ping" -> reply.append("Response: Success\r\n").append(id).append("Ping: Pong\r\nTimestamp: ")
                    .append(System.currentTimeMillis() / 1000.0).append("\r\n\r\n");
            case "coreshowchannels" -> reply.append("Response: Success\r\n").append(id)
                    .append("EventList: start\r\nMessage: Channels will follow\r\n\r\n")
                    .append("Event: CoreShowChannelsComplete\r\n").append(id).append("EventList: Complete\r\nListItems: 0\r\n\r\n");
            case "coresettings" -> reply.append("Response: Success\r\n").append(id)
                    .append("AMIversion: 7.0.3\r\nAsteriskVersion: 20.5.0\r\nSystemName: \r\nCoreMaxCalls: 0\r\n\r\n");
            default -> reply.append("Response: Success\r\n").append(id).append("Message: OK\r\n\r\n");
        }
        write(reply.toString(), true);
        if ("login".equals(name)) {
            loggedIn.countDown();
        }
    }

    /** Writes event blocks; {@code flush} when the batch of this tick is complete. */
    synchronized void write(String blocks, boolean flush) throws IOException {
        if (out == null) {
            throw new IOException("no AMI client connected");
        }
        out.write(blocks);
        if (flush) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (client != null) {
            client.close();
        }
    }
}
