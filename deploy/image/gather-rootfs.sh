#!/bin/sh
# Runs in the first stage of deploy/Dockerfile: copies into $1 the whole podbgp image, i.e. the
# Java runtime, the jars and the launcher from /opt/podbgp, the programs the daemon runs (ip, nft,
# sysctl), the shell and setpriv its launcher needs, each with the shared libraries ldd says it loads.
set -eu
out="$1"
mkdir -p "$out/usr/bin" "$out/usr/sbin" "$out/usr/lib/x86_64-linux-gnu" "$out/usr/lib64" \
  "$out/etc" "$out/tmp" "$out/run/podbgp" "$out/etc/cni/net.d" "$out/etc/podbgp"
# Debian's merged /usr: /bin, /sbin, /lib and /lib64 are links into /usr.
for d in bin sbin lib lib64; do ln -s "usr/$d" "$out/$d"; done
chmod 1777 "$out/tmp"

# A file at its canonical path (links in the directory part resolved, the file itself copied).
put() {
  dir="$(realpath "$(dirname "$1")")"
  mkdir -p "$out$dir"
  cp -L "$1" "$out$dir/$(basename "$1")"
}

mkdir -p "$out/opt"
cp -a /opt/podbgp "$out/opt/"
ln -s /opt/podbgp/bin/podbgp "$out/usr/bin/podbgp"
programs="$(command -v ip) $(command -v nft) $(command -v sysctl) $(command -v dash) $(command -v setpriv)"
for p in $programs; do put "$p"; done
ln -s dash "$out/usr/bin/sh"

# Shared libraries of the programs and of every native library of the runtime; the runtime's
# own (libjvm.so, libjava.so, ...) are already there.
objects="$programs $(find /opt/podbgp/java -type f \( -name '*.so' -o -path '*/bin/*' \))"
for o in $objects; do
  ldd "$o" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
done | sort -u | grep -v '^/opt/podbgp/' | while read -r lib; do put "$lib"; done

# ip reads its name tables (protocols, scopes) from here.
[ -d /usr/share/iproute2 ] && mkdir -p "$out/usr/share" && cp -a /usr/share/iproute2 "$out/usr/share/"

# The capabilities of `podbgp run`: a copy of setpriv permitted (not effective) to hold them.
# The launcher makes them inheritable and ambient with it, then starts java, so the daemon and
# every program it runs (ip, nft, sysctl, the CNI plugins) have them: file capabilities on java
# itself would die at its first execve. Permitted only, because the kernel refuses to start a
# file whose effective capabilities the container cannot grant, and `podbgp version` and the
# other commands must start anywhere.
cp "$(command -v setpriv)" "$out/opt/podbgp/bin/net-caps"
setcap cap_net_admin,cap_net_raw,cap_net_bind_service+p "$out/opt/podbgp/bin/net-caps"
printf '%s\n' /usr/lib/x86_64-linux-gnu /usr/lib > "$out/etc/ld.so.conf"
ldconfig -r "$out"

cat > "$out/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/usr/sbin/nologin
podbgp:x:65532:65532:podbgp:/nonexistent:/usr/sbin/nologin
PASSWD
cat > "$out/etc/group" <<GROUP
root:x:0:
podbgp:x:65532:
GROUP
# The control socket's directory and the CNI conf dir are the daemon's to write.
chown 65532:65532 "$out/run/podbgp" "$out/etc/cni/net.d"
