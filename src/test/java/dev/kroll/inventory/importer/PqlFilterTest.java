package dev.kroll.inventory.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PqlFilterTest {

    @Test
    void aBareFactNameBecomesAnInventoryFactPath() {
        assertEquals("facts.role='kafka'", PqlFilter.toInventoryFilter("role='kafka'"));
    }

    @Test
    void structuredFactsBooleansAndRegexesAreRewrittenToo() {
        assertEquals("facts.role = 'kafka' and (facts.os.family ~ \"Deb\" or !(facts.datacenter != 'dc2'))",
                PqlFilter.toInventoryFilter("role = 'kafka' and (os.family ~ \"Deb\" or !(datacenter != 'dc2'))"));
    }

    @Test
    void namesThatAlreadySayWhereTheyLiveStay() {
        assertEquals("facts.role = 'kafka' and trusted.extensions.pp_role = 'kafka' and certname ~ '^kafka'",
                PqlFilter.toInventoryFilter("facts.role = 'kafka' and trusted.extensions.pp_role = 'kafka' and certname ~ '^kafka'"));
    }

    @Test
    void listsNullChecksAndNumbersWork() {
        assertEquals("facts.role in ['kafka', 'kafka_zk'] and facts.kafka_broker_id is not null and facts.processors.count >= 4",
                PqlFilter.toInventoryFilter("role in ['kafka', 'kafka_zk'] and kafka_broker_id is not null and processors.count >= 4"));
    }

    @Test
    void subqueriesAreLeftToTheirOwnEntity() {
        assertEquals("facts.role = 'kafka' and certname in resources[certname] { type = 'Class' and title = 'Kafka' }",
                PqlFilter.toInventoryFilter("role = 'kafka' and certname in resources[certname] { type = 'Class' and title = 'Kafka' }"));
    }

    @Test
    void brokenFiltersAreRefusedBeforeAnyRequest() {
        assertEquals("the quote at position 6 is never closed",
                assertThrows(IllegalArgumentException.class, () -> PqlFilter.toInventoryFilter("role='kafka")).getMessage());
        assertEquals("an opening bracket is never closed",
                assertThrows(IllegalArgumentException.class, () -> PqlFilter.toInventoryFilter("role in ['a'")).getMessage());
        assertEquals("the fact filter is empty", assertThrows(IllegalArgumentException.class, () -> PqlFilter.toInventoryFilter(" ")).getMessage());
        assertEquals("'order' does not belong in the fact filter; kroll orders and pages the results itself",
                assertThrows(IllegalArgumentException.class, () -> PqlFilter.toInventoryFilter("role='kafka' order by certname")).getMessage());
    }
}
