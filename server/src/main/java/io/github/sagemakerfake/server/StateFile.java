package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --state-file}: the fake's state kept in a file across restarts. Loaded once at start (a
 * file that cannot be read or is not a state file stops the start: never a silent empty start),
 * then saved atomically (a temporary file beside it, then {@code ATOMIC_MOVE}) within about a
 * second of any change, and once more on shutdown.
 *
 * <p>The file is a seed document (docs/seeding.md) with one entry per account and region under
 * {@code Regions}, plus {@code "StateFileVersion": 1}; loading applies it through the seed rules,
 * so a hand-edited file gets the seed's validation. What the seed form does not carry is not
 * kept: creation dates and the workforce id are new after a restart, every workforce is
 * {@code Active}, and an OIDC workforce's client secret (never shown by the service) is replaced.
 */
final class StateFile implements AutoCloseable {

    /** The file cannot be used: the message says which file and what to do. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int VERSION = 1;
    static final String RESTORED_SECRET = "restored-by-the-sagemaker-workforce-fake";
    private static final System.Logger LOG = System.getLogger(StateFile.class.getName());
    private static final long SAVE_EVERY_MILLIS = 500;

    private final Path file;
    private final FakeEndpoint fake;
    private final ScheduledExecutorService saver;
    private String saved;

    private StateFile(Path file, FakeEndpoint fake) {
        this.file = file.toAbsolutePath();
        this.fake = fake;
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sagemaker-fake-state-file");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the file into the fake (a missing file is an empty start, created at once) and starts
     * saving it.
     *
     * @throws Unusable when the file exists but cannot be read or is not a state file, or when
     *                  its directory cannot be written
     */
    static StateFile open(Path file, FakeEndpoint fake) throws Unusable {
        StateFile state = new StateFile(file, fake);
        state.load();
        try {
            state.saveIfChanged(); // proves the file can be written before the server says it is up
        } catch (IOException e) {
            throw new Unusable("The state file " + state.file + " cannot be written (" + e.getMessage() + "); "
                    + "check that its directory exists and is writable.", e);
        }
        state.saver.scheduleWithFixedDelay(state::saveQuietly, SAVE_EVERY_MILLIS, SAVE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        return state;
    }

    @SuppressWarnings("unchecked")
    private void load() throws Unusable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return; // the first start: the file is created by the first save
        } catch (IOException | SecurityException e) {
            throw new Unusable("The state file " + file + " cannot be read (" + e.getMessage() + "). Fix its "
                    + "permissions, or point --state-file elsewhere.", e);
        }
        String hint = " Fix the file, restore it from a backup, or delete it to start empty.";
        Object parsed;
        try {
            parsed = Json.parse(bytes);
        } catch (Json.ParseException e) {
            throw new Unusable("The state file " + file + " is not valid JSON (" + e.getMessage() + "); it may be "
                    + "truncated or corrupt." + hint, e);
        }
        if (!(parsed instanceof Map) || !Integer.valueOf(VERSION).equals(number(((Map<String, Object>) parsed)
                .get("StateFileVersion")))) {
            throw new Unusable("The file " + file + " is not a SageMaker Workforce Fake state file (a JSON object "
                    + "with \"StateFileVersion\": " + VERSION + ")." + hint, null);
        }
        Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) parsed);
        document.remove("StateFileVersion");
        if (!(document.get("Regions") instanceof List)) {
            throw new Unusable("The state file " + file + " has no \"Regions\" list." + hint, null);
        }
        try {
            fake.seed(Json.write(document));
        } catch (IllegalArgumentException e) {
            throw new Unusable("The state file " + file + " holds a state the fake refuses: " + e.getMessage() + hint,
                    e);
        }
    }

    private static Integer number(Object value) {
        return value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null;
    }

    private void saveQuietly() {
        try {
            saveIfChanged();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the state file " + file + "; retrying in a moment", e);
        }
    }

    private synchronized void saveIfChanged() throws IOException {
        String text = render(fake.snapshot());
        if (text.equals(saved)) {
            return;
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        saved = text;
    }

    /** Stops the saver and saves a last time. */
    @Override
    public void close() {
        saver.shutdownNow();
        try {
            saveIfChanged();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "Could not save the state file " + file + " on shutdown", e);
        }
    }

    // ------------------------------------------------------------------ snapshot to seed

    static String render(StateSnapshot snapshot) {
        List<Object> regions = new ArrayList<>();
        for (RegionSnapshot region : snapshot.regions()) {
            regions.add(seedOf(region.toMap()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("StateFileVersion", VERSION);
        document.put("Regions", regions);
        return Json.write(document);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> seedOf(Map<String, Object> region) {
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("Account", region.get("Account"));
        seed.put("Region", region.get("Region"));
        Map<String, Object> workforce = (Map<String, Object>) region.get("Workforce");
        if (workforce != null) {
            seed.put("Workforce", createWorkforce(workforce));
        }
        List<Object> teams = new ArrayList<>();
        for (Object entry : (List<Object>) region.getOrDefault("Workteams", List.of())) {
            Map<String, Object> e = (Map<String, Object>) entry;
            teams.add(createWorkteam((Map<String, Object>) e.get("Workteam"), (List<Object>) e.get("Tags")));
        }
        seed.put("Workteams", teams);
        seed.put("SubscribedWorkteams", region.getOrDefault("SubscribedWorkteams", List.of()));
        List<Object> jobs = new ArrayList<>();
        Map<String, Object> byTeam = (Map<String, Object>) region.getOrDefault("LabelingJobs", Map.of());
        byTeam.forEach((arn, list) -> {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            for (Object job : (List<Object>) list) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) job);
                copy.put("WorkteamName", name);
                jobs.add(copy);
            }
        });
        seed.put("LabelingJobs", jobs);
        return seed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createWorkforce(Map<String, Object> described) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("WorkforceName", described.get("WorkforceName"));
        copy(described, request, "CognitoConfig", "SourceIpConfig", "IpAddressType");
        Object oidc = described.get("OidcConfig");
        if (oidc instanceof Map) {
            Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) oidc);
            config.putIfAbsent("ClientSecret", RESTORED_SECRET);
            request.put("OidcConfig", config);
        }
        Object vpc = described.get("WorkforceVpcConfig");
        if (vpc instanceof Map) {
            Map<String, Object> config = new LinkedHashMap<>();
            copy((Map<String, Object>) vpc, config, "VpcId", "SecurityGroupIds", "Subnets");
            request.put("WorkforceVpcConfig", config);
        }
        return request;
    }

    private static Map<String, Object> createWorkteam(Map<String, Object> described, List<Object> tags) {
        Map<String, Object> request = new LinkedHashMap<>();
        copy(described, request, "WorkteamName", "Description", "MemberDefinitions", "NotificationConfiguration",
                "WorkerAccessConfiguration");
        Object workforceArn = described.get("WorkforceArn");
        if (workforceArn instanceof String arn) {
            request.put("WorkforceName", arn.substring(arn.lastIndexOf('/') + 1));
        }
        if (tags != null && !tags.isEmpty()) {
            request.put("Tags", tags);
        }
        return request;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... members) {
        for (String m : members) {
            if (from.get(m) != null) {
                to.put(m, from.get(m));
            }
        }
    }
}
