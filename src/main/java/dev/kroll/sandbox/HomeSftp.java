package dev.kroll.sandbox;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.GenericUtils;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * SFTP on the real file system (absolute paths mean what they say, as on a real host), with relative paths
 * and {@code realpath(".")} starting in the host's home. MINA's own subsystem starts relative paths in the
 * JVM's working directory, and its home-directory factory chroots, hence these two small adapters.
 */
final class HomeSftp {

    private HomeSftp() {
    }

    static FileSystemFactory fileSystem(Path home) {
        return new FileSystemFactory() {
            @Override
            public Path getUserHomeDir(SessionContext session) {
                return home;
            }

            @Override
            public FileSystem createFileSystem(SessionContext session) {
                return FileSystems.getDefault();
            }
        };
    }

    static SftpSubsystemFactory subsystem(Path home) {
        return new SftpSubsystemFactory() {
            @Override
            public Command createSubsystem(ChannelSession channel) throws IOException {
                SftpSubsystem sftp = new SftpSubsystem(channel, this) {
                    {
                        defaultDir = home;
                    }

                    @Override
                    public void setFileSystem(FileSystem fs) {
                        super.setFileSystem(fs);
                        defaultDir = home;
                    }
                };
                GenericUtils.forEach(getRegisteredListeners(), sftp::addSftpEventListener);
                return sftp;
            }
        };
    }
}
