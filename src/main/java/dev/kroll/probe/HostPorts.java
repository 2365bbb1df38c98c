package dev.kroll.probe;

/** {@code host:port}, with brackets around IPv6 literals. */
final class HostPorts {

    private HostPorts() {
    }

    static String format(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
