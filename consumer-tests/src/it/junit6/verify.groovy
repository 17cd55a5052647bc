// The checks every consumer shares (sharedDir: consumer-tests/src/it/shared): tests ran, on the versions
// this pom.xml asks for.
evaluate(new File(sharedDir, 'verify-consumer.groovy'))
