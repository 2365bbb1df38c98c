package dev.kroll.tui.dashboard;

/**
 * One broker's recent per-second rates, oldest first (from the snapshot history).
 *
 * @param current false when the latest snapshot has no fresh JMX reading: the rates are history only
 */
public record BrokerSeries(String key, String label, double[] messagesIn, double[] bytesIn, double[] bytesOut, boolean current) {

    public static double last(double[] s) {
        return s.length == 0 ? Double.NaN : s[s.length - 1];
    }
}
