package io.github.sagemakerfake.spring;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts a fresh fake into a test context before it refreshes: the fake as a bean, its coordinates
 * (and URL) as the highest-precedence property source, its closing tied to the context's. Equal
 * settings make equal customizers, hence one cached context.
 */
final class SageMakerFakeContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "sageMakerWorkforceFake";

    private final FakeContextSettings settings;

    SageMakerFakeContextCustomizer(FakeContextSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ContextFake contextFake = new ContextFake(settings);
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(ContextFake.BEAN_NAME, contextFake);
        beanFactory.registerSingleton(ContextFake.FAKE_BEAN_NAME, contextFake.fake());
        if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
            // Registered before any application bean, so destroyed after all of them: a bean that
            // still calls SageMaker while it shuts down reaches the fake.
            registry.registerDisposableBean(ContextFake.BEAN_NAME, contextFake::close);
        } else {
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
                if (event.getApplicationContext() == context) {
                    contextFake.close();
                }
            });
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, contextFake.properties()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SageMakerFakeContextCustomizer that && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "SageMakerFakeContextCustomizer[" + settings + "]";
    }
}
