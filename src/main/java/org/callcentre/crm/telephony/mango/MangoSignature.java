package org.callcentre.crm.telephony.mango;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Mango's request signature: lowercase hex SHA-256 of {@code api_key + json + api_salt}. */
public final class MangoSignature {
    private MangoSignature() {
    }

    public static String sign(String apiKey, String json, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey + json + salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time, so that a forger learns nothing from how fast a wrong signature is refused. */
    public static boolean verify(MangoSettings settings, String apiKey, String json, String sign) {
        if (!settings.configured() || apiKey == null || json == null || sign == null) {
            return false;
        }
        boolean keyMatches = MessageDigest.isEqual(settings.apiKey().getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8));
        boolean signMatches = MessageDigest.isEqual(sign(settings.apiKey(), json, settings.apiSalt()).getBytes(StandardCharsets.UTF_8),
                sign.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return keyMatches & signMatches;
    }
}
