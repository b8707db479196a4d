package org.callcentre.loadtest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept alive for a stream of requests, read to the end of each answer
 * (Content-Length or chunked). Plain blocking sockets, so that the load tool spends next to no CPU
 * of the two cores it shares with the service and PostgreSQL.
 */
final class KeepAliveHttp implements AutoCloseable {
    /** Status and body of one answer; {@code retryAfterSeconds} -1 when the answer has no {@code Retry-After}. */
    record Answer(int status, String body, long retryAfterSeconds) {
    }

    private final String host;
    private final int port;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String base, String token) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.authorization = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
    }

    /** @param path already URL-encoded */
    Answer get(String path) throws IOException {
        return exchange(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + authorization
                + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII), null);
    }

    /** @param path already URL-encoded */
    Answer post(String path, String contentType, byte[] body) throws IOException {
        return exchange(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + authorization
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
    }

    private Answer exchange(byte[] head, byte[] requestBody) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
        }
        out.write(head);
        if (requestBody != null) {
            out.write(requestBody);
        }
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        long retryAfter = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("retry-after:")) {
                retryAfter = Long.parseLong(lower.substring(12).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            line();
        } else if (length >= 0) {
            copy(length, body);
        }
        if (close) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8), retryAfter);
    }

    private void copy(long length, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed inside a body");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
