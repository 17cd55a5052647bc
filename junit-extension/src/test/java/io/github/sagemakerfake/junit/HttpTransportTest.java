package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/** The HTTP transport: a loopback server per fake, reachable by code that builds its own client. */
class HttpTransportTest {

    @Test
    void injectsClientsThatTalkOverTheWire() {
        TestKit.assertAllPassed(TestKit.run(OverTheWire.class), 2);
    }

    @Test
    void codeUnderTestBuildsItsOwnClientFromTheEndpointAndCredentials() {
        TestKit.assertAllPassed(TestKit.run(OwnClientFromEndpoint.class), 1);
    }

    @Test
    void codeUnderTestUsingTheSdksGlobalSettingsReachesTheFakeAndTheSettingsAreRestored() {
        Map<String, String> before = sdkProperties();
        String previousRegion = System.setProperty(SdkSystemProperties.REGION, "sa-east-1");
        try {
            TestKit.assertAllPassed(TestKit.run(GlobalSdkSettings.class), 2);
            assertThat(System.getProperty(SdkSystemProperties.REGION)).isEqualTo("sa-east-1");
        } finally {
            restore(SdkSystemProperties.REGION, previousRegion);
        }
        assertThat(sdkProperties()).isEqualTo(before);
    }

    @Test
    void theHttpTransportCanBeConfiguredGlobally() {
        TestKit.assertAllPassed(TestKit.run(Map.of("sagemaker.fake.transport", "http"), ConfiguredGlobally.class), 1);
    }

    @Test
    void stopsEachServerWhenItsFakesScopeEnds() {
        StopsServer.endpoints.clear();
        TestKit.assertAllPassed(TestKit.run(StopsServer.class), 2);
        assertThat(StopsServer.endpoints).hasSize(2).doesNotHaveDuplicates().allSatisfy(endpoint ->
                assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                        .isInstanceOf(ConnectException.class));
    }

    @Test
    void connectionFaultsHappenOnTheRealSocket() {
        TestKit.assertAllPassed(TestKit.run(ConnectionFault.class), 1);
    }

    @Test
    void theFailureReportNamesTheEndpoint() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(FailsOverHttp.class));
        assertThat(FailureReportTest.report(failure)).contains("(HTTP http://127.0.0.1:")
                .contains("#1 CreateWorkteam [123456789012/us-east-1]");
    }

    @Test
    void refusesTheInProcessFakeWithTheHttpTransport() {
        assertThat(MisuseTest.misuse(FakeOverHttp.class))
                .hasMessageContaining("a SageMakerWorkforceFake exists only with the IN_PROCESS transport, but the "
                        + "transport is HTTP (@SageMakerWorkforceTest(transport = HTTP) on ")
                .hasMessageContaining("Inject FakeControl instead");
        assertThat(MisuseTest.misuse(FakeOverHttp.class)).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void classesThatSetSystemPropertiesTakeJUnitsSystemPropertiesLock() {
        TestDescriptor engine = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKit.MARKER, "true")
                .selectors(selectClass(GlobalSdkSettings.class), selectClass(OverTheWire.class))
                .discover().getEngineDescriptor();
        Map<String, Set<String>> locks = engine.getChildren().stream().collect(Collectors.toMap(
                d -> d.getDisplayName(),
                d -> ((Node<?>) d).getExclusiveResources().stream()
                        .map(r -> r.getKey() + " " + r.getLockMode()).collect(Collectors.toSet())));
        assertThat(locks).containsEntry("HttpTransportTest$GlobalSdkSettings",
                Set.of("java.lang.System.properties " + ExclusiveResource.LockMode.READ_WRITE));
        assertThat(locks).containsEntry("HttpTransportTest$OverTheWire", Set.of());
    }

    static Map<String, String> sdkProperties() {
        Map<String, String> values = new HashMap<>();
        for (String key : List.of(SdkSystemProperties.ENDPOINT, SdkSystemProperties.REGION,
                SdkSystemProperties.ACCESS_KEY_ID, SdkSystemProperties.SECRET_ACCESS_KEY)) {
            values.put(key, System.getProperty(key));
        }
        return values;
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** Code under test that builds its own client from settings it is given. */
    static final class TeamDirectory {
        private final URI endpoint;
        private final Region region;
        private final AwsCredentialsProvider credentials;

        TeamDirectory(URI endpoint, Region region, AwsCredentialsProvider credentials) {
            this.endpoint = endpoint;
            this.region = region;
            this.credentials = credentials;
        }

        List<String> names() {
            try (SageMakerClient sageMaker = SageMakerClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).build()) {
                return sageMaker.listWorkteams().workteams().stream().map(Workteam::workteamName).toList();
            }
        }
    }

    /** Code under test that relies on the SDK's global configuration alone. */
    static final class DefaultConfiguredProvisioner {
        void createTeam(String name) {
            try (SageMakerClient sageMaker = SageMakerClient.create()) {
                Teams.create(sageMaker, name);
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP)
    static class OverTheWire {
        @SageMakerEndpoint URI endpointField;

        @Test
        void injectsEveryTypeButTheInProcessFake(SageMakerClient client, SageMakerAsyncClient asyncClient,
                                                 FakeControl control, SageMakerFakeRuntime runtime,
                                                 @SageMakerEndpoint URI endpoint) throws Exception {
            assertThat(endpoint).isEqualTo(endpointField);
            assertThat(endpoint.getScheme()).isEqualTo("http");
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(runtime.endpoint()).contains(endpoint);
            assertThat(runtime.transport()).isEqualTo(Transport.HTTP);
            assertThat(runtime.control()).isSameAs(control).isNotInstanceOf(SageMakerWorkforceFake.class);

            Teams.create(client, "wire");
            assertThat(asyncClient.listWorkteams().get().workteams()).extracting(Workteam::workteamName)
                    .containsExactly("wire");
            try (SageMakerClient own = runtime.clientBuilder().build()) {
                assertThat(own.describeWorkteam(r -> r.workteamName("wire")).workteam().workteamArn())
                        .isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/wire");
            }
            assertThat(control.journal()).extracting(e -> e.operation())
                    .containsExactly("CreateWorkteam", "ListWorkteams", "DescribeWorkteam");
        }

        @Test
        void getsAFreshFakeAndServerPerTest(FakeControl control, @SageMakerEndpoint URI endpoint) {
            assertThat(endpoint).isNotNull();
            assertThat(control.journal()).isEmpty();
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP, region = "eu-west-1", account = "111122223333")
    static class OwnClientFromEndpoint {
        @Test
        void listsTeamsThroughItsOwnClient(@SageMakerEndpoint URI endpoint, SageMakerFakeRuntime fake,
                                           SageMakerClient injected) {
            Teams.create(injected, "seen-by-both", "eu-west-1_abc123");
            TeamDirectory directory = new TeamDirectory(endpoint, Region.of(fake.region()), fake.credentialsProvider());
            assertThat(directory.names()).containsExactly("seen-by-both");
            assertThat(fake.control().journal()).extracting(e -> e.account() + "/" + e.region())
                    .containsOnly("111122223333/eu-west-1");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP, setSystemProperties = true)
    static class GlobalSdkSettings {
        @Test
        void sageMakerClientCreateReachesTheFake(FakeControl control, @SageMakerEndpoint URI endpoint) {
            assertThat(System.getProperty("aws.endpointUrlSageMaker")).isEqualTo(endpoint.toString());
            assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
            new DefaultConfiguredProvisioner().createTeam("from-global-settings");
            assertThat(control.state().workteamNames()).containsExactly("from-global-settings");
        }

        @Test
        void eachTestPointsAtItsOwnFake(FakeControl control) {
            new DefaultConfiguredProvisioner().createTeam("from-global-settings");
            assertThat(control.journal()).singleElement().satisfies(e -> assertThat(e.succeeded()).isTrue());
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ConfiguredGlobally {
        @Test
        void usesHttp(SageMakerFakeRuntime runtime, SageMakerClient client) {
            assertThat(runtime.transport()).isEqualTo(Transport.HTTP);
            assertThat(runtime.endpoint()).isPresent();
            Teams.create(client, "over-http");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP)
    static class StopsServer {
        static final List<URI> endpoints = new CopyOnWriteArrayList<>();

        @Test
        void first(@SageMakerEndpoint URI endpoint, SageMakerClient client) {
            client.listWorkteams();
            endpoints.add(endpoint);
        }

        @Test
        void second(@SageMakerEndpoint URI endpoint, SageMakerAsyncClient client) throws Exception {
            client.listWorkteams().get();
            endpoints.add(endpoint);
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP)
    static class ConnectionFault {
        @Test
        void theSdkSeesAResetConnection(SageMakerFakeRuntime fake) {
            fake.control().addFault(FaultRule.forOperation("ListWorkteams").resetConnection());
            try (SageMakerClient noRetries = fake.clientBuilder()
                    .overrideConfiguration(c -> c.retryStrategy(s -> s.maxAttempts(1))).build()) {
                assertThatThrownBy(noRetries::listWorkteams).isInstanceOf(SdkClientException.class);
            }
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP)
    static class FailsOverHttp {
        @Test
        void fails(SageMakerClient client) {
            Teams.create(client, "there");
            throw new AssertionError("boom");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP)
    static class FakeOverHttp {
        @Test
        void test(SageMakerWorkforceFake fake) {
        }
    }
}
