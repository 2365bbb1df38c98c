package dev.kroll.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kroll plan --json}: the plan as a stable JSON document (schema in docs/planning.md). Keys
 * are only ever added, never renamed; {@code format} changes if that promise is ever broken.
 */
public final class PlanJson {

    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanJson() {
    }

    public static String render(Plan plan, ListenerPhase phase, HostMemory memory) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("cluster", plan.inventory().cluster());
        doc.put("phase", phase.key());
        doc.put("idChanges", plan.ids().changes());
        List<Object> hosts = new ArrayList<>();
        for (HostPlan h : plan.hosts()) {
            hosts.add(host(h, phase, memory));
        }
        doc.put("hosts", hosts);
        List<Object> problems = new ArrayList<>();
        for (Problem p : plan.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().label());
            m.put("source", p.pos() == null || !p.pos().known() ? null : p.pos().toString());
            m.put("message", p.message());
            m.put("fix", p.fix());
            problems.add(m);
        }
        doc.put("problems", problems);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> host(HostPlan hp, ListenerPhase phase, HostMemory memory) {
        Host h = hp.host();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("roles", h.roles().stream().map(Role::key).toList());
        m.put("rack", h.rack());
        m.put("groups", h.groups());
        m.put("brokerId", hp.brokerId().orElse(null));
        m.put("myid", hp.myid().orElse(null));
        Map<String, Object> mem = null;
        if (memory.sizes().containsKey(h.name())) {
            mem = new LinkedHashMap<>();
            mem.put("bytes", memory.sizes().get(h.name()).bytes());
            mem.put("source", memory.sources().get(h.name()));
        }
        m.put("memory", mem);
        Map<String, Object> heap = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            hp.heap().of(r).ifPresent(x -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("size", x.size().jvm());
                one.put("bytes", x.size().bytes());
                one.put("reason", x.reason());
                heap.put(r.key(), one);
            });
        }
        m.put("heap", heap);
        m.put("pageCacheBytes", hp.heap().pageCache().map(b -> b.bytes()).orElse(null));
        EffectiveConfig broker = hp.broker(phase);
        m.put("listeners", list(broker.get("listeners").orElse("")));
        m.put("advertisedListeners", list(broker.get("advertised.listeners").orElse("")));
        m.put("interBrokerListener", broker.get("inter.broker.listener.name").orElse(null));
        m.put("logDirs", list(broker.get("log.dirs").orElse("")));
        Map<String, Object> jmx = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            hp.jvm(r).ifPresent(j -> jmx.put(r.key(), PlanContext.hostPort(j.jmxAddress(), j.jmxPort())));
        }
        m.put("jmx", jmx);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("broker", config(broker));
        config.put("zookeeper", config(hp.zookeeper()));
        m.put("config", config);
        return m;
    }

    private static Map<String, Object> config(EffectiveConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ConfigValue v : c.values().values()) {
            Map<String, Object> one = origin(v.value(), v.origin());
            List<Object> chain = new ArrayList<>();
            v.overridden().forEach(o -> chain.add(origin(o.value(), o.origin())));
            one.put("overrides", chain);
            out.put(v.key(), one);
        }
        return out;
    }

    private static Map<String, Object> origin(String value, Origin o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("layer", o.layer().label());
        m.put("name", o.name());
        m.put("source", o.pos() != null && o.pos().known() ? o.pos().toString() : null);
        return m;
    }

    private static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
