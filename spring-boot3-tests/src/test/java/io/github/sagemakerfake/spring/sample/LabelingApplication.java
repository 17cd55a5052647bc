package io.github.sagemakerfake.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application the Spring tests run: a labeling back office that manages SageMaker work
 * teams through a {@code SageMakerClient} bean ({@link SageMakerConfiguration}, {@link WorkteamService})
 * and audits them with a client of its own built from an endpoint property ({@link WorkteamAuditor}).
 * It knows nothing of the fake.
 */
@SpringBootApplication
public class LabelingApplication {

    public static void main(String[] args) {
        SpringApplication.run(LabelingApplication.class, args);
    }
}
