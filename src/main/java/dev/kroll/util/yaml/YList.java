package dev.kroll.util.yaml;

import dev.kroll.util.SourcePos;
import java.util.List;

public record YList(List<YNode> items, SourcePos pos) implements YNode {

    public YList {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
