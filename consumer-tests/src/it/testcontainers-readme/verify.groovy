// The README's LabelingPlatformIT ran through Failsafe, passed and was not skipped.
def reports = new File(basedir, 'target/failsafe-reports')
assert reports.isDirectory() : "Failsafe wrote no reports: the *IT class did not run (${reports})"
def suites = reports.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
        .collect { new groovy.xml.XmlSlurper().parse(it) }
int tests = suites.sum(0) { it.@tests.toInteger() }
int failed = suites.sum(0) { it.@failures.toInteger() + it.@errors.toInteger() }
int skipped = suites.sum(0) { it.@skipped.toInteger() }
assert tests == 1 : "expected LabelingPlatformIT's 1 test to run through Failsafe, it ran ${tests}"
assert failed == 0 && skipped == 0 : "${failed} failed and ${skipped} skipped in ${reports}"
println "consumer ${basedir.name}: the README's container test passed through Failsafe"
return true
