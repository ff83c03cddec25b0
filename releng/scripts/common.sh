# Functions shared by ./scriptorium and the release-engineering scripts. Source it; needs $ROOT.

PRODUCTS="$ROOT/releng/org.scriptorium.product/target/products"
IDE_HOME="$PRODUCTS/org.scriptorium.ide/linux/gtk/x86_64/scriptorium"
BASE_HOME="$PRODUCTS/org.scriptorium.base/linux/gtk/x86_64/eclipse-base"
SITE="$ROOT/releng/org.scriptorium.repository/target/repository"
XVFB_SCREEN="-screen 0 1600x1000x24"
INSTALL_TESTS=3 # the tests releng/scripts/install-test.sh runs
# JVM options of every JVM that runs Lucene (the IDE, the command line, the install test's Eclipse): its vectorized
# code (KNN, postings decoding) needs the incubating Vector API module, without which it runs scalar code and warns
# "Java vector incubator module is not readable". The test runtimes get the same from the root pom.xml.
LUCENE_JVM_ARGS=(--add-modules jdk.incubator.vector)
# What the JVM prints on standard error at every start with that module; the command line leaves it out.
INCUBATOR_NOTICE='WARNING: Using incubator modules: jdk.incubator.vector'

die() {
	echo "scriptorium: $*" >&2
	exit 1
}

# The major version of the java at $1/bin/java, or nothing.
java_major() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 |
		sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Sets JAVA_HOME to a JDK 21+: $JAVA_HOME if good, else the newest under /usr/lib/jvm, else the java on the PATH.
find_jdk() {
	local candidates=() c v
	[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
	for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
	if command -v javac >/dev/null 2>&1; then
		candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
	fi
	local best="" best_v=0
	for c in "${candidates[@]}"; do
		[ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
		v=$(java_major "$c")
		[ -n "$v" ] || continue
		if [ "$v" -ge 21 ] && { [ "$c" = "${JAVA_HOME:-}" ] || [ "$v" -gt "$best_v" ]; }; then
			best=$c best_v=$v
			[ "$c" = "${JAVA_HOME:-}" ] && break
		fi
	done
	if [ -z "$best" ]; then
		die "no JDK 21 or newer found (looked at \$JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/* and the PATH).
Install one (e.g. 'apt-get install openjdk-21-jdk' or a Temurin 21+ JDK) or set JAVA_HOME to it."
	fi
	export JAVA_HOME=$best
	export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs Debian packages that are missing; as non-root prints the command instead and fails.
ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "missing system packages: ${missing[*]}
Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
	fi
	echo "scriptorium: installing ${missing[*]}" >&2
	apt-get update -qq >&2 || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 ||
		die "could not install ${missing[*]} with apt-get"
}

# Installs Debian packages that some tests use (they skip with a message without them): as root like
# ensure_packages, with services kept from starting (policy-rc.d); otherwise a note only.
want_packages() {
	local missing=() p policy=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "scriptorium: tests that need ${missing[*]} will be skipped (sudo apt-get install -y ${missing[*]})" >&2
		return 0
	fi
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1
	fi
	echo "scriptorium: installing ${missing[*]}" >&2
	{ DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
		{ apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			"${missing[@]}" >&2; }; } || echo "scriptorium: could not install ${missing[*]}; their tests will be skipped" >&2
	[ -n "$policy" ] && rm -f /usr/sbin/policy-rc.d
	return 0
}

# What every build needs besides a JDK: a downloader for the Maven wrapper.
ensure_build_tools() {
	command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || ensure_packages curl
}

mvnw() {
	local offline=()
	[ "${SCRIPTORIUM_OFFLINE:-}" = 1 ] && offline=(-o)
	(cd "$ROOT" && ./mvnw -B "${offline[@]}" "$@")
}

# Builds the plug-ins, the update site and both products, without running tests.
build_product() {
	ensure_build_tools
	echo "scriptorium: building the plug-ins and the product (./mvnw verify -DskipTests)..." >&2
	mvnw verify -DskipTests -q || die "the build failed (run './mvnw -B verify -DskipTests' to see why)"
}

launcher_jar() {
	local jar
	jar=$(ls "$1"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
	[ -n "$jar" ] || die "no equinox launcher in $1/plugins"
	echo "$jar"
}

run_ide() {
	local workspace="$HOME/scriptorium-workspace" extra=()
	while [ $# -gt 0 ]; do
		case "$1" in
			--workspace) workspace=${2:?--workspace needs a folder}; shift 2 ;;
			--workspace=*) workspace=${1#*=}; shift ;;
			--) shift; extra=("$@"); break ;;
			*) die "ide: unknown option '$1' (see ./scriptorium --help)" ;;
		esac
	done
	find_jdk
	[ -d "$IDE_HOME/plugins" ] || build_product
	[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] ||
		die "no display: the IDE needs an X or Wayland session (or run it under 'xvfb-run -a ./scriptorium')"
	mkdir -p "$workspace"
	cd "$IDE_HOME"
	exec "$JAVA_HOME/bin/java" -Xmx2g "${LUCENE_JVM_ARGS[@]}" -jar "$(launcher_jar "$IDE_HOME")" -data "$workspace" \
		"${extra[@]}"
}

# The command-line tool (org.scriptorium.cli, "scriptorium COMMAND ..."), run outside OSGi on the jars of the built
# product; its standard output and error are the command's, less the JVM's notice $INCUBATOR_NOTICE.
run_cli() {
	find_jdk
	[ -d "$IDE_HOME/plugins" ] || build_product
	local cp="" jar
	# the dense feature's libraries too: its models, ONNX Runtime and the DJL tokenizer (with their native libraries),
	# found by the search through ServiceLoader (META-INF/services in org.scriptorium.dense)
	for jar in "$IDE_HOME"/plugins/org.scriptorium.*.jar "$IDE_HOME"/plugins/picocli_*.jar \
		"$IDE_HOME"/plugins/com.google.gson_*.jar \
		"$IDE_HOME"/plugins/wrapped.org.apache.lucene.*.jar "$IDE_HOME"/plugins/org.apache.lucene.core_*.jar \
		"$IDE_HOME"/plugins/wrapped.org.jbibtex.*.jar \
		"$IDE_HOME"/plugins/wrapped.de.undercouch.citeproc-java_*.jar "$IDE_HOME"/plugins/org.antlr.antlr4-runtime_*.jar \
		"$IDE_HOME"/plugins/org.apache.commons.lang3_*.jar "$IDE_HOME"/plugins/org.apache.commons.text_*.jar \
		"$IDE_HOME"/plugins/wrapped.dev.langchain4j.*.jar "$IDE_HOME"/plugins/wrapped.com.microsoft.onnxruntime.*.jar \
		"$IDE_HOME"/plugins/wrapped.ai.djl.*.jar "$IDE_HOME"/plugins/com.sun.jna_*.jar \
		"$IDE_HOME"/plugins/slf4j.api_*.jar "$IDE_HOME"/plugins/slf4j.nop_*.jar \
		"$IDE_HOME"/plugins/com.fasterxml.jackson.core.*.jar "$IDE_HOME"/plugins/org.apache.commons.commons-*.jar; do
		[ -f "$jar" ] && cp="$cp${cp:+:}$jar"
	done
	# exec: signals (Ctrl+C, SIGTERM) reach the tool itself, which stops an experiment politely; the filter of standard
	# error ignores them and ends when the tool does
	# shellcheck disable=SC2086 # JAVA_OPTS holds several options
	exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${LUCENE_JVM_ARGS[@]}" ${JAVA_OPTS:-} -cp "$cp" \
		org.scriptorium.cli.internal.ScriptoriumCli "$@" \
		2> >(trap '' INT TERM; grep -v -x -F --line-buffered "$INCUBATOR_NOTICE" >&2)
}

# Sums the Surefire reports of every test bundle and the install test's tests into one closing line.
test_summary() {
	local install_passed=$1 install_failed=$2 install_skipped=${3:-0}
	local totals
	totals=$(cat "$ROOT"/bundles/*/target/surefire-reports/TEST-*.xml 2>/dev/null | grep -o '<testsuite [^>]*>' |
		awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2]; sub(/".*/, "", v);
			if (kv[1] == "tests") t += v; if (kv[1] == "failures") f += v; if (kv[1] == "errors") e += v;
			if (kv[1] == "skipped") s += v } }
		END { printf "%d %d %d", t - f - e - s, f + e, s }') || true # no report at all: grep fails, awk prints zeros
	set -- $totals
	echo "scriptorium test: $(( ${1:-0} + install_passed )) passed, $(( ${2:-0} + install_failed )) failed, $(( ${3:-0} + install_skipped )) skipped"
}

# Names each failed or erroneous test of the Surefire reports with the first line of its message, so that the last
# lines of a run say what failed, after the workspace logs.
failed_tests() {
	local report
	for report in "$ROOT"/bundles/*/target/surefire-reports/TEST-*.xml; do
		[ -f "$report" ] || continue
		awk -v bundle="$(basename "$(dirname "$(dirname "$(dirname "$report")")")")" '
			/<testcase / { name = $0; sub(/.*<testcase name="/, "", name); sub(/".*/, "", name)
				cls = $0; sub(/.*classname="/, "", cls); sub(/".*/, "", cls) }
			/<(failure|error)[ >]/ { msg = $0; sub(/.*message="/, "", msg); sub(/" type=.*|">.*/, "", msg)
				if (msg == $0) msg = ""
				printf "scriptorium: FAILED %s %s.%s: %s\n", bundle, cls, name, substr(msg, 1, 300) }' "$report"
	done
}

# Runs every test: the Maven build with unit and UI tests under Xvfb, then the install test.
run_all_tests() {
	ensure_packages xvfb xauth libgtk-3-0
	# the sandbox's Python side, its PyTorch reference and the Slurm executor's tests against a real Slurm
	want_packages python3-torch python3-pytest python3-numpy slurmctld slurmd slurm-client munge
	ensure_build_tools
	find_jdk
	echo "scriptorium: JDK $JAVA_HOME (Java $(java_major "$JAVA_HOME"))" >&2
	local status=0
	(cd "$ROOT" && xvfb-run -a -s "$XVFB_SCREEN" ./mvnw -B --fail-at-end clean verify) || status=$?
	if [ $status -ne 0 ]; then
		echo "scriptorium: the build or its tests failed (exit $status)" >&2
		for log in "$ROOT"/bundles/*/target/work/data/.metadata/.log; do
			[ -f "$log" ] && { echo "---- $log" >&2; tail -n 60 "$log" >&2; }
		done
		failed_tests >&2
		test_summary 0 0 "$INSTALL_TESTS" # the install test did not run
		return $status
	fi
	local counts
	counts=$(run_install_test)
	# shellcheck disable=SC2086 # three numbers: passed failed skipped
	test_summary $counts
	set -- $counts
	[ "$2" -eq 0 ] && [ "$3" -eq 0 ]
}

# Runs the install test under Xvfb (its output to stderr) and prints its counts "PASSED FAILED SKIPPED" from its last
# line, "install-test: P passed, F failed, S skipped"; if it printed none (it stopped early), all its tests failed.
run_install_test() {
	local line counts
	line=$(xvfb-run -a -s "$XVFB_SCREEN" "$ROOT/releng/scripts/install-test.sh" | tee /dev/stderr | tail -n 1) || true
	counts=$(echo "$line" | sed -n 's/^install-test: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
	echo "${counts:-0 $INSTALL_TESTS 0}"
}
