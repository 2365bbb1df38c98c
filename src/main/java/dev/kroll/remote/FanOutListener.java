package dev.kroll.remote;

/** Receives {@link HostEvent}s; must be thread-safe and quick (render, don't work). */
@FunctionalInterface
public interface FanOutListener {

    FanOutListener NONE = e -> { };

    void on(HostEvent event);
}
