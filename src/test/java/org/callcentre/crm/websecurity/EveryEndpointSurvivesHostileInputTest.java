package org.callcentre.crm.websecurity;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sends hostile input to every route the router knows (so a new endpoint is covered without
 * touching this test), anonymously, as an admin and as an operator, and checks three things on
 * every answer: never a 5xx; a refused request (4xx) leaves every table as it was; an answer that
 * gives back injected HTML is never one a browser would render as HTML; no answer and no log line
 * carries a password, another caller's token, the Mango key or salt, or a SIP secret.
 *
 * <p>Inputs come from a seeded generator, its seed printed first: {@code -Dhostile.seed=…} (or {@code -Dfuzz.seed=…}) replays a run, {@code
 * -Dfuzz.tries=…} sets the requests per route and caller (default 3).
 */
@MicronautTest(transactional = false)
// the fuzzer fails many logins from one address and posts many webhooks: lift the limits that would turn those into 429s
@Property(name = "crm.auth.lockout.max-failures-per-address", value = "1000000")
@Property(name = "crm.webhooks.failures-burst", value = "1000000")
class EveryEndpointSurvivesHostileInputTest {
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([+]?)([A-Za-z0-9_]+)(:[^}]*)?}");
    private static final Pattern QUERY_PART = Pattern.compile("\\{[?&][^}]*}");
    private static final long SEED = Long.getLong("hostile.seed", Long.getLong("fuzz.seed", System.nanoTime()));
    /** The audit rows a refused request is meant to write: failed logins, and refused attempts while a login is locked. */
    private static final Set<String> AUDIT_OF_REFUSALS = Set.of("login_failed", "login_locked");
    /**
     * Tables background workers update while the fuzzer runs (job attempts, message delivery retries, Avito
     * tokens, chat states): a worker may move a row an earlier, accepted request created while a later request
     * is refused, so of these only which rows exist is compared. {@link SignedWebhooksSurviveHostileJsonTest}
     * compares them whole, waiting for the workers between requests.
     */
    private static final Set<String> UPDATED_IN_BACKGROUND = Set.of("call_jobs", "messages", "avito_accounts", "conversations");
    private static final int TRIES = Integer.getInteger("fuzz.tries", 3);

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    TestData data;

    private HttpClient http = newClient();
    private FuzzFixture fixture;
    private DatabaseFingerprint fingerprint;

    @Value("${crm.mango.api-key}")
    String mangoKey;
    @Value("${crm.mango.api-salt}")
    String mangoSalt;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        data.reset();
        fixture = FuzzFixture.create(data, this::send);
        fingerprint = new DatabaseFingerprint(data.db(), AUDIT_OF_REFUSALS, UPDATED_IN_BACKGROUND);
        logs.start();
        rootLogger().addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        rootLogger().detachAppender(logs);
    }

    private static ch.qos.logback.classic.Logger rootLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Values that must never leave the service: passwords, bearer tokens, the Mango key and salt, SIP secrets. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(TestData.PASSWORD, mangoKey, mangoSalt, FuzzFixture.SIP_SECRET));
        fixture.callers().stream().map(FuzzFixture.Caller::token).filter(java.util.Objects::nonNull).forEach(secrets::add);
        return secrets;
    }

    record Route(HttpMethod method, String template, List<String> fieldNames) {
    }

    record Sent(String method, String uri, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            String shownUri = uri.length() > 200 ? uri.substring(0, 200) + "…(" + uri.length() + " chars)" : uri;
            return method + " " + shownUri + (contentType == null ? "" : " [" + contentType + "] ") + shown;
        }
    }

    @Test
    void noServerErrorNoPartialWriteNoReflectedHtml() {
        System.out.println("Hostile input: seed " + SEED + " (-Dhostile.seed=" + SEED + " replays)");
        List<Route> routes = routes();
        assertTrue(routes.size() > 50, "routes found: " + routes);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            HostileValues values = new HostileValues(random, route.fieldNames());
            for (FuzzFixture.Caller caller : fixture.callers()) {
                for (int i = 0; i < TRIES; i++) {
                    Sent request = build(route, values, random);
                    check(request, caller, failures);
                    sent++;
                    fixture.keepSessionsAlive(request.uri());
                }
            }
        }
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage());
            secrets().stream().filter(line::contains).findFirst()
                    .ifPresent(secret -> failures.add("a secret in the log (" + event.getLoggerName() + "): " + abbreviate(line)));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + sent + " requests failed (seed " + SEED + ", -Dhostile.seed=" + SEED + " replays):\n"
                    + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
        System.out.println("Hostile input: " + sent + " requests over " + routes.size() + " routes, seed " + SEED);
    }

    private void check(Sent request, FuzzFixture.Caller caller, List<String> failures) {
        Map<String, String> before = fingerprint.take();
        HttpResponse<String> response = send(request, caller.token());
        int status = response.statusCode();
        String who = caller.name() + ": " + request;
        if (status >= 500) {
            failures.add(status + " for " + who + " → " + abbreviate(response.body()));
            return;
        }
        if (status >= 400) {
            List<String> changed = DatabaseFingerprint.changedTables(before, fingerprint.take());
            if (!changed.isEmpty()) {
                failures.add("refused with " + status + " but wrote " + changed + ": " + who);
            }
        }
        secrets().stream().filter(secret -> !secret.equals(caller.token()) && response.body().contains(secret)).findFirst()
                .ifPresent(secret -> failures.add("a secret in the answer to " + who));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.body().contains(HostileValues.HTML)
                && (contentType.isEmpty() || contentType.startsWith("text/html")
                || !"nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse("")))) {
            failures.add("injected HTML given back as '" + contentType + "': " + who);
        }
    }

    private Sent build(Route route, HostileValues values, Random random) {
        StringBuilder path = new StringBuilder();
        String template = QUERY_PART.matcher(route.template()).replaceAll("");
        Matcher m = PATH_VARIABLE.matcher(template);
        while (m.find()) {
            String value = m.group(1).isEmpty() ? values.pathValue(fixture.ids()) : "events/" + values.pathValue(List.of());
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        List<String> query = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String value = values.string();
            query.add(HostileValues.encode(values.fieldName()) + "=" + HostileValues.encode(value.length() > 500 ? value.substring(0, 500) : value));
        }
        // The request line stays under Netty's 4 KB limit (huge strings go in bodies): percent-encoded
        // unicode is up to 12 times longer than its text, so whole parameters are dropped until it fits.
        while (!query.isEmpty() && path.length() + String.join("&", query).length() > 3_500) {
            query.remove(query.size() - 1);
        }
        String uri = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String method = route.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || (method.equals("DELETE") && random.nextBoolean())) {
            return new Sent(method, uri, null, null);
        }
        return switch (random.nextInt(6)) {
            case 0 -> new Sent(method, uri, "application/json", values.malformedJson());
            case 1 -> new Sent(method, uri, "application/x-www-form-urlencoded", values.form());
            case 2 -> new Sent(method, uri, random.nextBoolean() ? "text/plain" : "application/xml", values.jsonObject(0));
            case 3 -> new Sent(method, uri, "application/json", values.jsonValue(0));
            default -> new Sent(method, uri, "application/json", values.jsonObject(0));
        };
    }

    HttpResponse<String> send(Sent request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + request.uri()))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        try {
            try {
                return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException closed) {
                // The server closes a connection after refusing a body it did not read; the client may have
                // picked that pooled connection for this request already. A fresh connection tells.
                http = newClient();
                return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private List<Route> routes() {
        return router.uriRoutes()
                .map(r -> new Route(r.getHttpMethod(), r.getUriMatchTemplate().toString(), fieldNames(r)))
                .sorted(Comparator.comparing(Route::template).thenComparing(r -> r.method().name()))
                .toList();
    }

    /** Parameter names, and the properties of our own request records, as the keys hostile bodies and queries use. */
    private static List<String> fieldNames(UriRouteInfo<?, ?> route) {
        TreeSet<String> names = new TreeSet<>();
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            names.add(argument.getName());
            if (argument.getType().getName().startsWith("org.callcentre")) {
                BeanIntrospector.SHARED.findIntrospection(argument.getType())
                        .map(BeanIntrospection::getPropertyNames).ifPresent(p -> names.addAll(List.of(p)));
            }
        }
        names.removeAll(List.of("actor", "request", "body"));
        return List.copyOf(names);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
