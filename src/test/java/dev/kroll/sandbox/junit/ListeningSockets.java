package dev.kroll.sandbox.junit;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets a process listens on, read from Linux's /proc (its fds' socket inodes in /proc/net/tcp{,6}). */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    public static List<InetSocketAddress> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<InetSocketAddress> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] addr = f[1].split(":");
                    out.add(new InetSocketAddress(address(addr[0]), Integer.parseInt(addr[1], 16)));
                }
            }
        }
        return out;
    }

    /** /proc prints addresses as 32-bit words in host (little-endian) byte order. */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int src = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) new BigInteger(hex.substring(src, src + 2), 16).intValue();
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
