package io.github.sagemakerfake.internal.backend;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a fake's generated identifiers come from: the random part of a SubDomain, a VpcEndpointId,
 * a labeling job's JobReferenceCode, a task UI Url's signature and the request ids. Without a seed they are random, as the service's are. With an id seed
 * (docs/seeding.md, "Repeatable ids") the n-th identifier of each kind is a fixed function of the
 * seed and n, so the same calls give the same ids on every run, and a snapshot that records how
 * many were drawn ({@link #drawn()}) continues the same sequence after a restore.
 *
 * <p>Random draws come from {@link ThreadLocalRandom}: an identifier must be unique, not unguessable
 * (the fake's signatures sign nothing). A {@code SecureRandom} set up the security providers on a
 * server's first workforce and made every test JVM compile its SHA code (docs/benchmarks.md,
 * "A consumer suite: what the JIT compiles").
 */
public final class IdSource {

    private static final char[] SUBDOMAIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long REQUEST_STREAM = 0x5DEECE66DL;
    private static final long SIGNATURE_STREAM = 0x2545F4914F6CDD1DL;
    private static final char[] CODE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Long seed;
    /** Resource identifiers drawn so far (kept in snapshots, so a restore continues the sequence). */
    private final AtomicLong resources = new AtomicLong();
    /** Request ids drawn so far (not kept: a restarted server starts the sequence again). */
    private final AtomicLong requests = new AtomicLong();
    /** Task UI Url signatures drawn so far (a read draws one; not kept, like request ids). */
    private final AtomicLong signatures = new AtomicLong();

    private IdSource(Long seed) {
        this.seed = seed;
    }

    /** Random identifiers, as the service's. */
    public static IdSource random() {
        return new IdSource(null);
    }

    /** The identifiers of {@code seed}: the same sequence on every run. */
    public static IdSource seeded(long seed) {
        return new IdSource(seed);
    }

    /** The id seed, or null when identifiers are random. */
    public Long seed() {
        return seed;
    }

    /** How many resource identifiers a seeded source has drawn; 0 for a random one. */
    public long drawn() {
        return resources.get();
    }

    /** Continues a seeded sequence after {@code count} draws (a restored snapshot's); ignored when random. */
    public void continueAfter(long count) {
        if (seed != null) {
            resources.set(Math.max(0, count));
        }
    }

    /** The 10 random characters of a SubDomain ({@code abcdefghij.labeling.REGION.sagemaker.aws}). */
    String subDomainId() {
        StringBuilder id = new StringBuilder(10);
        if (seed == null) {
            for (int i = 0; i < 10; i++) {
                id.append(SUBDOMAIN_ALPHABET[ThreadLocalRandom.current().nextInt(SUBDOMAIN_ALPHABET.length)]);
            }
            return id.toString();
        }
        long bits = nextResourceBits();
        for (int i = 0; i < 10; i++) {
            id.append(SUBDOMAIN_ALPHABET[(int) Long.remainderUnsigned(bits, SUBDOMAIN_ALPHABET.length)]);
            bits = Long.divideUnsigned(bits, SUBDOMAIN_ALPHABET.length);
        }
        return id.toString();
    }

    /** A VPC endpoint id: {@code vpce-} and 17 hexadecimal digits. */
    String vpcEndpointId() {
        byte[] bytes = new byte[9];
        if (seed == null) {
            ThreadLocalRandom.current().nextBytes(bytes);
        } else {
            long high = nextResourceBits();
            long low = nextResourceBits();
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (high >>> (8 * i));
            }
            bytes[8] = (byte) low;
        }
        return "vpce-" + HexFormat.of().formatHex(bytes).substring(0, 17);
    }

    /**
     * The random part of a labeling job's JobReferenceCode: 16 letters and digits. A seeded source
     * draws two resource identifiers for it (8 characters each).
     */
    String jobReferenceCode() {
        StringBuilder code = new StringBuilder(16);
        if (seed == null) {
            for (int i = 0; i < 16; i++) {
                code.append(CODE_ALPHABET[ThreadLocalRandom.current().nextInt(CODE_ALPHABET.length)]);
            }
            return code.toString();
        }
        for (int half = 0; half < 2; half++) {
            long bits = nextResourceBits();
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET[(int) Long.remainderUnsigned(bits, CODE_ALPHABET.length)]);
                bits = Long.divideUnsigned(bits, CODE_ALPHABET.length);
            }
        }
        return code.toString();
    }

    /** The 64 hexadecimal digits of a task UI Url's {@code X-Amz-Signature}, drawn on each DescribeHumanTaskUi. */
    String urlSignature() {
        byte[] bytes = new byte[32];
        if (seed == null) {
            ThreadLocalRandom.current().nextBytes(bytes);
        } else {
            long n = signatures.getAndIncrement();
            for (int word = 0; word < 4; word++) {
                long bits = mix(seed ^ SIGNATURE_STREAM, 4 * n + word);
                for (int i = 0; i < 8; i++) {
                    bytes[8 * word + i] = (byte) (bits >>> (8 * i));
                }
            }
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** A request id in the service's form (a version-4 UUID). */
    public String requestId() {
        long most;
        long least;
        if (seed == null) {
            // ThreadLocalRandom, not UUID.randomUUID(): an id must be unique, not unguessable, and the secure
            // generator serialises every request of a busy server on one lock.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            most = random.nextLong();
            least = random.nextLong();
        } else {
            long n = requests.getAndIncrement();
            most = mix(seed ^ REQUEST_STREAM, 2 * n);
            least = mix(seed ^ REQUEST_STREAM, 2 * n + 1);
        }
        most = (most & ~0xF000L) | 0x4000L;              // version 4
        least = (least & ~(0x3L << 62)) | (0x2L << 62);  // IETF variant
        return new UUID(most, least).toString();
    }

    private long nextResourceBits() {
        return mix(seed, resources.getAndIncrement());
    }

    /** SplitMix64's finaliser over the n-th step of the seed's sequence: counter-based, so no state but n. */
    private static long mix(long seed, long n) {
        long z = seed + (n + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
