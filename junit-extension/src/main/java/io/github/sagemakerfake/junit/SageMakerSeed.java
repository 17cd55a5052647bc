package io.github.sagemakerfake.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Seeds the test's fake with more JSON classpath resources, after the class-level
 * {@link SageMakerWorkforceTest#seed() seeds}. A path without a leading {@code /} is relative to the
 * package of the class declaring the method.
 *
 * <pre>{@code
 * @Test
 * @SageMakerSeed("two-teams.json")
 * void listsSeededTeams(SageMakerClient sageMaker) { ... }
 * }</pre>
 *
 * <p>Needs {@link SageMakerWorkforceTest.Isolation#PER_TEST} (the default): with a fake shared by the
 * class, one test's seed would leak into the others, so that combination is rejected.
 *
 * <p>Format: {@code {"Account"?, "Region"?, "Workforce": <CreateWorkforce request>, "Workteams":
 * [<CreateWorkteam request>], "SubscribedWorkteams": [...], "LabelingJobs": [{"WorkteamName": ...,
 * ...}]}} or {@code {"Regions": [<that>, ...]}}. Each document is applied all or nothing.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SageMakerSeed {

    /** Classpath resources of seed JSON, applied in order. */
    String[] value();
}
