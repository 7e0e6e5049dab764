// CPU time of this process (user + system), to read beside wall time on a shared machine:
// when other work takes the cores, wall time grows but CPU time does not (much).

/** Starts a CPU clock; the returned function gives the milliseconds of CPU used since. */
export function cpuTimer() {
  const start = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
}
