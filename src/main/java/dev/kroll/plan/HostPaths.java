package dev.kroll.plan;

/** Paths on a host as the inventory writes them (POSIX, absolute). */
public final class HostPaths {

    private HostPaths() {
    }

    /** {@code dir/name}, whether or not {@code dir} ends with a slash. */
    public static String join(String dir, String name) {
        return trim(dir) + "/" + name;
    }

    /** The path without a trailing slash (except for "/" itself). */
    public static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
