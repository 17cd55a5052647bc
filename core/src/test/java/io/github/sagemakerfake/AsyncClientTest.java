package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static io.github.sagemakerfake.Requests.cognitoWorkforce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** Every operation through a genuine SageMakerAsyncClient on the in-memory async transport. */
class AsyncClientTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder().maxWorkteams(2).build();
    private final SageMakerAsyncClient sageMaker = fake.asyncClient();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void everyOperationWorksAsynchronously() {
        String wfArn = sageMaker.createWorkforce(cognitoWorkforce("wf")).join().workforceArn();
        assertThat(sageMaker.describeWorkforce(r -> r.workforceName("wf")).join().workforce().workforceArn())
                .isEqualTo(wfArn);
        Requests.awaitSettled(sageMaker, "wf"); // the default lifecycle: Initializing until a read has shown it
        assertThat(sageMaker.updateWorkforce(r -> r.workforceName("wf").sourceIpConfig(s -> s.cidrs("10.0.0.0/8")))
                .join().workforce().sourceIpConfig().cidrs()).containsExactly("10.0.0.0/8");
        assertThat(sageMaker.listWorkforces(r -> { }).join().workforces()).hasSize(1);

        String teamArn = sageMaker.createWorkteam(cognitoTeam("t")).join().workteamArn();
        assertThat(sageMaker.describeWorkteam(r -> r.workteamName("t")).join().workteam().workteamArn()).isEqualTo(teamArn);
        assertThat(sageMaker.updateWorkteam(r -> r.workteamName("t").description("new")).join().workteam().description())
                .isEqualTo("new");
        assertThat(sageMaker.listWorkteams().join().workteams()).hasSize(1);

        sageMaker.addTags(r -> r.resourceArn(teamArn).tags(Tag.builder().key("k").value("v").build())).join();
        assertThat(sageMaker.listTags(r -> r.resourceArn(teamArn)).join().tags()).hasSize(1);
        sageMaker.deleteTags(r -> r.resourceArn(teamArn).tagKeys("k")).join();
        assertThat(sageMaker.listTags(r -> r.resourceArn(teamArn)).join().tags()).isEmpty();

        assertThat(sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(teamArn)).join().labelingJobSummaryList())
                .isEmpty();
        assertThat(sageMaker.listSubscribedWorkteams().join().subscribedWorkteams()).isEmpty();
        assertThatThrownBy(() -> sageMaker.describeSubscribedWorkteam(r -> r.workteamArn(
                "arn:aws:sagemaker:us-east-1:394669845002:workteam/vendor-crowd/x")).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(SageMakerException.class);

        assertThat(sageMaker.deleteWorkteam(r -> r.workteamName("t")).join().success()).isTrue();
        sageMaker.deleteWorkforce(r -> r.workforceName("wf")).join();
        assertThat(sageMaker.describeWorkforce(r -> r.workforceName("wf")).join().workforce().statusAsString())
                .isEqualTo("Deleting");
        assertThatThrownBy(() -> sageMaker.describeWorkforce(r -> r.workforceName("wf")).join())
                .hasMessageContaining("No workforce");
        assertThat(fake.snapshot().regions()).isEmpty();
    }

    @Test
    void modeledErrorsArriveAsTheSdksExceptionClasses() {
        sageMaker.createWorkteam(cognitoTeam("a")).join();
        assertThatThrownBy(() -> sageMaker.createWorkteam(cognitoTeam("a")).join())
                .hasCauseInstanceOf(ResourceInUseException.class);
        sageMaker.createWorkteam(cognitoTeam("b")).join();
        assertThatThrownBy(() -> sageMaker.createWorkteam(cognitoTeam("c")).join())
                .hasCauseInstanceOf(ResourceLimitExceededException.class);
        assertThatThrownBy(() -> sageMaker.listLabelingJobsForWorkteam(r -> r.workteamArn(
                "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/zz")).join())
                .hasCauseInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sageMaker.describeWorkteam(r -> r.workteamName("zz")).join())
                .cause().isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("The work team zz");
    }
}
