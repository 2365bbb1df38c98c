package dev.kroll.rollout.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollOrderTest {

    @Test
    void theActiveControllerIsRolledLast() {
        ClusterView v = Views.healthy().controller(1).view();
        assertEquals(2, RollOrder.nextBroker(List.of(1, 2, 3), v).getAsInt());
        assertEquals(3, RollOrder.nextBroker(List.of(1, 3), v).getAsInt());
        assertEquals(1, RollOrder.nextBroker(List.of(1), v).getAsInt());
    }

    @Test
    void aControllerThatMovesMidRollIsStillLeftForLast() {
        ClusterView moved = Views.healthy().controller(3).view();
        assertEquals(1, RollOrder.nextBroker(List.of(1, 3), moved).getAsInt());
    }

    @Test
    void theZookeeperLeaderIsRestartedLast() {
        ClusterView v = Views.healthy().view(); // leader is myid 2
        assertEquals(1, RollOrder.nextZookeeper(List.of(1, 2, 3), v).getAsInt());
        assertEquals(3, RollOrder.nextZookeeper(List.of(2, 3), v).getAsInt());
        assertEquals(2, RollOrder.nextZookeeper(List.of(2), v).getAsInt());
        assertEquals(true, RollOrder.nextZookeeper(List.of(), v).isEmpty());
    }
}
