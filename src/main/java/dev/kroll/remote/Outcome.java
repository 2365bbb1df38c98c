package dev.kroll.remote;

/** What an action returns for its host: a status, a short detail line, and an optional value (e.g. facts). */
public record Outcome<T>(Status status, String detail, T value) {

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Status.OK, "", value);
    }

    public static <T> Outcome<T> changed(String detail) {
        return new Outcome<>(Status.CHANGED, detail, null);
    }

    public static <T> Outcome<T> unchanged(String detail) {
        return new Outcome<>(Status.UNCHANGED, detail, null);
    }

    public static <T> Outcome<T> failed(String reason) {
        return new Outcome<>(Status.FAILED, reason, null);
    }

    public static <T> Outcome<T> of(Status status, String detail) {
        return new Outcome<>(status, detail, null);
    }
}
