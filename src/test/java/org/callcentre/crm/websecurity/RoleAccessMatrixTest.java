package org.callcentre.crm.websecurity;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every route the router knows, the roles written in {@code access/route-roles.tsv} (test resources) are the
 * expectation, not the code's own {@code @Secured}: a role the table does not grant gets 403, a granted role is never
 * refused with 401/403 by the bare route, and a caller without a token gets 401 unless the route is anonymous. A
 * wrong grant in the code fails here, and a new route fails until someone writes its line in the table (the failure
 * prints the line the code implies, to be checked before it is pasted). What each role may see inside a route it may
 * call (its own city, its own statistics) is tested beside each feature.
 */
@MicronautTest(transactional = false)
class RoleAccessMatrixTest {
    private static final String ANONYMOUS = "anonymous";
    private static final String OWN_RULES = "own-rules";
    @Inject
    Router router;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    private Map<Role, String> tokens;

    @BeforeEach
    void setUp() {
        data.reset();
        long city = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", city, "101");
        data.user("sam", "supervisor", null, null);
        data.user("root", "admin", null, null);
        tokens = tokens();
    }

    private Map<Role, String> tokens() {
        return Map.of(Role.operator, token("olga"), Role.supervisor, token("sam"), Role.admin, token("root"));
    }

    private String token(String login) {
        return (String) client.toBlocking().retrieve(HttpRequest.POST("/api/auth/login",
                Map.of("login", login, "password", TestData.PASSWORD)), Map.class).get("accessToken");
    }

    private int status(UriRouteInfo<?, ?> route, String token) {
        String path = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "").replaceAll("\\{[^}]*}", "999999"); // no row: a granted route must not act on the users of this test
        MutableHttpRequest<Object> request = HttpRequest.create(route.getHttpMethod(), path);
        if (token != null) {
            request.bearerAuth(token);
        }
        if (route.getHttpMethod().permitsRequestBody()) {
            // a body the route takes, so that the answer is about rights and not a 415
            List<MediaType> takes = route.getConsumes();
            if (takes.isEmpty() || takes.contains(MediaType.APPLICATION_JSON_TYPE)) {
                request.body(Map.of());
            } else {
                request.contentType(takes.get(0)).body("");
            }
        }
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** {@code METHOD path} → the roles granted: operator, supervisor, admin, anonymous; {@code own-rules} for management. */
    private static Map<String, Set<String>> table() throws IOException {
        Map<String, Set<String>> table = new TreeMap<>();
        try (InputStream in = RoleAccessMatrixTest.class.getResourceAsStream("/access/route-roles.tsv")) {
            assertNotNull(in, "access/route-roles.tsv is missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertEquals(2, cells.length, "a line is METHOD path<TAB>roles: " + line);
                assertNull(table.put(cells[0].trim(), Set.of(cells[1].trim().split(",\\s*"))), "listed twice: " + line);
            }
        }
        return table;
    }

    /** The line the code implies for a route missing from the table, for the failure message. */
    private static String implied(String what, AnnotationMetadata metadata) {
        if (!metadata.hasAnnotation(Secured.class)) {
            return what + "\t" + OWN_RULES;
        }
        List<String> values = List.of(metadata.findAnnotation(Secured.class).orElseThrow().stringValues());
        List<String> roles = values.contains(SecurityRule.IS_ANONYMOUS) ? List.of(ANONYMOUS)
                : values.contains(SecurityRule.IS_AUTHENTICATED) ? List.of("operator", "supervisor", "admin") : values;
        return what + "\t" + String.join(",", roles);
    }

    @Test
    void everyRouteGrantsExactlyTheRolesOfTheTable() throws IOException {
        Map<String, Set<String>> table = table();
        Set<String> unlisted = new TreeSet<>();
        Set<String> routes = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            AnnotationMetadata metadata = route.getTargetMethod().getAnnotationMetadata();
            String what = route.getHttpMethod() + " " + route.getUriMatchTemplate();
            routes.add(what);
            Set<String> granted = table.get(what);
            if (granted == null) {
                unlisted.add(implied(what, metadata));
                continue;
            }
            if (granted.contains(OWN_RULES)) {
                continue; // management endpoints (/health, /prometheus) have their own rules, tested beside them
            }
            if (!granted.contains(ANONYMOUS)) {
                int anonymous = status(route, null);
                if (anonymous != 401) {
                    wrong.add(what + " without a token: " + anonymous);
                }
            }
            for (Role role : List.of(Role.operator, Role.supervisor, Role.admin)) {
                boolean allowed = granted.contains(role.name()) || granted.contains(ANONYMOUS);
                int answer = status(route, tokens.get(role));
                if (!allowed && answer != 403) {
                    wrong.add(what + " as " + role + ": " + answer + " (granted to " + granted + ")");
                }
                // anonymous routes check their own credentials (an API key, a webhook signature)
                if (allowed && !granted.contains(ANONYMOUS) && (answer == 403 || answer == 401) && !what.contains("{")) {
                    wrong.add(what + " as " + role + " refused with " + answer + " though granted to " + granted);
                }
            }
            checked++;
            if (what.contains("/api/auth/")) {
                // logout-all, reached on purpose above, ended the sessions used here
                tokens = tokens();
            }
        }
        Set<String> gone = new TreeSet<>(table.keySet());
        gone.removeAll(routes);
        assertTrue(unlisted.isEmpty(), "routes missing from access/route-roles.tsv; check these lines, then add them:\n"
                + String.join("\n", unlisted));
        assertTrue(gone.isEmpty(), "lines of access/route-roles.tsv naming no route: " + gone);
        assertTrue(checked > 50, "routes checked: " + checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
