package dev.kroll.inventory.importer;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Ports;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.SshSettings;
import dev.kroll.util.ByteSize;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one host's values as an importer finds them, each with the place it was written, so the
 * validator's messages point into the source (CSV cell, INI line, PuppetDB node).
 */
final class HostBuilder {

    final String name;
    final SourcePos pos;
    final Set<Role> roles = EnumSet.noneOf(Role.class);
    final List<String> aliases = new ArrayList<>();
    private final Map<String, SourcePos> positions = new LinkedHashMap<>();
    private String address;
    private String rack;
    private Integer brokerId;
    private Integer zookeeperId;
    private ByteSize memory;
    private SshSettings ssh = SshSettings.DEFAULT;

    HostBuilder(String name, SourcePos pos) {
        this.name = name;
        this.pos = pos;
        positions.put("name", pos);
    }

    HostBuilder address(String a, SourcePos at) {
        address = a;
        return at(at, "address");
    }

    HostBuilder rack(String r, SourcePos at) {
        rack = r;
        return at(at, "rack");
    }

    HostBuilder brokerId(Integer id, SourcePos at) {
        brokerId = id;
        return at(at, "broker_id");
    }

    HostBuilder zookeeperId(Integer id, SourcePos at) {
        zookeeperId = id;
        return at(at, "zookeeper_id");
    }

    HostBuilder memory(ByteSize m, SourcePos at) {
        memory = m;
        return at(at, "memory");
    }

    HostBuilder roles(Set<Role> r, SourcePos at) {
        roles.addAll(r);
        return at(at, "roles");
    }

    HostBuilder sshUser(String user, SourcePos at) {
        ssh = ssh.withUser(user);
        return at(at, "ssh");
    }

    HostBuilder sshPort(int port, SourcePos at) {
        ssh = ssh.withPort(port);
        return at(at, "ssh");
    }

    HostBuilder sshKey(String key, SourcePos at) {
        ssh = ssh.withKeyFile(key);
        return at(at, "ssh");
    }

    HostBuilder sshBecome(boolean become, SourcePos at) {
        ssh = ssh.withBecome(become);
        return at(at, "ssh");
    }

    boolean hasAddress() {
        return address != null;
    }

    private HostBuilder at(SourcePos at, String field) {
        if (at != null) {
            positions.put(field, at);
        }
        return this;
    }

    Host build() {
        return new Host(name, address == null ? name : address, aliases, roles, rack, List.of(), brokerId, zookeeperId, memory,
                Map.of(), ssh, Ports.DEFAULT, Map.of(), Map.of(), pos, positions);
    }
}
