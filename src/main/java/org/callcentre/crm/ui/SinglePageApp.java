package org.callcentre.crm.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers the web UI's own pages (any GET outside the API, sockets, webhooks, health, Swagger, the
 * built assets and every other route, whose last segment has no file extension) with {@code index.html}, so a deep
 * link such as {@code /orders} or a reload opens the app and its router shows the page. Runs
 * before security: the page itself is public, every request it then makes carries the token.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SinglePageApp implements Ordered {
    static final String INDEX = "classpath:public/index.html";
    private static final List<String> NOT_PAGES = List.of("/api", "/ws", "/integrations", "/health", "/swagger", "/assets");

    private final byte[] index;
    private final Router router;

    public SinglePageApp(ResourceResolver resources, Router router) {
        this.index = resources.getResourceAsStream(INDEX).map(SinglePageApp::readAll).orElse(null);
        this.router = router;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<byte[]> page(HttpRequest<?> request) {
        if (index == null || !isPage(request.getMethod(), request.getPath()) || served(request)) {
            return null;
        }
        return HttpResponse.ok(index).contentType(MediaType.TEXT_HTML_TYPE)
                // the file names of the assets change with every build; the page must be asked for again
                .header("Cache-Control", "no-cache");
    }

    /** Endpoints outside the prefixes above ({@code /prometheus}, …) answer for themselves. */
    private boolean served(HttpRequest<?> request) {
        return router.find(HttpMethod.GET, request.getPath(), request).findAny().isPresent();
    }

    static boolean isPage(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        for (String prefix : NOT_PAGES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web UI's " + INDEX, e);
        }
    }
}
