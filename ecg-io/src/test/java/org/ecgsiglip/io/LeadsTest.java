package org.ecgsiglip.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LeadsTest {
    @Test
    void normalisesEverySpellingOfTheStandardLeads() {
        assertEquals("aVR", Leads.normalize("AVR"));
        assertEquals("aVL", Leads.normalize("avl"));
        assertEquals("aVF", Leads.normalize(" aVF "));
        assertEquals("I", Leads.normalize("i"));
        assertEquals("V6", Leads.normalize("v6"));
        assertEquals("MLII", Leads.normalize("MLII"));
        assertEquals(12, Leads.STANDARD_12.size());
        assertEquals(OptionalInt.of(3), Leads.indexOf(List.of("I", "II", "III", "AVR"), "aVR"));
    }
}
