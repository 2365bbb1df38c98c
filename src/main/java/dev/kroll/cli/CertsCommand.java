package dev.kroll.cli;

import picocli.CommandLine.Command;

@Command(name = "certs", mixinStandardHelpOptions = true,
        description = {"Run the cluster's own CA and issue keystores and truststores for every host (see docs/certificates.md).",
            "The CA key is encrypted at rest under .kroll/pki/ca/ and never leaves this machine."},
        subcommands = {CertsInitCaCommand.class, CertsIssueCommand.class, CertsCheckCommand.class, CertsClientCommand.class})
final class CertsCommand {
}
