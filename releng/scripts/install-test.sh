#!/usr/bin/env bash
# The install test: installs org.scriptorium.feature from the freshly built update site into a copy of the bare
# Eclipse product with the p2 director (as Help > Install New Software does), starts that installation on the
# Scriptorium perspective and checks that the Scriptorium bundles resolve and the Papers view opens with the
# default corpus, with no error in the log. Needs a display (run under xvfb-run) and a built tree.
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
fail() {
	echo "install test: FAILED: $*" >&2
	echo "install-test: 0 passed, 1 failed"
	exit 1
}

ECLIPSE="$WORK/eclipse"
cp -r "$BASE_HOME" "$ECLIPSE"
LAUNCHER=$(launcher_jar "$ECLIPSE")

echo "install test: installing org.scriptorium.feature from $SITE into a bare Eclipse" >&2
(cd "$ECLIPSE" && "$JAVA_HOME/bin/java" -jar "$LAUNCHER" -nosplash -consoleLog \
	-application org.eclipse.equinox.p2.director \
	-repository "file:$SITE" -installIU org.scriptorium.feature.feature.group) >"$WORK/director.log" 2>&1 ||
	{ cat "$WORK/director.log" >&2; fail "the p2 director could not install the feature"; }
grep -q "Operation completed" "$WORK/director.log" || { cat "$WORK/director.log" >&2; fail "the director did not complete"; }

INFO="$ECLIPSE/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
for b in org.scriptorium.core org.scriptorium.search org.scriptorium.sandbox org.scriptorium.launching \
	org.scriptorium.ui org.scriptorium.sandbox.ui com.google.gson \
	wrapped.org.apache.lucene.lucene-core wrapped.org.apache.lucene.lucene-analysis-common; do
	grep -q "^$b," "$INFO" || fail "bundle $b is not in the installed configuration ($INFO)"
done

cat >"$WORK/trace.options" <<'EOF'
org.scriptorium.ui/debug=true
org.scriptorium.ui/debug/views=true
EOF
echo "install test: starting the installed Eclipse on the Scriptorium perspective" >&2
(cd "$ECLIPSE" && exec "$JAVA_HOME/bin/java" -Xmx1g -jar "$LAUNCHER" -data "$WORK/workspace" -consoleLog \
	-debug "$WORK/trace.options" -perspective org.scriptorium.ui.perspective) >"$WORK/eclipse.out" 2>&1 &
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

LOG="$WORK/workspace/.metadata/.log"
if [ -f "$LOG" ]; then
	if grep -q "Could not resolve module: org.scriptorium" "$LOG"; then
		cat "$LOG" >&2
		fail "a Scriptorium bundle did not resolve"
	fi
	if grep -q "^!ENTRY [^ ]* 4 " "$LOG"; then
		cat "$LOG" >&2
		fail "errors were logged by the installed Eclipse"
	fi
fi
echo "install test: the feature installed from the update site; the Papers view opened with the default corpus and its Lucene index" >&2
echo "install-test: 1 passed, 0 failed"
