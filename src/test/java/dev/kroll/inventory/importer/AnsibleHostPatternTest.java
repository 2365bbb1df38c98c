package dev.kroll.inventory.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsibleHostPatternTest {

    @Test
    void numericRangesExpandInclusively() {
        assertEquals(List.of("kafka1.example.com", "kafka2.example.com", "kafka3.example.com"), AnsibleHostPattern.expand("kafka[1:3].example.com"));
    }

    @Test
    void aLeadingZeroPadsToTheStartsWidth() {
        assertEquals(List.of("node08", "node09", "node10"), AnsibleHostPattern.expand("node[08:10]"));
    }

    @Test
    void lettersStridesAndSeveralRangesMultiplyOut() {
        assertEquals(List.of("a0", "a2", "b0", "b2"), AnsibleHostPattern.expand("[a:b][0:3:2]"));
    }

    @Test
    void aPlainNameIsItself() {
        assertEquals(List.of("kafka1.example.com"), AnsibleHostPattern.expand("kafka1.example.com"));
    }

    @Test
    void badRangesSayWhatIsWrong() {
        assertEquals("range [3:1] in 'k[3:1]' ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> AnsibleHostPattern.expand("k[3:1]")).getMessage());
        assertEquals("the step of range [1:3:0] in 'k[1:3:0]' must be positive",
                assertThrows(IllegalArgumentException.class, () -> AnsibleHostPattern.expand("k[1:3:0]")).getMessage());
        assertEquals("unbalanced '[' or ']' in host pattern 'k[1:3'",
                assertThrows(IllegalArgumentException.class, () -> AnsibleHostPattern.expand("k[1:3")).getMessage());
        assertEquals("range [1] in 'k[1]' must be [start:end] or [start:end:step]",
                assertThrows(IllegalArgumentException.class, () -> AnsibleHostPattern.expand("k[1]")).getMessage());
    }
}
