package dev.kroll.util;

/** A property value (broker or ZooKeeper setting) with the place it was written, for provenance. */
public record Setting(String value, SourcePos pos) {

    public static Setting of(String value) {
        return new Setting(value, SourcePos.NONE);
    }
}
