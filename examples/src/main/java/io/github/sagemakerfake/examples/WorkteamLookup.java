package io.github.sagemakerfake.examples;

import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Workteam;

/**
 * Finds a work team by name.
 *
 * <p>Written against what SageMaker really answers for a missing team: a {@code ValidationException}
 * whose message contains "The work team", not a {@code ResourceNotFoundException}. The tests in
 * {@code counterexample/MockVersusFakeTest} show a version that catches
 * {@code ResourceNotFoundException} instead, passing its Mockito test and failing in production.
 */
public final class WorkteamLookup {

    private final SageMakerClient sageMaker;

    public WorkteamLookup(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    public Optional<Workteam> find(String name) {
        try {
            return Optional.of(sageMaker.describeWorkteam(DescribeWorkteamRequest.builder().workteamName(name).build())
                    .workteam());
        } catch (SageMakerException e) {
            if (SageMakerErrors.isMissingWorkteam(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public boolean exists(String name) {
        return find(name).isPresent();
    }
}
