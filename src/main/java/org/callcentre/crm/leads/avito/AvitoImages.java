package org.callcentre.crm.leads.avito;

import jakarta.inject.Singleton;
import org.callcentre.crm.conversations.ChatChannel.ChatImage;
import org.callcentre.crm.conversations.ChatChannel.ChatImageRefused;
import org.callcentre.crm.conversations.ChatChannel.ChatImageRefused.Reason;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches a picture a client sent in an Avito chat, for the browser, which may load own-origin images
 * only. The address came in an unsigned webhook, so it is fetched only from Avito's image hosts
 * ({@code crm.avito.image-hosts}), without redirects (they could lead elsewhere) and without the
 * account's token; only raster images pass, and the body is counted as it streams through: past
 * {@code crm.avito.image-max-size} the stream fails, so the browser gets a cut-off picture, not the rest.
 */
@Singleton
class AvitoImages {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** SVG is left out on purpose: it can carry script. */
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

    private final AvitoSettings settings;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    AvitoImages(AvitoSettings settings) {
        this.settings = settings;
    }

    ChatImage open(String imageUrl) throws ChatImageRefused {
        URI uri = allowed(imageUrl);
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ChatImageRefused(Reason.UNREACHABLE, "Avito's image host did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatImageRefused(Reason.UNREACHABLE, "interrupted while fetching the image");
        }
        InputStream body = response.body();
        try {
            if (response.statusCode() != 200) {
                throw new ChatImageRefused(Reason.UNREACHABLE, "Avito's image host answered " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("")
                    .split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!IMAGE_TYPES.contains(type)) {
                throw new ChatImageRefused(Reason.NOT_AN_IMAGE, "Avito's image host answered '" + type + "', not an image");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > settings.imageMaxSize()) {
                throw tooLarge();
            }
            return new ChatImage(new AtMost(body, settings.imageMaxSize()), type, length);
        } catch (ChatImageRefused refused) {
            closeQuietly(body);
            throw refused;
        }
    }

    private URI allowed(String imageUrl) throws ChatImageRefused {
        URI uri;
        try {
            uri = URI.create(imageUrl);
        } catch (IllegalArgumentException e) {
            throw new ChatImageRefused(Reason.HOST_NOT_ALLOWED, "the image's address is not a URL");
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getUserInfo() != null || !settings.imageHostAllowed(uri.getHost())) {
            throw new ChatImageRefused(Reason.HOST_NOT_ALLOWED, "the image's host is not one of crm.avito.image-hosts "
                    + settings.imageHosts());
        }
        return uri;
    }

    private ChatImageRefused tooLarge() {
        return new ChatImageRefused(Reason.TOO_LARGE, "the image is larger than " + settings.imageMaxSize()
                + " bytes (crm.avito.image-max-size)");
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the refusal is what matters; the connection is dropped either way
        }
    }

    /** Counts what streams through and fails past the cap, for answers that did not state their length. */
    private static final class AtMost extends FilterInputStream {
        private final long max;
        private long read;

        AtMost(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("the image is larger than " + max + " bytes (crm.avito.image-max-size)");
            }
        }
    }
}
