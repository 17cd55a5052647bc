package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.Lifecycle;
import io.netty.util.ResourceLeakDetector;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The command line: parsing, and the real thing started as a subprocess without the AWS SDK. */
class ServerMainTest {

    private static final Pattern LISTENING =
            Pattern.compile("SageMaker Workforce Fake listening on (http://127\\.0\\.0\\.1:(\\d+))");

    private final ServerProcesses subprocesses = new ServerProcesses();

    @AfterEach
    void killLeftovers() {
        subprocesses.close();
    }

    // ------------------------------------------------------------------ parsing

    private static ServerConfig parse(Map<String, String> env, String... args) {
        return ServerConfig.parse(args, env);
    }

    @Test
    void defaultsAreTheServicesOnPort9324() {
        ServerConfig c = parse(Map.of());
        assertThat(c.help()).isFalse();
        assertThat(c.options().host()).isEqualTo("127.0.0.1");
        assertThat(c.options().port()).isEqualTo(9324);
        assertThat(c.options().strictAuth()).isNull();
        assertThat(c.settings().defaultAccount()).isEqualTo("123456789012");
        assertThat(c.settings().defaultRegion()).isEqualTo("us-east-1");
        assertThat(c.settings().limits().maxWorkteams()).isEqualTo(25);
        assertThat(c.settings().lifecycle()).isEqualTo(Lifecycle.observed(1));
    }

    @Test
    void everyFlagIsRead() {
        ServerConfig c = parse(Map.of(), "--host", "0.0.0.0", "--port", "0", "--account", "111122223333",
                "--region", "eu-west-2", "--max-workteams", "3", "--max-cidrs", "4", "--max-tags", "5",
                "--lifecycle", "TIMED(PT5S)", "--strict-auth", "AKID:se:cret", "--max-body-bytes", "2048",
                "--request-timeout=1500");
        assertThat(c.options().host()).isEqualTo("0.0.0.0");
        assertThat(c.options().port()).isZero();
        assertThat(c.options().maxBodyBytes()).isEqualTo(2048);
        assertThat(c.options().requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.options().strictAuth()).isEqualTo(new ServerOptions.Credentials("AKID", "se:cret"));
        assertThat(c.settings().defaultAccount()).isEqualTo("111122223333");
        assertThat(c.settings().defaultRegion()).isEqualTo("eu-west-2");
        assertThat(c.settings().limits().maxWorkteams()).isEqualTo(3);
        assertThat(c.settings().limits().maxCidrs()).isEqualTo(4);
        assertThat(c.settings().limits().maxTagsPerResource()).isEqualTo(5);
        assertThat(c.settings().lifecycle()).isEqualTo(Lifecycle.timed(Duration.ofSeconds(5)));
        assertThat(parse(Map.of(), "--lifecycle=OBSERVED:3").settings().lifecycle()).isEqualTo(Lifecycle.observed(3));
        assertThat(parse(Map.of(), "--lifecycle", "immediate").settings().lifecycle()).isEqualTo(Lifecycle.immediate());
    }

    @Test
    void theDeprecatedProvisioningDelayStillSetsATimedOrImmediateLifecycle() {
        assertThat(parse(Map.of(), "--provisioning-delay=250").settings().lifecycle())
                .isEqualTo(Lifecycle.timed(Duration.ofMillis(250)));
        assertThat(parse(Map.of("SAGEMAKER_FAKE_PROVISIONING_DELAY", "0")).settings().lifecycle())
                .isEqualTo(Lifecycle.immediate());
        assertThatThrownBy(() -> parse(Map.of("SAGEMAKER_FAKE_PROVISIONING_DELAY", "PT1M"), "--lifecycle", "IMMEDIATE"))
                .hasMessageContaining("--lifecycle and SAGEMAKER_FAKE_PROVISIONING_DELAY (environment) both set the "
                        + "lifecycle");
    }

    @Test
    void environmentVariablesApplyAndFlagsWin() {
        Map<String, String> env = Map.of("SAGEMAKER_FAKE_PORT", "4566", "SAGEMAKER_FAKE_HOST", "0.0.0.0",
                "SAGEMAKER_FAKE_ACCOUNT", "111122223333", "SAGEMAKER_FAKE_REGION", "ap-south-1",
                "SAGEMAKER_FAKE_MAX_WORKTEAMS", "7", "SAGEMAKER_FAKE_MAX_CIDRS", "2", "SAGEMAKER_FAKE_MAX_TAGS", "9",
                "SAGEMAKER_FAKE_LIFECYCLE", "OBSERVED(2)", "SAGEMAKER_FAKE_STRICT_AUTH", "123456789012:s3cret");
        ServerConfig fromEnv = parse(env);
        assertThat(fromEnv.options().port()).isEqualTo(4566);
        assertThat(fromEnv.options().host()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.options().strictAuth().accessKeyId()).isEqualTo("123456789012");
        assertThat(fromEnv.settings().defaultAccount()).isEqualTo("111122223333");
        assertThat(fromEnv.settings().defaultRegion()).isEqualTo("ap-south-1");
        assertThat(fromEnv.settings().limits()).extracting("maxWorkteams", "maxCidrs", "maxTagsPerResource")
                .containsExactly(7, 2, 9);
        assertThat(fromEnv.settings().lifecycle()).isEqualTo(Lifecycle.observed(2));

        ServerConfig flagsWin = parse(env, "--port", "9999", "--max-workteams", "1");
        assertThat(flagsWin.options().port()).isEqualTo(9999);
        assertThat(flagsWin.settings().limits().maxWorkteams()).isEqualTo(1);
        assertThat(flagsWin.settings().limits().maxCidrs()).isEqualTo(2);
    }

    @Test
    void badSettingsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> parse(Map.of(), "--prot", "1")).hasMessageContaining("unknown option '--prot'")
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "--host", "x")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "http")).hasMessageContaining("--port: expected a whole number");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "70000")).hasMessageContaining("--port: port must be");
        assertThatThrownBy(() -> parse(Map.of(), "--account", "42")).hasMessageContaining("--account: An AWS account id "
                + "is 12 digits");
        assertThatThrownBy(() -> parse(Map.of(), "--region", "Mars")).hasMessageContaining("--region: A region name");
        assertThatThrownBy(() -> parse(Map.of(), "--provisioning-delay", "5 seconds"))
                .hasMessageContaining("--provisioning-delay: '5 seconds' is not a duration: write ISO-8601 such as \"PT5S\"");
        assertThatThrownBy(() -> parse(Map.of(), "--lifecycle", "SLOW"))
                .hasMessageContaining("--lifecycle: A lifecycle is IMMEDIATE, OBSERVED(n)");
        assertThatThrownBy(() -> parse(Map.of("SAGEMAKER_FAKE_LIFECYCLE", "OBSERVED(0)")))
                .hasMessageContaining("SAGEMAKER_FAKE_LIFECYCLE (environment): A lifecycle is");
        assertThatThrownBy(() -> parse(Map.of(), "--max-workteams", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "1", "--port", "2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse(Map.of("SAGEMAKER_FAKE_PORT", "x"))).hasMessageContaining("SAGEMAKER_FAKE_PORT "
                + "(environment)");
        assertThatThrownBy(() -> parse(Map.of(), "--strict-auth", "onlythesecret"))
                .hasMessageContaining("ACCESS_KEY_ID:SECRET_ACCESS_KEY").hasMessageNotContaining("onlythesecret");
    }

    @Test
    void helpListsEveryFlagAndVariable() {
        assertThat(parse(Map.of(), "--port", "1", "--help").help()).isTrue();
        assertThat(ServerMain.usage()).contains("--port", "--host", "--account", "--region", "--max-workteams",
                "--max-cidrs", "--max-tags", "--lifecycle", "--provisioning-delay", "--strict-auth", "SAGEMAKER_FAKE_PORT",
                "SAGEMAKER_FAKE_HOST", "SAGEMAKER_FAKE_ACCOUNT", "SAGEMAKER_FAKE_REGION", "SAGEMAKER_FAKE_MAX_WORKTEAMS",
                "SAGEMAKER_FAKE_MAX_CIDRS", "SAGEMAKER_FAKE_MAX_TAGS", "SAGEMAKER_FAKE_LIFECYCLE", "SAGEMAKER_FAKE_PROVISIONING_DELAY",
                "SAGEMAKER_FAKE_STRICT_AUTH");
    }

    @Test
    void everyOptionIsReadFromItsVariableAndExplainedWithItsDefault() {
        String usage = ServerMain.usage();
        assertThat(usage).contains("--max-body-bytes N", "SAGEMAKER_FAKE_MAX_BODY_BYTES, default 1048576",
                "--port PORT", "SAGEMAKER_FAKE_PORT, default 9324", "--idle-timeout D", "SAGEMAKER_FAKE_IDLE_TIMEOUT, "
                + "default PT1M", "--threads N", "SAGEMAKER_FAKE_THREADS", "--state-file PATH",
                "SAGEMAKER_FAKE_STATE_FILE");
        assertThat(parse(Map.of("SAGEMAKER_FAKE_MAX_TAGS", "7")).settings().limits().maxTagsPerResource()).isEqualTo(7);
        assertThat(parse(Map.of("SAGEMAKER_FAKE_IDLE_TIMEOUT", "1500")).options().idleTimeout())
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theSpecificTimeoutRefinesTheGeneralOneWhateverTheOrder() {
        ServerConfig c = parse(Map.of(), "--header-timeout", "PT1S", "--request-timeout", "PT9S");
        assertThat(c.options().headerTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.options().bodyTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void theServerTurnsNettysLeakSamplingOffUnlessTheCommandLineSetsALevel() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        try {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
            ServerMain.noLeakSamplingUnlessAsked(Map.of(ServerMain.LEAK_DETECTION_LEVEL, "paranoid")::get);
            assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.SIMPLE);
            ServerMain.noLeakSamplingUnlessAsked(Map.of("io.netty.leakDetectionLevel", "advanced")::get);
            assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.SIMPLE);

            ServerMain.noLeakSamplingUnlessAsked(Map.<String, String>of()::get);
            assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
        } finally {
            ResourceLeakDetector.setLevel(before);
        }
    }

    // ------------------------------------------------------------------ as a subprocess, without the SDK

    @Test
    void theClassesAloneServeTheRealSdkAndStopOnSigterm() throws Exception {
        try (Stream<Path> files = Files.walk(ServerProcesses.classes())) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.contains("software/amazon"));
        }
        try (Stream<Path> files = Files.walk(ServerProcesses.coreClasses())) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.contains("software/amazon"));
        }
        Process p = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), "--port", "0",
                "--max-workteams", "1");
        String line = subprocesses.firstLine(p);
        Matcher m = LISTENING.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        URI endpoint = URI.create(m.group(1));

        try (SageMakerClient client = TestClients.urlConnection(endpoint)) {
            client.createWorkteam(r -> r.workteamName("one").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
            assertThatThrownBy(() -> client.createWorkteam(r -> r.workteamName("two").description("d")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))))
                    .hasMessageContaining("You cannot create more than 1 work teams");
        }
        RemoteFakeControl control = RemoteFakeControl.connect(endpoint);
        assertThat(control.state().workteamNames()).containsExactly("one");

        p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of stdout)
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(subprocesses.stdout(p).lines()).isEmpty(); // the listening line was the only one
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Web console: " + endpoint + "/_fake/ui");
    }

    @Test
    void anInjectedResetIsATcpReset() throws Exception {
        Process p = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), "--port", "0");
        Matcher m = LISTENING.matcher(subprocesses.firstLine(p));
        assertThat(m.matches()).isTrue();
        URI endpoint = URI.create(m.group(1));
        RemoteFakeControl.connect(endpoint).addFault(FaultRule.forOperation("ListWorkteams").once().resetConnection());
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: SageMaker.ListWorkteams\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    /**
     * The image's class-data-sharing archive holds what {@code --warm-up} loads (docs/container.md):
     * a class a real start needs before it is ready and the warm-up never loads would be read and
     * verified from the jar on every container start, and a lambda it never makes, spun again.
     */
    @Test
    void theWarmUpStartsAsTheServerDoesAndLoadsEveryClassOfARealStart(@TempDir Path dir) throws Exception {
        Path warm = dir.resolve("warm-up.classes");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            // the image's settings name a port; the warm-up runs on a free one whatever they say
            Process w = subprocesses.java(List.of("-XX:DumpLoadedClassList=" + warm), ServerMain.class.getName(),
                    ServerProcesses.classPath(), "--warm-up", "--host", "0.0.0.0", "--port",
                    Integer.toString(taken.getLocalPort()), "--state-file", dir.resolve("state.json").toString());
            assertThat(w.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(w.exitValue()).as(new String(w.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
            assertThat(new String(w.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        }
        assertThat(dir.resolve("state.json")).as("the warm-up writes no state").doesNotExist();
        List<String> warmClasses = new java.util.ArrayList<>();
        java.util.Set<String> warmLambdaHosts = new java.util.HashSet<>();
        Pattern lambdaProxy = Pattern.compile("^@lambda-proxy (\\S+) ");
        for (String line : Files.readAllLines(warm)) {
            Matcher lambda = lambdaProxy.matcher(line);
            if (lambda.find()) {
                warmLambdaHosts.add(lambda.group(1).replace('/', '.'));
            } else if (!line.startsWith("@")) {
                warmClasses.add(line.replaceFirst(" id: .*$", "").replace('/', '.'));
            }
        }

        // what a real start loads until it is ready (the log is written line by line as classes load)
        Path log = dir.resolve("real-start.log");
        Process p = subprocesses.java(List.of("-Xlog:class+load=info:file=" + log), ServerMain.class.getName(),
                ServerProcesses.classPath(), "--host", "0.0.0.0", "--port", "0");
        assertThat(subprocesses.firstLine(p)).startsWith(ServerMain.LISTENING);
        List<String> realClasses = new java.util.ArrayList<>();
        java.util.Set<String> realLambdaHosts = new java.util.HashSet<>();
        Pattern loaded = Pattern.compile("\\] (io\\.(?:github\\.sagemakerfake|netty)\\.\\S+) source: ");
        for (String line : Files.readAllLines(log)) {
            Matcher m = loaded.matcher(line);
            if (m.find()) {
                String name = m.group(1);
                int lambda = name.indexOf("$$Lambda$");
                if (lambda >= 0) {
                    realLambdaHosts.add(name.substring(0, lambda));
                } else {
                    realClasses.add(name);
                }
            }
        }

        assertThat(realClasses).contains(ServerMain.class.getName(), SageMakerWorkforceServer.class.getName());
        assertThat(realLambdaHosts).contains(ServerConfig.class.getName());
        assertThat(warmClasses).containsAll(realClasses);
        assertThat(warmLambdaHosts).containsAll(realLambdaHosts);
    }

    @Test
    void badFlagsExitWithStatus2AndAMessage() throws Exception {
        Process p = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), "--port", "nine");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--port: expected a whole number, got 'nine'").contains("--help");
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aTakenPortExitsWithStatus1AndAMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process p = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(),
                    "--port", Integer.toString(taken.getLocalPort()));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aServerLeftOpenDoesNotKeepTheJvmAlive() throws Exception {
        Path testClasses = Path.of(System.getProperty("basedir", ".")).resolve("target/test-classes");
        Process p = subprocesses.java(List.of(), ServerLeftOpenMain.class.getName(),
                ServerProcesses.classPath() + java.io.File.pathSeparator + testClasses);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the JVM exits by itself").isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("served 200");
    }

    private URI startWithStateFile(Path file) throws Exception {
        Process p = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), "--port", "0", "--state-file",
                file.toString());
        Matcher m = LISTENING.matcher(subprocesses.firstLine(p));
        assertThat(m.matches()).isTrue();
        return URI.create(m.group(1));
    }

    private void stop(URI endpoint) throws Exception {
        for (Process p : subprocesses.started()) {
            if (p.isAlive()) {
                p.toHandle().destroy(); // SIGTERM: the shutdown hook saves a last time
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void aStateFileSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        URI first = startWithStateFile(file);
        try (SageMakerClient client = TestClients.urlConnection(first)) {
            client.createWorkteam(r -> r.workteamName("kept").description("survives a restart")
                    .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123"))
                    .tags(t -> t.key("env").value("dev")));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(file) && Files.readString(file).contains("\"kept\""))) { // saved without a shutdown
            assertThat(System.nanoTime()).as("the state file is saved after a change").isLessThan(deadline);
            Thread.sleep(50); // polling a condition, with a deadline
        }
        stop(first);
        assertThat(file).exists();
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();

        URI second = startWithStateFile(file);
        RemoteFakeControl control = RemoteFakeControl.connect(second);
        assertThat(control.state().workteamNames()).containsExactly("kept");
        assertThat(control.state().workteam("kept").orElseThrow().description()).isEqualTo("survives a restart");
        assertThat(control.state().workteam("kept").orElseThrow().tags()).containsEntry("env", "dev");
        stop(second);
    }

    @Test
    void aCorruptStateFileStopsTheStartWithAClearMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"StateFileVersion\":1,\"Regions\":[{\"Workteams\":[{\"Workteam"); // cut short
        Process p = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), "--port", "0", "--state-file",
                file.toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("The state file " + file.toAbsolutePath() + " is not valid JSON")
                .contains("delete it to start empty");
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(file)).as("the file is left as it was").endsWith("\"Workteam");

        Files.writeString(file, "{\"Workteams\":[]}");
        Process notOurs = subprocesses.java(List.of(), ServerMain.class.getName(), ServerProcesses.classPath(), "--port", "0", "--state-file",
                file.toString());
        assertThat(notOurs.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(notOurs.exitValue()).isEqualTo(1);
        assertThat(new String(notOurs.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("is not a SageMaker Workforce Fake state file");
    }
}
