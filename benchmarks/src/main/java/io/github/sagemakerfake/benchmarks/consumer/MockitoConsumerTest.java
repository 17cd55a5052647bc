package io.github.sagemakerfake.benchmarks.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkforceRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkforceResponse;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListWorkteamsResponse;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** The same workload on a Mockito mock with strict stubs, the way such a test is usually written. */
@ExtendWith(MockitoExtension.class)
public class MockitoConsumerTest {

    @Mock
    SageMakerClient sageMaker;

    static Stream<Integer> tests() {
        return IntStream.range(0, Integer.getInteger(ConsumerSuite.TESTS_PROPERTY, 10)).boxed();
    }

    @ParameterizedTest
    @MethodSource("tests")
    void listsAndDescribesTheProvisionedTeams(int test) {
        when(sageMaker.createWorkforce(any(CreateWorkforceRequest.class))).thenReturn(CreateWorkforceResponse.builder()
                .workforceArn("arn:aws:sagemaker:us-east-1:123456789012:workforce/labelers").build());
        when(sageMaker.createWorkteam(any(CreateWorkteamRequest.class))).thenReturn(CreateWorkteamResponse.builder()
                .workteamArn("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/alpha").build());
        when(sageMaker.listWorkteams(any(ListWorkteamsRequest.class))).thenReturn(ListWorkteamsResponse.builder()
                .workteams(team("alpha"), team("beta"), team("gamma")).build());
        when(sageMaker.describeWorkteam(any(DescribeWorkteamRequest.class))).thenReturn(DescribeWorkteamResponse
                .builder().workteam(team("beta")).build());
        TeamDirectory directory = new TeamDirectory(sageMaker);
        directory.provision("labelers", List.of("alpha", "beta", "gamma"));

        assertEquals(List.of("alpha", "beta", "gamma"), directory.teamNames());
        assertEquals("Team beta", directory.description("beta"));
        verify(sageMaker, times(3)).createWorkteam(any(CreateWorkteamRequest.class));
    }

    private static Workteam team(String name) {
        return Workteam.builder().workteamName(name).description("Team " + name)
                .workteamArn("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/" + name).build();
    }
}
