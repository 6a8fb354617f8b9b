#!/bin/bash
# Hear what Orca says in the window, without a desktop: Xvfb, a private D-Bus session, the AT-SPI
# bus and Orca with its debug log. Needs the Debian packages xvfb, xdotool, dbus, at-spi2-core,
# orca and python3-pyatspi. Speech is not sent to a synthesiser (none is needed): Orca still
# writes every utterance to its log, and this prints them, key by key.
#
#   tools/orca_check.sh FILE.json [KEY ...]      (default keys: the Results page, then a question)
#
# Orca's own settings are left as they were: the customisation that turns off its speech
# server is put in place for the run and emptied again afterwards.
set -euo pipefail
file=${1:?an assessment file}
shift || true
keys=("$@")
[ ${#keys[@]} -gt 0 ] || keys=(ctrl+2 Tab Tab Tab Tab Tab Tab Tab ctrl+1 ctrl+Next ctrl+Next)
app=${COPROD_CHECK:-coprod-check}
work=$(mktemp -d)
custom=~/.local/share/orca/orca-customizations.py
mkdir -p "$(dirname "$custom")"
cleanup() {
  [ -f "$work/pids" ] && while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$work/pids"
  : > "$custom"
}
trap cleanup EXIT
printf 'import orca.speech\norca.speech.init = lambda *a, **k: None\n' > "$custom"

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1366x768x24 > "$work/xvfb.log" 2>&1 &
echo $! >> "$work/pids"
sleep 1
cat > "$work/inside.sh" <<EOF
#!/bin/bash
export DISPLAY=$display QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
/usr/libexec/at-spi-bus-launcher --launch-immediately > "$work/atspi.log" 2>&1 &
sleep 2
orca --replace --debug-file="$work/orca.log" > "$work/orca.out" 2>&1 &
sleep 4
XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
  "$app" "$file" > "$work/app.log" 2>&1 &
sleep 8
window=\$(xdotool search --onlyvisible --name coprod | head -1)
xdotool windowfocus "\$window"  # no window manager: give it the focus, so Orca follows it
sleep 3
for key in ${keys[*]}; do
  echo "=== \$key \$(date +%H:%M:%S.%N)" >> "$work/marks"
  xdotool key "\$key"
  sleep 1.5
done
sleep 8  # Orca writes its log a little behind
kill %3 %2 %1 2>/dev/null || true
EOF
chmod +x "$work/inside.sh"
dbus-run-session -- "$work/inside.sh"
python3 - "$work" <<'EOF'
import re, sys
work = sys.argv[1]
marks = [line.split()[1:] for line in open(f"{work}/marks")]
speech = []
for line in open(f"{work}/orca.log", errors="replace"):
    found = re.match(r"(\d\d:\d\d:\d\d\.\d+) - SPEECH OUTPUT: '(.*?)'\s*(\{.*)?$", line.rstrip("\n"))
    if found:
        speech.append((found.group(1), found.group(2)))
for n, (key, start) in enumerate(marks):
    end = marks[n + 1][1] if n + 1 < len(marks) else "99"
    print(f"=== {key}")
    for when, said in speech:
        if start[:15] <= when < end[:15]:
            print(f"    {said}")
EOF
