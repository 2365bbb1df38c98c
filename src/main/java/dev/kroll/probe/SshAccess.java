package dev.kroll.probe;

import dev.kroll.inventory.Host;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.LocalForward;
import dev.kroll.remote.SshSessions;
import java.io.IOException;
import java.time.Duration;

/**
 * The probe's remote adapters over kroll's SSH connections ({@code dev.kroll.remote}): service-manager
 * commands and JMX forwards share each host's one connection, which {@link SshSessions} opens on
 * first use, keeps across refreshes and replaces when it dies. The forwards close with their session.
 */
public final class SshAccess implements RemoteCommands, TunnelOpener {

    private final SshSessions sessions;

    public SshAccess(SshSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Result run(Host host, String command, Duration timeout) {
        CommandResult r = sessions.get(host).exec(command, null, timeout);
        return new Result(r.exitStatus(), r.stdout(), r.stderr());
    }

    @Override
    public LocalTunnel open(Host host, String targetHost, int targetPort) throws IOException {
        LocalForward f = sessions.get(host).forward(targetHost, targetPort);
        return new LocalTunnel() {
            @Override
            public int localPort() {
                return f.localPort();
            }

            @Override
            public boolean isOpen() {
                return f.isOpen();
            }

            @Override
            public void close() {
                f.close();
            }
        };
    }
}
