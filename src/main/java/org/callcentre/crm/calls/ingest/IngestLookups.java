package org.callcentre.crm.calls.ingest;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.campaigns.CampaignDirectory;
import org.callcentre.crm.campaigns.CampaignMatch;
import org.callcentre.crm.shared.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference data every call event needs (which operator has extension 101, which campaign owns
 * a company number), cached for a few seconds: a PBX sends thousands of events a second and this
 * data changes a few times a day. An admin's change is seen within {@code crm.ingest.lookup-ttl}.
 */
@Singleton
public class IngestLookups {
    /**
     * An operator as ingest needs them.
     *
     * @param active    whether the user may work now (only active users get screen-pops)
     * @param cityScope the only city whose orders the user may see; null for every city
     */
    public record OperatorRef(long id, Long cityId, boolean active, Long cityScope) {
    }

    private final LoadingCache<String, Optional<OperatorRef>> operators;
    private final LoadingCache<String, Optional<CampaignMatch>> campaigns;

    public IngestLookups(Db db, CampaignDirectory campaignDirectory, @Value("${crm.ingest.lookup-ttl:5s}") Duration ttl) {
        this.operators = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl)
                .build(extension -> db.queryOne("SELECT id, city_id, role, status FROM operators WHERE sip_address = ?",
                        IngestLookups::operator, extension));
        this.campaigns = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl)
                .build(campaignDirectory::findByPhoneAts);
    }

    private static OperatorRef operator(ResultSet rs) throws SQLException {
        Long cityId = Db.getLong(rs, "city_id");
        Role role = Role.valueOf(rs.getString("role"));
        return new OperatorRef(rs.getLong("id"), cityId, "active".equals(rs.getString("status")),
                new Actor(null, null, role, cityId, null).cityScope());
    }

    public Optional<OperatorRef> operatorByExtension(String extension) {
        return extension == null ? Optional.empty() : operators.get(extension);
    }

    public Optional<CampaignMatch> campaignByNumber(String e164) {
        return e164 == null ? Optional.empty() : campaigns.get(e164);
    }
}
