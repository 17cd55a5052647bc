package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.nameContains;
import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vendor (Marketplace) work teams an account subscribes to: ListSubscribedWorkteams and
 * DescribeSubscribedWorkteam. The fake holds the ones a seed gives it (docs/seeding.md);
 * docs/fidelity.md ("Labeling jobs and vendor teams") lists the rules.
 */
final class SubscribedWorkteams implements ResourceFamily {

    private static final Pages.Order<Map<String, Object>> BY_ARN =
            Pages.byText(t -> (String) t.get("WorkteamArn"), arn -> Map.of("WorkteamArn", arn));

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.LIST_SUBSCRIBED_WORKTEAMS, (s, r, now, failure) -> listSubscribed(s, r));
        registrar.on(Operation.DESCRIBE_SUBSCRIBED_WORKTEAM, (s, r, now, failure) -> describeSubscribed(s, r));
    }

    private Map<String, Object> listSubscribed(RegionState s, Map<String, Object> r) {
        String contains = str(r, "NameContains");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> team : s.subscribedWorkteams) {
            Arns.Parsed parsed = Arns.parse((String) team.get("WorkteamArn"));
            if (nameContains(parsed == null ? "" : parsed.resourceName(), contains)) {
                matching.add(team);
            }
        }
        Pages.Page<Map<String, Object>> page = Pages.page(matching, BY_ARN, false,
                Pages.query("ListSubscribedWorkteams", r, "NameContains"), str(r, "NextToken"), r.get("MaxResults"),
                Pages.DEFAULT_MAX_RESULTS);
        return listResponse("SubscribedWorkteams", new ArrayList<>(Json.copy(page.items())), page.nextToken());
    }

    private Map<String, Object> describeSubscribed(RegionState s, Map<String, Object> r) {
        String arn = str(r, "WorkteamArn");
        for (Map<String, Object> team : s.subscribedWorkteams) {
            if (arn.equals(team.get("WorkteamArn"))) {
                return single("SubscribedWorkteam", Json.copy(team));
            }
        }
        throw ServiceError.validation("The work team " + arn + " is not a vendor work team this account subscribes "
                + "to in region " + s.region + ".");
    }
}
