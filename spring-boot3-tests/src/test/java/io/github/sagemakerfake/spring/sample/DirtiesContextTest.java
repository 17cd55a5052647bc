package io.github.sagemakerfake.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.spring.EnableSageMakerWorkforceFake;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** A dirtied context takes its fake and its HTTP server with it; the next context has new ones. */
@SpringBootTest
@EnableSageMakerWorkforceFake(serveHttp = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirtiesContextTest {

    static SageMakerWorkforceFake firstFake;
    static URI firstEndpoint;

    @Autowired
    SageMakerWorkforceFake fake;

    @Value("${sagemaker.fake.endpoint}")
    URI endpoint;

    @Test
    @Order(1)
    void firstContext() throws IOException {
        firstFake = fake;
        firstEndpoint = endpoint;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
        }
    }

    @Test
    @Order(2)
    void secondContextHasANewFakeAndTheFirstServerIsClosed() {
        assertThat(firstFake).as("the first test ran first").isNotNull();
        assertThat((Object) fake).isNotSameAs(firstFake);
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(firstEndpoint.getHost(), firstEndpoint.getPort()), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
