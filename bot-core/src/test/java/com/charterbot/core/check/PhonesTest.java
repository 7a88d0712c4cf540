package com.charterbot.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    private static List<String> found(String text) {
        return Phones.find(text).stream()
                .map(span -> text.substring(span[0], span[1]))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "06 71 22 33 44",
                "06.71.22.33.44",
                "0671223344",
                "+33 6 71 22 33 44",
                "+44 20 7946 0958",
                "(415) 555-0132",
                "415-555-0132",
                "020 7946 0958"
            })
    void findsPhoneNumbersAsPeopleWriteThem(String number) {
        assertThat(found("Mme Leroy (" + number + ") nous harcèle")).containsExactly(number);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024 2025",
                "42.2 km in 4h12",
                "01/02/2024",
                "12 345 678 units",
                "order 123-456",
                "v1.2.3.4",
                "1 2 3 4 5 6 7 8 9 10 11",
                "X20Y0671223344"
            })
    void leavesOtherNumbersAlone(String text) {
        assertThat(found(text)).isEmpty();
    }
}
