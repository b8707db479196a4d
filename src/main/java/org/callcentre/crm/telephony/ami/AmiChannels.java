package org.callcentre.crm.telephony.ami;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads operator extensions and outside numbers out of Asterisk channel names, queue member
 * interfaces and dialled strings.
 */
final class AmiChannels {
    /**
     * {@code PJSIP/101-0000002c}, {@code SIP/101-…}, {@code IAX2/101-…}, {@code Local/101@from-queue-…;1}
     * and member interfaces such as {@code PJSIP/101} or {@code Local/101@from-queue/n}. Two to
     * eight digits, as operators' SIP addresses are: a trunk named by its long number is no extension.
     */
    private static final Pattern EXTENSION_CHANNEL = Pattern.compile("(?:PJSIP|SIP|IAX2|Local)/(\\d{2,8})(?:[-@/;].*)?");
    private static final Pattern EXTENSION = Pattern.compile("\\d{2,8}");
    private static final Pattern OUTSIDE_NUMBER = Pattern.compile("\\+?\\d{9,15}");

    private AmiChannels() {
    }

    /** The operator extension a channel or interface belongs to, or null for trunks and anything else. */
    static String extension(String channel) {
        if (channel == null) {
            return null;
        }
        Matcher m = EXTENSION_CHANNEL.matcher(channel);
        return m.matches() ? m.group(1) : null;
    }

    static boolean isExtension(String number) {
        return number != null && EXTENSION.matcher(number).matches();
    }

    /** A number longer than any extension: a client's or the company's phone. */
    static boolean isOutsideNumber(String number) {
        return number != null && OUTSIDE_NUMBER.matcher(number).matches();
    }

    /**
     * The number a Dial string dials: {@code 79161234567@kzn-trunk} (PJSIP),
     * {@code kzn-trunk/79161234567} (SIP, IAX2), {@code kzn-trunk/sip:79161234567@host}.
     */
    static String dialledNumber(String dialString) {
        if (dialString == null) {
            return null;
        }
        String target = dialString.substring(dialString.lastIndexOf('/') + 1);
        if (target.startsWith("sip:")) {
            target = target.substring(4);
        }
        int at = target.indexOf('@');
        return at < 0 ? target : target.substring(0, at);
    }
}
