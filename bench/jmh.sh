#!/usr/bin/env bash
# The mapping engine's JMH benchmark (src/test/java/vn/gov/prefill/bench/MapperBenchmark.java): the bindings
# of criminal-record-request over the mocks' records, no registry, route or HTTP. From the project root:
#
#   bench/jmh.sh                     # MapperBenchmark -f 1 -wi 3 -i 5
#   bench/jmh.sh -f 1 -wi 5 -i 10 -prof gc      # any JMH options instead of the defaults
#
# Compiles the test classes (JMH's annotation processor generates the harness there), then runs
# org.openjdk.jmh.Main on them with the test class path. BENCH_SKIP_BUILD=1 skips the compilation.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -Dfrontend.skip test-compile
fi
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-f 1 -wi 3 -i 5)
exec java -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" org.openjdk.jmh.Main MapperBenchmark "${options[@]}"
