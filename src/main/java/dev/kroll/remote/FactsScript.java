package dev.kroll.remote;

import dev.kroll.inventory.InstallPaths;

/**
 * The one shell script that gathers a host's facts in a single exec. Output is sections introduced by
 * {@code @@name [argument]} lines, read by {@link FactsParser}. POSIX sh and Linux /proc only; every probe
 * tolerates absence (a fresh host has no log dirs, maybe no Java).
 */
public final class FactsScript {

    private FactsScript() {
    }

    /** Run on its own, right after the facts script, so that its round trip (not Java's start-up) bounds the error. */
    public static final String CLOCK = "echo @@time; date +%s%3N";

    /** @param name the host's inventory name, checked for how the host itself resolves it */
    public static String forHost(InstallPaths paths, String name) {
        StringBuilder s = new StringBuilder();
        s.append("export LC_ALL=C\n")
                .append("echo @@hostname; hostname 2>/dev/null || cat /proc/sys/kernel/hostname\n")
                .append("echo @@fqdn; hostname -f 2>/dev/null\n")
                .append("echo @@addresses; hostname -I 2>/dev/null || ip -o addr show 2>/dev/null | awk '{print $4}'\n")
                .append("echo @@meminfo; cat /proc/meminfo\n")
                .append("echo @@cpus; getconf _NPROCESSORS_ONLN 2>/dev/null || grep -c ^processor /proc/cpuinfo\n")
                .append("echo @@swappiness; cat /proc/sys/vm/swappiness 2>/dev/null\n");
        for (String dir : paths.logDirs()) {
            String d = Shell.quote(dir);
            s.append("echo '@@df '").append(d).append("; p=").append(d)
                    .append("; while [ ! -e \"$p\" ]; do p=$(dirname \"$p\"); done; df -Pk \"$p\" | tail -n 1\n")
                    .append("echo '@@meta '").append(d).append("; cat ").append(Shell.quote(dir + "/meta.properties")).append(" 2>/dev/null\n");
        }
        String user = Shell.quote(paths.serviceUser());
        s.append("echo @@myid; cat ").append(Shell.quote(paths.zookeeperDataDir() + "/myid")).append(" 2>/dev/null\n")
                // logged in as the service user: its own limit (no su or sudo needed)
                .append("echo @@ulimit; if [ \"$(id -un 2>/dev/null)\" = ").append(user).append(" ]; then ulimit -n;")
                .append(" elif id -u ").append(user).append(" >/dev/null 2>&1; then")
                .append(" if [ \"$(id -u)\" = 0 ]; then su -s /bin/sh -c 'ulimit -n' ").append(user).append(" 2>/dev/null;")
                .append(" elif sudo -n true 2>/dev/null; then sudo -n -u ").append(user).append(" sh -c 'ulimit -n' 2>/dev/null;")
                .append(" fi; else echo no-such-user; fi\n")
                .append("echo @@java; if command -v java >/dev/null 2>&1; then java -version 2>&1 | head -n 1; fi\n")
                .append("echo @@tcp; cat /proc/net/tcp /proc/net/tcp6 2>/dev/null\n")
                .append("echo @@resolve; getent ahosts ").append(Shell.quote(name)).append(" 2>/dev/null | awk '{print $1}' | sort -u\n")
                .append("echo @@end\n");
        return s.toString();
    }
}
