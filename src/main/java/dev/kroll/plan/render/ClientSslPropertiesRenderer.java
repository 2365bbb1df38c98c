package dev.kroll.plan.render;

import dev.kroll.util.PropertiesText;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.TlsLayout;

/**
 * {@code client-ssl.properties} for Kafka's admin tools on a host ({@code --command-config}): the
 * client keystore and truststore of {@link TlsLayout}, passwords resolved from ssl.secrets.
 */
public final class ClientSslPropertiesRenderer {

    private ClientSslPropertiesRenderer() {
    }

    public static String render(Plan plan, HostPlan host) {
        TlsLayout tls = plan.tls(host.host());
        String bootstrap = plan.inventory().advertise().of(host.host()) + ":" + host.host().ports().kafkaSsl();
        StringBuilder sb = new StringBuilder(PropertiesText.comment("SSL client settings for Kafka's admin tools on " + host.name()
                + ", e.g.", "  kafka-topics.sh --bootstrap-server " + bootstrap + " --command-config " + tls.clientProperties() + " --list",
                "Rendered by kroll; passwords are resolved from " + tls.secretsFile() + "."));
        sb.append(PropertiesText.line("security.protocol", "SSL"));
        sb.append(PropertiesText.line("config.providers", TlsLayout.PROVIDER));
        sb.append(PropertiesText.line("config.providers." + TlsLayout.PROVIDER + ".class", TlsLayout.PROVIDER_CLASS));
        sb.append(PropertiesText.line("ssl.keystore.type", tls.type().kafkaName()));
        sb.append(PropertiesText.line("ssl.keystore.location", tls.clientKeystore()));
        if (tls.storePasswords()) {
            sb.append(PropertiesText.line("ssl.keystore.password", tls.secret(TlsLayout.CLIENT_KEYSTORE_PASSWORD)));
        }
        sb.append(PropertiesText.line("ssl.key.password", tls.secret(TlsLayout.CLIENT_KEYSTORE_PASSWORD)));
        sb.append(PropertiesText.line("ssl.truststore.type", tls.type().kafkaName()));
        sb.append(PropertiesText.line("ssl.truststore.location", tls.truststore()));
        if (tls.storePasswords()) {
            sb.append(PropertiesText.line("ssl.truststore.password", tls.secret(TlsLayout.TRUSTSTORE_PASSWORD)));
        }
        sb.append(PropertiesText.line("ssl.enabled.protocols", host.broker(ListenerPhase.SSL_ONLY)
                .get("ssl.enabled.protocols").orElse("TLSv1.3,TLSv1.2")));
        sb.append(PropertiesText.line("ssl.endpoint.identification.algorithm", "https"));
        return sb.toString();
    }
}
