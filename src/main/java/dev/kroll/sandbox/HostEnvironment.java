package dev.kroll.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of commands run on a simulated host: this process's, without anything that would
 * change how Kafka starts (KAFKA_*, JMX_PORT, LOG_DIR, CLASSPATH, JVM option variables), plus a login's
 * HOME/USER/PWD for the host's tree, the JAVA_HOME kroll runs on, and the pid of the sandbox's owner
 * (which the hosts' watchdogs follow).
 */
final class HostEnvironment {

    /** The pid of the JVM owning the sandbox; services started without it have no watchdog. */
    static final String OWNER = "KROLL_SANDBOX_OWNER";

    private HostEnvironment() {
    }

    static Map<String, String> base() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("KAFKA_") || k.equals("JMX_PORT") || k.equals("LOG_DIR") || k.equals("CLASSPATH")
                || k.equals("EXTRA_ARGS") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS")
                || k.startsWith("SSH_") || k.equals("OLDPWD"));
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("PATH", javaHome + "/bin:" + path);
        env.put(OWNER, String.valueOf(ProcessHandle.current().pid()));
        return env;
    }

    static Map<String, String> of(Map<String, String> base, Path home, String host, String user) {
        Map<String, String> env = new HashMap<>(base);
        env.put("HOME", home.toString());
        env.put("PWD", home.toString());
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("SHELL", "/bin/sh");
        env.put("KROLL_SANDBOX_HOST", host);
        return env;
    }
}
