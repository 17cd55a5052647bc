package io.github.sagemakerfake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.WorkteamSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedTest {

    private final SageMakerWorkforceFake fake = SageMakerWorkforceFake.builder()
            .provisioningDelay(Duration.ofMinutes(5)).build();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void aSeedCreatesAnActiveWorkforceTeamsAndTags() {
        fake.seed("""
                {"Workforce": {"WorkforceName": "crowd",
                               "CognitoConfig": {"UserPool": "us-east-1_Pool1", "ClientId": "client"}},
                 "Workteams": [
                   {"WorkteamName": "alpha", "Description": "Alpha team",
                    "MemberDefinitions": [{"CognitoMemberDefinition":
                        {"UserPool": "us-east-1_Pool1", "ClientId": "client", "UserGroup": "alpha-group"}}],
                    "Tags": [{"Key": "env", "Value": "test"}]}]}
                """);

        assertThat(fake.state().workforce().orElseThrow().status()).isEqualTo("Active");
        WorkteamSnapshot alpha = fake.state().workteam("alpha").orElseThrow();
        assertThat(alpha.cognitoUserGroups()).containsExactly("alpha-group");
        assertThat(alpha.tags()).containsEntry("env", "test");
        assertThat(fake.client().describeWorkteam(r -> r.workteamName("alpha")).workteam().description())
                .isEqualTo("Alpha team");
    }

    @Test
    void seedsCanTargetOtherAccountsAndRegions() {
        fake.seed("""
                {"Regions": [
                  {"Account": "111122223333", "Region": "eu-west-1",
                   "Workforce": {"WorkforceName": "eu", "CognitoConfig": {"UserPool": "eu-west-1_P", "ClientId": "c"}}}]}
                """);
        assertThat(fake.state("111122223333", "eu-west-1").workforce()).isPresent();
        assertThat(fake.state().workforce()).isEmpty();
    }

    @Test
    void aSeedThatBreaksARuleChangesNothingAndNamesTheEntry() {
        assertThatThrownBy(() -> fake.seed("""
                {"Workteams": [
                   {"WorkteamName": "ok", "Description": "d", "MemberDefinitions": [{"CognitoMemberDefinition":
                        {"UserPool": "us-east-1_P", "ClientId": "c", "UserGroup": "g"}}]},
                   {"WorkteamName": "bad_name", "Description": "d", "MemberDefinitions": [{"CognitoMemberDefinition":
                        {"UserPool": "us-east-1_P", "ClientId": "c", "UserGroup": "g"}}]}]}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Workteams[1]")
                .hasMessageContaining("ValidationException")
                .hasMessageContaining("bad_name");
        assertThat(fake.snapshot().regions()).isEmpty();
    }

    @Test
    void malformedSeedsAreExplained() {
        assertThatThrownBy(() -> fake.seed("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> fake.seed("{\"LabelingJobs\": [{\"JobReferenceCode\": \"x\"}]}"))
                .hasMessageContaining("needs \"WorkteamName\"");
        assertThatThrownBy(() -> fake.seed("{\"Account\": \"42\"}")).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> fake.seed("{\"Workteams\": {\"WorkteamName\": \"t\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Workteams must be a JSON array");
        assertThatThrownBy(() -> fake.seed("{\"Region\": 7}")).hasMessageContaining("Region must be a JSON string");
    }
}
