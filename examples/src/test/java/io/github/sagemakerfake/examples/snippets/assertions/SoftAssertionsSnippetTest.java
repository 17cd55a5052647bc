package io.github.sagemakerfake.examples.snippets.assertions;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.assertions.SageMakerWorkforceSoftAssertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.MemberDefinition;

/** The soft-assertions snippet of docs/assertions.md, on a fake holding what it checks. */
class SoftAssertionsSnippetTest {

    @Test
    void softAssertions() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            fake.client().createWorkteam(r -> r.workteamName("labelers").description("Labelers")
                    .memberDefinitions(MemberDefinition.builder().cognitoMemberDefinition(c -> c
                            .userPool("us-east-1_abc123").clientId("client").userGroup("labelers")).build()));

            SageMakerWorkforceSoftAssertions.assertSoftly(softly -> {
                softly.assertThat(fake).hasWorkteam("labelers").hasDescription("Labelers").hasNoTags();
                softly.assertThat(fake).hasWorkforce().usesCognito();
                softly.assertThatJournal(fake).hasNoFailedCalls();
            });
        }
    }
}
