package io.github.sagemakerfake;

import static io.github.sagemakerfake.Requests.cognitoTeam;
import static io.github.sagemakerfake.Requests.cognitoWorkforce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class TagsTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
    private final SageMakerClient sageMaker = fake.client();
    private String teamArn;

    @BeforeEach
    void createTeam() {
        teamArn = sageMaker.createWorkteam(cognitoTeam("t").toBuilder()
                .tags(tag("env", "test"), tag("owner", "ml")).build()).workteamArn();
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    @Test
    void tagsGivenAtCreationAreListed() {
        assertThat(sageMaker.listTags(r -> r.resourceArn(teamArn)).tags())
                .containsExactly(tag("env", "test"), tag("owner", "ml"));
    }

    @Test
    void addTagsOverwritesExistingKeysAndAddsNewOnes() {
        List<Tag> echoed = sageMaker.addTags(r -> r.resourceArn(teamArn).tags(tag("env", "prod"), tag("cost", "42")))
                .tags();

        assertThat(echoed).containsExactly(tag("env", "prod"), tag("cost", "42"));
        assertThat(sageMaker.listTags(r -> r.resourceArn(teamArn)).tags())
                .as("listed by key").containsExactly(tag("cost", "42"), tag("env", "prod"), tag("owner", "ml"));
        assertThat(fake.state().workteam("t").orElseThrow().tags()).containsEntry("env", "prod").hasSize(3);
    }

    @Test
    void pagesByKeyNeitherRepeatNorSkipAKeyWhileTagsChangeBetweenPages() {
        try (SageMakerWorkforceFake roomy = SageMakerWorkforceFake.builder()
                .limits(io.github.sagemakerfake.control.FakeLimits.service().withMaxTagsPerResource(300)).build()) {
            SageMakerClient client = roomy.client();
            String arn = client.createWorkteam(cognitoTeam("t")).workteamArn();
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                tags.add(tag(String.format("k%03d", i), "v"));
            }
            for (int from = 0; from < 150; from += 50) { // at most 50 tags per request (model)
                List<Tag> batch = tags.subList(from, from + 50);
                client.addTags(r -> r.resourceArn(arn).tags(batch));
            }

            var first = client.listTags(r -> r.resourceArn(arn).maxResults(50));
            // Between the pages: keys before and after the cursor go away, and new ones arrive on both sides.
            client.deleteTags(r -> r.resourceArn(arn).tagKeys("k000", "k010", "k120"));
            client.addTags(r -> r.resourceArn(arn).tags(tag("a-new", "v"), tag("k0495", "v"), tag("z-new", "v")));
            List<String> keys = new ArrayList<>();
            first.tags().forEach(t -> keys.add(t.key()));
            String token = first.nextToken();
            while (token != null) {
                String next = token;
                var page = client.listTags(r -> r.resourceArn(arn).maxResults(50).nextToken(next));
                page.tags().forEach(t -> keys.add(t.key()));
                token = page.nextToken();
            }

            assertThat(keys).doesNotHaveDuplicates().contains("k0495", "z-new").doesNotContain("a-new", "k120")
                    .isSorted();
            for (int i = 0; i < 150; i++) {
                String key = String.format("k%03d", i);
                if (!List.of("k000", "k010", "k120").contains(key)) {
                    assertThat(keys).as("a key present throughout").contains(key);
                }
            }
        }
    }

    @Test
    void deleteTagsRemovesKeysAndIgnoresUnknownOnes() {
        sageMaker.deleteTags(r -> r.resourceArn(teamArn).tagKeys("env", "not-there"));
        assertThat(sageMaker.listTags(r -> r.resourceArn(teamArn)).tags()).containsExactly(tag("owner", "ml"));
    }

    @Test
    void moreThanFiftyTagsOnOneResourceAreRefused() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            tags.add(tag("k" + i, "v"));
        }
        sageMaker.addTags(r -> r.resourceArn(teamArn).tags(tags)); // 50 in all

        assertThatThrownBy(() -> sageMaker.addTags(r -> r.resourceArn(teamArn).tags(tag("one-too-many", "v"))))
                .isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("at most 50 tags");
        assertThat(sageMaker.listTagsPaginator(r -> r.resourceArn(teamArn)).tags().stream().count()).isEqualTo(50);
    }

    @Test
    void listTagsPagesWithTheSdkPaginator() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            tags.add(tag("k" + i, "v" + i));
        }
        sageMaker.addTags(r -> r.resourceArn(teamArn).tags(tags));

        var first = sageMaker.listTags(r -> r.resourceArn(teamArn));
        assertThat(first.tags()).hasSize(47); // default page size is 50
        assertThat(first.nextToken()).isNull();
        assertThat(sageMaker.listTagsPaginator(r -> r.resourceArn(teamArn).maxResults(50)).tags()).hasSize(47);
    }

    @Test
    void workforceArnsAreNotTaggable() {
        String arn = sageMaker.describeWorkforce(r -> r.workforceName("default")).workforce().workforceArn();
        assertThatThrownBy(() -> sageMaker.listTags(r -> r.resourceArn(arn)))
                .isExactlyInstanceOf(SageMakerException.class)
                .satisfies(e -> {
                    SageMakerException s = (SageMakerException) e;
                    assertThat(s.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(s.awsErrorDetails().errorMessage()).isEqualTo("Invalid resource type: workforce");
                });
    }

    @Test
    void unknownTeamArnsAreValidationExceptions() {
        assertThatThrownBy(() -> sageMaker.addTags(r -> r.resourceArn(teamArn.replace("/t", "/ghost"))
                .tags(tag("a", "b"))))
                .isExactlyInstanceOf(SageMakerException.class).hasMessageContaining("The work team");
        assertThatThrownBy(() -> fake.client("123456789012", "eu-west-1").listTags(r -> r.resourceArn(teamArn)))
                .hasMessageContaining("does not exist");
    }
}
