package org.callcentre.crm.auth;

import org.callcentre.crm.shared.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"short", "elevenchars", "Password2024!", "password1234", "qwertyqwerty", "123456789012",
            "2024-12-31!!!", "йцукенгшщзхъ", "Пароль123456", "1q2w3e4r5t6y", "aaaaaaaaaaaaaaaa", "abcabcabcabcabc",
            "iloveyou2020!!", "Administrator1", "            "})
    void shortCommonAndRepeatedPasswordsAreRefusedNamingTheField(String password) {
        ApiException refused = assertThrows(ApiException.class, () -> PasswordPolicy.check("password", password));
        assertEquals(400, refused.status().getCode());
        assertTrue(refused.fields().containsKey("password"), refused.fields().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct-horse-42", "test-admin-password-16", "Кот ест рыбу по средам", "long-enough-password",
            "tr0ub4dor&3-staple"})
    void longUncommonPasswordsAreAccepted(String password) {
        assertEquals(password, PasswordPolicy.check("password", password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "11"})
    void theBootstrapAdminPasswordGoesThroughTheSameRules(String password) {
        ApiException refused = assertThrows(ApiException.class, () -> PasswordPolicy.check("CRM_ADMIN_PASSWORD", password));
        assertTrue(refused.fields().containsKey("CRM_ADMIN_PASSWORD"));
    }
}
