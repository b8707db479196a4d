package org.callcentre.crm.conversations;

import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first phone number a client wrote in a message ("мой номер 8 (916) 123-45-67"), in E.164. */
final class PhoneInText {
    private static final Pattern CANDIDATE = Pattern.compile("\\+?\\d[\\d\\s\\-()]{8,17}\\d");

    private PhoneInText() {
    }

    static Optional<String> find(String text) {
        Matcher m = CANDIDATE.matcher(text == null ? "" : text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 10 && digits.length() <= 12) {
                Optional<String> phone = PhoneNumbers.normalize(m.group());
                if (phone.isPresent()) {
                    return phone;
                }
            }
        }
        return Optional.empty();
    }
}
