package dev.kroll.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void problemsSortByFileLineAndColumnWithWholeFileProblemsAfterAndUnplacedOnesLast() {
        List<Problem> found = List.of(
                Problem.error(SourcePos.NONE, "unplaced", null),
                Problem.warning(new SourcePos("b.yaml", 0, 0), "b whole file", null),
                Problem.error(new SourcePos("b.yaml", 3, 9), "b 3:9", null),
                Problem.error(new SourcePos("a.yaml", 12, 1), "a 12:1", null),
                Problem.error(new SourcePos("b.yaml", 3, 2), "b 3:2", null),
                Problem.note(new SourcePos("a.yaml", 2, 5), "a 2:5", null));
        assertEquals(List.of("a 2:5", "a 12:1", "b 3:2", "b 3:9", "b whole file", "unplaced"),
                Problem.sorted(found).stream().map(Problem::message).toList());
    }

    @Test
    void aProblemIsOneLineWithPlaceAndFix() {
        assertEquals("cluster.yaml:4:7: error: duplicate address 10.0.0.1 — give each host its own address",
                Problem.error(new SourcePos("cluster.yaml", 4, 7), "duplicate address 10.0.0.1", "give each host its own address").format());
        assertEquals("note: chose this", Problem.note(SourcePos.NONE, "chose this", null).format());
    }
}
