# Stops a server process once the JVM that started it is gone (also after kill -9 of that JVM).
# Arguments: local-stack-owner-watchdog <owner pid> <server pid> (the first one names the process in ps)
owner=$2
server=$3

alive() {
  # A zombie is dead even though kill -0 still succeeds on it.
  kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"
}

while alive "$owner" && alive "$server"; do
  sleep 1
done

if alive "$server"; then
  kill -TERM "$server" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    alive "$server" || exit 0
    sleep 1
  done
  kill -KILL "$server" 2>/dev/null
fi
