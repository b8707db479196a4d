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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every route, read from the router with its {@code @Secured} roles: an operator gets 403 from
 * each route not granted to operators, a supervisor from each not granted to supervisors, and a
 * caller without a token gets 401 from each route that is not anonymous. A new endpoint is covered
 * without touching this test; what each role may see inside a route it may call (its own city, its
 * own statistics) is tested beside each feature.
 */
@MicronautTest(transactional = false)
class RoleAccessMatrixTest {
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
        tokens = Map.of(Role.operator, token("olga"), Role.supervisor, token("sam"));
    }

    private String token(String login) {
        return (String) client.toBlocking().retrieve(HttpRequest.POST("/api/auth/login",
                Map.of("login", login, "password", TestData.PASSWORD)), Map.class).get("accessToken");
    }

    private int status(UriRouteInfo<?, ?> route, String token) {
        String path = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "").replaceAll("\\{[^}]*}", "1");
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

    @Test
    void everyRouteRefusesTheRolesItDoesNotGrant() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            AnnotationMetadata metadata = route.getTargetMethod().getAnnotationMetadata();
            if (!metadata.hasAnnotation(Secured.class)) {
                continue; // management endpoints (/health, /prometheus) have their own rules, tested beside them
            }
            // the nearest @Secured, the method's over its class's, as the framework's own rule reads it
            Set<String> granted = Set.copyOf(List.of(metadata.findAnnotation(Secured.class).orElseThrow().stringValues()));
            String what = route.getHttpMethod() + " " + route.getUriMatchTemplate();
            if (!granted.contains(SecurityRule.IS_ANONYMOUS)) {
                int anonymous = status(route, null);
                if (anonymous != 401) {
                    wrong.add(what + " without a token: " + anonymous);
                }
            }
            for (Role role : List.of(Role.operator, Role.supervisor)) {
                boolean allowed = granted.contains(role.name()) || granted.contains(SecurityRule.IS_AUTHENTICATED)
                        || granted.contains(SecurityRule.IS_ANONYMOUS);
                int answer = status(route, tokens.get(role));
                if (!allowed && answer != 403) {
                    wrong.add(what + " as " + role + ": " + answer + " (granted to " + granted + ")");
                }
                // anonymous routes check their own credentials (an API key, a webhook signature)
                if (allowed && !granted.contains(SecurityRule.IS_ANONYMOUS) && (answer == 403 || answer == 401) && !what.contains("{")) {
                    wrong.add(what + " as " + role + " refused with " + answer + " though granted to " + granted);
                }
            }
            checked++;
            if (what.contains("/api/auth/")) {
                // logout-all, reached on purpose above, ended the sessions used here
                tokens = Map.of(Role.operator, token("olga"), Role.supervisor, token("sam"));
            }
        }
        assertTrue(checked > 50, "routes checked: " + checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
