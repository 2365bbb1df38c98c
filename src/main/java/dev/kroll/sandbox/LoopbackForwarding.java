package dev.kroll.sandbox;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;

/**
 * Allows what kroll needs of a host's SSH server and nothing more: local port forwarding (direct-tcpip)
 * to loopback targets, e.g. a broker's JMX port. No remote forwarding, no agent or X11 forwarding, and
 * host names are never resolved (only literal loopback addresses and {@code localhost} pass).
 */
final class LoopbackForwarding implements ForwardingFilter {

    static boolean isLoopbackLiteral(String host) {
        return host != null && ("localhost".equalsIgnoreCase(host) || SshdSocketAddress.isIPv4LoopbackAddress(host)
                || SshdSocketAddress.isIPv6LoopbackAddress(host));
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return type == Type.Direct && isLoopbackLiteral(address.getHostName());
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false;
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }
}
