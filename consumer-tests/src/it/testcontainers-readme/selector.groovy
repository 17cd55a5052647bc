// Run by maven-invoker-plugin before the build: this consumer needs a Docker engine that
// Testcontainers can use as the README's project would. Where it cannot, it is skipped (and says
// why, with the setting that fixes it: the same checks DockerPreflight makes), unless
// SAGEMAKER_FAKE_REQUIRE_DOCKER=true (CI), which runs it anyway so that a missing engine or setting
// fails instead of passing unseen.
def env = System.getenv()
if ('true'.equalsIgnoreCase(env['SAGEMAKER_FAKE_REQUIRE_DOCKER'])) {
    return true
}
String host = env['DOCKER_HOST'] ?: 'unix:///var/run/docker.sock'
boolean engine = !host.startsWith('unix://') || new File(host.substring('unix://'.length())).exists()
if (!engine) {
    println "consumer testcontainers-readme skipped: no Docker engine at ${host}"
    return false
}
if (new File('/.dockerenv').exists() && !env['TESTCONTAINERS_HOST_OVERRIDE']) {
    println 'consumer testcontainers-readme skipped: this build runs inside a container; ' +
            'export TESTCONTAINERS_HOST_OVERRIDE=localhost (docs/container.md, air-gapped checklist)'
    return false
}
if (!'true'.equalsIgnoreCase(env['TESTCONTAINERS_RYUK_DISABLED'])) {
    try {
        new Socket().withCloseable { it.connect(new InetSocketAddress('registry-1.docker.io', 443), 3000) }
    } catch (IOException e) {
        println "consumer testcontainers-readme skipped: Ryuk's image cannot be pulled (no registry: ${e}); " +
                'export TESTCONTAINERS_RYUK_DISABLED=true (docs/container.md, air-gapped checklist)'
        return false
    }
}
return true
