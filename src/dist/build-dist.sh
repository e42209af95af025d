#!/usr/bin/env bash
# Builds the self-contained distribution target/tenken-VERSION-linux-x64.tar.gz (run by Maven at
# `package`): a jlinked runtime holding only the modules Tenken needs, the application jars, a
# start-up cache made by training on the demo and a template run, bin/tenken, the licence and the SBOM.
#
# The runtime comes from the newest JDK at hand: JDK 25+ (TENKEN_DIST_JDK, else a Temurin 25
# beside the build JDK) gives an ahead-of-time cache (JEP 483/514: classes loaded and linked, a
# superset of class-data sharing) that keeps working after the archive is unpacked anywhere.
# With only JDK 17 the cache is a dynamic CDS archive, which JDK 17 accepts only at the path
# where it was made, so the launcher uses it there and otherwise starts without it.
# Usage: build-dist.sh BUILD_JAVA_HOME TARGET_DIR VERSION BASEDIR
set -euo pipefail
build_java_home="$1" target="$2" version="$3" basedir="$4"
name="tenken-$version"
work="$target/dist"
root="$work/$name"

# Modules: `jdeps --print-module-deps --ignore-missing-deps` over tenken.jar and lib/ gives
# java.base, java.compiler, java.desktop (java.beans for FreeMarker), java.management,
# java.naming, java.rmi, java.security.jgss, java.sql, jdk.unsupported. Added by running it:
# jdk.crypto.ec (TLS key exchange with AWS endpoints), jdk.localedata (Japanese dates and
# numbers; only en and ja kept), jdk.zipfs (Drools reads jars as file systems).
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.rmi,java.security.jgss,java.sql,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs

feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jdk=""
for candidate in "${TENKEN_DIST_JDK:-}" "$(dirname "$build_java_home")/temurin-25-jdk-amd64" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [[ -n "$candidate" && -x "$candidate/bin/jlink" ]] && (( $(feature "$candidate") >= 25 )); then
    jdk="$candidate"; break
  fi
done
[[ -z "$jdk" ]] && jdk="$build_java_home"
if [[ ! -x "$jdk/bin/jlink" ]]; then
  echo "dist: $jdk has no jlink (a JRE?); set TENKEN_DIST_JDK to a JDK 17+" >&2
  exit 1
fi
release="$(feature "$jdk")"
echo "dist: runtime from $jdk (Java $release)"

rm -rf "$work"
mkdir -p "$root/bin" "$root/app/lib"
link=(--add-modules "$modules" --include-locales=en,ja --strip-debug --no-man-pages --no-header-files)
if (( release >= 25 )); then
  # The AOT cache made below holds the JDK's own classes too: no separate base CDS archive.
  link+=(--compress=zip-6)
else
  link+=(--compress=2 --generate-cds-archive)
fi
command -v objcopy >/dev/null && link+=(--strip-native-debug-symbols "objcopy=$(command -v objcopy)")
"$jdk/bin/jlink" "${link[@]}" --output "$root/runtime"
# The archive for heaps over 32 GB (no compressed oops) is never used by a CLI of this size.
rm -f "$root/runtime/lib/server/"classes_nocoops*.jsa
cp "$target/tenken.jar" "$root/app/"
cp "$target/lib/"*.jar "$root/app/lib/"
cp "$basedir/src/dist/tenken" "$root/bin/tenken"
chmod 0755 "$root/bin/tenken"
cp "$basedir/LICENSE" "$basedir/README.md" "$root/"
[[ -f "$target/$name.cdx.json" ]] && cp "$target/$name.cdx.json" "$root/sbom.cdx.json"

# Training, with the launcher's own flags and class path: in one JVM the demo (rule pack, engine,
# every renderer), then `template` on the real GenU cloud assembly (JSON) and a YAML template with
# short forms, so template runs start from the cache too (io.tenken.cli.StartupTraining).
train="$(mktemp -d)"
trap 'rm -rf "$train"' EXIT
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)
training=(-cp "$root/app/tenken.jar" io.tenken.cli.StartupTraining "$train"
  "$basedir/src/test/resources/template/genu/default" "$basedir/src/test/resources/template/resolution/functions.yaml")
if (( release >= 25 )); then
  "$root/runtime/bin/java" "${flags[@]}" -XX:AOTCacheOutput="$root/app/tenken.aot" -Xlog:aot=off -Xlog:cds=off \
    "${training[@]}" >/dev/null
  test -s "$root/app/tenken.aot"
else
  "$root/runtime/bin/java" "${flags[@]}" -XX:ArchiveClassesAtExit="$root/app/tenken.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "${training[@]}" >/dev/null
  (cd "$root" && pwd -P) > "$root/app/tenken.jsa.home"
fi
rm -rf "$train"

# Reproducible-ish archive: sorted names, fixed owner.
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work" -czf "$target/$name-linux-x64.tar.gz" "$name"
echo "dist: $target/$name-linux-x64.tar.gz ($(du -h "$target/$name-linux-x64.tar.gz" | cut -f1); unpacked $(du -sh "$root" | cut -f1))"
