package io.github.sagemakerfake.examples.snippets.lifecycle;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

@SageMakerWorkforceTest(lifecycle = "IMMEDIATE")   // this class is about CIDRs, not about waiting
class NetworkSettingsTest {
    @Test
    void restrictsTheWorkerPortal(SageMakerClient sageMaker, FakeControl fake) {
        sageMaker.createWorkforce(r -> r.workforceName("crowd")
                .cognitoConfig(c -> c.userPool("us-east-1_AbC123").clientId("app-client")));
        sageMaker.updateWorkforce(r -> r.workforceName("crowd").sourceIpConfig(s -> s.cidrs("10.0.0.0/16")));
        assertThat(fake).hasWorkforce().isActive().hasSourceIpCidrs("10.0.0.0/16");
    }
}
