package io.github.sagemakerfake.internal.backend;

/** ARN and worker-portal host formats of the service (docs/fidelity.md, "Workforces" and "Work teams"). */
final class Arns {

    private Arns() {
    }

    /** aws, aws-cn or aws-us-gov, following the region name. */
    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    static String workforce(String region, String account, String name) {
        return "arn:" + partition(region) + ":sagemaker:" + region + ":" + account + ":workforce/" + name;
    }

    static String privateWorkteam(String region, String account, String name) {
        return "arn:" + partition(region) + ":sagemaker:" + region + ":" + account + ":workteam/private-crowd/" + name;
    }

    static String labelingJob(String region, String account, String name) {
        return "arn:" + partition(region) + ":sagemaker:" + region + ":" + account + ":labeling-job/" + name;
    }

    static String flowDefinition(String region, String account, String name) {
        return "arn:" + partition(region) + ":sagemaker:" + region + ":" + account + ":flow-definition/" + name;
    }

    static String humanTaskUi(String region, String account, String name) {
        return "arn:" + partition(region) + ":sagemaker:" + region + ":" + account + ":human-task-ui/" + name;
    }

    /** A parsed SageMaker ARN: {@code arn:<partition>:sagemaker:<region>:<account>:<resource>}. */
    record Parsed(String region, String account, String resourceType, String resourceName) {
    }

    /** Parses an ARN that already passed the model's pattern; null if it has no resource part. */
    static Parsed parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        String resource = parts[5];
        int slash = resource.indexOf('/');
        String type = slash < 0 ? resource : resource.substring(0, slash);
        String name = slash < 0 ? "" : resource.substring(resource.lastIndexOf('/') + 1);
        return new Parsed(parts[3], parts[4], type, name);
    }
}
