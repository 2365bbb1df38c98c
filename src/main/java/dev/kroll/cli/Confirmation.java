package dev.kroll.cli;

import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Asks before a run that overwrites files or restarts services. {@code --yes} skips the question;
 * without a terminal there is nobody to ask, so the run is refused with a message naming
 * {@code --yes} (exit 2, nothing changed).
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * @param terminal the terminal to ask on, or null when stdin is not a terminal
     * @param allSteps the playbook's steps, to number the changing ones
     */
    static void require(boolean yes, String what, List<Step> allSteps, List<Step> changing, BufferedReader terminal, PrintWriter out) {
        if (yes || changing.isEmpty()) {
            return;
        }
        ask(summary(what, allSteps, changing), terminal, out);
    }

    /**
     * Asks "Go ahead?" after {@code summary} on the terminal; refuses without one (exit 2, naming
     * {@code --yes}) and on any answer but yes (exit 1). Nothing has been changed either way.
     */
    static void ask(String summary, BufferedReader terminal, PrintWriter out) {
        if (terminal == null) {
            throw KrollException.badInput(summary + "; stdin is not a terminal, so nobody can confirm — pass --yes to go ahead");
        }
        out.println(summary + ".");
        out.print("Go ahead? [y/N] ");
        out.flush();
        String answer;
        try {
            answer = terminal.readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT))) {
            throw new KrollException(ExitCode.FAILURE, "not confirmed: nothing was changed");
        }
    }

    static String summary(String what, List<Step> allSteps, List<Step> changing) {
        boolean restarts = changing.stream().anyMatch(s -> s.effects().contains(Effect.RESTARTS_SERVICES));
        boolean writes = changing.stream().anyMatch(s -> s.effects().contains(Effect.OVERWRITES_FILES));
        String verbs = writes && restarts ? "overwrite files and start or restart services" : writes ? "overwrite files" : "start or restart services";
        String steps = IntStream.range(0, allSteps.size()).filter(i -> changing.contains(allSteps.get(i)))
                .mapToObj(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "));
        return what + " would " + verbs + " (step" + (changing.size() == 1 ? " " : "s ") + steps + ")";
    }
}
