# Shared steps of the benchmark scripts (sourced, not run): a private PostgreSQL and the Release builds.

# bench_postgres DIR: starts a throwaway PostgreSQL cluster in DIR on a free port with an empty database carewatch;
# sets pg_port and exports ConnectionStrings__CareWatch for the server. The caller's cleanup stops it.
bench_postgres() {
  pg_port=$(ops/free-port.sh)
  ops/pg-cluster.sh start "$1" "$pg_port"
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE carewatch"
  export ConnectionStrings__CareWatch="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=carewatch"
}

# bench_build: the server and the simulator in Release (one build at a time per checkout); sets sim, the command
# that runs the simulator.
bench_build() {
  echo "Building (Release)…" >&2
  flock .carewatch/build.lock dotnet build src/CareWatch.Server -c Release -v quiet -nologo -clp:ErrorsOnly >&2
  flock .carewatch/build.lock dotnet build firmware-sim/CareWatch.FirmwareSim -c Release -v quiet -nologo -clp:ErrorsOnly >&2
  sim=(dotnet firmware-sim/CareWatch.FirmwareSim/bin/Release/net10.0/CareWatch.FirmwareSim.dll)
}
