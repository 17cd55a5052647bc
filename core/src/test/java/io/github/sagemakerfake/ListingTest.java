package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobForWorkteamSummary;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

class ListingTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();

    @BeforeEach
    void createTeamsOneSecondApart() {
        for (String name : List.of("charlie", "alpha", "echo", "bravo", "delta", "golf", "foxtrot", "hotel", "india",
                "juliet", "kilo", "lima")) {
            sageMaker.createWorkteam(cognitoTeam(name));
            fake.advanceClock(Duration.ofSeconds(1));
        }
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private static List<String> names(List<Workteam> teams) {
        return teams.stream().map(Workteam::workteamName).collect(Collectors.toList());
    }

    @Test
    void theDefaultPageHoldsTenTeamsInCreationOrder() {
        ListWorkteamsResponse page = sageMaker.listWorkteams();
        assertThat(names(page.workteams())).containsExactly("charlie", "alpha", "echo", "bravo", "delta", "golf",
                "foxtrot", "hotel", "india", "juliet");
        assertThat(page.nextToken()).isNotBlank();
        ListWorkteamsResponse second = sageMaker.listWorkteams(r -> r.nextToken(page.nextToken()));
        assertThat(names(second.workteams())).containsExactly("kilo", "lima");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void theSdkPaginatorWalksEveryPage() {
        var pages = sageMaker.listWorkteamsPaginator(r -> r.maxResults(5).sortBy("Name").sortOrder("Descending"));
        assertThat(pages.stream().count()).isEqualTo(3);
        assertThat(names(pages.workteams().stream().collect(Collectors.toList()))).containsExactly("lima", "kilo",
                "juliet", "india", "hotel", "golf", "foxtrot", "echo", "delta", "charlie", "bravo", "alpha");
    }

    @Test
    void asyncPaginatorWalksEveryPage() throws Exception {
        List<String> collected = new java.util.concurrent.CopyOnWriteArrayList<>();
        fake.asyncClient().listWorkteamsPaginator(r -> r.maxResults(4).sortBy("Name"))
                .workteams().subscribe(t -> collected.add(t.workteamName())).get();
        assertThat(collected).hasSize(12).isSorted();
    }

    @Test
    void pagesStayCorrectWhenTeamsChangeBetweenCalls() {
        ListWorkteamsResponse first = sageMaker.listWorkteams(r -> r.sortBy("Name").maxResults(3));
        assertThat(names(first.workteams())).containsExactly("alpha", "bravo", "charlie");
        sageMaker.deleteWorkteam(r -> r.workteamName("alpha"));
        sageMaker.deleteWorkteam(r -> r.workteamName("delta"));

        ListWorkteamsResponse next = sageMaker.listWorkteams(r -> r.sortBy("Name").maxResults(3)
                .nextToken(first.nextToken()));
        assertThat(names(next.workteams())).containsExactly("echo", "foxtrot", "golf");
    }

    @Test
    void nameContainsFiltersCaseInsensitively() {
        assertThat(names(sageMaker.listWorkteams(r -> r.nameContains("LI")).workteams()))
                .containsExactly("charlie", "juliet", "lima");
    }

    @Test
    void aTokenReplayedWithOtherFiltersIsRefused() {
        String token = sageMaker.listWorkteams(r -> r.maxResults(2)).nextToken();
        assertThatThrownBy(() -> sageMaker.listWorkteams(r -> r.maxResults(2).sortBy("Name").nextToken(token)))
                .isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("NextToken is not valid");
        assertThatThrownBy(() -> sageMaker.listWorkteams(r -> r.nextToken("garbage!")))
                .hasMessageContaining("NextToken is not valid");
    }

    @Test
    void labelingJobsAndVendorTeamsComeFromSeedsAndPage() {
        String arn = fake.state().workteam("alpha").orElseThrow().arn();
        fake.seed("""
                {"LabelingJobs": [
                   {"WorkteamName": "alpha", "JobReferenceCode": "job-1", "CreationTime": "2026-01-01T00:00:00Z",
                    "LabelingJobName": "first", "LabelCounters": {"HumanLabeled": 3, "PendingHuman": 1, "Total": 4}},
                   {"WorkteamName": "alpha", "JobReferenceCode": "job-2", "CreationTime": 1767312000},
                   {"WorkteamName": "alpha", "JobReferenceCode": "other-3", "CreationTime": 1767398400}],
                 "SubscribedWorkteams": [
                   {"WorkteamArn": "arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/acme",
                    "MarketplaceTitle": "Acme labeling", "SellerName": "Acme"}]}
                """);

        List<LabelingJobForWorkteamSummary> jobs = sageMaker
                .listLabelingJobsForWorkteamPaginator(r -> r.workteamArn(arn).maxResults(1)).labelingJobSummaryList()
                .stream().collect(Collectors.toList());
        assertThat(jobs).extracting(LabelingJobForWorkteamSummary::jobReferenceCode)
                .containsExactly("job-1", "job-2", "other-3");
        assertThat(jobs.get(0).labelCounters().total()).isEqualTo(4);
        assertThat(jobs.get(0).workRequesterAccountId()).isEqualTo("123456789012");
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(arn).jobReferenceCodeContains("job")
                .sortOrder("Descending")).labelingJobSummaryList())
                .extracting(LabelingJobForWorkteamSummary::jobReferenceCode).containsExactly("job-2", "job-1");
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(arn)
                .creationTimeAfter(java.time.Instant.parse("2026-01-01T12:00:00Z"))).labelingJobSummaryList())
                .hasSize(2);

        assertThat(sageMaker.listSubscribedWorkteams().subscribedWorkteams()).singleElement()
                .satisfies(t -> assertThat(t.sellerName()).isEqualTo("Acme"));
        assertThat(sageMaker.listSubscribedWorkteams(r -> r.nameContains("nomatch")).subscribedWorkteams()).isEmpty();
        assertThat(sageMaker.describeSubscribedWorkteam(r -> r.workteamArn(
                "arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/acme")).subscribedWorkteam()
                .marketplaceTitle()).isEqualTo("Acme labeling");
    }

    @Test
    void labelingJobsOfAnUnknownTeamAreResourceNotFound() {
        assertThatThrownBy(() -> sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(
                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/ghost")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(400));
        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(
                fake.state().workteam("kilo").orElseThrow().arn())).labelingJobSummaryList()).isEmpty();
    }

    @Test
    void unknownVendorTeamsAreValidationExceptions() {
        assertThatThrownBy(() -> sageMaker.describeSubscribedWorkteam(r -> r.workteamArn(
                "arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/nobody")))
                .isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("nobody");
    }
}
