package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.callcentre.crm.cluster.Leadership;
import org.callcentre.crm.cluster.LeadershipChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps one manager connection to Asterisk open while a host is configured.
 *
 * <ul>
 *   <li>Listening costs asterisk-java's threads nothing: events are only queued for {@link AmiEventWorker}.</li>
 *   <li>The first login, and any login after asterisk-java gave up, is retried here with a backoff
 *       of 1 s doubling to 30 s. A connection that drops once up is re-established by asterisk-java
 *       itself (at once, then every 5 s), which logs in again.</li>
 *   <li>A Ping every {@code ping-interval} keeps the socket talking; a socket silent for three
 *       intervals (a half-open connection, a frozen Asterisk) times out, which counts as a drop.</li>
 *   <li>Every (re)login is followed by a reconciliation against {@code CoreShowChannels}; a re-login
 *       also ends an {@link AmiOutage}, dated from the last event or Pong heard before the drop.</li>
 *   <li>With several nodes on one database only the {@link Leadership leader} logs in; a node that
 *       stops being leader logs off, and the next leader's first login reconciles as any login does.</li>
 *   <li>A node's first login (after a start, a {@code kill -9}, or on taking over) also ends an
 *       outage: the time since the {@link AmiListenedMark listened mark} the node that listened before left.</li>
 *   <li>When events come faster than they are stored and the worker's queue is full, the socket is
 *       not read until a stored batch makes room ({@link AmiManagerConnection}): TCP holds the
 *       further events and makes Asterisk wait, and none is dropped. The connection stays logged in;
 *       should Asterisk give up on it meanwhile, that is a drop like any other, dated from the last
 *       event read: reconciled, written as a gap and backfilled from the CDR.</li>
 *   <li>The channel list of the re-sync is asked for at the login itself (on the supervisor thread),
 *       so that its answer is read before the events that follow can fill the queue.</li>
 * </ul>
 */
@Singleton
@Requires(property = "crm.ami.host", pattern = ".+")
class AmiConnector implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AmiConnector.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CHANNEL_LIST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETAKE_CHECK = Duration.ofMillis(500);

    private final AmiSettings settings;
    private final AmiEventWorker worker;
    private final ManagerConnection connection;
    private final AmiOutageWatch watch;
    private final AmiHeartbeat heartbeat;
    private final Leadership leadership;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ami-connector"));
    private final AmiListenedMark mark;
    private Duration retry = FIRST_RETRY;
    /** Logged in since this node last began to lead; false until then, and again once it steps down. */
    private volatile boolean listening;

    AmiConnector(AmiSettings settings, AmiEventWorker worker, Leadership leadership, AmiListenedMarks marks) {
        if (settings.pingInterval().isNegative() || settings.pingInterval().isZero()) {
            throw new IllegalArgumentException("crm.ami.ping-interval must be positive, not " + settings.pingInterval());
        }
        this.settings = settings;
        this.worker = worker;
        this.leadership = leadership;
        this.connection = new AmiManagerConnection(settings, worker.cap());
        connection.setSocketTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setSocketReadTimeout((int) settings.pingInterval().multipliedBy(3).toMillis());
        connection.addEventListener(this::onEvent);
        this.watch = new AmiOutageWatch(settings.pingInterval());
        this.heartbeat = new AmiHeartbeat(connection, settings.pingInterval(), watch);
        this.mark = new AmiListenedMark(marks, worker, watch, address(), settings.pingInterval(),
                () -> listening && !standby() && connected());
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        heartbeat.start();
        mark.start();
        supervisor.execute(this::keepLoggedIn);
    }

    /** Another node holds the lock now, or will: this one must stop listening to Asterisk. */
    @EventListener
    void onLeadershipChanged(LeadershipChanged change) {
        if (!change.leader()) {
            listening = false;
            logoff();
        }
    }

    boolean standby() {
        return !leadership.isLeader();
    }

    boolean connected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    String state() {
        return connection.getState().name();
    }

    /** Since when nothing has been heard from a connection that was up; empty while connected. */
    Optional<Instant> deafSince() {
        return watch.deafSince();
    }

    private String address() {
        return settings.host() + ":" + settings.port();
    }

    /**
     * Sends an action and waits for Asterisk's answer.
     *
     * @throws AmiUnavailable when there is no connection, no answer, or Asterisk refused
     */
    void send(ManagerAction action) {
        if (!connected()) {
            throw new AmiUnavailable("Asterisk is not connected (" + state().toLowerCase(Locale.ROOT) + ")");
        }
        ManagerResponse response;
        try {
            response = connection.sendAction(action, ACTION_TIMEOUT.toMillis());
        } catch (Exception e) {
            throw new AmiUnavailable("Asterisk did not take " + action.getAction() + ": " + e.getMessage());
        }
        if (response instanceof ManagerError error) {
            throw new AmiUnavailable("Asterisk refused " + action.getAction() + ": " + error.getMessage());
        }
    }

    /** Asterisk did not carry out an action. */
    static class AmiUnavailable extends RuntimeException {
        AmiUnavailable(String message) {
            super(message);
        }
    }

    private void onEvent(ManagerEvent event) {
        Instant at = receivedAt(event);
        if (event instanceof ConnectEvent) {
            Optional<AmiOutage> outage = watch.loggedIn(at);
            outage.ifPresentOrElse(
                    o -> LOG.warn("AMI: logged in to {} again; nothing was heard from {} to {} ({})", address(), o.start(), o.end(), o.reason()),
                    () -> LOG.info("AMI: logged in to {}", address()));
            worker.reconnected(at, CompletableFuture.supplyAsync(this::liveUniqueIds, supervisor), outage);
        } else if (event instanceof DisconnectEvent) {
            if (standby()) {
                // logged off on stepping down: the new leader listens, no outage begins here
                return;
            }
            watch.lost(at);
            LOG.warn("AMI: connection to {} lost, reconnecting", address());
        } else {
            try {
                worker.receive(event);
                watch.heard(at);
            } catch (InterruptedException e) {
                // shutting down: the reconnect reconciliation settles whatever this event was about
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The socket is not read now, because crm.ami.max-queued-events wait to be stored. */
    boolean paused() {
        return worker.readingHeld();
    }

    private Set<String> liveUniqueIds() {
        ResponseEvents answer;
        try {
            answer = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), CHANNEL_LIST_TIMEOUT.toMillis());
        } catch (Exception e) {
            throw new IllegalStateException("CoreShowChannels not answered: " + e.getMessage(), e);
        }
        if (answer.getResponse() instanceof ManagerError error) {
            throw new IllegalStateException("CoreShowChannels refused: " + error.getMessage());
        }
        return answer.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance)
                .map(e -> ((CoreShowChannelEvent) e).getUniqueid())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private void keepLoggedIn() {
        ManagerConnectionState state = connection.getState();
        Duration next = settings.pingInterval();
        if (!leadership.isLeader()) {
            // a standby looks again soon: taking over must not wait for a ping interval
            next = RETAKE_CHECK;
        } else if (state == ManagerConnectionState.INITIAL || state == ManagerConnectionState.DISCONNECTED) {
            if (!listening) {
                mark.storedUntil().ifPresent(watch::notListenedSince);
            }
            try {
                connection.login();
                listening = true;
                retry = FIRST_RETRY;
            } catch (Exception e) {
                LOG.warn("AMI: cannot log in to {} ({}), retrying in {} s", address(), e.getMessage(), retry.toSeconds());
                next = retry;
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        if (!supervisor.isShutdown()) {
            supervisor.schedule(this::keepLoggedIn, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Instant receivedAt(ManagerEvent event) {
        return Objects.requireNonNullElseGet(event.getDateReceived(), Date::new).toInstant();
    }

    @PreDestroy
    void stop() {
        boolean wasListening = listening && !standby();
        supervisor.shutdownNow();
        heartbeat.die();
        logoff();
        mark.stop(wasListening);
    }

    private synchronized void logoff() {
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            connection.logoff();
        }
    }
}
