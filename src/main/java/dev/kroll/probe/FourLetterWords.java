package dev.kroll.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one ZooKeeper four-letter word ({@code srvr}, {@code mntr}, {@code ruok}) over a plain
 * socket to the client port and returns the answer, like {@code echo srvr | nc host 2181}.
 */
public final class FourLetterWords {

    /** Answers are a few kilobytes; a bound keeps a misbehaving peer from filling memory. */
    private static final int MAX_ANSWER = 1 << 20;

    private FourLetterWords() {
    }

    public static String send(InetSocketAddress address, String word, Duration timeout) throws IOException {
        int ms = (int) Math.max(1, timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(address, ms);
            socket.setSoTimeout(ms);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // as nc does: the server answers and closes once our side is closed
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                answer.write(buf, 0, n);
                if (answer.size() > MAX_ANSWER) {
                    throw new IOException("answer to " + word + " longer than " + MAX_ANSWER + " bytes");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no complete answer to " + word + " within " + ms + " ms");
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
