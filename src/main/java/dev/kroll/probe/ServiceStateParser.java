package dev.kroll.probe;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what the service manager says about a service. Pure. */
public final class ServiceStateParser {

    private static final DateTimeFormatter SYSTEMD_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
    private static final Pattern PID = Pattern.compile("\\bpid\\D{0,3}(\\d+)", Pattern.CASE_INSENSITIVE);

    private ServiceStateParser() {
    }

    /** The systemctl command whose output {@link #systemd} reads. */
    public static String systemdCommand(String unit) {
        return "systemctl show --no-pager -p ActiveState -p SubState -p MainPID -p ActiveEnterTimestamp -- "
                + quote(unit);
    }

    /** {@code ActiveState=active}, {@code MainPID=1234}, {@code ActiveEnterTimestamp=Tue 2025-05-06 10:00:00 UTC}. */
    public static ProcessState systemd(String show) {
        Map<String, String> kv = new HashMap<>();
        for (String line : show.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        String active = kv.getOrDefault("ActiveState", "unknown");
        String sub = kv.get("SubState");
        long pid = parseLong(kv.get("MainPID"));
        return new ProcessState(active.equals("active"), sub == null || sub.equals(active) ? active : active + " (" + sub + ")",
                pid > 0 ? pid : null, active.equals("active") ? time(kv.get("ActiveEnterTimestamp")) : null);
    }

    /** A status script: exit 0 means running; a {@code pid 1234} in its output is taken as the PID. */
    public static ProcessState script(int exitCode, String output) {
        Matcher m = PID.matcher(output == null ? "" : output);
        Long pid = exitCode == 0 && m.find() ? Long.valueOf(m.group(1)) : null;
        return new ProcessState(exitCode == 0, exitCode == 0 ? "running" : "stopped", pid, null);
    }

    static Instant time(String s) {
        if (s == null || s.isBlank() || s.equals("n/a")) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s, SYSTEMD_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String quote(String s) {
        return s.matches("[A-Za-z0-9@._:-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
