package org.callcentre.crm.telephony.sip;

import org.callcentre.crm.testing.RequiredTool;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SIPp user agent server on 127.0.0.1 that answers every OPTIONS with 200 OK. Started with
 * {@code -bg}, so it is listening by the time {@link #start} returns, and with {@code -timeout} so
 * that it ends by itself should the test JVM die before {@link #close}. Its output goes to target/.
 * Call {@link #start} inside the test method: an abort in {@code @BeforeAll} is not reported as a skip.
 */
final class SippUas implements AutoCloseable {
    private static final Pattern BACKGROUND_PID = Pattern.compile("PID=\\[(\\d+)]");
    private static final String LIFETIME = "600s";

    private final long pid;
    private final int port;

    private SippUas(long pid, int port) {
        this.pid = pid;
        this.port = port;
    }

    /** Skips the calling test when sipp is missing (fails it under CI=true). */
    static SippUas start(String transport) throws IOException, InterruptedException {
        Path sipp = RequiredTool.require("sipp", "apt-get install sip-tester");
        boolean tcp = transport.equals("tcp");
        int port = tcp ? freeTcpPort() : freeUdpPort();
        Path log = Path.of("target", "sipp-" + transport + "-" + port + ".log");
        Process launcher = new ProcessBuilder(sipp.toString(), "-sn", "uas", "-aa", "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-t", tcp ? "t1" : "u1", "-timeout", LIFETIME, "-bg")
                .directory(Path.of("target").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
            throw new IllegalStateException("sipp did not go to the background; see " + log);
        }
        Matcher pid = BACKGROUND_PID.matcher(Files.readString(log));
        if (!pid.find()) {
            throw new IllegalStateException("sipp did not start: " + Files.readString(log));
        }
        return new SippUas(Long.parseLong(pid.group(1)), port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    /** A UDP port nobody listens on once this returns. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A TCP port nobody listens on once this returns. */
    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
