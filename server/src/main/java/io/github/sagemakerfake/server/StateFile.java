package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.persistence.StateDocuments;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --state-file}: the fake's state kept in a file across restarts (docs/server.md, "The state
 * file"). The file is the state document (version 2): what a graceful restart loads is what every
 * client read before it.
 *
 * <ul>
 *   <li>Start: the file is loaded (a missing file is an empty start; one that cannot be read, is
 *       not a state document, or is read-only stops the start with a message saying what to do),
 *       and a lock beside it ({@code PATH.lock}) keeps a second server off the same file. An
 *       unchanged file is not rewritten.</li>
 *   <li>Saving: with {@link Sync#PERIODIC} (the default) within about half a second of a change;
 *       with {@link Sync#ALWAYS} before a changing request is answered. Each save writes a
 *       temporary file beside the target, flushes it to the disk, then moves it over the target
 *       atomically; a symlinked path is followed and the target's permissions are kept.</li>
 *   <li>Failures: a save that fails (full disk, I/O error, even OutOfMemoryError) is logged with
 *       its cause, leaves no temporary file, is retried on the next tick, and shows in
 *       {@code GET /_fake/health} as {@code "Status": "DEGRADED"} with the reason until a save
 *       succeeds. Nothing stops the saver.</li>
 * </ul>
 */
final class StateFile implements AutoCloseable {

    /** When changes reach the file. */
    enum Sync {
        /** Within about half a second of a change, and on shutdown (the default): a kill -9 loses at most that. */
        PERIODIC,
        /** Before a changing request is answered: nothing acknowledged is lost, at the cost of a write per change. */
        ALWAYS;

        static Sync parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected periodic or always, got '" + text + "'");
            }
        }
    }

    /** The file cannot be used: the message says which file and what to do. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final System.Logger LOG = System.getLogger(StateFile.class.getName());
    static final long SAVE_EVERY_MILLIS = 500;

    private final Path file;       // the real file (a symlink followed)
    private final Path shownPath;  // as given, for messages
    private final FakeEndpoint fake;
    private final Sync sync;
    private final ScheduledExecutorService saver;
    private FileChannel lockChannel;
    private FileLock lock;
    private String savedKey;        // the saved document without its Clock.Now: unchanged state, no write
    private volatile Instant lastSaved;
    private volatile String failure;        // why the last save failed; null once one succeeds
    private volatile Instant failingSince;
    private int failedAttempts;

    private StateFile(Path given, Path real, FakeEndpoint fake, Sync sync) {
        this.shownPath = given.toAbsolutePath();
        this.file = real;
        this.fake = fake;
        this.sync = sync;
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sagemaker-fake-state-file");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Locks the file, loads it into the fake (a missing file is an empty start) and starts saving.
     *
     * @throws Unusable when another server holds the file, it cannot be read or is not a state
     *                  document, it is read-only, or its directory cannot be written
     */
    static StateFile open(Path given, FakeEndpoint fake, Sync sync) throws Unusable {
        Path absolute = given.toAbsolutePath();
        Path real = absolute;
        try {
            if (Files.isSymbolicLink(absolute)) {
                real = absolute.toRealPath(); // follow the link: save onto its target, never replace the link
            }
        } catch (NoSuchFileException e) {
            real = followDanglingLink(absolute);
        } catch (IOException e) {
            throw new Unusable("The state file " + absolute + " is a symbolic link that cannot be followed ("
                    + e.getMessage() + ").", e);
        }
        StateFile state = new StateFile(given, real, fake, sync);
        state.lock();
        try {
            try {
                Files.deleteIfExists(state.temporary()); // left by a kill mid-save: the lock makes it ours
            } catch (IOException e) {
                throw new Unusable("The state file " + state.shownPath + " cannot be used: " + e, e);
            }
            state.load();
            state.saver.scheduleWithFixedDelay(state::saveQuietly, SAVE_EVERY_MILLIS, SAVE_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
            return state;
        } catch (Unusable | RuntimeException e) {
            state.unlock();
            state.saver.shutdownNow();
            throw e;
        }
    }

    private static Path followDanglingLink(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return link.resolveSibling(target).toAbsolutePath().normalize();
        } catch (IOException | UnsupportedOperationException e) {
            return link;
        }
    }

    Path path() {
        return file;
    }

    private Path temporary() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    Sync sync() {
        return sync;
    }

    // ------------------------------------------------------------------ the lock

    private Path lockPath() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    private void lock() throws Unusable {
        Path lockFile = lockPath();
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new Unusable("The state file " + shownPath + " cannot be used: its lock file " + lockFile
                    + " cannot be created (" + e + "). Check that the directory " + file.getParent()
                    + " exists and is writable.", e);
        }
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held in this very JVM
        } catch (IOException e) {
            closeQuietly();
            throw new Unusable("The state file " + shownPath + " cannot be locked (" + e + ").", e);
        }
        if (lock == null) {
            String holder = holder(lockFile);
            closeQuietly();
            throw new Unusable("Another SageMaker Workforce Fake" + holder + " is using the state file " + shownPath
                    + " (it holds " + lockFile + "). Two servers on one file would overwrite each other's changes: "
                    + "stop the other one, or give this one its own --state-file.", null);
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            // the lock holds without the pid in it; only the message of a second server is less precise
        }
    }

    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]{1,19}") ? " (pid " + pid + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void unlock() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
                Files.deleteIfExists(lockPath()); // only the holder deletes it
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // nothing to add
        }
    }

    // ------------------------------------------------------------------ loading

    private void load() throws Unusable {
        String hint = " Fix the file, restore it from a backup, or delete it to start empty.";
        if (Files.exists(file) && readOnly(file)) {
            throw new Unusable("The state file " + shownPath + " is read-only; the fake saves every change into it, "
                    + "so it would replace it. Make it writable (chmod u+w " + file + "), or copy it and point "
                    + "--state-file at the copy.", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(file.getParent())) {
                throw new Unusable("The state file " + shownPath + " cannot be created: the directory "
                        + file.getParent() + " does not exist.", e);
            }
            return; // the first start: the file is written by the first save
        } catch (IOException | SecurityException e) {
            throw new Unusable("The state file " + shownPath + " cannot be read (" + e.getMessage() + "). Fix its "
                    + "permissions, or point --state-file elsewhere.", e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Object> document;
        try {
            document = StateDocuments.parse(text);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().replace("The state document", "The state file " + shownPath)
                    .replace("This is not a SageMaker Workforce Fake state document", "The file " + shownPath
                            + " is not a SageMaker Workforce Fake state file");
            throw new Unusable(message + hint, e);
        }
        try {
            StateDocuments.restore(fake.backend(), document);
        } catch (IllegalArgumentException e) {
            throw new Unusable("The state file " + shownPath + " holds a state the fake refuses: " + e.getMessage()
                    + hint, e);
        }
        if (StateDocuments.version(document) == StateDocuments.VERSION) {
            savedKey = key(document); // the state is the file's: nothing to write until it changes
        }
    }

    /** No write permission for the owner (root writes any file, so the bits decide, not access(2)). */
    private static boolean readOnly(Path path) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
            return !attributes.permissions().contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return !Files.isWritable(path);
        } catch (IOException e) {
            return false; // the read that follows says what is wrong
        }
    }

    /** The document without the clock's current time, which moves without any change to the state. */
    @SuppressWarnings("unchecked")
    private static String key(Map<String, Object> document) {
        Map<String, Object> copy = new LinkedHashMap<>(document);
        if (copy.get("Clock") instanceof Map<?, ?> clock) {
            Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) clock);
            c.remove("Now");
            copy.put("Clock", c);
        }
        return Json.write(copy);
    }

    // ------------------------------------------------------------------ saving

    /** Preallocated: recording a failure must not need memory when memory is what ran out. */
    private static final String UNRECORDED = "the save failed, and so did recording why (the heap is exhausted: "
            + "OutOfMemoryError)";

    /** The saver's tick: never throws, so the scheduler never stops it. */
    private void saveQuietly() {
        try {
            saveIfChanged();
        } catch (Throwable e) { // OutOfMemoryError included: the next tick tries again
            failed(e);
        }
    }

    private void failed(Throwable e) {
        try {
            recordFailure(e);
        } catch (Throwable again) {
            if (failure == null) {
                failingSince = lastSaved;
            }
            failure = UNRECORDED;
        }
    }

    /**
     * Saves now if the state changed; for {@link Sync#ALWAYS}, before a changing request is
     * answered.
     *
     * @return false when the save failed (recorded for health and the log)
     */
    boolean saveNow() {
        try {
            saveIfChanged();
            return true;
        } catch (Throwable e) {
            failed(e);
            return false;
        }
    }

    private synchronized void saveIfChanged() throws IOException {
        Map<String, Object> document = fake.backend().exportState();
        String key = key(document);
        if (key.equals(savedKey)) {
            return;
        }
        write(StateDocuments.write(document).getBytes(StandardCharsets.UTF_8));
        savedKey = key;
        lastSaved = Instant.now();
        if (failure != null) {
            LOG.log(Level.INFO, "Saved the state file " + shownPath + " again, after " + failedAttempts
                    + " failed attempt(s) since " + failingSince + ".");
        }
        failure = null;
        failingSince = null;
        failedAttempts = 0;
    }

    /** A temporary file beside the target, flushed, then moved over it; on any failure the temporary file goes. */
    private void write(byte[] bytes) throws IOException {
        Path temporary = temporary();
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            keepAttributes(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory();
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException | RuntimeException e) {
                    // the next save overwrites it
                }
            }
        }
    }

    /** The replaced file's permissions (and owner, where allowed) carry over to its replacement. */
    private void keepAttributes(Path temporary) {
        PosixFileAttributeView target = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributeView copy = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (target == null || copy == null) {
            return;
        }
        PosixFileAttributes attributes;
        try {
            attributes = target.readAttributes();
        } catch (IOException e) {
            return; // no file yet: the new one gets the usual permissions
        }
        try {
            copy.setPermissions(attributes.permissions());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Could not keep the permissions of " + file, e);
        }
        try {
            if (!Files.getOwner(temporary).equals(attributes.owner())) {
                copy.setOwner(attributes.owner());
            }
            copy.setGroup(attributes.group());
        } catch (IOException | SecurityException e) {
            // only root may give a file away: the owner stays the server's user
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform opens directories; the rename is still atomic
        }
    }

    private void recordFailure(Throwable e) {
        String reason = reason(e);
        boolean changed = !reason.equals(failure);
        failedAttempts++;
        if (failure == null) {
            failingSince = Instant.now();
        }
        failure = reason;
        if (changed) {
            LOG.log(Level.ERROR, "Could not save the state file " + shownPath + ": " + reason + ". Changes since "
                    + (lastSaved == null ? "the start" : lastSaved.toString()) + " are not in the file yet; "
                    + "retrying every " + SAVE_EVERY_MILLIS + " ms (GET /_fake/health shows DEGRADED until a save "
                    + "succeeds).", e instanceof OutOfMemoryError ? null : e);
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return e.getClass().getSimpleName() + ": " + f.getReason() + " (" + f.getFile() + ")";
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("No space left")) {
            return "the disk is full (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** What {@code GET /_fake/health} shows under {@code StateFile}. */
    Map<String, Object> health() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Path", shownPath.toString());
        if (!shownPath.equals(file)) {
            map.put("Target", file.toString());
        }
        map.put("Sync", sync.name().toLowerCase(Locale.ROOT));
        map.put("LastSaved", lastSaved == null ? null : lastSaved.toString());
        String reason = failure;
        if (reason != null) {
            map.put("Error", reason);
            map.put("FailingSince", String.valueOf(failingSince));
            map.put("FailedAttempts", failedAttempts);
        }
        return map;
    }

    /** True while the last save failed. */
    boolean degraded() {
        return failure != null;
    }

    /** Stops the saver, saves a last time, and releases the lock. */
    @Override
    public void close() {
        saver.shutdownNow();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!saveNow()) {
            LOG.log(Level.ERROR, "Could not save the state file " + shownPath + " on shutdown: " + failure
                    + ". The file holds the state of " + lastSaved + ".");
        }
        unlock();
    }
}
