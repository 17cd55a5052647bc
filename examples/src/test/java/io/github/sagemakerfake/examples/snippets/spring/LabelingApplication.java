package io.github.sagemakerfake.examples.snippets.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of docs/spring.md: a SageMakerClient bean, a service on it, an auditor with its own client. */
@SpringBootApplication
public class LabelingApplication {

    public static void main(String[] args) {
        SpringApplication.run(LabelingApplication.class, args);
    }
}
