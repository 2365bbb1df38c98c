package dev.kroll.rollout.local;

import java.io.IOException;

/** Lets tests outside this package read what the local CA generated, to prove it never leaks. */
public final class LocalClusterSecrets {

    private LocalClusterSecrets() {
    }

    public static String password(LocalCluster c, String host) throws IOException {
        return LocalPki.password(c, host);
    }
}
