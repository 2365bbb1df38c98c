package dev.kroll.util.yaml;

import dev.kroll.util.SourcePos;

/** A YAML node that remembers where it was written, so every error can name file, line and column. */
public sealed interface YNode permits YMap, YList, YScalar {

    SourcePos pos();

    /** What kind of node this is, in words for error messages. */
    String kind();
}
