package org.callcentre.crm.siplines;

import java.util.List;
import java.util.Optional;

/** The SIP lines as the line checker needs them: the SIP adapter knows this, not the repository. */
public interface SipLines {
    Optional<SipLine> findById(long id);

    List<SipLine> findEnabled();
}
