package org.callcentre.crm.calls.ingest;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.campaigns.CampaignDirectory;
import org.callcentre.crm.campaigns.CampaignMatch;
import org.callcentre.crm.shared.Db;

import java.time.Duration;
import java.util.Optional;

/**
 * The reference data every call event needs (which operator has extension 101, which campaign owns
 * a company number), cached for a few seconds: a PBX sends thousands of events a second and this
 * data changes a few times a day. An admin's change is seen within {@code crm.ingest.lookup-ttl}.
 */
@Singleton
public class IngestLookups {
    /** An operator as ingest needs them. */
    public record OperatorRef(long id, Long cityId) {
    }

    private final LoadingCache<String, Optional<OperatorRef>> operators;
    private final LoadingCache<String, Optional<CampaignMatch>> campaigns;

    public IngestLookups(Db db, CampaignDirectory campaignDirectory, @Value("${crm.ingest.lookup-ttl:5s}") Duration ttl) {
        this.operators = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl)
                .build(extension -> db.queryOne("SELECT id, city_id FROM operators WHERE sip_address = ?",
                        rs -> new OperatorRef(rs.getLong("id"), Db.getLong(rs, "city_id")), extension));
        this.campaigns = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl)
                .build(campaignDirectory::findByPhoneAts);
    }

    public Optional<OperatorRef> operatorByExtension(String extension) {
        return extension == null ? Optional.empty() : operators.get(extension);
    }

    public Optional<CampaignMatch> campaignByNumber(String e164) {
        return e164 == null ? Optional.empty() : campaigns.get(e164);
    }
}
