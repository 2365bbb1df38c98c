package dev.kroll.tui.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.tui.theme.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetsTest {

    @Test
    void sparklineScalesToTheSeriesMaximumAndKeepsTheNewestPoints() {
        assertEquals("▁▅█", Sparkline.render(new double[] {0, 50, 100}, 3));
        assertEquals("  ▂█", Sparkline.render(new double[] {1, 8}, 4), "short series are padded on the left");
        assertEquals("▁█", Sparkline.render(new double[] {100, 0, 100}, 2), "only the newest points");
        assertEquals("▁▁", Sparkline.render(new double[] {0, 0}, 2), "all zero is flat, not an error");
    }

    @Test
    void unitsReadTheWayOperatorsWriteThem() {
        assertEquals("950", Units.count(950));
        assertEquals("1.2k", Units.count(1234));
        assertEquals("34k", Units.count(34_000));
        assertEquals("1.5 MiB", Units.bytes(1.5 * 1024 * 1024));
        assertEquals("512 B", Units.bytes(512));
        assertEquals("83%", Units.percent(0.83));
        assertEquals("4.2 ms", Units.millis(4.2));
        assertEquals("1.2 s", Units.millis(1200));
    }

    @Test
    void gridGivesSpareWidthToFlexibleColumnsWithoutLosingCells() {
        Grid g = new Grid(List.of(Grid.Column.left("a", 4), Grid.Column.left("b", 4).flex(1), Grid.Column.left("c", 4).flex(2)),
                List.of());
        int[] w = g.widths(30);
        assertArrayEquals(new int[] {4, 4 + 5, 4 + 11}, w, "spare 16 cells split 1:2");
        assertEquals(30, w[0] + w[1] + w[2] + 2, "all the width is used (one space between columns)");
    }

    @Test
    void longLinesWrapAtWordsWithAnIndentButTableRowsAreCut() {
        Line l = Line.builder().add("▲ ", Style.WARN).add("4 under-replicated partitions on topic orders", Style.WARN).build();
        List<Line> wrapped = Wrap.line(l, 20, 2);
        assertTrue(wrapped.size() > 1);
        wrapped.forEach(x -> assertTrue(x.width() <= 20, x.text()));
        assertEquals(l.text().replace(" ", ""), String.join("", wrapped.stream().map(Line::text).toList()).replace(" ", ""));
        assertTrue(wrapped.get(1).text().startsWith("  "));
        assertEquals(1, Wrap.line(l.kept(), 20, 2).size());
    }

    @Test
    void progressBarsFillInProportion() {
        assertEquals("█████░░░░░", Bar.render(1, 2, 10).text());
        assertEquals("░░░░", Bar.render(0, 0, 4).text(), "nothing known yet is empty, not full");
    }
}
