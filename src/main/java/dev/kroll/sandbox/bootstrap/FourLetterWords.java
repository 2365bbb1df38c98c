package dev.kroll.sandbox.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * INTERIM (see package-info): ZooKeeper's four-letter words ({@code ruok}, {@code srvr}) on a client port,
 * and the server's mode from {@code srvr} ({@code leader}, {@code follower}, {@code standalone}).
 */
public final class FourLetterWords {

    private FourLetterWords() {
    }

    public static Optional<String> ask(String address, int port, String word) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            s.setSoTimeout(3000);
            s.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The mode a {@code srvr} answer reports, e.g. {@code leader}; empty while the server is not serving. */
    public static Optional<String> mode(String srvrAnswer) {
        for (String line : srvrAnswer.split("\n")) {
            if (line.startsWith("Mode: ")) {
                return Optional.of(line.substring("Mode: ".length()).trim());
            }
        }
        return Optional.empty();
    }

    public static Optional<String> mode(String address, int port) {
        return ask(address, port, "srvr").flatMap(FourLetterWords::mode);
    }
}
