package dev.kroll.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shell side of {@link AtomicUploader}, as pure functions: the probe script and its output, and the
 * install script. Each script handles all files of a host at once and forks as few programs as it can
 * (one {@code sha256sum} and one {@code stat} for every file together), because on a busy host (or 50 of
 * them) process start-up, not bytes, is what costs.
 */
final class UploadScripts {

    /** What the probe found for one target: its checksum and "mode owner group", or nulls when absent. */
    record Found(String sha256, String attributes) {
    }

    /** A file whose content goes up: its upload, the temp file holding the content, and the checksum it must have. */
    record Staged(FileUpload file, String temp) {
    }

    private UploadScripts() {
    }

    /**
     * Removes temp files interrupted runs left, creates missing directories, and prints {@code sha256sum}
     * and {@code stat -c '%a %U %G %n'} lines for the targets that exist.
     */
    static String probe(List<FileUpload> files) {
        Set<String> dirs = new LinkedHashSet<>();
        StringBuilder stale = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        for (FileUpload f : files) {
            dirs.add(f.directory());
            stale.append(' ').append(Shell.quote(f.tempPrefix())).append('*');
            targets.append(' ').append(Shell.quote(f.target()));
        }
        StringBuilder s = new StringBuilder("for t in").append(stale).append("; do if [ -e \"$t\" ]; then rm -f -- \"$t\"; fi; done\n");
        s.append("for d in");
        dirs.forEach(d -> s.append(' ').append(Shell.quote(d)));
        s.append("; do if [ ! -d \"$d\" ]; then mkdir -p -- \"$d\"; fi; done\n")
                .append("set --\nfor f in").append(targets).append("; do if [ -f \"$f\" ]; then set -- \"$@\" \"$f\"; fi; done\n")
                .append("if [ $# -gt 0 ]; then sha256sum -- \"$@\" && stat -c '%a %U %G %n' -- \"$@\"; fi");
        return s.toString();
    }

    /** Reads the probe's output: target path → what was found (absent targets are missing from the map). */
    static Map<String, Found> parseProbe(String output) {
        Map<String, String> sums = new LinkedHashMap<>();
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.length() > 66 && line.substring(0, 64).matches("[0-9a-f]{64}") && line.startsWith("  ", 64)) {
                sums.put(line.substring(66), line.substring(0, 64));
            } else {
                String[] a = line.split(" ", 4);
                if (a.length == 4) {
                    attrs.put(a[3], a[0] + " " + a[1] + " " + a[2]);
                }
            }
        }
        Map<String, Found> out = new LinkedHashMap<>();
        sums.forEach((path, sum) -> out.put(path, new Found(sum, attrs.get(path))));
        return out;
    }

    /** True when the probe's {@code mode owner group} is what {@code f} wants (owner/group only when set). */
    static boolean attributesMatch(FileUpload f, String statLine) {
        if (statLine == null) {
            return false;
        }
        String[] a = statLine.trim().split("\\s+");
        return a.length == 3 && a[0].equals(f.statMode())
                && (f.owner() == null || a[1].equals(f.owner()))
                && (f.group() == null || a[2].equals(f.group()));
    }

    /**
     * Checks every staged temp file's SHA-256 at once, sets owners and modes (also of {@code fixOnly} targets,
     * whose content is already right), keeps previous versions, and renames each temp over its target. Under
     * {@code set -e}: the first failure stops it and the trap removes the temp files not yet renamed.
     */
    static String install(List<Staged> staged, List<FileUpload> fixOnly) {
        StringBuilder s = new StringBuilder("set -e\n");
        if (!staged.isEmpty()) {
            s.append("trap 'rm -f --");
            staged.forEach(st -> s.append(' ').append(Shell.quote(st.temp()).replace("'", "'\"'\"'")));
            s.append("' EXIT\n");
            s.append("sha256sum --quiet --strict -c - <<'KROLL_SUMS'\n");
            staged.forEach(st -> s.append(st.file().sha256()).append("  ").append(st.temp()).append('\n'));
            s.append("KROLL_SUMS\n");
        }
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        Map<String, List<String>> byMode = new LinkedHashMap<>();
        for (Staged st : staged) {
            group(st.file(), st.temp(), byOwner, byMode);
        }
        for (FileUpload f : fixOnly) {
            group(f, f.target(), byOwner, byMode);
        }
        byOwner.forEach((owner, paths) -> s.append("chown -- ").append(Shell.quote(owner)).append(join(paths)).append('\n'));
        byMode.forEach((mode, paths) -> s.append("chmod -- ").append(mode).append(join(paths)).append('\n'));
        for (Staged st : staged) {
            FileUpload f = st.file();
            String target = Shell.quote(f.target());
            if (f.keepPrevious()) {
                // a hard link keeps the old inode, content, owner and mode, without copying; cp where links are refused
                String prev = Shell.quote(f.target() + FileUpload.PREVIOUS_SUFFIX);
                String prevTmp = Shell.quote(f.target() + FileUpload.PREVIOUS_SUFFIX + ".tmp");
                s.append("if [ -f ").append(target).append(" ]; then ln -f -- ").append(target).append(' ').append(prev)
                        .append(" 2>/dev/null || { cp -p -- ").append(target).append(' ').append(prevTmp)
                        .append(" && mv -f -- ").append(prevTmp).append(' ').append(prev).append("; }; fi\n");
            }
            s.append("mv -f -- ").append(Shell.quote(st.temp())).append(' ').append(target).append('\n');
        }
        s.append("trap - EXIT");
        return s.toString();
    }

    private static void group(FileUpload f, String path, Map<String, List<String>> byOwner, Map<String, List<String>> byMode) {
        if (f.owner() != null) {
            byOwner.computeIfAbsent(f.owner() + ":" + (f.group() == null ? "" : f.group()), k -> new ArrayList<>()).add(path);
        }
        byMode.computeIfAbsent(f.mode(), k -> new ArrayList<>()).add(path);
    }

    private static String join(List<String> paths) {
        StringBuilder s = new StringBuilder();
        paths.forEach(p -> s.append(' ').append(Shell.quote(p)));
        return s.toString();
    }
}
