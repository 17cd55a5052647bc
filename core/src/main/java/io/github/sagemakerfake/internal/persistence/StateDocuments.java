package io.github.sagemakerfake.internal.persistence;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.backend.WorkforceBackend;
import io.github.sagemakerfake.internal.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state document's text form and its versions (docs/server.md, "The state file").
 *
 * <ul>
 *   <li>Version 2 (written now): the state itself, as {@link WorkforceBackend#exportState()} gives
 *       it. Restoring it gives back every field a client or the control surface reads.</li>
 *   <li>Version 1 (written by earlier servers): a seed document (docs/seeding.md) under
 *       {@code Regions}. Still read, through the seed rules; what the seed form never held (dates,
 *       SubDomains, statuses) is new.</li>
 * </ul>
 *
 * The text is the fake's own JSON writer's, which escapes a lone UTF-16 surrogate, so every value
 * the API accepts has a UTF-8 form and the document can always be written.
 */
public final class StateDocuments {

    /** The version written. */
    public static final int VERSION = 2;
    public static final String VERSION_MEMBER = "StateFileVersion";
    static final String EXAMPLE = "a JSON object with \"" + VERSION_MEMBER + "\": " + VERSION + " and \"Regions\"";

    private StateDocuments() {
    }

    /** The document with its version first: what a state file, a snapshot file and the admin API hold. */
    public static Map<String, Object> versioned(Map<String, Object> state) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(VERSION_MEMBER, VERSION);
        state.forEach((k, v) -> {
            if (!VERSION_MEMBER.equals(k)) {
                document.put(k, v);
            }
        });
        return document;
    }

    /** The document's text (UTF-8 safe: see the class comment). */
    public static String write(Map<String, Object> state) {
        return Json.write(versioned(state));
    }

    /**
     * Reads a state document's text.
     *
     * @throws IllegalArgumentException saying what is wrong: not JSON, not a state document, or a
     *                                  version this fake does not know
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException("The state document is not valid JSON (" + e.getMessage()
                    + "); it may be truncated or corrupt.", e);
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("A state document is " + EXAMPLE + "; this is not a JSON object.");
        }
        Map<String, Object> document = (Map<String, Object>) parsed;
        version(document);
        if (!(document.get("Regions") instanceof java.util.List)) {
            throw new IllegalArgumentException("The state document has no \"Regions\" list.");
        }
        return document;
    }

    /** The document's version, 1 or 2. */
    public static int version(Map<String, Object> document) {
        Object v = document.get(VERSION_MEMBER);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("This is not a SageMaker Workforce Fake state document (" + EXAMPLE
                    + ").");
        }
        int version = n.intValue();
        if (version > VERSION) {
            throw new IllegalArgumentException("The state document is version " + version + ", written by a newer "
                    + "SageMaker Workforce Fake; this one reads versions 1 to " + VERSION + ". Upgrade the fake.");
        }
        if (version < 1) {
            throw new IllegalArgumentException("The state document has \"" + VERSION_MEMBER + "\": " + version
                    + "; versions are 1 to " + VERSION + ".");
        }
        return version;
    }

    /**
     * Puts a parsed document back into a fake: all of it or nothing. Version 2 is restored as it
     * is; version 1 goes through the seed rules in a scratch fake first, then replaces the state.
     *
     * @throws IllegalArgumentException naming what is wrong; the fake is then unchanged
     */
    public static void restore(WorkforceBackend backend, Map<String, Object> document) {
        Map<String, Object> body = new LinkedHashMap<>(document);
        body.remove(VERSION_MEMBER);
        if (version(document) == 2) {
            backend.restoreState(body);
            return;
        }
        WorkforceBackend scratch = new WorkforceBackend(backend.settings());
        scratch.ids().continueAfter(backend.ids().drawn());
        try {
            scratch.seed(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The version-1 state document holds a state the fake refuses: "
                    + e.getMessage(), e);
        }
        backend.restoreState(scratch.exportState());
    }

    /**
     * A snapshot of a document: its read-only views, as the fake that wrote it would show them at
     * the document's time, and the document itself (version 1 documents are converted).
     */
    @SuppressWarnings("unchecked")
    public static StateSnapshot snapshotOf(String text) {
        Map<String, Object> document = parse(text);
        FakeSettings settings = FakeSettings.defaults();
        try {
            settings = settings.withDefaultAccount((String) document.get("DefaultAccount"));
            settings = settings.withDefaultRegion((String) document.get("DefaultRegion"));
        } catch (IllegalArgumentException | ClassCastException e) {
            // a document without them (version 1, hand-written) shows the defaults
        }
        Instant at = Instant.now();
        if (document.get("Clock") instanceof Map<?, ?> clock && clock.get("Now") instanceof String now) {
            try {
                at = Instant.parse(now);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("State document member Clock.Now must be an ISO-8601 instant; got '"
                        + now + "'.", e);
            }
        }
        WorkforceBackend scratch = new WorkforceBackend(settings.withClock(FakeClock.startingAt(at)));
        restore(scratch, document);
        StateSnapshot views = scratch.snapshot();
        Map<String, Object> kept = version(document) == VERSION ? document : views.hasDocument()
                ? (Map<String, Object>) Json.parse(views.toDocument()) : document;
        return new StateSnapshot(settings.defaultAccount(), settings.defaultRegion(), views.regions(), kept);
    }
}
