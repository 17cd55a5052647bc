package io.github.sagemakerfake.spring.sample;

import static io.github.sagemakerfake.assertions.SageMakerWorkforceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A snapshot per context: every test starts from exactly the saved state, dates and ids included. */
@SpringBootTest
@EnableSageMakerWorkforceFake(snapshot = "snapshot-two-teams.json", idSeed = 7)
class SnapshotContextTest {

    @Autowired
    WorkteamService service;

    @Autowired
    FakeControl fake;

    @Test
    void deletingATeamOfTheSnapshotLastsOneTest() {
        assertThat(fake).hasOnlyWorkteamsNamed("annotators", "reviewers");
        service.deleteTeam("reviewers");
        assertThat(fake).hasOnlyWorkteamsNamed("annotators");
    }

    @Test
    void theSnapshotIsBackForEveryTestWithItsDatesAndSubDomain() {
        assertThat(fake).hasOnlyWorkteamsNamed("annotators", "reviewers");
        assertThat(fake.state().workteam("reviewers").orElseThrow().createDate())
                .isEqualTo(Instant.parse("2026-03-01T09:05:00Z"));
        assertThat(fake.state().workforce().orElseThrow().subDomain())
                .isEqualTo("tm48p67xsh.labeling.us-east-1.sagemaker.aws");
    }
}
