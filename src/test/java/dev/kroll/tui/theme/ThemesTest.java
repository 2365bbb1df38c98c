package dev.kroll.tui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.ThemeStyle;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemesTest {

    private static ThemeStyle style(Themes.KrollTheme t, Style s) {
        return t.lanterna().getDefaultDefinition().getCustom(s.key());
    }

    @Test
    void everyShippedThemeDefinesEverySemanticStyleWithoutTrueColour() {
        for (String name : Themes.NAMES) {
            Themes.KrollTheme t = Themes.load(name, null, ColorSupport.INDEXED_256);
            for (Style s : Style.values()) {
                TextColor fg = s == Style.NORMAL ? t.lanterna().getDefaultDefinition().getNormal().getForeground() : style(t, s).getForeground();
                assertTrue(!(fg instanceof TextColor.RGB), name + " " + s + " uses 24-bit colour");
            }
        }
    }

    @Test
    void noColorMeansMonochromeUnlessAThemeIsAskedForExplicitly() {
        assertEquals("monochrome", ThemeChoice.choose(null, "light", Map.of("NO_COLOR", "1", "TERM", "xterm-256color")).name());
        assertEquals("light", ThemeChoice.choose("light", null, Map.of("NO_COLOR", "1", "TERM", "xterm")).name());
        assertEquals("monochrome", ThemeChoice.choose(null, null, Map.of("TERM", "dumb")).name());
        assertEquals("monochrome", ThemeChoice.choose(null, null, Map.of("TERM", "vt100")).name());
        assertEquals("dark", ThemeChoice.choose(null, null, Map.of("TERM", "xterm-256color")).name());
    }

    @Test
    void monochromeUsesOnlyTheTerminalsOwnColours() {
        Themes.KrollTheme mono = Themes.load("monochrome", null, ColorSupport.MONOCHROME);
        for (Style s : Style.values()) {
            if (s != Style.NORMAL) {
                assertEquals(TextColor.ANSI.DEFAULT, style(mono, s).getForeground(), s.name());
                assertEquals(TextColor.ANSI.DEFAULT, style(mono, s).getBackground(), s.name());
            }
        }
    }

    @Test
    void theInventorysThemeCanBeJustAnAccentLikeRedForProduction() {
        Themes.KrollTheme t = ThemeChoice.choose(null, "red", Map.of("TERM", "xterm-256color"));
        assertEquals("dark", t.name());
        assertEquals("dark+red", t.label());
        assertEquals(TextColor.ANSI.RED, style(t, Style.TITLE).getBackground());
        Themes.KrollTheme light = ThemeChoice.choose(null, "light+magenta", Map.of("TERM", "xterm"));
        assertEquals(TextColor.ANSI.MAGENTA, style(light, Style.TITLE).getBackground());
    }

    @Test
    void indexedColoursAreMappedToTheNearestAnsiColourOnSixteenColourTerminals() {
        Themes.KrollTheme full = Themes.load("colorblind", null, ColorSupport.INDEXED_256);
        Themes.KrollTheme ansi = Themes.load("colorblind", null, ColorSupport.ANSI);
        assertEquals(new TextColor.Indexed(33), style(full, Style.OK).getForeground());
        assertTrue(style(ansi, Style.OK).getForeground() instanceof TextColor.ANSI);
        assertNotEquals(style(ansi, Style.OK).getForeground(), style(ansi, Style.BAD).getForeground(),
                "health stays distinguishable after the mapping");
    }

    @Test
    void colourBlindThemeKeepsHealthOffTheRedGreenAxis() {
        Themes.KrollTheme t = Themes.load("colorblind", null, ColorSupport.INDEXED_256);
        assertEquals(new TextColor.Indexed(33), style(t, Style.OK).getForeground(), "blue for healthy");
        assertEquals(new TextColor.Indexed(214), style(t, Style.WARN).getForeground(), "orange for degraded");
    }

    @Test
    void anUnknownThemeIsBadInputWithASuggestion() {
        KrollException e = assertThrows(KrollException.class, () -> ThemeChoice.load("ligth", ColorSupport.ANSI));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("did you mean 'light'?"), e.getMessage());
    }

    @Test
    void aThemeFileCanBeGivenByPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.properties");
        Files.writeString(f, "foreground = white\nbackground = black\nforeground[OK] = cyan\n");
        assertEquals(TextColor.ANSI.CYAN, style(ThemeChoice.load(f.toString(), ColorSupport.ANSI), Style.OK).getForeground());
    }
}
