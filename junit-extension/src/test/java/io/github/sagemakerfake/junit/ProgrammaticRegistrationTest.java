package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * The extension without the annotation: built in code and registered with {@code @RegisterExtension}
 * (static: per class; instance: per test), or by {@code @ExtendWith}; and the settings the
 * annotation gained with it (CIDR and tag limits, a frozen clock, a fixed port).
 */
class ProgrammaticRegistrationTest {

    static final Instant FROZEN = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aStaticBuiltExtensionAppliesEverySettingAndInjectsLikeTheAnnotation() {
        TestKit.assertAllPassed(TestKit.run(StaticRegistration.class), 2);
    }

    @Test
    void aStaticExtensionWithAPerClassFakeSharesItWithNestedClassesAndStaticFields() {
        SharedFakes.seen.clear();
        TestKit.assertAllPassed(TestKit.run(StaticPerClass.class), 3);
        assertThat(SharedFakes.seen).hasSize(3).containsOnly(SharedFakes.seen.get(0));
    }

    @Test
    void anInstanceFieldExtensionGivesEveryTestItsOwnFake() {
        SharedFakes.seen.clear();
        TestKit.assertAllPassed(TestKit.run(InstanceRegistration.class), 2);
        assertThat(SharedFakes.seen).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void extendWithUsesTheConfigurationParametersAndBuiltInDefaults() {
        TestKit.assertAllPassed(TestKit.run(Map.of(FakeConfiguration.REGION_KEY, "eu-west-1"), ExtendedWith.class), 1);
    }

    @Test
    void theAnnotationSetsTheCidrAndTagLimitsAndAFrozenClock() {
        TestKit.assertAllPassed(TestKit.run(AnnotatedLimitsAndClock.class), 2);
    }

    @Test
    void aFixedPortServesTheFakeThere() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        TestKit.assertAllPassed(TestKit.run(Map.of(FakeConfiguration.PORT_KEY, Integer.toString(port)), FixedPort.class), 2);
        assertThat(FixedPort.endpoints).containsOnly(URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void theBuilderRejectsAWrongValueWhereItIsSet() {
        assertThatThrownBy(() -> SageMakerWorkforceExtension.newInstance().region("useast1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("looks like us-east-1");
        assertThatThrownBy(() -> SageMakerWorkforceExtension.newInstance().maxCidrs(0))
                .hasMessage("maxCidrs must be at least 1; got 0");
        assertThatThrownBy(() -> SageMakerWorkforceExtension.newInstance().port(70_000))
                .hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> SageMakerWorkforceExtension.newInstance().transport(Transport.DEFAULT))
                .hasMessageContaining("transport(DEFAULT) means \"not set\"");
    }

    @Test
    void aPortWithoutTheHttpTransportIsRefused() {
        assertThat(MisuseTest.misuse(PortInProcess.class)).hasMessageContaining(
                "SageMakerWorkforceExtension.newInstance().port(8080) needs transport = HTTP, but the transport is "
                        + "IN_PROCESS (built-in default)");
    }

    @Test
    void theAnnotationAndARegisteredInstanceTogetherAreRefused() {
        assertThat(MisuseTest.misuse(RegisteredTwice.class))
                .hasMessageContaining("registered twice")
                .hasMessageContaining("Keep one");
    }

    /** The fakes the tests saw, to compare identities across tests. */
    static final class SharedFakes {
        static final List<FakeControl> seen = new CopyOnWriteArrayList<>();
    }

    @TestKitOnly
    static class StaticRegistration {
        @RegisterExtension
        static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance()
                .region("eu-west-2")
                .account("210987654321")
                .maxWorkteams(1)
                .maxTagsPerResource(2)
                .frozenClock(FROZEN)
                .lifecycle(Lifecycle.timed(Duration.ofMinutes(5)))
                .seed("/seeds/global.json")
                .build();

        @Test
        void everySettingApplies(SageMakerClient client, SageMakerFakeRuntime runtime, FakeControl fake) {
            assertThat(runtime.region()).isEqualTo("eu-west-2");
            assertThat(runtime.account()).isEqualTo("210987654321");
            assertThat(fake.now()).isEqualTo(FROZEN);
            assertThat(fake.snapshot().regions()).anySatisfy(r -> assertThat(r.isEmpty()).isFalse()); // seeded
        }

        @Test
        void limitsApply(SageMakerClient client, FakeControl fake) {
            fake.reset();
            Teams.create(client, "one");
            assertThatThrownBy(() -> Teams.create(client, "two")).isInstanceOf(ResourceLimitExceededException.class);
            String arn = fake.state().workteam("one").orElseThrow().arn();
            assertThatThrownBy(() -> client.addTags(r -> r.resourceArn(arn).tags(tag("a"), tag("b"), tag("c"))))
                    .hasMessageContaining("a resource can have at most 2 tags");
        }
    }

    @TestKitOnly
    static class StaticPerClass {
        @RegisterExtension
        static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance()
                .isolation(Isolation.PER_CLASS)
                .build();

        @InjectSageMaker
        static FakeControl shared;

        @BeforeAll
        static void createOnce(SageMakerClient client) {
            Teams.create(client, "shared");
        }

        @Test
        void first(FakeControl fake) {
            assertThat(fake).isSameAs(shared);
            assertThat(fake.state().workteamNames()).containsExactly("shared");
            SharedFakes.seen.add(fake);
        }

        @Test
        void second(FakeControl fake) {
            SharedFakes.seen.add(fake);
        }

        @Nested
        class Inner {
            @Test
            void seesTheOuterClassesFake(FakeControl fake) {
                assertThat(fake.state().workteamNames()).containsExactly("shared");
                SharedFakes.seen.add(fake);
            }
        }
    }

    @TestKitOnly
    static class InstanceRegistration {
        @RegisterExtension
        SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance().maxWorkteams(1).build();

        @InjectSageMaker
        SageMakerClient client;

        @Test
        void first(FakeControl fake) {
            Teams.create(client, "mine");
            SharedFakes.seen.add(fake);
        }

        @Test
        void second(FakeControl fake) {
            Teams.create(client, "mine"); // no conflict, and within the limit of 1: a fresh fake
            SharedFakes.seen.add(fake);
        }
    }

    @TestKitOnly
    @ExtendWith(SageMakerWorkforceExtension.class)
    static class ExtendedWith {
        @Test
        void injects(SageMakerClient client, SageMakerFakeRuntime runtime) {
            assertThat(runtime.region()).isEqualTo("eu-west-1");
            Teams.create(client, "alpha");
            assertThat(runtime.control().state().workteamNames()).containsExactly("alpha");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxCidrs = 1, maxTagsPerResource = 1, frozenClock = "2024-01-01T00:00:00Z")
    static class AnnotatedLimitsAndClock {
        @Test
        void cidrLimit(SageMakerClient client) {
            assertThatThrownBy(() -> client.createWorkforce(r -> r.workforceName("wf")
                    .cognitoConfig(c -> c.userPool(Teams.USER_POOL).clientId(Teams.CLIENT_ID))
                    .sourceIpConfig(s -> s.cidrs("10.0.0.0/16", "10.1.0.0/16"))))
                    .hasMessageContaining("a workforce allows at most 1");
        }

        @Test
        void tagLimitAndClock(SageMakerClient client, FakeControl fake) {
            Teams.create(client, "alpha");
            assertThat(fake.state().workteam("alpha").orElseThrow().createDate()).isEqualTo(FROZEN);
            String arn = fake.state().workteam("alpha").orElseThrow().arn();
            assertThatThrownBy(() -> client.addTags(r -> r.resourceArn(arn).tags(tag("a"), tag("b"))))
                    .hasMessageContaining("a resource can have at most 1 tags");
            fake.advanceClock(Duration.ofHours(1));
            assertThat(fake.now()).isEqualTo(FROZEN.plus(Duration.ofHours(1)));
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(transport = Transport.HTTP)
    static class FixedPort {
        static final List<URI> endpoints = new CopyOnWriteArrayList<>();

        @Test
        void first(@SageMakerEndpoint URI endpoint, SageMakerClient client) {
            endpoints.add(endpoint);
            Teams.create(client, "alpha");
        }

        @Test
        void second(@SageMakerEndpoint URI endpoint, SageMakerClient client) {
            endpoints.add(endpoint); // the first test's server is closed: the port is free again
            Teams.create(client, "alpha");
        }
    }

    @TestKitOnly
    static class PortInProcess {
        @RegisterExtension
        static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance().port(8080).build();

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class RegisteredTwice {
        @RegisterExtension
        static SageMakerWorkforceExtension sageMaker = SageMakerWorkforceExtension.newInstance().build();

        @Test
        void test() {
        }
    }

    static Tag tag(String key) {
        return Tag.builder().key(key).value("v").build();
    }
}
