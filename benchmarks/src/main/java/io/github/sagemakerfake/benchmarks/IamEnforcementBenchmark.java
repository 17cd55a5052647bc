package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;

/**
 * What IAM enforcement costs an in-process {@code DescribeWorkteam} (docs/iam.md, docs/benchmarks.md):
 * {@code off}, the default (the protocol reads one volatile field and finds no policy), against
 * {@code allowAll} (a one-statement policy, evaluated on every call) and {@code realistic} (the
 * eight-statement policy of a labeling service, conditions included), side by side in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class IamEnforcementBenchmark {

    static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}}";

    static final String REALISTIC = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["sagemaker:CreateWorkteam", "sagemaker:UpdateWorkteam"],
               "Resource": "arn:aws:sagemaker:*:*:workteam/private-crowd/*",
               "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "cost-center"]}}},
              {"Effect": "Allow", "Action": "sagemaker:AddTags", "Resource": "*",
               "Condition": {"StringEquals": {"sagemaker:TaggingAction": "CreateWorkteam"}}},
              {"Effect": "Allow", "Action": ["sagemaker:Describe*", "sagemaker:List*"], "Resource": "*"},
              {"Effect": "Allow", "Action": "cognito-idp:*", "Resource": "*"},
              {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/labeling-*",
               "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}},
              {"Effect": "Allow", "Action": "sagemaker:*LabelingJob*", "Resource": "*",
               "Condition": {"ArnLike": {"sagemaker:WorkteamArn": "arn:aws:sagemaker:*:*:workteam/private-crowd/*"}}},
              {"Effect": "Deny", "Action": "sagemaker:Delete*", "Resource": "*"},
              {"Effect": "Deny", "NotAction": "sagemaker:*", "NotResource": "*"}]}""";

    @Param({"off", "allowAll", "realistic"})
    public String iam;

    private SageMakerWorkforceFake fake;
    private SageMakerClient sageMaker;

    @Setup(Level.Trial)
    public void setUp() {
        fake = SageMakerWorkforceFake.create();
        sageMaker = fake.client();
        sageMaker.createWorkteam(Fixtures.CREATE_TEAM); // before the policy: only the Describe is measured
        switch (iam) {
            case "off" -> { }
            case "allowAll" -> fake.setIamPolicy(ALLOW_ALL);
            case "realistic" -> fake.setIamPolicy(REALISTIC);
            default -> throw new IllegalArgumentException("unknown iam " + iam);
        }
        if (!Fixtures.TEAM.equals(sageMaker.describeWorkteam(Fixtures.DESCRIBE).workteam().workteamName())) {
            throw new IllegalStateException(iam + " did not describe the team");
        }
        fake.clearJournal();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fake.close();
    }

    @Benchmark
    public DescribeWorkteamResponse describeWorkteam() {
        return sageMaker.describeWorkteam(Fixtures.DESCRIBE);
    }
}
