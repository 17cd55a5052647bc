package io.github.sagemakerfake.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.server.SageMakerWorkforceServer;
import io.github.sagemakerfake.server.TestJson;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Every method of the remote control surface does what the in-process one does: each is checked
 * against the control surface of the fake the server serves, in process.
 */
class RemoteFakeControlTest {

    private static final String TEAM = "{\"WorkteamName\":\"%s\",\"Description\":\"d\",\"MemberDefinitions\":"
            + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"%s_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}";

    private FakeControl local;
    private SageMakerWorkforceServer server;
    private RemoteFakeControl remote;
    private SageMakerClient client;

    @BeforeEach
    void start() {
        server = SageMakerWorkforceServer.start(FakeSettings.defaults().withDefaultAccount("111122223333")
                .withDefaultRegion("eu-west-1").withClock(FakeClock.startingAt(Instant.parse("2024-05-01T12:00:00Z"))));
        local = server.control();
        remote = RemoteFakeControl.connect(server.endpoint());
        client = SageMakerClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("111122223333", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void createTeam(String name) {
        client.createWorkteam(r -> r.workteamName(name).description("d")
                .memberDefinitions(cognitoMember("eu-west-1_abc123")));
    }

    @Test
    void connectReadsTheDefaultsAndHealth() {
        assertThat(remote.defaultAccount()).isEqualTo("111122223333");
        assertThat(remote.defaultRegion()).isEqualTo("eu-west-1");
        assertThat(remote.endpoint()).isEqualTo(server.endpoint());
        assertThat(remote.health()).containsEntry("Status", "UP");
        assertThat(RemoteFakeControl.connect(URI.create(server.endpoint() + "/")).defaultAccount())
                .isEqualTo("111122223333");
    }

    @Test
    void connectFailsClearlyWhenNothingListens() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        assertThatThrownBy(() -> RemoteFakeControl.connect(URI.create("http://127.0.0.1:" + freePort)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No SageMaker Workforce Fake answers at http://127.0.0.1:" + freePort);
        assertThatThrownBy(() -> RemoteFakeControl.connect(URI.create("localhost:9324")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute URI");
    }

    @Test
    void snapshotAndStateMatchTheInProcessOnes() {
        createTeam("a");
        createTeam("b");
        remote.seed("{\"Account\":\"123456789012\",\"Region\":\"us-east-1\",\"Workteams\":["
                + String.format(TEAM, "other", "us-east-1") + "]}");
        assertThat(json(remote.snapshot().toMap())).isEqualTo(json(local.snapshot().toMap()));
        assertThat(remote.snapshot().regions()).hasSize(2);
        assertThat(json(remote.state().toMap())).isEqualTo(json(local.state().toMap()));
        assertThat(remote.state().workteamNames()).containsExactly("a", "b");
        assertThat(remote.state("123456789012", "us-east-1").workteamNames()).containsExactly("other");
        assertThat(remote.state("999988887777", "ap-south-1").workteams()).isEmpty();
    }

    @Test
    void resetForgetsEverythingOrOneRegion() {
        createTeam("a");
        remote.seed("{\"Account\":\"123456789012\",\"Region\":\"us-east-1\",\"Workteams\":["
                + String.format(TEAM, "other", "us-east-1") + "]}");
        remote.addFault(FaultRule.forOperation("ListWorkteams").throttle());

        remote.reset("123456789012", "us-east-1");
        assertThat(local.state("123456789012", "us-east-1").workteams()).isEmpty();
        assertThat(local.state().workteamNames()).containsExactly("a");
        assertThat(local.faults()).hasSize(1);

        remote.reset();
        assertThat(local.snapshot().regions()).isEmpty();
        assertThat(local.faults()).isEmpty();
    }

    @Test
    void journalMatchesAndClears() {
        createTeam("a");
        assertThatThrownBy(() -> client.describeWorkteam(r -> r.workteamName("zz"))).isInstanceOf(SageMakerException.class);
        assertThat(remote.journal()).hasSize(2);
        assertThat(remote.journal().stream().map(JournalEntry::toMap).map(RemoteFakeControlTest::json))
                .containsExactlyElementsOf(local.journal().stream().map(JournalEntry::toMap)
                        .map(RemoteFakeControlTest::json).collect(Collectors.toList()));
        JournalEntry failed = remote.journal().get(1);
        assertThat(failed.operation()).isEqualTo("DescribeWorkteam");
        assertThat(failed.account()).isEqualTo("111122223333");
        assertThat(failed.region()).isEqualTo("eu-west-1");
        assertThat(failed.errorCode()).isEqualTo("ValidationException");
        assertThat(failed.time()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        remote.clearJournal();
        assertThat(local.journal()).isEmpty();
        assertThat(remote.journal()).isEmpty();
    }

    @Test
    void seedRefusalsAreIllegalArgumentsWithTheInProcessMessage() {
        String bad = "{\"Workteams\":[" + String.format(TEAM, "ok", "eu-west-1") + ","
                + String.format(TEAM, "ok", "eu-west-1") + "]}";
        String inProcessMessage = null;
        try (SageMakerWorkforceFake other = SageMakerWorkforceFake.create(FakeSettings.defaults()
                .withDefaultAccount("111122223333").withDefaultRegion("eu-west-1"))) {
            other.seed(bad);
        } catch (IllegalArgumentException e) {
            inProcessMessage = e.getMessage();
        }
        assertThat(inProcessMessage).isNotNull();
        assertThatThrownBy(() -> remote.seed(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(inProcessMessage);
        assertThat(local.state().workteams()).isEmpty(); // all or nothing
    }

    @Test
    void clockReadsAndAdvancesTheServersClock() {
        assertThat(remote.now()).isEqualTo(local.now()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        remote.advanceClock(Duration.ofMinutes(5).plusMillis(250));
        assertThat(local.now()).isEqualTo(Instant.parse("2024-05-01T12:05:00.250Z"));
        assertThat(remote.now()).isEqualTo(local.now());
        assertThatThrownBy(() -> remote.advanceClock(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
    }

    @Test
    void faultsTravelAndFireOverTheWire() {
        FaultRule added = remote.addFault(FaultRule.forOperation("CreateWorkteam").forWorkteam("flaky").times(2)
                .error("ThrottlingException", 400, "Rate exceeded"));
        assertThat(added.id()).isEqualTo("f1");
        assertThat(added.times()).isEqualTo(2);
        assertThat(added.match()).containsEntry("WorkteamName", "flaky");

        assertThatThrownBy(() -> createTeam("flaky")).isInstanceOf(SageMakerException.class)
                .satisfies(e -> assertThat(((SageMakerException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ThrottlingException"));
        createTeam("steady");

        FaultRule listed = remote.faults().get(0);
        assertThat(listed.firedCount()).isEqualTo(1);
        assertThat(listed.describe()).isEqualTo(local.faults().get(0).describe());

        remote.addFault(FaultRule.forAnyOperation().withLatency(Duration.ofMillis(20)).latencyOnly());
        assertThat(local.faults()).hasSize(2);
        assertThat(local.faults().get(1).minLatency()).isEqualTo(Duration.ofMillis(20));

        remote.clearFaults();
        assertThat(local.faults()).isEmpty();
        createTeam("flaky");
    }

    @Test
    void faultsThatCannotTravelAreRefused() {
        assertThatThrownBy(() -> remote.addFault(FaultRule.forAnyOperation().when(r -> true).throttle()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whenMember");
        assertThatThrownBy(() -> remote.addFault(FaultRule.forOperation("CreateTrainingJob").throttle()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown operation 'CreateTrainingJob'");
        assertThat(local.faults()).isEmpty();
    }

    @Test
    void aStoppedServerIsAnIllegalState() {
        server.close();
        assertThatThrownBy(() -> remote.journal()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(server.endpoint().toString());
    }

    @Test
    void closingTheServerLeavesNoThreadThatKeepsTheJvmAlive() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SageMakerWorkforceServer other = SageMakerWorkforceServer.start(FakeSettings.defaults());
        RemoteFakeControl control = RemoteFakeControl.connect(other.endpoint());
        control.reset();
        control.journal();
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .collect(Collectors.toSet());
        assertThat(started).isNotEmpty().allMatch(Thread::isDaemon, "is a daemon thread");
        other.close();
        Set<Thread> nonDaemonLeft = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).collect(Collectors.toSet());
        assertThat(nonDaemonLeft).isEmpty();
    }

    private static MemberDefinition cognitoMember(String userPool) {
        return MemberDefinition.builder().cognitoMemberDefinition(c -> c.userPool(userPool).clientId("c").userGroup("g"))
                .build();
    }

    private static Object json(Map<String, Object> map) {
        return TestJson.parse(TestJson.write(map));
    }
}
