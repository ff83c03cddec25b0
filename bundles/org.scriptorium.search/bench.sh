#!/usr/bin/env bash
# The search and citation-graph benchmarks in one command (figures: docs/perf/search.md).
#
#   bundles/org.scriptorium.search/bench.sh [search|graph|all] [OPTIONS...]
#
#   search  SearchBenchmark: indexing ratio against a plain IndexWriter, BM25 vs citation-aware latency, size, heap.
#           Options: --papers N --refs R --queries Q --rounds K --candidates C --dir DIR (default 100000 papers).
#   graph   GraphBenchmark: CSR build, PageRank, similarity and path queries. Options: --papers N --refs R
#           (default 1000000 papers, 25 references each).
#   all     both with their defaults (the default).
#
# Environment: JAVA_HOME (a JDK 21+), HEAP (the -Xmx value; default 2g for search, 3g for graph; use 8g for
# --papers 1000000 with search), M2_REPO (default ~/.m2/repository). Builds the two bundles first if their jars
# are missing (offline Maven). Runs with nice: other builds may share the machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
M2=${M2_REPO:-$HOME/.m2/repository}
SEARCH_JAR=$ROOT/bundles/org.scriptorium.search/target/org.scriptorium.search-0.1.0-SNAPSHOT.jar
CORE_JAR=$ROOT/bundles/org.scriptorium.core/target/org.scriptorium.core-0.1.0-SNAPSHOT.jar

if [ ! -f "$SEARCH_JAR" ] || [ ! -f "$CORE_JAR" ]; then
	(cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -o -q package -DskipTests \
		-pl bundles/org.scriptorium.core,bundles/org.scriptorium.search)
fi

# private copies: a concurrent build may rewrite the jars in target/ during a long run
jars=$(mktemp -d "${TMPDIR:-/tmp}/scriptorium-bench-jars.XXXXXX")
trap 'rm -rf "$jars"' EXIT
cp "$SEARCH_JAR" "$CORE_JAR" "$jars/"
cp=$jars/$(basename "$SEARCH_JAR"):$jars/$(basename "$CORE_JAR")
gson=$(ls "$M2"/com/google/code/gson/gson/2.*/gson-2.*.jar | grep -v -e sources -e javadoc | sort -V | tail -1)
cp=$cp:$gson
lucene_version=$(ls "$M2"/org/apache/lucene/lucene-core/ | grep '^10\.' | sort -V | tail -1)
for jar in "$M2"/org/apache/lucene/lucene-*/"$lucene_version"/lucene-*-"$lucene_version".jar; do
	cp=$cp:$jar
done

what=${1:-all}
[ $# -gt 0 ] && shift
run() {
	local main=$1 heap=$2
	shift 2
	echo "\$ java -Xmx$heap org.scriptorium.search.internal.bench.$main $*   (Lucene $lucene_version, $(nproc) cores)"
	nice "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx"$heap" -cp "$cp" \
		"org.scriptorium.search.internal.bench.$main" "$@"
}
case "$what" in
search) run SearchBenchmark "${HEAP:-2g}" "$@" ;;
graph) run GraphBenchmark "${HEAP:-3g}" "$@" ;;
all)
	run SearchBenchmark "${HEAP:-2g}"
	run GraphBenchmark "${HEAP:-3g}"
	;;
-h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' ;;
*)
	echo "bench.sh: unknown benchmark '$what' (search, graph or all)" >&2
	exit 2
	;;
esac
