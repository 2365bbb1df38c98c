package dev.kroll.remote;

/** Work to do on one host; throwing is the same as returning a failed outcome with the exception's message. */
@FunctionalInterface
public interface HostAction<T> {

    Outcome<T> run(HostContext ctx) throws Exception;
}
