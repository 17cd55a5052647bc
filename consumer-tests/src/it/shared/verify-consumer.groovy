// Run by maven-invoker-plugin after each consumer build (basedir = that consumer's directory).
// Fails when no test ran (JUnit's engine can fail discovery and leave surefire with 0 tests), when
// one failed or was skipped, or when the tests ran on other versions than the consumer asked for.

def reports = new File(basedir, 'target/surefire-reports')
def suites = reports.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
        .collect { new groovy.xml.XmlSlurper().parse(it) }
int tests = suites.sum(0) { it.@tests.toInteger() }
int failed = suites.sum(0) { it.@failures.toInteger() + it.@errors.toInteger() }
int skipped = suites.sum(0) { it.@skipped.toInteger() }
assert tests >= 3 : "expected the consumer's 3 tests to run, surefire ran ${tests} in ${reports}"
assert failed == 0 && skipped == 0 : "${failed} failed and ${skipped} skipped of ${tests} in ${reports}"

def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
def ran = new Properties()
new File(basedir, 'target/consumer-versions.properties').withInputStream { ran.load(it) }
['junit', 'sdk', 'assertj'].each { name ->
    String expected = pom.properties."expected.${name}".text()
    assert ran.getProperty(name) == expected :
            "ran on ${name} ${ran.getProperty(name)}, but the consumer asks for ${expected}: a dependency of the fake won"
}
assert ran.getProperty('junit.engine') == ran.getProperty('junit') :
        "junit-jupiter-api ${ran.getProperty('junit')} with engine ${ran.getProperty('junit.engine')}"
println "consumer ${basedir.name}: ${tests} tests passed on JUnit ${ran.junit}, SDK ${ran.sdk}, AssertJ ${ran.assertj}"
return true
