package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

/**
 * How the labeling plane's resources refer to others: a job's or flow's work team and task UI
 * (docs/labeling.md, "Rules"). Shared by {@link LabelingJobs} and {@link FlowDefinitions}.
 */
final class LabelingReferences {

    /** The AWS account that owns the public (Mechanical Turk) work team and the built-in task UIs. */
    static final String AWS_CROWD_ACCOUNT = "394669845002";


    private LabelingReferences() {
    }

    /**
     * A job's or flow's work team: a private team of this account and region that exists, the
     * public (Mechanical Turk) team, or a vendor team of this region (accepted without lookup).
     */
    static void requireWorkteam(RegionState s, String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        String prefix = "arn:" + Arns.partition(s.region) + ":sagemaker:" + s.region + ":";
        boolean ok;
        if (parsed == null || !arn.startsWith(prefix)) {
            ok = false;
        } else if (arn.equals(prefix + AWS_CROWD_ACCOUNT + ":workteam/public-crowd/default")) {
            ok = true;
        } else if (arn.startsWith(prefix + parsed.account() + ":workteam/vendor-crowd/")) {
            ok = !parsed.account().equals(s.account);
        } else {
            WorkteamRecord team = s.workteams.get(parsed.resourceName());
            ok = team != null && team.arn.equals(arn);
        }
        if (!ok) { // the service's text [data-science-on-aws#37]
            throw ServiceError.validation("The specified Workteam '" + arn
                    + "' does not exist or you do not have access to it.");
        }
    }

    /** A task UI reference: a built-in one of AWS's account, or one of this account and region that exists. */
    static void requireHumanTaskUi(RegionState s, String arn) {
        Arns.Parsed parsed = Arns.parse(arn);
        String prefix = "arn:" + Arns.partition(s.region) + ":sagemaker:" + s.region + ":";
        boolean ok;
        if (parsed == null || !arn.startsWith(prefix) || !"human-task-ui".equals(parsed.resourceType())) {
            ok = false;
        } else if (AWS_CROWD_ACCOUNT.equals(parsed.account())) {
            ok = true;
        } else {
            HumanTaskUiRecord ui = s.labeling.humanTaskUis.get(parsed.resourceName());
            ok = ui != null && ui.arn.equals(arn);
        }
        if (!ok) { // decision: the work team's message, for the task UI
            throw ServiceError.validation("The specified HumanTaskUi '" + arn
                    + "' does not exist or you do not have access to it.");
        }
    }

    static boolean isPublicCrowd(String workteamArn) {
        return workteamArn.contains(":" + AWS_CROWD_ACCOUNT + ":workteam/public-crowd/");
    }

}
