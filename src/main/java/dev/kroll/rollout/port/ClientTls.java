package dev.kroll.rollout.port;

import java.nio.file.Path;

/**
 * A client's TLS material on the jump host. Passwords are held as char arrays in memory only and
 * never printed ({@link #toString} hides them).
 */
public record ClientTls(Path keystore, String keystoreType, char[] keystorePassword,
                        Path truststore, String truststoreType, char[] truststorePassword) {

    @Override
    public String toString() {
        return "ClientTls[keystore=" + keystore + ", truststore=" + truststore + ", passwords hidden]";
    }
}
