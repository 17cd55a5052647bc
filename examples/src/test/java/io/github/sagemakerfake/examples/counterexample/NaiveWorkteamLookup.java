package io.github.sagemakerfake.examples.counterexample;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;

/**
 * COUNTER-EXAMPLE, DO NOT COPY. Buggy on purpose, for {@link MockVersusFakeTest}.
 *
 * <p>It expects SageMaker to answer a missing work team with {@code ResourceNotFoundException}, as
 * the SDK's exception classes suggest. SageMaker never does: DescribeWorkteam of a missing team is a
 * {@code ValidationException} ("The work team ... does not exist"), so in production
 * {@code exists} throws instead of answering false. The correct version is
 * {@link io.github.sagemakerfake.examples.WorkteamLookup}.
 */
final class NaiveWorkteamLookup {

    private final SageMakerClient sageMaker;

    NaiveWorkteamLookup(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    boolean exists(String name) {
        try {
            sageMaker.describeWorkteam(DescribeWorkteamRequest.builder().workteamName(name).build());
            return true;
        } catch (ResourceNotFoundException e) {   // the bug: never thrown for a missing team
            return false;
        }
    }
}
