package dev.kroll.plan.render;

import dev.kroll.inventory.LogRotation;
import dev.kroll.inventory.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * log4j 1.x (reload4j, as Kafka 3.9 ships) configuration with size-based rotation: Kafka's usual
 * split into server, controller, state-change, request, cleaner and authorizer logs, or one
 * ZooKeeper log. {@code kafka.logs.dir} is set by kafka-run-class.sh from LOG_DIR. Warnings also go
 * to stdout, so that the journal shows them.
 */
public final class Log4jRenderer {

    private static final String PATTERN = "[%d] %p %m (%c)%n";

    private Log4jRenderer() {
    }

    public static String render(Role role) {
        return render(role, LogRotation.DEFAULT);
    }

    /** @param rotation size and count of server, controller, state-change and zookeeper logs (the busy ones) */
    public static String render(Role role, LogRotation rotation) {
        String size = rotation.log4jSize();
        int files = rotation.files();
        List<String> l = new ArrayList<>();
        l.add("# log4j for " + (role == Role.KAFKA ? "the Kafka broker" : "ZooKeeper") + ", rendered by kroll. Files rotate by size.");
        if (role == Role.KAFKA) {
            l.add("log4j.rootLogger=INFO, stdout, kafkaAppender");
            stdout(l);
            appender(l, "kafkaAppender", "server.log", size, files);
            appender(l, "controllerAppender", "controller.log", size, files);
            appender(l, "stateChangeAppender", "state-change.log", size, files);
            appender(l, "requestAppender", "kafka-request.log", "100MB", 5);
            appender(l, "cleanerAppender", "log-cleaner.log", "50MB", 5);
            appender(l, "authorizerAppender", "kafka-authorizer.log", "50MB", 5);
            l.add("");
            l.add("log4j.logger.org.apache.zookeeper=INFO");
            l.add("log4j.logger.kafka=INFO");
            l.add("log4j.logger.org.apache.kafka=INFO");
            logger(l, "kafka.request.logger", "WARN", "requestAppender");
            logger(l, "kafka.network.RequestChannel$", "WARN", "requestAppender");
            logger(l, "org.apache.kafka.controller", "INFO", "controllerAppender");
            logger(l, "kafka.controller", "TRACE", "controllerAppender");
            logger(l, "kafka.log.LogCleaner", "INFO", "cleanerAppender");
            logger(l, "state.change.logger", "INFO", "stateChangeAppender");
            logger(l, "kafka.authorizer.logger", "INFO", "authorizerAppender");
        } else {
            l.add("log4j.rootLogger=INFO, stdout, zookeeperAppender");
            stdout(l);
            appender(l, "zookeeperAppender", "zookeeper.log", size, files);
        }
        return String.join("\n", l) + "\n";
    }

    private static void stdout(List<String> l) {
        l.add("");
        l.add("log4j.appender.stdout=org.apache.log4j.ConsoleAppender");
        l.add("log4j.appender.stdout.Threshold=WARN");
        l.add("log4j.appender.stdout.layout=org.apache.log4j.PatternLayout");
        l.add("log4j.appender.stdout.layout.ConversionPattern=" + PATTERN);
    }

    private static void appender(List<String> l, String name, String file, String maxSize, int backups) {
        String a = "log4j.appender." + name;
        l.add("");
        l.add(a + "=org.apache.log4j.RollingFileAppender");
        l.add(a + ".File=${kafka.logs.dir}/" + file);
        l.add(a + ".MaxFileSize=" + maxSize);
        l.add(a + ".MaxBackupIndex=" + backups);
        l.add(a + ".layout=org.apache.log4j.PatternLayout");
        l.add(a + ".layout.ConversionPattern=" + PATTERN);
    }

    private static void logger(List<String> l, String logger, String level, String appender) {
        l.add("log4j.logger." + logger + "=" + level + ", " + appender);
        l.add("log4j.additivity." + logger + "=false");
    }
}
