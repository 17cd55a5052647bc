package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.persistence.StateDocuments;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server's named snapshots ({@code POST /_fake/snapshots/{name}} and the rest, docs/server.md):
 * state documents kept under a name, for a development server that is put back to a known state
 * many times a day. In memory; with {@code --state-file PATH} also as files in {@code PATH.snapshots/},
 * so they survive a restart.
 */
final class NamedSnapshots {

    /** One kept snapshot: its document's text and when it was taken. */
    record Entry(String name, String document, Instant saved) {
    }

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String NAME_RULE = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final System.Logger LOG = System.getLogger(NamedSnapshots.class.getName());

    private final Path directory; // null: memory only
    private final TreeMap<String, Entry> entries = new TreeMap<>();

    NamedSnapshots(Path directory) {
        this.directory = directory;
        if (directory != null && Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    name = name.substring(0, name.length() - ".json".length());
                    if (!NAME.matcher(name).matches()) {
                        continue;
                    }
                    try {
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        StateDocuments.parse(text); // a damaged file is skipped, not served
                        entries.put(name, new Entry(name, text, Files.getLastModifiedTime(file).toInstant()));
                    } catch (IOException | IllegalArgumentException e) {
                        LOG.log(Level.WARNING, "Skipping the named snapshot " + file + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not list the named snapshots in " + directory + ": " + e);
            }
        }
    }

    /** Keeps a document under a name, replacing any snapshot of that name. */
    synchronized Entry put(String name, String document) throws IOException {
        Entry entry = new Entry(name, document, Instant.now());
        if (directory != null) {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".json");
            Path temporary = directory.resolve(name + ".json.tmp");
            try {
                Files.writeString(temporary, document, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        entries.put(name, entry);
        return entry;
    }

    synchronized Entry get(String name) {
        return entries.get(name);
    }

    synchronized boolean remove(String name) throws IOException {
        if (entries.remove(name) == null) {
            return false;
        }
        if (directory != null) {
            Files.deleteIfExists(directory.resolve(name + ".json"));
        }
        return true;
    }

    synchronized List<Entry> list() {
        return new ArrayList<>(entries.values());
    }

    Path directory() {
        return directory;
    }

    static Map<String, Object> describe(Entry e) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("Name", e.name());
        map.put("Saved", e.saved().toString());
        map.put("Bytes", e.document().getBytes(StandardCharsets.UTF_8).length);
        return map;
    }
}
