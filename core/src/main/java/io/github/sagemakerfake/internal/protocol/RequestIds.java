package io.github.sagemakerfake.internal.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in the service's form (a random UUID). Drawn from {@link ThreadLocalRandom} rather
 * than {@link UUID#randomUUID()}: an id needs to be unique, not unguessable, and the secure
 * generator serialises every request of a busy server on one lock.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long least = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);   // IETF variant
        return new UUID(most, least).toString();
    }
}
