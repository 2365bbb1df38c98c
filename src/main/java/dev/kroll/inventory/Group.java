package dev.kroll.inventory;

import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.util.Map;

/** A named set of overrides that hosts opt into (a rack, a hardware class, an Ansible group). */
public record Group(String name, Map<String, Setting> broker, Map<String, Setting> zookeeper, SourcePos pos) {

    public Group {
        broker = Map.copyOf(broker);
        zookeeper = Map.copyOf(zookeeper);
    }
}
