package io.github.sagemakerfake.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The work teams a workforce should have, read from a properties file:
 *
 * <pre>
 * # The Cognito user pool and app client of the private workforce.
 * cognito.userPool = us-east-1_AbC123
 * cognito.clientId = labeling-portal
 *
 * teams = labelers, reviewers
 *
 * team.labelers.description = Labels street scenes
 * team.labelers.groups = labelers, labelers-night
 * team.labelers.notificationTopic = arn:aws:sns:us-east-1:123456789012:labeling-tasks
 *
 * team.reviewers.description = Reviews labels
 * team.reviewers.groups = reviewers
 * </pre>
 *
 * <p>Lists are comma-separated. The file is checked for what SageMaker cannot check for us (a team
 * listed without a description, a key for a team that is not listed, usually a typo); everything
 * else, such as a team name SageMaker refuses, is left to the service and shows in the report.
 *
 * @param userPool the Cognito user pool of the workforce
 * @param clientId the Cognito app client of the workforce
 * @param teams    the teams, in the order of the {@code teams} key
 */
public record DesiredState(String userPool, String clientId, List<TeamSpec> teams) {

    private static final Set<String> TEAM_KEYS = Set.of("description", "groups", "notificationTopic");

    public DesiredState {
        teams = List.copyOf(teams);
    }

    /** The teams by name, in file order. */
    public Map<String, TeamSpec> teamsByName() {
        Map<String, TeamSpec> byName = new LinkedHashMap<>();
        teams.forEach(team -> byName.put(team.name(), team));
        return byName;
    }

    public static DesiredState load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the desired state from " + file, e);
        }
    }

    public static DesiredState parse(String text) {
        return parse(new StringReader(text));
    }

    public static DesiredState parse(Reader reader) {
        Properties properties = new Properties();
        try {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String userPool = required(properties, "cognito.userPool");
        String clientId = required(properties, "cognito.clientId");
        List<String> names = list(properties.getProperty("teams", ""));
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new InvalidDesiredStateException("The key teams names a team twice: " + names);
        }

        List<TeamSpec> teams = new ArrayList<>();
        for (String name : names) {
            String prefix = "team." + name + ".";
            List<String> groups = list(required(properties, prefix + "groups"));
            teams.add(new TeamSpec(name, required(properties, prefix + "description"), groups,
                    blankToNull(properties.getProperty(prefix + "notificationTopic"))));
        }

        Set<String> unknown = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.equals("cognito.userPool") || key.equals("cognito.clientId") || key.equals("teams")) {
                continue;
            }
            String[] parts = key.split("\\.", 3);
            boolean known = parts.length == 3 && parts[0].equals("team") && names.contains(parts[1])
                    && TEAM_KEYS.contains(parts[2]);
            if (!known) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidDesiredStateException("Unknown keys " + unknown + ": team keys are team.<name>."
                    + String.join("|", new TreeSet<>(TEAM_KEYS)) + " for a <name> listed in teams = " + names);
        }
        return new DesiredState(userPool, clientId, teams);
    }

    private static String required(Properties properties, String key) {
        String value = blankToNull(properties.getProperty(key));
        if (value == null) {
            throw new InvalidDesiredStateException("The desired state needs a value for " + key);
        }
        return value;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The file is not a valid desired state; the message says which key to fix. */
    public static final class InvalidDesiredStateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidDesiredStateException(String message) {
            super(message);
        }
    }
}
