package org.callcentre.loadtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The most trivial HTTP/1.1 server: reads each request's head and body and answers 200 with a
 * fixed body, keep-alive, one thread per connection. The load tool's own ceiling is measured
 * against it, so that a rate the tool itself cannot send is never blamed on the service.
 */
final class HttpSink implements AutoCloseable {
    private static final byte[] ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"result\":1000}"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    HttpSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(socket), "sink-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder();
            long length = 0;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\r') {
                    continue;
                }
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                if (line.length() > 0) {
                    if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                    line.setLength(0);
                    continue;
                }
                in.skipNBytes(length);
                length = 0;
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
