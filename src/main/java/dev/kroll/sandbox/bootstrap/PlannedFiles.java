package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Role;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.render.HostRenderer;
import dev.kroll.plan.render.RenderedFile;
import dev.kroll.remote.FileUpload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What kroll's planner renders for one host, and the directories its services need. Pure.
 *
 * @param files every file the host gets, with its absolute path and mode
 * @param dirs  the directories that must exist before the services start
 */
public record PlannedFiles(List<RenderedFile> files, List<String> dirs) {

    /** @param plan a plan without errors */
    public static PlannedFiles of(Plan plan, Host host, ListenerPhase phase) {
        InstallPaths paths = plan.inventory().pathsFor(host);
        List<RenderedFile> files = HostRenderer.render(plan, plan.host(host.name()).orElseThrow(), phase);
        Set<String> dirs = new LinkedHashSet<>(List.of(paths.configDir(), paths.appLogDir()));
        if (host.has(Role.ZOOKEEPER)) {
            dirs.add(paths.zookeeperDataDir());
        }
        if (host.has(Role.KAFKA)) {
            dirs.addAll(paths.logDirs());
        }
        for (RenderedFile f : files) {
            dirs.add(f.path().substring(0, f.path().lastIndexOf('/')));
        }
        return new PlannedFiles(files, new ArrayList<>(dirs));
    }

    /** The files as kroll's atomic uploader takes them: rendered mode, login user as owner, previous version kept. */
    public List<FileUpload> uploads() {
        return files.stream().map(f -> new FileUpload(f.path(), f.content().getBytes(StandardCharsets.UTF_8), f.mode(), null, null,
                false, true)).toList();
    }
}
