package dev.kroll.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.zookeeper.KeeperException;

/** Reads {@code /brokers/ids} and {@code /controller} (below Kafka's chroot) through kroll's Curator session. */
final class RegistrationReader {

    private final ZkSession session;

    RegistrationReader(ZkSession session) {
        this.session = session;
    }

    Registrations read() throws Exception {
        if (!session.connected()) {
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
}
