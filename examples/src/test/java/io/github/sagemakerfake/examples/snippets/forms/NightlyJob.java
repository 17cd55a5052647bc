package io.github.sagemakerfake.examples.snippets.forms;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The code under test of the docs/forms.md snippet: it builds its own client from the SDK's configuration. */
final class NightlyJob {

    private NightlyJob() {
    }

    public static void main(String[] args) {
        try (SageMakerClient sageMaker = SageMakerClient.create()) {
            new TeamProvisioner(sageMaker).provision("labelers");
        }
    }
}
