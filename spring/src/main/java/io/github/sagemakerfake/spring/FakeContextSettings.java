package io.github.sagemakerfake.spring;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The settings of one context's fake, read from the nearest {@link EnableSageMakerWorkforceFake} and
 * checked. Being a record, it is what makes two test classes share a cached context or not: it is
 * the {@code ContextCustomizer}'s equality.
 *
 * @param seeds the seed documents, by absolute classpath resource and with their content
 * @param iamPolicy the identity policy the fake enforces (docs/iam.md), or null
 */
record FakeContextSettings(boolean replaceClients, List<String> endpointProperties, boolean serveHttp,
                           String region, String account, FakeLimits limits, Lifecycle lifecycle,
                           List<Seed> seeds, Seed iamPolicy) {

    /** A seed document: its resource name (absolute) and its JSON. */
    record Seed(String resource, String json) {
        @Override
        public String toString() {
            return resource;
        }
    }

    FakeContextSettings {
        endpointProperties = List.copyOf(endpointProperties);
        seeds = List.copyOf(seeds);
    }

    /** Reads and checks the annotation; every error names the attribute and the class it is on. */
    static FakeContextSettings from(EnableSageMakerWorkforceFake annotation, Class<?> declaringClass) {
        String where = " on " + declaringClass.getName();
        String region = check(() -> FakeSettings.requireRegion(annotation.region()), "region", annotation.region(), where);
        String account = check(() -> FakeSettings.requireAccount(annotation.account()), "account", annotation.account(),
                where);
        FakeLimits limits = check(() -> new FakeLimits(annotation.maxWorkteams(), annotation.maxCidrs(),
                annotation.maxTagsPerResource()), "maxWorkteams/maxCidrs/maxTagsPerResource",
                annotation.maxWorkteams() + "/" + annotation.maxCidrs() + "/" + annotation.maxTagsPerResource(), where);
        Lifecycle lifecycle = check(() -> annotation.lifecycle().isBlank() ? Lifecycle.defaultLifecycle()
                : Lifecycle.parse(annotation.lifecycle()), "lifecycle", annotation.lifecycle(), where);
        List<String> properties = new ArrayList<>();
        for (String property : annotation.endpointProperties()) {
            if (property.isBlank()) {
                throw new IllegalStateException("@EnableSageMakerWorkforceFake(endpointProperties = \"\")" + where
                        + ": a property name is empty; write names such as \"labeling.sagemaker.endpoint\".");
            }
            properties.add(property.trim());
        }
        List<Seed> seeds = new ArrayList<>();
        for (String path : annotation.seed()) {
            seeds.add(readSeed(path, declaringClass, where));
        }
        Seed iamPolicy = null;
        if (!annotation.iamPolicy().isBlank()) {
            Seed read = readResource("iamPolicy", annotation.iamPolicy(), declaringClass, where);
            iamPolicy = check(() -> {
                io.github.sagemakerfake.internal.iam.Policy.parse(read.json(), read.resource());
                return read;
            }, "iamPolicy", annotation.iamPolicy(), where);
        }
        return new FakeContextSettings(annotation.replaceClients(), properties,
                annotation.serveHttp() || !properties.isEmpty(), region, account, limits, lifecycle, seeds, iamPolicy);
    }

    FakeSettings fakeSettings() {
        return FakeSettings.defaults()
                .withDefaultRegion(region)
                .withDefaultAccount(account)
                .withLimits(limits)
                .withLifecycle(lifecycle);
    }

    private static <T> T check(Supplier<T> read, String attribute, String value, String where) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@EnableSageMakerWorkforceFake(" + attribute + " = \"" + value + "\")" + where
                    + ": " + e.getMessage(), e);
        }
    }

    private static Seed readSeed(String path, Class<?> declaringClass, String where) {
        return readResource("seed", path, declaringClass, where);
    }

    private static Seed readResource(String attribute, String path, Class<?> declaringClass, String where) {
        String resource = path.startsWith("/") ? path
                : "/" + declaringClass.getPackageName().replace('.', '/') + "/" + path;
        try (InputStream in = declaringClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("@EnableSageMakerWorkforceFake(" + attribute + " = \"" + path + "\")"
                        + where + ": no classpath resource '" + resource + "'. Put the " + attribute
                        + " JSON under src/test/resources; a "
                        + "path without a leading '/' is relative to the package of the annotated class.");
            }
            return new Seed(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + attribute + " resource '" + resource + "'" + where, e);
        }
    }
}
