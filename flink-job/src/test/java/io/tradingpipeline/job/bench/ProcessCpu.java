package io.tradingpipeline.job.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (utime + stime, all threads): a {@link Snapshot} now and
 * one later give each process's share of the time in between.
 */
final class ProcessCpu {
    /** Clock ticks per second of utime/stime; 100 on every Linux x86_64 kernel (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** CPU seconds used so far, by process name, and when they were read. */
    record Snapshot(long nanoTime, Map<String, Double> cpuSeconds) {

        static Snapshot of(Map<String, Long> pids) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            pids.forEach((name, pid) -> clockTicks(pid).ifPresent(ticks -> seconds.put(name, ticks / TICKS_PER_SECOND)));
            return new Snapshot(System.nanoTime(), seconds);
        }

        /** Cores used by each process between {@code earlier} and this snapshot (1.0 = one core busy). */
        Map<String, Double> coresSince(Snapshot earlier) {
            double wallSeconds = (nanoTime - earlier.nanoTime) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            cpuSeconds.forEach((name, seconds) -> {
                Double before = earlier.cpuSeconds.get(name);
                if (before != null && wallSeconds > 0) {
                    cores.put(name, (seconds - before) / wallSeconds);
                }
            });
            return cores;
        }
    }

    private static OptionalLong clockTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
