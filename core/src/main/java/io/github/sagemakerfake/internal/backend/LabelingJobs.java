package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import static io.github.sagemakerfake.internal.backend.Listings.listResponse;
import static io.github.sagemakerfake.internal.backend.Listings.sortAndPage;
import static io.github.sagemakerfake.internal.backend.Listings.time;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labeling plane: today ListLabelingJobsForWorkteam over the labeling jobs a seed gives a work
 * team (docs/seeding.md). This is the family the labeling jobs' own operations join; flow
 * definitions and human task UIs get families of their own beside it ({@code FlowDefinitions},
 * {@code HumanTaskUis}), registered in {@link OperationDispatch}. docs/fidelity.md ("Labeling jobs
 * and vendor teams") lists the rules.
 */
final class LabelingJobs implements ResourceFamily {

    private static final Pages.Order<Map<String, Object>> BY_CREATION_TIME = Pages.byTimeThenText(
            j -> WireTime.instant(j.get("CreationTime")).toEpochMilli(), j -> (String) j.get("JobReferenceCode"),
            (millis, code) -> Map.of("CreationTime", WireTime.epochSeconds(Instant.ofEpochMilli(millis)),
                    "JobReferenceCode", code));

    @Override
    public void register(OperationDispatch.Registrar registrar) {
        registrar.on(Operation.LIST_LABELING_JOBS_FOR_WORKTEAM, (s, r, now, failure) -> listForWorkteam(s, r));
    }

    private Map<String, Object> listForWorkteam(RegionState s, Map<String, Object> r) {
        String arn = str(r, "WorkteamArn");
        Arns.Parsed parsed = Arns.parse(arn);
        WorkteamRecord team = parsed == null ? null : s.workteams.get(parsed.resourceName());
        if (team == null || !team.arn.equals(arn)) { // the only operation here that models ResourceNotFound
            throw ServiceError.notFound("Work team " + arn + " not found in account " + s.account + " and region "
                    + s.region + ".");
        }
        Instant after = time(r.get("CreationTimeAfter"));
        Instant before = time(r.get("CreationTimeBefore"));
        String codeContains = str(r, "JobReferenceCodeContains");
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> job : s.labelingJobs.getOrDefault(arn, List.of())) {
            Instant created = WireTime.instant(job.get("CreationTime"));
            if ((after == null || created.isAfter(after)) && (before == null || created.isBefore(before))
                    && (codeContains == null || ((String) job.get("JobReferenceCode")).contains(codeContains))) {
                matching.add(job);
            }
        }
        Pages.Page<Map<String, Object>> page = sortAndPage(matching, BY_CREATION_TIME, r,
                Pages.query("ListLabelingJobsForWorkteam", r, "WorkteamArn", "CreationTimeAfter",
                        "CreationTimeBefore", "JobReferenceCodeContains", "SortBy", "SortOrder"));
        return listResponse("LabelingJobSummaryList", new ArrayList<>(Json.copy(page.items())), page.nextToken());
    }
}
