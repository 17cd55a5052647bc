package io.github.sagemakerfake.examples;

import io.github.sagemakerfake.examples.ReconcileReport.Problem.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CognitoMemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsRequest;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.NotificationConfiguration;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.UpdateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * Brings the private work teams of an account and region to a {@link DesiredState}: creates the
 * teams that are missing, updates those that differ (description, member groups, notification
 * topic) and deletes the teams that are no longer wanted.
 *
 * <p>It only ever changes teams it manages: it tags the teams it creates
 * {@value #MANAGED_BY_KEY}={@value #MANAGED_BY_VALUE}, deletes only teams with that tag, and reports
 * a desired team that exists without it instead of taking it over.
 *
 * <p>Safe to run again at any time: a run that finds everything as desired makes no change and
 * notifies nobody. It copes with what SageMaker does in practice:
 * <ul>
 *   <li><b>Lost responses.</b> When a create or delete took effect but its response was lost (a 5xx
 *       or a broken connection), the SDK retries it and the retry fails: {@code ResourceInUse} for
 *       the create, "The work team ... does not exist" for the delete. Both mean the change is
 *       done, and are treated so.</li>
 *   <li><b>The not-found quirk.</b> SageMaker answers a missing team with a
 *       {@code ValidationException}, not {@code ResourceNotFound} (see {@link WorkteamLookup}).</li>
 *   <li><b>The 25-team limit.</b> Deletes run first, so teams leaving free their slots; a create
 *       refused with {@code ResourceLimitExceeded} ends the creates with one
 *       {@link Kind#WORKTEAM_LIMIT_REACHED} entry naming every team not created.</li>
 *   <li><b>Throttling.</b> Retried by the client's SDK retry strategy, then by {@link ThrottlingRetry}.</li>
 * </ul>
 *
 * <p>Any other refusal is reported for its team, and the run goes on with the next.
 */
public final class WorkteamReconciler {

    public static final String MANAGED_BY_KEY = "managed-by";
    public static final String MANAGED_BY_VALUE = "reconciler";

    private final SageMakerClient sageMaker;
    private final Notifier notifier;
    private final ThrottlingRetry retry;
    private final WorkteamLookup lookup;

    /** A reconciler with {@link ThrottlingRetry#defaults()}. */
    public WorkteamReconciler(SageMakerClient sageMaker, Notifier notifier) {
        this(sageMaker, notifier, ThrottlingRetry.defaults());
    }

    public WorkteamReconciler(SageMakerClient sageMaker, Notifier notifier, ThrottlingRetry retry) {
        this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.lookup = new WorkteamLookup(sageMaker);
    }

    /**
     * One run. Fails with the SDK's exception only when the teams cannot even be listed; every
     * other problem is in the report.
     */
    public ReconcileReport reconcile(DesiredState desired) {
        ReconcileReport report = new ReconcileReport();
        Map<String, Workteam> actual = retry.call(this::listWorkteams);
        Map<String, TeamSpec> wanted = desired.teamsByName();

        // Deletes first: under the 25-team limit, a team that goes frees the slot a new one needs.
        for (Workteam team : actual.values()) {
            String name = team.workteamName();
            if (!wanted.containsKey(name)) {
                step(name, report, () -> {
                    if (isManaged(team)) {
                        delete(name, report);
                    }
                });
            }
        }

        List<TeamSpec> missing = new ArrayList<>();
        for (TeamSpec spec : desired.teams()) {
            Workteam existing = actual.get(spec.name());
            if (existing == null) {
                missing.add(spec);
            } else {
                step(spec.name(), report, () -> {
                    if (isManaged(existing)) {
                        update(spec, existing, desired, report);
                    } else {
                        reportNotManaged(spec.name(), report);
                    }
                });
            }
        }

        createAll(missing, desired, report);
        return report;
    }

    // ------------------------------------------------------------------ reading

    /** Every work team, page by page: the SDK's paginator follows NextToken until the last page. */
    private Map<String, Workteam> listWorkteams() {
        Map<String, Workteam> teams = new LinkedHashMap<>();
        sageMaker.listWorkteamsPaginator(ListWorkteamsRequest.builder().build()).workteams()
                .forEach(team -> teams.put(team.workteamName(), team));
        return teams;
    }

    /** ListWorkteams answers full teams but no tags: those take a ListTags per team. */
    private boolean isManaged(Workteam team) {
        return retry.call(() -> sageMaker.listTagsPaginator(ListTagsRequest.builder().resourceArn(team.workteamArn()).build())
                .tags().stream()
                .anyMatch(tag -> MANAGED_BY_KEY.equals(tag.key()) && MANAGED_BY_VALUE.equals(tag.value())));
    }

    // ------------------------------------------------------------------ changing

    private void createAll(List<TeamSpec> missing, DesiredState desired, ReconcileReport report) {
        for (int i = 0; i < missing.size(); i++) {
            TeamSpec spec = missing.get(i);
            try {
                retry.call(() -> sageMaker.createWorkteam(createRequest(spec, desired)));
                report.created(spec.name());
                notifier.teamCreated(spec.name());
            } catch (ResourceLimitExceededException e) {
                // Every further create would be refused the same way: report them all, once.
                List<String> notCreated = missing.subList(i, missing.size()).stream().map(TeamSpec::name).toList();
                String serviceMessage = SageMakerErrors.message(e);
                report.problem(Kind.WORKTEAM_LIMIT_REACHED, notCreated, "SageMaker refused to create more work teams "
                        + "in this account and region (25 unless the quota was raised), so " + notCreated.size()
                        + " desired team(s) do not exist: " + notCreated + ". Delete teams that are no longer "
                        + "needed, or take teams out of the desired state. SageMaker said: " + serviceMessage);
                notifier.workteamLimitReached(notCreated, serviceMessage);
                return;
            } catch (ResourceInUseException e) {
                step(spec.name(), report, () -> adoptExisting(spec, desired, report));
            } catch (SdkException e) {
                reportFailure(spec.name(), e, report);
            }
        }
    }

    /**
     * CreateWorkteam said the team already exists, though it was missing when the run began: our
     * own create took effect, its response was lost and the SDK retried it; or another run made it
     * meanwhile. Either way the team is there: if it is ours, bring it to the spec like any other.
     */
    private void adoptExisting(TeamSpec spec, DesiredState desired, ReconcileReport report) {
        Optional<Workteam> team = retry.call(() -> lookup.find(spec.name()));
        if (team.isEmpty()) {
            report.problem(Kind.FAILED, List.of(spec.name()), "CreateWorkteam answered ResourceInUse, but the team "
                    + "was gone again when described (deleted concurrently?); the next run creates it");
        } else if (!isManaged(team.get())) {
            reportNotManaged(spec.name(), report);
        } else {
            Changes changes = Changes.between(spec, team.get(), desired);
            if (!changes.isEmpty()) {
                retry.call(() -> sageMaker.updateWorkteam(changes.request()));
            }
            report.created(spec.name());
            notifier.teamCreated(spec.name());
        }
    }

    private void update(TeamSpec spec, Workteam existing, DesiredState desired, ReconcileReport report) {
        Changes changes = Changes.between(spec, existing, desired);
        if (changes.isEmpty()) {
            report.unchanged(spec.name());
            return;
        }
        retry.call(() -> sageMaker.updateWorkteam(changes.request()));
        report.updated(spec.name(), changes.names());
        notifier.teamUpdated(spec.name(), changes.names());
    }

    private void delete(String name, ReconcileReport report) {
        try {
            retry.call(() -> sageMaker.deleteWorkteam(DeleteWorkteamRequest.builder().workteamName(name).build()));
        } catch (SageMakerException e) {
            // DeleteWorkteam is not idempotent: when our delete took effect but its response was
            // lost, the SDK's retry is told the team does not exist (a ValidationException). Gone
            // is what we wanted; anything else is a real refusal.
            if (!SageMakerErrors.isMissingWorkteam(e)) {
                throw e;
            }
        }
        report.deleted(name);
        notifier.teamDeleted(name);
    }

    // ------------------------------------------------------------------ requests

    private static CreateWorkteamRequest createRequest(TeamSpec spec, DesiredState desired) {
        CreateWorkteamRequest.Builder request = CreateWorkteamRequest.builder()
                .workteamName(spec.name())
                .description(spec.description())
                .memberDefinitions(memberDefinitions(spec, desired))
                .tags(Tag.builder().key(MANAGED_BY_KEY).value(MANAGED_BY_VALUE).build());
        spec.notificationTopic().ifPresent(topic -> request.notificationConfiguration(n -> n.notificationTopicArn(topic)));
        return request.build();
    }

    /** What differs between a team and its spec, and the UpdateWorkteam that changes just that. */
    private record Changes(List<String> names, UpdateWorkteamRequest request) {

        static Changes between(TeamSpec spec, Workteam existing, DesiredState desired) {
            List<String> names = new ArrayList<>();
            // Members left out of UpdateWorkteam stay as they are, except NotificationConfiguration: leaving it
            // out removes the topic. So send what differs, and always the topic the team should keep.
            UpdateWorkteamRequest.Builder request = UpdateWorkteamRequest.builder().workteamName(spec.name())
                    .notificationConfiguration(NotificationConfiguration.builder()
                            .notificationTopicArn(spec.notificationTopicArn()).build());
            if (!spec.description().equals(existing.description())) {
                names.add("description");
                request.description(spec.description());
            }
            List<MemberDefinition> members = memberDefinitions(spec, desired);
            if (!memberSet(members).equals(memberSet(existing.memberDefinitions()))) {
                names.add("member groups");
                request.memberDefinitions(members);
            }
            if (!Objects.equals(spec.notificationTopicArn(), topicOf(existing))) {
                names.add("notification topic"); // with no topic, the request carries {}, which removes it
            }
            return new Changes(List.copyOf(names), request.build());
        }

        boolean isEmpty() {
            return names.isEmpty();
        }
    }

    private static List<MemberDefinition> memberDefinitions(TeamSpec spec, DesiredState desired) {
        return spec.memberGroups().stream()
                .map(group -> MemberDefinition.builder().cognitoMemberDefinition(CognitoMemberDefinition.builder()
                        .userPool(desired.userPool()).clientId(desired.clientId()).userGroup(group).build()).build())
                .toList();
    }

    /** Member definitions compare as a set: SageMaker keeps their order, which means nothing. */
    private static Set<MemberDefinition> memberSet(List<MemberDefinition> members) {
        return new LinkedHashSet<>(members);
    }

    private static String topicOf(Workteam team) {
        NotificationConfiguration notification = team.notificationConfiguration();
        return notification == null ? null : notification.notificationTopicArn();
    }

    // ------------------------------------------------------------------ reporting

    /** Runs one team's step; a refusal is that team's problem, and the run goes on. */
    private void step(String team, ReconcileReport report, Runnable step) {
        try {
            step.run();
        } catch (SdkException e) {
            reportFailure(team, e, report);
        }
    }

    private static void reportFailure(String team, SdkException e, ReconcileReport report) {
        String message = e instanceof SageMakerException sageMakerError ? SageMakerErrors.message(sageMakerError)
                : e.getMessage();
        if (e instanceof SageMakerException sageMakerError && sageMakerError.isThrottlingException()) {
            message = "still throttled after every retry: " + message;
        }
        report.problem(Kind.FAILED, List.of(team), message);
    }

    private static void reportNotManaged(String team, ReconcileReport report) {
        report.problem(Kind.NOT_MANAGED, List.of(team), "A work team of this name exists without the tag "
                + MANAGED_BY_KEY + "=" + MANAGED_BY_VALUE + ", so the reconciler leaves it alone. Tag it to hand it "
                + "over, or rename the desired team.");
    }
}
