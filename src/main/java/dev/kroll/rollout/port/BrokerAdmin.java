package dev.kroll.rollout.port;

import java.io.IOException;

/** Dynamic broker configuration through the AdminClient. */
public interface BrokerAdmin {

    /**
     * Makes the broker reload its keystore without a restart: {@code incrementalAlterConfigs} of
     * {@code listener.name.<listener>.ssl.keystore.location} (same path, new file) on that broker.
     */
    void reloadKeystore(int brokerId, String listener, String keystoreLocation) throws IOException;
}
