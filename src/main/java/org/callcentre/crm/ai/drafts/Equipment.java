package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Appliances;

import java.util.List;
import java.util.stream.Collectors;

/** The kinds of appliance the service repairs, as callers name them (the shared lexicon), and brands, which end a problem phrase. */
final class Equipment {
    static final Dictionary TYPES = new Dictionary(Appliances.russian().names());
    static final Dictionary BRANDS = new Dictionary(Appliances.russian().brands().stream()
            .collect(Collectors.toMap(b -> b, List::of, (a, b) -> a)));

    private Equipment() {
    }
}
