package dev.kroll.inventory.importer;

/** The places operators keep inventories, as named on the command line ({@code --from}). */
public enum ImportFormat {
    YAML, CSV, HOSTS, ANSIBLE, PUPPETDB
}
