package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.RequiredPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The calls of one test class's fakes, gathered test by test; when the class is done, the least-privilege
 * IAM policy they needed is written per account and region (docs/iam.md, "In JUnit"). Lives in the
 * class context's store, so it is written once, when JUnit closes that store.
 */
final class RequiredPolicyReport implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Path directory;
    private final String className;
    private final List<JournalEntry> calls = new ArrayList<>();

    RequiredPolicyReport(Path directory, String className) {
        this.directory = directory;
        this.className = className;
    }

    synchronized void add(List<JournalEntry> journal) {
        calls.addAll(journal);
    }

    /** The file of one account and region. */
    static Path file(Path directory, String className, String account, String region) {
        return directory.resolve(className + ".required-policy." + account + "." + region + ".json");
    }

    @Override
    public synchronized void close() {
        Set<String> pairs = new LinkedHashSet<>();
        calls.forEach(e -> pairs.add(e.account() + "/" + e.region()));
        try {
            Files.createDirectories(directory);
            for (String pair : pairs) {
                String[] p = pair.split("/");
                RequiredPolicy policy = RequiredPolicy.fromJournal(calls, p[0], p[1]);
                if (!policy.isEmpty()) {
                    Files.writeString(file(directory, className, p[0], p[1]), policy.toJson());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the required IAM policy of " + className + " to " + directory, e);
        }
    }
}
