package dev.kroll.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.zookeeper.KeeperException;

/** Reads {@code /brokers/ids} and {@code /controller} (below Kafka's chroot) through kroll's Curator session. */
final class RegistrationReader {

    private final ZkSession session;
    private final Duration firstConnect;

    /** @param firstConnect how long the first read waits for the session's first connection */
    RegistrationReader(ZkSession session, Duration firstConnect) {
        this.session = session;
        this.firstConnect = firstConnect;
    }

    Registrations read() throws Exception {
        // a new session (kroll status's only refresh) connects in the background: wait for that once;
        // a session lost later fails at once rather than block in Curator's retry loop
        if (!session.connected() && !(session.neverConnected() && session.awaitConnected(firstConnect))) {
            // fail at once rather than block in Curator's retry loop
            throw new IOException("kroll's ZooKeeper session is " + session.state().state().toLowerCase(Locale.ROOT));
        }
        List<BrokerRegistration> brokers = new ArrayList<>();
        List<String> ids;
        try {
            ids = session.curator().getChildren().forPath("/brokers/ids");
        } catch (KeeperException.NoNodeException e) {
            ids = List.of();
        }
        for (String id : ids) {
            try {
                brokers.add(RegistrationParser.broker(Integer.parseInt(id), session.curator().getData().forPath("/brokers/ids/" + id)));
            } catch (KeeperException.NoNodeException e) {
                // deregistered between the listing and the read: the broker just went away
            }
        }
        brokers.sort(java.util.Comparator.comparingInt(BrokerRegistration::id));
        Integer controller;
        try {
            controller = RegistrationParser.controller(session.curator().getData().forPath("/controller"));
        } catch (KeeperException.NoNodeException e) {
            controller = null;
        }
        return new Registrations(controller, brokers);
    }

    /** Whether {@code /brokers/ids/ID} exists: one lookup, for a wait on one broker's registration. */
    boolean registered(int id) throws Exception {
        if (!session.connected()) {
            throw new IOException("kroll's ZooKeeper session is " + session.state().state().toLowerCase(Locale.ROOT));
        }
        return session.curator().checkExists().forPath("/brokers/ids/" + id) != null;
    }
}
