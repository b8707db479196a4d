package org.callcentre.crm.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/**
 * E.164 normalisation, so that {@code 8 916 123-45-67}, {@code +7 (916) 123-45-67} and
 * {@code 79161234567} are one client, not three.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "RU";
    private static final int MAX_INPUT_LENGTH = 40;

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a possible phone number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String text = raw.trim();
        String digits = text.replaceAll("[^0-9]", "");
        // PBXs send Russian numbers as 11 bare digits starting with 7 ("79161234567"); without the
        // plus libphonenumber would read them as a national number of the default region.
        if (!text.startsWith("+") && digits.length() == 11 && digits.startsWith("7") && text.matches("[0-9 ()\\-]+")) {
            text = "+" + digits;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, DEFAULT_REGION);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The E.164 form of a required field, or a 400 naming it. */
    public static String require(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badField(field, "is required");
        }
        return normalize(raw).orElseThrow(() -> ApiException.badField(field, "is not a valid phone number"));
    }

    /** Like {@link #require} but a missing value stays null. */
    public static String optional(String field, String raw) {
        return raw == null || raw.isBlank() ? null : require(field, raw);
    }
}
