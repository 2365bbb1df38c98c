package dev.kroll.cli;

import dev.kroll.plan.ListenerPhase;
import dev.kroll.util.ByteSize;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by {@code kroll plan} and {@code kroll render}. */
public final class PlanOptions {

    @Option(names = "--memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "RAM to assume for hosts without gathered facts or 'memory:' in the inventory, e.g. 32g.")
    ByteSize memory;

    @Option(names = "--reuse-ids",
            description = "Hand out again the broker IDs and myids of hosts that left the inventory (only when they are gone for good).")
    boolean reuseIds;

    @Option(names = "--phase", paramLabel = "PHASE", converter = PhaseConverter.class, defaultValue = "plaintext",
            description = "Listener phase of the SSL migration: plaintext, ssl-added, ssl-inter-broker, ssl-only (default: ${DEFAULT-VALUE}).")
    ListenerPhase phase;

    public Optional<ByteSize> memory() {
        return Optional.ofNullable(memory);
    }

    static final class SizeConverter implements ITypeConverter<ByteSize> {
        @Override
        public ByteSize convert(String value) {
            try {
                return ByteSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PhaseConverter implements ITypeConverter<ListenerPhase> {
        @Override
        public ListenerPhase convert(String value) {
            return ListenerPhase.parse(value).orElseThrow(() -> new TypeConversionException("unknown phase '" + value + "' (phases: "
                    + Arrays.stream(ListenerPhase.values()).map(ListenerPhase::key).collect(Collectors.joining(", ")) + ")"));
        }
    }
}
