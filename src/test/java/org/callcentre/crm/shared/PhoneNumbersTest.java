package org.callcentre.crm.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "8 916 123-45-67, +79161234567",
            "+7 (916) 123-45-67, +79161234567",
            "79161234567, +79161234567",
            "89161234567, +79161234567",
            "9161234567, +79161234567",
            "+7 843 250-77-13, +78432507713",
            "+375 29 123-45-67, +375291234567",
    })
    void normalisesToE164(String raw, String expected) {
        assertEquals(Optional.of(expected), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "   ", "12", "+7 916", "8 916 123-45-67-89-00-11-22-33-44-55-66-77-88"})
    void refusesWhatIsNotAPhone(String raw) {
        assertEquals(Optional.empty(), PhoneNumbers.normalize(raw));
    }
}
