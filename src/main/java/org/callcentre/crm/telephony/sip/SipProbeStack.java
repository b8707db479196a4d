package org.callcentre.crm.telephony.sip;

import gov.nist.javax.sip.SipStackImpl;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The service's one JAIN-SIP stack, started by the first probe: a UDP and a TCP listening point on
 * ephemeral ports of {@code crm.sip.local-address}. It sends OPTIONS and hands each final answer
 * to the probe waiting for it, matched by Call-ID.
 */
@Singleton
class SipProbeStack implements SipListener {
    static final List<String> TRANSPORTS = List.of(ListeningPoint.UDP.toLowerCase(), ListeningPoint.TCP.toLowerCase());
    private static final Logger LOG = LoggerFactory.getLogger(SipProbeStack.class);

    private final String localAddress;
    private final ExecutorService sendThreads;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private Running running;

    private record Pending(SipProbeTarget target, long sentAtNanos, CompletableFuture<SipProbeResult> result) {
    }

    private record Running(SipStack stack, Map<String, SipProvider> providers, OptionsRequests requests) {
    }

    SipProbeStack(@Value("${crm.sip.local-address:127.0.0.1}") String localAddress,
                  @Named(TaskExecutors.IO) ExecutorService sendThreads) {
        this.localAddress = localAddress;
        this.sendThreads = sendThreads;
    }

    /**
     * Sends an OPTIONS to {@code target} over UDP or TCP. The future completes with the answer, or
     * with a {@code down} result when sending fails; it never completes exceptionally by itself, and
     * cancelling it abandons the probe (the stack stops retransmitting).
     */
    CompletableFuture<SipProbeResult> sendOptions(SipProbeTarget target) {
        Running stack;
        try {
            stack = running();
        } catch (SipException e) {
            return CompletableFuture.completedFuture(SipProbeResult.notProbed(e.getMessage()));
        }
        CompletableFuture<SipProbeResult> result = new CompletableFuture<>();
        try {
            SipProvider provider = stack.providers().get(target.transport());
            ListeningPoint local = provider.getListeningPoint(target.transport());
            Request request = stack.requests().build(target, local.getIPAddress(), local.getPort());
            String callId = callId(request);
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            pending.put(callId, new Pending(target, System.nanoTime(), result));
            result.whenComplete((done, error) -> {
                pending.remove(callId);
                terminate(transaction);
            });
            // JAIN-SIP connects TCP inside sendRequest without a timeout, so a black-holed host would
            // hold the caller for the kernel's two minutes; elsewhere the caller's timeout still applies
            sendThreads.execute(() -> send(transaction, target, result));
        } catch (ParseException | InvalidArgumentException e) {
            result.complete(SipProbeResult.unanswered("cannot address " + target + ": " + e.getMessage()));
        } catch (SipException e) {
            result.complete(SipProbeResult.unanswered("cannot open a SIP transaction to " + target + ": " + rootMessage(e)));
        }
        return result;
    }

    /** The local address is named because a loopback one cannot reach a PBX on another machine. */
    private void send(ClientTransaction transaction, SipProbeTarget target, CompletableFuture<SipProbeResult> result) {
        try {
            transaction.sendRequest();
        } catch (SipException e) {
            result.complete(SipProbeResult.unanswered("cannot send OPTIONS from " + localAddress + " to " + target + ": " + rootMessage(e)));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (response.getStatusCode() < 200) {
            return; // provisional: the final answer is still to come
        }
        Pending probe = pending.get(callId(response));
        if (probe != null) {
            int rttMs = (int) ((System.nanoTime() - probe.sentAtNanos()) / 1_000_000);
            probe.result().complete(SipProbeResult.answered(response.getStatusCode(), response.getReasonPhrase(), rttMs));
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Pending probe = pending.get(callId(event.getClientTransaction().getRequest()));
        if (probe != null) {
            probe.result().complete(SipProbeResult.unanswered("no answer: the SIP transaction timed out"));
        }
    }

    /** A connection that fails after sending carries no Call-ID, so every probe to that peer fails with it. */
    @Override
    public void processIOException(IOExceptionEvent event) {
        pending.values().stream()
                .filter(p -> p.target().port() == event.getPort()
                        && p.target().transport().equalsIgnoreCase(event.getTransport())
                        && p.target().host().equalsIgnoreCase(event.getHost()))
                .forEach(p -> p.result().complete(SipProbeResult.unanswered(
                        "connection to " + event.getHost() + ":" + event.getPort() + " failed")));
    }

    /** This stack only asks; requests sent to it are left unanswered. */
    @Override
    public void processRequest(RequestEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @PreDestroy
    synchronized void stop() {
        if (running != null) {
            running.stack().stop();
            running = null;
        }
        pending.values().forEach(p -> p.result().complete(SipProbeResult.unanswered("the service is stopping")));
    }

    private synchronized Running running() throws SipException {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private Running start() throws SipException {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "callcentre-crm-sip-probes");
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist.javax.sip");
        // built directly: SipFactory caches stacks by name and would hand a stopped one to the next start
        SipStack stack = new SipStackImpl(properties);
        try {
            SipFactory factory = SipFactory.getInstance();
            OptionsRequests requests = new OptionsRequests(factory.createAddressFactory(), factory.createHeaderFactory(),
                    factory.createMessageFactory());
            Map<String, SipProvider> providers = new HashMap<>();
            for (String transport : TRANSPORTS) {
                SipProvider provider = stack.createSipProvider(stack.createListeningPoint(localAddress, freePort(transport), transport));
                provider.addSipListener(this);
                providers.put(transport, provider);
            }
            stack.start();
            LOG.info("SIP probe stack listening on {}", providers.values().stream()
                    .map(p -> p.getListeningPoints()[0]).map(lp -> lp.getTransport() + " " + lp.getIPAddress() + ":" + lp.getPort())
                    .toList());
            return new Running(stack, Map.copyOf(providers), requests);
        } catch (IOException | InvalidArgumentException | TooManyListenersException | SipException e) {
            stack.stop();
            throw new SipException("cannot start the SIP stack on " + localAddress + ": " + rootMessage(e), e);
        }
    }

    /** JAIN-SIP refuses port 0, so the system picks a free port first and the stack binds it right after. */
    private int freePort(String transport) throws IOException {
        InetAddress address = InetAddress.getByName(localAddress);
        if (transport.equals("udp")) {
            try (DatagramSocket socket = new DatagramSocket(0, address)) {
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    private static void terminate(ClientTransaction transaction) {
        try {
            transaction.terminate();
        } catch (SipException e) {
            LOG.debug("Terminating a finished probe transaction failed", e);
        }
    }

    private static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
