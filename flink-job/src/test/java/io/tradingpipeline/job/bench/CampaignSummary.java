package io.tradingpipeline.job.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** The campaign's figures: rounds and failures per fault kind, recovery p50 and max per kind. */
final class CampaignSummary {

    private final List<RoundResult> results;

    CampaignSummary(List<RoundResult> results) {
        this.results = List.copyOf(results);
    }

    long failures() {
        return results.stream().filter(RoundResult::failed).count();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "fault campaign: %d rounds, %d failed", results.size(), failures()));
        lines.add(String.format(Locale.ROOT, "%-17s %6s %6s   %-30s %s", "kind", "rounds", "failed",
                "kill -> tasks RUNNING p50/max", "kill -> caught up p50/max"));
        for (FaultKind kind : FaultKind.values()) {
            List<RoundResult> ofKind = results.stream().filter(result -> result.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%-17s %6d %6d   %-30s %s", kind, ofKind.size(),
                    ofKind.stream().filter(RoundResult::failed).count(),
                    p50AndMax(ofKind, RoundResult::killToTasksRunning), p50AndMax(ofKind, RoundResult::killToCaughtUp)));
        }
        results.stream().filter(RoundResult::failed)
                .forEach(result -> lines.add("failed: round " + result.round() + " " + result.kind() + ": "
                        + result.failure()));
        return lines;
    }

    /** Over the rounds that reached the point (failed rounds included when they did). */
    private static String p50AndMax(List<RoundResult> rounds, Function<RoundResult, Duration> time) {
        List<Duration> times = rounds.stream().map(time).filter(Objects::nonNull).sorted().toList();
        if (times.isEmpty()) {
            return "-";
        }
        Duration p50 = times.get((times.size() - 1) / 2);
        return RoundResult.seconds(p50) + " / " + RoundResult.seconds(times.get(times.size() - 1))
                + " (n=" + times.size() + ")";
    }
}
