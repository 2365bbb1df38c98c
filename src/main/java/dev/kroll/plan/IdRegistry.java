package dev.kroll.plan;

/**
 * kroll's memory of every broker.id and myid it handed out, per host name, so that no change to the
 * inventory ever renumbers a broker. A plain value: {@link IdAllocator} derives the next one, and
 * {@link IdRegistryStore} is the only code that reads or writes the file.
 */
public record IdRegistry(String cluster, IdTable broker, IdTable zookeeper) {

    public static IdRegistry empty(String cluster) {
        return new IdRegistry(cluster, IdTable.EMPTY, IdTable.EMPTY);
    }

    public IdTable table(IdKind kind) {
        return kind == IdKind.BROKER ? broker : zookeeper;
    }

    public IdRegistry with(IdKind kind, IdTable table) {
        return kind == IdKind.BROKER ? new IdRegistry(cluster, table, zookeeper) : new IdRegistry(cluster, broker, table);
    }
}
