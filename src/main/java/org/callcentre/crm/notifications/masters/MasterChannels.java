package org.callcentre.crm.notifications.masters;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** Where a master gets job cards: an e-mail address, and a Telegram chat linked by a one-time code. */
@Singleton
class MasterChannels {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final MasterContactsRepository contacts;
    private final MasterSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MasterChannels(MasterContactsRepository contacts, MasterSettings settings, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the admin sees: the address and whether (since when) a Telegram chat is linked. */
    @Serdeable
    record View(long masterId, String email, boolean telegramLinked, Instant telegramLinkedAt) {
    }

    /** The code the master sends to the bot ({@code /start <code>} or the code alone), until it expires. */
    @Serdeable
    record LinkCode(String code, Instant expiresAt) {
    }

    @Serdeable
    record Request(String email) {
    }

    @Transactional
    View get(long masterId) {
        MasterContactsRepository.Contacts c = find(masterId);
        return new View(masterId, c.email(), c.telegramChatId() != null, c.telegramLinkedAt());
    }

    @Transactional
    View setEmail(long masterId, Request request, Actor actor) {
        MasterContactsRepository.Contacts before = find(masterId);
        Fields f = new Fields();
        String email = f.optional("email", request == null ? null : request.email(), 254);
        f.check(email == null || EMAIL.matcher(email).matches(), "email", "is not an e-mail address");
        f.throwIfAny();
        contacts.setEmail(masterId, email);
        audit.record(actor, "update", "master", masterId, new Changes().field("email", before.email(), email).asMap());
        return get(masterId);
    }

    @Transactional
    LinkCode newLinkCode(long masterId, Actor actor) {
        find(masterId);
        String code = String.format("%08d", random.nextInt(100_000_000));
        Instant expires = clock.instant().plus(settings.linkCodeLifetime());
        contacts.setLinkCode(masterId, code, expires);
        audit.record(actor, "update", "master", masterId, new Changes().set("telegramLinkCode", "issued").asMap());
        return new LinkCode(code, expires);
    }

    private MasterContactsRepository.Contacts find(long masterId) {
        return contacts.contacts(masterId).orElseThrow(() -> ApiException.notFound("Master " + masterId));
    }
}
