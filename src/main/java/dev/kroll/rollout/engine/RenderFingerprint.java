package dev.kroll.rollout.engine;

import dev.kroll.rollout.port.Checksums;
import dev.kroll.rollout.port.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * A short digest of the planned files of one host action (paths, modes and content checksums; secrets
 * left out, since they are issued, not planned). Equal fingerprints: the plan renders what the action wrote.
 */
public final class RenderFingerprint {

    private RenderFingerprint() {
    }

    public static String of(List<RenderedFile> files) {
        StringBuilder sb = new StringBuilder();
        files.stream().filter(f -> !f.secret()).sorted(Comparator.comparing(RenderedFile::path)).forEach(f ->
                sb.append(f.path()).append(' ').append(Integer.toOctalString(f.mode())).append(' ')
                        .append(Checksums.sha256(f.content())).append('\n'));
        return Checksums.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
