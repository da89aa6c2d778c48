package dev.outbound.spi.testkit;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.spi.directory.DncDirectory;
import dev.outbound.spi.memory.InMemoryDncDirectory;
import java.util.List;

class InMemoryDncDirectoryContractTest extends DncDirectoryContract {
    @Override
    protected DncDirectory dncDirectoryListing(List<PhoneNumber> listed) {
        InMemoryDncDirectory directory = InMemoryDncDirectory.named("National registry");
        listed.forEach(directory::add);
        return directory;
    }
}
