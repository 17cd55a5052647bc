// Run by maven-invoker-plugin before the build: this consumer needs a Docker engine. Where there is
// none it is skipped (and says so), unless SAGEMAKER_FAKE_REQUIRE_DOCKER=true (CI), which runs it
// anyway so that a missing engine fails instead of passing unseen.
def env = System.getenv()
if ('true'.equalsIgnoreCase(env['SAGEMAKER_FAKE_REQUIRE_DOCKER'])) {
    return true
}
String host = env['DOCKER_HOST'] ?: 'unix:///var/run/docker.sock'
boolean engine = !host.startsWith('unix://') || new File(host.substring('unix://'.length())).exists()
if (!engine) {
    println "consumer testcontainers-readme skipped: no Docker engine at ${host}"
}
return engine
