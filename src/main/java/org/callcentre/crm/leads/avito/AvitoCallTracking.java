package org.callcentre.crm.leads.avito;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the calls Avito's call tracking reports ({@code POST /calltracking/v1/getCalls/}) and links
 * each to our call from the same number that started within two minutes of it, so a call is known
 * to come from an Avito ad.
 */
@Singleton
public class AvitoCallTracking {
    private static final Logger LOG = LoggerFactory.getLogger(AvitoCallTracking.class);
    private static final DateTimeFormatter AVITO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50;
    private static final int LINK_SLACK_SECONDS = 120;
    private static final int SCHEDULED_HOURS = 2;
    private static final int MAX_ADS_DESCRIBED = 50;

    private final AvitoApi api;
    private final AvitoAccountRepository accounts;
    private final AvitoTrackedCallRepository tracked;
    private final Clock clock;

    AvitoCallTracking(AvitoApi api, AvitoAccountRepository accounts, AvitoTrackedCallRepository tracked, Clock clock) {
        this.api = api;
        this.accounts = accounts;
        this.tracked = tracked;
        this.clock = clock;
    }

    /** Calls read from Avito, newly stored, and linked to our calls (new links, old calls included). */
    @Serdeable
    public record SyncResult(int read, int stored, int linked) {
    }

    @Scheduled(fixedDelay = "${crm.avito.calltracking-interval:15m}", initialDelay = "${crm.avito.calltracking-interval:15m}")
    void syncAll() {
        for (AvitoAccount account : enabledAccounts()) {
            try {
                sync(account, SCHEDULED_HOURS);
            } catch (ApiException e) {
                LOG.warn("Avito call tracking of account {} not read: {}", account.id(), e.getMessage());
            }
        }
    }

    @Transactional
    List<AvitoAccount> enabledAccounts() {
        return accounts.enabled();
    }

    public SyncResult sync(AvitoAccount account, int hours) {
        if (hours < 1 || hours > 24 * 31) {
            throw ApiException.badField("hours", "must be between 1 and 744");
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(Duration.ofHours(hours));
        List<Map<?, ?>> calls = new ArrayList<>();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                Map<String, Object> answer = api.calls(account, Map.of("dateTimeFrom", AVITO_TIME.format(from),
                        "dateTimeTo", AVITO_TIME.format(to), "limit", PAGE, "offset", page * PAGE));
                List<?> batch = answer.get("calls") instanceof List<?> list ? list : List.of();
                batch.stream().filter(Map.class::isInstance).map(c -> (Map<?, ?>) c).forEach(calls::add);
                if (batch.size() < PAGE) {
                    break;
                }
            }
        } catch (AvitoApiException e) {
            throw new ApiException(io.micronaut.http.HttpStatus.BAD_GATEWAY, "avito_unavailable", e.getMessage(), Map.of());
        }
        SyncResult result = store(account.id(), calls);
        describeAds(account);
        return result;
    }

    /**
     * Asks Avito for the title and link of the ads its reports name and no stored report describes yet, a bounded number a
     * read; an ad Avito cannot describe now keeps its id and is asked for again at the next read.
     */
    private void describeAds(AvitoAccount account) {
        for (String itemId : tracked.undescribedItems(account.id(), MAX_ADS_DESCRIBED)) {
            try {
                Map<String, Object> item = api.item(account, itemId);
                String title = item.get("title") instanceof String t && !t.isBlank() ? t : null;
                String url = item.get("url") instanceof String u && u.startsWith("https://") ? u : null;
                if (title != null || url != null) {
                    tracked.describe(account.id(), itemId, title, url);
                }
            } catch (AvitoApiException e) {
                LOG.warn("Avito ad {} of account {} not described: {}", itemId, account.id(), e.getMessage());
            }
        }
    }

    @Transactional
    SyncResult store(long accountId, List<Map<?, ?>> calls) {
        int stored = 0;
        for (Map<?, ?> call : calls) {
            Object id = call.get("callId");
            Instant time = parseTime(call.get("callTime"));
            if (id == null || time == null) {
                continue;
            }
            String buyer = call.get("buyerPhone") instanceof String p ? PhoneNumbers.normalize(p).orElse(null) : null;
            String virtual = call.get("virtualPhone") instanceof String p ? PhoneNumbers.normalize(p).orElse(null) : null;
            int talk = call.get("talkDuration") instanceof Number n ? n.intValue() : 0;
            String item = call.get("itemId") == null ? null : String.valueOf(call.get("itemId"));
            stored += tracked.insert(accountId, String.valueOf(id), item, buyer, virtual, time, talk).isPresent() ? 1 : 0;
        }
        return new SyncResult(calls.size(), stored, tracked.linkUnlinked(accountId, LINK_SLACK_SECONDS));
    }

    private static Instant parseTime(Object raw) {
        if (!(raw instanceof String text)) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
