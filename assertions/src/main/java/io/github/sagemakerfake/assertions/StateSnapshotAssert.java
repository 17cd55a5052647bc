package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import java.util.List;

/**
 * Assertions on the whole state of a fake, every account and region, for tests of code that works
 * across accounts or regions.
 *
 * <pre>{@code
 * StateSnapshot state = fake.snapshot();
 * assertThat(state).inRegion("111122223333", "eu-west-1").hasWorkteam("labelers-eu");
 * assertThat(state).hasResourcesOnlyIn("111122223333", "eu-west-1");
 * }</pre>
 */
public class StateSnapshotAssert extends AbstractFakeAssert<StateSnapshotAssert, StateSnapshot> {

    /** Set by soft assertions; see {@link Navigation}. */

    public StateSnapshotAssert(StateSnapshot actual) {
        super(actual, StateSnapshotAssert.class);
    }

    public static StateSnapshotAssert assertThat(StateSnapshot actual) {
        return new StateSnapshotAssert(actual);
    }

    /**
     * Leads to the assertions on one account and region (empty if nothing was ever created there).
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert inRegion(String account, String region) {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            return actual.region(account, region);
        }, RegionStateAssert.class, RegionSnapshot.class, RegionStateAssert::new);
    }

    /**
     * Leads to the assertions on the fake's default account and region.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public RegionStateAssert inDefaultRegion() {
        return Navigation.step(this, navigation, () -> {
            isNotNull();
            return actual.defaultRegion();
        }, RegionStateAssert.class, RegionSnapshot.class, RegionStateAssert::new);
    }

    /**
     * Verifies nothing exists in any account or region.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public StateSnapshotAssert isEmpty() {
        isNotNull();
        List<String> places = placesWithResources(null, null);
        if (!places.isEmpty()) {
            fail("Expecting the fake to hold nothing, but found resources in:%n%s", String.join("\n", places));
        }
        return myself;
    }

    /**
     * Verifies no account or region other than this one holds anything.
     *
     * @throws AssertionError if the actual value is null or the check fails (soft assertions collect it instead)
     */
    public StateSnapshotAssert hasResourcesOnlyIn(String account, String region) {
        isNotNull();
        List<String> places = placesWithResources(account, region);
        if (!places.isEmpty()) {
            fail("Expecting resources only in account %s, region %s, but found some in:%n%s", account, region,
                    String.join("\n", places));
        }
        return myself;
    }

    private List<String> placesWithResources(String exceptAccount, String exceptRegion) {
        return actual.regions().stream()
                .filter(r -> !r.isEmpty())
                .filter(r -> !(r.account().equals(exceptAccount) && r.region().equals(exceptRegion)))
                .map(r -> "  account " + r.account() + ", region " + r.region() + ": "
                        + r.workforce().map(w -> "workforce " + Texts.quote(w.name()) + ", ").orElse("")
                        + "work teams " + Texts.list(r.workteamNames()))
                .toList();
    }

}
