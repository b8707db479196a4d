package org.callcentre.crm.operators;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.PasswordHasher;
import org.callcentre.crm.auth.PasswordPolicy;
import org.callcentre.crm.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * On an empty database, creates the first admin. There is no built-in default password: it comes
 * from {@code CRM_ADMIN_PASSWORD} or is generated and printed once.
 */
@Singleton
public class AdminBootstrap implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final OperatorRepository operators;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final String configuredPassword;

    public AdminBootstrap(OperatorRepository operators, PasswordHasher hasher, AuditLog audit, Clock clock,
                          @Value("${crm.admin-password:}") String configuredPassword) {
        this.operators = operators;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void onApplicationEvent(ServerStartupEvent event) {
        if (operators.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? randomPassword() : PasswordPolicy.check("CRM_ADMIN_PASSWORD", configuredPassword);
        long id = operators.insert("admin", hasher.hash(password), "Administrator", Role.admin, null, "active", "offline", null);
        operators.recordWorkStatus(id, "offline", clock.instant());
        audit.record(Actor.system("bootstrap"), "create", "operator", id, Map.of("login", "admin", "role", "admin"));
        if (generated) {
            LOG.warn("Created user 'admin' with generated password: {}  (shown once; set CRM_ADMIN_PASSWORD to choose it)", password);
        } else {
            LOG.info("Created user 'admin' with the password from CRM_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
